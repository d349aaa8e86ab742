"""Trainer mode's window: the start screen until a pack source is open, then the project
view (outline, the file's editor, problems). Its menus, toolbar and shortcuts come from
kit.ui.modes.editor.EditorMode's actions, whose handlers are this window's methods.

Build, Export, Publish and Translate open editor-pub's dialogs (kit.ui.editor.menus).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImageReader
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QStackedWidget
from shiboken6 import isValid

from kit.core.direction import is_rtl
from kit.i18n import _, current_language
from kit.ui.context import AppContext, Services, Session
from kit.ui.editor.asking import Ask
from kit.ui.editor.menus import OUTLINE_KEYS, addon, build_chrome, enable
from kit.ui.editor.project_view import ProjectView
from kit.ui.editor.start import NewPackDialog, RemixDialog, StartScreen
from kit.ui.editor.undo import UndoTarget
from kit.ui.operations import editor_project, editor_recent
from kit.ui.operations.core import open_core
from kit.ui.widgets.plain import plain_tooltip
from kit.ui.widgets.screen import fit_to_screen


class EditorWindow(QMainWindow):
    ready = Signal()  # the start screen is shown
    opened = Signal()  # a pack source is open in the project view

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        # Qt's image plugins loaded here, on the GUI thread: a picture is first decoded on
        # the worker, and loading the plugins there while the GUI thread loads them too
        # (a drag's icon, a preview) crashed the process now and then.
        QImageReader.supportedImageFormats()
        self.ctx = AppContext(services=services, session=Session(language=current_language()))
        if is_rtl(self.ctx.language):
            self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.ask = Ask(self)
        self.view: ProjectView | None = None
        self.session: editor_project.Opened | None = None
        self.pack_title = ""
        self._shown = False
        self.translating: Any = None  # the Translate window, while open
        self.start = StartScreen()
        self.start.new_requested.connect(self.new_pack)
        self.start.open_requested.connect(self.open_folder)
        self.start.remix_requested.connect(self.remix)
        self.start.recent_chosen.connect(self.open_at)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start)
        self.setCentralWidget(self.pages)
        self.count_label = QLabel("")
        self.undo_target = UndoTarget(self)
        self.undo_target.moved.connect(self._history_moved)
        self.statusBar().addPermanentWidget(self.count_label)
        self._build_actions()
        self._set_title()
        fit_to_screen(self)
        open_core(self.ctx).success(self._core_opened).failure(self._core_failed).run(self)

    # -- chrome ------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.acts, self.toolbar = build_chrome(self)
        self._enable()

    def _enable(self) -> None:
        enable(self.acts, self.view is not None)
        self.toolbar.setVisible(self.view is not None)
        self._history_moved()

    def _history_moved(self) -> None:
        """Undo and Redo enabled for what they would undo; their labels stay put (the
        toolbar does not shift), what they would undo is in the tip."""
        target = self.undo_target
        for name, redo, label, tip in (
            ("undo", False, _("Undo"), _("Undo {what}")),
            ("redo", True, _("Redo"), _("Redo {what}")),
        ):
            action, what = self.acts[name], target.what(redo)
            action.setEnabled(self.view is not None and target.can(redo))
            action.setText(label)
            text = tip.format(what=what) if what else label
            action.setToolTip(plain_tooltip(text))
            action.setStatusTip(text)

    def _set_title(self) -> None:
        app = _("Training Kit: trainer mode")
        if self.view is None:
            self.setWindowTitle(app)
        else:
            rel = self.view.current_rel
            where = f"{self.pack_title} · {rel}" if rel else self.pack_title
            self.setWindowTitle(f"{where}[*] — {app}")

    def fit_to_screen(self) -> None:
        fit_to_screen(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            QTimer.singleShot(0, self, self.fit_to_screen)  # once the real frame is known
            if self.view is None:
                self.start.new_button.setFocus()

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
        if self.view is None:
            self.start.say(text)

    # -- starting ------------------------------------------------------------------------------
    def _core_opened(self, _state: Any) -> None:
        self._load_recent()
        self.ready.emit()

    def _core_failed(self, message: str) -> None:
        self.say(message)
        self.ready.emit()

    def _load_recent(self) -> None:
        editor_recent.recent_folders(self.ctx).success(self.start.show_recent).run(self)

    def new_pack(self) -> None:
        dialog = NewPackDialog(self)
        if dialog.exec():
            title, folder = dialog.values()
            self.create_at(folder, title)

    def open_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, _("Open a pack source folder"))
        if chosen:
            self.open_at(Path(chosen))

    def remix(self) -> None:
        def listed(packs: list[Any]) -> None:
            if not packs:
                self.say(_("No pack is installed yet: install one in the learner's window."))
                return
            dialog = RemixDialog(packs, self)
            if dialog.exec():
                pack_id, folder = dialog.values()
                self.remix_to(pack_id, folder)

        editor_project.installed_packs(self.ctx).success(listed).failure(self.say).run(self)

    def open_at(self, root: Path) -> None:
        self._leave(lambda: editor_project.open_project(self.ctx, Path(root)))

    def create_at(self, folder: Path, title: str) -> None:
        self._leave(lambda: editor_project.create_project(self.ctx, Path(folder), title))

    def remix_to(self, pack_id: str, folder: Path) -> None:
        self._leave(lambda: editor_project.remix_installed(self.ctx, pack_id, Path(folder)))

    def _leave(self, make: Any) -> None:
        """Close the open pack (saved), then run the operation that opens the next."""
        self._close_view()
        make().success(self._show_project).failure(self.say).run(self)

    def _show_project(self, session: editor_project.Opened) -> None:
        self._close_view()
        self.session = session
        root = Path(session.project.root)
        self.pack_title = session.outline.title or root.name
        view = ProjectView(self.ctx, session)
        view.said.connect(self.say)
        view.dirty_changed.connect(self.setWindowModified)
        view.file_shown.connect(lambda _rel: self._set_title())
        view.problems.counted.connect(self._counted)
        view.outline_changed.connect(self._outline_changed)
        view.outline.customContextMenuRequested.connect(self._context_menu)
        view.outline.addActions([self.acts[name] for name in OUTLINE_KEYS])
        self.view = view
        self.undo_target.watch(view.stack, view.history)
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)
        self._enable()
        self._set_title()
        editor_recent.remember_folder(self.ctx, root).success(self.start.show_recent).run(self)
        view.outline.setFocus()
        if session.pending:
            self._offer_recovery(dict(session.pending))
        self.opened.emit()

    def _counted(self, text: str) -> None:
        """The open pack's problem count (a check of a pack just closed is not shown)."""
        if self.view is not None and self.sender() is self.view.problems:
            self.count_label.setText(text)

    def _offer_recovery(self, texts: dict[str, str]) -> None:
        assert self.view is not None
        if self.ask.recover(sorted(texts)):
            self.view.recover(texts)
        else:
            self.view.discard(texts)

    def _outline_changed(self) -> None:
        if self.view is not None:
            self.pack_title = self.view.outline_value.title or self.pack_title
            self._set_title()

    def _close_view(self) -> None:
        if self.view is None:
            return
        if self.translating is not None and isValid(self.translating):
            self.translating.close()  # it worked on this pack
        self.translating = None
        self.view.flush()
        self.view.problems.counted.disconnect(self._counted)
        self.undo_target.watch(None, None)
        self.pages.removeWidget(self.view)
        self.view.deleteLater()
        self.view = None
        self.session = None
        self.setWindowModified(False)
        self.count_label.setText("")
        self._enable()
        self._set_title()

    def close_pack(self) -> None:
        self._close_view()
        self.pages.setCurrentWidget(self.start)
        self._load_recent()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Save what is unsaved before the app stops the worker."""
        if self.view is not None:
            self.view.flush()

    # -- the handlers of EditorMode's actions ----------------------------------------------
    def save(self) -> None:
        if self.view is not None:
            self.view.save_now()

    def undo(self) -> None:
        """The typing in the focused text box, else the last outline change."""
        if self.view is not None:
            self.undo_target.undo()

    def redo(self) -> None:
        if self.view is not None:
            self.undo_target.redo()

    def add_module(self, title: str | None = None) -> None:
        if self.view is None:
            return
        title = title if title is not None else self.ask.module_title()
        if title:
            self.view.change("add_module", title)

    def add_item(self, type: str | None = None, title: str = "") -> None:
        if self.view is None:
            return
        module, index = self.view.selected_module()
        if not module:
            self.say(_("Add a module first: items go into modules."))
            return
        if type is None:
            answer = self.ask.item()
            if answer is None:
                return
            type, title = answer
        self.view.change("add_item", module, type, title, index)

    def rename(self) -> None:
        if self.view is None:
            return
        chosen = self.view.selected()
        if chosen and chosen[0] == "pack":
            self.pack_details()
        else:
            self.view.outline.rename_selected()

    def delete(self) -> None:
        from PySide6.QtWidgets import QApplication

        focus = QApplication.focusWidget()
        if self.view is None or (focus is not None and self.view.stack.isAncestorOf(focus)):
            return  # Del in an editor deletes text, not the item
        self.delete_selected()

    def delete_selected(self) -> None:
        if self.view is None:
            return
        chosen = self.view.selected()
        if not chosen or chosen[0] == "pack":
            return
        title = self.view.outline.currentIndex().siblingAtColumn(0).data() or chosen[1]
        if self.ask.delete(title):
            self.view.change(f"delete_{chosen[0]}", chosen[1])

    def move_up(self) -> None:
        if self.view is not None:
            self.view.move_selected(-1)

    def move_down(self) -> None:
        if self.view is not None:
            self.view.move_selected(1)

    def pack_details(self) -> None:
        if self.view is not None:
            self.view.open_file("pack.yaml")

    def focus_outline(self) -> None:
        """F6: the outline, or from the outline to the file's editor."""
        if self.view is None:
            return
        if self.view.outline.hasFocus() and self.view.editor is not None:
            self.view.editor.setFocus()
        else:
            self.view.outline.setFocus()

    def focus_problems(self) -> None:
        if self.view is not None:
            self.view.problems.setFocus()

    def find_problems(self) -> None:
        if self.view is not None:
            self.view.problems.check_now()
            self.view.problems.setFocus()

    def build(self) -> None:
        self._publish("build")

    def export(self) -> None:
        self._publish("export")

    def publish(self) -> None:
        self._publish("publish")

    def _publish(self, action: str) -> None:
        module = addon(action)
        if self.view is None or module is None:
            return
        self.view.save_now()
        module.open_publish(self.view.env, action, self)

    def translate(self) -> None:
        """Translate beside the source, in a window of its own (editor-pub's TranslateView)."""
        module = addon("translate")
        if self.view is None or module is None:
            return
        self.view.save_now()
        if self.translating is not None and isValid(self.translating):
            self.translating.raise_()
            self.translating.activateWindow()
            return
        from PySide6.QtWidgets import QDialog, QVBoxLayout

        dialog = QDialog(self)
        dialog.setWindowTitle(_("Translate"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view = module.TranslateView(self.view.env, dialog)
        applied = getattr(view, "applied", None)
        if applied is not None:
            applied.connect(lambda _lang: self.view and self.view.problems.request())
        QVBoxLayout(dialog).addWidget(view)
        free = self.screen().availableGeometry()
        dialog.resize(min(1100, free.width() - 40), min(720, free.height() - 60))
        dialog.show()
        self.translating = dialog

    def _context_menu(self, point: Any) -> None:
        if self.view is None:
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        for name in (
            "add_module",
            "add_item",
            "rename",
            "delete",
            None,
            "move_up",
            "move_down",
            None,
            "pack_details",
        ):
            if name is None:
                menu.addSeparator()
            elif name == "delete":
                menu.addAction(self.acts[name].text(), self.delete_selected)
            else:
                menu.addAction(self.acts[name])
        menu.exec(self.view.outline.viewport().mapToGlobal(point))
