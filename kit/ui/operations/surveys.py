"""Conditional survey questions (kit.core.packformat.conditions), for screens, which reach
the core only through this layer: pure functions, no worker needed."""

from kit.core.packformat.conditions import Condition, item_conditions, kept_answers, visible

__all__ = ["Condition", "item_conditions", "kept_answers", "visible"]
