"""The agenda as a two-level model: sessions, each with its items (kit.core.workshops).

Rebuilt from the `Workshop` after every edit. A drop (a drag in the view, or a call of
`dropMimeData` as a test makes) does not move rows itself: it asks for the move through
`move_requested(item_id, session_id, index)`, once the drag has ended, so the agenda
edit (kit.core.workshops.agenda) stays the one place an agenda changes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from kit.core.workshops.model import PACK, Workshop, WorkshopSession
from kit.i18n import _, pgettext
from kit.ui.widgets.plain import plain_tooltip

MIME = "application/x-training-kit-agenda-item"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
IS_SESSION_ROLE = Qt.ItemDataRole.UserRole + 2
TITLE, KIND, MINUTES, NOTE = range(4)
OVER = QColor("#b3261e")
EDIT = Qt.ItemDataRole.EditRole
KIND_NAMES = {
    PACK: pgettext("agenda item kind", "pack"),
    "break": pgettext("agenda item kind", "break"),
    "discussion": pgettext("agenda item kind", "discussion"),
    "hands-on": pgettext("agenda item kind", "hands-on time"),
}

Index = QModelIndex | QPersistentModelIndex


def kind_name(kind: str) -> str:
    return KIND_NAMES.get(kind, kind)


def session_heading(s: WorkshopSession) -> str:
    return _("Day {day}, {start} to {end}").format(day=s.day, start=s.start, end=s.end)


def session_minutes(s: WorkshopSession) -> str:
    return _("{total} of {slot} min").format(total=s.total, slot=s.slot)


class AgendaModel(QStandardItemModel):
    move_requested = Signal(str, str, int)  # item id, session id, index before the move
    item_edited = Signal(str, str, object)  # item id, "title" or "minutes", the new value
    session_edited = Signal(str, str)  # session id, its new title

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._building = False
        self.setHorizontalHeaderLabels([_("Title"), _("Kind"), _("Minutes"), _("Note")])
        self.itemChanged.connect(self._changed)

    # -- filling ----------------------------------------------------------------------
    def show(self, shop: Workshop, missing: dict[str, str]) -> None:
        self._building = True
        try:
            self.removeRows(0, self.rowCount())
            for session in shop.sessions:
                self.appendRow(self._session_row(session, missing))
        finally:
            self._building = False

    def _session_row(self, s: WorkshopSession, missing: dict[str, str]) -> list[QStandardItem]:
        title = QStandardItem(s.title or s.start)
        when = QStandardItem(session_heading(s))
        minutes = QStandardItem(session_minutes(s))
        note = QStandardItem()
        row = [title, when, minutes, note]
        for cell in row:
            cell.setData(s.id, ID_ROLE)
            cell.setData(True, IS_SESSION_ROLE)
            cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            cell.setDropEnabled(True)
        title.setEditable(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        if s.overrun:
            note.setText(_("Overruns its slot by {minutes} min").format(minutes=s.overrun))
            for cell in (minutes, note):
                cell.setForeground(QBrush(OVER))
        for item in s.items:
            title.appendRow(self._item_row(item, missing.get(item.id, "")))
        return row

    def _item_row(self, item: Any, reason: str) -> list[QStandardItem]:
        title = QStandardItem(item.label())
        kind = QStandardItem(kind_name(item.kind))
        minutes = QStandardItem()
        minutes.setData(int(item.minutes), EDIT)
        note = QStandardItem(_("Missing: {reason}").format(reason=reason) if reason else "")
        row = [title, kind, minutes, note]
        for cell in row:
            cell.setData(item.id, ID_ROLE)
            cell.setData(False, IS_SESSION_ROLE)
            cell.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled
            )
        title.setEditable(item.kind != PACK)
        minutes.setEditable(True)
        if reason:
            for cell in row:
                cell.setForeground(QBrush(OVER))
                cell.setToolTip(plain_tooltip(reason))
        return row

    # -- finding ----------------------------------------------------------------------
    def session_index(self, session_id: str) -> QModelIndex:
        for row in range(self.rowCount()):
            index = self.index(row, TITLE)
            if index.data(ID_ROLE) == session_id:
                return index
        return QModelIndex()

    def item_index(self, item_id: str) -> QModelIndex:
        for row in range(self.rowCount()):
            parent = self.index(row, TITLE)
            for child in range(self.rowCount(parent)):
                index = self.index(child, TITLE, parent)
                if index.data(ID_ROLE) == item_id:
                    return index
        return QModelIndex()

    # -- editing ----------------------------------------------------------------------
    def _changed(self, cell: QStandardItem) -> None:
        if self._building:
            return
        ident = str(cell.data(ID_ROLE))
        if cell.data(IS_SESSION_ROLE):
            if cell.column() == TITLE:
                self._later(self.session_edited.emit, ident, cell.text())
        elif cell.column() == TITLE:
            self._later(self.item_edited.emit, ident, "title", cell.text())
        elif cell.column() == MINUTES:
            self._later(self.item_edited.emit, ident, "minutes", cell.data(EDIT))

    @staticmethod
    def _later(emit: Any, *args: Any) -> None:
        # Once the editor that changed the cell is done with it: the edit rebuilds rows.
        QTimer.singleShot(0, lambda: emit(*args))

    # -- drag and drop ----------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[Any]) -> QMimeData:
        data = QMimeData()
        ids = [i.data(ID_ROLE) for i in indexes if i.isValid() and not i.data(IS_SESSION_ROLE)]
        if ids:
            data.setData(MIME, str(ids[0]).encode("ascii"))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(MIME) and parent.isValid()

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Ask for the move; False, so the view removes no rows itself."""
        if not data.hasFormat(MIME) or not parent.isValid():
            return False
        item_id = bytes(data.data(MIME).data()).decode("ascii")
        if parent.parent().isValid():  # dropped on an item: before it
            row, parent = parent.row(), parent.parent()
        session_id = str(parent.sibling(parent.row(), TITLE).data(ID_ROLE))
        if row < 0:
            row = self.rowCount(parent.sibling(parent.row(), TITLE))
        # After the drag has ended, so the view is done with the rows it dragged.
        QTimer.singleShot(0, lambda: self.move_requested.emit(item_id, session_id, row))
        return False
