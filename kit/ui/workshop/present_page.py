"""The Present tab of workshop mode's home: the chosen workshop's agenda (days, sessions
with their start times and items) to present a session or from one of its items; and,
with or without a workshop, a module of an installed pack presented on its own."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.operations import presenter as ops
from kit.ui.workshop.timing import clock_text, timer_text

SESSION_ROLE = Qt.ItemDataRole.UserRole
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Presentation:
    """What to present: `entries` from entry number `start`; `session` for a workshop's
    session (None: a module presented on its own, nothing recorded)."""

    entries: tuple[ops.AgendaEntry, ...]
    session: ops.SessionPlan | None = None
    start: int = 0


def _minutes(n: float) -> str:
    return ngettext("{n} min", "{n} min", int(n)).format(n=format_number(int(n)))


def _time(hhmm: str) -> str:
    import datetime as dt

    return clock_text(dt.time(int(hhmm[:2]), int(hhmm[3:5])))


class PresentPage(QWidget):
    present_requested = Signal(object)  # a Presentation
    agenda_shown = Signal()  # the chosen workshop's agenda is on the page
    modules_shown = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.agenda: ops.WorkshopAgenda | None = None
        self.hint = QLabel(_("Choose a workshop in the Plan tab to present its agenda."))
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Time"), _("Agenda"), _("Minutes"), _("Delivered")])
        self.tree.setAccessibleName(_("Agenda"))
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in (0, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tree.itemActivated.connect(lambda *_a: self.present_from_item())
        self.session_button = QPushButton(_("Present this session"))
        self.session_button.clicked.connect(self.present_session)
        self.item_button = QPushButton(_("Present from this item"))
        self.item_button.clicked.connect(self.present_from_item)
        self.agenda_box = QGroupBox(_("Agenda"))
        box = QVBoxLayout(self.agenda_box)
        box.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.session_button)
        buttons.addWidget(self.item_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.modules = QComboBox()
        self.modules.setAccessibleName(_("Module to present"))
        self.module_button = QPushButton(_("Present this module"))
        self.module_button.clicked.connect(self.present_module)
        module_box = QGroupBox(_("A module of an installed pack"))
        row = QHBoxLayout(module_box)
        row.addWidget(self.modules, 1)
        row.addWidget(self.module_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.agenda_box, 1)
        layout.addWidget(module_box)
        layout.addWidget(self.message)
        self._modules: list[tuple[str, str, str]] = []
        self.show_workshop(None)
        ctx.changes.operation_did_execute.connect(self._changed)
        ops.modules(ctx).success(self._got_modules).failure(self.say).run(self)

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _changed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.touches(Change.WORKSHOPS | Change.LIBRARY) and self.workshop_id:
            self.show_workshop(self.workshop_id)

    # -- the chosen workshop's agenda ------------------------------------------------------
    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id`'s agenda (None: only a module can be presented)."""
        self.workshop_id = workshop_id
        self.hint.setVisible(workshop_id is None)
        self.agenda_box.setVisible(workshop_id is not None)
        if workshop_id is None:
            self.agenda = None
            self.tree.clear()
            return
        op = ops.workshop_agenda(self.ctx, workshop_id)
        op.success(self._got_agenda).failure(self.say).run(self)

    def _got_agenda(self, agenda: ops.WorkshopAgenda) -> None:
        if agenda.workshop_id != self.workshop_id:
            return  # another workshop was chosen meanwhile
        self.agenda = agenda
        self.agenda_box.setTitle(agenda.title)
        selected = self._selected()
        self.tree.clear()
        days: dict[int, QTreeWidgetItem] = {}
        for number, session in enumerate(agenda.sessions):
            if session.day not in days:
                days[session.day] = QTreeWidgetItem(
                    self.tree, ["", _("Day {day}").format(day=format_number(session.day))]
                )
                days[session.day].setExpanded(True)
            self._add_session(days[session.day], number, session)
        self._select(selected)
        self.agenda_shown.emit()

    def _add_session(self, day: QTreeWidgetItem, number: int, session: ops.SessionPlan) -> None:
        title = session.title or _("Session {number}").format(number=format_number(number + 1))
        node = QTreeWidgetItem(day, [_time(session.start), title, _minutes(session.slot)])
        node.setData(0, SESSION_ROLE, number)
        node.setExpanded(True)
        delivered = session.delivered or (None,) * len(session.entries)
        rows = zip(session.entries, session.starts, delivered, strict=True)
        for index, (entry, start, actual) in enumerate(rows):
            label = entry.title
            if entry.missing:
                label = _("{title} (not installed)").format(title=label)
            done = "" if actual is None else timer_text(actual * 60)
            child = QTreeWidgetItem(node, [_time(start), label, _minutes(entry.minutes), done])
            child.setData(0, SESSION_ROLE, number)
            child.setData(0, ENTRY_ROLE, index)

    def _selected(self) -> tuple[int | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        return item.data(0, SESSION_ROLE), item.data(0, ENTRY_ROLE)

    def _select(self, where: tuple[int | None, int | None]) -> None:
        rows = [i for i in self._items() if i.data(0, SESSION_ROLE) is not None]  # not days
        for item in rows:
            if (item.data(0, SESSION_ROLE), item.data(0, ENTRY_ROLE)) == where:
                self.tree.setCurrentItem(item)
                return
        if rows:
            self.tree.setCurrentItem(rows[0])

    def _items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            out.append(item)
            stack[:0] = [item.child(i) for i in range(item.childCount())]
        return out

    def select(self, session: int, entry: int | None = None) -> None:
        """Make session number `session` (and its entry `entry`) the current row."""
        self._select((session, entry))

    def present_session(self) -> None:
        self._present(from_item=False)

    def present_from_item(self) -> None:
        self._present(from_item=True)

    def _present(self, *, from_item: bool) -> None:
        session_number, entry = self._selected()
        if self.agenda is None or session_number is None:
            self.say(_("Choose a session of the agenda first."))
            return
        session = self.agenda.sessions[session_number]
        if not session.entries:
            self.say(_("This session has no items to present."))
            return
        start = entry if from_item and entry is not None else 0
        self.say("")
        self.present_requested.emit(Presentation(session.entries, session, start))

    # -- a module on its own -----------------------------------------------------------------
    def _got_modules(self, found: list[tuple[str, str, str]]) -> None:
        self._modules = found
        self.modules.clear()
        for _pack, _module, label in found:
            self.modules.addItem(label)
        self.modules_shown.emit()

    def present_module(self) -> None:
        index = self.modules.currentIndex()
        if index < 0:
            self.say(_("There is no installed module to present: add a pack first."))
            return
        pack_id, module_id, _label = self._modules[index]
        ops.module_entries(self.ctx, pack_id, module_id).success(self._module_loaded).failure(
            self.say
        ).run(self)

    def _module_loaded(self, entries: list[ops.AgendaEntry]) -> None:
        self.say("")
        self.present_requested.emit(Presentation(tuple(entries)))
