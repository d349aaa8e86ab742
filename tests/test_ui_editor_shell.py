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


def copy_source(tmp_path: Path) -> Path:
    target = tmp_path / "getting-started"
    shutil.copytree(SOURCE, target)
    return target


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A copy of the getting-started source."""
    return copy_source(tmp_path)


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


def open_window(qtbot, data_dir: Path, source: Path):
    """A window with `source` open and first checked; closed at the end."""
    window = make_window(qtbot, data_dir)
    with qtbot.waitSignal(window.opened, timeout=10_000):
        window.open_at(source)
    qtbot.waitUntil(lambda: window.view.problems.count_text() != "", timeout=10_000)
    yield window
    window.close()
    window.ctx.worker.stop()


@pytest.fixture
def opened(qtbot, data_dir: Path, source: Path):
    yield from open_window(qtbot, data_dir, source)


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
