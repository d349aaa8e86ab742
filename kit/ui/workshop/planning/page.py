"""The Plan tab of workshop mode (being built: see issue 11)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext


class PlanPage(QWidget):
    """Workshops of this computer; choosing one emits `workshop_chosen(id)`."""

    workshop_chosen = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Workshops")))

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id` (None: no workshop chosen)."""
