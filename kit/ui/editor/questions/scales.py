"""Ready scales for a survey's likert question: pick one to fill in its labels.

The labels are written in the interface language; the trainer may change any of them.
Importance and confidence end with "not relevant / don't know", as a needs assessment
asks (docs/pack-format.md 6.3).
"""

from __future__ import annotations

from kit.core.authoring.questionform import AnswerDraft
from kit.i18n import N_, _

NA_LABEL = N_("Not relevant / don't know")
SCALES: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "agreement": (
        N_("Agreement (5 points)"),
        (
            N_("Strongly disagree"),
            N_("Disagree"),
            N_("Not sure"),
            N_("Agree"),
            N_("Strongly agree"),
        ),
        False,
    ),
    "importance": (
        N_("Importance (5 points and not relevant)"),
        (
            N_("Not important"),
            N_("Slightly important"),
            N_("Important"),
            N_("Very important"),
            N_("Essential"),
        ),
        True,
    ),
    "confidence": (
        N_("Confidence (5 points and not relevant)"),
        (
            N_("Not at all confident"),
            N_("Slightly confident"),
            N_("Fairly confident"),
            N_("Confident"),
            N_("Very confident"),
        ),
        True,
    ),
    "frequency": (
        N_("How often (5 points)"),
        (N_("Never"), N_("Rarely"), N_("Sometimes"), N_("Often"), N_("Always")),
        False,
    ),
}


def scale_answers(key: str) -> list[AnswerDraft]:
    """The labelled points of a ready scale (and its "not relevant" choice)."""
    _label, points, with_na = SCALES[key]
    answers = [AnswerDraft(_(point)) for point in points]
    if with_na:
        answers.append(AnswerDraft(_(NA_LABEL), na=True))
    return answers
