"""Room quizzes and polls in the core (kit.core.workshops.room): questions kept as asked,
responses append-only (ticked per participant or counted), a linked learner's answer in
their records, and the report section, checked against counts made here."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.records.events import events_for
from kit.core.workshops import Workshop, WorkshopError, Workshops, template_day
from kit.core.workshops.room import RoomQuestions, room_questions, section

SINGLE = {
    "id": "own-profile",
    "type": "single",
    "prompt": "Three friends share one computer. What should each of them do?",
    "explanation": "",
    "choices": [
        {"id": "1", "text": "Create their own profile", "correct": True, "explanation": "Right"},
        {"id": "2", "text": "Share one", "correct": False, "explanation": ""},
        {"id": "3", "text": "Delete", "correct": False, "explanation": ""},
    ],
}
MULTIPLE = {
    "id": "kinds",
    "type": "multiple",
    "prompt": "Which are item kinds?",
    "explanation": "Lessons and quizzes.",
    "choices": [
        {"id": "1", "text": "Lesson", "correct": True, "explanation": ""},
        {"id": "2", "text": "Quiz", "correct": True, "explanation": ""},
        {"id": "3", "text": "Game", "correct": False, "explanation": ""},
    ],
}
SHORT = {"id": "pin", "type": "short", "prompt": "Its name?", "explanation": "",
         "choices": [], "accepted": ["PIN"], "answers": []}  # fmt: skip


@pytest.fixture
def room(data_dir):
    with Records(DataDir(data_dir).ensure()) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(Workshop(title="Wiki day", sessions=template_day(1)))
        yield records, shops, shop, RoomQuestions(records.rdb)


def test_ticks_and_counts_add_up_and_the_latest_answer_of_each_person_counts(room) -> None:
    _records, shops, shop, rq = room
    people = [shops.add_participant(shop.id, name) for name in ("Ana", "Bo", "Chen", "Dee")]
    q = rq.ask_quiz(shop.id, shop.sessions[0].id, "getting-started", "check", SINGLE)
    given = {people[0].id: "1", people[1].id: "2", people[2].id: "1", people[3].id: "3"}
    rq.answer(q.id, people[1].id, "1")  # corrected below: the latest counts
    for pid, choice in given.items():
        tally = rq.answer(q.id, pid, choice)
    tally = rq.count(q.id, {"1": 9, "2": 1, "3": 0})
    tally = rq.count(q.id, {"1": 6, "2": 2, "3": 1})  # a recount replaces the first
    expected = Counter(given.values()) + Counter({"1": 6, "2": 2, "3": 1})
    assert dict(tally.per_option) == {k: expected[k] for k in ("1", "2", "3")}
    assert tally.responses == len(given) + 9
    assert tally.right == expected["1"]
    assert tally.right_percent == pytest.approx(100 * expected["1"] / (len(given) + 9))
    assert [x.id for x in rq.of(shop.id)] == [q.id]  # kept with a stable id


def test_responses_and_questions_are_append_only(room, data_dir) -> None:
    _records, shops, shop, rq = room
    ana = shops.add_participant(shop.id, "Ana")
    q = rq.ask_poll(shop.id, "", "Which topic next?", ["Maps", "Photos"])
    rq.answer(q.id, ana.id, "2")
    conn = sqlite3.connect(DataDir(data_dir).records_db)
    for sql in (
        "UPDATE workshop_room_responses SET choice = '\"1\"'",
        "DELETE FROM workshop_room_responses",
        "DELETE FROM workshop_room_questions",
    ):
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            conn.execute(sql)
    conn.close()
    assert dict(rq.tally(q.id).per_option) == {"1": 0, "2": 1}


def test_bad_polls_answers_and_counts_are_refused_and_nothing_is_kept(room) -> None:
    _records, shops, shop, rq = room
    ana = shops.add_participant(shop.id, "Ana")
    for prompt, options in (("Q?", ["only one"]), ("", ["a", "b"]), ("Q?", list("abcdefghi"))):
        with pytest.raises(WorkshopError):
            rq.ask_poll(shop.id, "", prompt, options)
    assert rq.of(shop.id) == []
    q = rq.ask_quiz(shop.id, "", "p", "i", MULTIPLE)
    for choice in ("1", ["1", "1"], ["4"], []):
        with pytest.raises(WorkshopError):
            rq.answer(q.id, ana.id, choice)
    with pytest.raises(WorkshopError):
        rq.answer(q.id, "nobody", ["1"])
    for counts in ({"9": 1}, {"1": -1}, {"1": "3"}):
        with pytest.raises(WorkshopError):
            rq.count(q.id, counts)
    tally = rq.tally(q.id)
    assert (tally.responses, dict(tally.ticked), dict(tally.counted)) == (0, {}, {})


def test_a_linked_learner_gets_the_answer_in_their_records(room) -> None:
    records, shops, shop, rq = room
    ana_profile = records.create_profile("Ana")
    ana = shops.add_participant(shop.id, "Ana", profile_id=ana_profile.id)
    bo = shops.add_participant(shop.id, "Bo")
    q = rq.ask_quiz(shop.id, "", "getting-started", "check-learning", MULTIPLE)
    rq.answer(q.id, ana.id, ["2", "1"])
    rq.answer(q.id, bo.id, ["3"])
    poll = rq.ask_poll(shop.id, "", "Tea or coffee?", ["Tea", "Coffee"])
    rq.answer(poll.id, ana.id, "1")
    events = events_for(records.rdb, ana_profile.id)
    assert [(e.verb, e.object_type, e.context) for e in events] == [
        ("answered", "item", shop.id),
        ("answered", "poll", shop.id),
    ]
    assert (events[0].pack_id, events[0].item_id) == ("getting-started", "check-learning")
    assert events[0].result["question"] == "kinds"
    assert events[0].result["response"] == ["1", "2"] and events[0].result["correct"] is True
    assert events[1].object_id == poll.id and events[1].result["response"] == "1"


def test_judged_questions_are_right_or_wrong(room) -> None:
    _records, shops, shop, rq = room
    people = [shops.add_participant(shop.id, f"P{n}") for n in range(3)]
    q = rq.ask_quiz(shop.id, "", "p", "i", SHORT)
    assert [o.id for o in q.options] == ["right", "wrong"]
    for who, said in zip(people, ("right", "wrong", "right"), strict=True):
        tally = rq.answer(q.id, who.id, said)
    assert (tally.right, tally.responses) == (2, 3)


def test_quiz_items_offer_every_quiz_question_type() -> None:
    item = {"questions": [SINGLE, MULTIPLE, SHORT, {"id": "o", "type": "order"},
                          {"id": "t", "type": "truefalse"}, {"id": "x", "type": "scale"}]}  # fmt: skip
    assert [q["id"] for q in room_questions(item)] == ["own-profile", "kinds", "pin", "o", "t"]


def test_the_report_section_holds_every_question_with_its_chart(room) -> None:
    records, shops, shop, rq = room
    assert section(records.rdb, shop) is None
    people = [shops.add_participant(shop.id, f"P{n}") for n in range(6)]
    q = rq.ask_quiz(shop.id, "", "p", "i", SINGLE)
    answers = ["1", "1", "2", "1", "3", "1"]
    for who, choice in zip(people, answers, strict=True):
        rq.answer(q.id, who.id, choice)
    small = rq.ask_poll(shop.id, "", "Tea or coffee?", ["Tea", "Coffee"])
    rq.count(small.id, {"1": 2, "2": 1})  # three people: not broken out
    made = section(records.rdb, shop)
    assert made is not None and made.key == "room"
    (table,) = made.tables
    right = 100 * answers.count("1") / len(answers)
    assert table.rows[0][2:] == (len(answers), round(right, 1))
    assert table.rows[1][2:] == (3, None)
    assert len(made.charts) == 1
    assert [v for _label, v in made.charts[0].bars] == [float(answers.count(c)) for c in "123"]
    figures = {f.key: f.value for f in made.figures}
    assert figures == {"room_questions": 2, "room_responses": 9,
                       "room_right_percent": round(right, 1)}  # fmt: skip


def test_a_deleted_learner_profile_keeps_the_room_answer_and_writes_no_event(room) -> None:
    records, shops, shop, rq = room
    gone = records.create_profile("Eli")
    eli = shops.add_participant(shop.id, "Eli", profile_id=gone.id)
    records.delete_profile(gone.id)
    q = rq.ask_poll(shop.id, "", "Tea or coffee?", ["Tea", "Coffee"])
    tally = rq.answer(q.id, eli.id, "1")
    assert dict(tally.per_option) == {"1": 1, "2": 0}
    assert events_for(records.rdb, gone.id) == []
    assert records.check() == []
