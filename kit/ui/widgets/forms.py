"""Small form helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QWidget

from kit.ui.widgets.style import set_role


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    widget = QLabel(text)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role:
        set_role(widget, role)
    return widget


def button(text: str, role: str = "", accessible: str = "", slot=None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible or text.replace("…", ""))
    if role:
        set_role(widget, role)
    if slot is not None:
        widget.clicked.connect(slot)
    return widget


def pin_edit(accessible: str, parent: QWidget | None = None) -> QLineEdit:
    """A field for a 4-digit PIN: digits only, hidden as typed."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(4)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,4}"), edit))
    edit.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    edit.setAccessibleName(accessible)
    edit.setMaximumWidth(160)
    edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
    edit.setStyleSheet("font-size: 18pt; letter-spacing: 6px;")
    return edit
