"""The pack sources shipped in content_packs/ are valid, build, and stay complete."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pack_helpers import CONTENT_PACKS

from kit.core.packformat import ITEM_TYPES, QUESTION_TYPES, SURVEY_TYPES
from kit.core.packformat.build import build_pack
from kit.core.packformat.manifest import read_manifest, verify_contents
from kit.core.packformat.source import load_source

SOURCES = sorted(p.parent for p in CONTENT_PACKS.glob("*/pack.yaml"))


def test_there_is_a_bundled_pack() -> None:
    assert CONTENT_PACKS / "getting-started" in SOURCES


@pytest.mark.parametrize("src", SOURCES, ids=[p.name for p in SOURCES])
def test_bundled_source_validates_and_builds(src: Path, tmp_path: Path) -> None:
    loaded = load_source(src)
    assert loaded.report.errors == []
    out = build_pack(loaded, tmp_path)
    manifest = read_manifest(out)
    verify_contents(out, manifest)
    assert out.name == f"{manifest.pack['id']}-{manifest.pack['version']}.kitpack"
    assert build_pack(src, tmp_path / "again").read_bytes() == out.read_bytes()


def test_getting_started_uses_every_kind_of_item_and_question() -> None:
    loaded = load_source(CONTENT_PACKS / "getting-started")
    assert loaded.report.problems == []  # not even a warning
    pack = loaded.content["pack"]
    assert pack["license"] == "CC-BY-SA-4.0"
    assert pack["authors"] == [{"name": "Training Kit contributors"}]
    assert "Training Kit contributors" in pack["attribution"]
    items = [i for m in loaded.content["modules"] for i in m["items"]]
    assert {i["type"] for i in items} == set(ITEM_TYPES)
    quiz_types = {q["type"] for i in items if i["type"] == "quiz" for q in i["questions"]}
    survey_types = {q["type"] for i in items if i["type"] == "survey" for q in i["questions"]}
    assert quiz_types == set(QUESTION_TYPES)
    assert survey_types == set(SURVEY_TYPES)
    assert len(loaded.content["modules"]) == 2
    assert any(p.endswith((".svg", ".png")) for p in loaded.media)
    es = loaded.content["translations"]["es"]
    assert es["pack"]["title"] and es["items"]["choose-a-profile"]["body"]


def test_getting_started_translation_keeps_the_media_it_uses(tmp_path: Path) -> None:
    out = build_pack(CONTENT_PACKS / "getting-started", tmp_path)
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
    assert {"media/learning-path.svg", "media/learning-path-es.svg"} <= names
