"""The main window: a list of installed packs (the learner app grows from here)."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QMainWindow, QVBoxLayout, QWidget

from kit.core.paths import DataDir
from kit.i18n import _


class MainWindow(QMainWindow):
    ready = Signal()  # the first content has been painted

    def __init__(self, data: DataDir) -> None:
        super().__init__()
        self.data = data
        self.setWindowTitle(_("Training Kit"))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        heading = QLabel(_("Installed packs"))
        heading.setAccessibleName(_("Installed packs"))
        layout.addWidget(heading)
        self.packs = QListWidget()
        self.packs.setAccessibleName(_("Installed packs"))
        layout.addWidget(self.packs)
        self.empty = QLabel(
            _("No packs are installed yet. Install one with: kit library install FILE")
        )
        layout.addWidget(self.empty)
        self.setCentralWidget(central)
        self.refresh()
        QTimer.singleShot(0, self.ready.emit)

    def refresh(self) -> None:
        self.packs.clear()
        self.empty.setVisible(self.packs.count() == 0)
