"""The workshop report in the core and its text formats: every number is checked against
the recorded check-ins and deliveries, computed again here straight from records.db."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from kit.core.workshops import AgendaItem, Deliveries, Workshop, Workshops, template_day
from kit.core.workshops.report import build_report
from kit.core.workshops.report_writers import (
    csv_files,
    markdown,
    usernames_list,
    wikitext,
    write_csv,
)

T0 = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)


@dataclass
class Scenario:
    db_path: Path
    shop: Workshop
    names: dict[str, str]  # name -> participant id in the reported workshop


def _at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def make_scenario(records, data_dir: Path) -> Scenario:
    """An earlier workshop, the reported one, a later one; check-ins with a correction
    and a paper tick; an item delivered twice."""
    shops = Workshops(records.rdb)
    eve = records.create_profile("Eve")
    earlier = shops.save(Workshop(title="Intro", starts="2026-02-01", sessions=template_day(1)))
    came_before = [
        shops.add_participant(earlier.id, "Ana", wiki_username="AnaW").id,
        shops.add_participant(earlier.id, "dana lee").id,
        shops.add_participant(earlier.id, "E. V.", profile_id=eve.id).id,
    ]
    shops.add_participant(earlier.id, "Zed")  # registered there, never came
    shops.check_in(earlier.id, earlier.sessions[0].id, came_before)
    sessions = list(template_day(1))
    sessions[0] = replace(
        sessions[0],
        items=(
            AgendaItem(kind="discussion", minutes=30, title="Intro round"),
            AgendaItem(kind="hands-on", minutes=45, title="First | edit [[x]]"),
        ),
    )
    shop = shops.save(
        Workshop(
            title="Wiki editing",
            starts="2026-03-14",
            ends="2026-03-15",
            place="City library",
            facilitators=("Marta", "Ana"),
            sessions=tuple(sessions),
        )
    )
    people = {
        "Ana": dict(wiki_username="anaw"),
        "Dana Lee": {},
        "Evelyn": dict(profile_id=eve.id),
        "Ben": dict(wiki_username="BenB", new_editor=True),
        "Zed": {},
        "Chen": dict(wiki_username="ChenC"),
        "Fay": dict(wiki_username="FayF", new_editor=True),
    }
    names = {n: shops.add_participant(shop.id, n, **kw).id for n, kw in people.items()}
    s = shop.sessions
    shops.check_in(shop.id, s[0].id, [names[n] for n in ("Ana", "Dana Lee", "Evelyn", "Ben")])
    shops.check_in(shop.id, s[0].id, [names["Fay"]])
    shops.uncheck(shop.id, s[0].id, [names["Fay"]])  # a mistake, taken back
    shops.check_in(shop.id, s[2].id, [names["Ana"], names["Ben"]])
    shops.mark(shop.id, {(s[4].id, names["Zed"]): True})  # from the paper sheet
    later = shops.save(Workshop(title="Advanced", starts="2026-04-01", sessions=template_day(1)))
    shops.check_in(later.id, later.sessions[0].id, [shops.add_participant(later.id, "Ben").id])
    log = Deliveries(records.rdb)
    first, second = s[0].items
    log.record(shop.id, s[0].id, first.id, _at(0), _at(35))
    log.record(shop.id, s[0].id, second.id, _at(35), _at(80))
    log.record(shop.id, s[0].id, second.id, _at(110), _at(122.5))  # shown again
    return Scenario(data_dir / "records.db", shops.get(shop.id), names)


@dataclass
class Expected:
    participants: int
    new_editors: int
    per_session: dict[str, int]
    actual: dict[str, float]  # item id -> minutes
    registered: int


def expected(sc: Scenario) -> Expected:
    """The figures computed here from the raw rows (not through kit's code)."""
    conn = sqlite3.connect(sc.db_path)
    latest: dict[tuple[str, str], str] = {}
    for session, person, verb in conn.execute(
        "SELECT session_id, participant_id, verb FROM workshop_checkins"
        " WHERE workshop_id = ? ORDER BY seq",
        [sc.shop.id],
    ):
        latest[(session, person)] = verb
    present = {k for k, verb in latest.items() if verb != "unmarked"}
    came = {person for _s, person in present}
    new = {
        r[0]
        for r in conn.execute(
            "SELECT id FROM workshop_participants WHERE workshop_id = ? AND new_editor = 1",
            [sc.shop.id],
        )
    }
    actual: dict[str, float] = {}
    for item, started, ended in conn.execute(
        "SELECT item_id, started, ended FROM workshop_delivered WHERE workshop_id = ?",
        [sc.shop.id],
    ):
        span = dt.datetime.fromisoformat(ended) - dt.datetime.fromisoformat(started)
        actual[item] = actual.get(item, 0.0) + span.total_seconds() / 60
    registered = conn.execute(
        "SELECT count(*) FROM workshop_participants WHERE workshop_id = ?", [sc.shop.id]
    ).fetchone()[0]
    conn.close()
    per_session = {s.id: sum(1 for k in present if k[0] == s.id) for s in sc.shop.sessions}
    return Expected(len(came), len(came & new), per_session, actual, registered)


@pytest.fixture
def scenario(records, data_dir: Path) -> Scenario:
    return make_scenario(records, data_dir)


@pytest.fixture
def report(records, scenario):
    return build_report(records.rdb, scenario.shop)


def _figures(report) -> dict[str, object]:
    return {f.key: f.value for s in report.sections for f in s.figures}


def test_the_figures_match_the_recorded_check_ins_and_deliveries(report, scenario) -> None:
    want = expected(scenario)
    got = _figures(report)
    assert got["participants"] == want.participants == 5
    assert got["new_editors"] == want.new_editors == 1  # Fay's check-in was taken back
    assert got["registered"] == want.registered == 7
    # Ana (wiki username, other case), Dana Lee (name), Evelyn (linked profile) came
    # before; Zed only registered before; Ben came later, not before.
    assert got["returning_participants"] == 3
    assert got["new_participants"] == want.participants - 3
    assert got["content"] is None
    sessions = report.section("attendance").tables[0]
    assert [row[1] for row in sessions.rows] == [
        want.per_session[s.id] for s in scenario.shop.sessions
    ]
    items = report.section("delivery").tables[0]
    first, second = scenario.shop.sessions[0].items
    assert items.rows[0][2:4] == (30, round(want.actual[first.id], 1))
    assert items.rows[1][2:5] == (45, round(want.actual[second.id], 1), 12.5)
    assert got["delivered_minutes"] == round(sum(want.actual.values()), 1) == 92.5
    assert got["items_delivered"] == 2
    assert report.dates == "2026-03-14 – 2026-03-15"
    assert report.usernames == ("anaw", "BenB")


def test_a_workshop_with_nothing_recorded_has_no_sections(records) -> None:
    shop = Workshops(records.rdb).save(Workshop(title="Empty", sessions=template_day(1)))
    report = build_report(records.rdb, shop)
    assert report.sections == ()
    assert wikitext(report).startswith("== Empty ==")
    assert csv_files(report) == {
        "report-workshop.csv": "Field,Value\r\nWorkshop,Empty\r\n",
        "report-figures.csv": "Section,Key,Figure,Value,Definition,Note\r\n",
    }


def _wiki_tables(text: str) -> list[dict]:
    """Parse wikitext table markup: each table's caption, header cells and rows of
    cells; fails on unbalanced `{|`/`|}` or a row outside a table."""
    tables: list[dict] = []
    current = None
    for line in text.splitlines():
        if line.startswith("{|"):
            assert current is None, "a table opened inside a table"
            current = {"caption": "", "headers": [], "rows": []}
        elif line.startswith("|}"):
            assert current is not None, "a table closed that was not open"
            tables.append(current)
            current = None
        elif current is None:
            assert not line.startswith(("|", "!")), f"table markup outside a table: {line}"
        elif line.startswith("|+"):
            current["caption"] = line[2:].strip()
        elif line.startswith("!"):
            current["headers"] = [c.strip() for c in line[1:].split("!!")]
        elif line == "|-":
            current["rows"].append([])
        elif line.startswith("|"):
            current["rows"][-1] = [c.strip() for c in line[1:].split("||")]
    assert current is None, "a table left open"
    return tables


def test_the_wikitext_is_balanced_tables_one_row_per_participant_or_figure(
    report, scenario
) -> None:
    want = expected(scenario)
    text = wikitext(report)
    assert text.count("{|") == text.count("|}") == 6
    tables = {t["caption"]: t for t in _wiki_tables(text)}
    figures = tables["Figures: Attendance"]
    assert figures["headers"] == ["Figure", "Value", "Definition", "Note"]
    values = {row[0]: row[1] for row in figures["rows"]}
    assert len(figures["rows"]) == len(report.section("attendance").figures)
    assert values["Participants"] == str(want.participants)
    assert values["Newly registered editors"] == str(want.new_editors)
    assert values["Content created or improved"] == "not recorded"
    people = tables["Participants"]
    assert len(people["rows"]) == want.participants
    assert all(len(row) == len(people["headers"]) for row in people["rows"])
    # listed by wiki username only: the names stay in the register, off a public page
    assert [row[0] for row in people["rows"]][:2] == ["anaw", "BenB"]
    assert not any(name in text for name in ("Dana Lee", "Evelyn", "Zed"))
    # a title with wiki markup is shown as typed, never as a link or a cell break
    items = tables["Agenda items, planned and actual"]
    assert items["rows"][1][1] == "First &#124; edit &#91;&#91;x&#93;&#93;"
    assert items["rows"][1][3] == "57.5"
    assert "* '''Place:''' City library" in text


def test_markdown_holds_the_same_numbers(report, scenario) -> None:
    want = expected(scenario)
    text = markdown(report)
    assert text.startswith("# Wiki editing\n")
    assert f"| Participants | {want.participants} |" in text
    assert f"| Newly registered editors | {want.new_editors} |" in text
    assert "First \\| edit \\[\\[x\\]\\]" in text
    rows = [line for line in text.splitlines() if line.startswith("| Day 1 ")]
    present = [int(line.split(" | ")[1]) for line in rows if line.count(" | ") == 2]
    assert present == [want.per_session[s.id] for s in scenario.shop.sessions]


def _read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_one_file_per_table_in_a_folder_or_a_zip(report, scenario, tmp_path: Path) -> None:
    want = expected(scenario)
    folder = write_csv(report, tmp_path / "out")
    names = sorted(p.name for p in folder.iterdir())
    assert names == [
        "report-figures.csv",
        "report-items.csv",
        "report-participants.csv",
        "report-session_times.csv",
        "report-sessions.csv",
        "report-workshop.csv",
    ]
    head = _read_csv((folder / "report-workshop.csv").read_text())
    assert [r["Value"] for r in head] == [
        "Wiki editing", "Mar 14, 2026 – Mar 15, 2026", "City library", "Marta, Ana",
    ]  # fmt: skip
    figures = {r["Key"]: r for r in _read_csv((folder / "report-figures.csv").read_text())}
    assert figures["participants"]["Value"] == str(want.participants)
    assert figures["new_editors"]["Definition"].startswith("Participants who came")
    assert figures["content"]["Value"] == "" and figures["content"]["Note"].startswith("Not")
    assert figures["delivered_minutes"]["Value"] == "92.5"
    sessions = _read_csv((folder / "report-sessions.csv").read_text())
    assert [int(r["Checked in"]) for r in sessions] == list(want.per_session.values())
    people = _read_csv((folder / "report-participants.csv").read_text())
    assert len(people) == want.participants
    zipped = write_csv(report, tmp_path / "report.zip")
    with zipfile.ZipFile(zipped) as zf:
        assert sorted(zf.namelist()) == names
        assert zf.read("report-figures.csv") == (folder / "report-figures.csv").read_bytes()
    assert not list(tmp_path.glob(".*partial"))


def test_usernames_one_a_line_of_those_who_came(report) -> None:
    assert usernames_list(report) == "anaw\nBenB\n"


def test_a_csv_cell_starting_like_a_formula_stays_text(records) -> None:
    shops = Workshops(records.rdb)
    shop = shops.save(Workshop(title="F", sessions=template_day(1)))
    who = shops.add_participant(shop.id, "Hy", wiki_username="=HYPERLINK(1)")
    shops.check_in(shop.id, shop.sessions[0].id, [who.id])
    files = csv_files(build_report(records.rdb, shop))
    assert "'=HYPERLINK(1)" in files["report-participants.csv"]
