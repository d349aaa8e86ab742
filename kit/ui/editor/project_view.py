"""One open pack source: the outline on the side, the current file's editor in the
middle, the problems below.

Every outline change (add, rename, delete, move) is planned and applied on the worker
and pushed on `history` (undo.py) with its inverse; before it, the unsaved texts are
saved, so a change never works on stale files, and a file it touched is read again.
The editor of a file comes from kit.ui.editor.registry by the file's kind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QStackedWidget, QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.editor.autosave import Autosave
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.fallback import FallbackEditor
from kit.ui.editor.outline_view import KIND_ROLE, REL_ROLE, OutlineView
from kit.ui.editor.problems import ProblemsPanel
from kit.ui.editor.registry import editor_class
from kit.ui.editor.undo import ChangeHistory
from kit.ui.operations import editor_project as ops


class ProjectView(QSplitter):
    said = Signal(str)  # a sentence for the status bar (a failure, a result)
    dirty_changed = Signal(bool)
    file_shown = Signal(str)  # the relative path now in the editor
    outline_changed = Signal()

    def __init__(self, ctx: AppContext, session: ops.Opened, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.ctx = ctx
        self.session = session
        self.project = session.project  # used on the worker only (through the operations)
        self.outline_value = session.outline
        self.current_rel = ""
        self.editor: Any = None
        self.editors: dict[str, Any] = {}  # kind -> editor widget (made once)
        self.pages: dict[str, QScrollArea] = {}  # kind -> the scroll area its editor is in
        self._loading = False
        self.env = EditorEnv(
            root=Path(session.project.root),
            ctx=ctx,
            items=self.items,
            media_added=self._media_added,
        )
        self.autosave = Autosave(self._journal, self._save, self)
        self.autosave.dirty_changed.connect(self.dirty_changed)
        self.history = ChangeHistory(self._apply_kept, self)
        self.outline = OutlineView()
        self.outline.outline_model.move_requested.connect(self._moved)
        self.outline.outline_model.rename_requested.connect(self.rename_to)
        self.outline.activated.connect(self._open_row)
        self.outline.clicked.connect(self._open_row)
        self.outline.selectionModel().currentChanged.connect(self._current_moved)
        self.stack = QStackedWidget()
        self.placeholder = QLabel(_("Choose a file in the outline."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.problems = ProblemsPanel(self._check)
        self.problems.open_problem.connect(self.open_file)
        self.top = top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.outline)
        top.addWidget(self.stack)
        top.setCollapsible(0, False)  # the outline keeps room for its titles beside a wide form
        self.outline.setMinimumWidth(self.outline.fontMetrics().averageCharWidth() * 36)
        top.setStretchFactor(1, 3)
        top.setSizes([300, 800])
        self.addWidget(top)
        self.addWidget(self.problems)
        self.setStretchFactor(0, 4)
        self.setSizes([600, 160])
        self.outline.show_outline(session.outline)
        self.problems.check_now()

    # -- the outline's items for editors ("Insert link") ------------------------------------
    def items(self) -> list[tuple[str, str]]:
        return [(i.relpath, i.title) for m in self.outline_value.modules for i in m.items]

    def _media_added(self, rel: str) -> None:
        self.problems.request()

    # -- files ----------------------------------------------------------------------------
    def _current_moved(self, index: Any, _previous: Any) -> None:
        """The arrow keys (or a new row selected after a change) open that row's file."""
        if index.isValid() and not self.outline.rebuilding:
            self._open_row(index)

    def _open_row(self, index: Any) -> None:
        rel = index.siblingAtColumn(0).data(REL_ROLE)
        if rel and rel != self.current_rel:
            self.open_file(rel)

    def open_file(self, rel: str, line: int = 0) -> None:
        """Show `rel` in its editor (the current one saved first); at `line` if given."""
        if rel == self.current_rel and self.editor is not None:
            if line:
                self.editor.jump_to(line)
            return
        self.autosave.save_all()

        def read(file: ops.LoadedFile) -> None:
            self._show(file.rel, self.autosave.unsaved.get(file.rel, file.text), file.kind)
            if line and self.editor is not None:
                self.editor.jump_to(line)

        ops.load_file(self.ctx, self.project, rel).success(read).failure(self.said.emit).run(self)

    def _show(self, rel: str, text: str, kind: str) -> None:
        editor = self.editors.get(kind)
        if editor is None:
            editor = self._make_editor(kind)
            self.editors[kind] = editor
            self.pages[kind] = self._page(editor)
            self.stack.addWidget(self.pages[kind])
            editor.changed.connect(self._edited)
            opener = getattr(editor, "open_requested", None)  # a link clicked in a preview
            if opener is not None:
                opener.connect(self.open_file)
        self._loading = True
        try:
            editor.load(rel, text)
        finally:
            self._loading = False
        self.editor = editor
        self.current_rel = rel
        self.stack.setCurrentWidget(self.pages[kind])
        self._select_row(rel)
        self.file_shown.emit(rel)

    @staticmethod
    def _page(editor: QWidget) -> QScrollArea:
        """The editor in a scroll area: a wide form scrolls rather than narrowing the
        outline (the stack's minimum width would be the widest editor's)."""
        page = QScrollArea()
        page.setWidgetResizable(True)
        page.setFrameShape(QFrame.Shape.NoFrame)
        page.setWidget(editor)
        return page

    def _make_editor(self, kind: str) -> Any:
        try:
            cls = editor_class(kind)
        except LookupError:
            cls = FallbackEditor
        try:
            return cls(self.env, self.stack)
        except Exception:  # an editor that cannot start must not lose the file
            return FallbackEditor(self.env, self.stack)

    def _select_row(self, rel: str) -> None:
        model = self.outline.outline_model
        for kind in ("pack", "module", "item"):
            for row in range(model.rowCount()):
                for index in [model.index(row, 0)] + [
                    model.index(sub, 0, model.index(row, 0))
                    for sub in range(model.rowCount(model.index(row, 0)))
                ]:
                    if index.data(KIND_ROLE) == kind and index.data(REL_ROLE) == rel:
                        self.outline.setCurrentIndex(index)
                        return

    def _edited(self) -> None:
        if self._loading or self.editor is None or not self.current_rel:
            return
        self.autosave.edited(self.current_rel, self.editor.current_text())
        self.problems.request()

    def _clear_editor(self) -> None:
        self.editor = None
        self.current_rel = ""
        self.stack.setCurrentWidget(self.placeholder)

    # -- saving, journaling, checking (operations) ------------------------------------------
    def _journal(self, rel: str, text: str) -> None:
        op = ops.journal_record(self.ctx, self.session.journal, rel, text)
        op.failure(self.said.emit).run(self)

    def _save(self, rel: str, text: str, done: Any) -> None:
        def failed(message: str) -> None:
            self.autosave.save_failed(rel)
            self.said.emit(message)

        ops.save_file(self.ctx, self.project, rel, text, self.session.journal).success(
            lambda _w: done()
        ).failure(failed).run(self)

    def save_now(self) -> None:
        self.autosave.save_all()

    def _check(self, done: Any) -> None:
        def failed(message: str) -> None:
            self.problems.check_failed()
            self.said.emit(message)

        overrides = dict(self.autosave.unsaved)
        ops.validate(self.ctx, self.project, overrides).success(done).failure(failed).run(self)

    def recover(self, texts: dict[str, str]) -> None:
        """Put the journal's texts back as unsaved edits (saved at the next pause)."""
        self.autosave.recovered(texts)
        self.problems.request()
        if texts:
            first = sorted(texts)[0]
            self.current_rel = ""
            self.open_file(first)

    def discard(self, texts: dict[str, str]) -> None:
        for rel in sorted(texts):
            op = ops.journal_forget(self.ctx, self.session.journal, rel)
            op.failure(self.said.emit).run(self)

    # -- outline changes ----------------------------------------------------------------------
    def change(self, plan: str, *args: Any, select: tuple[str, str] | None = None) -> None:
        """Plan and apply `plan_<plan>(*args)`, then keep it for Undo."""
        self.autosave.save_all()

        def done(edited: ops.Edited) -> None:
            self.history.record(edited.undo)
            self._after(edited, select)

        def planned(project: Any) -> Any:
            return getattr(project, f"plan_{plan}")(*args)

        op = ops.edit_outline(self.ctx, self.project, planned)
        op.success(done).failure(self.said.emit).run(self)

    def _apply_kept(self, change: Any, done: Any) -> None:
        self.autosave.save_all()

        def applied(edited: ops.Edited) -> None:
            done(edited.undo)
            self._after(edited, None)

        ops.apply_change(self.ctx, self.project, change).success(applied).failure(
            self.said.emit
        ).run(self)

    def _after(self, edited: ops.Edited, select: tuple[str, str] | None) -> None:
        before = {r for m in self.outline_value.modules for r in [m.relpath, *self._rels(m)]}
        self.outline_value = edited.outline
        files = set(edited.undo.writes)
        new_rel = ""
        if select is None:  # a new module or item is selected, and its file shown
            new = [
                r
                for m in edited.outline.modules
                for r in [m.relpath, *self._rels(m)]
                if r not in before
            ]
            new_rel = new[-1] if new else ""
            select = self._row_for(new_rel) if new_rel else None
        self.outline.show_outline(edited.outline, select)
        for rel in files:
            self.autosave.forget(rel)
        if new_rel or self.current_rel in files:
            rel, self.current_rel = new_rel or self.current_rel, ""
            if self._exists(rel):
                self.open_file(rel)
            else:
                self._clear_editor()
        self.problems.request()
        self.outline_changed.emit()

    @staticmethod
    def _rels(module: Any) -> list[str]:
        return [i.relpath for i in module.items]

    def _row_for(self, rel: str) -> tuple[str, str] | None:
        for module in self.outline_value.modules:
            if module.relpath == rel:
                return ("module", module.dir)
            if any(i.relpath == rel for i in module.items):
                return ("item", rel)
        return None

    def _exists(self, rel: str) -> bool:
        return rel == "pack.yaml" or self._row_for(rel) is not None

    def _moved(self, target: tuple) -> None:
        if target[0] == "module":
            self.change("move_module", target[1], target[2], select=("module", target[1]))
        else:
            self.change("move_item", target[1], target[2], target[3])

    def rename_to(self, kind: str, key: str, title: str) -> None:
        if kind == "module":
            self.change("rename_module", key, title, select=(kind, key))
        elif kind == "item":
            self.change("rename_item", key, title, select=(kind, key))

    def selected(self) -> tuple[str, str] | None:
        return self.outline.selected()

    def selected_module(self) -> tuple[str, int | None]:
        """The module to add an item to, and where (after the selected item), or ("", None)."""
        chosen = self.selected()
        if chosen and chosen[0] == "item":
            module, index = self.outline.outline_model.item_place(chosen[1])
            return module, index + 1
        if chosen and chosen[0] == "module":
            return chosen[1], None
        modules = self.outline_value.modules
        return (modules[-1].dir, None) if modules else ("", None)

    def move_selected(self, step: int) -> None:
        chosen = self.selected()
        model = self.outline.outline_model
        if not chosen:
            return
        if chosen[0] == "module":
            now = model.module_position(chosen[1])
            to = now + step
            if 0 <= to < len(model.modules):
                self.change("move_module", chosen[1], to, select=chosen)
        elif chosen[0] == "item":
            module, now = model.item_place(chosen[1])
            where = model.module_position(module)
            size = len(model.modules[where].items)
            if 0 <= now + step < size:
                self.change("move_item", chosen[1], module, now + step, select=chosen)
            elif 0 <= where + step < len(model.modules):  # into the next module along
                other = model.modules[where + step]
                to = len(other.items) if step < 0 else 0
                self.change("move_item", chosen[1], other.dir, to)

    def flush(self) -> None:
        """Save every unsaved text and wait until the worker has written them (closing)."""
        self.autosave.save_all()
        self.autosave.stop()
        self.ctx.worker.call(lambda: None)
