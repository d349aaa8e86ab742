"""The Capacity Exchange (CapX) skills taxonomy: seven groups and their named sub-capacities.

Groups are keyed by their Wikidata QIDs, as CapX keys them. Sub-capacities get stable keys
"capx:<slug>" under their group; their CapX QIDs can be filled in here when online (a QID
tag on a module then matches the same skill), the keys stay valid either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kit.i18n import N_, _

QID_RE = re.compile(r"^Q[1-9][0-9]*$")
KEY_PREFIX = "capx:"

# QID -> N_()-marked label, in the order CapX lists them.
GROUPS: dict[str, str] = {
    "Q759524": N_("Organizational structure"),
    "Q11024": N_("Communication"),
    "Q60231731": N_("Learning and evaluation"),
    "Q28837578": N_("Community health"),
    "Q1413287": N_("Social skill"),
    "Q30673599": N_("Strategic management"),
    "Q11016": N_("Technology"),
}


@dataclass(frozen=True)
class Skill:
    """A group (key a QID, group_key itself) or a sub-capacity (key "capx:slug")."""

    key: str
    label: str  # an N_()-marked msgid; shown_label() translates it
    group_key: str

    def shown_label(self) -> str:
        return _(self.label)

    @property
    def is_group(self) -> bool:
        return self.key == self.group_key


_SUB: tuple[tuple[str, str, str], ...] = (
    ("budgeting", N_("Budgeting"), "Q759524"),
    ("governance", N_("Governance"), "Q759524"),
    ("grant-proposals", N_("Grant proposals"), "Q759524"),
    ("fundraising", N_("Fundraising"), "Q759524"),
    ("project-management", N_("Project management"), "Q759524"),
    ("public-speaking", N_("Public speaking"), "Q11024"),
    ("storytelling", N_("Storytelling"), "Q11024"),
    ("writing", N_("Writing for the wikis"), "Q11024"),
    ("social-media", N_("Social media"), "Q11024"),
    ("translation", N_("Translation"), "Q11024"),
    ("surveys", N_("Surveys"), "Q60231731"),
    ("training", N_("Training"), "Q60231731"),
    ("evaluation", N_("Evaluation and reporting"), "Q60231731"),
    ("research", N_("Research"), "Q60231731"),
    ("conflict-management", N_("Conflict management"), "Q28837578"),
    ("safety", N_("Safe spaces and friendly spaces"), "Q28837578"),
    ("inclusion", N_("Diversity and inclusion"), "Q28837578"),
    ("wellbeing", N_("Volunteer well-being"), "Q28837578"),
    ("facilitation", N_("Facilitation"), "Q1413287"),
    ("mentorship", N_("Mentorship"), "Q1413287"),
    ("leadership", N_("Leadership"), "Q1413287"),
    ("teamwork", N_("Teamwork"), "Q1413287"),
    ("partnerships", N_("Partnerships"), "Q30673599"),
    ("edit-a-thons", N_("Edit-a-thons and events"), "Q30673599"),
    ("glam", N_("GLAM"), "Q30673599"),
    ("strategic-planning", N_("Strategic planning"), "Q30673599"),
    ("education-programs", N_("Education programs"), "Q30673599"),
    ("wikimedia-tools", N_("Wikimedia tools"), "Q11016"),
    ("wikidata", N_("Wikidata"), "Q11016"),
    ("commons", N_("Wikimedia Commons"), "Q11016"),
    ("editing", N_("Editing Wikipedia"), "Q11016"),
    ("data-privacy", N_("Data and privacy"), "Q11016"),
)

_SKILLS: dict[str, Skill] = {key: Skill(key, label, key) for key, label in GROUPS.items()}
_SKILLS.update(
    {KEY_PREFIX + slug: Skill(KEY_PREFIX + slug, label, group) for slug, label, group in _SUB}
)


def skill(key: str) -> Skill | None:
    """The group or sub-capacity with this key, or None for an unknown one."""
    return _SKILLS.get(key)


def group_of(key: str) -> str:
    """The group QID of a known key ("" for an unknown key)."""
    found = _SKILLS.get(key)
    return found.group_key if found else ""


def all_skills() -> tuple[Skill, ...]:
    """Every group, each followed by its sub-capacities, in directory order."""
    out: list[Skill] = []
    for group in GROUPS:
        out.append(_SKILLS[group])
        out.extend(s for s in _SKILLS.values() if s.group_key == group and not s.is_group)
    return tuple(out)


def subskills(group_key: str) -> tuple[Skill, ...]:
    """The sub-capacities of one group."""
    return tuple(s for s in all_skills() if s.group_key == group_key and not s.is_group)


def is_qid(text: str) -> bool:
    return bool(QID_RE.match(text))


def is_skill_tag(text: str) -> bool:
    """Whether a module tag is meant as a skill (a QID or a "capx:" key)."""
    return is_qid(text) or text.startswith(KEY_PREFIX)


def tag_problem(tag: str) -> str | None:
    """Why a skill tag is not in the directory (None: a known key or a QID-shaped string)."""
    if is_qid(tag) or tag in _SKILLS:
        return None
    return (
        f"skill tag '{tag}' is not in the skills directory "
        "(use a Wikidata QID such as Q11024 or a key such as capx:budgeting)"
    )
