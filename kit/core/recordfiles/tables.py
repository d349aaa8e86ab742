"""What a records file carries: each table, its columns and their kinds, parents first.

A column's kind says which JSON values it may hold: "text" (a string), "text?" (a
string or null), "int" (an integer), "real?" (a number or null). Local-only columns
(events' seq, profiles' PIN hash and role, name_key recomputed) are never carried.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_TEXT = 70_000  # characters in one value (an event result is at most 64 KiB)


@dataclass(frozen=True)
class CarriedTable:
    name: str
    columns: tuple[tuple[str, str], ...]

    names: tuple[str, ...]
    name_set: frozenset[str]


def _t(name: str, spec: str) -> CarriedTable:
    pairs = []
    for part in spec.split():
        column, _sep, kind = part.partition(":")
        pairs.append((column, kind or "text"))
    names = tuple(c for c, _kind in pairs)
    return CarriedTable(name, tuple(pairs), names, frozenset(names))


# Parents before children: a child row's foreign key must find its parent in the same
# transaction.
TABLES: tuple[CarriedTable, ...] = (
    _t("profiles", "id name colour language created"),
    _t("profile_aliases", "id keep_id other_id at device_id"),
    _t(
        "events",
        "id profile_id object_type object_id:text? pack_id:text? item_id:text? "
        "context:text? verb result at device_id",
    ),
    _t(
        "workshops",
        "id title starts ends place language facilitators description archived:int "
        "created creates_accounts:int materials",
    ),
    _t("workshop_sessions", "id workshop_id position:int day:int start slot:int title"),
    _t(
        "workshop_items",
        "id session_id position:int kind title minutes:int pack_id item_id module_id",
    ),
    _t(
        "workshop_participants",
        "id workshop_id name wiki_username consent:int contact notes profile_id:text? "
        "new_editor:int added",
    ),
    _t("workshop_checkins", "id workshop_id session_id participant_id verb at device_id"),
    _t("workshop_delivered", "id workshop_id session_id item_id started ended device_id"),
    _t(
        "workshop_room_questions",
        "id workshop_id session_id kind pack_id item_id question language asked device_id",
    ),
    _t(
        "workshop_room_responses",
        "id question_id participant_id choice counts at device_id",
    ),
    _t("workshop_prepost", "workshop_id pack_id item_id kind title"),
    _t(
        "workshop_prepost_responses",
        "id workshop_id phase key_kind pair_key answers score:real? day",
    ),
    _t(
        "workshop_feedback",
        "id workshop_id kind session_id survey response_id position:int question qtype "
        "prompt answer",
    ),
    _t("needs_responses", "id pack_id item_id version mode day"),
    _t("needs_answers", "response_id question_id answer"),
)
BY_NAME = {t.name: t for t in TABLES}


def value_ok(kind: str, value: object) -> bool:
    """Whether a JSON `value` fits a column of `kind` (bools are not integers here)."""
    if value is None:
        return kind.endswith("?")
    if kind.startswith("text"):
        return isinstance(value, str) and len(value) <= MAX_TEXT
    if isinstance(value, bool):
        return False
    if kind == "int":
        return isinstance(value, int) and -(2**62) < value < 2**62
    if kind.startswith("real"):
        return isinstance(value, int | float) and value == value and abs(value) < 1e300
    return False
