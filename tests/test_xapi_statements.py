"""Records as xAPI statements: stable ids, no names, ADL verbs, IRIs, results, workshops."""

from __future__ import annotations

import json
import uuid

import pytest

from kit.core.records import RecordsError
from kit.core.workshops import Workshop, Workshops, template_day
from kit.core.xapi import LrsConfig, Outbox
from kit.core.xapi.config import LrsError

HOME = "https://org.example/kit/"


def _all(outbox: Outbox) -> list[dict]:
    return [statement for _key, statement in outbox.next_batch(10_000)]


def test_each_event_is_one_statement_with_a_stable_id_and_no_name(records):
    ana = records.create_profile("Ana Secret-Surname")
    records.append_event(ana.id, "first-aid", "burns", "viewed")
    records.record_quiz_attempt(ana.id, "first-aid", "burns-quiz", 40.0, 60.0)
    records.append_event(
        ana.id, "first-aid", "burns-quiz", "answered",
        {"question": "q1", "response": ["a", "c"], "correct": False},
    )  # fmt: skip
    outbox = Outbox(records.rdb, "https://lrs.example/xAPI/", HOME)
    first, second = _all(outbox), _all(outbox)
    assert first == second and len(first) == 3
    assert len({s["id"] for s in first}) == 3
    assert all(uuid.UUID(s["id"]).version == 5 for s in first)
    assert "Secret" not in json.dumps(first)
    assert {s["actor"]["account"]["name"] for s in first} == {ana.id}
    viewed, failed, answered = first
    assert viewed["verb"]["id"] == "http://adlnet.gov/expapi/verbs/experienced"
    assert viewed["object"]["id"].endswith("/pack/first-aid/item/burns")
    assert failed["result"] == {
        "success": False, "completion": True,
        "score": {"scaled": 0.4, "raw": 40.0, "min": 0.0, "max": 100.0},
    }  # fmt: skip
    assert answered["result"] == {"success": False, "response": '["a", "c"]'}
    assert answered["object"]["id"].endswith("/item/burns-quiz/question/q1")


def test_a_check_in_is_attended_with_the_workshop_as_registration(records):
    ana = records.create_profile("Ana")
    shops = Workshops(records.rdb)
    shop = shops.save(Workshop(title="First aid", sessions=template_day(1)))
    linked = shops.add_participant(shop.id, "Ana", profile_id=ana.id)
    walk_in = shops.add_participant(shop.id, "Walk-in Person")
    shops.check_in(shop.id, shop.sessions[0].id, [linked.id, walk_in.id])
    outbox = Outbox(records.rdb, "https://lrs.example/xAPI/", HOME)
    assert outbox.waiting().checkins == 2
    statements = _all(outbox)
    assert {s["actor"]["account"]["name"] for s in statements} == {ana.id, walk_in.id}
    assert {s["context"]["registration"] for s in statements} == {str(uuid.UUID(shop.id))}
    assert "Walk-in" not in json.dumps(statements)


def test_delivered_statements_stop_waiting_and_records_stay_append_only(records):
    ana = records.create_profile("Ana")
    records.append_event(ana.id, "p", "i", "viewed")
    outbox = Outbox(records.rdb, "https://lrs.example/xAPI/", HOME)
    (key, _statement), = outbox.next_batch(10)  # fmt: skip
    outbox.mark_delivered([key, key])
    assert outbox.waiting().total == 0
    assert Outbox(records.rdb, "https://other.example/xAPI/", HOME).waiting().total == 1
    with pytest.raises(Exception, match="append-only"), records.rdb.write() as db:
        db.execute("DELETE FROM xapi_deliveries")
    assert len(records.events(ana.id)) == 1


def test_lrs_settings_refuse_a_non_http_address_and_keep_the_password_private(data_dir):
    from kit.core.paths import DataDir

    data = DataDir(data_dir).ensure()
    with pytest.raises(LrsError, match="is not the address"):
        LrsConfig("ftp://x", "u", "p").save(data)
    LrsConfig("https://lrs.example/xAPI", "u", "p").save(data)
    loaded = LrsConfig.load(data)
    assert loaded.endpoint == "https://lrs.example/xAPI/" and loaded.password == "p"
    assert (LrsConfig.path(data).stat().st_mode & 0o777) == 0o600
    assert not isinstance(LrsError("x"), RecordsError)
