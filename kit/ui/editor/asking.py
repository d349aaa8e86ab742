"""The small questions trainer mode asks: a title, an item's type and title, a delete to
confirm, whether to recover texts a crash left. Tests replace these functions' use by
setting the window's `ask` to an object with the same methods."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from kit.core import itemtypes
from kit.i18n import _, ngettext


class ItemDialog(QDialog):
    """Add item: its type (lesson, slides, activity, quiz, survey) and title."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add item"))
        self.type = QComboBox()
        self.type.setAccessibleName(_("Type"))
        for name, kind in itemtypes.TYPES.items():
            self.type.addItem(kind.display_name(), name)
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Type"), self.type)
        form.addRow(_("Title"), self.title)
        form.addRow(buttons)
        self.setMinimumWidth(420)


class Ask:
    """The questions, as dialogs over `parent`."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def module_title(self) -> str | None:
        text, ok = QInputDialog.getText(self.parent, _("Add module"), _("Title of the module"))
        return text.strip() if ok and text.strip() else None

    def item(self) -> tuple[str, str] | None:
        """(type, title) of a new item, or None."""
        dialog = ItemDialog(self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.type.currentData(), dialog.title.text().strip()

    def delete(self, title: str) -> bool:
        answer = QMessageBox.question(
            self.parent,
            _("Delete"),
            _("Delete “{title}”? Undo brings it back.").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def recover(self, files: list[str]) -> bool:
        """Recover unsaved changes (True) or discard them (False)."""
        box = QMessageBox(self.parent)
        box.setWindowTitle(_("Recover unsaved changes?"))
        box.setText(_("Recover unsaved changes?"))
        box.setInformativeText(
            ngettext(
                "Training Kit closed before this file was saved: {files}",
                "Training Kit closed before these files were saved: {files}",
                len(files),
            ).format(files=", ".join(files))
        )
        recover = box.addButton(_("Recover"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(_("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover
