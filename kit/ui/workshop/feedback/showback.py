"""The previous half-day's cards shown back to the room, grouped (ups and downs,
clearest and muddiest), full screen on the projector in type read from the back.
Up/Down/Page keys scroll; Esc or Space closes it."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from kit.i18n import _, format_number
from kit.ui.operations.feedback import ShowBack


def projector_screen() -> Any:
    """The second screen when there are two (the projector), else the only one."""
    screens = QGuiApplication.screens()
    return screens[1] if len(screens) >= 2 else QGuiApplication.primaryScreen()


def show_back_html(back: ShowBack) -> str:
    parts = [f'<p style="font-size: 40pt; font-weight: bold">{html.escape(back.heading())}</p>']
    for prompt, texts in back.groups:
        parts.append(f'<p style="font-size: 34pt; font-weight: bold">{html.escape(prompt)}</p><ul>')
        for text, count in texts:
            times = "" if count == 1 else " " + _("(×{count})").format(count=format_number(count))
            parts.append(f"<li>{html.escape(text)}{html.escape(times)}</li>")
        parts.append("</ul>")
    return "".join(parts)


class ShowBackWindow(QWidget):
    closed = Signal()

    def __init__(self, back: ShowBack, *, rtl: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(back.heading())
        self.setObjectName("showBack")
        self.setStyleSheet(
            "#showBack { background: #ffffff; } #showBack QLabel { font-size: 30pt; color: #111; }"
        )
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.text = QLabel(show_back_html(back))
        self.text.setObjectName("showBackText")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(self.text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 40, 64, 40)
        layout.addWidget(self.scroll)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_on_projector(self) -> None:
        screen = projector_screen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()

    def keyPressEvent(self, event: Any) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Q):
            self.close()
            return
        bar = self.scroll.verticalScrollBar()
        steps = {
            Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_Up: -bar.singleStep(),
            Qt.Key.Key_PageDown: bar.pageStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(),
        }
        if key in steps:  # many cards: the facilitator scrolls them up the wall
            bar.setValue(bar.value() + steps[key])
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, _event: Any) -> None:
        self.close()

    def closeEvent(self, event: Any) -> None:
        super().closeEvent(event)
        self.closed.emit()
