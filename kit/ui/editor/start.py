"""Trainer mode's start screen: a new pack from the template, a pack source folder, a
remix of an installed pack, or one of the folders opened lately.

The screen only asks; the window opens (EditorWindow.create_at, open_at, remix_to).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class StartScreen(QWidget):
    new_requested = Signal()
    open_requested = Signal()  # choose a folder
    remix_requested = Signal()
    recent_chosen = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = _("Trainer mode")
        heading = QLabel(f"<h1>{title}</h1>")
        intro = QLabel(_("Write a pack, check it, translate it and hand it to others."))
        intro.setWordWrap(True)
        self.new_button = QPushButton(_("New pack from the template…"))
        self.open_button = QPushButton(_("Open a pack source folder…"))
        self.remix_button = QPushButton(_("Remix an installed pack…"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.remix_button.clicked.connect(self.remix_requested)
        self.recent_label = QLabel(_("Opened lately"))
        self.recent = QListWidget()
        self.recent.setAccessibleName(_("Opened lately"))
        self.recent.itemActivated.connect(self._chosen)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("editorStartMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        column = QVBoxLayout()
        column.setSpacing(10)
        column.addSpacing(24)
        column.addWidget(heading)
        column.addWidget(intro)
        for button in (self.new_button, self.open_button, self.remix_button):
            button.setMinimumHeight(40)
            column.addWidget(button)
        column.addWidget(self.message)
        column.addSpacing(12)
        column.addWidget(self.recent_label)
        column.addWidget(self.recent, 3)
        column.addStretch(1)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.show_recent([])

    def show_recent(self, folders: list[Path]) -> None:
        self.recent.clear()
        for folder in folders:
            row = QListWidgetItem(f"{folder.name} — {folder}")
            row.setData(PATH_ROLE, str(folder))
            self.recent.addItem(row)
        self.recent_label.setVisible(bool(folders))
        self.recent.setVisible(bool(folders))

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _chosen(self, row: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(row.data(PATH_ROLE)))


class _FolderField(QWidget):
    """A folder path typed or chosen with Browse…."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = caption
        self.edit = QLineEdit()
        self.edit.setAccessibleName(caption)
        browse = QPushButton(_("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)
        self.setFocusProxy(self.edit)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.caption, self.edit.text())
        if chosen:
            self.edit.setText(chosen)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text).expanduser() if text else None


class NewPackDialog(QDialog):
    """The new pack's title and the folder its source goes into (made there)."""

    def __init__(self, parent: QWidget | None = None, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New pack"))
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.folder = _FolderField(_("Folder for the pack source"))
        self.folder.edit.setText(folder)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Title"), self.title)
        form.addRow(_("Folder"), self.folder)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        if not self.title.text().strip():
            self.problem.setText(_("Give the pack a title."))
            self.title.setFocus()
        elif self.folder.path() is None:
            self.problem.setText(_("Choose the folder the pack source goes into."))
            self.folder.setFocus()
        else:
            self.accept()

    def values(self) -> tuple[str, Path]:
        return self.title.text().strip(), self.folder.path() or Path()


class RemixDialog(QDialog):
    """Which installed pack to start from, and the folder its copy goes into."""

    def __init__(self, packs: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Remix an installed pack"))
        self.packs = QListWidget()
        self.packs.setAccessibleName(_("Installed packs"))
        for pack in packs:
            row = QListWidgetItem(pack_text(pack))
            row.setData(PATH_ROLE, pack.pack_id)
            if not pack.remixable:
                row.setFlags(row.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                row.setToolTip(_("Its licence allows no changed versions."))
            self.packs.addItem(row)
        usable = [n for n, pack in enumerate(packs) if pack.remixable]
        if usable:
            self.packs.setCurrentRow(usable[0])
        note = QLabel(_("The copy keeps the pack's licence and says whose work it started from."))
        note.setWordWrap(True)
        self.folder = _FolderField(_("Folder for the copy"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Installed packs")))
        layout.addWidget(self.packs, 1)
        layout.addWidget(note)
        form = QFormLayout()
        form.addRow(_("Folder"), self.folder)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumSize(520, 420)

    def _accept(self) -> None:
        row = self.packs.currentItem()
        if row is None or not row.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.problem.setText(_("Choose a pack to start from."))
        elif self.folder.path() is None:
            self.problem.setText(_("Choose the folder the copy goes into."))
        else:
            self.accept()

    def values(self) -> tuple[str, Path]:
        row = self.packs.currentItem()
        return (row.data(PATH_ROLE) if row else ""), self.folder.path() or Path()


def pack_text(pack: Any) -> str:
    """An installed pack's line in the list (editor_project.InstalledPack)."""
    text = _("{title} (version {version})").format(title=pack.title, version=pack.version or "?")
    if pack.license:
        text += " · " + pack.license
    if not pack.remixable:
        text += " · " + _("may not be changed")
    return text
