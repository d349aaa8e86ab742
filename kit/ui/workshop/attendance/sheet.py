"""Typing in a paper sign-in sheet afterwards: participants x sessions, arrows move,
Space ticks; Save writes only the differences (check-ins and corrections)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, ngettext
from kit.ui.operations import attendance as ops

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


class SignInGrid(QTableWidget):
    """Checkable cells; Space ticks or unticks the current one."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Space and item is not None:
            item.setCheckState(UNCHECKED if item.checkState() == CHECKED else CHECKED)
            event.accept()
            return
        super().keyPressEvent(event)


class PaperSheetView(QWidget):
    def __init__(self, ctx: Any, run: Callable[..., None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run = run
        self.roster: ops.Roster | None = None
        self.grid = SignInGrid(0, 0)
        self.grid.setAccessibleName(_("Paper sign-in sheet"))
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changes = QLabel()
        self.save_button = QPushButton(_("Save the sheet (Ctrl+S)"))
        self.save_button.setAccessibleName(_("Save the sheet"))
        self.discard_button = QPushButton(_("Discard changes"))
        hint = QLabel(_("Arrow keys move, Space ticks who signed the paper sheet."))
        hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.changes, 1)
        row.addWidget(self.discard_button)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.grid, 1)
        layout.addLayout(row)
        self.grid.itemChanged.connect(lambda _item: self._count())
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.discard_button.clicked.connect(self.fill)
        self._count()

    def differences(self) -> dict[ops.Pair, bool]:
        """The ticks that differ from the records: pair -> present."""
        out: dict[ops.Pair, bool] = {}
        if self.roster is None:
            return out
        for row, who in enumerate(self.roster.participants):
            for column, session in enumerate(self.roster.sessions):
                item = self.grid.item(row, column)
                if item is None:
                    continue
                pair = (session.id, who.id)
                ticked = item.checkState() == CHECKED
                if ticked != (pair in self.roster.checkins):
                    out[pair] = ticked
        return out

    def show_roster(self, roster: ops.Roster) -> None:
        same = self.roster is not None and self.roster.shop.id == roster.shop.id
        keep = self.differences() if same else {}
        self.roster = roster
        self.fill(keep)

    def fill(self, keep: dict[ops.Pair, bool] | None = None) -> None:
        """The grid from the records, with the unsaved ticks in `keep` laid over them."""
        roster, grid = self.roster, self.grid
        if roster is None:
            return
        keep = keep or {}
        at = (max(0, grid.currentRow()), max(0, grid.currentColumn()))
        grid.blockSignals(True)
        grid.clear()
        grid.setRowCount(len(roster.participants))
        grid.setColumnCount(len(roster.sessions))
        grid.setHorizontalHeaderLabels([roster.label(s) for s in roster.sessions])
        grid.setVerticalHeaderLabels([p.name for p in roster.participants])
        for row, who in enumerate(roster.participants):
            for column, session in enumerate(roster.sessions):
                pair = (session.id, who.id)
                item = QTableWidgetItem()
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                    | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(
                    CHECKED if keep.get(pair, pair in roster.checkins) else UNCHECKED
                )
                item.setData(
                    Qt.ItemDataRole.AccessibleTextRole, f"{who.name}, {roster.label(session)}"
                )
                grid.setItem(row, column, item)
        grid.blockSignals(False)
        grid.resizeColumnsToContents()
        if grid.rowCount() and grid.columnCount():  # the place kept for the keyboard
            grid.setCurrentCell(min(at[0], grid.rowCount() - 1), min(at[1], grid.columnCount() - 1))
        self._count()

    def _count(self) -> None:
        count = len(self.differences())
        self.changes.setText(
            ngettext("{count} change not saved", "{count} changes not saved", count).format(
                count=count
            )
            if count
            else _("No changes to save.")
        )
        self.save_button.setEnabled(bool(count))
        self.discard_button.setEnabled(bool(count))

    def save(self) -> None:
        """Write the differences (after a failure the grid keeps them, to save again)."""
        marks = self.differences()
        if self.roster is not None and marks:
            self.run(ops.save_marks(self.ctx, self.roster.shop.id, marks))
