"""The text of a new module.yaml and of a new item of each type, as a person would write
them (docs/pack-format.md sections 3-6): a short header, a body that validates and says
what to write there."""

from __future__ import annotations

from kit.core import itemtypes
from kit.core.authoring.outline import scalar
from kit.i18n import _


def module_yaml(module_id: str, title: str) -> str:
    return f"id: {module_id}\ntitle: {scalar(title)}\nitems:\n"


def _header(item_id: str, itype: str, title: str, extra: str = "") -> str:
    return f"---\nid: {item_id}\ntype: {itype}\ntitle: {scalar(title)}\n{extra}---\n"


def _lesson(title: str) -> str:
    return f"# {title}\n\n" + _("Write the lesson here, in Markdown.") + "\n"


def _slides(title: str) -> str:
    return (
        f"# {title}\n\n"
        + _("Write the first slide here.")
        + "\n\n---\n\n# "
        + _("Second slide")
        + "\n\n- "
        + _("One point")
        + "\n- "
        + _("Another point")
        + "\n"
    )


def _activity(title: str) -> str:
    return (
        _("Describe what the learners do, step by step.")
        + "\n\n::: solution\n"
        + _("What a good result looks like.")
        + "\n:::\n"
    )


def _quiz(title: str) -> str:
    return (
        "## q1: single\n"
        + _("Write the question here.")
        + "\n\n- [x] "
        + _("The right answer")
        + "\n- [ ] "
        + _("A wrong answer")
        + "\n"
    )


def _survey(title: str) -> str:
    return (
        "## q1: likert\n"
        + _("This module was useful.")
        + "\n\n- "
        + _("Strongly disagree")
        + "\n- "
        + _("Disagree")
        + "\n- "
        + _("Neutral")
        + "\n- "
        + _("Agree")
        + "\n- "
        + _("Strongly agree")
        + "\n\n## q2: text\n"
        + _("Anything else you want to tell us?")
        + "\n"
    )


_BODIES = {
    itemtypes.LESSON: _lesson,
    itemtypes.SLIDES: _slides,
    itemtypes.ACTIVITY: _activity,
    itemtypes.QUIZ: _quiz,
    itemtypes.SURVEY: _survey,
}
_EXTRA = {itemtypes.ACTIVITY: "minutes: 15\n"}


def item_text(item_id: str, itype: str, title: str) -> str | None:
    """A new item file of type `itype`; None for a type without a template."""
    body = _BODIES.get(itype)
    if body is None:
        return None
    return _header(item_id, itype, title, _EXTRA.get(itype, "")) + body(title)
