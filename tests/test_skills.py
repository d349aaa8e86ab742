"""The skills directory (CapX groups and sub-capacities) and module skill tags."""

from __future__ import annotations

from pathlib import Path

from pack_helpers import MODULE, edit, line_of, make_source

from kit.core.packformat.source import load_source
from kit.core.skills import capx
from kit.i18n import set_language


def test_the_seven_groups_are_keyed_by_the_issues_qids() -> None:
    assert list(capx.GROUPS) == [
        "Q759524",
        "Q11024",
        "Q60231731",
        "Q28837578",
        "Q1413287",
        "Q30673599",
        "Q11016",
    ]
    for qid in capx.GROUPS:
        group = capx.skill(qid)
        assert group is not None and group.is_group and capx.group_of(qid) == qid


def test_named_sub_capacities_sit_under_their_group_with_capx_keys() -> None:
    subs = [s for s in capx.all_skills() if not s.is_group]
    assert len(subs) >= 30
    assert all(s.key.startswith("capx:") and s.group_key in capx.GROUPS for s in subs)
    assert capx.group_of("capx:budgeting") == "Q759524"
    assert capx.group_of("capx:public-speaking") == "Q11024"
    assert capx.group_of("capx:wikidata") == "Q11016"
    assert capx.group_of("capx:conflict-management") == "Q28837578"
    assert capx.group_of("capx:nothing") == "" and capx.skill("capx:nothing") is None
    for wanted in ("grant-proposals", "storytelling", "surveys", "glam", "commons", "mentorship"):
        assert capx.skill("capx:" + wanted) is not None
    # Each group is followed by its own sub-capacities, in directory order.
    order = [s.group_key for s in capx.all_skills()]
    assert order == sorted(order, key=list(capx.GROUPS).index)
    assert all(len(capx.subskills(g)) >= 3 for g in capx.GROUPS)


def test_labels_are_shown_in_the_interface_language() -> None:
    budgeting = capx.skill("capx:budgeting")
    assert budgeting is not None
    try:
        set_language("es")
        spanish = budgeting.shown_label()
        set_language("ar")
        arabic = capx.skill("Q11024").shown_label()  # type: ignore[union-attr]
    finally:
        set_language("en")
    assert budgeting.shown_label() == "Budgeting"
    assert spanish != "Budgeting" and spanish
    assert arabic != "Communication" and arabic


def test_module_skill_tags_known_or_qid_are_clean_and_unknown_ones_warn(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    edit(root, MODULE, "tags: [getting-started, editing]", "tags: [editing, Q11024, capx:wikidata]")
    assert load_source(root).report.problems == []
    edit(root, MODULE, "capx:wikidata", "capx:wikidatta")
    loaded = load_source(root)
    assert loaded.report.errors == []
    [warning] = loaded.report.warnings
    assert warning.path == MODULE and warning.line == line_of(root, MODULE, "tags:")
    assert "'capx:wikidatta' is not in the skills directory" in warning.message
    assert loaded.content["modules"][0]["tags"] == ["editing", "Q11024", "capx:wikidatta"]


def test_a_tag_of_no_known_shape_is_still_refused(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    edit(root, MODULE, "tags: [getting-started, editing]", "tags: [Editing]")
    [error] = load_source(root).report.errors
    assert "tag 'Editing' must be lowercase" in error.message
