"""Every kind of hostile or broken pack is refused with one sentence, library unchanged."""

from __future__ import annotations

import stat
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from library_helpers import (
    content,
    dumps,
    lesson,
    manifest_for,
    open_library,
    snapshot,
    write_pack,
    write_zip,
    zinfo,
)

from kit.core.errors import PackError
from kit.core.library import opening

PNG = b"\x89PNG\r\n\x1a\n" + b"x" * 200


def body2(**kw: object) -> dict:
    """Bad packs claim a newer version, so no check is skipped as "already installed"."""
    return content(version="2.0.0", **kw)  # type: ignore[arg-type]


def _with_media(tmp: Path, media: dict[str, bytes], **kw) -> Path:
    return write_pack(tmp / "bad.kitpack", body2(), media=media, **kw)


def _zip_entries(tmp: Path, extra: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    """A valid manifest and content plus extra raw entries (listed in the manifest)."""
    body = body2()
    files = {"content.json": dumps(body)}
    for name, data in extra:
        files[name if isinstance(name, str) else name.filename] = data
    entries = [
        ("manifest.json", dumps(manifest_for(body, files))),
        ("content.json", files["content.json"]),
    ]
    return write_zip(tmp / "bad.kitpack", [*entries, *extra])


def _typed(name: str, mode: int) -> zipfile.ZipInfo:
    info = zinfo(name)
    info.external_attr = mode << 16
    return info


def _patch(path: Path, old: bytes, new: bytes) -> Path:
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new))
    return path


def _central_records(data: bytes | bytearray) -> list[int]:
    offsets, pos = [], data.find(b"PK\x01\x02")
    while pos >= 0:
        offsets.append(pos)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return offsets


def _overlapping_bomb(tmp: Path) -> Path:
    """Two central directory entries pointing at one local header (a quoted overlap)."""
    path = _zip_entries(tmp, [("media/a.bin", b"\0" * 5000), ("media/b.bin", b"\0" * 5000)])
    data = bytearray(path.read_bytes())
    records = _central_records(data)  # manifest, content, a, b
    a_local = struct.unpack_from("<I", data, records[2] + 42)[0]
    struct.pack_into("<I", data, records[3] + 42, a_local)  # b.bin now starts where a.bin does
    path.write_bytes(bytes(data))
    return path


def _entry_runs_into_next(tmp: Path) -> Path:
    """a.bin's compressed size claims bytes that belong to b.bin's header and data."""
    path = _zip_entries(tmp, [("media/a.bin", b"a" * 100), ("media/b.bin", b"b" * 100)])
    data = bytearray(path.read_bytes())
    struct.pack_into("<I", data, _central_records(data)[2] + 20, 100_000)
    path.write_bytes(bytes(data))
    return path


def _bad_signature(tmp: Path) -> Path:
    from kit.core.signing import generate_key, sign

    sig = dumps(sign(generate_key(), b"some other manifest"))
    return write_pack(tmp / "bad.kitpack", body2(), signature=sig)


def _manifest_case(manifest_bytes: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        return write_zip(
            tmp / "bad.kitpack", [("manifest.json", manifest_bytes), ("content.json", b"{}")]
        )

    return make


def _content_case(body: object, raw: bytes | None = None) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        good = body2()
        data = raw if raw is not None else dumps(body)
        files = {"content.json": data}
        return write_zip(
            tmp / "bad.kitpack",
            [("manifest.json", dumps(manifest_for(good, files))), ("content.json", data)],
        )

    return make


def _wrong_size(tmp: Path) -> Path:
    body = body2()
    files = {"content.json": dumps(body), "media/a.png": PNG}
    manifest = manifest_for(body, files)
    manifest["files"][1]["size"] += 1
    return write_pack(tmp / "bad.kitpack", body, {"media/a.png": PNG}, manifest=manifest)


def _wrong_sha(tmp: Path) -> Path:
    body = body2()
    files = {"content.json": dumps(body), "media/a.png": PNG}
    manifest = manifest_for(body, files)
    manifest["files"][1]["sha256"] = "0" * 64
    return write_pack(tmp / "bad.kitpack", body, {"media/a.png": PNG}, manifest=manifest)


def _missing(tmp: Path) -> Path:
    body = body2()
    files = {"content.json": dumps(body), "media/gone.png": PNG}
    return write_pack(tmp / "bad.kitpack", body, {}, manifest=manifest_for(body, files))


def _unlisted(tmp: Path) -> Path:
    body = body2()
    path = write_pack(tmp / "bad.kitpack", body)
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(zinfo("media/extra.png"), PNG)
    return path


def _truncated(tmp: Path) -> Path:
    path = write_pack(tmp / "bad.kitpack", body2(), media={"media/a.png": PNG * 50})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _size_lie_bomb(tmp: Path) -> Path:
    """The manifest and directory say 10 bytes; the deflate stream holds 20 MB."""
    path = _zip_entries(tmp, [("media/bomb.bin", b"\0" * 20_000_000)])
    data = bytearray(path.read_bytes())
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = data.find(sig)
        while pos >= 0:
            if struct.unpack_from("<I", data, pos + size_at)[0] == 20_000_000:
                struct.pack_into("<I", data, pos + size_at, 10)
            pos = data.find(sig, pos + 4)
    path.write_bytes(bytes(data))
    return path


def _content_size_lie(tmp: Path) -> Path:
    """content.json's manifest entry and directory say 10 bytes; its stream holds 5 MB."""
    data = dumps(body2()) + b" " * 5_000_000
    manifest = manifest_for(body2(), {"content.json": data})
    manifest["files"][0]["size"] = 10
    path = write_zip(
        tmp / "bad.kitpack", [("manifest.json", dumps(manifest)), ("content.json", data)]
    )
    raw = bytearray(path.read_bytes())
    for sig, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        pos = raw.find(sig)
        while pos >= 0:
            if struct.unpack_from("<I", raw, pos + size_at)[0] == len(data):
                struct.pack_into("<I", raw, pos + size_at, 10)
            pos = raw.find(sig, pos + 4)
    path.write_bytes(bytes(raw))
    return path


def _content_stream_damaged(tmp: Path) -> Path:
    """Bytes in the middle of content.json's deflate stream overwritten."""
    body = body2(items=[lesson(f"l{n}", f"Lesson {n}", f"Text {n} " * 50) for n in range(200)])
    path = write_pack(tmp / "bad.kitpack", body)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("content.json")
    raw = bytearray(path.read_bytes())
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    raw[middle : middle + 16] = b"\xff" * 16
    path.write_bytes(bytes(raw))
    return path


def _deep_json(tmp: Path) -> Path:
    return _content_case(None, raw=b"[" * 100_000 + b"]" * 100_000)(tmp)


def _stored(tmp: Path, patch_local: bytes | None = None, wrong_sha: bool = False) -> Path:
    """A pack with one STORED media entry (read by the installer's direct path).

    Its bytes differ from the installed pack's: a file already in the store is taken
    from there (it has the hash the manifest names) and its copy in the zip never read.
    """
    body = body2()
    data = b"stored " + PNG
    files = {"content.json": dumps(body), "media/s.png": data}
    manifest = manifest_for(body, files)
    if wrong_sha:
        manifest["files"][1]["sha256"] = "f" * 64
    path = write_zip(
        tmp / "bad.kitpack",
        [("manifest.json", dumps(manifest)), ("content.json", files["content.json"]),
         (zinfo("media/s.png", zipfile.ZIP_STORED), data)],
    )  # fmt: skip
    if patch_local is not None:
        data = bytearray(path.read_bytes())
        local = data.rfind(b"PK\x03\x04")  # the last local header: media/s.png
        data[local : local + len(patch_local)] = patch_local
        path.write_bytes(bytes(data))
    return path


def _bad_item(**changes: object) -> Callable[[Path], Path]:
    item = {**lesson("x", "X"), **changes}
    return _content_case(body2(items=[item]))


CASES: dict[str, Callable[[Path], Path]] = {
    "dotdot": lambda t: _zip_entries(t, [("media/../../evil.png", PNG)]),
    "absolute": lambda t: _zip_entries(t, [("/tmp/evil.png", PNG)]),
    "drive-letter": lambda t: _zip_entries(t, [("C:/evil.png", PNG)]),
    "backslash": lambda t: _zip_entries(t, [("media\\evil.png", PNG)]),
    "nul-in-name": lambda t: _zip_entries(t, [("media/a.png\0.txt", PNG)]),
    "symlink": lambda t: _zip_entries(
        t, [(_typed("media/link.png", stat.S_IFLNK | 0o777), b"/etc/passwd")]
    ),
    "fifo": lambda t: _zip_entries(t, [(_typed("media/fifo", stat.S_IFIFO | 0o644), b"")]),
    "directory": lambda t: _zip_entries(t, [(_typed("media/", stat.S_IFDIR | 0o755), b"")]),
    "case-collision": lambda t: _with_media(t, {"media/A.png": PNG, "media/a.png": PNG}),
    "duplicate-name": lambda t: _zip_entries(t, [("media/a.png", PNG), ("media/a.png", PNG)]),
    "not-in-manifest": _unlisted,
    "listed-but-missing": _missing,
    "wrong-size": _wrong_size,
    "wrong-sha256": _wrong_sha,
    "truncated": _truncated,
    "stored-wrong-sha256": lambda t: _stored(t, wrong_sha=True),
    "stored-bad-local-header": lambda t: _stored(t, patch_local=b"XX\x03\x04"),
    "stored-local-extra-lies": lambda t: _stored(
        t, patch_local=b"PK\x03\x04" + b"\0" * 24 + struct.pack("<H", 60000)
    ),
    "not-a-zip": lambda t: (
        (t / "bad.kitpack").write_bytes(b"hello, not a zip" * 100) and t / "bad.kitpack"
    ),
    "empty-file": lambda t: (t / "bad.kitpack").write_bytes(b"") or t / "bad.kitpack",
    "no-manifest": lambda t: write_zip(t / "bad.kitpack", [("content.json", b"{}")]),
    "size-lie-bomb": _size_lie_bomb,
    "overlap-bomb": _overlapping_bomb,
    "entry-runs-into-next": _entry_runs_into_next,
    "future-format": _manifest_case(b'{"format_version": 99, "pack": {}, "files": []}'),
    "manifest-invalid-json": _manifest_case(b'{"format_version": 1,'),
    "manifest-not-utf8": _manifest_case(b'{"format_version": 1, "pack": {"title": "\xff\xfe"}}'),
    "manifest-missing-fields": _manifest_case(
        b'{"format_version": 1, "pack": {"id": "x"}, "files": []}'
    ),
    "manifest-deep": _manifest_case(b"[" * 100_000),
    "bad-signature": _bad_signature,
    "damaged-signature": lambda t: write_pack(
        t / "bad.kitpack", body2(), signature=b"\xff not json"
    ),
    "content-invalid-json": _content_case(None, raw=b'{"pack": '),
    "content-not-utf8": _content_case(None, raw=b'{"pack": "\xff"}'),
    "content-deep": _deep_json,
    "content-size-lie": _content_size_lie,
    "content-stream-damaged": _content_stream_damaged,
    "content-not-object": _content_case([1, 2, 3]),
    "content-other-pack": _content_case(body2(pack_id="other")),
    "content-modules-not-list": _content_case({**body2(), "modules": {"a": 1}}),
    "item-title-number": _bad_item(title=42),
    "item-unknown-type": _bad_item(type="virus"),
    "item-bad-id": _bad_item(id="../x"),
    "item-slides-text": _bad_item(type="slides", slides="one"),
    "item-questions-object": _bad_item(type="quiz", questions={"q": 1}),
    "item-choice-text-list": _bad_item(
        type="quiz", questions=[{"id": "q", "prompt": "?", "choices": [{"text": ["x"]}]}]
    ),
    "duplicate-item-ids": _content_case(body2(items=[lesson("a", "A"), lesson("a", "B")])),
    "translation-items-list": _content_case(body2(translations={"es": {"items": []}})),
    "translation-body-number": _content_case(
        body2(translations={"es": {"items": {"intro": {"title": "T", "body": 5}}}})
    ),
}


@pytest.fixture
def installed(tmp_path: Path, data_dir: Path) -> dict:
    """A library holding one good pack, and its snapshot."""
    good = write_pack(
        tmp_path / "good.kitpack",
        content(items=[lesson("intro", "Introduction", "Wash your hands.")]),
        media={"media/logo.png": PNG},
    )
    with open_library(data_dir) as lib:
        lib.install(good)
    return snapshot(data_dir)


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_pack_refused_library_unchanged(
    case: str, installed: dict, tmp_path: Path, data_dir: Path
) -> None:
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    path = CASES[case](bad_dir)
    with open_library(data_dir) as lib, pytest.raises(PackError) as err:
        lib.install(path)
    message = str(err.value)
    assert "\n" not in message and message.endswith("."), message
    assert snapshot(data_dir) == installed
    assert not list((data_dir / "tmp").iterdir())
    assert not (tmp_path / "evil.png").exists() and not (data_dir / "evil.png").exists()


def test_future_format_says_newer_kit_needed(tmp_path: Path, data_dir: Path) -> None:
    path = CASES["future-format"](tmp_path)
    with (
        open_library(data_dir) as lib,
        pytest.raises(PackError, match="needs a newer Training Kit"),
    ):
        lib.install(path)


def test_total_size_is_bounded(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "MAX_PACK_BYTES", 1_000_000)
    path = write_pack(tmp_path / "big.kitpack", media={"media/zeros.bin": b"\0" * 2_000_000})
    assert path.stat().st_size < 100_000  # compresses well: a small bomb
    with open_library(data_dir) as lib, pytest.raises(PackError, match="more data than"):
        lib.install(path)
    assert snapshot(data_dir)["packs"] == []


def test_cli_refuses_with_one_sentence(
    kit_exe: list[str], tmp_path: Path, installed: dict, data_dir: Path
) -> None:
    import subprocess

    path = CASES["dotdot"](tmp_path)
    out = subprocess.run(
        [*kit_exe, "library", "install", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert out.stderr.strip().count("\n") == 0 and "outside the pack" in out.stderr
    assert "Traceback" not in out.stderr
    assert snapshot(data_dir) == installed


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_exit_1_with_one_line(case: str, run_kit, tmp_path: Path, data_dir: Path) -> None:
    path = CASES[case](tmp_path)
    code, out, err = run_kit("library", "install", path)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert not (data_dir / "media").exists() or not any((data_dir / "media").iterdir())
