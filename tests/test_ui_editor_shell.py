"""Trainer mode's window on a copy of the getting-started source: the outline's edits
with undo, drag and drop, autosave, recovery after a crash and the problems panel."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from kit.core.paths import DataDir

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "content_packs" / "getting-started"
LESSON = "modules/learning/02-lessons.md"


class FakeAsk:
    """Answers the window's questions as a person would, and remembers them."""

    def __init__(self, recover: bool = True) -> None:
        self.recover_answer = recover
        self.asked_recover: list[list[str]] = []

    def module_title(self) -> str | None:
        return "Practice"

    def item(self) -> tuple[str, str] | None:
        from kit.core import itemtypes

        return itemtypes.QUIZ, "Check yourself"

    def delete(self, title: str) -> bool:
        return True

    def recover(self, files: list[str]) -> bool:
        self.asked_recover.append(files)
        return self.recover_answer


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under `root` and its bytes ({} while the worker is deleting some)."""
    try:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }
    except FileNotFoundError:
        return {}


@pytest.fixture
def source(tmp_path: Path) -> Path:
    target = tmp_path / "getting-started"
    shutil.copytree(SOURCE, target)
    return target


def make_window(qtbot, data_dir: Path, ask: FakeAsk | None = None):
    from kit.ui.context import Services
    from kit.ui.editor.window import EditorWindow
    from kit.ui.runners.worker import Worker

    window = EditorWindow(Services(DataDir(data_dir), Worker()))
    window.ask = ask or FakeAsk()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.ready, timeout=10_000):
        pass
    return window


@pytest.fixture
def opened(qtbot, data_dir: Path, source: Path):
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    qtbot.waitUntil(lambda: window.view.problems.count_text() != "", timeout=10_000)
    yield window
    window.close()
    window.ctx.worker.stop()


def titles(window) -> list[tuple[str, list[str]]]:
    return [(m.title, [i.title for i in m.items]) for m in window.view.outline_value.modules]


def text_widget(editor):
    """The editor's text box (not a read-only preview beside it)."""
    boxes = editor.findChildren(QPlainTextEdit) + editor.findChildren(QTextEdit)
    return next((b for b in boxes if not b.isReadOnly()), None)


def idle(qtbot, window) -> None:
    """Wait until the worker has done everything asked of it so far."""
    qtbot.wait(0)
    window.ctx.worker.call(lambda: None)
    qtbot.wait(10)


def test_add_a_module_and_an_item_rename_it_and_undo_everything(qtbot, opened, source) -> None:
    window = opened
    before = files_of(source)
    window.add_module()  # "Practice"
    qtbot.waitUntil(lambda: len(window.view.outline_value.modules) == 3, timeout=10_000)
    practice = window.view.outline_value.modules[2]
    assert practice.title == "Practice"
    assert window.view.selected() in {("module", practice.dir), ("item", practice.items[0].relpath)}
    window.add_item()  # a quiz, "Check yourself", after the selected row
    qtbot.waitUntil(lambda: titles(window)[2][1][-1] == "Check yourself", timeout=10_000)
    new_item = window.view.outline_value.modules[2].items[-1]
    assert new_item.type == "quiz" and (source / new_item.relpath).is_file()
    model = window.view.outline.outline_model
    model.setData(model.find("item", new_item.relpath), "Check what you know")
    qtbot.waitUntil(lambda: titles(window)[2][1][-1] == "Check what you know", timeout=10_000)
    after = files_of(source)
    assert "Check what you know" in (source / new_item.relpath).read_text(encoding="utf-8")
    assert window.acts["undo"].isEnabled()
    for _step in range(3):
        window.undo()
    qtbot.waitUntil(lambda: files_of(source) == before, timeout=10_000)
    assert not (source / new_item.relpath).exists()
    idle(qtbot, window)
    assert [t for t, _items in titles(window)] == [
        "Learning with Training Kit",
        "For facilitators and trainers",
    ]
    for _step in range(3):
        window.redo()
    qtbot.waitUntil(lambda: files_of(source) == after, timeout=10_000)
    idle(qtbot, window)
    assert titles(window)[2][1][-1] == "Check what you know"


def test_dragging_reorders_modules_and_moves_items_across_modules(qtbot, opened, source) -> None:
    window = opened
    before = files_of(source)
    model = window.view.outline.outline_model
    teaching = model.find("module", "teaching")
    data = model.mimeData([teaching])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())  # above learning
    qtbot.waitUntil(lambda: titles(window)[0][0] == "For facilitators and trainers", timeout=10_000)
    pack_yaml = (source / "pack.yaml").read_text(encoding="utf-8")
    assert pack_yaml.index("- teaching") < pack_yaml.index("- learning")
    lesson = model.find("item", LESSON)
    data = model.mimeData([lesson])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.find("module", "teaching"))
    qtbot.waitUntil(lambda: titles(window)[0][1][0] == "Read a lesson", timeout=10_000)
    assert "Read a lesson" not in titles(window)[1][1]
    window.undo()
    window.undo()
    qtbot.waitUntil(lambda: files_of(source) == before, timeout=10_000)


def test_moving_with_the_keyboard(qtbot, opened, source) -> None:
    window = opened
    window.view.outline.select("item", LESSON)
    window.move_up()
    qtbot.waitUntil(lambda: titles(window)[0][1][0] == "Read a lesson", timeout=10_000)
    module_yaml = (source / "modules/learning/module.yaml").read_text(encoding="utf-8")
    assert module_yaml.index("02-lessons.md") < module_yaml.index("01-profiles.md")
    window.view.outline.select("item", "modules/teaching/01-workshops.md")
    window.move_up()  # the first item of a module goes to the end of the one before
    qtbot.waitUntil(lambda: titles(window)[0][1][-1] == "Run a workshop", timeout=10_000)
    assert "Run a workshop" not in titles(window)[1][1]


def test_autosave_writes_only_the_edited_file(qtbot, opened, source) -> None:
    window = opened
    before = files_of(source)
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert LESSON in window.windowTitle()
    edit = text_widget(window.view.editor)
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    edit.insertPlainText("\nOne more line, typed in trainer mode.\n")
    assert window.isWindowModified()  # the dirty marker
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=10_000)  # saved when idle
    idle(qtbot, window)
    now = files_of(source)
    changed = {rel for rel in before if now.get(rel) != before[rel]}
    assert changed == {LESSON}
    assert set(now) == set(before)
    assert now[LESSON].decode("utf-8") == window.view.editor.current_text()
    assert "One more line, typed in trainer mode." in now[LESSON].decode("utf-8")


def test_ctrl_s_saves_at_once_and_switching_file_saves(qtbot, opened, source) -> None:
    window = opened
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    text_widget(window.view.editor).insertPlainText("Saved with Ctrl+S. ")
    window.acts["save"].trigger()
    idle(qtbot, window)
    assert "Saved with Ctrl+S." in (source / LESSON).read_text(encoding="utf-8")
    text_widget(window.view.editor).insertPlainText("Saved on switching. ")
    window.acts["pack_details"].trigger()  # opens pack.yaml
    qtbot.waitUntil(lambda: window.view.current_rel == "pack.yaml", timeout=10_000)
    idle(qtbot, window)
    assert "Saved on switching." in (source / LESSON).read_text(encoding="utf-8")


def test_the_journal_keeps_a_text_and_a_new_window_offers_it_back(qtbot, data_dir, source) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    typed = (source / LESSON).read_text(encoding="utf-8") + "\nTyped before the crash.\n"
    RecoveryJournal(data_dir, source).record(LESSON, typed)  # then the editor was killed
    ask = FakeAsk(recover=True)
    window = make_window(qtbot, data_dir, ask)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    assert ask.asked_recover == [[LESSON]]
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert window.view.editor.current_text() == typed
    window.save()
    idle(qtbot, window)
    assert (source / LESSON).read_text(encoding="utf-8") == typed
    assert RecoveryJournal(data_dir, source).pending() == {}
    window.close()
    window.ctx.worker.stop()


def test_discarding_the_recovered_text_leaves_the_files(qtbot, data_dir, source) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    before = files_of(source)
    RecoveryJournal(data_dir, source).record(LESSON, "Not wanted.\n")
    window = make_window(qtbot, data_dir, FakeAsk(recover=False))
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    idle(qtbot, window)
    assert RecoveryJournal(data_dir, source).pending() == {}
    window.close()
    window.ctx.worker.stop()
    assert files_of(source) == before


def test_a_problem_is_listed_and_a_click_opens_its_file_at_the_line(
    qtbot, data_dir, source
) -> None:
    lesson = source / LESSON
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("type: lesson", "type: lessonx"))
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    panel = window.view.problems
    qtbot.waitUntil(lambda: panel.table.topLevelItemCount() == 1, timeout=10_000)
    assert "lessonx" in panel.table.topLevelItem(0).text(3)
    assert window.count_label.text() == "1 error"
    panel.activate_row(0)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    edit = text_widget(window.view.editor)
    if edit is not None and isinstance(edit, QPlainTextEdit):
        assert edit.textCursor().blockNumber() == 2  # line 3
    window.close()
    window.ctx.worker.stop()


def test_problems_follow_the_unsaved_text(qtbot, opened) -> None:
    window = opened
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    assert window.view.problems.table.topLevelItemCount() == 0
    edit = text_widget(window.view.editor)
    edit.setPlainText(window.view.editor.current_text().replace("type: lesson", "type: nope"))
    qtbot.waitUntil(lambda: window.view.problems.table.topLevelItemCount() == 1, timeout=10_000)


def test_a_new_pack_from_the_template_and_the_recent_list(qtbot, data_dir, tmp_path) -> None:
    window = make_window(qtbot, data_dir)
    target = tmp_path / "my-pack"
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.create_at(target, "Water and health")
    assert (target / "pack.yaml").is_file()
    assert window.pack_title == "Water and health"
    assert "Water and health" in window.windowTitle()
    from kit.ui.editor.menus import addon

    for name in ("build", "export", "publish", "translate"):  # editor-pub's, when installed
        assert window.acts[name].isEnabled() == (addon(name) is not None)
    assert window.acts["save"].isEnabled() and window.acts["add_item"].isEnabled()
    window.close_pack()
    qtbot.waitUntil(lambda: window.start.recent.count() == 1, timeout=10_000)
    assert str(target.resolve()) in window.start.recent.item(0).text()
    window.close()
    window.ctx.worker.stop()


def test_a_folder_that_is_no_pack_source_says_so(qtbot, data_dir, tmp_path) -> None:
    window = make_window(qtbot, data_dir)
    window.open_at(tmp_path)
    qtbot.waitUntil(lambda: "pack.yaml" in window.start.message.text(), timeout=10_000)
    assert window.view is None
    window.close()
    window.ctx.worker.stop()


def test_editor_mode_opens_the_trainer_window_with_its_shortcuts(qtbot, data_dir) -> None:
    from kit.app import App
    from kit.ui.editor.window import EditorWindow
    from kit.ui.modes.editor import EditorMode

    app = App(DataDir(data_dir), mode=EditorMode)
    window = app.start()[0]
    qtbot.addWidget(window)
    assert isinstance(window, EditorWindow)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        pass
    assert window.acts["save"].shortcut().toString() == "Ctrl+S"
    assert window.acts["rename"].shortcut().toString() == "F2"
    assert not window.acts["save"].isEnabled()  # no pack open yet
    assert window.width() <= window.screen().availableGeometry().width()
    app.shutdown()
    app.services.worker.stop()


def test_typing_reaches_the_journal_before_the_file_and_survives_a_kill(
    qtbot, data_dir, source
) -> None:
    from kit.core.authoring.recovery import RecoveryJournal

    before = files_of(source)
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    window.view.autosave.save_timer.setInterval(60_000)  # the person types on: no pause
    window.view.open_file(LESSON)
    qtbot.waitUntil(lambda: window.view.current_rel == LESSON, timeout=10_000)
    text_widget(window.view.editor).insertPlainText("Typed just before the power cut. ")
    typed = window.view.editor.current_text()
    journal = RecoveryJournal(data_dir, source)
    qtbot.waitUntil(lambda: journal.pending() == {LESSON: typed}, timeout=10_000)
    assert files_of(source) == before  # not saved yet: only the journal has it
    window.view.autosave.stop()  # killed: nothing more is written
    window.view.autosave.unsaved.clear()
    window.close()
    window.ctx.worker.stop()
    ask = FakeAsk(recover=True)
    again = make_window(qtbot, data_dir, ask)
    with qtbot.waitSignal(again.opened, timeout=10_000):
        again.open_at(source)
    assert ask.asked_recover == [[LESSON]]
    qtbot.waitUntil(lambda: again.view.current_rel == LESSON, timeout=10_000)
    assert again.view.editor.current_text() == typed
    again.close()  # closing saves
    again.ctx.worker.stop()
    assert (source / LESSON).read_text(encoding="utf-8") == typed


def test_remix_an_installed_pack(qtbot, data_dir, tmp_path, pack) -> None:
    from kit.core.library import Library

    library = Library(DataDir(data_dir))
    library.install(pack)
    library.close()
    window = make_window(qtbot, data_dir)
    target = tmp_path / "my-remix"
    with qtbot.waitSignal(window.opened, timeout=20_000):
        window.remix_to("getting-started", target)
    assert (target / "pack.yaml").is_file()
    assert [m.dir for m in window.view.outline_value.modules] == ["learning", "teaching"]
    assert "pack.yaml" in files_of(target)
    window.close()
    window.ctx.worker.stop()


def test_f2_renames_in_place_and_delete_asks_then_undo_brings_it_back(
    qtbot, opened, source
) -> None:
    from PySide6.QtWidgets import QLineEdit

    window = opened
    before = files_of(source)
    outline = window.view.outline
    outline.select("module", "learning")
    window.acts["rename"].trigger()
    box = outline.viewport().findChild(QLineEdit)
    assert box is not None
    box.setText("Learning step by step")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: titles(window)[0][0] == "Learning step by step", timeout=10_000)
    module_yaml = (source / "modules/learning/module.yaml").read_text(encoding="utf-8")
    assert "title: Learning step by step" in module_yaml
    outline.select("item", LESSON)
    window.delete_selected()
    qtbot.waitUntil(lambda: "Read a lesson" not in titles(window)[0][1], timeout=10_000)
    assert not (source / LESSON).exists()
    window.undo()
    window.undo()
    qtbot.waitUntil(lambda: files_of(source) == before, timeout=10_000)


def test_build_and_translate_open_editor_pubs_windows(qtbot, opened) -> None:
    from PySide6.QtWidgets import QDialog

    from kit.ui.editor.menus import addon

    if addon("build") is None or addon("translate") is None:
        pytest.skip("editor-pub's dialogs are not installed")
    window = opened
    window.acts["build"].trigger()
    qtbot.waitUntil(
        lambda: any(d.isVisible() for d in window.findChildren(QDialog)), timeout=10_000
    )
    for dialog in window.findChildren(QDialog):
        dialog.reject()
    window.acts["translate"].trigger()
    assert window.translating is not None and window.translating.isVisible()
    window.translating.close()


def ok(dialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_the_new_pack_and_remix_dialogs_ask_for_what_they_need(qtbot, tmp_path) -> None:
    from kit.ui.editor.asking import ItemDialog
    from kit.ui.editor.start import NewPackDialog, RemixDialog
    from kit.ui.operations.editor_project import InstalledPack

    new = NewPackDialog()
    qtbot.addWidget(new)
    ok(new)
    assert new.problem.text() == "Give the pack a title."
    new.title.setText("Clean water")
    ok(new)
    assert new.problem.text() == "Choose the folder the pack source goes into."
    new.folder.edit.setText(str(tmp_path / "water"))
    ok(new)
    assert new.result() == NewPackDialog.DialogCode.Accepted
    assert new.values() == ("Clean water", tmp_path / "water")
    packs = [
        InstalledPack("closed", "Closed pack", "1.0.0", "CC-BY-ND-4.0", "", False),
        InstalledPack("open", "Open pack", "2.0.0", "CC-BY-4.0", "", True),
    ]
    remix = RemixDialog(packs)
    qtbot.addWidget(remix)
    assert remix.packs.currentItem().text().startswith("Open pack")
    assert not remix.packs.item(0).flags() & Qt.ItemFlag.ItemIsEnabled  # -ND: no remix
    remix.folder.edit.setText(str(tmp_path / "copy"))
    ok(remix)
    assert remix.values() == ("open", tmp_path / "copy")
    item = ItemDialog()
    qtbot.addWidget(item)
    assert item.type.count() == 5  # lesson, slides, quiz, activity, survey
