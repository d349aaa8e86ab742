"""The id field: read-only once the file has a valid id, unlocked on request, with why."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from kit.core.authoring import packmeta
from kit.i18n import _
from kit.ui.widgets.forms import label


class IdField(QWidget):
    edited = Signal()

    def __init__(self, note: str = packmeta.ID_NOTE, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.unlock = QCheckBox(_("Change the id (only before the pack is shared)"))
        self.note = label(_(note), "muted")
        for widget in (self.edit, self.unlock, self.note):
            column.addWidget(widget)
        self.unlock.toggled.connect(self._unlocked)
        self.edit.textEdited.connect(lambda _text: self.edited.emit())

    def set_value(self, value: str, valid: bool) -> None:
        self.edit.setText(value)
        self.unlock.blockSignals(True)
        self.unlock.setChecked(False)
        self.unlock.blockSignals(False)
        self.unlock.setVisible(valid)
        self.edit.setReadOnly(valid)

    def _unlocked(self, on: bool) -> None:
        self.edit.setReadOnly(not on)
        if on:
            self.edit.setFocus()

    def value(self) -> str:
        return self.edit.text().strip()
