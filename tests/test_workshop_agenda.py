"""Agenda edits (kit.core.workshops.agenda) and `kit workshop agenda ...` through the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from ui_shell import build_getting_started, prepare

from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.workshops import Workshop, WorkshopError, agenda, template_day
from kit.core.workshops.content import LibraryContent


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def content(data_dir: Path, packs: Path):
    prepare(data_dir, [packs])
    with Library(DataDir(data_dir)) as library:
        yield LibraryContent(library)


def titles(shop: Workshop) -> list[list[str]]:
    return [[i.label() for i in s.items] for s in shop.sessions]


def test_add_move_and_remove_items_within_and_between_sessions(content) -> None:
    shop = Workshop(title="W", sessions=template_day(1)[:3])
    first, second, third = (s.id for s in shop.sessions)
    shop = agenda.add_item(shop, first, agenda.pack_item(content, "getting-started/learning"))
    shop = agenda.add_item(shop, first, agenda.pack_item(content, "getting-started/tour"))
    shop = agenda.add_item(shop, first, agenda.custom_item("discussion", 20, "Questions"), 0)
    assert titles(shop)[0] == ["Questions", "Learning with Training Kit", "A quick tour"]
    assert [i.minutes for i in shop.sessions[0].items] == [20, 27, 5]
    tour = shop.sessions[0].items[2].id
    moved = agenda.move_item(shop, tour, first, 0)
    assert titles(moved)[0] == ["A quick tour", "Questions", "Learning with Training Kit"]
    # A drop's index counts the rows before the move: 3 is "after the last".
    assert titles(agenda.move_item(moved, tour, first, 3))[0] == titles(shop)[0]
    across = agenda.move_item(shop, tour, second, 0)
    assert titles(across)[1] == ["A quick tour", "Break"] and len(titles(across)[0]) == 2
    assert titles(agenda.move_item(across, tour, third, 0))[1:] == [["Break"], ["A quick tour"]]
    assert titles(agenda.remove_item(across, tour))[1] == ["Break"]
    assert titles(shop)[1] == ["Break"]  # the original is untouched (frozen)


def test_alt_arrow_steps_cross_session_edges_and_stop_at_the_ends(content) -> None:
    shop = Workshop(title="W", sessions=template_day(1)[:2])
    first = shop.sessions[0].id
    shop = agenda.add_item(shop, first, agenda.custom_item("hands-on", 30))
    item = shop.sessions[0].items[0].id
    assert agenda.step_item(shop, item, -1) == shop  # first of the agenda: stays
    down = agenda.step_item(shop, item, 1)
    assert titles(down) == [[], ["Hands-on time", "Break"]]
    down = agenda.step_item(down, item, 1)
    assert titles(down) == [[], ["Break", "Hands-on time"]]
    assert agenda.step_item(down, item, 1) == down
    assert titles(agenda.step_item(agenda.step_item(down, item, -1), item, -1)) == [
        ["Hands-on time"],
        ["Break"],
    ]


def test_sessions_days_and_changed_minutes_show_in_totals_and_warnings(content) -> None:
    shop = Workshop(title="W", sessions=agenda.days(1))
    assert agenda.add_day(shop).day_totals() == {1: 105, 2: 105}
    shop = agenda.add_session(shop, 1, "16:00", 30, "Evening")
    assert [s.title for s in shop.sessions][-2:] == ["Wrap-up", "Evening"]
    evening = shop.sessions[-1].id
    shop = agenda.add_item(shop, evening, agenda.pack_item(content, "getting-started/first-pack"))
    assert shop.warnings() == [
        "Session Evening on day 1 runs 15 minutes past its slot (16:00 to 16:30)."
    ]
    pack_item = shop.sessions[-1].items[0].id
    shop = agenda.set_item(shop, pack_item, minutes=30)
    assert shop.warnings() == [] and shop.day_totals() == {1: 135}
    with pytest.raises(WorkshopError, match="keeps the pack's title"):
        agenda.set_item(shop, pack_item, title="Mine")
    lunch = shop.sessions[3].items[0].id
    shop = agenda.set_item(shop, lunch, minutes=45, title="Long lunch")
    assert shop.sessions[3].items[0].label() == "Long lunch" and shop.sessions[3].total == 45
    shop = agenda.set_session(shop, evening, slot=20, title="Late")
    assert "Session Late on day 1 runs 10 minutes" in shop.warnings()[0]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s, c: agenda.pack_item(c, "getting-started"), "write PACK/ITEM or PACK/MODULE"),
        (lambda s, c: agenda.pack_item(c, "nope/tour"), "have no item or module nope/tour"),
        (lambda s, c: agenda.custom_item("lecture", 10), "not a kind of custom item"),
        (lambda s, c: agenda.custom_item("break", 2000), "0 to 1440 minutes"),
        (lambda s, c: agenda.add_session(s, 0, "09:00", 10), "a day from 1"),
        (lambda s, c: agenda.add_session(s, 1, "9h", 10), "not a time of day"),
        (lambda s, c: agenda.remove_item(s, "gone"), "not in this workshop's agenda"),
        (lambda s, c: agenda.days(31), "1 to 30 days"),
    ],
)
def test_bad_edits_are_refused_in_one_sentence(content, edit, message) -> None:
    shop = Workshop(title="W", sessions=template_day(1))
    with pytest.raises(WorkshopError, match=message):
        edit(shop, content)


def test_pack_items_the_library_lacks_are_marked_missing(content) -> None:
    shop = Workshop(title="W", sessions=template_day(1)[:1])
    session = shop.sessions[0].id
    shop = agenda.add_item(shop, session, agenda.pack_item(content, "getting-started/tour"))
    pause = agenda.custom_item("break", 5)
    shop = agenda.add_item(shop, session, pause)
    lost = replace(shop.sessions[0].items[0], pack_id="first-aid", id="lost")
    shop = agenda.add_item(shop, session, lost)
    marked = agenda.mark_missing(shop, content)
    assert [i.missing for i in marked.sessions[0].items] == [False, False, True]
    assert marked.sessions[0].items[2].minutes == 5  # the planned minutes stay
    tour = replace(shop.sessions[0].items[0], title="", minutes=12)  # a plan file's entry
    untitled = Workshop(title="W", sessions=(replace(shop.sessions[0], items=(tour,)),))
    (item,) = agenda.mark_missing(untitled, content).sessions[0].items
    assert (item.label(), item.minutes, item.missing) == ("A quick tour", 12, False)


# -- the command line -------------------------------------------------------------------


def _new(run_kit, *more: str) -> str:
    code, out, err = run_kit("workshop", "new", "Wiki editing", *more, "--json")
    assert code == 0, err
    return json.loads(out)["id"]


def _show(run_kit) -> dict:
    code, out, err = run_kit("workshop", "show", "Wiki editing", "--json")
    assert code == 0, err
    return json.loads(out)


def test_cli_adds_moves_removes_and_adds_a_day(run_kit, data_dir: Path, packs: Path) -> None:
    prepare(data_dir, [packs])
    _new(run_kit)
    add = ("workshop", "agenda", "add", "Wiki editing")
    code, out, err = run_kit(*add, "1", "getting-started/learning")
    assert (code, err) == (0, "")
    assert out == "Added Learning with Training Kit (27 min) to Welcome.\n"
    assert run_kit(*add, "Welcome", "getting-started/tour", "--at", "1")[0] == 0
    code, out, _err = run_kit(*add, "1", "--kind", "hands-on", "--minutes", "60", "--json")
    shown = json.loads(out)
    assert [i.get("item") or i.get("module") for i in shown["sessions"][0]["items"]] == [
        "tour",
        "learning",
        None,
    ]
    assert shown["sessions"][0]["total"] == 92 and len(shown["warnings"]) == 1
    code, out, _err = run_kit("workshop", "agenda", "move", "Wiki editing", "1", "3", "3")
    assert code == 0 and out.startswith("Moved Hands-on time to Late morning.\n")
    assert "Warning: " not in out
    code, out, _err = run_kit(
        "workshop", "agenda", "move", "Wiki editing", "1", "2", "1", "--at", "1"
    )
    assert code == 0
    assert [i["title"] for i in _show(run_kit)["sessions"][0]["items"]] == [
        "Learning with Training Kit",
        "A quick tour",
    ]
    code, out, _err = run_kit("workshop", "agenda", "remove", "Wiki editing", "1", "1")
    assert out == "Removed Learning with Training Kit from Welcome.\n"
    code, out, _err = run_kit("workshop", "agenda", "day", "Wiki editing")
    assert out == "Added day 2 from the day template.\n"
    shown = _show(run_kit)
    assert shown["day_totals"] == {"1": 170, "2": 105} and len(shown["sessions"]) == 16


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("add", "Wiki editing", "1", "nope/item"),
         "The installed packs have no item or module nope/item.\n"),
        (("add", "Wiki editing", "1"), "Give either PACK/ITEM or --kind with --minutes.\n"),
        (("add", "Wiki editing", "1", "--kind", "break"), "A custom item needs --minutes.\n"),
        (("add", "Wiki editing", "1", "--kind", "nap", "--minutes", "5"),
         "nap is not a kind of custom item; use one of break, discussion, hands-on.\n"),
        (("add", "Wiki editing", "99", "--kind", "break", "--minutes", "5"),
         "The workshop Wiki editing has no session 99.\n"),
        (("remove", "Wiki editing", "1", "1"), "The session Welcome has no item 1.\n"),
        (("move", "Wiki editing", "2", "1", "1", "--at", "0"), "Places count from 1.\n"),
        (("day", "Nope"), "There is no workshop Nope.\n"),
    ],
)  # fmt: skip
def test_cli_refusals_are_one_sentence_and_change_nothing(
    run_kit, data_dir: Path, packs: Path, args, message
) -> None:
    prepare(data_dir, [packs])
    _new(run_kit)
    before = _show(run_kit)
    code, out, err = run_kit("workshop", "agenda", *args)
    assert (code, out, err) == (1, "", message)
    assert _show(run_kit) == before
