"""The Attendance tab of workshop mode (being built: see issue 11)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext


class AttendancePage(QWidget):
    """The register and check-ins of the chosen workshop."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Register")))

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id`'s register (None: no workshop chosen)."""
