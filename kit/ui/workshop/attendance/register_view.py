"""The register: a quick-add line always ready at the top (for the door), and the table
of participants; Enter or a double-click edits one, Space ticks "new editor"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.operations import attendance as ops
from kit.ui.workshop.attendance.dialog import ParticipantDialog

NEW_EDITOR = 5
ID_ROLE = Qt.ItemDataRole.UserRole


class RegisterView(QWidget):
    """`run(op, after)` runs a write and shows the roster it returns (the page's)."""

    def __init__(self, ctx: Any, run: Callable[..., None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run = run
        self.roster: ops.Roster | None = None
        self.dialog: ParticipantDialog | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Name"))
        self.name.setAccessibleName(_("Name of the participant to add"))
        self.username = QLineEdit()
        self.username.setPlaceholderText(_("Wiki username (optional)"))
        self.username.setAccessibleName(_("Wiki username"))
        self.consent = QCheckBox(_("Consents to keeping a contact"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(_("Contact (with consent)"))
        self.contact.setAccessibleName(_("Contact"))
        self.contact.setEnabled(False)
        self.add_button = QPushButton(_("Add"))
        self.add_button.setAccessibleName(_("Add the participant"))
        self.table = QTableWidget(0, 7)
        self.table.setHorizontalHeaderLabels(
            [
                _("Name"),
                _("Wiki username"),
                _("Contact"),
                _("Notes"),
                _("Learner profile"),
                _("New editor"),
                _("Sessions attended"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(_("Register"))
        self.edit_button = QPushButton(_("Edit participant…"))
        self.edit_button.setAccessibleName(_("Edit participant"))
        quick = QHBoxLayout()
        for widget in (self.name, self.username, self.consent, self.contact, self.add_button):
            quick.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(quick)
        layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.edit_button)
        layout.addLayout(row)
        self.consent.toggled.connect(self._consent_changed)
        for field in (self.name, self.username, self.contact):
            field.returnPressed.connect(self.quick_add)
        self.add_button.clicked.connect(self.quick_add)
        self.table.itemActivated.connect(lambda _item: self.edit_current())
        self.table.itemChanged.connect(self._item_changed)
        self.edit_button.clicked.connect(self.edit_current)

    def _consent_changed(self, on: bool) -> None:
        self.contact.setEnabled(on)
        if not on:
            self.contact.clear()

    def quick_add(self) -> None:
        if self.roster is None or not self.name.text().strip():
            self.name.setFocus()
            return
        consent = self.consent.isChecked()
        op = ops.add_participant(
            self.ctx,
            self.roster.shop.id,
            self.name.text(),
            self.username.text(),
            self.contact.text() if consent else "",
            consent,
        )
        self.run(op)
        for field in (self.name, self.username, self.contact):
            field.clear()
        self.consent.setChecked(False)
        self.name.setFocus()

    def show_roster(self, roster: ops.Roster) -> None:
        self.roster = roster
        table = self.table
        current = table.currentItem()
        keep = roster.touched or (current.data(ID_ROLE) if current is not None else None)
        at_column = max(0, table.currentColumn())
        table.blockSignals(True)
        table.setRowCount(len(roster.participants))
        for row, who in enumerate(roster.participants):
            cells = [
                who.name,
                who.wiki_username,
                who.contact,
                who.notes,
                roster.profiles.get(who.profile_id or "", ""),
                "",
                format_number(roster.attended(who.id)),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, who.id)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if column == NEW_EDITOR:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    ticked = Qt.CheckState.Checked if who.new_editor else Qt.CheckState.Unchecked
                    item.setCheckState(ticked)
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, _("New editor"))
                table.setItem(row, column, item)
        rows = [p.id for p in roster.participants]
        if keep in rows:
            table.setCurrentCell(rows.index(keep), 0 if roster.touched else at_column)
        table.blockSignals(False)
        self.edit_button.setEnabled(bool(roster.participants))

    def _who(self, participant_id: str) -> Any:
        found = [
            p for p in (self.roster.participants if self.roster else []) if p.id == participant_id
        ]
        return found[0] if found else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        who = self._who(item.data(ID_ROLE))
        if item.column() != NEW_EDITOR or who is None:
            return
        ticked = item.checkState() == Qt.CheckState.Checked
        if ticked != who.new_editor:
            self.run(ops.update_participant(self.ctx, replace(who, new_editor=ticked)))

    def edit_current(self) -> None:
        item = self.table.currentItem()
        who = self._who(item.data(ID_ROLE)) if item is not None else None
        if who is None or self.roster is None:
            return
        self.dialog = ParticipantDialog(who, self.roster.profiles, self)
        self.dialog.accepted.connect(self._edited)
        self.dialog.open()

    def _edited(self) -> None:
        if self.dialog is not None:
            self.run(ops.update_participant(self.ctx, self.dialog.participant()))
