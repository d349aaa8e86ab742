"""The page a quiz or survey is laid out on: a centred column in a scroll area, its look
at the reader's text size, and small label helpers."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kit.i18n import _, format_number
from kit.ui.reader.browser import BASE_POINT_SIZE, COLUMN_WIDTH
from kit.ui.widgets.plain import plain_label, rich_label

QUIZ_STYLE = """
QWidget {{ font-size: {text}pt; }}
#quizPage {{ background: #f6f7f9; }}
#prompt {{ font-weight: 600; color: #1f2328; }}
#questionCard {{ background: #ffffff; border: 1px solid #dde1e6; border-radius: 8px; }}
#questionNumber {{ color: #57606a; font-weight: 600; }}
#feedback {{ border-radius: 6px; padding: 10px; }}
#feedback[verdict="right"] {{ background: #e8f6ee; color: #14532d; }}
#feedback[verdict="wrong"] {{ background: #fdecea; color: #7a1c12; }}
#saveState {{ color: #57606a; }}
#saveState[failed="true"] {{ color: #b42318; }}
#quizSummary {{ background: #f6f7f9; border: 1px solid #dde1e6; border-radius: 8px; }}
#summaryText {{ font-size: {summary}pt; font-weight: 600; }}
#quizIntro {{ color: #1f2328; }}
"""


def quiz_style(scale: float) -> str:
    """The quiz and survey pages' look at a text size (a style sheet blocks the font
    a parent hands down, so the size is part of it, as for lessons: BASE_POINT_SIZE)."""
    return QUIZ_STYLE.format(
        text=f"{BASE_POINT_SIZE * scale:.1f}", summary=f"{(BASE_POINT_SIZE + 1.5) * scale:.1f}"
    )


def set_state(label: QLabel, text: str, **props: str) -> None:
    label.setText(text)
    for name, value in props.items():
        label.setProperty(name, value)
    label.style().unpolish(label)
    label.style().polish(label)


def direction(rtl: bool) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight


def centred_column() -> tuple[QWidget, QVBoxLayout]:
    """A page (quizzes, surveys) holding a column of readable width, centred."""
    page = QWidget()
    page.setObjectName("quizPage")
    outer = QHBoxLayout(page)
    body = QWidget()
    body.setMaximumWidth(COLUMN_WIDTH)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addStretch(1)
    outer.addWidget(body, 1000)  # grows to its maximum width, then stays centred
    outer.addStretch(1)
    column = QVBoxLayout(body)
    column.setContentsMargins(24, 18, 24, 24)
    column.setSpacing(14)
    return page, column


def page_scroll(owner: QWidget, accessible: str) -> QScrollArea:
    """The frameless scroll area that fills a quiz or survey page."""
    scroll = QScrollArea(owner)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setAccessibleName(accessible)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
    return scroll


def intro_label(html_text: str, accessible: str) -> QLabel:
    """The item's own text above its questions."""
    from kit.ui.reader.questions import without_images

    return rich_label(without_images(html_text), accessible=accessible)


def question_heading(number: int, total: int) -> QLabel:
    text = _("Question {n} of {total}").format(n=format_number(number), total=format_number(total))
    return plain_label(text, "questionNumber")
