"""What the page shows when there is no pack to list, and what to do about it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kit.i18n import N_, _

STATES = {
    "loading": (N_("Reading the catalogs…"), ""),
    "no-sources": (
        N_("No sources yet"),
        N_("Add a web address or a folder, such as a USB stick, that holds a catalog of packs."),
    ),
    "no-packs": (
        N_("No packs to show"),
        N_("The sources offer no packs right now; try Refresh later."),
    ),
    "no-match": (
        N_("No pack matches"),
        N_("Change the filter or choose All languages to see every pack."),
    ),
}


class EmptyState(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.state = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("emptyTitle")
        self.text = QLabel()
        self.text.setObjectName("muted")
        self.text.setWordWrap(True)
        self.add_button = QPushButton(_("Add a source…"))
        self.add_button.setAccessibleName(_("Add a source"))
        self.add_button.setProperty("primary", True)
        for w in (self.title, self.text):
            w.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            layout.addWidget(w)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_state(self, state: str) -> None:
        """One of STATES, or "" to hide."""
        self.state = state
        self.setVisible(bool(state))
        if not state:
            return
        title, text = STATES[state]
        self.title.setText(_(title))
        self.text.setText(_(text) if text else "")
        self.text.setVisible(bool(text))
        self.add_button.setVisible(state == "no-sources")
