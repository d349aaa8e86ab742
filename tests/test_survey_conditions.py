"""Conditional survey questions (show_if) and rating attributes in the pack format."""

from __future__ import annotations

from pathlib import Path

import pytest
from pack_helpers import SURVEY, line_of, make_source, write

from kit.core.packformat.conditions import item_conditions, kept_answers, visible
from kit.core.packformat.source import load_source

HEAD = "---\nid: feedback\ntype: survey\ntitle: S\n---\n"
RATED = (
    "## imp: likert {skill: Q11016, dimension: importance}\nHow important is technology?\n\n"
    "- 1\n- 2\n- 3\n- 4\n- 5\n- Not relevant {na: true}\n\n"
)
CONDITIONAL = (
    HEAD
    + RATED
    + "## tech: section {show_if: {question: imp, answer_in: [4, '5']}}\n\n"
    + "## wd: likert {skill: capx:wikidata, dimension: confidence}\nWikidata?\n\n- Low\n- High\n\n"
    + "## why: text {show_if: {question: wd, answer_in: ['1']}}\nWhy low?\n\n"
    + "## years: single {about: true}\nYears?\n\n- Few\n- Many\n"
)


def _item(root: Path) -> dict:
    loaded = load_source(root)
    assert loaded.report.problems == []
    return loaded.content["modules"][0]["items"][-1]


def test_show_if_sections_and_rating_attributes_reach_the_built_item(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    write(root, SURVEY, CONDITIONAL)
    item = _item(root)
    by_id = {q["id"]: q for q in item["questions"]}
    assert list(by_id) == ["imp", "wd", "why", "years"]  # a section is not a question
    assert item["sections"] == [
        {
            "id": "tech",
            "type": "section",
            "prompt": "",
            "show_if": {"question": "imp", "answer_in": ["4", "5"]},
        }
    ]
    assert by_id["imp"]["skill"] == "Q11016" and by_id["imp"]["dimension"] == "importance"
    assert [c.get("na", False) for c in by_id["imp"]["choices"]] == [False] * 5 + [True]
    assert by_id["imp"]["choices"][5]["text"] == "Not relevant"
    assert by_id["wd"]["section"] == "tech" and "section" not in by_id["imp"]
    assert by_id["why"]["show_if"] == {"question": "wd", "answer_in": ["1"]}
    assert by_id["years"]["about"] is True and by_id["years"]["section"] == "tech"


def test_a_question_shows_only_while_its_conditions_hold(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    write(root, SURVEY, CONDITIONAL)
    conds = item_conditions(_item(root))
    assert visible(conds.items(), {}) == {"imp"}
    assert visible(conds.items(), {"imp": "3"}) == {"imp"}
    assert visible(conds.items(), {"imp": "5"}) == {"imp", "wd", "years"}
    assert visible(conds.items(), {"imp": "4", "wd": "1"}) == {"imp", "wd", "why", "years"}
    # Hiding an answer hides what depended on it, and its answers are not kept.
    answers = {"imp": "2", "wd": "1", "why": "no time", "years": "1"}
    assert visible(conds.items(), answers) == {"imp"}
    assert kept_answers(conds.items(), answers) == {"imp": "2"}
    # A multiple-choice answer holds when any chosen id is listed.
    assert visible([("a", ()), ("b", (("a", ("2",)),))], {"a": ["1", "2"]}) == {"a", "b"}


BAD = [
    (
        "forward",
        "## why: text {show_if: {question: later, answer_in: ['1']}}\nWhy?\n\n"
        "## later: single\nL?\n\n- A\n- B\n",
        "## why",
        "must name an earlier question, not 'later'",
    ),
    (
        "unknown-choice",
        RATED + "## why: text {show_if: {question: imp, answer_in: ['9']}}\nWhy?\n",
        "## why",
        "question 'imp' has no choice '9'",
    ),
    (
        "shape",
        RATED + "## why: text {show_if: imp}\nWhy?\n",
        "## why",
        "'show_if' must be {question: ID, answer_in: [choice ids]}",
    ),
    (
        "empty-list",
        RATED + "## why: text {show_if: {question: imp, answer_in: []}}\nWhy?\n",
        "## why",
        "'answer_in' must be a list of choice ids",
    ),
    (
        "on-section",
        RATED + "## s: section {show_if: {question: imp, answer_in: ['1']}}\n"
        "## why: text {show_if: {question: s, answer_in: ['1']}}\nWhy?\n",
        "## why",
        "must name an earlier question, not 's'",
    ),
    ("unhashable-key", "## why: text {[1]: 2}\nWhy?\n", "## why", "must be a mapping"),
    ("not-mapping", "## why: text {show_if: [unclosed}\nWhy?\n", "## why", "must be a mapping"),
    ("unknown-attr", "## why: text {colour: red}\nWhy?\n", "## why", "unknown attribute 'colour'"),
    (
        "dimension",
        "## q: likert {dimension: fun}\nQ?\n\n- A\n- B\n",
        "## q",
        "confidence or importance",
    ),
    ("skill-on-text", "## q: text {skill: Q1}\nQ?\n", "## q", "'skill' is for likert questions"),
    (
        "about-on-likert",
        "## q: likert {about: true}\nQ?\n\n- A\n- B\n",
        "## q",
        "'about: true' is for single or multiple",
    ),
    (
        "na-on-single",
        "## q: single\nQ?\n\n- A\n- B {na: true}\n",
        "## q",
        "a choice takes only '{na: true}'",
    ),
]


@pytest.mark.parametrize(
    ("body", "marker", "message"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_conditions_and_attributes_are_errors_on_their_line(
    tmp_path: Path, body: str, marker: str, message: str
) -> None:
    root = make_source(tmp_path / "src")
    write(root, SURVEY, HEAD + body)
    errors = load_source(root).report.errors
    assert [(e.path, e.line) for e in errors] == [(SURVEY, line_of(root, SURVEY, marker))]
    assert message in errors[0].message


def test_an_unknown_rating_skill_warns_but_builds(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    write(root, SURVEY, HEAD + RATED.replace("Q11016", "capx:juggling"))
    loaded = load_source(root)
    assert loaded.report.errors == []
    assert [
        "'capx:juggling' is not in the skills directory" in w.message
        for w in loaded.report.warnings
    ] == [True]


def test_needs_assessment_ratings_must_name_skill_dimension_and_scale(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    head = HEAD.replace("title: S\n", "title: S\nneeds_assessment: true\n")
    write(root, SURVEY, head + RATED)
    assert _item(root)["needs_assessment"] is True
    write(root, SURVEY, head + "## q: likert\nQ?\n\n- 1\n- 2\n- 3\n")
    messages = [e.message for e in load_source(root).report.errors]
    assert any("rating 'q' needs {skill" in m for m in messages)
    assert any("rating 'q' needs 5 labelled points" in m for m in messages)
    write(
        root, SURVEY, HEAD.replace("title: S\n", "title: S\nneeds_assessment: yes please\n") + RATED
    )
    assert [e.message for e in load_source(root).report.errors] == [
        "'needs_assessment' must be true"
    ]


def test_quiz_headings_take_no_attributes(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    quiz = "modules/basics/03-check.md"
    text = (
        (root / quiz)
        .read_text(encoding="utf-8")
        .replace("## steps: order", "## steps: order {about: true}")
    )
    write(root, quiz, text)
    assert any("question heading must be" in e.message for e in load_source(root).report.errors)
