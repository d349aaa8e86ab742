"""The agenda as delivered, wiki-account events and the materials checklist, in records."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from kit.core.workshops import (
    Deliveries,
    Workshop,
    WorkshopError,
    Workshops,
    plan,
    template_day,
)

T0 = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)


def _shop(records) -> Workshop:
    return Workshops(records.rdb).save(Workshop(title="Wiki editing", sessions=template_day(1)))


def test_delivered_times_add_up_per_item_and_cannot_be_rewritten(records):
    shop = _shop(records)
    session = shop.sessions[0]
    log = Deliveries(records.rdb)
    log.record(shop.id, session.id, "welcome", T0, T0 + dt.timedelta(minutes=12))
    log.record(
        shop.id, session.id, "welcome", T0 + dt.timedelta(minutes=40), T0 + dt.timedelta(minutes=43)
    )
    log.record(
        shop.id, session.id, "quiz", T0 + dt.timedelta(minutes=12), T0 + dt.timedelta(minutes=40)
    )
    assert log.actual_minutes(shop.id) == {"welcome": 15.0, "quiz": 28.0}
    assert [d.item_id for d in log.of(shop.id, session.id)] == ["welcome", "welcome", "quiz"]
    assert log.of(shop.id)[0].started == "2026-03-14T09:00:00Z"
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), records.rdb.write() as db:
        db.execute("UPDATE workshop_delivered SET ended = started")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), records.rdb.write() as db:
        db.execute("DELETE FROM workshop_delivered")
    assert len(log.of(shop.id)) == 3


def test_a_delivery_must_belong_to_the_workshop_and_end_after_it_starts(records):
    shop = _shop(records)
    log = Deliveries(records.rdb)
    with pytest.raises(WorkshopError, match="not in this workshop"):
        log.record(shop.id, "elsewhere", "x", T0, T0)
    with pytest.raises(WorkshopError, match="end before"):
        log.record(shop.id, shop.sessions[0].id, "x", T0, T0 - dt.timedelta(seconds=1))
    assert log.of(shop.id) == []


def test_accounts_flag_travels_in_the_plan_and_materials_ticks_stay_on_this_computer(records):
    shops = Workshops(records.rdb)
    shop = shops.save(
        Workshop(
            title="Edit-a-thon",
            creates_accounts=True,
            materials=("name-tags", "hotspot", "no-such-thing", "hotspot"),
        )
    )
    assert shop.materials == ("name-tags", "hotspot")
    assert "6" in shop.accounts_warning()
    assert Workshop(title="Quiet").accounts_warning() == ""
    text = plan.dump(shop)
    assert "creates_accounts: true" in text
    again = plan.load(text).workshop
    assert again.creates_accounts is True
    assert "materials" not in text  # what is packed is this run's, not the plan's
    copy = shops.duplicate(shop.id)
    assert copy.creates_accounts is True and copy.materials == ()
