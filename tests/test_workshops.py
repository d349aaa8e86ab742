"""Workshops in the core: agenda totals and overruns, storage, plan files, register."""

from __future__ import annotations

import csv
import io
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from ui_shell import build_getting_started, prepare

from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import AgendaItem, Workshop, WorkshopError, Workshops, WorkshopSession, plan
from kit.core.workshops.content import LibraryContent
from kit.core.workshops.model import template_day
from kit.core.workshops.register import register_csv, usernames


def _pack_item(item_id: str = "", module_id: str = "", pack_id: str = "getting-started"):
    return AgendaItem(kind="pack", minutes=0, pack_id=pack_id, item_id=item_id, module_id=module_id)


def _plan(content=None) -> Workshop:
    items = (_pack_item("run-a-workshop"), _pack_item(module_id="learning"))
    items = tuple(plan.resolve_item(i, content) for i in items)
    return Workshop(
        title="Wiki editing",
        starts="2026-03-14",
        ends="2026-03-15",
        place="City library",
        language="es",
        facilitators=("Marta", "Ana"),
        description="Two days of editing.\nBring a laptop.",
        sessions=(
            WorkshopSession(day=1, start="09:00", slot=30, title="Start", items=items),
            WorkshopSession(
                day=1, start="10:30", slot=15, items=(AgendaItem(kind="break", minutes=15),)
            ),
            WorkshopSession(
                day=2, start="09:00", slot=60, items=(AgendaItem(kind="hands-on", minutes=45),)
            ),
        ),
    )


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def library(data_dir: Path, packs: Path):
    with Library(prepare(data_dir, [packs])) as lib:
        yield lib


@pytest.fixture
def shops(records):
    return Workshops(records.rdb)


def test_durations_come_from_the_packs_and_totals_add_up(library) -> None:
    shop = _plan(LibraryContent(library))
    start = shop.sessions[0]
    assert [(i.title, i.minutes) for i in start.items] == [
        ("Run a workshop", 6),
        ("Learning with Training Kit", 27),
    ]
    assert start.total == 33 and start.overrun == 3
    assert shop.day_totals() == {1: 48, 2: 45}
    assert shop.warnings() == [
        "Session Start on day 1 runs 3 minutes past its slot (09:00 to 09:30)."
    ]


def test_the_day_template_puts_breaks_on_time() -> None:
    day = template_day(2)
    breaks = [(s.start, s.total) for s in day if s.items and s.items[0].kind == "break"]
    assert breaks == [("10:30", 15), ("12:00", 60), ("14:30", 15)]
    assert all(s.day == 2 for s in day) and day[-1].title == "Wrap-up"
    # Back to back: each session starts where the one before ends.
    assert [s.start for s in day[1:]] == [s.end for s in day[:-1]]


def test_a_saved_workshop_reads_back_the_same_with_its_ids(records, shops) -> None:
    shop = _plan()
    assert shops.save(shop) == shop
    reordered = replace(shop, sessions=shop.sessions[::-1], title="Again")
    assert shops.save(reordered) == reordered
    assert [s.title for s in shops.list_workshops()] == ["Again"]
    assert shops.find(shop.id[:6]).id == shop.id and shops.find("again").id == shop.id


def test_bad_fields_are_refused_with_a_sentence_and_nothing_saved(shops) -> None:
    bad = replace(_plan(), sessions=(WorkshopSession(day=1, start="25:00", slot=10),))
    with pytest.raises(WorkshopError, match="not a time of day like 09:30"):
        shops.save(bad)
    with pytest.raises(WorkshopError, match="not a date like"):
        shops.save(replace(_plan(), starts="14/03/2026"))
    with pytest.raises(WorkshopError, match="needs a title"):
        shops.save(replace(_plan(), title="  "))
    assert shops.list_workshops() == []


def test_duplicate_and_archive(shops) -> None:
    shop = shops.save(_plan())
    copy = shops.duplicate(shop.id)
    assert copy.title == "Wiki editing (copy)" and copy.id != shop.id
    assert [s.total for s in copy.sessions] == [s.total for s in shop.sessions]
    assert not {s.id for s in copy.sessions} & {s.id for s in shop.sessions}
    shops.set_archived(shop.id)
    assert [s.id for s in shops.list_workshops()] == [copy.id]
    assert len(shops.list_workshops(archived=True)) == 2


def test_a_plan_exported_and_imported_in_a_second_data_folder_is_the_same_plan(
    tmp_path: Path, packs: Path
) -> None:
    folders = [prepare(tmp_path / name, [packs]) for name in ("one", "two")]
    with Library(folders[0]) as lib, Records(folders[0]) as rec:
        shop = Workshops(rec.rdb).save(_plan(LibraryContent(lib)))
        text = plan.dump(shop)
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    with Library(folders[1]) as lib, Records(folders[1]) as rec:
        imported = plan.load((tmp_path / "plan.yaml").read_text("utf-8"), LibraryContent(lib))
        assert imported.warnings == []
        again = Workshops(rec.rdb).save(imported.workshop)
    assert again == shop
    assert plan.dump(again) == text


def test_a_plan_naming_a_pack_not_installed_imports_with_a_warning_per_item(library) -> None:
    text = plan.dump(replace(_plan(), sessions=(
        WorkshopSession(day=1, start="09:00", slot=60, items=(
            AgendaItem(kind="pack", minutes=20, pack_id="first-aid", item_id="burns",
                       title="Burns"),
            _pack_item("no-such-item"),
            _pack_item("tour"),
        )),
    )))  # fmt: skip
    imported = plan.load(text, LibraryContent(library))
    assert imported.warnings == [
        "In the plan, item 1 of session 1 refers to first-aid/burns, which is not installed; it is "
        "kept with 20 minutes. Install the pack to use it.",
        "In the plan, item 2 of session 1 refers to getting-started/no-such-item, which is not "
        "installed; it is kept with 0 minutes. Install the pack to use it.",
    ]
    items = imported.workshop.sessions[0].items
    assert [(i.label(), i.minutes) for i in items] == [
        ("Burns", 20),
        ("getting-started/no-such-item", 0),
        ("A quick tour", 5),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title: [unclosed", r"not valid YAML \(line 1\)"),
        ("title: x\n", "not a Training Kit workshop plan"),
        ("- a list\n", "the workshop is not a mapping"),
        ("format: training-kit-workshop\nversion: 9\n", "newer Training Kit"),
        ("format: training-kit-workshop\nversion: 1\ncolour: red\n", "does not know: colour"),
        (
            "format: training-kit-workshop\nversion: 1\nsessions:\n- day: two\n",
            "day of session 1 must be a whole number",
        ),
        (
            "format: training-kit-workshop\nversion: 1\nsessions:\n- items: [{kind: pack}]\n",
            "item 1 of session 1 names no pack",
        ),
        (
            "format: training-kit-workshop\nversion: 1\nfacilitators: [{a: b}]\n",
            "facilitators of the workshop must be a list of names",
        ),
        (
            "format: training-kit-workshop\nversion: 1\narchived: 'yes'\n",
            "archived of the workshop must be true or false",
        ),
    ],
)
def test_a_broken_plan_file_is_one_sentence(text: str, message: str) -> None:
    with pytest.raises(WorkshopError, match=message):
        plan.load(text)


def test_hand_written_times_need_no_quotes() -> None:
    text = "format: training-kit-workshop\nversion: 1\ntitle: T\nsessions:\n- start: 10:30\n"
    assert plan.load(text).workshop.sessions[0].start == "10:30"


def test_contact_is_not_kept_without_consent(records, shops, data_dir: Path) -> None:
    shop = shops.save(_plan())
    shops.add_participant(shop.id, "Ana", contact="ana@example.org")
    shops.add_participant(shop.id, "Bea", contact="bea@example.org", consent=True)
    assert [(p.name, p.contact) for p in shops.participants(shop.id)] == [
        ("Ana", ""),
        ("Bea", "bea@example.org"),
    ]
    raw = Path(DataDir(data_dir).records_db).read_bytes()
    wal = Path(f"{DataDir(data_dir).records_db}-wal")
    raw += wal.read_bytes() if wal.exists() else b""
    assert b"ana@example.org" not in raw and b"bea@example.org" in raw
    # Whatever writes the row, the schema refuses a contact without consent.
    with pytest.raises(sqlite3.IntegrityError), records.rdb.write() as db:
        db.execute(
            "INSERT INTO workshop_participants (id, workshop_id, name, contact, added) "
            "VALUES ('x', ?, 'Eve', 'eve@example.org', '')",
            [shop.id],
        )


def test_check_ins_count_once_and_are_append_only(records, shops) -> None:
    shop = shops.save(_plan())
    ana = shops.add_participant(shop.id, "Ana", wiki_username="AnaW")
    bea = shops.add_participant(shop.id, "Bea")
    first = shop.sessions[0].id
    assert shops.check_in(shop.id, first, [ana.id, bea.id, ana.id]) == 2
    assert shops.check_in(shop.id, first, [ana.id]) == 0
    assert shops.participant(shop.id, "anaw") == ana
    assert len(shops.checkins(shop.id, first)) == 2
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), records.rdb.write() as db:
        db.execute("DELETE FROM workshop_checkins")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"), records.rdb.write() as db:
        db.execute("UPDATE workshop_checkins SET session_id = 'x'")
    assert len(shops.checkins(shop.id)) == 2


def test_register_csv_and_usernames(shops) -> None:
    shop = shops.save(_plan())
    ana = shops.add_participant(shop.id, "Ana", wiki_username="AnaW", new_editor=True)
    shops.add_participant(shop.id, "=cmd()", wiki_username="Never", notes="+1")
    shops.check_in(shop.id, shop.sessions[2].id, [ana.id])
    rows = list(csv.reader(io.StringIO(register_csv(shops, shop))))
    assert rows[0][:5] == ["Name", "Wiki username", "Contact", "New editor", "Notes"]
    assert rows[0][5:] == ["Day 1 09:00 Start", "Day 1 10:30 10:30", "Day 2 09:00 09:00"]
    assert rows[1] == ["'=cmd()", "Never", "", "", "'+1", "", "", ""]
    assert rows[2] == ["Ana", "AnaW", "", "yes", "", "", "", "yes"]
    assert usernames(shops, shop) == ["AnaW"]
    assert usernames(shops, shop, attended_only=False) == ["Never", "AnaW"]


def test_a_check_in_outside_the_workshop_is_refused_and_nothing_recorded(shops) -> None:
    shop = shops.save(_plan())
    other = shops.save(replace(_plan(), id="other", title="Other"))
    ana = shops.add_participant(shop.id, "Ana")
    stranger = shops.add_participant(other.id, "Zoe")
    with pytest.raises(WorkshopError, match="not in this workshop's agenda"):
        shops.check_in(shop.id, other.sessions[0].id, [ana.id])
    with pytest.raises(WorkshopError, match="only participants of this workshop"):
        shops.check_in(shop.id, shop.sessions[0].id, [ana.id, stranger.id])
    assert shops.checkins(shop.id) == [] and shops.checkins(other.id) == []


def test_a_plan_imported_again_as_a_new_workshop_keeps_both(shops) -> None:
    # A copied plan file whose workshop id was removed by hand still has the session
    # and item ids of the first: the second workshop gets ids of its own.
    first = shops.save(_plan())
    text = plan.dump(first).replace(f"id: {first.id}\n", "", 1)
    second = shops.save(replace(plan.load(text).workshop, title="Second"))
    assert second.id != first.id and shops.get(first.id) == first
    assert [s.total for s in second.sessions] == [s.total for s in first.sessions]
    assert not {s.id for s in second.sessions} & {s.id for s in first.sessions}


def test_a_plan_repeating_an_id_by_hand_still_saves_every_entry(shops) -> None:
    twice = AgendaItem(kind="break", minutes=10, id="same")
    shop = replace(_plan(), sessions=(WorkshopSession(day=1, start="09:00", slot=30,
                                                      items=(twice, twice), id="s"),
                                      WorkshopSession(day=1, start="10:00", slot=30, id="s")))  # fmt: skip
    saved = shops.save(shop)
    assert [len(s.items) for s in saved.sessions] == [2, 0]
    assert saved.sessions[0].total == 20 and saved.sessions[0].id == "s"
