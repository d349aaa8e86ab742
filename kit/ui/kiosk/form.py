"""One respondent's form in the kiosk: large answer buttons and text boxes, built afresh
for every respondent (so nothing of an earlier answer can linger in a widget). A question
with a condition (`show_if`) shows only while it holds; hidden answers are not sent."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.operations.kiosk import LIKERT, MULTIPLE, SCALE, TEXT, Question
from kit.ui.operations.surveys import kept_answers, visible


class _WideRadio(QRadioButton):
    """A choice tapped anywhere on its row (Qt's takes only the dot and the words)."""

    def hitButton(self, pos: Any) -> bool:
        return self.rect().contains(pos)


class _WideCheck(QCheckBox):
    def hitButton(self, pos: Any) -> bool:
        return self.rect().contains(pos)


class QuestionBox(QFrame):
    """A question and its answer input; `value()` is the choice id(s) or the text."""

    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.setObjectName("kioskQuestion")
        self.prompt = QLabel(question.shown_prompt())
        self.prompt.setWordWrap(True)
        self.prompt.setObjectName("kioskPrompt")
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        self.text: QPlainTextEdit | None = None
        self.buttons: dict[str, QAbstractButton] = {}
        if question.kind == TEXT:
            self.text = QPlainTextEdit()
            self.text.setTabChangesFocus(True)  # Tab goes on to the next question
            self.text.setAccessibleName(question.shown_prompt())
            self.text.setFixedHeight(120)
            self.text.textChanged.connect(self.changed)
            layout.addWidget(self.text)
            return
        if question.kind == LIKERT:
            self._likert(layout)
            return
        row = QHBoxLayout() if question.kind == SCALE else QVBoxLayout()
        group = QButtonGroup(self)
        group.setExclusive(question.kind != MULTIPLE)
        for choice_id, text in question.shown_choices():
            button = self._button(text)
            button.setAccessibleName(f"{question.shown_prompt()}: {text}")
            group.addButton(button)
            button.toggled.connect(lambda _on: self.changed.emit())
            self.buttons[choice_id] = button
            row.addWidget(button)
        if question.kind == SCALE:
            row.addStretch(1)
        layout.addLayout(row)

    def _likert(self, layout: QVBoxLayout) -> None:
        """The labelled points side by side (lowest first; mirrored under Arabic), and
        "not relevant / don't know" under them: the keys 1-5 pick a point, 0 the last."""
        grid = QGridLayout()
        group = QButtonGroup(self)
        choices = self.question.shown_choices()
        points, last = (choices[:-1], choices[-1]) if len(choices) > 1 else (choices, None)
        for column, (choice_id, text) in enumerate(points):
            button = self._point(choice_id, text, group)
            grid.addWidget(button, 0, column)
            grid.setColumnStretch(column, 1)
        if last is not None:
            grid.addWidget(self._point(last[0], last[1], group), 1, 0, 1, max(1, len(points)))
        layout.addLayout(grid)

    def _point(self, choice_id: str, text: str, group: QButtonGroup) -> QPushButton:
        button = QPushButton("\n".join(textwrap.wrap(text, 12)) or text)
        button.setObjectName("kioskPoint")
        button.setCheckable(True)
        button.setMinimumHeight(72)
        button.setAccessibleName(f"{self.question.shown_prompt()}: {text}")
        group.addButton(button)
        button.toggled.connect(lambda _on: self.changed.emit())
        self.buttons[choice_id] = button
        return button

    def keyPressEvent(self, event: Any) -> None:
        """In a rating, 1-5 pick that point and 0 (or N) "not relevant"."""
        if self.question.kind == LIKERT and self.buttons:
            ids = list(self.buttons)
            text = event.text().lower()
            target = None
            if text.isdigit() and 1 <= int(text) < len(ids):
                target = ids[int(text) - 1]
            elif text in ("0", "n"):
                target = ids[-1]
            if target is not None:
                self.buttons[target].setChecked(True)
                self.buttons[target].setFocus()
                return
        super().keyPressEvent(event)

    def _button(self, text: str) -> QAbstractButton:
        if self.question.kind == SCALE:
            button: QAbstractButton = QPushButton(text)
            button.setCheckable(True)
            button.setMinimumSize(84, 72)
            return button
        if self.question.kind == MULTIPLE:
            return _WideCheck(text)
        return _WideRadio(text)

    def value(self) -> Any:
        if self.text is not None:
            return self.text.toPlainText().strip() or None
        chosen = [cid for cid, b in self.buttons.items() if b.isChecked()]
        if self.question.kind == MULTIPLE:
            return chosen or None
        return chosen[0] if chosen else None

    def is_blank(self) -> bool:
        if self.text is not None:
            return not self.text.toPlainText()
        return not any(b.isChecked() for b in self.buttons.values())


class KioskForm(QWidget):
    """All questions of a survey, then Send and Cancel."""

    def __init__(self, title: str, questions: tuple[Question, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kioskForm")
        heading = QLabel(title)
        heading.setObjectName("kioskTitle")
        heading.setWordWrap(True)
        self.boxes = [QuestionBox(q) for q in questions]
        if any(q.show_if for q in questions):
            for box in self.boxes:
                box.changed.connect(self.refresh_shown)
        self.message = QLabel()
        self.message.setObjectName("kioskMessage")
        self.message.setWordWrap(True)
        self.send_button = QPushButton(_("Send my answers"))
        self.send_button.setObjectName("kioskSend")
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(_("Cancel: nothing is saved"))
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.addWidget(heading)
        for box in self.boxes:
            inner.addWidget(box)
        inner.addWidget(self.message)
        # One above the other: side by side they are wider than a netbook at this size.
        inner.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignLeading)
        inner.addSpacing(12)
        inner.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignLeading)
        inner.addStretch(1)
        column.setMaximumWidth(1100)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll)
        self.refresh_shown()

    def _given(self) -> dict[str, Any]:
        given = {box.question.id: box.value() for box in self.boxes}
        return {qid: value for qid, value in given.items() if value is not None}

    def _conditions(self) -> list[tuple[str, Any]]:
        return [(box.question.id, box.question.show_if) for box in self.boxes]

    def shown(self) -> list[str]:
        on = visible(self._conditions(), self._given())
        return [box.question.id for box in self.boxes if box.question.id in on]

    def refresh_shown(self) -> None:
        """Show the questions whose conditions hold (re-checked as answers change)."""
        shown = set(self.shown())
        for box in self.boxes:
            box.setHidden(box.question.id not in shown)

    def answers(self) -> dict[str, Any]:
        """The answers to the questions shown (a hidden question's answer is not sent)."""
        return kept_answers(self._conditions(), self._given())

    def is_blank(self) -> bool:
        return all(box.is_blank() for box in self.boxes)

    def first_input(self) -> QWidget | None:
        for box in self.boxes:
            if box.isHidden():
                continue
            if box.text is not None:
                return box.text
            if box.buttons:
                return next(iter(box.buttons.values()))
        return self.send_button
