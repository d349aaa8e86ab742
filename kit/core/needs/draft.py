"""A draft workshop plan from a needs assessment: the modules tagged with the priority
skills, poured in order into the default day template (its breaks and wrap-up kept).

    draft = draft_workshop(results, LibraryContent(library, lang))
    Workshops(rdb).save(draft.workshop)     # then change it in the Plan tab

Pure: the content is asked only for each module's title and minutes (`model.Content`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kit.core.needs.results import Results
from kit.core.needs.survey import NeedsError
from kit.core.workshops.model import (
    PACK,
    AgendaItem,
    Content,
    Workshop,
    WorkshopSession,
    clock_text,
    minutes_of,
    template_day,
)
from kit.i18n import _

MAX_DAYS = 5  # a draft longer than this leaves the rest out (and says so)


@dataclass(frozen=True)
class Draft:
    """The new workshop (not saved), the priority skills it teaches (labels) and the
    titles of modules left out because they did not fit in MAX_DAYS days."""

    workshop: Workshop
    skills: tuple[str, ...]
    left_out: tuple[str, ...]


def draft_items(results: Results, content: Content) -> list[AgendaItem]:
    """One agenda item per installed module tagged with a priority skill, in priority
    order, each module once; titles and minutes from the content."""
    seen: set[tuple[str, str]] = set()
    items = []
    for skill in results.priorities():
        for pack_id, _pack, module_id, _title in results.teaching.get(skill.skill, ()):
            if (pack_id, module_id) in seen:
                continue
            seen.add((pack_id, module_id))
            found = content.resolve(pack_id, "", module_id)
            if found is not None:
                title, minutes = found
                items.append(AgendaItem(PACK, minutes, title, pack_id=pack_id, module_id=module_id))
    return items


def _teaching(session: WorkshopSession) -> bool:
    return not session.items  # the template's breaks and wrap-up come with their items


def _pour(items: list[AgendaItem]) -> tuple[list[WorkshopSession], list[AgendaItem]]:
    """The items in the template's teaching sessions, day after day: an item goes where
    it fits, or alone into an empty session (where it overruns, and the Plan tab says so)."""
    queue = list(items)
    sessions: list[WorkshopSession] = []
    day = 0
    while queue and day < MAX_DAYS:
        day += 1
        for session in template_day(day):
            if _teaching(session):
                placed: list[AgendaItem] = []
                while queue and (
                    not placed or sum(i.minutes for i in placed) + queue[0].minutes <= session.slot
                ):
                    placed.append(queue.pop(0))
                session = replace(session, items=tuple(placed))
            sessions.append(session)
    return _trim_last_day(sessions), queue


def _trim_last_day(sessions: list[WorkshopSession]) -> list[WorkshopSession]:
    """The last day ends after its last filled session, with the wrap-up right after."""
    filled = [n for n, s in enumerate(sessions) if s.items and all(i.kind == PACK for i in s.items)]
    if not filled:
        return []
    wrap = sessions[-1]  # the template's last session is the wrap-up
    kept = sessions[: filled[-1] + 1]
    last = kept[-1]
    end = minutes_of(last.start) + max(last.slot, last.total)
    if end + wrap.slot <= 24 * 60:
        kept.append(replace(wrap, start=clock_text(end)))
    return kept


def draft_workshop(results: Results, content: Content, language: str = "en") -> Draft:
    """A new workshop teaching the priority skills with the installed modules tagged
    with them; NeedsError (one sentence) when there is no score yet or no module."""
    priorities = results.priorities()
    if not priorities:
        raise NeedsError(_("There is no need score yet: record some responses first."))
    items = draft_items(results, content)
    if not items:
        raise NeedsError(
            _("No installed module teaches the priority skills yet, so there is nothing to plan.")
        )
    sessions, rest = _pour(items)
    placed = {(i.pack_id, i.module_id) for i in items[: len(items) - len(rest)]}
    taught = tuple(
        s.label
        for s in priorities
        if any((p, m) in placed for p, _pt, m, _mt in results.teaching.get(s.skill, ()))
    )
    skills = ", ".join(taught)
    shop = Workshop(
        title=_("Draft: skills workshop from {survey}").format(survey=results.survey.title),
        language=language,
        description=_("The priority skills of the needs assessment: {skills}.").format(
            skills=skills
        ),
        sessions=tuple(sessions),
    )
    return Draft(shop, taught, tuple(i.title for i in rest))
