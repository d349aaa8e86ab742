"""The agenda editor of the Plan tab: sessions and their items, drag or Alt+Up/Alt+Down to
reorder, items from installed packs or custom ones, a session or a template day added,
Delete with Undo (Ctrl+Z), totals per session and day, overrun warnings.

Every change is an edit of kit.core.workshops.agenda on the shown `Workshop`; the new
one goes out through `edited(workshop)` (the page saves it) and is shown at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kit.core.workshops import agenda
from kit.core.workshops.model import CUSTOM_KINDS, CUSTOM_TITLES, AgendaItem, Workshop
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.planning import Pick
from kit.ui.workshop.planning.agenda_model import ID_ROLE, IS_SESSION_ROLE, TITLE, AgendaModel
from kit.ui.workshop.planning.dialogs import SessionDialog, confirm_removing_session
from kit.ui.workshop.planning.picker import PackPicker

UNDO_DEPTH = 100


class AgendaEditor(QWidget):
    edited = Signal(object)  # the new Workshop
    failed = Signal(str)  # one sentence: an edit was refused

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shop: Workshop | None = None
        self.missing: dict[str, str] = {}
        self.attended: dict[str, int] = {}  # session id -> people checked in (the page sets it)
        self.confirm: QWidget | None = None  # the question before removing a session
        self.undo_stack: list[tuple[Any, ...]] = []
        self.picker: PackPicker | None = None
        self.session_dialog: SessionDialog | None = None
        self.model = AgendaModel(self)
        self.model.move_requested.connect(self.move)
        self.model.item_edited.connect(self._item_edited)
        self.model.session_edited.connect(self._session_edited)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(_("Agenda"))
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.tree.header().setStretchLastSection(True)  # the note (overrun, missing)
        self.totals = QLabel()
        self.totals.setObjectName("agendaTotals")
        self.warnings = QLabel()
        self.warnings.setObjectName("agendaWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.addLayout(self._buttons())
        layout.addLayout(self._custom_row())
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.warnings)
        self._shortcuts()
        self.setEnabled(False)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_pack_button = QPushButton(_("Add from &packs…"))
        self.add_pack_button.clicked.connect(self.open_picker)
        self.add_session_button = QPushButton(_("Add &session…"))
        self.add_session_button.clicked.connect(self.open_session_dialog)
        self.change_session_button = QPushButton(_("C&hange session…"))
        self.change_session_button.setToolTip(_("Day, start, slot and title of the session"))
        self.change_session_button.clicked.connect(self.open_change_dialog)
        self.add_day_button = QPushButton(_("Add a &day"))
        self.add_day_button.setToolTip(_("A day from the default day template"))
        self.add_day_button.clicked.connect(self.add_day)
        self.remove_button = QPushButton(_("Re&move"))
        self.remove_button.setToolTip(_("Delete; Ctrl+Z brings it back"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.clicked.connect(self.undo)
        for button in (
            self.add_pack_button,
            self.add_session_button,
            self.change_session_button,
            self.add_day_button,
            self.remove_button,
            self.undo_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _custom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.custom_kind = QComboBox()
        for kind in CUSTOM_KINDS:
            self.custom_kind.addItem(_(CUSTOM_TITLES[kind]), kind)
        self.custom_kind.setAccessibleName(_("Kind of custom item"))
        self.custom_minutes = QSpinBox()
        self.custom_minutes.setRange(1, 24 * 60)
        self.custom_minutes.setValue(15)
        self.custom_minutes.setSuffix(_(" min"))
        self.custom_minutes.setAccessibleName(_("Minutes of the custom item"))
        self.custom_title = QLineEdit()
        self.custom_title.setPlaceholderText(_("Title (optional)"))
        self.custom_title.returnPressed.connect(self.add_custom)
        self.add_custom_button = QPushButton(_("Add custom i&tem"))
        self.add_custom_button.clicked.connect(self.add_custom)
        row.addWidget(self.custom_kind)
        row.addWidget(self.custom_minutes)
        row.addWidget(self.custom_title, 1)
        row.addWidget(self.add_custom_button)
        return row

    def _shortcuts(self) -> None:
        # The tree's own keys, not those typed into a cell being edited (Delete there
        # deletes a character).
        for keys, slot in (
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Up), lambda: self.step_selected(-1)),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Down), lambda: self.step_selected(1)),
            (QKeySequence(Qt.Key.Key_Delete), self.remove_selected),
        ):
            QShortcut(keys, self.tree, slot).setContext(Qt.ShortcutContext.WidgetShortcut)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P), self.open_picker),
        ):
            QShortcut(keys, self, slot).setContext(context)

    # -- showing ----------------------------------------------------------------------
    def show_workshop(self, shop: Workshop | None, missing: dict[str, str] | None = None) -> None:
        """Show another workshop (its Undo starts empty)."""
        self.undo_stack.clear()
        self.missing = dict(missing or {})
        self._show(shop)

    def _show(self, shop: Workshop | None, select: str | None = None) -> None:
        self.shop = shop
        self.setEnabled(shop is not None)
        self.undo_button.setEnabled(bool(self.undo_stack))
        if shop is None:
            self.model.show(Workshop(title=""), {})
            self.totals.clear()
            self.warnings.clear()
            return
        expanded = self._expanded()
        self.model.show(shop, self.missing)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, TITLE)
            self.tree.setExpanded(index, expanded.get(index.data(ID_ROLE), True))
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        days = shop.day_totals()
        self.totals.setText(
            "\n".join(
                _("Day {day}: {minutes} min planned").format(day=day, minutes=minutes)
                for day, minutes in days.items()
            )
        )
        self.warnings.setText("\n".join(shop.warnings()))
        if select:
            self._select(select)

    def _expanded(self) -> dict[str, bool]:
        out = {}
        for row in range(self.model.rowCount()):
            index = self.model.index(row, TITLE)
            out[str(index.data(ID_ROLE))] = self.tree.isExpanded(index)
        return out

    def _select(self, ident: str) -> None:
        index = self.model.item_index(ident)
        if not index.isValid():
            index = self.model.session_index(ident)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    # -- the selection ----------------------------------------------------------------
    def selected(self) -> tuple[str, bool] | None:
        """(id, is a session) of the current row, or None."""
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(ID_ROLE)), bool(index.data(IS_SESSION_ROLE))

    def target(self) -> tuple[str, int | None]:
        """Where a new item goes: after the selected item, or at the end of the
        selected session (else of the last one)."""
        assert self.shop is not None
        chosen = self.selected()
        if chosen is None:
            return self.shop.sessions[-1].id, None
        ident, is_session = chosen
        if is_session:
            return ident, None
        s_index, i_index = agenda.locate(self.shop, ident)
        return self.shop.sessions[s_index].id, i_index + 1

    # -- edits ------------------------------------------------------------------------
    def apply(self, change: Any, *args: Any, select: str | None = None, **kwargs: Any) -> bool:
        """Run one agenda edit on the shown workshop; False (and `failed`) if refused."""
        if self.shop is None:
            return False
        from kit.core.errors import KitError

        try:
            new = change(self.shop, *args, **kwargs)
        except KitError as exc:
            self.failed.emit(str(exc))
            self._show(self.shop)
            return False
        if new == self.shop:
            return False
        self.undo_stack.append(self.shop.sessions)
        del self.undo_stack[:-UNDO_DEPTH]
        if select is None:
            chosen = self.selected()
            select = chosen[0] if chosen else None
        self._show(new, select)
        self.edited.emit(new)
        return True

    def move(self, item_id: str, session_id: str, index: int) -> None:
        self.apply(agenda.move_item, item_id, session_id, index, select=item_id)

    def step_selected(self, step: int) -> None:
        chosen = self.selected()
        if chosen and not chosen[1]:
            self.apply(agenda.step_item, chosen[0], step, select=chosen[0])

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        ident, is_session = chosen
        came = self.attended.get(ident, 0) if is_session else 0
        if came:
            self.confirm = confirm_removing_session(
                self,
                came,
                lambda: self.apply(
                    agenda.remove_session, ident, select=self._neighbour(ident, True)
                ),
            )
            return
        change = agenda.remove_session if is_session else agenda.remove_item
        self.apply(change, ident, select=self._neighbour(ident, is_session))

    def _neighbour(self, ident: str, is_session: bool) -> str:
        """What to select once `ident` is removed: the next row of its kind, else the
        one before, else (for an item) its session; so Delete can be pressed again."""
        assert self.shop is not None
        if is_session:
            rows = [s.id for s in self.shop.sessions]
            parent = ""
        else:
            s_index, _i = agenda.locate(self.shop, ident)
            rows = [i.id for i in self.shop.sessions[s_index].items]
            parent = self.shop.sessions[s_index].id
        place = rows.index(ident)
        after = rows[place + 1 : place + 2]
        before = rows[place - 1 : place] if place > 0 else []
        return (after or before or [parent])[0]

    def undo(self) -> None:
        if self.shop is None or not self.undo_stack:
            return
        new = replace(self.shop, sessions=self.undo_stack.pop())
        self._show(new)
        self.edited.emit(new)

    def add_items(self, items: list[AgendaItem]) -> None:
        if self.shop is None or not self.shop.sessions or not items:
            return
        session_id, index = self.target()

        def add_all(shop: Workshop) -> Workshop:
            for offset, item in enumerate(items):
                at = None if index is None else index + offset
                shop = agenda.add_item(shop, session_id, item, at)
            return shop

        self.apply(add_all, select=items[-1].id)

    def add_picks(self, picks: list[Pick]) -> None:
        self.add_items(
            [
                AgendaItem(
                    kind="pack",
                    minutes=p.minutes,
                    title=p.title,
                    pack_id=p.pack_id,
                    item_id=p.item_id,
                    module_id="" if p.item_id else p.module_id,
                )
                for p in picks
            ]
        )

    def add_custom(self) -> None:
        if self.shop is None:
            return
        from kit.core.errors import KitError

        try:
            item = agenda.custom_item(
                str(self.custom_kind.currentData()),
                self.custom_minutes.value(),
                self.custom_title.text(),
            )
        except KitError as exc:
            self.failed.emit(str(exc))
            return
        self.add_items([item])
        self.custom_title.clear()

    def add_day(self) -> None:
        self.apply(agenda.add_day)

    def add_session(self, day: int, start: str, slot: int, title: str) -> None:
        after = self.target()[0] if self.selected() is not None else None
        self.apply(agenda.add_session, day, start, slot, title, after=after)

    def _item_edited(self, item_id: str, what: str, value: object) -> None:
        if what == "minutes":
            self.apply(agenda.set_item, item_id, minutes=int(str(value)), select=item_id)
        else:
            self.apply(agenda.set_item, item_id, title=str(value), select=item_id)

    def _session_edited(self, session_id: str, title: str) -> None:
        self.apply(agenda.set_session, session_id, title=title, select=session_id)

    # -- dialogs ----------------------------------------------------------------------
    def open_picker(self) -> PackPicker | None:
        if self.shop is None:
            return None
        self.picker = PackPicker(self.ctx, self)
        picker = self.picker
        picker.accepted.connect(lambda: self.add_picks(picker.chosen()))
        picker.open()
        picker.filter.setFocus()
        return picker

    def open_session_dialog(self) -> SessionDialog | None:
        if self.shop is None:
            return None
        last = None  # the session it goes after: the selected one, else the last
        if self.shop.sessions:
            last = self.shop.sessions[agenda.session_index(self.shop, self.target()[0])]
        self.session_dialog = SessionDialog(
            day=last.day if last else 1, start=last.end if last else "09:00", parent=self
        )
        dialog = self.session_dialog
        dialog.accepted.connect(lambda: self.add_session(*dialog.values()))
        dialog.open()
        return dialog

    def open_change_dialog(self) -> SessionDialog | None:
        """The selected session's (or the selected item's session's) fields to change."""
        if self.shop is None or not self.shop.sessions or self.selected() is None:
            return None
        session_id = self.target()[0]
        s = self.shop.sessions[agenda.session_index(self.shop, session_id)]
        self.session_dialog = SessionDialog(s.day, s.start, self, slot=s.slot, title=s.title)
        dialog = self.session_dialog

        def change() -> None:
            day, start, slot, title = dialog.values()
            self.apply(agenda.set_session, session_id, day=day, start=start, slot=slot, title=title)

        dialog.accepted.connect(change)
        dialog.open()
        return dialog
