"""Anonymous feedback in the core, on a real records.db: nothing links an answer to a
person or a time, small groups are not broken out, cards are shown back grouped."""

from __future__ import annotations

import sqlite3

import pytest

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, WorkshopError, Workshops, WorkshopSession
from kit.core.workshops.feedback import (
    DEFAULT_SURVEY,
    MINUTE,
    SURVEY,
    UPDOWN,
    Feedback,
    pack_survey,
    section,
)


@pytest.fixture
def shop_db(data_dir):
    with Records(DataDir(data_dir).ensure()) as records:
        shop = Workshops(records.rdb).save(
            Workshop(
                title="Wiki editing",
                starts="2026-03-14",
                sessions=(
                    WorkshopSession(day=1, start="09:00", slot=90, title="Morning"),
                    WorkshopSession(day=1, start="13:30", slot=90, title="Afternoon"),
                    WorkshopSession(day=2, start="09:00", slot=90, title="Day 2"),
                ),
            )
        )
        yield records, shop


def _raw(records) -> sqlite3.Connection:
    conn = sqlite3.connect(records.rdb.path)
    conn.row_factory = sqlite3.Row
    return conn


def test_answers_hold_no_person_no_time_and_no_order(shop_db):
    records, shop = shop_db
    fb = Feedback(records.rdb)
    fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"usefulness": "4", "pace": "right"})
    fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"usefulness": "2", "improve": "More time"})
    conn = _raw(records)
    columns = {r["name"] for r in conn.execute("PRAGMA table_info(workshop_feedback)")}
    assert not {c for c in columns if "profile" in c or "participant" in c}
    assert not columns & {"at", "time", "created", "seq", "added"}
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'workshop_feedback'").fetchone()
    assert "WITHOUT ROWID" in sql[0]
    rows = conn.execute("SELECT * FROM workshop_feedback").fetchall()
    assert len(rows) == 4 and len({r["response_id"] for r in rows}) == 2
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("UPDATE workshop_feedback SET answer = '5'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        conn.execute("DELETE FROM workshop_feedback")
    conn.close()


def test_bad_answers_are_refused_and_nothing_is_kept(shop_db):
    records, shop = shop_db
    fb = Feedback(records.rdb)
    with pytest.raises(WorkshopError, match="not one of the answers"):
        fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"improve": "x", "usefulness": "9"})
    with pytest.raises(WorkshopError, match="every answer is empty"):
        fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"improve": "   "})
    with pytest.raises(WorkshopError, match="not a question"):
        fb.record(shop.id, SURVEY, DEFAULT_SURVEY, {"bogus": "1"})
    with pytest.raises(WorkshopError, match="session"):
        fb.record_cards(shop.id, MINUTE, "nope", [{"clearest": "x"}])
    assert fb.answers(shop.id) == []


def test_section_counts_averages_and_hides_small_groups(shop_db):
    records, shop = shop_db
    fb = Feedback(records.rdb)
    given = [
        {"usefulness": "5", "pace": "right", "before": "2", "after": "4", "improve": "Longer"},
        {"usefulness": "4", "pace": "fast", "before": "1", "after": "4"},
        {"usefulness": "3", "pace": "right", "before": "3", "after": "3", "improve": "Snacks"},
        {"usefulness": "4", "pace": "right", "before": "2", "after": "5"},
        {"usefulness": "5", "pace": "slow", "before": "2", "after": "3"},
        {"usefulness": "2", "before": "4", "after": "5"},
    ]
    for answers in given:
        fb.record(shop.id, SURVEY, DEFAULT_SURVEY, answers)
    result = section(records.rdb, shop)
    assert result is not None
    figures = {f.key: f for f in result.figures}
    assert figures["feedback_respondents"].value == 6
    change = [int(a["after"]) - int(a["before"]) for a in given]
    assert figures["confidence_change"].value == round(sum(change) / len(change), 2)
    rows = {row[1]: row for row in result.tables[0].rows}
    useful = rows[DEFAULT_SURVEY.questions[0].prompt]
    points = [int(a["usefulness"]) for a in given]
    assert useful[2] == 6 and useful[3] == round(sum(points) / 6, 2)
    pace = next(c for c in result.charts if c.title == "How was the pace?")
    assert dict(pace.bars) == {"Too slow": 1.0, "About right": 3.0, "Too fast": 1.0}
    improve = rows["What should we improve?"]
    assert improve[2] == 2 and improve[3] is None  # two people: not broken out
    assert not any("Longer" in c or "Snacks" in c for c in result.comments)
    assert any("What should we improve?" in n and "not broken out" in n for n in result.notes)


def test_no_feedback_no_section(shop_db):
    records, shop = shop_db
    assert section(records.rdb, shop) is None


def test_minute_cards_shown_back_grouped_for_the_previous_half_day(shop_db):
    records, shop = shop_db
    morning, afternoon, day2 = shop.sessions
    fb = Feedback(records.rdb)
    fb.record_cards(
        shop.id,
        MINUTE,
        morning.id,
        [
            {"clearest": "Links", "muddiest": "References"},
            {"clearest": "links ", "muddiest": "Talk pages"},
            {"muddiest": "references"},
        ],
    )
    fb.record_cards(shop.id, UPDOWN, afternoon.id, [{"up": "Pace", "down": "Room too hot"}])
    back = fb.show_back(shop, afternoon.id)
    assert back is not None and (back.day, back.afternoon) == (1, 0)
    groups = dict(back.groups)
    assert groups["What was clearest?"] == (("Links", 2),)
    assert groups["What is still muddy?"] == (("References", 2), ("Talk pages", 1))
    later = dict(fb.show_back(shop, day2.id).groups)
    assert later == {
        "One up: what went well": (("Pace", 1),),
        "One down: what to change": (("Room too hot", 1),),
    }
    assert fb.show_back(shop, morning.id) is None


def test_a_pack_survey_keeps_its_questions(shop_db):
    records, shop = shop_db
    item = {
        "id": "end",
        "title": "End survey",
        "questions": [
            {
                "id": "fun",
                "type": "likert",
                "prompt": "Fun?",
                "choices": [{"id": "1", "text": "No"}, {"id": "2", "text": "Yes"}],
            },
            {
                "id": "tools",
                "type": "multiple",
                "prompt": "Tools",
                "choices": [{"id": "1", "text": "VE"}, {"id": "2", "text": "Source"}],
            },
        ],
    }
    survey = pack_survey("wiki", item)
    fb = Feedback(records.rdb)
    for _n in range(5):
        fb.record(shop.id, SURVEY, survey, {"fun": "2", "tools": ["1", "2"]})
    result = section(records.rdb, shop)
    charts = {c.title: dict(c.bars) for c in result.charts}
    assert charts["Fun?"] == {"Yes": 5.0}
    assert charts["Tools"] == {"VE": 5.0, "Source": 5.0}
    assert {a.survey for a in fb.answers(shop.id)} == {"wiki/end"}


def test_cards_are_listed_in_the_report_from_five_answers(shop_db):
    records, shop = shop_db
    fb = Feedback(records.rdb)
    morning = shop.sessions[0].id
    fb.record_cards(shop.id, MINUTE, morning, [{"clearest": f"Point {n}"} for n in range(5)])
    fb.record_cards(shop.id, MINUTE, morning, [{"muddiest": f"Muddy {n}"} for n in range(4)])
    result = section(records.rdb, shop)
    assert sorted(c for c in result.comments if "Point" in c) == [
        f"What was clearest?: Point {n}" for n in range(5)
    ]
    assert not any("Muddy" in c for c in result.comments)
    rows = {row[1]: row for row in result.tables[0].rows}
    assert rows["What was clearest?"][:3] == ("Minute cards", "What was clearest?", 5)
    assert rows["What is still muddy?"][2] == 4
    assert any("What is still muddy?" in n for n in result.notes)
    figures = {f.key: f for f in result.figures}
    assert figures["feedback_respondents"].value == 0  # cards are not survey responses
