"""The parts a workshop report is made of, independent of the format it is written in.

Each area of workshop records (attendance, the agenda as delivered, room quizzes,
pre/post tests, feedback) gives one `Section`; the report (kit.core.workshops.report)
puts them in order and writes them as CSV (one file per table), Markdown, wikitext or
PDF. Figures carry their definition, as grant reports ask; anonymous figures about
fewer than `MIN_GROUP` people are not broken out (`suppressed`).

    Section(
        key="attendance",
        title=_("Attendance"),
        figures=(Figure("participants", _("Participants"), 23, _("People checked in ...")),),
        tables=(Table("sessions", _("Participants per session"), (_("Session"), _("Present")),
                      (("Day 1 09:00 Welcome", 21), ...)),),
        charts=(BarChart(_("Participants per session"), (("09:00", 21), ...)),),
        comments=(),
    )
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_GROUP = 5  # anonymous figures about fewer people than this are not broken out

Cell = str | int | float | None


@dataclass(frozen=True)
class Figure:
    """One headline number: `key` is stable (CSV, tests), `label` and `definition` are
    for readers; `value` None means "not recorded" (or suppressed, see `note`)."""

    key: str
    label: str
    value: int | float | None
    definition: str
    note: str = ""


@dataclass(frozen=True)
class Table:
    """Rows under headers; `key` names its CSV file (report-KEY.csv)."""

    key: str
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class BarChart:
    """Bars (label, value), drawn in the PDF and the app; `unit` e.g. "%" or ""."""

    title: str
    bars: tuple[tuple[str, float], ...]
    unit: str = ""


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    charts: tuple[BarChart, ...] = ()
    comments: tuple[str, ...] = ()  # free-text answers, shown as given (anonymous)
    notes: tuple[str, ...] = field(default=())  # sentences about how figures were made


def suppressed(count: int) -> bool:
    """Whether a group of `count` anonymous respondents is too small to break out."""
    return 0 < count < MIN_GROUP
