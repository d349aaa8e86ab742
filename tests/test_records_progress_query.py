"""Progress (of a pack, of a module) and Continue from indexed queries equal those
derived from every event."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import Records, progress, progress_query

PACKS = [
    {
        "id": "first-aid",
        "modules": [
            {
                "id": "burns",
                "items": [
                    {"id": "burns-intro", "type": "lesson"},
                    {"id": "burns-slides", "type": "slides"},
                    {"id": "burns-quiz", "type": "quiz"},
                    {"id": "burns-feedback", "type": "survey"},
                ],
            },
            {
                "id": "cuts",
                "items": [
                    {"id": "cuts-intro", "type": "lesson"},
                    {"id": "cuts-quiz", "type": "quiz"},
                ],
            },
        ],
    },
    {"id": "water", "modules": [{"id": "w", "items": [{"id": "w1", "type": "lesson"}]}]},
]
VERBS = ["viewed", "started", "answered", "completed", "passed", "failed"]


@pytest.mark.parametrize("seed", range(12))
def test_progress_and_continue_equal_those_from_all_events(data_dir: Path, seed: int) -> None:
    rng = random.Random(seed)
    targets = [(p["id"], i) for p in PACKS for m in p["modules"] for i in m["items"]]
    targets.append(("removed-pack", {"id": "gone", "type": "lesson"}))  # not installed
    with Records(DataDir(data_dir)) as records:
        me = records.create_profile("Ana").id
        other = records.create_profile("Ben").id
        for n in range(rng.randrange(0, 60)):
            pack_id, item = rng.choice(targets)
            verb = rng.choice(VERBS)
            if item["type"] != "quiz" and verb in ("passed", "failed"):
                verb = "completed"
            who = other if n % 4 == 3 else me
            result = {"score": 90.0} if verb == "passed" else None
            records.append_event(who, pack_id, item["id"], verb, result)
            if rng.random() < 0.2:
                records.append_object_event(me, "workshop_session", "s1", "attended")
            for profile in (me, other):
                mine = records.events(profile)
                for pack in PACKS:
                    assert records.pack_progress(profile, pack) == progress.pack_progress(
                        pack, mine
                    )
                    for module in pack["modules"]:
                        assert records.module_progress(
                            profile, pack, module["id"]
                        ) == progress.module_progress(pack["id"], module, mine)
                for packs in (PACKS, PACKS[::-1], PACKS[1:]):
                    assert records.continue_point(profile, packs) == progress.continue_point(
                        packs, mine
                    )


def test_continue_walks_back_beyond_one_batch(data_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(progress_query, "WALK_BATCH", 3)
    with Records(DataDir(data_dir)) as records:
        me = records.create_profile("Ana").id
        records.append_event(me, "water", "w1", "viewed")
        for item in ("burns-intro", "burns-slides", "cuts-intro"):
            records.append_events(me, "first-aid", item, [("viewed", None)] * 4)
            records.append_event(me, "first-aid", item, "completed")
        records.append_events(me, "first-aid", "burns-quiz", [("passed", {"score": 95.0})] * 3)
        records.append_event(me, "first-aid", "cuts-quiz", "passed", {"score": 80.0})
        point = records.continue_point(me, PACKS)
        assert point == progress.continue_point(PACKS, records.events(me))
        assert point is not None and (point.pack_id, point.item_id) == ("water", "w1")


def test_progress_after_an_update_removed_items_equals_that_from_all_events(
    data_dir: Path,
) -> None:
    """Events of items a newer version no longer lists, or that do not count, change
    nothing; the latest event of each listed item still does (one query for the pack)."""
    items = [{"id": f"l{n}", "type": "lesson"} for n in range(40)]
    old = {"id": "big", "modules": [{"id": "m", "items": items}]}
    new = {
        "id": "big",
        "modules": [
            {"id": "m", "items": [*items[:30], {"id": "survey", "type": "survey"}]},
            {"id": "n", "items": [{"id": "l35", "type": "lesson"}]},
        ],
    }
    with Records(DataDir(data_dir)) as records:
        me = records.create_profile("Ana").id
        for n in range(0, 40, 3):
            records.append_events(me, "big", f"l{n}", [("viewed", None)] * 3)
            if n % 2:
                records.append_event(me, "big", f"l{n}", "completed")
        records.append_event(me, "big", "survey", "completed")
        records.append_event(me, "other", "l1", "completed")
        mine = records.events(me)
        for pack in (old, new):
            got = records.pack_progress(me, pack)
            assert got == progress.pack_progress(pack, mine)
        assert [m.done for m in records.pack_progress(me, new)] == [5, 0]


def test_continue_over_many_packs_equals_that_from_all_events(data_dir: Path) -> None:
    """Continue works out only the packs it looks at; the answer is the same as from every
    event, with events on packs and items the library does not list (any more)."""
    rng = random.Random(7)
    packs = [
        {
            "id": f"p{n}",
            "modules": [
                {"id": f"m{n}", "items": [{"id": f"p{n}i{k}", "type": "lesson"} for k in range(5)]}
            ],
        }
        for n in range(50)
    ]
    with Records(DataDir(data_dir)) as records:
        me = records.create_profile("Ana").id
        for _n in range(80):
            n, k = rng.randrange(60), rng.randrange(6)  # p50.. and i5 are not listed
            verb = rng.choice(["viewed", "completed"])
            records.append_event(me, f"p{n}", f"p{n}i{k}", verb)
            mine = records.events(me)
            for listed in (packs, packs[::-1], packs[10:20]):
                assert records.continue_point(me, listed) == progress.continue_point(listed, mine)
