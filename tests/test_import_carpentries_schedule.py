"""The Carpentries importer makes a ready workshop plan from the lesson's schedule."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kit.core.bundled import install_bundled
from kit.core.importers.carpentries import import_carpentries
from kit.core.library import Library
from kit.core.packformat.source import load_source
from kit.core.paths import DataDir
from kit.core.workshops.packplans import load_pack_plan, pack_plans
from tests.conftest import CORPUS

LESSON = CORPUS / "carpentries-lc-wikidata"
needs_corpus = pytest.mark.skipif(not LESSON.is_dir(), reason="corpus not present")
REF = "carpentries-lc-wikidata/schedule"


def _sessions(loaded) -> list[dict]:
    [plan] = loaded.content["plans"]
    assert plan["name"] == "schedule"
    return yaml.safe_load(plan["text"])["sessions"]


@needs_corpus
def test_episodes_fill_the_default_day_in_order_with_their_minutes(tmp_path: Path) -> None:
    (pack,) = import_carpentries(LESSON, tmp_path, pack_id="carpentries-lc-wikidata").packs
    loaded = load_source(pack)
    assert loaded.report.errors == []
    sessions = _sessions(loaded)
    config = yaml.safe_load((LESSON / "config.yaml").read_text(encoding="utf-8"))
    episodes = [Path(n).stem.lower() for n in config["episodes"]]
    planned = [i["module"] for s in sessions for i in s["items"] if i["kind"] == "pack"]
    assert planned == episodes
    minutes = {m["id"]: m["minutes"] for m in loaded.content["modules"]}
    for item in (i for s in sessions for i in s["items"] if i["kind"] == "pack"):
        assert item["minutes"] == minutes[item["module"]]
    # 20 + 20 + 30 (teaching + exercises) and the untimed episode 04 fill the first 90
    # minutes; episode 05 would overrun it, so it comes after the morning break.
    assert [(s["title"], s["start"], s["slot"]) for s in sessions] == [
        ("Welcome", "09:00", 90),
        ("Morning break", "10:30", 15),
        ("Late morning", "10:45", 75),
        ("Wrap-up", "12:00", 15),
    ]
    assert all(s["total"] <= s["slot"] for s in _totals(sessions))


def _totals(sessions: list[dict]) -> list[dict]:
    return [{**s, "total": sum(i["minutes"] for i in s["items"])} for s in sessions]


@needs_corpus
def test_the_bundled_pack_carries_the_plan_and_it_adopts_cleanly(data_dir: Path) -> None:
    with Library(DataDir(data_dir)) as lib:
        install_bundled(lib)
        found = {p.ref: p for p in pack_plans(lib)}
        assert found[REF].days == 1
        assert found[REF].title == "Library Carpentry Wikidata"
        imported = load_pack_plan(lib, "carpentries-lc-wikidata", "schedule")
    assert imported.warnings == []
    shop = imported.workshop
    assert shop.warnings() == []
    assert shop.sessions[0].items[0].title == "What is Wikidata?"
    assert found[REF].minutes == sum(s.total for s in shop.sessions)


def _episode(title: str, extra: str = "", teaching: int = 10, exercises: int = 5) -> str:
    return (
        f"---\ntitle: {title}\nteaching: {teaching}\nexercises: {exercises}\n{extra}---\n\n"
        f"Some text about {title}.\n"
    )


def test_the_lessons_own_breaks_and_days_are_followed(tmp_path: Path) -> None:
    root = tmp_path / "lesson"
    (root / "episodes").mkdir(parents=True)
    files = {
        "one.md": _episode("One"),
        "two.md": _episode("Two", teaching=30, exercises=15),
        "coffee.md": "---\ntitle: Coffee\nbreak: 20\n---\n",
        "three.md": _episode("Three").replace(
            "Some text", "After the [coffee](coffee.md), some text"
        ),
        "four.md": _episode("Four", "start: true\n"),
    }
    for name, text in files.items():
        (root / "episodes" / name).write_text(text, encoding="utf-8")
    (root / "config.yaml").write_text(
        "title: Own schedule\nlicense: CC-BY 4.0\nstart_time: 570\nepisodes:\n"
        + "".join(f"- {n}\n" for n in files),
        encoding="utf-8",
    )
    (pack,) = import_carpentries(root, tmp_path / "out", pack_id="own").packs
    loaded = load_source(pack)
    assert loaded.report.errors == []
    assert "coffee" not in [m["id"] for m in loaded.content["modules"]]
    three = next(m for m in loaded.content["modules"] if m["id"] == "three")["items"][0]
    assert "After the coffee, some text" in three["body"]
    got = [
        (s["day"], s["start"], s["slot"], [i.get("module") or i["kind"] for i in s["items"]])
        for s in _sessions(loaded)
    ]
    assert got == [
        (1, "09:30", 60, ["one", "two"]),
        (1, "10:30", 20, ["break"]),
        (1, "10:50", 15, ["three"]),
        (2, "09:30", 15, ["four"]),
    ]
