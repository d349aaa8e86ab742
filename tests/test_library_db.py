"""library.db migrations: an old database migrated forward works like a fresh one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from library_helpers import content, lesson, open_library, write_pack
from sqlite_utils import Database

from kit.core.library import db, search


def _schema(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return sorted(conn.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"))
    finally:
        conn.close()


def test_database_at_first_migration_moves_forward(tmp_path: Path, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    db.migrations.apply(Database(conn), stop_before="m002_search_map")
    conn.execute(
        "INSERT INTO packs VALUES ('old', '1.0.0', 'Old', '{}', '{}', '{}', 0, '', 0, 'x', 'x')"
    )
    conn.execute(
        "INSERT INTO items VALUES ('old', 'i', 'm', 0, 'lesson', 'Soap', 1, '{\"id\": \"i\"}')"
    )
    conn.execute(
        "INSERT INTO search_index (title, text, pack_id, item_id, lang) "
        "VALUES ('Soap', 'wash with soap', 'old', 'i', '')"
    )
    conn.close()
    with open_library(data_dir) as lib:
        assert [r["item_id"] for r in lib.search("soap")] == ["i"]
        lib.remove("old")
        assert lib.search("soap") == []
        lib.install(write_pack(tmp_path / "p.kitpack", content(items=[lesson("w", "Wash")])))
        assert [r["item_id"] for r in lib.search("wash")] == ["w"]
    fresh = tmp_path / "fresh"
    open_library(fresh).close()
    assert _schema(data_dir / "library.db") == _schema(fresh / "library.db")


def test_broad_queries_are_ranked_among_a_bounded_set(
    tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    items = [lesson(f"l{n}", f"Lesson {n}", "common words everywhere") for n in range(30)]
    items.append(lesson("zbest", "Common common", "common common common"))
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "p.kitpack", content(items=items)))
        assert lib.search("common", limit=3)[0]["item_id"] == "zbest"
        monkeypatch.setattr(search, "RANK_AT_MOST", 10)
        results = lib.search("common", limit=3)
        assert len(results) == 3 and "zbest" not in [r["item_id"] for r in results]


def _search_rowid(lib, item_id: str) -> int:
    return lib.conn.execute(
        "SELECT rowid FROM search_map WHERE pack_id = 'demo' AND item_id = ?", (item_id,)
    ).fetchone()[0]


def test_items_from_before_digests_are_compared_by_their_rows(
    tmp_path: Path, data_dir: Path
) -> None:
    # m009 leaves the rows of packs installed before it without a digest: their next
    # update works it out from the row, keeps the unchanged items and rewrites the rest.
    v1 = content(items=[lesson("a", "Alpha"), lesson("b", "Beta"), lesson("c", "Gamma")])
    v2 = content(
        version="1.1.0", items=[lesson("a", "Alpha"), lesson("b", "Beta two"), lesson("d", "Delta")]
    )
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "v1.kitpack", v1))
        lib.conn.execute("UPDATE items SET digest = NULL")
        kept = _search_rowid(lib, "a")
        lib.install(write_pack(tmp_path / "v2.kitpack", v2))
        assert _search_rowid(lib, "a") == kept  # unchanged: not indexed again
        assert lib.get_item("demo", "b")["title"] == "Beta two"
        assert lib.get_item("demo", "c") is None
        assert [r["item_id"] for r in lib.search("delta")] == ["d"]
        assert [r["item_id"] for r in lib.search("alpha")] == ["a"]
        nulls = lib.conn.execute("SELECT count(*) FROM items WHERE digest IS NULL").fetchone()
        assert nulls == (0,)


def test_update_rewrites_an_item_whose_value_changed_only_in_type(
    tmp_path: Path, data_dir: Path
) -> None:
    whole, fraction = lesson("a", "Alpha"), dict(lesson("a", "Alpha"), minutes=2.0)
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "v1.kitpack", content(items=[whole])))
        assert lib.get_item("demo", "a")["minutes"] == 2
        lib.install(write_pack(tmp_path / "v2.kitpack", content(version="1.1.0", items=[fraction])))
        minutes = lib.get_item("demo", "a")["minutes"]
        assert minutes == 2.0 and isinstance(minutes, float)
