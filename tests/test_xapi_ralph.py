"""Records pushed to a real Learning Record Store (Ralph, fs backend) on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench._ralph import RalphServer, available
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, template_day
from kit.core.xapi import LrsConfig, Outbox, push

pytestmark = pytest.mark.skipif(not available(), reason="Ralph is installed by make test-deps")


@pytest.fixture(scope="module")
def ralph(tmp_path_factory: pytest.TempPathFactory):
    with RalphServer(tmp_path_factory.mktemp("ralph")) as server:
        yield server


def _config(lrs: RalphServer) -> LrsConfig:
    return LrsConfig(lrs.endpoint, lrs.user, lrs.password, "https://org.example/kit/")


def _learning(rec: Records, n: int) -> tuple[str, set[str]]:
    ana = rec.create_profile("Ana")
    for i in range(n):
        rec.append_event(ana.id, "first-aid", f"lesson-{i}", "viewed")
    rec.record_quiz_attempt(ana.id, "first-aid", "burns-quiz", 75.0, 60.0)
    rec.append_event(
        ana.id, "first-aid", "burns-quiz", "answered", {"question": "q1", "response": "b"}
    )
    return ana.id, {e.id for e in rec.events(ana.id)}


def test_push_then_query_back_gives_the_same_statements(tmp_path: Path, ralph: RalphServer):
    with Records(DataDir(tmp_path / "a"), create=True) as rec:
        ana, _ids = _learning(rec, 5)
        outbox = Outbox(rec.rdb, ralph.endpoint, "https://org.example/kit/")
        mine = {sid: st for _key, st in outbox.next_batch(1000) for sid in [st["id"]]}
        result = push(outbox, _config(ralph), batch_size=3)
        assert (result.sent, result.waiting, result.error) == (7, 0, "")
        assert outbox.waiting().total == 0
        again = push(outbox, _config(ralph))
        assert again.sent == 0
    stored = {s["id"]: s for s in ralph.statements() if s["actor"]["account"]["name"] == ana}
    assert set(stored) == set(mine)
    for sid, statement in mine.items():
        got = stored[sid]
        for key in ("actor", "verb", "object", "result", "context"):
            assert got.get(key) == statement.get(key), key
    passed = [s for s in stored.values() if s["verb"]["id"].endswith("/passed")]
    assert passed[0]["result"]["score"]["scaled"] == 0.75
    assert passed[0]["result"]["success"] is True


def test_attendance_goes_with_the_workshop_as_registration(tmp_path: Path, ralph: RalphServer):
    with Records(DataDir(tmp_path / "w"), create=True) as rec:
        ana = rec.create_profile("Ana")
        shops = Workshops(rec.rdb)
        shop = shops.save(Workshop(title="Village first aid", sessions=template_day(1)))
        who = shops.add_participant(shop.id, "Ana", profile_id=ana.id)
        shops.check_in(shop.id, shop.sessions[0].id, [who.id])
        outbox = Outbox(rec.rdb, ralph.endpoint, "https://org.example/kit/")
        assert outbox.waiting().checkins == 1
        assert push(outbox, _config(ralph)).error == ""
    mine = [s for s in ralph.statements() if s["actor"]["account"]["name"] == ana.id]
    assert [s["verb"]["id"] for s in mine] == ["http://adlnet.gov/expapi/verbs/attended"]
    assert mine[0]["context"]["registration"]


def test_server_stopped_mid_push_then_restarted_loses_and_doubles_nothing(tmp_path: Path):
    with (
        RalphServer(tmp_path / "lrs") as lrs,
        Records(DataDir(tmp_path / "b"), create=True) as rec,
    ):
        ana, ids = _learning(rec, 40)
        outbox = Outbox(rec.rdb, lrs.endpoint, "https://org.example/kit/")
        batches: list[int] = []

        def stop_after_first(sent: int, waiting: int) -> None:
            batches.append(sent)
            if len(batches) == 1:
                lrs.stop()

        first = push(
            outbox, _config(lrs), batch_size=10, retries=1, backoff=0.01,
            progress=stop_after_first,
        )  # fmt: skip
        assert first.sent == 10
        assert first.error.startswith("The Learning Record Store could not be reached")
        assert first.waiting == len(ids) - 10
        assert outbox.last_attempt() is not None
        lrs.start()
        second = push(outbox, _config(lrs), batch_size=10)
        assert (second.error, second.waiting) == ("", 0)
        stored = [s["id"] for s in lrs.statements() if s["actor"]["account"]["name"] == ana]
        assert len(stored) == len(set(stored)) == len(ids)


def test_a_wrong_password_is_one_sentence_and_everything_still_waits(
    tmp_path: Path, ralph: RalphServer
):
    with Records(DataDir(tmp_path / "c"), create=True) as rec:
        _ana, ids = _learning(rec, 2)
        outbox = Outbox(rec.rdb, ralph.endpoint, "https://org.example/kit/")
        wrong = LrsConfig(ralph.endpoint, ralph.user, "wrong", "https://org.example/kit/")
        result = push(outbox, wrong)
        assert result.error == "The Learning Record Store refused the user name or password."
        assert (result.sent, result.waiting) == (0, len(ids))
