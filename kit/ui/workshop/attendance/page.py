"""The Attendance tab of workshop mode: the register, check-in at the door, the paper
sign-in sheet, and the exports (the register as CSV, the usernames for the event page).

Every write is an operation on the worker that returns the register read again, so what
the page shows (a tick, a count) is what the records hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.operations import attendance as ops
from kit.ui.widgets.owned import owned
from kit.ui.workshop.attendance.checkin import CheckInView
from kit.ui.workshop.attendance.exports import UsernamesDialog
from kit.ui.workshop.attendance.register_view import RegisterView
from kit.ui.workshop.attendance.sheet import PaperSheetView


class AttendancePage(QWidget):
    """The register and check-ins of the chosen workshop."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.roster: ops.Roster | None = None
        self.usernames_dialog: UsernamesDialog | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("attendanceMessage")
        self.register = RegisterView(ctx, self.run)
        self.checkin = CheckInView(ctx, self.run, self.say)
        self.sheet = PaperSheetView(ctx, self.run)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.checkin, _("Check in"))
        self.tabs.addTab(self.register, _("Register"))
        self.tabs.addTab(self.sheet, _("Paper sheet"))
        self.export_button = QPushButton(_("Export the register…"))
        self.export_button.setAccessibleName(_("Export the register as CSV"))
        self.usernames_button = QPushButton(_("Usernames for the event page…"))
        self.usernames_button.setAccessibleName(_("Usernames for the event page"))
        exports = QHBoxLayout()
        exports.addStretch(1)
        exports.addWidget(self.export_button)
        exports.addWidget(self.usernames_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(exports)
        self.export_button.clicked.connect(self.export_register)
        self.usernames_button.clicked.connect(self.show_usernames)
        ctx.changes.operation_did_execute.connect(owned(self, self._changed))
        self.show_workshop(None)

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id`'s register (None: no workshop chosen)."""
        self.workshop_id = workshop_id or None
        self.roster = None
        self.tabs.setEnabled(self.workshop_id is not None)
        self.export_button.setEnabled(self.workshop_id is not None)
        self.usernames_button.setEnabled(self.workshop_id is not None)
        if self.workshop_id is None:
            self.say(_("Choose a workshop in the Plan tab to keep its register."))
            return
        self.say("")
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is not None and self.ctx.opened:
            ops.load(self.ctx, self.workshop_id).success(self.show_roster).failure(self.say).run(
                self
            )

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.roster is None:  # chosen before the records were open
            self.reload()

    def _changed(self, changes: OpChanges, initiator: object) -> None:
        if changes.touches(Change.WORKSHOPS) and initiator is not self:
            self.reload()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def show_roster(self, roster: ops.Roster) -> None:
        if roster.shop.id != self.workshop_id:
            return  # the answer about a workshop no longer shown
        self.roster = roster
        for view in (self.register, self.checkin, self.sheet):
            view.show_roster(roster)

    def run(
        self,
        op: Any,
        after: Callable[[ops.Roster], None] | None = None,
        ended: Callable[[], None] | None = None,
    ) -> None:
        """Run a write; its roster is shown once it is on disk (then `after`)."""

        def done(roster: ops.Roster) -> None:
            if ended is not None:
                ended()
            self.say("")
            self.show_roster(roster)
            if after is not None:
                after(roster)

        def failed(text: str) -> None:
            if ended is not None:
                ended()
            self.say(text)
            self.checkin.refresh()

        op.success(done).failure(failed).run(self)

    def export_register(self) -> None:
        if self.roster is None:
            return
        stem = re.sub(r"[^\w-]+", "-", self.roster.shop.title).strip("-") or "workshop"
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _("Export the register"),
            str(Path.home() / f"{stem}-register.csv"),
            _("CSV files (*.csv)"),
        )
        if path:
            self.export_register_to(path)

    def export_register_to(self, path: str) -> None:
        if self.workshop_id is None:
            return
        ops.export_register(self.ctx, self.workshop_id, path).success(
            lambda done: self.say(_("Wrote the register to {file}.").format(file=done))
        ).failure(self.say).run(self)

    def show_usernames(self) -> None:
        if self.workshop_id is not None:
            ops.event_usernames(self.ctx, self.workshop_id).success(self._usernames).failure(
                self.say
            ).run(self)

    def _usernames(self, texts: tuple[str, str]) -> None:
        self.usernames_dialog = UsernamesDialog(*texts, parent=self)
        self.usernames_dialog.open()
