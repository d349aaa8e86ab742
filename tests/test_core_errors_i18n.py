"""Library, catalog and pack errors answer in the interface language (kit --lang)."""

from __future__ import annotations

from pathlib import Path

import pytest
from library_helpers import content, dumps, manifest_for, write_zip

import kit.i18n


@pytest.fixture(autouse=True)
def _english_afterwards():
    yield
    kit.i18n.set_language("en")  # --lang sets the process's language; later tests expect English


def test_a_missing_pack_is_refused_in_spanish(tmp_path: Path, run_kit) -> None:
    code, out, err = run_kit("--lang", "es", "library", "install", tmp_path / "missing.kitpack")
    assert (code, out) == (1, "")
    assert err.strip() == f"{tmp_path / 'missing.kitpack'} no existe; revise el nombre del archivo."


def test_a_damaged_pack_and_a_bad_source_are_refused_in_arabic(tmp_path: Path, run_kit) -> None:
    body = content()
    files = {"content.json": b"[" * 100}
    pack = write_zip(
        tmp_path / "p.kitpack",
        [("manifest.json", dumps(manifest_for(body, files))), *files.items()],
    )
    code, _out, err = run_kit("--lang", "ar", "library", "install", pack)
    assert code == 1 and "تالف" in err and "Training Kit" not in err
    code, _out, err = run_kit("--lang", "ar", "source", "add", "https://[::1")
    assert code == 1 and "ليس عنوان ويب صالحًا" in err
