"""Quizzes and surveys as forms: every bundled one reads and writes back byte for byte,
an edit rewrites only its question, and what is written is valid and reads the same."""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest

from kit.core import quiz as marking
from kit.core.authoring.questioncheck import problems_by_block, read_as_learner
from kit.core.authoring.questionform import (
    SECTION,
    AnswerDraft,
    QuestionDraft,
    ShowIf,
    new_question,
    parse_item,
)
from kit.core.packformat.source import load_source

ROOT = Path(__file__).resolve().parents[1]
ITEMS = sorted(
    p
    for p in ROOT.glob("content_packs/*/modules/*/*.md")
    if re.search(r"^type: (quiz|survey)\s*$", p.read_text(encoding="utf-8"), re.M)
)
CHECK = ROOT / "content_packs/getting-started/modules/learning/05-check.md"


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_there_are_bundled_quizzes_and_surveys() -> None:
    assert len(ITEMS) > 20
    assert any("type: survey" in p.read_text(encoding="utf-8") for p in ITEMS)


@pytest.mark.parametrize("path", ITEMS, ids=_rel)
def test_an_unedited_file_comes_back_identical_and_every_question_is_shown(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    draft = parse_item(text)
    assert draft.text() == text
    assert all(block.question is not None for block in draft.blocks)


@pytest.mark.parametrize("path", ITEMS, ids=_rel)
def test_every_question_rewritten_by_the_form_reads_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    draft = parse_item(text)
    for block in draft.blocks:
        block.original = None  # as if each had been edited
    rewritten = draft.text()
    assert [b.question for b in parse_item(rewritten).blocks] == [
        b.question for b in parse_item(text).blocks
    ]
    before, _problems = read_as_learner(text, _rel(path))
    after, problems = read_as_learner(rewritten, _rel(path))
    assert after == before
    assert [p for p in problems if not p.warning] == []


def _changed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.split("\n"), new.split("\n"), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def test_changing_one_answer_changes_only_that_line_and_the_pack_still_validates(
    tmp_path: Path,
) -> None:
    text = CHECK.read_text(encoding="utf-8")
    draft = parse_item(text)
    question = draft.blocks[1].question
    assert question is not None and question.qid == "item-kinds"
    question.answers[3].text = "Board game"
    new = draft.text()
    assert _changed_lines(text, new) == [
        "-- [ ] Game",
        "+- [ ] Board game",
    ]
    pack = tmp_path / "getting-started"
    shutil.copytree(CHECK.parents[2], pack)
    (pack / "modules/learning/05-check.md").write_text(new, encoding="utf-8")
    loaded = load_source(pack)
    assert loaded.report.errors == []
    items = [i for m in loaded.content["modules"] for i in m["items"]]
    quiz = next(i for i in items if i["id"] == "check-learning")
    assert quiz["questions"][1]["choices"][3]["text"] == "Board game"


def test_header_edits_touch_only_their_line() -> None:
    text = CHECK.read_text(encoding="utf-8")
    draft = parse_item(text)
    assert draft.title == "Quiz: learning with Training Kit" and draft.pass_mark == 60
    draft.set_pass_mark(60)
    draft.set_title(draft.title)
    assert draft.text() == text
    draft.set_pass_mark(80)
    draft.set_title("Check: what you learned")
    assert _changed_lines(text, draft.text()) == [
        '-title: "Quiz: learning with Training Kit"',
        '+title: "Check: what you learned"',
        "-pass_mark: 60",
        "+pass_mark: 80",
    ]
    again = parse_item(draft.text())
    assert (again.title, again.pass_mark) == ("Check: what you learned", 80)


def test_a_quiz_of_every_type_is_written_as_a_person_would_and_marks_right() -> None:
    draft = parse_item("---\nid: new-quiz\ntype: quiz\ntitle: New quiz\n---\n")
    assert draft.pass_mark == 70
    draft.set_intro("Five questions.")
    for qtype in ("single", "multiple", "truefalse", "short", "order"):
        question = new_question(draft, qtype, ("True", "False"))
        question.prompt = f"A {qtype} question?"
        draft.insert(len(draft.blocks), question)
    single, multiple, _truefalse, short, order = draft.questions
    single.answers = [AnswerDraft("Blue", True, "Right: blue."), AnswerDraft("Green")]
    multiple.answers = [AnswerDraft("Apple", True), AnswerDraft("Mango", True), AnswerDraft("Leek")]
    short.answers = [AnswerDraft("Nairobi", True), AnswerDraft("Mombasa", False, "A port.")]
    order.answers = [AnswerDraft("Boil"), AnswerDraft("Pour")]
    order.explanation = "Boil first."
    text = draft.text()
    assert text == (
        "---\nid: new-quiz\ntype: quiz\ntitle: New quiz\n---\nFive questions.\n\n"
        "## q1: single\nA single question?\n\n- [x] Blue\n  Right: blue.\n- [ ] Green\n\n"
        "## q2: multiple\nA multiple question?\n\n- [x] Apple\n- [x] Mango\n- [ ] Leek\n\n"
        "## q3: truefalse\nA truefalse question?\n\n- [x] True\n- [ ] False\n\n"
        "## q4: short\nA short question?\n\n- [x] Nairobi\n- [ ] Mombasa\n  A port.\n\n"
        "## q5: order\nA order question?\n\n1. Boil\n2. Pour\n\nExplanation: Boil first.\n"
    )
    item, problems = read_as_learner(text)
    assert problems == [] and item is not None
    right = {"q1": "1", "q2": ["1", "2"], "q3": "1", "q4": " nairobi.", "q5": ["1", "2"]}
    assert marking.score(item["questions"], right) == 100.0
    assert not marking.is_correct(item["questions"][3], "Mombasa")


def test_a_question_without_a_right_answer_is_reported_on_that_question() -> None:
    draft = parse_item(CHECK.read_text(encoding="utf-8"))
    question = draft.blocks[0].question
    assert question is not None
    for answer in question.answers:
        answer.correct = False
    _item, problems = read_as_learner(draft.text())
    head, per_block = problems_by_block(draft, problems)
    assert head == [] and [len(p) for p in per_block] == [1, 0, 0, 0, 0]
    assert "no correct answer" in per_block[0][0].message


def test_a_survey_with_sections_scales_na_and_attributes() -> None:
    draft = parse_item("---\nid: s\ntype: survey\ntitle: S\n---\nIntro.\n\n## a: text\nWhy?\n")
    assert draft.survey
    rate = QuestionDraft("imp", "likert", "How important?", skill="Q11016", dimension="importance")
    rate.answers = [AnswerDraft(t) for t in ("Low", "Mid", "High")] + [AnswerDraft("n/a", na=True)]
    draft.insert(0, rate)
    section = QuestionDraft("more", SECTION, "More about it.", show_if=ShowIf("imp", ("3",)))
    draft.insert(1, section)
    text = draft.text()
    assert text == (
        "---\nid: s\ntype: survey\ntitle: S\n---\nIntro.\n\n"
        "## imp: likert {skill: Q11016, dimension: importance}\nHow important?\n\n"
        "- Low\n- Mid\n- High\n- n/a {na: true}\n\n"
        '## more: section {show_if: {question: imp, answer_in: ["3"]}}\nMore about it.\n\n'
        "## a: text\nWhy?\n"
    )
    item, problems = read_as_learner(text)
    assert problems == [] and item is not None
    assert item["sections"][0]["show_if"] == {"question": "imp", "answer_in": ["3"]}
    assert item["questions"][0]["choices"][3]["na"] is True
    assert item["questions"][1]["section"] == "more"
    assert [b.question for b in parse_item(text).blocks] == [b.question for b in draft.blocks]


def test_hand_written_text_the_form_cannot_show_is_kept_as_written() -> None:
    text = (
        "---\nid: q\ntype: quiz\ntitle: Q\n---\n"
        "## odd heading\nSomething.\n\n"
        "## a: single\nPick.\n\n- [x] One\nstray words\n- [ ] Two\n\n"
        "## b: single\nPick.\n\n- [x] One\n- [ ] Two\n"
    )
    draft = parse_item(text)
    assert [b.question is None for b in draft.blocks] == [True, True, False]
    assert draft.text() == text
    draft.blocks[2].question.answers[1].text = "Three"  # type: ignore[union-attr]
    draft.move(2, 0)
    assert draft.text() == (
        "---\nid: q\ntype: quiz\ntitle: Q\n---\n"
        "## b: single\nPick.\n\n- [x] One\n- [ ] Three\n\n"
        "## odd heading\nSomething.\n\n"
        "## a: single\nPick.\n\n- [x] One\nstray words\n- [ ] Two\n"
    )


def test_duplicate_delete_and_line_numbers() -> None:
    draft = parse_item(CHECK.read_text(encoding="utf-8"))
    lines = draft.text().split("\n")
    assert [lines[n - 1] for n in draft.block_lines()][:2] == [
        "## own-profile: single",
        "## item-kinds: multiple",
    ]
    copy = draft.duplicate(0)
    assert copy.question is not None and copy.question.qid == "own-profile-1"
    del draft.blocks[1]
    assert parse_item(draft.text()).text() == draft.text()
    assert draft.text() == CHECK.read_text(encoding="utf-8")


def test_a_short_answer_written_as_a_plain_bullet_is_an_accepted_answer() -> None:
    text = (
        "---\nid: q\ntype: quiz\ntitle: Q\n---\n## c: short\nCapital?\n\n- Nairobi\n- [ ] Mombasa\n"
    )
    draft = parse_item(text)
    question = draft.blocks[0].question
    assert question is not None and [a.correct for a in question.answers] == [True, False]
    question.explanation = "Since 1907."
    item, problems = read_as_learner(draft.text())
    assert problems == [] and item is not None
    assert item["questions"][0]["accepted"] == ["Nairobi"]
    assert "- [x] Nairobi\n- [ ] Mombasa\n\nExplanation: Since 1907.\n" in draft.text()


def test_editing_one_attribute_of_the_needs_assessment_changes_only_its_heading() -> None:
    path = ROOT / "content_packs/needs-assessment/modules/assessment/01-skills-needs.md"
    text = path.read_text(encoding="utf-8")
    draft = parse_item(text)
    rating = next(q for q in draft.questions if q.qid == "imp-budgeting")
    assert (rating.skill, rating.dimension) == ("capx:budgeting", "importance")
    assert rating.answers[-1].na and rating.show_if is None
    rating.skill = "capx:governance"
    assert _changed_lines(text, draft.text()) == [
        "-## imp-budgeting: likert {skill: capx:budgeting, dimension: importance}",
        "+## imp-budgeting: likert {skill: capx:governance, dimension: importance}",
    ]
    assert read_as_learner(draft.text())[1] == read_as_learner(text)[1]


def test_renaming_a_question_keeps_the_conditions_naming_it() -> None:
    path = ROOT / "content_packs/needs-assessment/modules/assessment/01-skills-needs.md"
    draft = parse_item(path.read_text(encoding="utf-8"))
    target = next(q for q in draft.questions if q.qid == "imp-org")
    followers = [q for q in draft.questions if q.show_if and q.show_if.question == "imp-org"]
    assert followers
    draft.rename(target, "importance-org")
    assert all(q.show_if and q.show_if.question == "importance-org" for q in followers)
    assert [p for p in read_as_learner(draft.text())[1] if not p.warning] == []


PACKS = sorted({p.parents[2] for p in ITEMS})


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
def test_a_pack_with_every_question_rewritten_by_the_form_builds_the_same(
    pack: Path, tmp_path: Path
) -> None:
    copy = tmp_path / pack.name
    shutil.copytree(pack, copy)
    for path in ITEMS:
        if pack in path.parents:
            draft = parse_item(path.read_text(encoding="utf-8"))
            for block in draft.blocks:
                block.original = None
            (copy / path.relative_to(pack)).write_text(draft.text(), encoding="utf-8")
    before, after = load_source(pack), load_source(copy)
    assert after.report.errors == [] and before.report.errors == []
    assert after.content == before.content
