"""`kit workshop ...` through the real CLI: plans, register, check-ins, errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from ui_shell import build_getting_started, prepare


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


def _new(run_kit, title: str = "Wiki editing", *more: str) -> str:
    code, out, err = run_kit("workshop", "new", title, "--starts", "2026-03-14", *more, "--json")
    assert code == 0, err
    return json.loads(out)["id"]


def test_new_list_show_archive_duplicate(run_kit) -> None:
    shop_id = _new(run_kit, "Wiki editing", "--days", "2", "--place", "City library")
    code, out, _err = run_kit("workshop", "list", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": shop_id, "title": "Wiki editing", "starts": "2026-03-14", "ends": "",
            "place": "City library", "archived": False, "sessions": 16,
        }
    ]  # fmt: skip
    code, out, _err = run_kit("workshop", "show", "wiki editing", "--json")
    shown = json.loads(out)
    assert shown["day_totals"] == {"1": 105, "2": 105} and shown["warnings"] == []
    code, out, _err = run_kit("workshop", "show", shop_id[:8])
    assert "Lunch: 60 of 60 minutes" in out and "Day 2: 105 minutes planned" in out
    assert run_kit("workshop", "duplicate", shop_id, "--title", "Round two")[0] == 0
    assert run_kit("workshop", "archive", "Wiki editing")[0] == 0
    code, out, _err = run_kit("workshop", "list")
    assert "Round two" in out and "Wiki editing" not in out
    code, out, _err = run_kit("workshop", "list", "--archived")
    assert "Wiki editing (archived)" in out


def test_export_then_import_in_a_second_data_folder(
    run_kit, tmp_path: Path, packs: Path, monkeypatch
) -> None:
    prepare(tmp_path / "data", [packs])
    shop_id = _new(run_kit)
    plan_file = tmp_path / "plan.yaml"
    assert run_kit("workshop", "export", shop_id, plan_file)[0] == 0
    code, first, _err = run_kit("workshop", "show", shop_id, "--json")
    other = prepare(tmp_path / "other", [packs])
    code, out, err = run_kit("--data-dir", other.root, "workshop", "import", plan_file)
    assert code == 0 and err == "" and shop_id in out
    code, second, _err = run_kit("--data-dir", other.root, "workshop", "show", shop_id, "--json")
    assert json.loads(second) == json.loads(first)


def test_import_warns_per_broken_reference_and_refuses_a_broken_file(
    run_kit, tmp_path: Path
) -> None:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(
        "format: training-kit-workshop\nversion: 1\ntitle: From a stick\nsessions:\n"
        "- start: '09:00'\n  slot: 60\n  items:\n"
        "  - {kind: pack, pack: first-aid, item: burns, minutes: 20}\n"
        "  - {kind: pack, pack: first-aid, module: basics, minutes: 30}\n",
        encoding="utf-8",
    )
    code, out, err = run_kit("workshop", "import", plan_file)
    assert code == 0 and "Imported the workshop From a stick" in out
    assert err.count("Warning: ") == 2 and "first-aid/burns, which is not installed" in err
    assert "Traceback" not in err
    plan_file.write_text("format: training-kit-workshop\nsessions: {", encoding="utf-8")
    code, out, err = run_kit("workshop", "import", plan_file)
    assert (code, out) == (1, "") and err == "The plan is not valid YAML (line 2).\n"
    assert "From a stick" in run_kit("workshop", "list")[1]


def test_register_checkin_csv_and_usernames(run_kit, tmp_path: Path) -> None:
    _new(run_kit)
    add = ("workshop", "participant", "add", "Wiki editing")
    assert run_kit(*add, "Ana", "--username", "AnaW", "--new-editor")[0] == 0
    code, out, _err = run_kit(*add, "Bea", "--contact", "bea@example.org")
    assert code == 0 and "The contact was not kept" in out
    assert run_kit(*add, "Carl", "--username", "CarlC", "--contact", "c@x.org", "--consent")[0] == 0
    code, out, _err = run_kit("workshop", "checkin", "Wiki editing", "1", "ana", "Bea")
    assert (code, out) == (0, "Checked in 2 participants; 2 in the session now.\n")
    sheet = tmp_path / "register.csv"
    code, out, _err = run_kit("workshop", "register", "Wiki editing", "--csv", sheet, "--usernames")
    assert code == 0 and out.splitlines()[1:] == ["AnaW"]
    rows = list(csv.DictReader(sheet.open(encoding="utf-8", newline="")))
    assert [(r["Name"], r["Contact"], r["New editor"], r["Day 1 09:00 Welcome"]) for r in rows] == [
        ("Ana", "", "yes", "yes"),
        ("Bea", "", "", "yes"),
        ("Carl", "c@x.org", "", ""),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("show", "Nope"), "There is no workshop Nope.\n"),
        (("checkin", "Wiki editing", "99", "Ana"), "The workshop Wiki editing has no session 99.\n"),
        (("checkin", "Wiki editing", "1", "Zoe"), "There is no participant called Zoe.\n"),
        (("new", "X", "--starts", "14.3.2026"), "The date 14.3.2026 is not a date like 2026-03-14.\n"),
        (("participant", "add", "Wiki editing", "Ana", "--profile", "Nobody"),
         "There is no profile called Nobody.\n"),
    ],
)  # fmt: skip
def test_errors_are_one_sentence_and_change_nothing(run_kit, data_dir: Path, args, message) -> None:
    _new(run_kit)
    code, out, err = run_kit("workshop", *args)
    assert (code, out, err) == (1, "", message)
    code, out, _err = run_kit("workshop", "register", "Wiki editing", "--json")
    assert json.loads(out) == {"participants": [], "checkins": []}
    assert [s["title"] for s in json.loads(run_kit("workshop", "list", "--json")[1])] == [
        "Wiki editing"
    ]
