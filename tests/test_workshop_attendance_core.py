"""The register and check-ins in the core: corrections, paper marks, late, consent."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.records.timeutil import to_text
from kit.core.workshops import Workshop, WorkshopError, Workshops, WorkshopSession
from kit.core.workshops.attendance import ATTENDED, ON_PAPER, CheckIn, is_late, session_now
from kit.core.workshops.register import register_csv, usernames, usernames_wikitext


@pytest.fixture
def records(data_dir: Path):
    with Records(DataDir(data_dir).ensure()) as rec:
        yield rec


@pytest.fixture
def shops(records) -> Workshops:
    return Workshops(records.rdb)


def _shop(shops: Workshops) -> Workshop:
    return shops.save(
        Workshop(
            title="Wiki editing",
            starts="2026-03-14",
            sessions=(
                WorkshopSession(day=1, start="09:00", slot=90, title="Morning"),
                WorkshopSession(day=1, start="13:00", slot=90, title="Afternoon"),
                WorkshopSession(day=2, start="09:00", slot=60, title="Day two"),
            ),
        )
    )


def test_an_unmarked_check_in_is_gone_everywhere_and_the_history_keeps_both(shops) -> None:
    shop = _shop(shops)
    ana = shops.add_participant(shop.id, "Ana", wiki_username="AnaW")
    first = shop.sessions[0].id
    assert shops.check_in(shop.id, first, [ana.id]) == 1
    assert shops.uncheck(shop.id, first, [ana.id]) == 1
    assert shops.uncheck(shop.id, first, [ana.id]) == 0  # nothing more to take back
    assert shops.checkins(shop.id) == [] and usernames(shops, shop) == []
    rows = list(csv.reader(io.StringIO(register_csv(shops, shop))))
    assert rows[1][5:] == ["", "", ""]
    assert [c.verb for c in shops.checkin_history(shop.id)] == [ATTENDED, "unmarked"]
    assert shops.check_in(shop.id, first, [ana.id]) == 1  # back again
    assert usernames(shops, shop) == ["AnaW"]


def test_paper_marks_write_only_the_differences(shops) -> None:
    shop = _shop(shops)
    ana = shops.add_participant(shop.id, "Ana")
    bea = shops.add_participant(shop.id, "Bea")
    s1, s2, _s3 = (s.id for s in shop.sessions)
    shops.check_in(shop.id, s1, [ana.id])
    marks = {(s1, ana.id): True, (s1, bea.id): True, (s2, ana.id): False, (s2, bea.id): False}
    assert shops.mark(shop.id, marks) == 1
    assert len(shops.checkin_history(shop.id)) == 2
    got = {(c.session_id, c.participant_id): c.verb for c in shops.checkins(shop.id)}
    assert got == {(s1, ana.id): ATTENDED, (s1, bea.id): ON_PAPER}
    assert shops.mark(shop.id, {(s1, ana.id): False}) == 1
    assert {c.participant_id for c in shops.checkins(shop.id)} == {bea.id}


def test_a_participant_without_consent_never_has_a_contact_stored(records, shops) -> None:
    shop = _shop(shops)
    ana = shops.add_participant(shop.id, "Ana", contact="ana@example.org")
    assert ana.contact == ""
    kept = shops.update_participant(replace(ana, contact="ana@example.org", consent=True))
    assert shops.participants(shop.id) == [kept] and kept.contact == "ana@example.org"
    shops.update_participant(replace(kept, consent=False))
    rows = records.rdb.query("SELECT consent, contact FROM workshop_participants")
    assert [(r["consent"], r["contact"]) for r in rows] == [(0, "")]


def test_an_edit_is_checked_like_an_add(records, shops) -> None:
    shop = _shop(shops)
    ana = shops.add_participant(shop.id, "Ana")
    with pytest.raises(WorkshopError, match="needs a name"):
        shops.update_participant(replace(ana, name="  "))
    with pytest.raises(WorkshopError, match="no learner profile"):
        shops.update_participant(replace(ana, profile_id="nobody"))
    learner = records.create_profile("Ana")
    linked = shops.update_participant(replace(ana, profile_id=learner.id, new_editor=True))
    assert shops.participants(shop.id) == [linked] and linked.new_editor


def test_late_is_more_than_ten_minutes_after_the_start_at_the_door(shops) -> None:
    shop = _shop(shops)
    afternoon = shop.sessions[1]
    start = datetime(2026, 3, 14, 13, 0).astimezone()

    def at(minutes: int, verb: str = ATTENDED) -> CheckIn:
        return CheckIn("x", afternoon.id, "p", to_text(start + timedelta(minutes=minutes)), verb)

    assert not is_late(shop, afternoon, at(10)) and is_late(shop, afternoon, at(11))
    assert not is_late(shop, afternoon, at(-30)) and not is_late(shop, afternoon, at(90, ON_PAPER))
    assert not is_late(replace(shop, starts=""), afternoon, at(60))


def test_the_session_running_now_is_chosen(shops) -> None:
    shop = _shop(shops)
    morning, afternoon, day_two = shop.sessions

    def now(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 3, day, hour, minute).astimezone()

    assert session_now(shop, now(14, 9, 30)) == morning
    assert session_now(shop, now(14, 11)) == afternoon  # between sessions: the next one
    assert session_now(shop, now(15, 9, 59)) == day_two
    assert session_now(shop, now(20, 9)) == day_two  # after the workshop: the last one
    assert session_now(replace(shop, starts=""), now(14, 13)) == morning


def test_usernames_as_wikitext() -> None:
    assert usernames_wikitext(["AnaW", "Bea B"]) == "* [[User:AnaW|AnaW]]\n* [[User:Bea B|Bea B]]\n"


def test_the_cli_reads_the_latest_verb_too(run_kit, data_dir) -> None:
    with Records(DataDir(data_dir).ensure()) as records:
        shops = Workshops(records.rdb)
        shop = _shop(shops)
        ana = shops.add_participant(shop.id, "Ana", wiki_username="AnaW")
    assert run_kit("workshop", "checkin", "Wiki editing", "1", "Ana")[0] == 0
    with Records(DataDir(data_dir)) as records:
        Workshops(records.rdb).uncheck(shop.id, shop.sessions[0].id, [ana.id])
    code, out, _err = run_kit("workshop", "register", "Wiki editing", "--usernames")
    assert code == 0 and out == ""
    code, out, _err = run_kit("workshop", "checkin", "Wiki editing", "1", "Ana")
    assert out == "Checked in 1 participant; 1 in the session now.\n"
