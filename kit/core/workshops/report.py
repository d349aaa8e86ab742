"""The workshop report: its head (title, dates, place, facilitators), then one section per
area of records, in order, and the usernames for an event dashboard.

Each area offers a maker `(rdb, shop) -> Section | None` (None: nothing recorded);
`SECTIONS` lists them in report order: attendance, room quizzes and polls, pre/post
tests, feedback, then the agenda as delivered. The writers
(kit.core.workshops.report_writers, and the PDF in kit.ui.workshop.report) turn one
`WorkshopReport` into CSV, Markdown, wikitext or PDF, so every format holds the same numbers.

    report = build_report(records.rdb, Workshops(records.rdb).get(shop_id))
    report.sections[0].figures  # participants, newly registered editors, ...
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from kit.core.records.db import RecordsDB
from kit.core.workshops import feedback, prepost, room
from kit.core.workshops.model import Content, Workshop, resolve_item
from kit.core.workshops.register import usernames
from kit.core.workshops.report_sections import attendance_section, delivery_section
from kit.core.workshops.reportdata import Section
from kit.core.workshops.store import Workshops

Maker = Callable[[RecordsDB, Workshop], Section | None]

SECTIONS: list[Maker] = [
    attendance_section,
    room.section,
    prepost.section,
    feedback.section,
    delivery_section,
]


@dataclass(frozen=True)
class WorkshopReport:
    """What a report says about one workshop, independent of the format."""

    workshop_id: str
    title: str
    starts: str
    ends: str
    place: str
    facilitators: tuple[str, ...]
    language: str
    sections: tuple[Section, ...]
    usernames: tuple[str, ...]  # wiki usernames of those who came, for an event dashboard

    @property
    def dates(self) -> str:
        """ "2026-03-14" or "2026-03-14 – 2026-03-15" ("" when not dated)."""
        if self.ends and self.ends != self.starts:
            return f"{self.starts} – {self.ends}" if self.starts else self.ends
        return self.starts

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)


def build_report(
    rdb: RecordsDB, shop: Workshop, makers: Sequence[Maker] = SECTIONS
) -> WorkshopReport:
    """The report of `shop`: each maker's section in order (those with nothing recorded
    left out)."""
    sections = tuple(s for s in (make(rdb, shop) for make in makers) if s is not None)
    return WorkshopReport(
        workshop_id=shop.id,
        title=shop.title,
        starts=shop.starts,
        ends=shop.ends,
        place=shop.place,
        facilitators=shop.facilitators,
        language=shop.language,
        sections=sections,
        usernames=tuple(usernames(Workshops(rdb), shop)),
    )


def titled(shop: Workshop, content: Content | None) -> Workshop:
    """`shop` with its pack items' titles and minutes from the installed packs (as
    the report names them)."""
    if content is None:
        return shop
    return replace(
        shop,
        sessions=tuple(
            replace(s, items=tuple(resolve_item(i, content) for i in s.items))
            for s in shop.sessions
        ),
    )
