"""Progress derived from events: item status, module completion, Continue, quizzes, certificates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import ContinuePoint, Records, RecordsError, Status
from kit.core.records.verbs import REGISTRY, xapi_iri

PACK = {
    "id": "first-aid",
    "title": "First aid",
    "version": "1.2.0",
    "attribution": "Red Crescent volunteers, CC BY 4.0",
    "license": "CC-BY-4.0",
    "authors": [{"name": "Layla"}, "Tom"],
    "modules": [
        {
            "id": "burns",
            "title": "Burns",
            "items": [
                {"id": "burns-intro", "type": "lesson"},
                {"id": "burns-slides", "type": "slides"},
                {"id": "burns-practice", "type": "activity"},
                {"id": "burns-quiz", "type": "quiz"},
                {"id": "burns-feedback", "type": "survey"},
            ],
        },
        {
            "id": "cuts",
            "title": "Cuts",
            "items": [
                {"id": "cuts-intro", "type": "lesson"},
                {"id": "cuts-quiz", "type": "quiz"},
            ],
        },
    ],
}
OTHER = {"id": "water", "modules": [{"id": "w", "items": [{"id": "w1", "type": "lesson"}]}]}


@pytest.fixture
def setup(data_dir: Path):
    with Records(DataDir(data_dir)) as records:
        yield records, records.create_profile("Ana").id


def test_module_completes_only_with_lessons_done_and_quizzes_passed(setup) -> None:
    records, me = setup
    burns, cuts = records.pack_progress(me, PACK)
    assert (burns.done, burns.total, burns.complete, burns.fraction) == (0, 4, False, 0.0)
    assert "burns-feedback" not in burns.items  # surveys do not count
    assert (cuts.module_id, cuts.total) == ("cuts", 2)

    records.append_event(me, "first-aid", "burns-intro", "viewed")
    assert records.item_status(me, "first-aid", {"id": "burns-intro", "type": "lesson"}) == (
        Status.IN_PROGRESS
    )
    for item in ("burns-intro", "burns-slides", "burns-practice"):
        records.append_event(me, "first-aid", item, "completed")
    records.append_event(me, "first-aid", "burns-quiz", "completed")  # finishing is not passing
    records.record_quiz_attempt(me, "first-aid", "burns-quiz", 40, 60)
    burns = records.module_progress(me, PACK, "burns")
    assert burns.items["burns-quiz"] is Status.IN_PROGRESS
    assert (burns.done, burns.complete, burns.completed_at) == (3, False, None)
    with pytest.raises(RecordsError, match="not complete yet"):
        records.certificate(me, PACK, "burns")

    records.record_quiz_attempt(me, "first-aid", "burns-quiz", 60, 60)  # at the mark passes
    burns = records.module_progress(me, PACK, "burns")
    assert burns.complete and burns.fraction == 1.0 and burns.completed_at is not None
    assert not records.module_progress(me, PACK, "cuts").complete


def test_quiz_attempts_and_best_score(setup) -> None:
    records, me = setup
    assert records.quiz_stats(me, "first-aid", "cuts-quiz").attempts == 0
    for score in (50, 80, 70):
        records.record_quiz_attempt(me, "first-aid", "cuts-quiz", score, 75, answers=3)
    stats = records.quiz_stats(me, "first-aid", "cuts-quiz")
    assert (stats.attempts, stats.best_score, stats.last_score, stats.passed) == (3, 80, 70, True)
    verbs = [e.verb for e in records.events(me, "first-aid", "cuts-quiz")]
    assert verbs == ["failed", "passed", "failed"]


def test_continue_is_the_last_unfinished_item(setup) -> None:
    records, me = setup
    assert records.continue_point(me, [PACK, OTHER]) is None
    records.append_event(me, "first-aid", "burns-intro", "completed")
    records.append_event(me, "first-aid", "burns-slides", "viewed")
    assert records.continue_point(me, [PACK, OTHER]) == ContinuePoint(
        "first-aid", "burns", "burns-slides"
    )
    # The last thing touched is done: continue with the next unfinished item after it.
    records.append_event(me, "first-aid", "burns-slides", "completed")
    assert records.continue_point(me, [PACK]).item_id == "burns-practice"
    records.append_event(me, "first-aid", "cuts-intro", "completed")
    assert records.continue_point(me, [PACK]) == ContinuePoint("first-aid", "cuts", "cuts-quiz")
    # Another pack, left unfinished, then this pack finished entirely: back to that one.
    records.append_event(me, "water", "w1", "viewed")
    for item in ("burns-practice", "cuts-quiz", "burns-quiz"):
        verb = "passed" if item.endswith("quiz") else "completed"
        records.append_event(me, "first-aid", item, verb)
    assert records.continue_point(me, [PACK, OTHER]) == ContinuePoint("water", "w", "w1")
    # Items of packs no longer installed are ignored.
    assert records.continue_point(me, [PACK]) is None


def test_certificate_has_what_the_pdf_needs(setup) -> None:
    records, me = setup
    records.append_event(me, "first-aid", "cuts-intro", "completed")
    records.record_quiz_attempt(me, "first-aid", "cuts-quiz", 100, 70)
    cert = records.certificate(me, PACK, "cuts")
    assert (cert.learner_name, cert.module_title, cert.pack_title, cert.pack_version) == (
        "Ana",
        "Cuts",
        "First aid",
        "1.2.0",
    )
    assert cert.attribution == "Red Crescent volunteers, CC BY 4.0"
    assert cert.authors == ["Layla", "Tom"] and cert.license == "CC-BY-4.0"
    assert cert.completed_on == records.events(me)[-1].at.date()
    with pytest.raises(RecordsError, match="no module nope"):
        records.certificate(me, PACK, "nope")


def test_several_events_are_saved_together_or_not_at_all(setup) -> None:
    records, me = setup[0], setup[1]
    with pytest.raises(RecordsError):
        records.append_events(
            me, "first-aid", "survey", [("answered", {"question": "q1"}), ("danced", None)]
        )
    assert records.events(me, "first-aid", "survey") == []
    saved = records.append_events(
        me, "first-aid", "survey", [("answered", {"question": "q1"}), ("completed", None)]
    )
    assert [e.verb for e in records.events(me, "first-aid", "survey")] == ["answered", "completed"]
    assert [e.id for e in saved] == [e.id for e in records.events(me, "first-aid", "survey")]


def test_events_about_workshop_sessions_and_polls_with_a_context(data_dir) -> None:
    with Records(DataDir(data_dir)) as records:
        ana = records.create_profile("Ana")
        attended = records.append_object_event(
            ana.id, "workshop_session", "ws-1/s-2", "attended", context="ws-1"
        )
        poll = records.append_object_event(ana.id, "poll", "p-7", "responded", {"choice": "b"})
        lesson = records.append_event(ana.id, "pack", "lesson", "completed", context="ws-1")
        assert (attended.object_type, attended.object_id, attended.pack_id) == (
            "workshop_session", "ws-1/s-2", None
        )  # fmt: skip
        assert records.events(ana.id) == [attended, poll, lesson]
        assert records.events(ana.id, "pack") == [lesson] and lesson.context == "ws-1"
        pack = {
            "id": "pack",
            "modules": [{"id": "m", "items": [{"id": "lesson", "type": "lesson"}]}],
        }
        assert records.pack_progress(ana.id, pack)[0].complete
        assert records.continue_point(ana.id, [pack]) is None
        for verb, kind in [("passed", "poll"), ("attended", "item"), ("hacked", "poll")]:
            with pytest.raises(RecordsError):
                records.append_object_event(ana.id, kind, "x", verb)
        with pytest.raises(RecordsError, match="attended is not a verb for item events"):
            records.append_event(ana.id, "pack", "lesson", "attended")
    assert xapi_iri("viewed") == "http://adlnet.gov/expapi/verbs/experienced"
    assert all(v.iri.startswith("http://adlnet.gov/expapi/verbs/") for v in REGISTRY.values())
