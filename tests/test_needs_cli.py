"""`kit survey list|results|export|import` through the real CLI, with two data folders."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from needs_helpers import install, needs_item, needs_pack, respondents

from kit.core.needs import KIOSK, PAPER, NeedsResponses, from_item
from kit.core.records import Records

SURVEY = from_item("skills-survey", "1.0.0", needs_item())


@pytest.fixture
def folders(tmp_path: Path, data_dir: Path):
    pack = needs_pack(tmp_path / "packs")
    here, there = install(data_dir, pack), install(tmp_path / "there", pack)
    with Records(here) as rec:
        NeedsResponses(rec.rdb).record_many(SURVEY, respondents(24, seed=8), KIOSK)
    with Records(there) as rec:
        NeedsResponses(rec.rdb).record_many(SURVEY, respondents(9, seed=9), PAPER)
    return here, there


def test_list_results_export_and_import_twice(run_kit, folders, tmp_path: Path) -> None:
    _here, there = folders
    code, out, err = run_kit("survey", "list", "--json")
    assert code == 0, err
    assert json.loads(out) == [
        {"survey": "skills-survey/needs", "title": "Community skills needs",
         "version": SURVEY.version, "skills": 4, "responses": 24}
    ]  # fmt: skip
    file = tmp_path / "there.json"
    code, out, err = run_kit("--data-dir", there.root, "survey", "export", "needs", "-o", file)
    assert code == 0 and out.strip() == f"Wrote 9 responses to {file}."
    code, out, err = run_kit("survey", "import", file)
    assert (code, out.strip()) == (0, "Imported 9 new responses (0 already here).")
    code, out, err = run_kit("survey", "import", file)
    assert (code, out.strip()) == (0, "Imported 0 new responses (9 already here).")
    assert "(33 responses)" in run_kit("survey", "list")[1]
    code, out, err = run_kit("survey", "results", "skills-survey/needs", "--format", "md")
    assert code == 0 and out.startswith("# Community skills needs")
    assert "| Imported | 9 |" in out and "Speaking to a room" in out
    code, out, err = run_kit("survey", "results", "needs", "--format", "wikitext")
    assert code == 0 and out.startswith("== Community skills needs ==") and "wikitable" in out


def test_results_csv_holds_the_anonymous_raw_answers(run_kit, folders, tmp_path: Path) -> None:
    path = tmp_path / "answers.csv"
    code, out, _err = run_kit("survey", "results", "needs", "--format", "csv", "-o", path)
    assert code == 0 and out.strip() == f"Wrote the results to {path}."
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == 24 and {r["mode"] for r in rows} == {"kiosk"}
    assert set(rows[0]) == {"response", "mode", "day", *SURVEY.kinds}
    with Records(folders[0]) as rec:
        stored = {r.id: r for r in NeedsResponses(rec.rdb).responses(SURVEY)}
    for row in rows:
        assert row["years"] == stored[row["response"]].answers.get("years", "")
        assert row["roles"] == "; ".join(stored[row["response"]].answers.get("roles", []))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("survey", "results", "nope", "--format", "md"), "There is no needs-assessment survey"),
        (("survey", "export", "other/needs", "-o", "x.json"), "There is no needs-assessment"),
        (("survey", "import", "missing.json"), "missing.json was not imported"),
    ],
)
def test_refusals_are_one_sentence_and_exit_1(run_kit, folders, args, message) -> None:
    code, out, err = run_kit(*args)
    assert code == 1 and out == "" and err.startswith(message) and err.count("\n") == 1
    with Records(folders[0]) as rec:
        assert len(NeedsResponses(rec.rdb).responses(SURVEY)) == 24


def test_a_damaged_file_changes_nothing(run_kit, folders, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "training-kit-needs-responses", "format_version": 1}')
    code, _out, err = run_kit("survey", "import", bad)
    assert code == 1 and "it is damaged" in err and "Nothing was changed." in err
    assert "(24 responses)" in run_kit("survey", "list")[1]


def test_a_survey_without_responses_says_so(run_kit, tmp_path: Path, data_dir: Path) -> None:
    install(data_dir, needs_pack(tmp_path / "packs"))
    code, out, _err = run_kit("survey", "results", "needs", "--format", "md")
    assert (
        code == 0 and "No responses have been recorded yet." in out and "Need score by" not in out
    )
    code, out, _err = run_kit("survey", "results", "needs", "--format", "csv")
    assert (
        code == 0 and out.splitlines()[0].startswith("response,mode,day,") and "\\u000d" not in out
    )


def test_results_in_spanish_take_only_texts_from_the_translation(run_kit, folders) -> None:
    code, english, _err = run_kit("survey", "results", "needs", "--format", "md")
    code, out, err = run_kit("--lang", "es", "survey", "results", "needs", "--format", "md")
    assert code == 0, err
    assert out.startswith("# Necesidades de habilidades")
    assert "Años contribuyendo" in out and "Menos de un año" in out
    # the rating translated without its skill and dimension still counts, the same
    from kit.core.skills.capx import skill
    from kit.i18n import _, set_language

    label = str(skill("Q11024").label)  # the skills directory names the area
    set_language("es")
    label_es = _(label)
    set_language("en")
    row = next(line for line in english.splitlines() if line.startswith(f"| {label} | Confidence"))
    counts = row.split(" | ")[2:9]  # N, points 1..5, not relevant: integers in both
    row_es = next(line for line in out.splitlines() if line.startswith(f"| {label_es} | Confianza"))
    assert row_es.split(" | ")[2:9] == counts and int(counts[0]) > 0
