"""A message bar above the pages: one sentence, info or error, dismissable."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from kit.i18n import _
from kit.ui.widgets.enumkeys import set_enum

_COLOURS = {
    "info": ("#e2f4e7", "#1e6b34", "#b8e0c2"),
    "error": ("#fde8e6", "#8c1d18", "#f3b9b3"),
}


class MessageBar(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        set_enum(self.label, "textFormat", "PlainText")  # messages quote pack titles
        self.label.setAccessibleName(_("Message"))
        layout.addWidget(self.label, 1)
        self.close_button = QPushButton(_("Dismiss"))
        self.close_button.setAccessibleName(_("Dismiss the message"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.kind = "info"
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        bg, fg, border = _COLOURS.get(kind, _COLOURS["info"])
        self.setStyleSheet(
            f"MessageBar {{ background: {bg}; border-bottom: 1px solid {border}; }}"
            f" QLabel {{ color: {fg}; font-weight: 600; }}"
        )
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
