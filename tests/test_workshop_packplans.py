"""Ready workshop plans carried by packs: validate, build, install, list, adopt, uninstall."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from library_helpers import content, lesson, write_pack
from ui_shell import GETTING_STARTED

from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.source import load_source
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import WorkshopError, Workshops
from kit.core.workshops.packplans import load_pack_plan, pack_plans

PLAN = """\
# A two-day plan for the getting-started pack
format: training-kit-workshop
version: 1
title: Training Kit in two mornings
sessions:
- title: Learners
  day: 1
  start: '09:00'
  slot: 60
  items:
  - pack: getting-started
    item: choose-a-profile
    minutes: 1
  - pack: getting-started
    module: learning
  - kind: break
    minutes: 15
- title: Facilitators
  day: 2
  start: '09:00'
  slot: 90
  items:
  - pack: getting-started
    item: run-a-workshop
  - kind: discussion
    minutes: 20
"""


def _source(folder: Path, plans: dict[str, str]) -> Path:
    src = folder / "getting-started"
    shutil.copytree(GETTING_STARTED, src)
    (src / "plans").mkdir()
    for name, text in plans.items():
        (src / "plans" / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def planned_pack(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("planned")
    return build_pack(_source(folder, {"two-mornings.yaml": PLAN}), folder / "out")


def _ids(shop) -> set[str]:
    return {
        shop.id,
        *(s.id for s in shop.sessions),
        *(i.id for s in shop.sessions for i in s.items),
    }


def _library(data_dir: Path) -> Library:
    return Library(DataDir(data_dir))


def test_validate_names_each_broken_plan_with_its_file_and_line(tmp_path: Path, run_kit) -> None:
    broken_yaml = PLAN.replace("slot: 60", "slot: [60")
    other_pack = PLAN.replace(
        "pack: getting-started\n    item: run-a-workshop",
        "pack: first-aid\n    item: run-a-workshop",
    )
    missing = PLAN.replace("item: run-a-workshop", "item: no-such-lesson")
    src = _source(
        tmp_path,
        {
            "broken.yaml": broken_yaml,
            "other.yaml": other_pack,
            "missing.yaml": missing,
            "module.yaml": PLAN.replace("module: learning", "module: cooking"),
            "good.yaml": PLAN,
            "Bad Name.yaml": PLAN,
            "notes.txt": "not a plan",
        },
    )
    code, out, err = run_kit("pack", "validate", src)
    assert code == 1
    lines = err.splitlines()
    assert any(line.startswith("plans/broken.yaml:10: invalid YAML") for line in lines), err
    assert (
        "plans/missing.yaml:24: item 1 of session 2: refers to the item 'no-such-lesson', "
        "which is not in this pack" in lines
    )
    assert any(
        line.startswith("plans/other.yaml:24: item 1 of session 2: refers to the pack 'first-aid'")
        for line in lines
    ), err
    assert (
        "plans/module.yaml:15: item 2 of session 1: refers to the module 'cooking', "
        "which is not in this pack" in lines
    )
    assert any(line.startswith("plans/Bad Name.yaml:1: ") for line in lines)
    assert not any("good.yaml" in line for line in lines)
    assert "plans/notes.txt:1: warning: not a plan file" in out
    assert "5 problems found." in err


def test_a_plan_that_is_not_a_workshop_plan_is_refused(tmp_path: Path) -> None:
    src = _source(tmp_path, {"x.yaml": "title: Not a plan\n"})
    problems = [str(p) for p in load_source(src).report.errors]
    assert problems == ["plans/x.yaml:1: This file is not a Training Kit workshop plan."]


def test_build_carries_plans_and_packs_without_plans_build_as_before(
    tmp_path: Path, planned_pack: Path
) -> None:
    import zipfile

    with zipfile.ZipFile(planned_pack) as zf:
        carried = json.loads(zf.read("content.json"))["plans"]
    assert carried == [
        {"name": "two-mornings", "title": "Training Kit in two mornings", "text": PLAN}
    ]
    plain = load_source(GETTING_STARTED).content
    assert "plans" not in plain


def test_install_lists_the_plan_with_days_and_minutes_from_the_content(
    data_dir: Path, planned_pack: Path
) -> None:
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        [found] = pack_plans(lib)
    assert (found.ref, found.title, found.days) == (
        "getting-started/two-mornings",
        "Training Kit in two mornings",
        2,
    )
    # choose-a-profile 4 + module learning (its minutes) + 15, then run-a-workshop 6 + 20
    module = next(
        m for m in load_source(GETTING_STARTED).content["modules"] if m["id"] == "learning"
    )
    assert found.minutes == 4 + module["minutes"] + 15 + 6 + 20


def test_a_plan_adopted_twice_makes_two_workshops(data_dir: Path, planned_pack: Path) -> None:
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        first = load_pack_plan(lib, "getting-started", "two-mornings")
        second = load_pack_plan(lib, "getting-started", "two-mornings")
    assert first.warnings == []
    shop = first.workshop
    assert [s.title for s in shop.sessions] == ["Learners", "Facilitators"]
    # the file said 1 minute and no title: both come from the installed pack
    assert (shop.sessions[0].items[0].title, shop.sessions[0].items[0].minutes) == (
        "Choose your profile",
        4,
    )
    assert not _ids(first.workshop) & _ids(second.workshop)
    with Records(DataDir(data_dir)) as records:
        shops = Workshops(records.rdb)
        shops.save(first.workshop)
        shops.save(second.workshop)
        assert len(shops.list_workshops()) == 2


def test_uninstall_removes_the_plans(data_dir: Path, planned_pack: Path) -> None:
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        lib.remove("getting-started")
        assert pack_plans(lib) == []
        with pytest.raises(WorkshopError, match="No pack getting-started is installed"):
            load_pack_plan(lib, "getting-started", "two-mornings")


def test_an_update_replaces_the_plans(tmp_path: Path, data_dir: Path, planned_pack: Path) -> None:
    src = _source(tmp_path, {"one-day.yaml": PLAN.replace("day: 2", "day: 1")})
    (src / "pack.yaml").write_text(
        (src / "pack.yaml").read_text(encoding="utf-8").replace("version: 1.0.0", "version: 1.0.1"),
        encoding="utf-8",
    )
    newer = build_pack(src, tmp_path / "out")
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        lib.install(newer)
        assert [(p.name, p.days) for p in pack_plans(lib)] == [("one-day", 1)]


def test_a_damaged_plans_list_refuses_the_pack(tmp_path: Path, data_dir: Path) -> None:
    body = content(items=[lesson("intro", "Intro")])
    body["plans"] = [{"name": "x", "title": "X", "text": 5}]
    bad = write_pack(tmp_path / "bad.kitpack", body)
    with _library(data_dir) as lib:
        with pytest.raises(Exception, match="the plan 'x' is not text"):
            lib.install(bad)
        assert lib.list_packs() == []


def test_a_hand_made_plan_that_cannot_be_read_is_left_out_and_explained(
    tmp_path: Path, data_dir: Path
) -> None:
    body = content(items=[lesson("intro", "Intro")])
    body["plans"] = [{"name": "x", "title": "X", "text": "format: nope\n"}]
    with _library(data_dir) as lib:
        lib.install(write_pack(tmp_path / "p.kitpack", body))
        assert pack_plans(lib) == []
        with pytest.raises(WorkshopError, match="The plan demo/x cannot be read"):
            load_pack_plan(lib, "demo", "x")


def test_cli_lists_and_adopts_a_pack_plan(run_kit, data_dir: Path, planned_pack: Path) -> None:
    assert run_kit("library", "install", planned_pack)[0] == 0
    code, out, _err = run_kit("workshop", "plans", "--json")
    assert code == 0
    [listed] = json.loads(out)
    assert listed["ref"] == "getting-started/two-mornings" and listed["days"] == 2
    code, out, _err = run_kit("workshop", "plans")
    assert "getting-started/two-mornings  Training Kit in two mornings (2 days," in out
    code, out, err = run_kit("workshop", "import", "--from-pack", "getting-started/two-mornings")
    assert code == 0 and err == "" and "Imported the workshop Training Kit in two mornings" in out
    code, out, _err = run_kit("workshop", "list", "--json")
    assert [w["title"] for w in json.loads(out)] == ["Training Kit in two mornings"]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("first-aid/basics", "No pack first-aid is installed; see 'kit library list'.\n"),
        (
            "getting-started/nothing",
            "The pack getting-started carries no plan nothing; see 'kit workshop plans'.\n",
        ),
        ("getting-started", "getting-started does not name a pack's plan; write PACK/NAME"),
    ],
)
def test_cli_says_in_one_sentence_when_the_pack_or_plan_is_missing(
    run_kit, data_dir: Path, planned_pack: Path, ref: str, message: str
) -> None:
    assert run_kit("library", "install", planned_pack)[0] == 0
    code, out, err = run_kit("workshop", "import", "--from-pack", ref)
    assert code == 1 and err.startswith(message) and "Traceback" not in err
    code, out, _err = run_kit("workshop", "list", "--json")
    assert json.loads(out) == []


def test_cli_without_plans(run_kit, data_dir: Path) -> None:
    code, out, _err = run_kit("workshop", "plans")
    assert code == 0 and out == "The installed packs carry no workshop plans.\n"


def test_an_exported_pack_takes_its_plans_to_another_computer(
    tmp_path: Path, data_dir: Path, planned_pack: Path
) -> None:
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        exported = lib.export_pack("getting-started", tmp_path / "stick")
    with _library(tmp_path / "other") as other:
        other.install(exported)
        assert [p.ref for p in pack_plans(other)] == ["getting-started/two-mornings"]


def test_packs_installed_before_the_library_kept_plans_get_theirs(
    data_dir: Path, planned_pack: Path
) -> None:
    # As an older Training Kit left it: the pack (with its content.json kept for export)
    # but no pack_plans table, and m008 not applied yet.
    with _library(data_dir) as lib:
        lib.install(planned_pack)
        lib.conn.execute("DROP TABLE pack_plans")
        lib.conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm008_pack_plans'")
    with _library(data_dir) as lib:
        assert [p.ref for p in pack_plans(lib)] == ["getting-started/two-mornings"]


def test_the_ui_operations_list_and_adopt_off_the_gui_thread(
    qtbot, data_dir: Path, planned_pack: Path
) -> None:
    from ui_reader_pack import reader_context

    from kit.ui.changes import Change
    from kit.ui.operations import packplans as ops

    got: dict[str, object] = {}
    heard: list[object] = []
    with reader_context(data_dir, planned_pack, "Ana") as ctx:
        ctx.changes.operation_did_execute.connect(lambda changes, _by: heard.append(changes))
        ops.list_pack_plans(ctx).success(lambda r: got.update(plans=r)).run()
        qtbot.waitUntil(lambda: "plans" in got)
        [plan] = got["plans"]
        ops.adopt_pack_plan(ctx, plan.pack_id, plan.name).success(
            lambda r: got.update(adopted=r)
        ).run()
        ops.adopt_pack_plan(ctx, "getting-started", "nothing").failure(
            lambda m: got.update(refused=m)
        ).run()
        qtbot.waitUntil(lambda: "adopted" in got and "refused" in got)
        shop, warnings = got["adopted"]
        assert shop.title == "Training Kit in two mornings" and warnings == []
        assert got["refused"].startswith("The pack getting-started carries no plan nothing")
        assert any(Change.WORKSHOPS in c.kinds for c in heard)
        listed = ctx.worker.call(lambda: Workshops(ctx.records.rdb).list_workshops())
        assert [w.id for w in listed] == [shop.id]
