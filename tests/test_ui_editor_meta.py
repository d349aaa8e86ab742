"""The pack and module metadata forms: files round-trip, edits change only their lines."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from PySide6.QtCore import Qt

from kit.core.packformat.source import load_source
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.module_form import ModuleMetaEditor
from kit.ui.editor.metadata.pack_form import PackMetaEditor
from kit.ui.editor.registry import editor_class

PACKS = Path(__file__).resolve().parent.parent / "content_packs"
PACK_FILES = sorted(PACKS.glob("*/pack.yaml"))
MODULE_FILES = sorted(PACKS.glob("*/modules/*/module.yaml"))


def env(root: Path) -> EditorEnv:
    return EditorEnv(root=root, ctx=cast(Any, None))


def changed(old: str, new: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    root = tmp_path / "getting-started"
    shutil.copytree(PACKS / "getting-started", root)
    return root


def pack_editor(qtbot: Any, root: Path) -> PackMetaEditor:
    editor = PackMetaEditor(env(root), None)
    qtbot.addWidget(editor)
    editor.load("pack.yaml", (root / "pack.yaml").read_text(encoding="utf-8"))
    return editor


def test_the_registry_finds_both_forms() -> None:
    assert editor_class("pack") is PackMetaEditor
    assert editor_class("module") is ModuleMetaEditor


def test_every_bundled_file_round_trips_untouched(qtbot: Any, tmp_path: Path) -> None:
    pack_form = PackMetaEditor(env(tmp_path), None)
    module_form = ModuleMetaEditor(env(tmp_path), None)
    qtbot.addWidget(pack_form)
    qtbot.addWidget(module_form)
    for editor, paths in ((pack_form, PACK_FILES), (module_form, MODULE_FILES)):
        for path in paths:
            text = path.read_text(encoding="utf-8")
            editor.load(path.name, text)
            assert editor.current_text() == text, path


def test_changing_the_title_changes_exactly_one_line(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    before = editor.current_text()
    with qtbot.waitSignal(editor.changed):
        editor.title.setFocus()
        editor.title.selectAll()
        qtbot.keyClicks(editor.title, "Primeros pasos")
    assert changed(before, editor.current_text()) == [
        "-title: Getting started with Training Kit",
        "+title: Primeros pasos",
    ]


def test_choosing_a_licence_writes_it_and_the_pack_still_validates(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    assert editor.licence.value() == "CC-BY-SA-4.0"
    combo = editor.licence.combo
    combo.setCurrentIndex(combo.findData("CC-BY-4.0"))
    assert "credit you" in editor.licence.explanation.text()
    text = editor.current_text()
    assert changed((pack / "pack.yaml").read_text(encoding="utf-8"), text) == [
        "-license: CC-BY-SA-4.0",
        "+license: CC-BY-4.0",
    ]
    (pack / "pack.yaml").write_text(text, encoding="utf-8")
    loaded = load_source(pack)
    assert loaded.report.ok, loaded.report.errors
    assert loaded.pack["license"] == "CC-BY-4.0"


def test_another_licence_is_typed_and_a_bad_one_gets_a_sentence(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    combo = editor.licence.combo
    combo.setCurrentIndex(combo.count() - 1)
    qtbot.keyClicks(editor.licence.other, "not a licence!")
    message = editor.messages["license"]
    assert not message.isHidden()
    assert "SPDX" in message.text()
    editor.licence.other.clear()
    qtbot.keyClicks(editor.licence.other, "CC-BY-4.0 OR MIT")
    assert message.isHidden()
    assert "license: CC-BY-4.0 OR MIT\n" in editor.current_text()


def test_bad_values_give_one_sentence_each(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.version.setText("")
    qtbot.keyClicks(editor.version, "1.0")
    assert editor.messages["version"].text() == "'1.0' is not a version such as 1.0.0."
    editor.title.selectAll()
    qtbot.keyClick(editor.title, Qt.Key.Key_Delete)
    assert editor.messages["title"].text() == "Give the pack a title."
    assert "title: ''" in editor.current_text()


def test_the_version_helper_and_languages(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.bump("minor")
    assert "version: 1.1.0\n" in editor.current_text()
    editor.languages.add_code.setText("sw")
    with qtbot.waitSignal(editor.changed):
        qtbot.keyClick(editor.languages.add_code, Qt.Key.Key_Return)
    data = yaml.safe_load(editor.current_text())
    assert data["languages"] == ["en", "es", "sw"]
    assert "languages: [en, es, sw]\n" in editor.current_text()


def test_the_id_is_read_only_until_unlocked(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    assert editor.id_field.edit.isReadOnly()
    assert "same in every version" in editor.id_field.note.text()
    editor.id_field.unlock.setChecked(True)
    assert not editor.id_field.edit.isReadOnly()


def test_authors_and_credit_line(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.authors.add_row()
    editor.authors.table.item(1, 0).setText("Ana Pérez")
    editor.authors.table.item(1, 2).setText("translator")
    editor.suggest_attribution()
    data = yaml.safe_load(editor.current_text())
    assert data["authors"][1] == {"name": "Ana Pérez", "role": "translator"}
    assert data["attribution"] == "Training Kit contributors, Ana Pérez, CC BY-SA 4.0"


def test_jump_to_focuses_the_field_on_that_line(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.show()
    text = editor.current_text()
    line = text.splitlines().index("license: CC-BY-SA-4.0") + 1
    editor.jump_to(line)
    assert editor.focusWidget() is editor.licence.combo
    editor.jump_to(6)  # inside the folded description
    assert editor.focusWidget() is editor.description


def test_a_file_that_is_no_mapping_is_kept_as_it_is(qtbot: Any, tmp_path: Path) -> None:
    editor = PackMetaEditor(env(tmp_path), None)
    qtbot.addWidget(editor)
    editor.load("pack.yaml", "title: [unclosed\n")
    assert editor.current_text() == "title: [unclosed\n"
    assert editor.raw is not None and not editor.raw.isHidden()


BROKEN_PACK = "id: x\ntitle: [unclosed\n  : :\n"


def test_a_broken_pack_yaml_is_shown_as_text_until_it_is_fixed(qtbot: Any, tmp_path: Path) -> None:
    editor = PackMetaEditor(env(tmp_path), None)
    qtbot.addWidget(editor)
    editor.show()
    editor.load("pack.yaml", BROKEN_PACK)
    assert editor.raw is not None
    assert editor.raw.isVisible() and not editor.form_page.isVisible()
    assert "not valid YAML" in editor.raw.reason.text()
    assert editor.raw.current_text() == BROKEN_PACK
    edit = editor.raw.editor.text
    edit.setFocus()
    with qtbot.waitSignal(editor.changed):
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        for _n in range(len("[unclosed\n  : :\n")):
            qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "Fixed")
    typed = "id: x\ntitle: Fixed"
    assert editor.current_text() == typed
    qtbot.waitUntil(lambda: editor.form_page.isVisible())
    assert not editor.raw.isVisible()
    assert editor.title.isEnabled()
    assert editor.id_field.value() == "x" and editor.title.text() == "Fixed"
    assert editor.current_text() == typed
    editor.jump_to(1)
    assert editor.focusWidget() is editor.id_field.edit


def module_editor(qtbot: Any, root: Path, name: str) -> tuple[ModuleMetaEditor, Path]:
    path = root / "modules" / name / "module.yaml"
    editor = ModuleMetaEditor(env(root), None)
    qtbot.addWidget(editor)
    editor.load(str(path.relative_to(root)), path.read_text(encoding="utf-8"))
    return editor, path


def test_adding_a_skill_tag_through_the_search(qtbot: Any, pack: Path) -> None:
    editor, path = module_editor(qtbot, pack, "learning")
    qtbot.keyClicks(editor.skills.search, "budget")
    shown = [
        editor.skills.list.item(i).text()
        for i in range(editor.skills.list.count())
        if not editor.skills.list.item(i).isHidden()
    ]
    assert shown == ["Budgeting — Organizational structure"]
    qtbot.keyClick(editor.skills.search, Qt.Key.Key_Return)
    assert editor.focusWidget() is editor.skills.list
    editor.skills.list.currentItem().setCheckState(Qt.CheckState.Checked)
    text = editor.current_text()
    assert changed(path.read_text(encoding="utf-8"), text) == [
        "-tags: [getting-started, learners]",
        "+tags: [getting-started, learners, capx:budgeting]",
    ]
    path.write_text(text, encoding="utf-8")
    loaded = load_source(pack)
    assert loaded.report.ok and not loaded.report.warnings


def test_module_form_checks_minutes_and_tags(qtbot: Any, pack: Path) -> None:
    editor, _path = module_editor(qtbot, pack, "teaching")
    assert editor.skills.value() == ("capx:training", "capx:facilitation")
    assert editor.skills.chosen.text() == "Chosen: Training, Facilitation"
    assert "module by it" in editor.id_field.note.text()
    qtbot.keyClicks(editor.minutes, "half an hour")
    assert editor.messages["minutes"].text() == "Minutes must be a whole number from 0 to 100000."
    editor.minutes.clear()
    qtbot.keyClicks(editor.minutes, "45")
    assert editor.messages["minutes"].isHidden()
    assert "\nminutes: 45\ntags:" in editor.current_text()
    qtbot.keyClicks(editor.topics, ", Bad Tag")
    assert "Bad Tag" in editor.messages["tags"].text()


def reached_by_tab(editor: Any, start: Any, presses: int = 80) -> set[int]:
    start.setFocus()
    seen = set()
    for _i in range(presses):
        widget = editor.focusWidget()
        seen.add(id(widget))
        if widget is not None:
            widget.focusNextChild()
    return seen


def test_every_field_is_reached_with_the_keyboard_and_has_a_label(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.show()
    seen = reached_by_tab(editor, editor.id_field.edit)
    for key, widget in editor.fields.items():
        assert id(widget) in seen, key
        assert widget.accessibleName(), key
    module, _path = module_editor(qtbot, pack, "teaching")
    module.show()
    seen = reached_by_tab(module, module.id_field.edit)
    assert all(id(w) in seen for w in module.fields.values())


def test_a_translation_shows_only_its_own_fields(qtbot: Any, pack: Path) -> None:
    rel = "translations/es/pack.yaml"
    text = (pack / rel).read_text(encoding="utf-8")
    editor = PackMetaEditor(env(pack), None)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(rel, text)
    assert editor.current_text() == text
    assert editor.title.isVisible() and not editor.licence.isVisible()
    assert all(m.isHidden() for m in editor.messages.values())
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Primeros pasos")
    assert changed(text, editor.current_text()) == [
        "-title: Primeros pasos con Training Kit",
        "+title: Primeros pasos",
    ]
    editor.load("pack.yaml", (pack / "pack.yaml").read_text(encoding="utf-8"))
    assert editor.licence.isVisible()


def test_a_bad_language_code_is_named_beneath_the_languages(qtbot: Any, pack: Path) -> None:
    editor = pack_editor(qtbot, pack)
    editor.languages.main.setEditText("English please")
    assert "'English please' is not a language code" in editor.messages["language"].text()
    editor.languages.main.setCurrentIndex(editor.languages.main.findData("en"))
    assert editor.messages["language"].isHidden()
    others = editor.languages.others
    hidden = [others.item(i).text() for i in range(others.count()) if others.item(i).isHidden()]
    assert hidden == ["English (en)"]  # the content language is no translation
    editor.languages.add_code.setText("x y")
    qtbot.keyClick(editor.languages.add_code, Qt.Key.Key_Return)
    assert "'x y'" in editor.messages["language"].text()
    assert editor.languages.main.accessibleDescription() == editor.messages["language"].text()


def test_a_new_pack_edited_through_both_forms_builds_clean_files(
    qtbot: Any, tmp_path: Path
) -> None:
    from kit.core.packformat.scaffold import new_pack_source

    root = new_pack_source(tmp_path / "mine", "mine")
    editor = pack_editor(qtbot, root)
    editor.title.setText("Éléments de base")  # QTest types only Latin-1 reliably
    editor.title.textEdited.emit(editor.title.text())
    editor.description.setPlainText("Première ligne.\n\nDeuxième: paragraphe.")
    combo = editor.licence.combo
    combo.setCurrentIndex(combo.findData("CC0-1.0"))
    editor.homepage.setText("https://example.org/mine")
    editor.homepage.textEdited.emit("https://example.org/mine")
    editor.bump("patch")
    (root / "pack.yaml").write_text(editor.current_text(), encoding="utf-8")
    module, path = module_editor(qtbot, root, "basics")
    module.objectives.setPlainText("Lire une leçon\nRépondre à un quiz")
    module.skills.check("capx:training")
    module.skills.check("Q11016")
    path.write_text(module.current_text(), encoding="utf-8")
    loaded = load_source(root)
    assert loaded.report.ok, loaded.report.errors
    pack_data = loaded.pack
    assert pack_data["title"] == "Éléments de base"
    assert pack_data["license"] == "CC0-1.0" and pack_data["version"] == "0.1.1"
    assert pack_data["description"] == "Première ligne.\n\nDeuxième: paragraphe."
    text = (root / "pack.yaml").read_text(encoding="utf-8")
    assert "description: |-\n  Première ligne.\n\n  Deuxième: paragraphe.\n" in text
    assert "attribution:" in text.split("homepage: https://example.org/mine\n")[0]
    module_text = path.read_text(encoding="utf-8")
    assert "tags: [getting-started, editing, capx:training, Q11016]\n" in module_text
    assert "objectives:\n  - Lire une leçon\n  - Répondre à un quiz\nminutes: 30\n" in module_text


def test_a_broken_module_yaml_is_shown_as_text_until_it_is_fixed(
    qtbot: Any, tmp_path: Path
) -> None:
    editor = ModuleMetaEditor(env(tmp_path), None)
    qtbot.addWidget(editor)
    editor.show()
    broken = "id: basics\ntitle: Basics\nitems: [a.md\n"
    editor.load("modules/basics/module.yaml", broken)
    assert editor.raw is not None and editor.raw.isVisible()
    assert editor.current_text() == broken
    editor.jump_to(3)
    assert editor.raw.editor.text.textCursor().blockNumber() == 2
    cursor = editor.raw.editor.text.textCursor()
    cursor.movePosition(cursor.MoveOperation.EndOfBlock)
    editor.raw.editor.text.setTextCursor(cursor)
    qtbot.keyClicks(editor.raw.editor.text, "]")
    qtbot.waitUntil(lambda: editor.form_page.isVisible())
    assert editor.title.text() == "Basics"
    assert editor.current_text() == "id: basics\ntitle: Basics\nitems: [a.md]\n"
