"""The question types the kiosk shows (kit.core.workshops.feedback_forms), for screens,
which reach the core only through this layer."""

from kit.core.workshops.feedback_forms import CHOICE, MULTIPLE, SCALE, TEXT, Question

# Labelled points in a row, then "not relevant / don't know" (a needs assessment's likert).
LIKERT = "likert"

__all__ = ["CHOICE", "LIKERT", "MULTIPLE", "SCALE", "TEXT", "Question"]
