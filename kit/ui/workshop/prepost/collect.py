"""Pass-the-laptop answers to a workshop's pre-test or post-test.

Three screens in turn: who is answering (a learner profile, with its PIN when it has
one, or a code the respondent makes up), the questions (the reader's answer inputs, no
marking shown), and a neutral thank-you that shows nothing anyone answered; "Next person"
starts again with empty fields. Each respondent's answers are kept (durably) before the
thank-you appears; a refusal is said on the screen and the answers stay for a retry.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kit.core import itemtypes
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations import prepost as ops
from kit.ui.reader.layout import question_heading, quiz_style
from kit.ui.reader.questions import AnswerInput, PromptLabel
from kit.ui.reader.quiz import make_input
from kit.ui.reader.survey import make_survey_input
from kit.ui.widgets.plain import plain_label

START, QUESTIONS, THANKS = range(3)
W = TypeVar("W", bound=QWidget)


def _big(label: W, factor: float = 1.6) -> W:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    label.setFont(font)
    return label


def phase_title(phase: str) -> str:
    return _("Pre-test") if phase == "pre" else _("Post-test")


class CollectView(QStackedWidget):
    """Answers of one phase from one respondent after another; `stopped` when the
    facilitator ends the round."""

    stopped = Signal()
    kept = Signal(object)  # {"pre": n, "post": m} after each respondent

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.state: ops.PrePostState | None = None
        self.phase = "pre"
        self.inputs: dict[str, AnswerInput] = {}
        self.who: ops.Respondent | None = None
        self.addWidget(self._start_page())
        self.addWidget(self._questions_page())
        self.addWidget(self._thanks_page())

    # -- screens ---------------------------------------------------------------

    def _start_page(self) -> QWidget:
        page = QWidget()
        self.start_title = _big(plain_label(name="prepostPhase", wrap=True), 2.0)
        ask = _big(plain_label(_("Who is answering?"), wrap=True), 1.3)
        self.by_profile = QRadioButton(_("My learner profile"))
        self.by_code = QRadioButton(_("A code I make up"))
        self.by_code.setChecked(True)
        self.profile = QComboBox()
        self.profile.setAccessibleName(_("Learner profile"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(_("PIN"))
        self.pin.setAccessibleName(_("PIN"))
        self.code = QLineEdit()
        self.code.setAccessibleName(_("Your code"))
        self.code.setMaxLength(40)
        hint = plain_label(
            _(
                "Make up a code you will remember, e.g. your initials and your birth day "
                "(MJ14), and type the same code for the post-test. The results never show it."
            ),
            wrap=True,
        )
        self.start_button = QPushButton(_("Start"))
        self.start_button.setDefault(True)
        self.stop_button = QPushButton(_("Stop collecting"))
        self.start_error = plain_label(name="prepostError", wrap=True)
        self.start_error.setStyleSheet("color: #b00020;")
        for edit in (self.code, self.pin, self.profile, self.by_code, self.by_profile):
            _big(edit, 1.3)  # typed by each respondent in turn: easy to read
        for edit in (self.code, self.pin):
            edit.returnPressed.connect(self.start)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.by_profile.toggled.connect(self._who_changed)
        self.profile.currentIndexChanged.connect(self._who_changed)
        layout = QVBoxLayout(page)
        layout.addWidget(self.start_title)
        layout.addWidget(ask)
        layout.addWidget(self.by_code)
        layout.addWidget(self.code)
        layout.addWidget(hint)
        layout.addWidget(self.by_profile)
        row = QHBoxLayout()
        row.addWidget(self.profile, 2)
        row.addWidget(self.pin, 1)
        layout.addLayout(row)
        layout.addWidget(self.start_error)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return page

    def _questions_page(self) -> QWidget:
        page = QWidget()
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.submit_button = QPushButton(_("Submit my answers"))
        self.scroll.setStyleSheet(quiz_style(getattr(self.ctx, "text_scale", 1.0) or 1.0))
        self.back_button = QPushButton(_("Cancel"))  # this respondent's answers are dropped
        self.submit_error = plain_label(name="prepostSubmitError", wrap=True)
        self.submit_error.setStyleSheet("color: #b00020;")
        self.submit_button.clicked.connect(self.submit)
        self.back_button.clicked.connect(self.next_person)
        layout = QVBoxLayout(page)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.submit_error)
        row = QHBoxLayout()
        row.addWidget(self.submit_button)
        row.addStretch(1)
        row.addWidget(self.back_button)
        layout.addLayout(row)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        thanks = _big(
            plain_label(
                _("Thank you! Your answers are kept. Please pass the laptop on."),
                name="prepostThanks",
                wrap=True,
            ),
            2.0,
        )
        thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = QPushButton(_("Next person"))
        self.next_button.clicked.connect(self.next_person)
        done = QPushButton(_("Stop collecting"))
        done.clicked.connect(self.stop)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(thanks)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.next_button)
        row.addWidget(done)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return page

    # -- flow ------------------------------------------------------------------

    def begin(self, state: ops.PrePostState, phase: str) -> None:
        """Collect `phase` answers to `state`'s test, from the start screen."""
        self.state, self.phase = state, phase
        self.start_title.setText(
            _("{phase}: {title}").format(phase=phase_title(phase), title=state.title)
        )
        self.profile.clear()
        for profile_id, name, has_pin in state.profiles:
            self.profile.addItem(name, (profile_id, has_pin))
        self.by_profile.setEnabled(bool(state.profiles))
        self.next_person()

    def next_person(self) -> None:
        """The start screen, emptied: nothing of the last respondent is left."""
        self.who = None
        self.code.clear()
        self.pin.clear()
        self.start_error.clear()
        self.by_code.setChecked(True)
        self._clear_questions()
        self._who_changed()
        self.setCurrentIndex(START)
        self.code.setFocus()

    def _who_changed(self) -> None:
        data = self.profile.currentData()
        profile = self.by_profile.isChecked()
        self.code.setEnabled(not profile)
        self.profile.setEnabled(profile)
        self.pin.setEnabled(profile and bool(data and data[1]))

    def _respondent(self) -> ops.Respondent:
        if self.by_profile.isChecked() and self.profile.currentData():
            profile_id, has_pin = self.profile.currentData()
            return ops.Respondent(profile_id=profile_id, pin=self.pin.text() if has_pin else None)
        return ops.Respondent(code=self.code.text())

    def start(self) -> None:
        if self.state is None or self.currentIndex() != START:
            return
        who = self._respondent()
        self.start_button.setEnabled(False)
        op = ops.check(self.ctx, self.state.workshop_id, self.phase, who)
        op.success(lambda _none: self._show_questions(who)).failure(self._start_failed).run(self)

    def _start_failed(self, error: str) -> None:
        self.start_button.setEnabled(True)
        self.pin.clear()
        self.start_error.setText(error)

    def _show_questions(self, who: ops.Respondent) -> None:
        self.start_button.setEnabled(True)
        self.who = who
        self.code.clear()
        self.pin.clear()
        instrument = self.state.instrument if self.state else None
        questions = list(instrument.questions) if instrument else []
        quiz = instrument is not None and instrument.kind == itemtypes.QUIZ
        lang = (instrument.lang if instrument else "") or "en"
        body = QWidget()
        column = QVBoxLayout(body)
        self.inputs = {}
        for number, question in enumerate(questions, 1):
            card = QFrame()
            card.setObjectName("questionCard")
            inner = QVBoxLayout(card)
            inner.addWidget(question_heading(number, len(questions)))
            inner.addWidget(PromptLabel(str(question.get("prompt") or ""), lang))
            box = make_input(question) if quiz else make_survey_input(question)
            self.inputs[str(question["id"])] = box
            inner.addWidget(box)
            column.addWidget(card)
        column.addStretch(1)
        self.scroll.setWidget(body)
        self.submit_error.clear()
        self.submit_button.setEnabled(True)
        self.setCurrentIndex(QUESTIONS)
        self.submit_button.setFocus()
        if self.inputs:
            next(iter(self.inputs.values())).setFocus()

    def answers(self) -> dict[str, Any]:
        given = {qid: box.response() for qid, box in self.inputs.items()}
        return {qid: value for qid, value in given.items() if value is not None}

    def submit(self) -> None:
        if self.state is None or self.who is None:
            return
        self.submit_button.setEnabled(False)
        op = ops.answer(self.ctx, self.state.workshop_id, self.phase, self.who, self.answers())
        op.success(self._kept).failure(self._submit_failed).run(self)

    def _kept(self, counts: dict[str, int]) -> None:
        self.who = None
        self._clear_questions()
        self.setCurrentIndex(THANKS)
        self.next_button.setFocus()
        self.kept.emit(counts)

    def _submit_failed(self, error: str) -> None:
        self.submit_button.setEnabled(True)
        self.submit_error.setText(_("Not kept: {reason}").format(reason=error))

    def _clear_questions(self) -> None:
        self.inputs = {}
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()

    def stop(self) -> None:
        self.next_person()
        self.stopped.emit()
