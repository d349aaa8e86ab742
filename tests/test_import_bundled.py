"""The bundled packs: content_packs/ matches the importers' output and installs."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.core.bundled import bundled_sources, install_bundled
from kit.core.importers.carpentries import import_carpentries
from kit.core.importers.common import ImportOptions
from kit.core.importers.wikiedu import import_wikiedu
from kit.core.library import Library
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir
from tests.conftest import CORPUS

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not present")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@needs_corpus
def test_content_packs_are_what_the_importers_write_today(tmp_path: Path) -> None:
    report = import_wikiedu(CORPUS / "wikiedu-training", tmp_path)
    # build/import-bundled.sh gives the Carpentries pack 1.1.0 (1.1.0 brought its plan).
    report.packs += import_carpentries(
        CORPUS / "carpentries-lc-wikidata",
        tmp_path,
        ImportOptions(pack_version="1.1.0"),
        pack_id="carpentries-lc-wikidata",
    ).packs
    for pack in report.packs:
        assert _tree(pack) == _tree(BUNDLED_PACKS_DIR / pack.name), (
            f"{pack.name} is out of date: run build/import-bundled.sh"
        )


def test_bundled_sources_install_and_reinstall_unchanged(data_dir: Path) -> None:
    sources = bundled_sources()
    names = [p.name for p in sources]
    assert "carpentries-lc-wikidata" in names and "wikiedu-students" in names
    seen: list[tuple[int, int]] = []
    with Library(DataDir(data_dir)) as lib:
        results = install_bundled(lib, progress=lambda d, t: seen.append((d, t)))
        assert [r.pack_id for r in results] == [
            __import__("yaml").safe_load((p / "pack.yaml").read_text())["id"] for p in sources
        ]
        assert {r.action for r in results} == {"installed"}
        assert seen[-1] == (len(sources), len(sources))
        packs = {p["id"]: p for p in lib.list_packs()}
        assert packs["wikiedu-students"]["license"] == "CC-BY-SA-4.0"
        assert "Wiki Education" in packs["wikiedu-students"]["attribution"]
        assert packs["carpentries-lc-wikidata"]["license"] == "CC-BY-4.0"
        quiz = lib.get_item("wikiedu-students", "five-pillars-quiz-1")
        assert any(c["correct"] and c["explanation"] for c in quiz["questions"][0]["choices"])
        assert lib.get_item("wikiedu-students", "five-pillars", lang="es")["title"]
        again = install_bundled(lib)
        assert {r.action for r in again} == {"unchanged"}


def test_install_bundled_can_be_cancelled(data_dir: Path) -> None:
    from kit.core.errors import Cancelled

    with Library(DataDir(data_dir)) as lib, pytest.raises(Cancelled):
        install_bundled(lib, cancel=lambda: True)
    with Library(DataDir(data_dir)) as lib:
        assert lib.list_packs() == []
