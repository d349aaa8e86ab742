"""The bundled "Community skills needs assessment" pack: its structure and that it installs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from library_helpers import open_library
from pack_helpers import CONTENT_PACKS

from kit.core.packformat.build import build_pack
from kit.core.packformat.conditions import item_conditions, visible
from kit.core.packformat.source import load_source
from kit.core.skills import capx

SOURCE = CONTENT_PACKS / "needs-assessment"
LANGS = ("es", "fr", "ar")


def _survey() -> tuple[dict[str, Any], dict[str, Any]]:
    loaded = load_source(SOURCE)
    assert loaded.report.problems == []  # not even a warning
    [module] = loaded.content["modules"]
    [item] = module["items"]
    return loaded.content, item


def _ratings(shown: set[str], item: dict[str, Any]) -> list[dict[str, Any]]:
    return [q for q in item["questions"] if q["id"] in shown and "skill" in q]


def test_the_pack_is_ours_in_four_languages_and_a_needs_assessment() -> None:
    content, item = _survey()
    pack = content["pack"]
    assert pack["license"] == "CC-BY-SA-4.0"
    assert pack["authors"] == [{"name": "Training Kit contributors"}]
    assert "Training Kit contributors" in pack["attribution"]
    assert pack["languages"] == ["en", *LANGS]
    assert item["needs_assessment"] is True
    for lang in LANGS:
        translated = content["translations"][lang]["items"][item["id"]]
        assert translated["title"] != item["title"]
        # Every question and every choice is translated.
        assert [q["id"] for q in translated["questions"]] == [q["id"] for q in item["questions"]]
        for orig, tq in zip(item["questions"], translated["questions"], strict=True):
            assert tq["prompt"] != orig["prompt"]
            assert len(tq["choices"]) == len(orig["choices"])


def test_groups_are_rated_first_then_sections_of_their_sub_capacities() -> None:
    _content, item = _survey()
    ratings = [q for q in item["questions"] if "skill" in q]
    first = ratings[: 2 * len(capx.GROUPS)]
    assert {q["skill"] for q in first} == set(capx.GROUPS)
    assert sorted(q["dimension"] for q in first) == ["confidence"] * 7 + ["importance"] * 7
    assert all("section" not in q for q in first)
    importance = {q["skill"]: q["id"] for q in first if q["dimension"] == "importance"}
    sections = {s["id"]: s for s in item["sections"] if "show_if" in s}
    assert len(sections) == len(capx.GROUPS)
    for q in ratings[len(first) :]:
        assert capx.skill(q["skill"]) is not None and not q["skill"].startswith("Q")
        condition = sections[q["section"]]["show_if"]
        # A sub-capacity shows when its own group was rated essential (5).
        assert condition == {"question": importance[capx.group_of(q["skill"])], "answer_in": ["5"]}
    for q in ratings:
        assert [c.get("na", False) for c in q["choices"]] == [False] * 5 + [True]
    about = [q["id"] for q in item["questions"] if q.get("about")]
    texts = [q["id"] for q in item["questions"] if q["type"] == "text"]
    assert about == ["years", "roles"] and len(texts) == 2
    # The closing free-text questions are always shown, whatever was rated.
    assert all(q.get("section") not in sections for q in item["questions"] if q["type"] == "text")


def test_a_respondent_rates_the_groups_and_the_skills_of_what_they_call_essential() -> None:
    _content, item = _survey()
    conds = item_conditions(item)
    group_imp = [
        q["id"]
        for q in item["questions"]
        if q.get("skill") in capx.GROUPS and q["dimension"] == "importance"
    ]
    none = {qid: "3" for qid in group_imp}
    one = {**none, group_imp[0]: "5"}
    two = {**one, group_imp[3]: "5"}
    counts = [len(_ratings(visible(conds.items(), a), item)) for a in (none, one, two)]
    assert counts == [14, 20, 26]
    shown = _ratings(visible(conds.items(), one), item)
    assert {capx.group_of(q["skill"]) for q in shown[14:]} == {"Q759524"}


def test_the_pack_builds_and_installs(tmp_path: Path) -> None:
    built = build_pack(SOURCE, tmp_path / "out")
    library = open_library(tmp_path / "data")
    try:
        library.install(built)
        item = library.get_item("needs-assessment", "skills-needs", "ar")
        assert item is not None
        assert item["needs_assessment"] is True and len(item["sections"]) == 8
        assert item["questions"][2]["skill"] == "Q759524"
        assert item["questions"][2]["prompt"].startswith("ما مدى أهمية")
        # The translation gives the words; skills, conditions and "not relevant" stay.
        assert item["questions"][2]["choices"][5] == {
            "id": "6",
            "text": "لا ينطبق / لا أعرف",
            "correct": False,
            "explanation": "",
            "na": True,
        }
        assert next(q for q in item["questions"] if q["id"] == "imp-budgeting")["section"]
    finally:
        library.close()
