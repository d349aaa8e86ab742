"""The quiz editor: questions of every quiz type, right answers ticked, and the pass mark."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QSpinBox, QWidget

from kit.i18n import _
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.questions.form import QuestionsForm
from kit.ui.editor.questions.panel import QUIZ_TYPES


class QuizEditor(QuestionsForm):
    survey = False
    type_labels: ClassVar[dict[str, str]] = QUIZ_TYPES

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(env, parent)
        self.pass_mark = QSpinBox()
        self.pass_mark.setRange(0, 100)
        self.pass_mark.setSuffix(" %")
        self.pass_mark.setAccessibleName(_("Pass mark"))
        self.pass_mark.setToolTip(_("The share of right answers a learner needs to pass"))
        self.pass_mark.setValue(int(self.draft.pass_mark))
        self.pass_mark.valueChanged.connect(self._pass_mark_changed)
        self.header.addRow(_("Pass mark:"), self.pass_mark)
        self.setTabOrder(self.intro, self.pass_mark)  # Tab follows the screen: under it

    def load_header(self) -> None:
        self.pass_mark.setValue(int(self.draft.pass_mark))

    def _pass_mark_changed(self, value: int) -> None:
        if not self._loading:
            self.draft.set_pass_mark(value)
            self._edited()
