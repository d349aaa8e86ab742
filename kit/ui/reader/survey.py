"""Surveys: Likert scales, single and multiple choices, free text; no right answers.

"Send my answers" records each given answer as an "answered" event and the survey as
"completed"; the thank-you appears once the records are saved. A question with a
condition (`show_if`, docs/pack-format.md 6.3) shows only while it holds, re-checked as
answers change; the answers to hidden questions are not sent.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.context import AppContext
from kit.ui.operations import reader as ops
from kit.ui.operations.reader import ItemView
from kit.ui.operations.surveys import Condition, item_conditions, kept_answers, visible
from kit.ui.reader.layout import (
    centred_column,
    direction,
    intro_label,
    page_scroll,
    question_heading,
    quiz_style,
    set_state,
)
from kit.ui.reader.questions import AnswerInput, ChoiceInput, PromptLabel, TextInput
from kit.ui.widgets.plain import plain_label


def make_survey_input(question: dict[str, Any]) -> AnswerInput:
    qtype = question.get("type")
    choices = question.get("choices") or []
    if qtype == "text":
        return TextInput()
    if qtype == "likert":
        return ChoiceInput(choices, multiple=False, horizontal=True)
    return ChoiceInput(choices, multiple=qtype == "multiple")


class SurveyView(QWidget):
    item_link = Signal(str, str)
    sent = Signal(int)  # number of answers saved

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ItemView | None = None
        self.inputs: dict[str, AnswerInput] = {}
        self.cards: dict[str, QFrame] = {}
        self.headings: dict[str, QLabel] = {}
        self.conditions: dict[str, tuple[Condition, ...]] = {}
        self.setStyleSheet(quiz_style(getattr(ctx, "text_scale", 1.0) or 1.0))
        self.scroll = page_scroll(self, _("Survey"))
        self.send = QPushButton(_("Send my answers"))
        self.send.setAccessibleName(_("Send my answers"))
        self.send.clicked.connect(self.submit)
        self.state = plain_label(name="saveState", accessible=_("Whether the answers are saved"))

    def show_view(self, view: ItemView) -> None:
        self.view = view
        self.setLayoutDirection(direction(view.rtl))
        for kept in (self.send, self.state):
            kept.setParent(None)  # keep them when the old page is deleted
        page, column = centred_column()
        column.addWidget(intro_label(view.body_html, _("About this survey")))
        questions = list(view.item.get("questions") or [])
        self.inputs, self.cards, self.headings = {}, {}, {}
        self.conditions = item_conditions(view.item)
        for number, question in enumerate(questions, start=1):
            column.addWidget(self._card(question, number, len(questions), view.lang))
        self.refresh_shown()
        row = QHBoxLayout()
        row.addWidget(self.send)
        row.addSpacing(12)
        row.addWidget(self.state, 1)
        column.addLayout(row)
        column.addStretch(1)
        self.send.setEnabled(True)
        set_state(self.state, _("Answer what you like; every question is optional."))
        self.scroll.setWidget(page)

    def _card(self, question: dict[str, Any], number: int, total: int, lang: str) -> QFrame:
        card = QFrame()
        card.setObjectName("questionCard")
        heading = question_heading(number, total)
        answer = make_survey_input(question)
        qid = str(question["id"])
        self.inputs[qid] = answer
        self.cards[qid] = card
        self.headings[qid] = heading
        if any(self.conditions.values()):
            answer.changed.connect(self.refresh_shown)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(heading)
        layout.addWidget(PromptLabel(str(question.get("prompt") or ""), lang))
        layout.addWidget(answer)
        return card

    def _given(self) -> dict[str, Any]:
        given = {qid: box.response() for qid, box in self.inputs.items()}
        return {qid: value for qid, value in given.items() if value is not None}

    def shown(self) -> list[str]:
        """The ids of the questions shown now, in written order."""
        on = visible(self.conditions.items(), self._given())
        return [qid for qid in self.inputs if qid in on]

    def refresh_shown(self) -> None:
        """Show the questions whose conditions hold, numbered among those shown."""
        shown = self.shown()
        for qid, card in self.cards.items():
            card.setHidden(qid not in shown)
        for number, qid in enumerate(shown, start=1):
            self.headings[qid].setText(
                _("Question {n} of {total}").format(
                    n=format_number(number), total=format_number(len(shown))
                )
            )

    def answers(self) -> dict[str, Any]:
        """The answers to the questions shown (a hidden question's answer is not sent)."""
        return kept_answers(self.conditions.items(), self._given())

    def submit(self) -> None:
        view = self.view
        if view is None:
            return
        answers = self.answers()
        self.send.setEnabled(False)
        for box in self.inputs.values():
            box.set_locked(True)
        if self.ctx.profile_id is None:
            self._sent(len(answers))
            return
        set_state(self.state, _("Saving…"), failed="false")
        ops.record_survey(self.ctx, str(view.pack["id"]), str(view.item["id"]), answers).success(
            self._sent
        ).failure(self._failed).run(self)

    def _sent(self, count: int) -> None:
        set_state(self.state, _("Thank you! Your answers are saved ✓"), failed="false")
        self.sent.emit(count)

    def _failed(self, error: str) -> None:
        self.send.setEnabled(True)
        for box in self.inputs.values():
            box.set_locked(False)
        set_state(self.state, _("Not saved: {reason}").format(reason=error), failed="true")

    def set_scale(self, scale: float) -> None:
        self.setStyleSheet(quiz_style(scale))

    def focus_target(self) -> QWidget:
        return self.send
