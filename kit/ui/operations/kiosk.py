"""The question types the kiosk shows (kit.core.workshops.feedback_forms), for screens,
which reach the core only through this layer."""

from kit.core.workshops.feedback_forms import CHOICE, MULTIPLE, SCALE, TEXT, Question

__all__ = ["CHOICE", "MULTIPLE", "SCALE", "TEXT", "Question"]
