"""A survey question's attributes (docs/pack-format.md 6.3) as fields.

Skill (from the skills directory, or a key typed in) and dimension for a scale; "about the
respondent" for a single or multiple choice; and, for any question or section, "show only
when" an earlier question's answer is one of the ticked choices.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from kit.core.authoring.questionform import SECTION, QuestionDraft, ShowIf
from kit.core.authoring.surveyform import skill_options
from kit.i18n import N_, _

DIMENSION_LABELS = {
    "": N_("(none)"),
    "confidence": N_("Confidence"),
    "importance": N_("Importance"),
}


class SurveyAttributes(QWidget):
    """Edits the attributes of one QuestionDraft; `edited` after every change."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: QuestionDraft | None = None
        self.earlier: list[QuestionDraft] = []
        self.skill = QComboBox()
        self.skill.setEditable(True)
        self.skill.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.skill.setAccessibleName(_("Skill rated"))
        self.skill.addItem(_("(none)"), "")
        for key, label in skill_options():
            self.skill.addItem(f"{label} ({key})", key)
        self.dimension = QComboBox()
        self.dimension.setAccessibleName(_("Dimension"))
        for key, label in DIMENSION_LABELS.items():
            self.dimension.addItem(_(label), key)
        self.about = QCheckBox(_("A question about the respondent (to compare groups)"))
        self.condition = QComboBox()
        self.condition.setAccessibleName(_("Show only when"))
        self.condition_answers = QListWidget()
        self.condition_answers.setAccessibleName(_("Answers that show it"))
        self.condition_answers.setMaximumHeight(110)
        for box in (self.skill, self.dimension, self.condition):  # long names never widen it
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(12)
        self.rows = layout = QFormLayout(self)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(_("Skill rated:"), self.skill)
        layout.addRow(_("Dimension:"), self.dimension)
        layout.addRow("", self.about)
        layout.addRow(_("Show only when:"), self.condition)
        layout.addRow(_("the answer is one of:"), self.condition_answers)
        self.skill.currentIndexChanged.connect(self._changed)
        self.skill.lineEdit().editingFinished.connect(self._changed)
        self.dimension.currentIndexChanged.connect(self._changed)
        self.about.toggled.connect(self._changed)
        self.condition.currentIndexChanged.connect(self._condition_changed)
        self.condition_answers.itemChanged.connect(self._answers_changed)

    def show_question(self, question: QuestionDraft, earlier: list[QuestionDraft]) -> None:
        """Show `question`'s attributes; `earlier`: the questions before it (for show_if)."""
        self.question = None
        self.earlier = [q for q in earlier if q.qtype != SECTION and q.answers]
        likert = question.qtype == "likert"
        for box in (self.skill, self.dimension):
            self.rows.setRowVisible(box, likert)
        self.rows.setRowVisible(self.about, question.qtype in ("single", "multiple"))
        with QSignalBlocker(self.skill):
            index = self.skill.findData(question.skill)
            if index < 0 and question.skill:
                self.skill.addItem(question.skill, question.skill)
                index = self.skill.count() - 1
            self.skill.setCurrentIndex(max(index, 0))
        with QSignalBlocker(self.dimension):
            self.dimension.setCurrentIndex(max(self.dimension.findData(question.dimension), 0))
        with QSignalBlocker(self.about):
            self.about.setChecked(question.about)
        with QSignalBlocker(self.condition):
            self.condition.clear()
            self.condition.addItem(_("(always shown)"), "")
            for q in self.earlier:
                self.condition.addItem(f"{q.qid}: {q.prompt[:50]}", q.qid)
            target = question.show_if.question if question.show_if else ""
            if target and self.condition.findData(target) < 0:
                self.condition.addItem(target, target)
            self.condition.setCurrentIndex(max(self.condition.findData(target), 0))
        self._fill_answers(question.show_if)
        self.question = question

    def _fill_answers(self, show_if: ShowIf | None) -> None:
        target = self.condition.currentData()
        source = next((q for q in self.earlier if q.qid == target), None)
        wanted = set(show_if.answer_in) if show_if else set()
        with QSignalBlocker(self.condition_answers):
            self.condition_answers.clear()
            for n, answer in enumerate(source.answers if source else [], start=1):
                item = QListWidgetItem(f"{n}. {answer.text}")
                item.setData(Qt.ItemDataRole.UserRole, str(n))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if str(n) in wanted else Qt.CheckState.Unchecked
                )
                self.condition_answers.addItem(item)
        self.condition_answers.setEnabled(source is not None)

    def _condition_changed(self) -> None:
        self._fill_answers(None)
        self._answers_changed()

    def _answers_changed(self, *_args: object) -> None:
        q = self.question
        if q is None:
            return
        target = str(self.condition.currentData() or "")
        ticked = [
            str(self.condition_answers.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.condition_answers.count())
            if self.condition_answers.item(n).checkState() == Qt.CheckState.Checked
        ]
        q.show_if = ShowIf(target, tuple(ticked)) if target and ticked else None
        self.edited.emit()

    def set_condition(self, question_id: str, answer_ids: list[str]) -> None:
        """Show only when `question_id`'s answer is one of `answer_ids` (as a person ticks)."""
        self.condition.setCurrentIndex(self.condition.findData(question_id))
        for n in range(self.condition_answers.count()):
            item = self.condition_answers.item(n)
            if item.data(Qt.ItemDataRole.UserRole) in answer_ids:
                item.setCheckState(Qt.CheckState.Checked)

    def set_skill(self, key: str) -> None:
        index = self.skill.findData(key)
        if index >= 0:
            self.skill.setCurrentIndex(index)
        else:
            self.skill.setEditText(key)
            self._changed()

    def _skill_key(self) -> str:
        text = self.skill.currentText().strip()
        data = self.skill.currentData()
        if data is not None and self.skill.itemText(self.skill.currentIndex()) == text:
            return str(data)
        return text  # a key typed in

    def _changed(self, *_args: object) -> None:
        q = self.question
        if q is None:
            return
        likert = q.qtype == "likert"
        q.skill = self._skill_key() if likert else q.skill
        q.dimension = str(self.dimension.currentData() or "") if likert else q.dimension
        if q.qtype in ("single", "multiple"):
            q.about = self.about.isChecked()
        self.edited.emit()
