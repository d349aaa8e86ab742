"""The small questions of the Markdown editor: a picture's alt text, the item to link to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.widgets.plain import plain_label

PATH_ROLE = Qt.ItemDataRole.UserRole


class AltTextDialog(QDialog):
    """Asks what a picture shows; OK stays off until something is written."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Describe the picture"))
        self.setObjectName("altTextDialog")
        why = plain_label(
            _(
                "Write in a few words what {name} shows. Learners who cannot see it hear "
                "this text read aloud, and everyone sees it when the picture cannot be shown."
            ).format(name=file_name),
            wrap=True,
        )
        self.field = QLineEdit(self)
        self.field.setAccessibleName(_("Description of the picture"))
        self.field.setPlaceholderText(_("For example: the sign-in screen with two profiles"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Insert picture"))
        self.ok_button.setEnabled(False)
        self.field.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))
        self.buttons.accepted.connect(self._accept_if_written)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(why)
        layout.addWidget(self.field)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _accept_if_written(self) -> None:
        if self.text():
            self.accept()

    def text(self) -> str:
        return " ".join(self.field.text().split())


class LinkDialog(QDialog):
    """The pack's items, filtered as the person types; Enter or a double click chooses."""

    def __init__(self, items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Insert a link to another item"))
        self.setObjectName("linkDialog")
        self.filter = QLineEdit(self)
        self.filter.setAccessibleName(_("Find an item"))
        self.filter.setPlaceholderText(_("Type part of a title"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Items of the pack"))
        for path, title in items:
            entry = QListWidgetItem(f"{title}  ({path})")
            entry.setData(PATH_ROLE, (path, title))
            self.list.addItem(entry)
        self.empty = plain_label(_("No item has this in its title."), wrap=True)
        self.empty.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Insert link"))
        self.buttons.accepted.connect(self._accept_chosen)
        self.buttons.rejected.connect(self.reject)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._accept_chosen)
        self.list.itemDoubleClicked.connect(lambda _entry: self._accept_chosen())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.buttons)
        self.setMinimumSize(460, 360)
        self._apply_filter("")

    def _apply_filter(self, text: str) -> None:
        wanted = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            entry = self.list.item(row)
            shown = all(word in entry.text().casefold() for word in wanted)
            entry.setHidden(not shown)
            if shown and first is None:
                first = entry
        self.empty.setVisible(first is None and self.list.count() > 0)
        if first is not None and (
            self.list.currentItem() is None or self.list.currentItem().isHidden()
        ):
            self.list.setCurrentItem(first)

    def chosen(self) -> tuple[str, str] | None:
        """(path of the item file in the pack, title) of the highlighted item."""
        entry = self.list.currentItem()
        if entry is None or entry.isHidden():
            return None
        path, title = entry.data(PATH_ROLE)
        return str(path), str(title)

    def _accept_chosen(self) -> None:
        if self.chosen() is not None:
            self.accept()
