"""search_terms: the index's per-word row counts stay equal to a recount, and searches
planned from them find and order what the plain FTS5 query would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from library_helpers import content, lesson, open_library, write_pack
from sqlite_utils import Database
from test_library_search import ITEMS

from kit.core.library import db, ranking, terms


def _stored(data_dir: Path) -> dict[str, int]:
    conn = sqlite3.connect(data_dir / "library.db")
    try:
        return dict(conn.execute("SELECT term, docs FROM search_terms"))
    finally:
        conn.close()


def _recount(data_dir: Path) -> dict[str, int]:
    """What FTS5 itself says (fts5vocab), and the number of index rows as ''."""
    conn = sqlite3.connect(data_dir / "library.db")
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, search_index, 'row')")
        counts = dict(conn.execute("SELECT term, doc FROM temp.v"))
        counts[""] = conn.execute("SELECT count(*) FROM search_map").fetchone()[0]
        return counts
    finally:
        conn.close()


TRANSLATIONS = {"es": {"items": {"water": {"title": "Agua limpia", "body": "Hervir el agua."}}}}


def test_counts_equal_a_recount_after_install_update_and_removal(
    tmp_path: Path, data_dir: Path
) -> None:
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "a.kitpack", content(items=ITEMS, translations=TRANSLATIONS)))  # fmt: skip
        lib.install(write_pack(tmp_path / "b.kitpack", content("other", items=ITEMS[:3])))
        assert _stored(data_dir) == _recount(data_dir)
        assert _stored(data_dir)["burns"] == 4 and _stored(data_dir)["साबुन"] == 1
        # An update: lessons changed, one gone, one new, a translation changed.
        items = [dict(it, body=it["body"] + " Нова ﬁne") for it in ITEMS[:4]] + ITEMS[5:]
        items.append(lesson("new", "Extra café", "Entirely new words here"))
        tr = {"es": {"items": {"water": {"title": "Agua", "body": "Otra cosa."}}}}
        lib.install(write_pack(tmp_path / "a2.kitpack", content(version="1.1.0", items=items, translations=tr)))  # fmt: skip
        assert _stored(data_dir) == _recount(data_dir)
        assert "hervir" not in _stored(data_dir) and _stored(data_dir)["entirely"] == 1
        lib.remove("demo")
        assert _stored(data_dir) == _recount(data_dir)
        lib.remove("other")
    assert _stored(data_dir) == {"": 0}


def test_a_big_pack_is_counted_as_fts5_counts_it(tmp_path: Path, data_dir: Path) -> None:
    # Enough rows to be counted on a thread of their own (terms.BACKGROUND_ROWS), with
    # words FTS5 folds (case, diacritics, ligatures), scripts beyond ASCII, and digits.
    words = ["Café", "cafe", "ﬁne", "Нова", "साबुन", "Straße", "x2", "ÆON", "naïve", "日本語"]
    n = terms.BACKGROUND_ROWS + 50
    items = [
        lesson(f"l{i}", f"Lesson {i} {words[i % 10]}", f"Body {words[(i * 3) % 10]} w{i % 7}")
        for i in range(n)
    ]
    tr = {
        "es": {"items": {f"l{i}": {"title": f"Lección {i}", "body": "Hervir"} for i in range(60)}}
    }
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "a.kitpack", content(items=items, translations=tr)))
        assert _stored(data_dir) == _recount(data_dir)
        # "Café" or "cafe" in 50 titles and 50 bodies, both in 25 of those rows.
        assert _stored(data_dir)[""] == n + 60 and _stored(data_dir)["cafe"] == 75
        # Another pack's rows after it: rows written again would get other rowids.
        lib.install(write_pack(tmp_path / "b.kitpack", content("other", items=items[:2])))
        kept = lib.conn.execute("SELECT rowid FROM search_map WHERE item_id = 'l100'").fetchall()
        items[3] = lesson("l3", "Changed", "Entirely new words")
        lib.install(write_pack(tmp_path / "a2.kitpack", content(version="1.1.0", items=items)))
        assert _stored(data_dir) == _recount(data_dir) and "hervir" not in _stored(data_dir)
        assert [r["item_id"] for r in lib.search("entirely")] == ["l3"]
        # Its digest, made beside the index at the install, says l100 is unchanged.
        assert (
            lib.conn.execute("SELECT rowid FROM search_map WHERE item_id = 'l100'").fetchall()
            == kept
        )
        assert lib.get_item("demo", "l3")["title"] == "Changed"
        lib.remove("demo")
        lib.remove("other")
    assert _stored(data_dir) == {"": 0}


def test_a_library_from_before_the_counts_is_counted_when_opened(
    tmp_path: Path, data_dir: Path
) -> None:
    with open_library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "a.kitpack", content(items=ITEMS)))
    conn = sqlite3.connect(data_dir / "library.db", isolation_level=None)
    conn.execute("DROP TABLE search_terms")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm010_search_terms'")
    conn.close()
    with open_library(data_dir) as lib:
        assert [r["item_id"] for r in lib.search("burns")] == ["burns", "water"]
    assert _stored(data_dir) == _recount(data_dir) and _stored(data_dir)[""] == len(ITEMS)
    assert "m010_search_terms" in db.migrations.applied_names(
        Database(sqlite3.connect(data_dir / "library.db")).conn
    )


ONCE = "A short note that mentions {w} once among many other plain words of text here."
OFTEN = "This one is about {w}: {w} here, {w} there, and {w} again among other words."


@pytest.fixture
def common(tmp_path: Path, data_dir: Path, monkeypatch):
    """Forty lessons holding 'hygiene' (and 'hygienic'), and a few rarer words, with
    BROAD so low that 'hygiene' counts as a common word."""
    items = [lesson(f"l{n:02d}", f"Lesson {n}", ONCE.format(w="hygiene")) for n in range(36)]
    items += [
        lesson("often", "Lesson often", OFTEN.format(w="hygiene") + " rare"),
        lesson("titled", "Hygiene at home", ONCE.format(w="hygiene") + " rare"),
        lesson("plain", "Lesson plain", ONCE.format(w="hygiene") + " rare"),
        lesson("stub", "Video: Hygiene", "watch online"),
        lesson("ic", "Hygienic kitchens", ONCE.format(w="hygienic")),
    ]
    library = open_library(data_dir)
    library.install(write_pack(tmp_path / "a.kitpack", content(items=items)))
    library.install(write_pack(tmp_path / "b.kitpack", content("copy", items=items[-5:-4])))
    monkeypatch.setattr(ranking, "BROAD", 8)
    yield library
    library.close()


def _ids(lib, query: str, limit: int = 20) -> list[str]:
    return [r["item_id"] for r in lib.search(query, limit)]


@pytest.mark.parametrize("query", ["hygiene", "hygien", "HYGIENE"])
def test_a_common_word_ranks_title_and_frequent_use_first_and_stubs_last(common, query) -> None:
    rows = common.search(query, 50)
    ids = [r["item_id"] for r in rows]
    # "hygien" also finds "Hygienic kitchens": a title as short, so it may come first.
    titled = {"titled", "ic"} if query == "hygien" else {"titled"}
    assert set(ids[: len(titled)]) == titled and ids[-1] == "stub" and rows[-1]["thin"]
    assert ids.index("often") < ids.index("plain")
    assert [r["rank"] for r in rows[:-1]] == sorted(r["rank"] for r in rows[:-1])
    assert len(ids) == (41 if query == "hygien" else 40)  # "hygien" also finds "hygienic"


def test_copies_fold_and_count_is_right_for_common_words(common) -> None:
    rows = common.search("hygiene rare", 50)
    # rare + common ("hygiene" is in nearly every row: bm25 gives it no weight)
    assert sorted(r["item_id"] for r in rows) == ["often", "plain", "titled"]
    copies = {r["item_id"]: r["copies"] for r in rows}
    assert copies == {"often": [("copy", "often")], "plain": [], "titled": []}
    assert common.search_count("hygiene") == (41, True)  # with the copy in the other pack
    assert common.search_count("hygien") == (42, True)
    assert common.search_count("hygiene rare") == (4, True)


def test_the_planned_query_finds_what_fts5_finds(common, monkeypatch) -> None:
    queries = ["hygien", "hygiene", "hygienic", "hygiene rare", "lesson hygien", "hygienix", "zz"]
    planned = {q: sorted(_ids(common, q, 100)) for q in queries}
    monkeypatch.setattr(ranking, "BROAD", 10**9)  # every word rare: FTS5's own query and bm25
    assert {q: sorted(_ids(common, q, 100)) for q in queries} == planned
    assert planned["hygienix"] == [] and planned["zz"] == []


def test_common_words_order_as_fts5_would(common, monkeypatch) -> None:
    queries = ["hygiene", "hygien", "hygiene rare"]
    planned = {q: _ids(common, q, 100)[:3] for q in queries}
    monkeypatch.setattr(ranking, "BROAD", 10**9)
    assert {q: _ids(common, q, 100)[:3] for q in queries} == planned


SEPARATED = {
    "five": "soap soap soap soap soap",
    "four": "soap, soap; (soap)\nsoap.",
    "three": "Soap SOAP\tsoap",
    "two": "soapy soaps unsoap soap soap_x",
    "one": "soapy soaps unsoap soap",
}


@pytest.mark.parametrize("query", ["soap", "soa"])
def test_common_words_are_counted_as_fts5_splits_words(
    tmp_path: Path, data_dir: Path, monkeypatch, query: str
) -> None:
    # However a text separates its words (spaces, punctuation, lines, tabs, "_"), a
    # common word is counted as FTS5 counts it, so the order is FTS5's.
    filler = " ".join(f"filler{n}" for n in range(30))
    items = [lesson(k, f"Lesson {k}", f"{v} {filler}") for k, v in SEPARATED.items()]
    library = open_library(data_dir)
    library.install(write_pack(tmp_path / "a.kitpack", content(items=items)))
    try:
        monkeypatch.setattr(ranking, "BROAD", 2)  # "soap" is common
        planned = _ids(library, query)
        monkeypatch.setattr(ranking, "BROAD", 10**9)  # FTS5's own bm25
        assert planned == _ids(library, query)
        assert planned[0] == "five" and len(planned) == 5
    finally:
        library.close()
