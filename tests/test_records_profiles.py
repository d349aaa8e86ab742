"""Profiles, PINs (hashed, throttled across restarts) and isolation between learners."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import (
    PinLocked,
    ProfileNotFound,
    Records,
    RecordsError,
    WrongPin,
)
from kit.core.records.pins import MAX_LOCK_SECONDS, lock_seconds, normalize_pin
from tests.fake_clock import FakeClock


def test_create_list_rename_and_names_unique_ignoring_case(records: Records) -> None:
    ana = records.create_profile("  Ana  ", colour="#AA0000", language="es")
    records.create_profile("bruno")
    assert (ana.name, ana.colour, ana.language, ana.has_pin) == ("Ana", "#aa0000", "es", False)
    assert [p.name for p in records.list_profiles()] == ["Ana", "bruno"]
    with pytest.raises(RecordsError, match="already a profile called ANA"):
        records.create_profile("ANA")
    with pytest.raises(RecordsError, match="already a profile called Bruno"):
        records.rename_profile(ana.id, "Bruno")
    renamed = records.rename_profile(ana.id, "Ana María")
    assert records.profile(ana.id).name == renamed.name == "Ana María"
    assert records.update_profile(ana.id, language="fr").language == "fr"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "   "}, "needs a name"),
        ({"name": "x" * 41}, "at most 40"),
        ({"name": "a\x00b"}, "control characters"),
        ({"name": "Ana", "colour": "red"}, "written like"),
        ({"name": "Ana", "pin": "12345"}, "exactly 4 digits"),
        ({"name": "Ana", "pin": "12a4"}, "exactly 4 digits"),
        ({"name": "Ana", "language": "../etc"}, "not a language code"),
    ],
)
def test_bad_profile_values_are_refused_with_a_sentence(
    records: Records, kwargs: dict, message: str
) -> None:
    with pytest.raises(RecordsError, match=message):
        records.create_profile(**kwargs)
    assert records.list_profiles() == []


def test_pin_is_stored_only_as_a_salted_hash(records: Records, data_dir: Path) -> None:
    a = records.create_profile("Ana", pin="4821")
    b = records.create_profile("Bea", pin="4821")
    raw = (data_dir / "records.db").read_bytes()
    for wal in data_dir.glob("records.db-wal"):
        raw += wal.read_bytes()
    assert b"4821" not in raw
    conn = sqlite3.connect(data_dir / "records.db")
    hashes = dict(conn.execute("SELECT id, pin_hash FROM profiles").fetchall())
    conn.close()
    assert hashes[a.id].startswith("scrypt$") and hashes[a.id] != hashes[b.id]  # salted
    assert "4821" not in hashes[a.id]
    records.check_pin(a.id, "4821")
    records.check_pin(a.id, "４８２１")  # full-width digits are the same PIN
    assert normalize_pin("٤٨٢١") == "4821"  # so are Arabic-Indic ones


def test_wrong_pins_lock_and_the_lock_survives_reopening(
    records: Records, data_dir: Path, clock: FakeClock
) -> None:
    ana = records.create_profile("Ana", pin="1234")
    for _ in range(3):
        with pytest.raises(WrongPin, match=r"^That PIN is not right\.$"):
            records.check_pin(ana.id, "0000")
    with pytest.raises(PinLocked, match=r"Too many wrong PINs; try again in 2 seconds\."):
        records.check_pin(ana.id, "1234")  # even the right PIN waits
    records.close()

    with Records(DataDir(data_dir), clock=clock, uptime=clock.uptime) as reopened:
        with pytest.raises(PinLocked) as locked:
            reopened.check_pin(ana.id, "1234")
        assert locked.value.seconds == reopened.pin_wait_seconds(ana.id) == 2
        clock.advance(2)
        with pytest.raises(WrongPin):
            reopened.check_pin(ana.id, "9999")
        assert reopened.pin_wait_seconds(ana.id) == 4  # doubles
        clock.advance(4)
        reopened.check_pin(ana.id, "1234")  # right: the count starts again
        for _ in range(3):
            with pytest.raises(WrongPin):
                reopened.check_pin(ana.id, "0000")
        assert reopened.pin_wait_seconds(ana.id) == 2


def test_lock_is_capped_and_a_clock_set_back_does_not_extend_it(
    records: Records, clock: FakeClock
) -> None:
    assert [lock_seconds(n) for n in range(1, 7)] == [0, 0, 2, 4, 8, 16]
    assert lock_seconds(40) == MAX_LOCK_SECONDS == 300
    ana = records.create_profile("Ana", pin="1234")
    for _ in range(3):
        with pytest.raises(WrongPin):
            records.check_pin(ana.id, "0000")
    clock.now -= 86_400  # someone sets the clock back a day
    assert records.pin_wait_seconds(ana.id) == 2


def test_set_and_remove_pin_needs_the_current_pin(records: Records) -> None:
    ana = records.create_profile("Ana")
    assert records.set_pin(ana.id, "1111").has_pin
    with pytest.raises(WrongPin):
        records.set_pin(ana.id, "2222", current_pin="0000")
    records.set_pin(ana.id, None, current_pin="1111")
    records.check_pin(ana.id, None)
    assert not records.profile(ana.id).has_pin


def test_delete_needs_the_pin_and_keeps_a_backup(records: Records) -> None:
    ana = records.create_profile("Ana", pin="1234")
    records.append_event(ana.id, "p", "lesson-1", "completed")
    with pytest.raises(WrongPin):
        records.delete_profile(ana.id, pin="9999")
    with pytest.raises(WrongPin):
        records.delete_profile(ana.id)
    assert records.profile(ana.id).name == "Ana"
    saved = records.delete_profile(ana.id, pin="1234")
    assert records.list_profiles() == []
    assert records.events(ana.id) == []
    with pytest.raises(ProfileNotFound):
        records.profile(ana.id)
    conn = sqlite3.connect(saved.path)
    assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    conn.close()
    assert records.check() == []


def test_a_learner_never_sees_another_learners_records(records: Records) -> None:
    ana = records.create_profile("Ana")
    bea = records.create_profile("Bea")
    records.append_event(ana.id, "p", "lesson-1", "completed")
    records.record_quiz_attempt(ana.id, "p", "quiz-1", 90, 60)
    pack = {"id": "p", "modules": [{"id": "m", "items": [{"id": "lesson-1", "type": "lesson"}]}]}
    assert records.events(bea.id) == []
    assert records.events(bea.id, "p", "lesson-1") == []
    assert records.pack_progress(bea.id, pack)[0].done == 0
    assert records.pack_progress(ana.id, pack)[0].complete
    assert records.quiz_stats(bea.id, "p", "quiz-1").attempts == 0
    assert records.continue_point(bea.id, [pack]) is None
    assert {e.profile_id for e in records.events(ana.id)} == {ana.id}


def test_events_are_append_only_and_checked(records: Records) -> None:
    ana = records.create_profile("Ana")
    event = records.append_event(ana.id, "p", "q", "answered", {"response": ["a", "b"]})
    assert records.events(ana.id) == [event]
    assert event.device_id == records.device_id and event.at.tzinfo is not None
    conn = records.rdb.db.conn
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE events SET verb = 'passed'")
    with pytest.raises(sqlite3.DatabaseError, match="only with their profile"):
        conn.execute("DELETE FROM events")
    conn.rollback()
    with pytest.raises(RecordsError, match="not a kind of learner event"):
        records.append_event(ana.id, "p", "q", "hacked")
    with pytest.raises(RecordsError, match="plain JSON"):
        records.append_event(ana.id, "p", "q", "answered", {"x": float("nan")})
    with pytest.raises(ProfileNotFound):
        records.append_event("nobody", "p", "q", "viewed")
    assert len(records.events(ana.id)) == 1


def test_a_full_disk_gives_a_sentence_and_keeps_earlier_records(records: Records) -> None:
    ana = records.create_profile("Ana")
    kept = records.append_event(ana.id, "p", "lesson", "completed")
    conn = records.rdb.db.conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # no room to grow: like a full disk
    with pytest.raises(RecordsError, match="could not be saved"):
        for n in range(200):
            records.append_event(ana.id, "p", "quiz", "answered", {"text": "x" * 4000, "n": n})
    conn.execute("PRAGMA max_page_count = 1073741823")
    assert records.events(ana.id)[0] == kept
    assert records.check() == []


def test_a_missing_pin_is_refused_without_counting_as_a_wrong_guess(records: Records) -> None:
    ana = records.create_profile("Ana", pin="1234")
    for _ in range(5):
        with pytest.raises(WrongPin, match="needs its PIN"):
            records.check_pin(ana.id, "")
    assert records.pin_wait_seconds(ana.id) == 0
    records.check_pin(ana.id, "1234")
