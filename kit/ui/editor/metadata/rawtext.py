"""The file's text as written, for a form that cannot read it: the reason above, the text
editable beneath. After each pause in typing the form is asked to read the text again."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.markdown.plain import PlainTextEditor
from kit.ui.widgets.forms import label

RETRY_MS = 600  # the pause in typing after which the text is read again


class RawTextPage(QWidget):
    """The reason in one sentence, then the text; `changed` on edits, `retry` after a pause."""

    changed = Signal()
    retry = Signal()

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reason = label("", "error")
        self.editor = PlainTextEditor(env, self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reason)
        column.addWidget(self.editor, 1)
        self.setFocusProxy(self.editor.text)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        self.editor.changed.connect(self._edited)

    def show_text(self, relpath: str, text: str, reason: str) -> None:
        self.timer.stop()
        self.reason.setText(reason)
        if self.editor.current_text() != text:
            self.editor.load(relpath, text)

    def set_reason(self, reason: str) -> None:
        self.reason.setText(reason)

    def current_text(self) -> str:
        return self.editor.current_text()

    def jump_to(self, line: int) -> None:
        self.editor.jump_to(line)

    def _edited(self) -> None:
        self.timer.start()
        self.changed.emit()
