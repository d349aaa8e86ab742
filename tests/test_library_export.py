"""Export for sneakernet: any installed pack written back as a verifiable .kitpack.

Two or three data folders stand for two or three computers; a folder stands for the
USB stick. Packs are real zips, the library real SQLite files and a real media store.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import zipfile
import zlib
from pathlib import Path

import pytest
from library_helpers import (
    PNG,
    content,
    dumps,
    lesson,
    manifest_for,
    write_pack,
    write_zip,
    zinfo,
)
from packmaker import make_pack

from kit.core.bundled import bundled_sources, install_bundled
from kit.core.errors import Cancelled, KitError
from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.manifest import read_manifest, verify_contents
from kit.core.paths import DataDir
from kit.core.signing import load_private_key


def _kit(run_kit, data: Path, *args) -> str:
    code, out, err = run_kit("--data-dir", data, *args)
    assert code == 0, err
    return out


def _fails(run_kit, data: Path, *args) -> str:
    code, out, err = run_kit("--data-dir", data, *args)
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, (code, out, err)
    return err


@pytest.fixture
def keys(tmp_path: Path, run_kit) -> Path:
    _kit(run_kit, tmp_path / "keymaker", "keys", "new", "ngo", "--out", tmp_path / "keys")
    return tmp_path / "keys"


def _big_media(folder: Path) -> None:
    """Media that take several 1 MiB chunks and are deflated, with a non-ASCII name."""
    rng = random.Random(6)
    words = [f"w{rng.randrange(5000)}" for _ in range(300_000)]
    svg = "<svg xmlns='http://www.w3.org/2000/svg'><!-- " + " ".join(words) + " --></svg>"
    (folder / "media" / "ñandú.svg").write_text(svg, encoding="utf-8")


def _signed_pack(tmp_path: Path, keys: Path, version: str = "1.0.0") -> Path:
    src_parent = tmp_path / f"work-{version}"
    built = make_pack(src_parent, tmp_path / "dist", version=version, key=keys / "ngo.key")
    source = src_parent / f"src-first-aid-{version}"
    _big_media(source)
    return build_pack(source, built, sign_key=keys / "ngo.key")


def _stored_rows(data: Path) -> int:
    conn = sqlite3.connect(data / "library.db")
    try:
        return conn.execute("SELECT count(*) FROM pack_originals").fetchone()[0]
    finally:
        conn.close()


def test_signed_pack_goes_round_trip_to_a_second_and_third_computer(
    tmp_path: Path, run_kit, keys: Path
) -> None:
    first, second, third = tmp_path / "pc-1", tmp_path / "pc-2", tmp_path / "pc-3"
    usb = tmp_path / "stick" / "packs"  # does not exist yet: export makes it
    original = _signed_pack(tmp_path, keys)
    assert zipfile.ZipFile(original).getinfo("media/ñandú.svg").file_size > 1 << 20

    _kit(run_kit, first, "keys", "trust", keys / "ngo.pub", "--name", "Health NGO")
    assert "published by Health NGO" in _kit(run_kit, first, "library", "install", original)
    original.unlink()  # the library alone must be enough
    out = _kit(
        run_kit, first, "library", "export", "first-aid", "--to", usb, "--sign", keys / "ngo.key"
    )
    assert "Exported 1 pack" in out
    assert sorted(p.name for p in usb.iterdir()) == ["catalog.json", "first-aid-1.0.0.kitpack"]
    exported = usb / "first-aid-1.0.0.kitpack"
    rebuilt = _signed_pack(tmp_path / "again", keys)  # deterministic: the same bytes again
    assert exported.read_bytes() == rebuilt.read_bytes()
    manifest = read_manifest(exported)
    assert manifest.signature.signed and manifest.signature.valid
    verify_contents(exported, manifest)

    # Second computer: the stick as a source, the signed catalog and pack verified.
    _kit(run_kit, second, "keys", "trust", keys / "ngo.pub", "--name", "Health NGO")
    assert "1 pack" in _kit(run_kit, second, "source", "add", usb)
    (offer,) = json.loads(_kit(run_kit, second, "catalog", "list", "--json"))["packs"]
    assert (offer["id"], offer["version"], offer["status"], offer["verified"]) == (
        "first-aid", "1.0.0", "available", True,
    )  # fmt: skip
    assert "Installed first-aid 1.0.0 (published by Health NGO)" in _kit(
        run_kit, second, "get", "first-aid"
    )
    # Third computer: the file itself, installed from the stick.
    _kit(run_kit, third, "keys", "trust", keys / "ngo.pub", "--name", "Health NGO")
    assert "published by Health NGO" in _kit(run_kit, third, "library", "install", exported)
    with Library(DataDir(third)) as lib:
        (pack,) = lib.list_packs()
        assert (pack["verified"], pack["publisher"]) == (True, "Health NGO")
        assert lib.verify() == []
        logo = lib.media_path("first-aid", "media/ñandú.svg")
        assert logo is not None and logo.stat().st_size > 1 << 20
        # The pack installed from the export exports again, still the same bytes.
        again = lib.export_pack("first-aid", tmp_path / "stick-2")
    assert again.read_bytes() == exported.read_bytes()


def test_pack_from_another_builder_exports_equivalent_and_verifiable(
    tmp_path: Path, data_dir: Path, keys: Path
) -> None:
    body = content(items=[lesson("intro", "Wash hands"), lesson("two", "Dry hands")])
    media = {"media/a.png": PNG, "media/z/b.png": PNG + b"b", "media/copy.png": PNG}
    key = load_private_key(keys / "ngo.key")
    original = write_pack(tmp_path / "odd.kitpack", body, media, sign_key=key)
    unsigned = write_pack(tmp_path / "plain.kitpack", content("plain"), {"media/p.png": PNG})
    with Library(DataDir(data_dir)) as lib:
        lib.install(original)
        lib.install(unsigned)
        out = lib.export_pack("demo", tmp_path / "usb")
        plain = lib.export_pack("plain", tmp_path / "usb")
    assert out.name == "demo-1.0.0.kitpack" and plain.name == "plain-1.0.0.kitpack"
    with zipfile.ZipFile(original) as a, zipfile.ZipFile(out) as b:
        for name in ("manifest.json", "signature.json", "content.json", *media):
            assert a.read(name) == b.read(name), name
        # The order of kit pack build: manifest, signature, content, media as listed.
        assert b.namelist() == ["manifest.json", "signature.json", "content.json", *media]
    manifest = read_manifest(out)
    assert manifest.signature.valid
    verify_contents(out, manifest)
    assert not read_manifest(plain).signature.signed
    with Library(DataDir(tmp_path / "other")) as other:
        assert other.install(out).action == "installed"
        assert other.install(plain).action == "installed"
        assert other.get_item("demo", "two")["title"] == "Dry hands"


def test_stored_members_and_the_kept_streams(tmp_path: Path, data_dir: Path) -> None:
    body = content("stored")
    content_bytes = dumps(body)
    files = {"content.json": content_bytes, "media/a.png": PNG}
    manifest_bytes = dumps(manifest_for(body, files))
    stored = [
        (zinfo(name, zipfile.ZIP_STORED), data)
        for name, data in [("manifest.json", manifest_bytes), *files.items()]
    ]
    plain = write_zip(tmp_path / "stored.kitpack", stored)
    built = write_pack(tmp_path / "deflated.kitpack", content(), {"media/a.png": PNG})
    with Library(DataDir(data_dir)) as lib:
        lib.install(plain)
        lib.install(built)
        for pack_id, original in (("stored", plain), ("demo", built)):
            out = lib.export_pack(pack_id, tmp_path / "usb")
            with zipfile.ZipFile(original) as a, zipfile.ZipFile(out) as b:
                for name in ("manifest.json", "content.json", "media/a.png"):
                    assert a.read(name) == b.read(name), (pack_id, name)
    # Both kept as ordinary zlib streams, whichever way the pack held them.
    conn = sqlite3.connect(data_dir / "library.db")
    kept = dict(conn.execute("SELECT pack_id, content FROM pack_originals"))
    conn.close()
    assert zlib.decompress(kept["stored"]) == content_bytes
    with zipfile.ZipFile(built) as zf:
        assert zlib.decompress(kept["demo"]) == zf.read("content.json")


def test_bundled_packs_export_as_built(tmp_path: Path, data_dir: Path, run_kit) -> None:
    with Library(DataDir(data_dir)) as lib:
        results = install_bundled(lib)
    ids = [r.pack_id for r in results]
    assert len(ids) == len(bundled_sources()) >= 2
    usb = tmp_path / "usb"
    out = _kit(run_kit, data_dir, "library", "export", *ids, "--to", usb)
    assert f"Exported {len(ids)} packs" in out
    catalog = json.loads((usb / "catalog.json").read_text(encoding="utf-8"))
    assert sorted(e["id"] for e in catalog["packs"]) == sorted(ids)
    for source, result in zip(bundled_sources(), results, strict=True):
        built = build_pack(source, tmp_path / "built")
        exported = usb / f"{result.pack_id}-{result.version}.kitpack"
        assert (
            hashlib.sha256(exported.read_bytes()).digest()
            == hashlib.sha256(built.read_bytes()).digest()
        ), result.pack_id
        built.unlink()


def _store_file(data: Path, pack_id: str, rel: str) -> Path:
    with Library(DataDir(data)) as lib:
        path = lib.media_path(pack_id, rel)
    assert path is not None
    return path


@pytest.mark.parametrize("harm", ["deleted", "changed", "cut"])
def test_a_lost_store_file_writes_nothing(tmp_path: Path, data_dir: Path, run_kit, harm) -> None:
    pack = write_pack(
        tmp_path / "p.kitpack", content(), {"media/a.png": PNG, "media/b.png": PNG + b"2"}
    )
    _kit(run_kit, data_dir, "library", "install", pack)
    stored = _store_file(data_dir, "demo", "media/b.png")
    if harm == "deleted":
        stored.unlink()
    elif harm == "changed":  # same size, other bytes: caught while streaming
        stored.write_bytes(stored.read_bytes()[:-1] + b"X")
    else:
        stored.write_bytes(stored.read_bytes()[:-5])
    usb = tmp_path / "usb"
    err = _fails(run_kit, data_dir, "library", "export", "demo", "--to", usb)
    assert "media/b.png" in err and "kit library verify" in err
    assert not usb.exists() or list(usb.iterdir()) == []


def test_folder_is_made_or_refused_in_one_sentence(tmp_path: Path, data_dir: Path, run_kit) -> None:
    _kit(run_kit, data_dir, "library", "install", write_pack(tmp_path / "p.kitpack"))
    deep = tmp_path / "a" / "b" / "c"
    _kit(run_kit, data_dir, "library", "export", "demo", "--to", deep)
    assert sorted(p.name for p in deep.iterdir()) == ["catalog.json", "demo-1.0.0.kitpack"]
    # Again into the same folder: the file is replaced whole, the catalog rewritten newer.
    before = json.loads((deep / "catalog.json").read_text())["catalog_version"]
    _kit(run_kit, data_dir, "library", "export", "demo", "--to", deep)
    assert json.loads((deep / "catalog.json").read_text())["catalog_version"] > before
    assert sorted(p.name for p in deep.iterdir()) == ["catalog.json", "demo-1.0.0.kitpack"]

    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x")
    assert "is a file, not a folder" in _fails(
        run_kit, data_dir, "library", "export", "demo", "--to", a_file
    )
    assert "Cannot make the folder" in _fails(
        run_kit, data_dir, "library", "export", "demo", "--to", a_file / "sub"
    )
    assert a_file.read_text() == "x"
    # One unknown id: nothing at all is written.
    err = _fails(run_kit, data_dir, "library", "export", "demo", "nope", "--to", tmp_path / "u2")
    assert "nope" in err and not (tmp_path / "u2").exists()
    err = _fails(
        run_kit,
        data_dir,
        "library",
        "export",
        "demo",
        "--to",
        tmp_path / "u3",
        "--sign",
        tmp_path / "missing.key",
    )
    assert "key" in err and not (tmp_path / "u3").exists()


def test_a_full_or_unwritable_folder_leaves_no_partial_file(
    tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    import errno
    import os

    from kit.core.library import export

    with Library(DataDir(data_dir)) as lib:
        lib.install(write_pack(tmp_path / "p.kitpack", content(), {"media/a.png": PNG}))
        usb = tmp_path / "usb"
        usb.mkdir()
        real_replace = os.replace

        def full(src, dst):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(export.os, "replace", full)
        with pytest.raises(KitError, match="not enough free space in"):
            lib.export_pack("demo", usb)
        assert list(usb.iterdir()) == []

        def denied(src, dst):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

        monkeypatch.setattr(export.os, "replace", denied)
        with pytest.raises(KitError, match=r"^Cannot write .*Permission denied\.$"):
            lib.export_pack("demo", usb)
        assert list(usb.iterdir()) == []
        monkeypatch.setattr(export.os, "replace", real_replace)
        assert lib.export_pack("demo", usb).is_file()


def test_cancel_and_progress(tmp_path: Path, data_dir: Path) -> None:
    media = {f"media/{n}.png": PNG + bytes([n]) * 3000 for n in range(5)}
    with Library(DataDir(data_dir)) as lib:
        lib.install(write_pack(tmp_path / "p.kitpack", content(), media))
        seen: list[tuple[int, int]] = []
        lib.export_pack("demo", tmp_path / "usb", progress=lambda d, t: seen.append((d, t)))
        assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
        with pytest.raises(Cancelled):
            lib.export_pack("demo", tmp_path / "usb2", cancel=lambda: len(seen) > 2)
        assert list((tmp_path / "usb2").iterdir()) == []


def test_packs_installed_before_the_library_kept_pack_files(
    tmp_path: Path, data_dir: Path, run_kit
) -> None:
    original = write_pack(tmp_path / "p.kitpack", content(), {"media/a.png": PNG})
    _kit(run_kit, data_dir, "library", "install", original)
    assert _stored_rows(data_dir) == 1
    conn = sqlite3.connect(data_dir / "library.db")
    conn.execute("UPDATE pack_originals SET content = x'789c00'")
    conn.commit()
    err = _fails(run_kit, data_dir, "library", "export", "demo", "--to", tmp_path / "usb")
    assert "is damaged" in err and "install the pack again" in err
    conn.execute("DELETE FROM pack_originals")  # as a library from before m006
    conn.commit()
    conn.close()
    err = _fails(run_kit, data_dir, "library", "export", "demo", "--to", tmp_path / "usb")
    assert "install it again" in err and not (tmp_path / "usb").exists()
    # A copy downloaded by `kit get` is handed on as it is.
    kept = data_dir / "downloads" / "packs" / "demo-1.0.0.kitpack"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(original.read_bytes())
    _kit(run_kit, data_dir, "library", "export", "demo", "--to", tmp_path / "usb")
    assert (tmp_path / "usb" / "demo-1.0.0.kitpack").read_bytes() == original.read_bytes()
    kept.unlink()
    # Installing the same version again (as the sentence says) keeps its files now.
    assert "Installed demo 1.0.0" in _kit(run_kit, data_dir, "library", "install", original)
    assert "already installed" in _kit(run_kit, data_dir, "library", "install", original)
    _kit(run_kit, data_dir, "library", "export", "demo", "--to", tmp_path / "usb3")
    exported = tmp_path / "usb3" / "demo-1.0.0.kitpack"
    verify_contents(exported, read_manifest(exported))


def test_update_and_remove_keep_the_stored_files_in_step(tmp_path: Path, data_dir: Path) -> None:
    with Library(DataDir(data_dir)) as lib:
        lib.install(write_pack(tmp_path / "1.kitpack", content(version="1.0.0")))
        newer = write_pack(
            tmp_path / "2.kitpack",
            content(version="1.1.0", items=[lesson("new", "New lesson")]),
            {"media/n.png": PNG},
        )
        assert lib.install(newer).action == "updated"
        out = lib.export_pack("demo", tmp_path / "usb")
        assert out.name == "demo-1.1.0.kitpack"
        with zipfile.ZipFile(newer) as a, zipfile.ZipFile(out) as b:
            assert a.read("content.json") == b.read("content.json")
            assert a.read("manifest.json") == b.read("manifest.json")
        lib.remove("demo")
        with pytest.raises(KitError, match="No pack 'demo' is installed"):
            lib.export_pack("demo", tmp_path / "usb4")
    assert _stored_rows(data_dir) == 0
    assert not (tmp_path / "usb4").exists()
