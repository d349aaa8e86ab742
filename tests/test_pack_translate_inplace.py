"""`kit pack translate apply` on hand-written translation files: a file whose translated
content does not change stays byte-identical; a change touches only its own lines."""

from __future__ import annotations

import difflib
import hashlib
import shutil
from pathlib import Path

import pytest
from ui_shell import GETTING_STARTED

from kit.core.authoring import translating as tr


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, folder)
    return folder


def _hashes(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.suffix != ".po"
    }


def test_apply_with_nothing_new_leaves_every_translation_file_byte_identical(root) -> None:
    es = root / "translations" / "es"
    before = _hashes(es)
    pack_yaml = (root / "pack.yaml").read_bytes()
    tr.start_language(root, "es")
    applied = tr.apply_translations(root, "es")
    assert applied.files == 0
    assert _hashes(es) == before
    assert (root / "pack.yaml").read_bytes() == pack_yaml


def _changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [x for x in diff if x[:1] in "+-" and x[:3] not in ("+++", "---")]


def test_apply_after_translating_one_unit_changes_only_that_units_lines(root) -> None:
    es = root / "translations" / "es"
    lesson = es / "modules" / "learning" / "01-profiles.md"
    old = lesson.read_text(encoding="utf-8")
    before = _hashes(es)
    tr.start_language(root, "es")
    unit = next(
        u
        for u in tr.units(root, "es")
        if u.context.startswith("item/choose-a-profile/body/") and u.translation.startswith("A ")
    )
    tr.save_unit(root, "es", unit.context, unit.source, "Muchas personas comparten ordenador.")
    assert tr.apply_translations(root, "es").files == 1
    new = lesson.read_text(encoding="utf-8")
    removed = [line[1:] for line in _changed_lines(old, new) if line[0] == "-"]
    assert removed == unit.translation.split("\n")
    assert _changed_lines(old, new)[-1] == "+Muchas personas comparten ordenador."
    after = _hashes(es)
    rel = str(lesson.relative_to(es))
    assert {k: v for k, v in after.items() if k != rel} == {
        k: v for k, v in before.items() if k != rel
    }


def test_a_changed_pack_field_keeps_the_other_fields_as_written(root) -> None:
    pack = root / "translations" / "es" / "pack.yaml"
    old = pack.read_text(encoding="utf-8")
    tr.start_language(root, "es")
    title = next(u for u in tr.units(root, "es") if u.context == "pack/title")
    tr.save_unit(root, "es", title.context, title.source, "Empezar con Training Kit")
    tr.apply_translations(root, "es")
    assert _changed_lines(old, pack.read_text(encoding="utf-8")) == [
        "-title: Primeros pasos con Training Kit",
        "+title: Empezar con Training Kit",
    ]
