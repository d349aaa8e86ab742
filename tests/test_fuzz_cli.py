"""Fuzz the commands that read files: mutated packs, sources, catalogs and imports.

Whatever the bytes, a command ends with exit 0, 1 or 2; a refusal says why in a sentence
on stderr, and nothing escapes as a traceback. The mutations splice in what has broken
readers before (NaN, 5000-digit numbers, deep nesting, aliases, bad UTF-8, escapes, odd
URLs) as well as random bytes, cuts and deletions. The example count is bounded and
derandomized, so the suite stays quick and repeatable; KIT_FUZZ_EXAMPLES=2000 runs a
deeper, random search locally.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from library_helpers import PNG, content, dumps, lesson, manifest_for, write_zip
from pack_helpers import LESSON, MODULE, QUIZ, make_source

from kit.cli import main

DEEP = int(os.environ.get("KIT_FUZZ_EXAMPLES", "0"))
EXAMPLES = DEEP or 25

HOSTILE = [
    b"NaN", b"Infinity", b"-Infinity", b"1e999", b"9" * 5000, b"-" + b"9" * 30, b"0.5",
    b"[" * 3000, b'{"a":' * 3000, b"- " * 200, b"&a [1, 2]\nb: *a\n", b"!!python/object:os.system",
    b".inf", b".nan", b"\x1b[2J", b"\x00", b"\xff\xfe\xc3", b"\r\n", b'"', b"'", b"\\", b":",
    b"\n---\n", b"null", b"true", b"[]", b"{}", b"\"\"", b"..", b"../../../etc/passwd",
    b"/etc/passwd", b"file:///etc/passwd", b"http://[::1", b"https://", b"C:\\x",
    "\u202e".encode(), b"\t", b"#", b"{{", b"<script>", b"%00", b"9999-99-99",
]  # fmt: skip

op = st.tuples(
    st.sampled_from(["insert", "replace", "delete", "flip", "truncate"]),
    st.floats(0, 1),
    st.floats(0, 1),
    st.one_of(st.sampled_from(HOSTILE), st.binary(min_size=1, max_size=8)),
)
mutations = st.lists(op, min_size=1, max_size=4)


def mutate(data: bytes, ops: list[tuple[str, float, float, bytes]]) -> bytes:
    for kind, where, span, payload in ops:
        at = int(where * len(data))
        end = min(len(data), at + 1 + int(span * 40))
        if kind == "insert":
            data = data[:at] + payload + data[at:]
        elif kind == "replace":
            data = data[:at] + payload + data[end:]
        elif kind == "delete":
            data = data[:at] + data[end:]
        elif kind == "flip" and data:
            i = min(at, len(data) - 1)
            data = data[:i] + bytes([data[i] ^ (1 + int(span * 254))]) + data[i + 1 :]
        else:
            data = data[:at]
    return data


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not DEEP,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def kit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., int]:
    """Run the CLI in-process on a data folder and check how it ended."""
    data = tmp_path / "fuzz-data"
    monkeypatch.chdir(tmp_path)  # a mutated relative path resolves in here

    def run(*args: object) -> int:
        try:
            code = main(["--data-dir", str(data), *(str(a) for a in args)])
        except SystemExit as exc:  # argparse: usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        out, err = capsys.readouterr()
        assert code in (0, 1, 2), (args, code, err)
        assert "Traceback" not in err + out
        if code:
            lines = [line for line in err.splitlines() if line.strip()]
            assert lines, f"{args}: exit {code} without a word on stderr"
            assert lines[-1].rstrip().endswith((".", ")", "?")) or code == 2, lines[-1]
        return code

    return run


def _pack_files() -> dict[str, bytes]:
    body = content(items=[lesson("intro", "Intro"), {**lesson("q", "Quiz"), "type": "quiz",
                   "pass_mark": 70, "questions": [{"id": "q1", "prompt": "P?", "type": "single",
                   "choices": [{"text": "a", "correct": True}, {"text": "b"}]}]}])  # fmt: skip
    return {"content.json": dumps(body), "media/a.png": PNG}


def _zip(path: Path, manifest: bytes, files: dict[str, bytes]) -> Path:
    return write_zip(path, [("manifest.json", manifest), *files.items()])


@FUZZ
@given(target=st.sampled_from(["content", "manifest", "zip"]), ops=mutations)
def test_install_and_inspect_a_mutated_pack(kit, tmp_path: Path, target: str, ops) -> None:
    files = _pack_files()
    body = content()
    if target == "content":
        files["content.json"] = mutate(files["content.json"], ops)
    manifest = dumps(manifest_for(body, files))
    if target == "manifest":
        manifest = mutate(manifest, ops)
    pack = _zip(tmp_path / "fuzz.kitpack", manifest, files)
    if target == "zip":
        pack.write_bytes(mutate(pack.read_bytes(), ops))
    kit("pack", "inspect", pack)
    kit("library", "install", pack)


@pytest.fixture
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_source(tmp_path_factory.mktemp("fuzz-src") / "src")


@FUZZ
@given(rel=st.sampled_from(["pack.yaml", MODULE, LESSON, QUIZ]), ops=mutations)
def test_validate_and_build_a_mutated_source(kit, source: Path, rel: str, ops) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(source, src)
        (src / rel).write_bytes(mutate((src / rel).read_bytes(), ops))
        kit("pack", "validate", src)
        kit("pack", "build", src, "--out", Path(tmp) / "out")


@pytest.fixture
def catalog_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from kit.core.catalog.catalog import build_catalog

    folder = tmp_path_factory.mktemp("fuzz-catalog")
    files = _pack_files()
    _zip(folder / "demo-1.0.0.kitpack", dumps(manifest_for(content(), files)), files)
    build_catalog(folder)
    return folder


@FUZZ
@given(target=st.sampled_from(["catalog.json", "demo-1.0.0.kitpack"]), ops=mutations)
def test_a_mutated_folder_catalog(kit, catalog_folder: Path, target: str, ops) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "usb"
        shutil.copytree(catalog_folder, folder)
        (folder / target).write_bytes(mutate((folder / target).read_bytes(), ops))
        if kit("source", "add", folder) == 0:
            kit("get", "demo")
            kit("source", "remove", folder)
        if target.endswith(".kitpack"):
            kit("catalog", "build", folder)


@FUZZ
@given(ops=mutations)
def test_source_add_with_a_mutated_address(kit, ops) -> None:
    address = mutate(b"https://example.invalid:8443/packs/", ops)
    text = address.decode("utf-8", "replace").replace("\x00", "")
    if text.startswith(("http://", "https://")):
        return  # a well-formed web address would be fetched: not here (no network)
    kit("source", "add", text)


def test_source_add_refuses_a_malformed_web_address(kit, run_kit) -> None:
    for address in ("https://[::1", "http://[::1]:99999/", "https://", "http:// space/"):
        code, _out, err = run_kit("source", "add", address)
        assert code == 1 and "is not a valid web address" in err, (address, err)


@FUZZ
@given(ops=mutations, which=st.integers(0, 1000))
def test_import_a_mutated_wikiedu_folder(kit, tmp_path: Path, ops, which: int) -> None:
    from wikiedu_mini import FILES, make_corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = make_corpus(Path(tmp) / "training")
        rel = sorted(FILES)[which % len(FILES)]
        (root / rel).write_bytes(mutate((root / rel).read_bytes(), ops))
        kit("import", "wikiedu", root, "-o", Path(tmp) / "out")


def test_an_empty_zip_is_one_sentence(tmp_path: Path, run_kit) -> None:
    empty = tmp_path / "empty.kitpack"
    zipfile.ZipFile(empty, "w").close()
    assert empty.stat().st_size == 22
    for command in (("library", "install"), ("pack", "inspect"), ("catalog", "build")):
        target = empty if command[0] != "catalog" else tmp_path
        code, _out, err = run_kit(*command, target)
        assert code == 1 and err.count("\n") == 1 and "Traceback" not in err, err
