"""Installing, updating, removing and reading packs; records are never touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from library_helpers import PNG, content, lesson, open_library, snapshot, write_pack

from kit.core.errors import Cancelled, KitError
from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import new_pack_source
from kit.core.paths import DataDir

OTHER = b"GIF89a" + b"y" * 300


def test_built_example_pack_installs_and_reads_back(tmp_path: Path, data_dir: Path) -> None:
    src = new_pack_source(tmp_path / "src")
    pack_file = build_pack(src, tmp_path)
    with open_library(data_dir) as lib:
        result = lib.install(pack_file)
        assert (result.action, result.verified, result.publisher) == ("installed", False, "")
        pack = lib.get_pack(result.pack_id)
        assert pack is not None and pack["item_count"] == 5 and not pack["verified"]
        items = pack["modules"][0]["items"]
        assert [i["type"] for i in items] == ["lesson", "slides", "quiz", "activity", "survey"]
        welcome = lib.get_item(result.pack_id, "welcome")
        assert welcome["body"].startswith("# Welcome") and welcome["lang"] is None
        spanish = lib.get_item(result.pack_id, "welcome", lang="es")
        assert spanish["title"] == "Bienvenida" and spanish["lang"] == "es"
        assert lib.get_pack(result.pack_id, lang="es")["title"] == "Mi primer paquete"
        logo = lib.media_path(result.pack_id, "media/logo.png")
        assert logo is not None and logo.read_bytes() == (src / "media" / "logo.png").read_bytes()
        assert lib.media_path(result.pack_id, "media/nope.png") is None
        assert lib.get_item(result.pack_id, "nope") is None and lib.get_pack("nope") is None
        assert lib.verify() == []


def test_update_in_place_writes_only_changes_and_drops_unused_media(
    tmp_path: Path, data_dir: Path
) -> None:
    v1 = write_pack(
        tmp_path / "v1.kitpack",
        content(items=[lesson("a", "Alpha"), lesson("b", "Beta")]),
        media={"media/keep.png": PNG, "media/old.gif": OTHER},
    )
    v2 = write_pack(
        tmp_path / "v2.kitpack",
        content(version="1.1.0", items=[lesson("a", "Alpha two"), lesson("c", "Gamma")]),
        media={"media/keep.png": PNG},
    )
    with open_library(data_dir) as lib:
        lib.install(v1)
        keep = lib.media_path("demo", "media/keep.png")
        old = lib.media_path("demo", "media/old.gif")
        assert keep is not None and old is not None
        before = keep.stat().st_mtime_ns
        result = lib.install(v2)
        assert (result.action, result.previous_version, result.version) == (
            "updated",
            "1.0.0",
            "1.1.0",
        )
        assert lib.installed_version("demo") == "1.1.0"
        assert keep.stat().st_mtime_ns == before  # shared file not rewritten
        assert not old.exists()
        assert lib.get_item("demo", "a")["title"] == "Alpha two"
        assert lib.get_item("demo", "b") is None
        assert [r["item_id"] for r in lib.search("gamma")] == ["c"]
        assert lib.search("beta") == []
        assert lib.verify() == []


def test_same_version_is_a_no_op_and_older_needs_permission(tmp_path: Path, data_dir: Path) -> None:
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0"))
    v1 = write_pack(tmp_path / "v1.kitpack", content(version="1.9.9"))
    with open_library(data_dir) as lib:
        lib.install(v2)
        assert lib.install(v2).action == "unchanged"
        with pytest.raises(KitError, match=r"older 1\.9\.9"):
            lib.install(v1)
        assert lib.installed_version("demo") == "2.0.0"
        result = lib.install(v1, allow_downgrade=True)
        assert (result.action, lib.installed_version("demo")) == ("updated", "1.9.9")


def test_prerelease_is_older_than_release(tmp_path: Path, data_dir: Path) -> None:
    from kit.core.library.versions import compare_versions

    assert compare_versions("1.0.0-beta.2", "1.0.0") == -1
    assert compare_versions("1.0.0-beta.10", "1.0.0-beta.2") == 1
    assert compare_versions("1.10.0", "1.9.0") == 1
    assert compare_versions("1.0.0+build5", "1.0.0") == 0


def test_media_shared_between_packs_survives_removal_of_one(tmp_path: Path, data_dir: Path) -> None:
    a = write_pack(tmp_path / "a.kitpack", content("pack-a"), media={"media/x.png": PNG})
    b = write_pack(tmp_path / "b.kitpack", content("pack-b"), media={"media/y.png": PNG})
    with open_library(data_dir) as lib:
        lib.install(a)
        lib.install(b)
        shared = lib.media_path("pack-b", "media/y.png")
        lib.remove("pack-a")
        assert shared is not None and shared.exists()
        lib.remove("pack-b")
        assert not shared.exists()
        assert lib.list_packs() == [] and lib.verify() == []
        with pytest.raises(KitError, match="No pack 'pack-b'"):
            lib.remove("pack-b")
    assert [p for p in (data_dir / "media").rglob("*")] == []


def test_records_are_untouched_and_progress_reattaches(tmp_path: Path, data_dir: Path) -> None:
    from kit.core.records import Records

    v1 = write_pack(tmp_path / "v1.kitpack", content(items=[lesson("a", "A"), lesson("b", "B")]))
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0", items=[lesson("a", "A2")]))
    dd = DataDir(data_dir)
    with open_library(data_dir) as lib:
        lib.install(v1)
        with Records(dd) as records:
            learner = records.create_profile("Amina")
            records.append_event(learner.id, "demo", "a", "completed")
        db_bytes = dd.records_db.read_bytes()
        lib.install(v2)
        lib.remove("demo")
        assert dd.records_db.read_bytes() == db_bytes
        lib.install(v2)
        with Records(dd) as records:
            item = lib.get_item("demo", "a")
            assert records.item_status(learner.id, "demo", item) == records.item_status(
                learner.id, "demo", {"id": "a", "type": "lesson"}
            )
            assert [e.verb for e in records.events(learner.id, "demo", "a")] == ["completed"]


def test_cancel_leaves_library_as_before(tmp_path: Path, data_dir: Path) -> None:
    v1 = write_pack(tmp_path / "v1.kitpack", content(), media={"media/a.png": PNG})
    media = {f"media/{n}.bin": bytes([n]) * 300_000 for n in range(5)}
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0"), media=media)
    with open_library(data_dir) as lib:
        lib.install(v1)
    before = snapshot(data_dir)
    seen: list[tuple[int, int]] = []
    with open_library(data_dir) as lib, pytest.raises(Cancelled):
        lib.install(v2, progress=lambda d, t: seen.append((d, t)), cancel=lambda: len(seen) >= 3)
    assert seen and all(t == seen[0][1] for _, t in seen)
    assert snapshot(data_dir) == before
    assert list((data_dir / "tmp").iterdir()) == []


def test_progress_reaches_total(tmp_path: Path, data_dir: Path) -> None:
    path = write_pack(tmp_path / "p.kitpack", content(), media={"media/a.png": PNG})
    seen: list[tuple[int, int]] = []
    with open_library(data_dir) as lib:
        lib.install(path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] > 0


def test_signed_pack_is_verified_once_key_is_trusted(tmp_path: Path, data_dir: Path) -> None:
    from kit.core.signing import generate_key, key_id, public_key_text

    key = generate_key()
    path = write_pack(tmp_path / "s.kitpack", content(), sign_key=key)
    with open_library(data_dir) as lib:
        result = lib.install(path)
        assert not result.verified
        pack = lib.list_packs()[0]
        assert (
            pack["signed"]
            and not pack["verified"]
            and pack["key_id"] == key_id(public_key_text(key))
        )
        kid = lib.trust_key(public_key_text(key), "Health NGO")
        assert lib.list_packs()[0]["publisher"] == "Health NGO"
        assert [k["key_id"] for k in lib.trusted_keys()] == [kid]
        v2 = write_pack(tmp_path / "s2.kitpack", content(version="2.0.0"), sign_key=key)
        result = lib.install(v2)
        assert (result.verified, result.publisher) == (True, "Health NGO")
        assert lib.untrust_key("Health NGO") == "Health NGO"
        assert not lib.list_packs()[0]["verified"]
        with pytest.raises(KitError):
            lib.trust_key("not a key", "X")


def test_damaged_store_file_is_reported_by_verify(tmp_path: Path, data_dir: Path) -> None:
    path = write_pack(
        tmp_path / "p.kitpack", content(), media={"media/a.png": PNG, "media/b.gif": OTHER}
    )
    with open_library(data_dir) as lib:
        lib.install(path)
        lib.media_path("demo", "media/a.png").write_bytes(b"changed")
        lib.media_path("demo", "media/b.gif").unlink()
        (data_dir / "media" / "zz").mkdir()
        (data_dir / "media" / "zz" / "stray").write_bytes(b"x")
        problems = lib.verify()
    assert any("media/a.png is damaged" in p for p in problems)
    assert any("media/b.gif is missing" in p for p in problems)
    assert any("no pack uses" in p for p in problems)


def test_newer_library_database_is_refused(data_dir: Path) -> None:
    with open_library(data_dir) as lib:
        lib.conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('kit.library', 'm999_future', 'x')"
        )
    with pytest.raises(KitError, match="newer Training Kit"):
        open_library(data_dir)


def test_damaged_library_database_is_refused_not_replaced(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "library.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(KitError, match="cannot be opened"):
        open_library(data_dir)
    assert (data_dir / "library.db").read_bytes().startswith(b"this is not")


def test_library_usable_from_another_thread(tmp_path: Path, data_dir: Path) -> None:
    import threading

    path = write_pack(tmp_path / "p.kitpack", content())
    lib = open_library(data_dir)
    errors: list[BaseException] = []

    def work() -> None:
        try:
            lib.install(path)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    worker = threading.Thread(target=work)
    worker.start()
    worker.join()
    assert errors == [] and lib.list_packs()[0]["id"] == "demo"
    lib.close()


def test_cli_commands(run_kit, tmp_path: Path, data_dir: Path) -> None:
    a = write_pack(
        tmp_path / "a.kitpack", content(items=[lesson("wash", "Washing hands", "Soap and water.")])
    )
    b = write_pack(tmp_path / "b.kitpack", content("other"))
    code, out, err = run_kit("library", "install", a, b)
    assert code == 0 and "Installed demo 1.0.0 (unverified publisher)." in out and err == ""
    code, out, _ = run_kit("library", "install", a)
    assert code == 0 and "already installed" in out
    code, out, _ = run_kit("library", "list", "--json")
    assert code == 0 and {p["id"] for p in json.loads(out)} == {"demo", "other"}
    code, out, _ = run_kit("library", "show", "demo")
    assert code == 0 and "Washing hands [wash, lesson]" in out
    code, out, _ = run_kit("library", "show", "demo", "--json")
    assert json.loads(out)["modules"][0]["items"][0]["id"] == "wash"
    code, out, _ = run_kit("library", "search", "soap", "--json")
    assert [r["item_id"] for r in json.loads(out)] == ["wash"]
    code, out, _ = run_kit("library", "verify")
    assert code == 0
    code, out, err = run_kit("library", "install", tmp_path / "missing.kitpack")
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err
    code, out, err = run_kit("library", "install", tmp_path / "missing.kitpack", a)
    assert code == 1 and "1 pack was not installed." in err
    code, out, err = run_kit("library", "show", "nope")
    assert code == 1 and "No pack 'nope'" in err
    code, out, _ = run_kit("library", "remove", "other")
    assert code == 0
    code, out, _ = run_kit("library", "list")
    assert "demo" in out and "other" not in out


def test_cli_keys_trust_list_untrust(run_kit, tmp_path: Path) -> None:
    code, out, _ = run_kit("keys", "new", "pub1", "--out", tmp_path)
    assert code == 0
    code, out, _ = run_kit("keys", "trust", tmp_path / "pub1.pub", "--name", "Clinic")
    assert code == 0 and "Trusted key" in out
    code, out, _ = run_kit("keys", "list", "--json")
    assert [k["name"] for k in json.loads(out)] == ["Clinic"]
    code, out, _ = run_kit("keys", "untrust", "Clinic")
    assert code == 0
    code, out, err = run_kit("keys", "untrust", "Clinic")
    assert code == 1 and "No trusted key" in err
    code, out, err = run_kit("keys", "trust", "abc", "--name", "X")
    assert code == 1 and "not an Ed25519 public key" in err


def test_database_write_failure_is_one_sentence_and_changes_nothing(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from kit.core.library import rows

    v1 = write_pack(tmp_path / "v1.kitpack", content(), media={"media/a.png": PNG})
    v2 = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0"), media={"media/b.gif": OTHER})
    with open_library(data_dir) as lib:
        lib.install(v1)
    before = snapshot(data_dir)

    def full(*args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(rows, "write_rows", full)
    with open_library(data_dir) as lib, pytest.raises(KitError, match="disk is full"):
        lib.install(v2)
    assert snapshot(data_dir) == before
