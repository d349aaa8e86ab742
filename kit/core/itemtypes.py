"""Item types: the one place that says what each kind of item is and how it behaves.

Everything that depends on an item's type reads it here: the pack format (which header
fields a type takes, its default pass mark), progress (which items count, how a learner
finishes one), the reader ("Mark as done", the type chip), the command line (counts) and
the library (which texts are searched and translated). Adding a type is one entry in
`TYPES`; tests/test_itemtypes.py fails when a type name is compared anywhere else.

The pass decision is `passed(score, pass_mark)`, used by the reader, kit.core.quiz and
the records, so all three always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kit.i18n import N_, _, format_number, ngettext

LESSON = "lesson"
SLIDES = "slides"
QUIZ = "quiz"
ACTIVITY = "activity"
SURVEY = "survey"

DEFAULT_PASS_MARK = 70
"""The pass mark (0-100) of a quiz that does not give its own."""


@dataclass(frozen=True)
class ItemType:
    """One kind of item and its behaviour.

    `label` is marked with N_ (show it with `display_name()`); `counter` returns the
    CLI's "{n} lessons" phrase for a count (through ngettext, not yet formatted).
    """

    name: str
    label: str
    counter: Callable[[int], str]
    counted: bool  # counts towards completing its module
    completable: bool  # the learner finishes it with "Mark as done"
    fields: tuple[str, ...] = ()  # header fields only this type takes
    default_pass_mark: int | None = None  # scored types only

    @property
    def scored(self) -> bool:
        """Whether the item is done by passing (at or above its pass mark), not by completing."""
        return self.default_pass_mark is not None

    def display_name(self) -> str:
        return _(self.label)

    def count_text(self, n: int) -> str:
        """'3 lessons', in the interface language and its number format."""
        return self.counter(n).format(n=format_number(n))


TYPES: dict[str, ItemType] = {
    t.name: t
    for t in (
        ItemType(
            LESSON,
            N_("Lesson"),
            lambda n: ngettext("{n} lesson", "{n} lessons", n),
            counted=True,
            completable=True,
        ),
        ItemType(
            SLIDES,
            N_("Slides"),
            lambda n: ngettext("{n} slide deck", "{n} slide decks", n),
            counted=True,
            completable=True,
        ),
        ItemType(
            QUIZ,
            N_("Quiz"),
            lambda n: ngettext("{n} quiz", "{n} quizzes", n),
            counted=True,
            completable=False,
            fields=("pass_mark",),
            default_pass_mark=DEFAULT_PASS_MARK,
        ),
        ItemType(
            ACTIVITY,
            N_("Activity"),
            lambda n: ngettext("{n} activity", "{n} activities", n),
            counted=True,
            completable=True,
            fields=("kind", "materials"),
        ),
        ItemType(
            SURVEY,
            N_("Survey"),
            lambda n: ngettext("{n} survey", "{n} surveys", n),
            counted=False,  # optional: answered, never required to finish a module
            completable=False,  # completed by sending its answers
            fields=("needs_assessment",),
        ),
    )
}
NAMES: tuple[str, ...] = tuple(TYPES)
# The types that do not count towards their module (counts_towards_progress is False).
UNCOUNTED: frozenset[str] = frozenset(name for name, kind in TYPES.items() if not kind.counted)


def get(name: object) -> ItemType | None:
    """The type called `name`, or None for an unknown one."""
    return TYPES.get(name) if isinstance(name, str) else None


def display_name(name: object) -> str:
    """The type's name in the interface language; an unknown type shows as it is written."""
    kind = get(name)
    return kind.display_name() if kind else str(name or "")


def counts_towards_progress(name: object) -> bool:
    """Whether an item of this type counts towards its module (unknown types do)."""
    kind = get(name)
    return kind.counted if kind else True


def is_completable(name: object) -> bool:
    """Whether the learner finishes an item of this type with "Mark as done"."""
    kind = get(name)
    return bool(kind and kind.completable)


def is_scored(name: object) -> bool:
    """Whether an item of this type is done by passing it (a quiz)."""
    kind = get(name)
    return bool(kind and kind.scored)


def type_fields() -> dict[str, tuple[str, ...]]:
    """Header field -> the types that take it, for fields only some types take."""
    out: dict[str, tuple[str, ...]] = {}
    for kind in TYPES.values():
        for key in kind.fields:
            out[key] = (*out.get(key, ()), kind.name)
    return out


# -- the pass decision ---------------------------------------------------------------


def pass_mark(item: Mapping[str, Any]) -> int | float:
    """An item's pass mark (0-100): its own, else its type's default."""
    value = item.get("pass_mark")
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    kind = get(item.get("type"))
    own = kind.default_pass_mark if kind else None
    return DEFAULT_PASS_MARK if own is None else own


def passed(score: float, pass_mark: float = DEFAULT_PASS_MARK) -> bool:
    """Whether a score (0-100) passes: at or above the pass mark.

    >>> passed(70, 70), passed(69.9, 70)
    (True, False)
    """
    return score >= pass_mark


# -- translatable and searchable texts ------------------------------------------------

TITLE = "title"  # the search index's title column
TEXT = "text"  # the search index's text column


@dataclass(frozen=True)
class TextField:
    """A translatable text of an item.

    `parts` set: a list of entries, each with these fields (`keyed`: entries are matched
    across languages by their "id"). `many`: a list of texts. Otherwise one text.
    `index` names the search column the text goes to; "" keeps it out of search
    (trainer notes, and explanations, which would give answers away).
    """

    key: str
    index: str = ""
    parts: tuple[TextField, ...] = ()
    many: bool = False
    keyed: bool = False


_EXPLANATION = TextField("explanation")
TRANSLATABLE_FIELDS: tuple[TextField, ...] = (
    TextField("title", index=TITLE),
    TextField("summary", index=TEXT),
    TextField("body", index=TEXT),  # lesson, activity, quiz or survey introduction
    TextField("notes"),  # for the trainer
    TextField("slides", parts=(TextField("body", index=TEXT), TextField("notes"))),
    TextField("materials", many=True),
    TextField(
        "questions",  # quiz and survey questions
        keyed=True,
        parts=(
            TextField("prompt", index=TEXT),
            _EXPLANATION,
            TextField("choices", parts=(TextField("text", index=TEXT), _EXPLANATION)),
            TextField("accepted", many=True),
            TextField("answers", parts=(TextField("text"), _EXPLANATION)),
        ),
    ),
)
TRANSLATABLE_KEYS: tuple[str, ...] = tuple(f.key for f in TRANSLATABLE_FIELDS)
"""The item keys a translation provides."""
REPLACED_KEYS: tuple[str, ...] = tuple(f.key for f in TRANSLATABLE_FIELDS if not f.keyed)
"""The translated keys that replace the original whole (keyed lists merge by id)."""


def _plan(fields: tuple[TextField, ...], index: str) -> tuple[tuple[str, Any, bool], ...]:
    """The fields that hold texts for `index`: (key, plan of the parts or None, many)."""
    out: list[tuple[str, Any, bool]] = []
    for f in fields:
        if f.parts:
            parts = _plan(f.parts, index)
            if parts:
                out.append((f.key, parts, False))
        elif f.index == index:
            out.append((f.key, None, f.many))
    return tuple(out)


_PLANS = {index: _plan(TRANSLATABLE_FIELDS, index) for index in (TITLE, TEXT)}


def index_texts(item: Mapping[str, Any], index: str) -> list[str]:
    """The non-empty texts of an item for one search column (TITLE or TEXT), in order.

    The same texts as `texts(item, index)`, without their paths: the install's hot path.
    """
    out: list[str] = []
    _collect(item, _PLANS[index], out)
    return out


def _collect(
    entry: Mapping[str, Any], plan: tuple[tuple[str, Any, bool], ...], out: list[str]
) -> None:
    for key, parts, many in plan:
        value = entry.get(key)
        if not value:
            continue
        if parts is not None:
            if isinstance(value, list):
                for part in value:
                    if isinstance(part, dict):
                        _collect(part, parts, out)
        elif isinstance(value, str):
            out.append(value)
        elif many and isinstance(value, list):
            out += [text for text in value if isinstance(text, str) and text]


def misshapen(entry: Mapping[str, Any]) -> tuple[str, str] | None:
    """The first translatable field of an item that has the wrong shape, as (where, what
    it should be): ("questions/q1/answers/2/text", "text"); None when every one fits.
    Missing fields and None are fine. For checking content from outside (a pack file)."""
    return _misshapen(entry, TRANSLATABLE_FIELDS, "")


def _misshapen(
    entry: Mapping[str, Any], fields: tuple[TextField, ...], prefix: str
) -> tuple[str, str] | None:
    for f in fields:
        value = entry.get(f.key)
        if value is None:
            continue
        where = prefix + f.key
        if f.parts:
            if not isinstance(value, list):
                return where, "a list"
            for n, part in enumerate(value):
                if not isinstance(part, dict):
                    return f"{where}/{n + 1}", "an object"
                found = _misshapen(part, f.parts, f"{where}/{part.get('id', n + 1)}/")
                if found:
                    return found
        elif f.many:
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                return where, "a list of texts"
        elif not isinstance(value, str):
            return where, "text"
    return None


def texts(item: Mapping[str, Any], index: str | None = None) -> Iterator[tuple[str, str]]:
    """(where, text) for every non-empty translatable text of an item, in reading order.

    `where` is a path such as "questions/q1/choices/2/text" (entries by id, else by
    position). With `index`, only the texts that go to that search column.
    """
    yield from _walk(item, TRANSLATABLE_FIELDS, "", index)


def _walk(
    entry: Mapping[str, Any], fields: tuple[TextField, ...], prefix: str, index: str | None
) -> Iterator[tuple[str, str]]:
    for f in fields:
        value = entry.get(f.key)
        where = prefix + f.key
        if f.parts:
            for n, part in enumerate(value if isinstance(value, list) else []):
                if isinstance(part, dict):
                    yield from _walk(part, f.parts, f"{where}/{part.get('id', n)}/", index)
        elif index is None or f.index == index:
            values = value if f.many and isinstance(value, list) else [value]
            for n, text in enumerate(values):
                if isinstance(text, str) and text:
                    yield (f"{where}/{n}" if f.many else where), text
