"""Trainer mode's outline edits: add, rename, delete and move modules and items of a real
pack source, as minimal edits of its files, each undone byte for byte."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from kit.core import itemtypes
from kit.core.authoring import outline as edit
from kit.core.authoring.project import PackProject
from kit.core.errors import KitError
from kit.core.paths import BUNDLED_PACKS_DIR


@pytest.fixture
def project(tmp_path: Path) -> PackProject:
    shutil.copytree(BUNDLED_PACKS_DIR / "getting-started", tmp_path / "gs")
    return PackProject.open(tmp_path / "gs")


@pytest.fixture
def fresh(tmp_path: Path) -> PackProject:
    return PackProject.create(tmp_path / "fresh", "Water and health")


def snapshot(project: PackProject) -> dict[str, bytes]:
    return {rel: project.path(rel).read_bytes() for rel in project.files()}


def changed_lines(before: bytes, after: bytes) -> list[str]:
    diff = difflib.unified_diff(
        before.decode().split("\n"), after.decode().split("\n"), lineterm="", n=0
    )
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


PLANS = {
    "add module": lambda p: p.plan_add_module("Café & tea"),
    "rename module": lambda p: p.plan_rename_module(p.outline().modules[0].dir, "Renamed: it"),
    "delete module": lambda p: p.plan_delete_module(p.outline().modules[-1].dir),
    "move module": lambda p: p.plan_move_module(p.outline().modules[-1].dir, 0),
    "add item": lambda p: p.plan_add_item(p.outline().modules[0].dir, itemtypes.QUIZ, "Test", 1),
    "rename item": lambda p: p.plan_rename_item(p.outline().modules[0].items[1].relpath, "New"),
    "delete item": lambda p: p.plan_delete_item(p.outline().modules[0].items[0].relpath),
    "move item": lambda p: p.plan_move_item(
        p.outline().modules[0].items[0].relpath, p.outline().modules[0].dir, 3
    ),
    "move item to another module": lambda p: p.plan_move_item(
        p.outline().modules[0].items[-1].relpath, p.outline().modules[-1].dir, 0
    ),
}


@pytest.mark.parametrize("name", sorted(PLANS))
@pytest.mark.parametrize("which", ["project", "fresh"])
def test_each_edit_validates_and_its_undo_restores_every_byte(name, which, request) -> None:
    project: PackProject = request.getfixturevalue(which)
    if which == "fresh" and name in ("delete module", "move module", "move item to another module"):
        project.apply(project.plan_add_module("Second module"))
    before = snapshot(project)
    change = PLANS[name](project)
    undo = project.apply(change)
    after = snapshot(project)
    assert after != before
    report = project.validate()
    assert report.errors == [], [str(p) for p in report.errors]
    touched = set(change.writes)
    assert {r: b for r, b in after.items() if r not in touched} == {
        r: b for r, b in before.items() if r not in touched
    }, "files the edit does not name are untouched"
    project.apply(undo)
    assert snapshot(project) == before
    assert not (project.root / "modules" / "cafe-tea").exists()


def test_moving_an_item_changes_only_the_lines_of_the_list(project: PackProject) -> None:
    rel = "modules/learning/module.yaml"
    before = project.path(rel).read_bytes()
    project.apply(project.plan_move_item("modules/learning/01-profiles.md", "learning", 2))
    after = project.path(rel).read_bytes()
    assert changed_lines(before, after) == ["-  - 01-profiles.md", "+  - 01-profiles.md"]
    assert sorted(before.split(b"\n")) == sorted(after.split(b"\n"))
    titles = [i.relpath for i in project.outline().module("learning").items]
    assert titles[:3] == [
        "modules/learning/02-lessons.md",
        "modules/learning/03-tour.md",
        "modules/learning/01-profiles.md",
    ]


def test_renaming_keeps_the_comment_and_the_other_lines(project: PackProject) -> None:
    before = project.path("pack.yaml").read_bytes()
    project.apply(project.plan_add_module("Reading maps"))
    after = project.path("pack.yaml").read_bytes()
    assert changed_lines(before, after) == ["+  - reading-maps"]
    assert after.startswith(b"# The pack that ships with Training Kit.")
    rel = "modules/learning/02-lessons.md"
    before = project.path(rel).read_bytes()
    project.apply(project.plan_rename_item(rel, "Lessons: how to read them"))
    lines = changed_lines(before, project.path(rel).read_bytes())
    assert lines == ["-title: Read a lesson", '+title: "Lessons: how to read them"']
    assert project.outline().item(rel)[1].title == "Lessons: how to read them"


def test_new_files_are_written_as_a_person_would(project: PackProject) -> None:
    project.apply(project.plan_add_module("Reading maps"))
    module = project.outline().module("reading-maps")
    assert project.read(module.relpath) == (
        "id: reading-maps\ntitle: Reading maps\nitems:\n  - 01-reading-maps.md\n"
    )
    project.apply(project.plan_add_item("reading-maps", itemtypes.ACTIVITY, "Draw a map"))
    text = project.read("modules/reading-maps/02-draw-a-map.md")
    assert text.startswith("---\nid: draw-a-map\ntype: activity\ntitle: Draw a map\nminutes: 15\n")
    again = project.plan_add_item("reading-maps", itemtypes.LESSON, "Draw a map")
    assert "modules/reading-maps/03-draw-a-map.md" in again.writes
    assert b"id: draw-a-map-2\n" in (again.writes["modules/reading-maps/03-draw-a-map.md"] or b"")


@pytest.mark.parametrize("itype", itemtypes.NAMES)
def test_a_new_item_of_every_type_validates(fresh: PackProject, itype: str) -> None:
    project = fresh
    project.apply(project.plan_add_item("basics", itype, f"A new {itype}"))
    report = project.validate()
    assert report.errors == []
    added = project.outline().module("basics").items[-1]
    assert (added.type, added.title) == (itype, f"A new {itype}")


def test_moving_an_item_to_another_module_keeps_its_links_working(project: PackProject) -> None:
    project.apply(project.plan_move_item("modules/learning/05-check.md", "teaching", 0))
    assert project.validate().errors == []
    assert "modules/teaching/05-check.md" in project.files()
    assert "translations/es/modules/teaching/05-check.md" in project.files()
    assert "(../teaching/05-check.md)" in project.read("modules/learning/04-quizzes.md")


def test_edits_that_would_break_the_pack_are_refused(fresh: PackProject) -> None:
    with pytest.raises(KitError, match="at least one module"):
        fresh.plan_delete_module("basics")
    with pytest.raises(KitError, match="no module folder"):
        fresh.plan_add_item("nowhere", itemtypes.LESSON, "X")
    with pytest.raises(KitError, match="not an item type"):
        fresh.plan_add_item("basics", "poll", "X")


def test_flow_lists_and_unindented_lists_are_edited_in_their_style() -> None:
    text = "id: x\ntags: [a, b]\nitems:\n- 01-a.md\n# a comment\n- 02-b.md\nother: 1\n"
    assert edit.list_insert(text, "items", "03-c.md") == text.replace(
        "- 02-b.md\n", "- 02-b.md\n- 03-c.md\n"
    )
    assert edit.list_move(text, "tags", "b", 0) == text.replace("[a, b]", "[b, a]")
    assert edit.list_remove(text, "items", "01-a.md") == text.replace("- 01-a.md\n", "")
    assert edit.set_scalar("title: 'Old'  \nx: 1\n", "title", "It's new").startswith(
        "title: 'It''s new'\n"
    )
    assert edit.set_scalar("title: >-\n  long\n  text\nx: 1\n", "title", "Short") == (
        "title: Short\nx: 1\n"
    )


def test_the_outline_shows_unsaved_titles(project: PackProject) -> None:
    rel = "modules/learning/02-lessons.md"
    text = project.read(rel).replace("title: Read a lesson", "title: Reading")
    assert project.outline({rel: text}).item(rel)[1].title == "Reading"
    assert project.outline().item(rel)[1].title == "Read a lesson"


def test_a_list_the_editor_cannot_change_safely_is_left_alone(project: PackProject) -> None:
    rel = "modules/learning/module.yaml"
    text = project.read(rel).replace("items:\n  - 01-profiles.md\n", "items: [01-profiles.md,\n")
    text = text.replace("  - 06-progress.md\n", "  - 06-progress.md\n").replace(
        "  - 02-lessons.md\n  - 03-tour.md\n  - 04-quizzes.md\n  - 05-check.md\n  - 06-progress.md",
        "  02-lessons.md, 03-tour.md, 04-quizzes.md, 05-check.md, 06-progress.md]",
    )
    project.save(rel, text)
    assert len(project.outline().module("learning").items) == 6
    with pytest.raises(KitError, match="cannot change safely"):
        project.plan_add_item("learning", itemtypes.LESSON, "More")
    with pytest.raises(KitError, match="cannot be empty"):
        project.plan_rename_item("modules/learning/02-lessons.md", "  ")


def test_an_edit_that_fails_half_way_puts_back_what_it_did(project: PackProject) -> None:
    from kit.core.authoring.model import FileChange

    before = snapshot(project)
    blocker = project.root / "modules" / "learning" / "99-new.md"
    blocker.mkdir()  # a folder where the edit wants to write a file
    change = FileChange(
        {
            "modules/learning/module.yaml": b"changed\n",
            "modules/learning/01-profiles.md": None,
            "modules/learning/99-new.md": b"new\n",
        },
        "Add item",
    )
    with pytest.raises(KitError):
        project.apply(change)
    blocker.rmdir()
    assert snapshot(project) == before


@pytest.mark.parametrize(
    "title",
    ["Café et thé", "Lessons: how", "yes", "1.0", "2024-01-01", "Ana's pack", "#1 tip", 'a "b"'],
)
def test_any_title_reads_back_as_typed_and_plain_where_it_can(
    fresh: PackProject, title: str
) -> None:
    from kit.core.packformat.yamlio import load_mapping

    fresh.apply(fresh.plan_rename_module("basics", title))
    text = fresh.read("modules/basics/module.yaml")
    assert load_mapping(text).data["title"] == title
    assert fresh.validate().errors == []
    if title == "Café et thé":
        assert "title: Café et thé\n" in text


def test_an_item_added_mid_module_is_numbered_where_it_goes_and_renames_nothing(
    project: PackProject,
) -> None:
    before = set(project.files())
    change = project.plan_add_item("learning", itemtypes.QUIZ, "New quiz", 2)  # after 02-
    project.apply(change)
    names = [i.relpath.rsplit("/", 1)[1] for i in project.outline().module("learning").items]
    assert names[:4] == ["01-profiles.md", "02-lessons.md", "02a-new-quiz.md", "03-tour.md"]
    assert before <= set(project.files())  # no file renamed
    project.apply(project.plan_add_item("learning", itemtypes.QUIZ, "Other", 3))
    names = [i.relpath.rsplit("/", 1)[1] for i in project.outline().module("learning").items]
    assert names[2:5] == ["02a-new-quiz.md", "02b-other.md", "03-tour.md"]
    assert names == sorted(names)


@pytest.mark.parametrize(
    ("names", "index", "expected"),
    [
        (["01-a", "02-b"], None, "03-x"),
        (["02-a", "04-b"], 1, "03-x"),
        (["02-a", "04-b"], 0, "01-x"),
        (["01-a", "02-b"], 0, "00-x"),
        (["01-a", "02-b"], 1, "01a-x"),
        (["01-a", "01a-b", "02-c"], 2, "01b-x"),
        (["01-a", "01a-b", "01b-c"], 2, "01aa-x"),
    ],
)
def test_numbers_for_an_inserted_file_follow_the_order(names, index, expected) -> None:
    assert edit.insert_number_name(names, index, "x") == expected
