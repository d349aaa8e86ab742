"""A poll written on the spot, on the console: the question, Enter, then one option per
line; Enter on an empty line (or Ctrl+Enter) puts it to the room, Esc goes back."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from kit.i18n import _

ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class PollForm(QWidget):
    """`asked(question, options)` when the facilitator puts it to the room; `cancelled`."""

    asked = Signal(str, list)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pollForm")
        title = QLabel(_("New poll"))
        title.setObjectName("pollTitle")
        self.prompt = QLineEdit()
        self.prompt.setObjectName("pollPrompt")
        self.prompt.setAccessibleName(_("Poll question"))
        self.prompt.setPlaceholderText(_("Type the question, then Enter"))
        self.options = QPlainTextEdit()
        self.options.setObjectName("pollOptions")
        self.options.setAccessibleName(_("Poll options, one per line"))
        self.options.setPlaceholderText(
            _("One option per line (2 to 8); Enter on an empty line asks the room")
        )
        self.options.setTabChangesFocus(True)
        self.ask_button = QPushButton(_("Ask the room (Ctrl+Enter)"))
        self.ask_button.clicked.connect(self.ask)
        self.problem = QLabel()
        self.problem.setObjectName("pollProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        for widget in (title, self.prompt, self.options, self.problem, self.ask_button):
            layout.addWidget(widget)
        self.setStyleSheet(
            "QLineEdit, QPlainTextEdit { font-size: 20pt; } QLabel#pollTitle { font-size: 20pt;"
            " font-weight: 600; } QLabel#pollProblem { font-size: 16pt; color: #a00000; }"
        )
        for field in (self.prompt, self.options):
            field.installEventFilter(self)

    def start(self) -> None:
        self.prompt.clear()
        self.options.clear()
        self.say("")
        self.show()
        self.prompt.setFocus()

    def say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def option_texts(self) -> list[str]:
        return [line.strip() for line in self.options.toPlainText().splitlines() if line.strip()]

    def ask(self) -> None:
        self.asked.emit(self.prompt.text(), self.option_texts())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.cancelled.emit()
            return True
        if key not in ENTER:
            return False
        if watched is self.prompt:
            self.options.setFocus()
            return True
        line = self.options.textCursor().block().text().strip()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier or not line:
            self.ask()
            return True
        return False
