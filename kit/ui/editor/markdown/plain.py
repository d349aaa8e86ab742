"""Any other file of the pack source as plain text (the fallback editor)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.markdown.textedit import SourceEdit


class PlainTextEditor(QWidget):
    """The FileEditor for files no form knows: the text, exactly as it is on disk."""

    changed = Signal()

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.relpath = ""
        self._loading = False
        self.text = SourceEdit(self)
        self.text.textChanged.connect(self._on_text_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text)

    def load(self, relpath: str, text: str) -> None:
        self.relpath = relpath
        self._loading = True
        try:
            self.text.set_source(text)
        finally:
            self._loading = False

    def current_text(self) -> str:
        return self.text.source_text()

    def jump_to(self, line: int) -> None:
        self.text.go_to_line(line)

    def _on_text_changed(self) -> None:
        if not self._loading:
            self.changed.emit()
