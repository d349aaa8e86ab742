"""Quizzes: every question type, immediate feedback with the explanation, retry.

Each checked answer is recorded as an "answered" event and, once every question is
checked, the attempt with its score (Records.record_quiz_attempt: "passed" at or above
the pass mark). "Saved" appears only after the write has returned.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.core import quiz as marking
from kit.i18n import _, format_number, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import reader as ops
from kit.ui.operations.reader import ItemView
from kit.ui.reader.layout import (
    centred_column,
    direction,
    intro_label,
    page_scroll,
    question_heading,
    quiz_style,
    set_state,
)
from kit.ui.reader.questions import (
    AnswerInput,
    ChoiceInput,
    OrderInput,
    PromptLabel,
    ShortInput,
    plain,
    rich,
)
from kit.ui.widgets.plain import plain_label, rich_label


def make_input(question: dict[str, Any]) -> AnswerInput:
    qtype = question.get("type")
    choices = question.get("choices") or []
    if qtype == "order":
        return OrderInput(choices)
    if qtype == "short":
        return ShortInput()
    return ChoiceInput(choices, multiple=qtype == "multiple")


def right_answer_text(question: dict[str, Any]) -> str:
    """The right answer in words, shown after a wrong one."""
    qtype = question.get("type")
    choices = question.get("choices") or []
    if qtype == "short":
        return plain((question.get("accepted") or [""])[0])
    if qtype == "order":
        return " → ".join(plain(c["text"]) for c in choices)
    return "; ".join(plain(c["text"]) for c in choices if c.get("correct"))


class QuestionCard(QFrame):
    checked = Signal(object)  # the card, after its answer was marked

    def __init__(self, question: dict[str, Any], number: int, total: int, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang
        self.correct: bool | None = None
        self.answer: Any = None
        self.setObjectName("questionCard")
        heading = question_heading(number, total)
        self.prompt = PromptLabel(str(question.get("prompt") or ""), lang)
        self.input = make_input(question)
        self.check_button = QPushButton(_("Check answer"))
        self.check_button.setAccessibleName(
            _("Check answer to question {n}").format(n=format_number(number))
        )
        self.check_button.setEnabled(question.get("type") == "order")
        self.input.changed.connect(self._answer_changed)
        self.check_button.clicked.connect(self.check)
        if isinstance(self.input, ShortInput):
            self.input.submitted.connect(self.check)
        self.feedback = rich_label(name="feedback", accessible=_("Feedback"))
        self.feedback.hide()
        self.save_state = plain_label(name="saveState", accessible=_("Whether the answer is saved"))
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        row.addWidget(self.save_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.prompt)
        layout.addWidget(self.input)
        layout.addLayout(row)
        layout.addWidget(self.feedback)

    def _answer_changed(self) -> None:
        if self.correct is None:
            self.check_button.setEnabled(self.input.response() is not None)

    def response(self) -> Any:
        return self.answer if self.correct is not None else self.input.response()

    def check(self) -> None:
        response = self.input.response()
        if self.correct is not None or response is None:
            return
        self._mark(response)
        set_state(self.save_state, _("Saving…"), failed="false")
        self.checked.emit(self)

    def restore(self, response: Any) -> None:
        """An answer already in the records: shown checked, with its feedback."""
        self.input.set_response(response)
        self._mark(response)
        self.saved()

    def _mark(self, response: Any) -> None:
        self.answer = response
        self.correct = marking.is_correct(self.question, response)
        self.input.set_locked(True)
        self.check_button.setEnabled(False)
        self.check_button.hide()
        self._show_feedback(response)

    def _show_feedback(self, response: Any) -> None:
        notes = marking.feedback(self.question, response)
        if self.correct:
            right = html.escape(_("✓ Right!"))
            parts = [f"<p><b>{right}</b></p>"]
        else:
            parts = [
                "<p><b>{wrong}</b> ".format(wrong=html.escape(_("✗ Not quite.")))
                + html.escape(
                    _("The right answer: {answer}").format(answer=right_answer_text(self.question))
                )
                + "</p>"
            ]
        parts += [rich(note, self.lang) for note in notes]
        set_state(self.feedback, "".join(parts), verdict="right" if self.correct else "wrong")
        self.feedback.setAccessibleDescription(plain(self.feedback.text()))
        self.feedback.show()

    def saved(self, _event: object = None) -> None:
        set_state(self.save_state, _("Saved ✓"), failed="false")

    def not_saved(self, error: str) -> None:
        set_state(self.save_state, _("Not saved: {reason}").format(reason=error), failed="true")


class QuizView(QWidget):
    item_link = Signal(str, str)
    progress_changed = Signal(object)  # ProgressChange after the attempt was recorded
    attempt_saved = Signal(object)  # ProgressChange: the attempt is durable

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ItemView | None = None
        self.cards: list[QuestionCard] = []
        self.attempts = 0
        self.setStyleSheet(quiz_style(getattr(ctx, "text_scale", 1.0) or 1.0))
        self.scroll = page_scroll(self, _("Quiz"))
        self.summary = self._make_summary()

    def _make_summary(self) -> QFrame:
        box = QFrame()
        box.setObjectName("quizSummary")
        self.summary_text = plain_label(name="summaryText", wrap=True, accessible=_("Your score"))
        self.summary_state = plain_label(
            name="saveState", accessible=_("Whether the score is saved")
        )
        self.retry = QPushButton(_("Try again"))
        self.retry.setAccessibleName(_("Try the quiz again"))
        self.retry.clicked.connect(self.restart)
        row = QHBoxLayout()
        row.addWidget(self.summary_state, 1)
        row.addWidget(self.retry)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(18, 14, 18, 14)
        inner.addWidget(self.summary_text)
        inner.addLayout(row)
        return box

    def show_view(self, view: ItemView) -> None:
        self.view = view
        self.attempts = view.quiz.attempts if view.quiz else 0
        self.build(view.resume)

    def build(self, resume: dict[str, Any] | None = None) -> None:
        """The questions, empty, or with the answers of an attempt left half-way."""
        view = self.view
        if view is None:
            return
        resume = resume or {}
        self.setLayoutDirection(direction(view.rtl))
        page, column = centred_column()
        intro = intro_label(
            view.body_html + self._status_html() + self._resume_html(len(resume)),
            _("About this quiz"),
        )
        intro.setObjectName("quizIntro")
        column.addWidget(intro)
        questions = list(view.item.get("questions") or [])
        self.cards = []
        for number, question in enumerate(questions, start=1):
            card = QuestionCard(question, number, len(questions), view.lang)
            card.checked.connect(self._card_checked)
            if str(question.get("id")) in resume:
                card.restore(resume[str(question.get("id"))])
            self.cards.append(card)
            column.addWidget(card)
        self.summary.setParent(None)
        self.summary.hide()
        column.addWidget(self.summary)
        column.addStretch(1)
        self.scroll.setWidget(page)  # the old page is deleted with its cards
        self.scroll.verticalScrollBar().setValue(0)
        if self.cards and all(c.correct is not None for c in self.cards):
            self._finish()  # every answer was saved, the score was not (a crash): save it

    @staticmethod
    def _resume_html(answered: int) -> str:
        if not answered:
            return ""
        text = ngettext(
            "Your answer so far is kept: carry on where you left off.",
            "Your {n} answers so far are kept: carry on where you left off.",
            answered,
        ).format(n=format_number(answered))
        return f"<p><b>{html.escape(text)}</b></p>"

    def _status_html(self) -> str:
        assert self.view is not None
        mark = self.view.pass_mark
        text = _("Pass mark: {mark}%").format(mark=format_number(mark))
        stats = self.view.quiz
        if stats and stats.attempts and stats.best_score is not None:
            text += " · " + _("Your best so far: {score}%").format(
                score=format_number(round(stats.best_score))
            )
            if stats.passed:
                text += " · " + _("passed")
        return f"<p style='color:#57606a'>{html.escape(text)}</p>"

    def _card_checked(self, card: QuestionCard) -> None:
        view = self.view
        if view is None:
            return
        result = {
            "question": str(card.question.get("id")),
            "response": card.response(),
            "correct": bool(card.correct),
            "attempt": self.attempts + 1,
        }
        if self.ctx.profile_id is None:
            card.saved()
        else:
            ops.record_answer(self.ctx, str(view.pack["id"]), str(view.item["id"]), result).success(
                card.saved
            ).failure(card.not_saved).run(self)
        self.scroll.ensureWidgetVisible(card.feedback, 0, 40)
        if all(c.correct is not None for c in self.cards):
            self._finish()

    def _finish(self) -> None:
        view = self.view
        assert view is not None
        questions = [c.question for c in self.cards]
        responses = {str(c.question["id"]): c.response() for c in self.cards}
        score = marking.score(questions, responses)
        mark = view.pass_mark
        right = sum(1 for c in self.cards if c.correct)
        passed = view.passed(score)
        text = _("You scored {score}%: {right} of {total} right.").format(
            score=format_number(round(score)),
            right=format_number(right),
            total=format_number(len(questions)),
        )
        text += " " + (
            _("You passed (pass mark {mark}%).").format(mark=format_number(mark))
            if passed
            else _("Not passed yet: you need {mark}%. Read the explanations and try again.").format(
                mark=format_number(mark)
            )
        )
        self.summary_text.setText(text)
        self.summary.show()
        set_state(self.summary_state, _("Saving your score…"), failed="false")
        self.attempts += 1
        if self.ctx.profile_id is None:
            set_state(self.summary_state, "", failed="false")
            return
        details = {"responses": responses, "right": right, "total": len(questions)}
        ops.record_quiz_attempt(
            self.ctx,
            str(view.pack["id"]),
            str(view.module["id"]),
            str(view.item["id"]),
            score,
            mark,
            details,
        ).success(self._attempt_saved).failure(self._attempt_failed).run(self)
        self.scroll.ensureWidgetVisible(self.summary)

    def _attempt_saved(self, change: ops.ProgressChange) -> None:
        set_state(self.summary_state, _("Your score is saved ✓"), failed="false")
        self.progress_changed.emit(change)
        self.attempt_saved.emit(change)

    def _attempt_failed(self, error: str) -> None:
        set_state(self.summary_state, _("Not saved: {reason}").format(reason=error), failed="true")

    def restart(self) -> None:
        """Retry: fresh, empty questions (order questions shuffled again)."""
        self.build({})
        if self.cards:
            self.cards[0].input.setFocus()

    def set_scale(self, scale: float) -> None:
        self.setStyleSheet(quiz_style(scale))

    def focus_target(self) -> QWidget:
        """The first question still to answer."""
        waiting = [c for c in self.cards if c.correct is None]
        return waiting[0].input if waiting else self.scroll
