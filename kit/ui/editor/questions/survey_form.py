"""The survey editor: sections, scales with their labels and "not applicable", choices,
free text, and the attributes of a needs assessment (skill, dimension, about, show_if)."""

from __future__ import annotations

from typing import ClassVar

from kit.ui.editor.questions.form import QuestionsForm
from kit.ui.editor.questions.panel import SURVEY_TYPES


class SurveyEditor(QuestionsForm):
    survey = True
    type_labels: ClassVar[dict[str, str]] = SURVEY_TYPES
