"""Building .kitpack files: deterministic zips, manifests, signatures, format versions."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from pack_helpers import LESSON, QUIZ, edit, make_source

from kit.core.errors import FutureFormatError, PackError, SignatureError
from kit.core.packformat import FORMAT_VERSION
from kit.core.packformat.build import build_pack
from kit.core.packformat.manifest import (
    needs_newer_app,
    parse_manifest,
    read_manifest,
    safe_member_path,
    verify_contents,
)
from kit.core.signing import key_id, new_key


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return make_source(tmp_path / "src")


def test_scaffold_builds_to_id_version_kitpack(source: Path, tmp_path: Path) -> None:
    out = build_pack(source, tmp_path / "dist")
    assert out == tmp_path / "dist" / "my-first-pack-0.1.0.kitpack"
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert names == ["manifest.json", "content.json", "media/logo.png"]
        content = json.loads(zf.read("content.json"))
        manifest = json.loads(zf.read("manifest.json"))
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert entry["size"] == len(data)
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["pack"]["id"] == "my-first-pack"
    assert manifest["counts"] == {
        "modules": 1, "lesson": 1, "slides": 1, "quiz": 1, "activity": 1, "survey": 1
    }  # fmt: skip
    assert [f["path"] for f in manifest["files"]] == ["content.json", "media/logo.png"]
    assert set(content) == {"pack", "modules", "translations"}


def test_content_structure_of_every_item_type(source: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(build_pack(source, tmp_path)) as zf:
        content = json.loads(zf.read("content.json"))
    items = {i["id"]: i for i in content["modules"][0]["items"]}
    lesson = items["welcome"]
    assert "![The Training Kit logo](media/logo.png)" in lesson["body"]
    assert "[short quiz](item:check)" in lesson["body"]
    assert "notes" not in lesson["body"] and lesson["notes"].startswith("Facilitator notes")
    assert [s["notes"] for s in items["intro-slides"]["slides"]] == [
        "Speaker notes for slide one.",
        "",
    ]
    quiz = items["check"]
    assert quiz["pass_mark"] == 60
    assert [q["type"] for q in quiz["questions"]] == [
        "single", "multiple", "truefalse", "short", "order"
    ]  # fmt: skip
    single = quiz["questions"][0]
    assert single["choices"][0] == {
        "id": "1",
        "text": "Blue",
        "correct": True,
        "explanation": "Right: the air scatters blue light the most.",
    }
    assert quiz["questions"][2]["explanation"] == "One trip takes a year."
    assert quiz["questions"][3]["accepted"] == ["Nairobi"]
    activity = items["practice"]
    assert activity["kind"] == "hands-on" and activity["minutes"] == 15
    assert activity["materials"] == ["paper", "pens"]
    assert "::: solution\nGood questions have one clear answer.\n:::" in activity["body"]
    survey = items["feedback"]
    assert [q["type"] for q in survey["questions"]] == ["likert", "single", "multiple", "text"]
    assert len(survey["questions"][0]["choices"]) == 5
    es = content["translations"]["es"]
    assert es["pack"]["title"] == "Mi primer paquete"
    assert es["items"]["welcome"]["title"] == "Bienvenida"
    assert "(media/logo.png)" in es["items"]["welcome"]["body"]


def test_two_builds_are_byte_identical_even_from_a_copy(source: Path, tmp_path: Path) -> None:
    first = build_pack(source, tmp_path / "a").read_bytes()
    second = build_pack(source, tmp_path / "b").read_bytes()
    copy = tmp_path / "elsewhere" / "deeper" / "copy"
    shutil.copytree(source, copy)
    for path in copy.rglob("*"):  # new files, new modification times
        path.touch()
    third = build_pack(copy, tmp_path / "c").read_bytes()
    assert first == second == third


def test_signed_builds_are_byte_identical(source: Path, tmp_path: Path) -> None:
    key, _public = new_key(tmp_path / "keys", "k")
    first = build_pack(source, tmp_path / "a", sign_key=key).read_bytes()
    second = build_pack(source, tmp_path / "b", sign_key=key).read_bytes()
    assert first == second  # Ed25519 signatures are deterministic


def test_a_change_in_the_source_changes_the_pack(source: Path, tmp_path: Path) -> None:
    before = build_pack(source, tmp_path / "a").read_bytes()
    edit(source, LESSON, "Write it in Markdown.", "Write it in plain Markdown.")
    assert build_pack(source, tmp_path / "b").read_bytes() != before


def test_invalid_source_is_not_built(source: Path, tmp_path: Path) -> None:
    edit(source, QUIZ, "- [x] Blue", "- [ ] Blue")
    with pytest.raises(PackError, match=r"03-check\.md:9: this question has no correct answer"):
        build_pack(source, tmp_path / "dist")
    assert not (tmp_path / "dist").exists() or not any((tmp_path / "dist").iterdir())


@pytest.mark.parametrize(
    ("out", "expected"),
    [
        ("dist", "dist/my-first-pack-0.1.0.kitpack"),
        ("dist/", "dist/my-first-pack-0.1.0.kitpack"),
        ("named.kitpack", "named.kitpack"),
        ("sub/named.kitpack", "sub/named.kitpack"),
    ],
)
def test_output_file_or_folder(source: Path, tmp_path: Path, out: str, expected: str) -> None:
    target = tmp_path / out if not out.endswith("/") else Path(str(tmp_path / out) + "/")
    assert build_pack(source, target) == tmp_path / expected


def test_signature_is_checked_and_names_the_key(source: Path, tmp_path: Path) -> None:
    key, public = new_key(tmp_path / "keys", "trainer")
    assert (key.stat().st_mode & 0o777) == 0o600
    out = build_pack(source, tmp_path, sign_key=key)
    manifest = read_manifest(out)
    assert manifest.signature.signed and manifest.signature.valid
    assert manifest.signature.key_id == key_id(public)
    assert manifest.signature.public_key == public
    verify_contents(out, manifest)
    unsigned = read_manifest(build_pack(source, tmp_path / "plain"))
    assert not unsigned.signature.signed


def _rewrite(pack: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pack) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, replace.get(info.filename, src.read(info.filename)))
    return target


def test_tampered_manifest_breaks_the_signature(source: Path, tmp_path: Path) -> None:
    key, _ = new_key(tmp_path / "keys", "k")
    out = build_pack(source, tmp_path, sign_key=key)
    with zipfile.ZipFile(out) as zf:
        raw = zf.read("manifest.json")
    bad = _rewrite(out, tmp_path / "bad.kitpack", {"manifest.json": raw.replace(b"My", b"Ny")})
    with pytest.raises(SignatureError, match="changed after it was signed"):
        read_manifest(bad)


def test_tampered_content_is_found_by_verify_contents(source: Path, tmp_path: Path) -> None:
    key, _ = new_key(tmp_path / "keys", "k")
    out = build_pack(source, tmp_path, sign_key=key)
    with zipfile.ZipFile(out) as zf:
        content = zf.read("content.json")
    bad = _rewrite(
        out, tmp_path / "bad.kitpack", {"content.json": content.replace(b"Blue", b"Rose")}
    )
    manifest = read_manifest(bad)  # the manifest itself is intact
    with pytest.raises(PackError, match=r"content\.json was changed"):
        verify_contents(bad, manifest)


def test_unlisted_extra_file_is_refused(source: Path, tmp_path: Path) -> None:
    out = build_pack(source, tmp_path)
    with zipfile.ZipFile(out, "a") as zf:
        zf.writestr("media/extra.png", b"x")
    with pytest.raises(PackError, match=r"media/extra\.png, which its manifest does not list"):
        verify_contents(out, read_manifest(out))


def _manifest(**changes: object) -> bytes:
    data: dict[str, object] = {
        "format_version": FORMAT_VERSION,
        "pack": {"id": "p", "version": "1.0.0", "title": "P"},
        "files": [{"path": "content.json", "size": 2, "sha256": "0" * 64}],
    }
    data.update(changes)
    return json.dumps(data).encode()


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"{nope", "not valid JSON"),
        (b"[]", "not a JSON object"),
        (_manifest(format_version="1"), "no format version"),
        (_manifest(pack=None), "no pack metadata"),
        (_manifest(pack={"id": "P Q", "version": "1.0.0", "title": "P"}), "no valid pack id"),
        (_manifest(pack={"id": "p", "version": "1", "title": "P"}), "no valid pack version"),
        (_manifest(pack={"id": "p", "version": "1.0.0", "title": " "}), "no title"),
        (_manifest(files=[]), "lists no files"),
        (_manifest(files=[{"path": "content.json", "size": -1, "sha256": "0" * 64}]), "incomplete"),
        (_manifest(files=[{"path": "media/a.png", "size": 1, "sha256": "0" * 64}]), "does not list content.json"),
        (_manifest(files=[{"path": "content.json", "size": 2, "sha256": "0" * 64}, {"path": "../x", "size": 1, "sha256": "0" * 64}]), "not allowed"),
        (_manifest(files=[{"path": "content.json", "size": 2, "sha256": "0" * 64}] * 2), "not allowed"),
    ],
)  # fmt: skip
def test_damaged_manifests_are_refused(raw: bytes, message: str) -> None:
    with pytest.raises(PackError, match=message):
        parse_manifest(raw, "x.kitpack")


def test_newer_format_is_refused_with_future_format_error() -> None:
    with pytest.raises(FutureFormatError, match="needs a newer Training Kit"):
        parse_manifest(_manifest(format_version=FORMAT_VERSION + 1))
    assert parse_manifest(_manifest())["pack"]["id"] == "p"


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("content.json", True),
        ("media/a b.png", True),
        ("manifest.json", False),
        ("signature.json", False),
        ("/etc/passwd", False),
        ("media/../../x", False),
        ("media//x", False),
        ("media\\x", False),
        ("C:/x", False),
        ("", False),
    ],
)
def test_safe_member_paths(path: str, ok: bool) -> None:
    assert safe_member_path(path) is ok


@pytest.mark.parametrize(
    ("wanted", "app", "newer"),
    [("0.1.0", "0.1.0", False), ("0.2.0", "0.1.9", True), ("1.0.0-beta", "0.9.0", True),
     ("0.1.0", "1.0.0", False), ("", "0.1.0", False)],
)  # fmt: skip
def test_needs_newer_app(wanted: str, app: str, newer: bool) -> None:
    assert needs_newer_app({"min_app_version": wanted}, app) is newer


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a zip at all", "not a complete Training Kit pack"),
        (None, "has no manifest.json"),
    ],
)
def test_files_that_are_not_packs(tmp_path: Path, data: bytes | None, message: str) -> None:
    path = tmp_path / "x.kitpack"
    if data is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "hi")
    else:
        path.write_bytes(data)
    with pytest.raises(PackError, match=message):
        read_manifest(path)


def test_cut_short_pack_is_refused(source: Path, tmp_path: Path) -> None:
    out = build_pack(source, tmp_path)
    data = out.read_bytes()
    out.write_bytes(data[: len(data) // 2])
    with pytest.raises(PackError, match="damaged or cut short"):
        read_manifest(out)


@pytest.mark.parametrize("offset", [0, 7, 40, 200])
def test_corrupt_compressed_content_is_refused(source: Path, tmp_path: Path, offset: int) -> None:
    out = build_pack(source, tmp_path)
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo("content.json")
    data = bytearray(out.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + offset, start + offset + 8):
        data[i] ^= 0x5A
    out.write_bytes(bytes(data))
    with pytest.raises(PackError):
        verify_contents(out, read_manifest(out))
