"""A plain text editor for any file, used while no other editor is installed for its kind
(kit.ui.editor.registry falls back to markdown, then to text; this is the last step)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.editor.contract import EditorEnv


class FallbackEditor(QWidget):
    """The file's text as it is, in a fixed-width font."""

    changed = Signal()

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.relpath = ""
        self.edit = QPlainTextEdit()
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setAccessibleName(_("File text"))
        self.edit.setTabChangesFocus(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)
        self._loading = False
        self.edit.textChanged.connect(self._edited)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()

    def load(self, relpath: str, text: str) -> None:
        self.relpath = relpath
        self._loading = True
        try:
            self.edit.setPlainText(text)
        finally:
            self._loading = False

    def current_text(self) -> str:
        return self.edit.toPlainText()

    def jump_to(self, line: int) -> None:
        block = self.edit.document().findBlockByLineNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.edit.setTextCursor(cursor)
        self.edit.centerCursor()
        self.edit.setFocus()
