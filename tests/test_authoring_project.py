"""Trainer mode's pack project: opening, creating and remixing sources, reading and saving
their files, validating with texts not saved yet."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kit.core.authoring.project import PackProject, file_kind
from kit.core.authoring.unbuild import installed_source
from kit.core.errors import KitError
from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.yamlio import load_mapping
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir


@pytest.fixture
def project(tmp_path: Path) -> PackProject:
    shutil.copytree(BUNDLED_PACKS_DIR / "getting-started", tmp_path / "gs")
    return PackProject.open(tmp_path / "gs")


def test_a_new_pack_has_the_title_and_validates(tmp_path: Path) -> None:
    project = PackProject.create(tmp_path / "new", "Clean water: a first course")
    outline = project.outline()
    assert (outline.title, outline.pack_id) == (
        "Clean water: a first course",
        "clean-water-a-first-course",
    )
    assert [m.dir for m in outline.modules] == ["basics"]
    assert project.validate().errors == []
    with pytest.raises(KitError, match="not empty"):
        PackProject.create(tmp_path / "new", "Again")


def test_opening_a_folder_without_pack_yaml_says_so(tmp_path: Path) -> None:
    with pytest.raises(KitError, match=r"no pack\.yaml"):
        PackProject.open(tmp_path)


def test_the_outline_lists_modules_and_items_in_order(project: PackProject) -> None:
    outline = project.outline()
    assert [m.module_id for m in outline.modules] == ["learning", "teaching"]
    first = outline.modules[0].items[0]
    assert (first.relpath, first.item_id, first.type) == (
        "modules/learning/01-profiles.md",
        "choose-a-profile",
        "lesson",
    )


def test_file_kinds_pick_the_editor(project: PackProject) -> None:
    kinds = {rel: file_kind(rel, project.read(rel)) for rel in project.files() if "." in rel}
    assert kinds["pack.yaml"] == "pack"
    assert kinds["modules/learning/module.yaml"] == "module"
    assert kinds["modules/learning/05-check.md"] == "quiz"
    assert kinds["modules/teaching/04-feedback.md"] == "survey"
    assert kinds["modules/learning/01-profiles.md"] == "markdown"
    assert kinds["translations/es/pack.yaml"] == "text"


def test_save_writes_only_a_changed_text(project: PackProject) -> None:
    rel = "modules/learning/01-profiles.md"
    path = project.path(rel)
    os.utime(path, (1_000_000, 1_000_000))
    assert project.save(rel, project.read(rel)) is False
    assert path.stat().st_mtime == 1_000_000
    assert project.save(rel, project.read(rel) + "\nOne more line.\n") is True
    assert project.read(rel).endswith("One more line.\n")
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]


def test_validation_reads_unsaved_texts_and_points_at_the_line(project: PackProject) -> None:
    rel = "modules/learning/05-check.md"
    text = project.read(rel)
    broken = text.replace("- [x]", "- [ ]", 1)
    problems = project.validate({rel: broken}).errors
    assert problems and problems[0].path == rel
    line = broken.split("\n")[problems[0].line - 1]
    assert line.startswith("## ")  # the question without a right answer
    assert project.read(rel) == text  # disk untouched
    assert project.validate().errors == []


def test_remixing_a_bundled_pack_keeps_licence_and_credits_the_original(
    tmp_path: Path, data_dir: Path
) -> None:
    src = tmp_path / "src.kitpack"
    build_pack(BUNDLED_PACKS_DIR / "getting-started", src)
    with Library(DataDir(data_dir)) as lib:
        lib.install(src)
        files = installed_source(lib, "getting-started")
    original = {
        p.relative_to(BUNDLED_PACKS_DIR / "getting-started").as_posix()
        for p in (BUNDLED_PACKS_DIR / "getting-started").rglob("*")
        if p.is_file()
    }
    assert set(files) == original  # the bundled source itself, translations included
    project = PackProject.remix(files, tmp_path / "remix")
    meta = load_mapping(project.read("pack.yaml")).data
    assert meta["id"] == "getting-started-remix"
    assert meta["title"] == "Getting started with Training Kit (remix)"
    assert meta["license"] == "CC-BY-SA-4.0"
    assert meta["attribution"] == (
        "Training Kit contributors, CC BY-SA 4.0. Adapted from Getting started with "
        "Training Kit by Training Kit contributors, CC-BY-SA-4.0."
    )
    assert project.validate().errors == []
    for rel in files:
        if rel != "pack.yaml":
            assert project.path(rel).read_bytes() == files[rel]


def test_a_pack_installed_only_as_built_is_written_back_as_a_source(
    tmp_path: Path, data_dir: Path
) -> None:
    made = PackProject.create(tmp_path / "made", "Only built")
    built = build_pack(made.root, tmp_path / "made.kitpack")
    with Library(DataDir(data_dir)) as lib:
        lib.install(built)
        files = installed_source(lib, "only-built")
    project = PackProject.remix(files, tmp_path / "remix", title="My own version")
    assert project.validate().errors == []
    assert project.outline().title == "My own version"
    assert [i.item_id for i in project.outline().modules[0].items] == [
        i.item_id for i in made.outline().modules[0].items
    ]
    assert project.path("media/logo.png").read_bytes() == made.path("media/logo.png").read_bytes()


def test_a_no_derivatives_licence_is_refused(tmp_path: Path) -> None:
    made = PackProject.create(tmp_path / "nd", "Closed")
    text = made.read("pack.yaml").replace("CC-BY-SA-4.0", "CC-BY-ND-4.0")
    files = {"pack.yaml": text.encode()}
    with pytest.raises(KitError, match="does not allow changed versions"):
        PackProject.remix(files, tmp_path / "remix")
    assert not (tmp_path / "remix").exists()
