"""A draft workshop plan from a needs assessment (kit.core.needs.draft): the priority
skills' tagged modules in order, poured into the default day's teaching sessions."""

from __future__ import annotations

import pytest
from needs_helpers import needs_item, qid

from kit.core.needs import KIOSK, NeedsError, Response, from_item
from kit.core.needs.draft import MAX_DAYS, draft_workshop
from kit.core.needs.results import compute
from kit.core.workshops.model import DAY_TEMPLATE, PACK

SURVEY = from_item("skills-survey", "1.0.0", needs_item())
# confidence, importance per skill: Q11016 the highest need, then Q11024, then budgeting
RATED = {"Q11016": ("1", "5"), "Q11024": ("2", "5"), "capx:budgeting": ("2", "4")}


def _responses(count: int = 6) -> list[Response]:
    answers = {qid(s, d): v for s, (c, i) in RATED.items() for d, v in (("confidence", c), ("importance", i))}  # fmt: skip
    return [Response(f"{n:032x}", "p", "needs", SURVEY.version, KIOSK, "2026-01-01", answers) for n in range(count)]  # fmt: skip


class Minutes:
    """model.Content over the packs below: each module's title and minutes."""

    def __init__(self, packs: list[dict]) -> None:
        self.modules = {(p["id"], m["id"]): m for p in packs for m in p["modules"]}

    def resolve(self, pack_id: str, item_id: str, module_id: str) -> tuple[str, int] | None:
        found = self.modules.get((pack_id, module_id))
        return None if found is None or item_id else (found["title"], found["minutes"])


def _pack(pack_id: str, *modules: tuple[str, int, list[str]]) -> dict:
    return {
        "id": pack_id,
        "title": pack_id.title(),
        "modules": [{"id": m, "title": f"Module {m}", "minutes": n, "tags": t} for m, n, t in modules],
    }  # fmt: skip


def _agenda(draft) -> list[tuple[str, str, list[str]]]:
    return [
        (s.start, s.title, [i.module_id or i.kind for i in s.items])
        for s in draft.workshop.sessions
    ]


def test_the_priority_skills_modules_in_order_each_once_in_sessions_they_fit() -> None:
    packs = [
        _pack("tech", ("tools", 60, ["Q11016"]), ("both", 45, ["Q11016", "Q11024"])),
        _pack("talk", ("speak", 50, ["Q11024"]), ("money", 30, ["capx:budgeting"])),
        _pack("other", ("unrelated", 30, ["capx:glam"])),
    ]
    results = compute(SURVEY, _responses(), packs)
    assert [s.skill for s in results.priorities()] == ["Q11016", "Q11024", "capx:budgeting"]
    draft = draft_workshop(results, Minutes(packs), "es")
    # Welcome (90): tools 60, "both" (45) does not fit; the break; Late morning (75):
    # both 45, speak (50) does not fit; Lunch; Afternoon (90): speak 50 + money 30;
    # then the wrap-up right after the afternoon's slot.
    assert _agenda(draft) == [
        ("09:00", "Welcome", ["tools"]),
        ("10:30", "Morning break", ["break"]),
        ("10:45", "Late morning", ["both"]),
        ("12:00", "Lunch", ["break"]),
        ("13:00", "Afternoon", ["speak", "money"]),
        ("14:30", "Wrap-up", ["discussion"]),
    ]
    shop = draft.workshop
    assert shop.title == "Draft: skills workshop from Community skills needs"
    assert shop.language == "es" and shop.warnings() == []
    assert draft.skills == ("Technology", "Communication", "Budgeting") and draft.left_out == ()
    assert all(
        i.title.startswith("Module ") for s in shop.sessions for i in s.items if i.kind == PACK
    )


def test_a_module_longer_than_a_slot_goes_alone_and_the_rest_past_the_days_is_left_out() -> None:
    long_ones = [(f"m{n}", 100, ["Q11016"]) for n in range(4 * MAX_DAYS + 2)]
    packs = [_pack("big", *long_ones)]
    draft = draft_workshop(compute(SURVEY, _responses(), packs), Minutes(packs))
    teaching = sum(1 for _t, _s, _m, custom in DAY_TEMPLATE if not custom)
    placed = [i for s in draft.workshop.sessions for i in s.items if i.kind == PACK]
    assert len(placed) == teaching * MAX_DAYS  # one a session, each overrunning its slot
    assert draft.left_out == ("Module m20", "Module m21")
    assert len(draft.workshop.warnings()) == len(placed)
    assert max(s.day for s in draft.workshop.sessions) == MAX_DAYS


def test_no_score_or_no_module_is_one_sentence() -> None:
    packs = [_pack("talk", ("speak", 50, ["capx:glam"]))]
    with pytest.raises(NeedsError, match="record some responses first"):
        draft_workshop(compute(SURVEY, [], packs), Minutes(packs))
    with pytest.raises(NeedsError, match="No installed module teaches the priority skills"):
        draft_workshop(compute(SURVEY, _responses(), packs), Minutes(packs))
