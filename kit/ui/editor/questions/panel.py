"""The form of one question: id, type, prompt, answers, explanation, survey attributes.

A block the form does not understand (written by hand) is shown as its text, editable,
and kept exactly as written until the person changes it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kit.core.authoring.questionform import SECTION, AnswerDraft, DraftBlock, QuestionDraft
from kit.i18n import N_, _
from kit.ui.editor.questions.answers import AnswerList
from kit.ui.editor.questions.attributes import SurveyAttributes
from kit.ui.editor.questions.scales import SCALES, scale_answers

LIKERT = "likert"
QUIZ_TYPES = {
    "single": N_("One right answer"),
    "multiple": N_("Several right answers"),
    "truefalse": N_("True or false"),
    "short": N_("Short typed answer"),
    "order": N_("Put in the right order"),
}
SURVEY_TYPES = {
    "likert": N_("Scale (from one end to the other)"),
    "single": N_("One choice"),
    "multiple": N_("Several choices"),
    "text": N_("Free text"),
    SECTION: N_("Section (groups the questions after it)"),
}
ANSWER_HINTS = {
    "single": N_("Tick the one right answer."),
    "multiple": N_("Tick every right answer."),
    "truefalse": N_("Tick the right one of the two."),
    "short": N_("Ticked: accepted answers. Unticked: known wrong answers, for their explanation."),
    "order": N_(
        "Write the steps in the right order (drag to reorder); learners get them shuffled."
    ),
    "likert": N_("The points of the scale, from one end to the other."),
}


def true_false() -> tuple[str, str]:
    return _("True"), _("False")


def convert(question: QuestionDraft, qtype: str, survey: bool) -> None:
    """Give `question` the type `qtype`, keeping what still fits."""
    question.qtype = qtype
    if qtype in ("text", SECTION):
        question.answers = []
        if qtype == SECTION:
            question.explanation = ""
        return
    if qtype == "truefalse" and len(question.answers) != 2:
        yes, no = true_false()
        question.answers = [AnswerDraft(yes, True), AnswerDraft(no)]
    while len(question.answers) < (1 if qtype == "short" else 2):
        question.answers.append(AnswerDraft(correct=qtype == "short"))
    right = [a for a in question.answers if a.correct]
    for answer in question.answers:
        answer.correct = (not survey and qtype != "order") and answer.correct
        answer.na = answer.na and survey and qtype == "likert"
    if qtype in ("single", "truefalse") and len(right) > 1:
        for answer in right[1:]:
            answer.correct = False
    if survey:
        question.skill = question.skill if qtype == "likert" else ""
        question.dimension = question.dimension if qtype == "likert" else ""
        question.about = question.about and qtype in ("single", "multiple")


class QuestionPanel(QStackedWidget):
    """Shows one DraftBlock; `edited` after every change by the person."""

    edited = Signal()

    def __init__(self, survey: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.survey = survey
        self.block: DraftBlock | None = None
        self.form = QWidget()
        self.qid = QLineEdit()
        self.qid.setAccessibleName(_("Question id"))
        self.qtype = QComboBox()
        self.qtype.setAccessibleName(_("Question type"))
        for key, label in (SURVEY_TYPES if survey else QUIZ_TYPES).items():
            self.qtype.addItem(_(label), key)
        self.prompt = QPlainTextEdit()
        self.prompt.setAccessibleName(_("Question text"))
        self.prompt.setTabChangesFocus(True)
        self.prompt.setMaximumHeight(110)
        self.scale = QComboBox()
        self.scale.setAccessibleName(_("Use a ready scale"))
        self.scale.addItem(_("(type the labels, or pick a ready scale)"), "")
        for key, (label, _points, _na) in SCALES.items():
            self.scale.addItem(_(label), key)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.answers = AnswerList()
        self.explanation = QPlainTextEdit()
        self.explanation.setAccessibleName(_("Explanation shown after any answer"))
        self.explanation.setTabChangesFocus(True)
        self.explanation.setMaximumHeight(80)
        self.attributes = SurveyAttributes() if survey else None
        self.problems = QLabel()
        self.problems.setObjectName("questionProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e")
        for box in (self.qtype, self.scale):  # long names never widen the form
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        layout = QFormLayout(self.form)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.addRow(_("Id:"), self.qid)
        layout.addRow(_("Type:"), self.qtype)
        layout.addRow(_("Question:"), self.prompt)
        layout.addRow(_("Scale:"), self.scale)
        layout.addRow(self.hint)  # a row of its own: the sentence wraps, never under a box
        layout.addRow(_("Answers:"), self.answers)
        layout.addRow(_("Explanation:"), self.explanation)
        if self.attributes is not None:
            layout.addRow(self.attributes)
        layout.addRow(self.problems)
        self.raw_page = QWidget()
        self.raw = QPlainTextEdit()
        self.raw.setAccessibleName(_("The question as written"))
        note = QLabel(
            _(
                "This part was written by hand in a way the form cannot show. "
                "It is kept exactly as written; you may change the text here."
            )
        )
        note.setWordWrap(True)
        self.raw_problems = QLabel()
        self.raw_problems.setWordWrap(True)
        self.raw_problems.setStyleSheet("color: #b3261e")
        raw_layout = QVBoxLayout(self.raw_page)
        raw_layout.addWidget(note)
        raw_layout.addWidget(self.raw, 1)
        raw_layout.addWidget(self.raw_problems)
        self.addWidget(self.form)
        self.addWidget(self.raw_page)
        self.addWidget(QLabel(_("Add a question to start.")))
        self.setCurrentIndex(2)
        self.qid.textEdited.connect(self._id_edited)
        self.qtype.currentIndexChanged.connect(self._type_changed)
        self.prompt.textChanged.connect(self._prompt_edited)
        self.explanation.textChanged.connect(self._explanation_edited)
        self.scale.activated.connect(self._scale_chosen)
        self.answers.edited.connect(self.edited)
        if self.attributes is not None:
            self.attributes.edited.connect(self.edited)
        self.raw.textChanged.connect(self._raw_edited)
        self.on_raw_edited: Callable[[str], None] = lambda text: None
        self.on_rename: Callable[[QuestionDraft, str], None] = lambda q, qid: setattr(q, "qid", qid)

    @property
    def question(self) -> QuestionDraft | None:
        return self.block.question if self.block is not None else None

    def show_block(self, block: DraftBlock | None, earlier: list[QuestionDraft]) -> None:
        self.block = None
        if block is None:
            self.setCurrentIndex(2)
            return
        if block.question is None:
            with QSignalBlocker(self.raw):
                self.raw.setPlainText(block.raw)
            self.setCurrentIndex(1)
            self.block = block
            return
        q = block.question
        self.qid.setText(q.qid)
        with QSignalBlocker(self.qtype):
            self.qtype.setCurrentIndex(max(self.qtype.findData(q.qtype), 0))
        with QSignalBlocker(self.prompt):
            self.prompt.setPlainText(q.prompt)
        with QSignalBlocker(self.explanation):
            self.explanation.setPlainText(q.explanation)
        self.block = block
        self._show_parts(earlier)
        self.setCurrentIndex(0)

    def _show_parts(self, earlier: list[QuestionDraft] | None = None) -> None:
        q = self.question
        assert q is not None
        has_answers = q.qtype not in ("text", SECTION)
        self.answers.show_answers(q.qtype, self.survey, q.answers)
        layout = self.form.layout()
        assert isinstance(layout, QFormLayout)
        layout.setRowVisible(self.explanation, q.qtype != SECTION and not self.survey)
        layout.setRowVisible(self.answers, has_answers)
        layout.setRowVisible(self.scale, self.survey and q.qtype == LIKERT)
        label = layout.labelForField(self.prompt)
        if isinstance(label, QLabel):
            label.setText(_("Introduction:") if q.qtype == SECTION else _("Question:"))
        hinted = has_answers and (not self.survey or q.qtype == LIKERT)
        hint = ANSWER_HINTS.get(q.qtype, "") if hinted else ""
        self.hint.setText(_(hint) if hint else "")
        layout.setRowVisible(self.hint, bool(self.hint.text()))
        if self.attributes is not None and earlier is not None:
            self.attributes.show_question(q, earlier)

    def show_problems(self, messages: list[str]) -> None:
        text = "\n".join("⚠ " + m for m in messages)
        self.problems.setText(text)
        self.problems.setVisible(bool(text))
        self.raw_problems.setText(text)

    # -- edits -------------------------------------------------------------------------
    def _id_edited(self, text: str) -> None:
        if self.question is not None:
            self.on_rename(self.question, text.strip())
            self.edited.emit()

    def _type_changed(self) -> None:
        q = self.question
        if q is None:
            return
        convert(q, str(self.qtype.currentData()), self.survey)
        earlier = self.attributes.earlier if self.attributes is not None else None
        self._show_parts(earlier)
        if self.attributes is not None:
            self.attributes.show_question(q, self.attributes.earlier)
        self.edited.emit()

    def _scale_chosen(self) -> None:
        key = str(self.scale.currentData() or "")
        q = self.question
        with QSignalBlocker(self.scale):
            self.scale.setCurrentIndex(0)
        if q is None or not key:
            return
        q.answers = scale_answers(key)
        self.answers.show_answers(q.qtype, self.survey, q.answers)
        self.edited.emit()

    def _prompt_edited(self) -> None:
        if self.question is not None:
            self.question.prompt = self.prompt.toPlainText().strip()
            self.edited.emit()

    def _explanation_edited(self) -> None:
        if self.question is not None:
            self.question.explanation = self.explanation.toPlainText().strip()
            self.edited.emit()

    def _raw_edited(self) -> None:
        if self.block is not None and self.block.question is None:
            self.on_raw_edited(self.raw.toPlainText())
            self.edited.emit()
