"""The usernames of those who came, ready to paste on an event page (one a line, or a
wikitext list), with a button that copies them."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from kit.i18n import _


class UsernamesDialog(QDialog):
    def __init__(self, one_a_line: str, wikitext: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Usernames for the event page"))
        self.texts = (one_a_line, wikitext)
        self.form = QComboBox()
        self.form.setAccessibleName(_("Form of the list"))
        self.form.addItems([_("One username a line"), _("Wikitext list of user pages")])
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(_("Usernames"))
        self.note = QLabel()
        self.copy_button = QPushButton(_("Copy to clipboard"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.copy_button)
        layout.addWidget(buttons)
        self.form.currentIndexChanged.connect(self._show)
        self.copy_button.clicked.connect(self.copy)
        self._show(0)

    def _show(self, index: int) -> None:
        text = self.texts[max(0, index)]
        self.text.setPlainText(text)
        self.note.setText("" if text else _("Nobody with a wiki username has checked in yet."))
        self.copy_button.setEnabled(bool(text))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.note.setText(_("Copied: paste the list on the event page."))
