"""`kit import carpentries` over the real lc-wikidata lesson and made-up Workbench lessons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from kit.core.importers.carpentries import import_carpentries
from kit.core.importers.carpentries_md import parse_divs, render
from kit.core.packformat.build import build_pack
from kit.core.packformat.source import load_source
from tests.conftest import CORPUS

LESSON = CORPUS / "carpentries-lc-wikidata"
needs_corpus = pytest.mark.skipif(not LESSON.is_dir(), reason="corpus not present")


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("carpentries")
    report = import_carpentries(LESSON, out)
    (pack,) = report.packs
    return pack, report, load_source(pack)


def _header(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])


@needs_corpus
def test_lesson_becomes_a_valid_pack_with_attribution(imported) -> None:
    pack, _report, loaded = imported
    assert loaded.report.errors == []
    assert loaded.pack["license"] == "CC-BY-4.0"
    assert "Library Carpentry" in loaded.pack["attribution"]
    assert "Konrad Förstner" in [a["name"] for a in loaded.pack["authors"]]
    assert (pack / "ATTRIBUTION.md").is_file()
    assert build_pack(pack, pack.parent).stat().st_size > 0


@needs_corpus
def test_episodes_in_config_order_with_their_durations(imported) -> None:
    _pack, report, loaded = imported
    config = yaml.safe_load((LESSON / "config.yaml").read_text(encoding="utf-8"))
    modules = {m["id"]: m for m in loaded.content["modules"]}
    order = [m["id"] for m in loaded.content["modules"]]
    episode_ids = [Path(name).stem.lower() for name in config["episodes"]]
    assert [i for i in order if i in episode_ids] == episode_ids
    for name in config["episodes"]:
        header = _header(LESSON / "episodes" / name)
        module = modules[Path(name).stem.lower()]
        lesson = module["items"][0]
        assert lesson["type"] == "lesson" and lesson["title"] == header["title"]
        total = header["teaching"] + header["exercises"]
        if total:
            assert module["minutes"] == total and lesson["minutes"] == total
        timing = f"teaching {header['teaching']} min, exercises {header['exercises']} min"
        assert timing in lesson["notes"]
    assert "episodes/06-bulk_actions.md: not listed in config.yaml 'episodes'; left out" in [
        str(w) for w in report.warnings
    ]


@needs_corpus
def test_challenges_become_activities_with_solutions(imported) -> None:
    _pack, _report, loaded = imported
    for name in sorted((LESSON / "episodes").glob("0[1-5]*.md")):
        text = name.read_text(encoding="utf-8")
        challenges = len(re.findall(r"^:{3,}\s*challenge", text, re.M))
        solutions = len(re.findall(r"^:{3,}\s*solution", text, re.M))
        module = next(m for m in loaded.content["modules"] if m["id"] == name.stem.lower())
        activities = [it for it in module["items"] if it["type"] == "activity"]
        assert len(activities) == challenges
        # The reader shows a '::: solution' block only when the learner asks for it.
        assert sum(a["body"].count("::: solution") for a in activities) == solutions
        for activity in activities:
            assert activity["kind"] == "hands-on" and activity["minutes"] >= 1
            assert f"(item:{activity['id']})" in module["items"][0]["body"]
        assert module["objectives"], name


@needs_corpus
def test_instructor_notes_figures_and_pages(imported) -> None:
    _pack, _report, loaded = imported
    modules = {m["id"]: m for m in loaded.content["modules"]}
    editing = modules["03-intro_to_editing"]["items"][0]
    assert "test instance of Wikidata by default" in editing["notes"]
    assert "test instance of Wikidata by default" not in editing["body"]
    assert "../../media/fig/l03-Screenshot_test_instance_front_page.png" not in editing["body"]
    assert "media/fig/l03-Screenshot_test_instance_front_page.png" in editing["body"]
    assert "![Front Page of the test instance]" in editing["body"]
    assert "media/fig/l03-Screenshot_test_instance_front_page.png" in loaded.media
    start = [it["id"] for it in modules["getting-started"]["items"]]
    assert start == ["about", "learners-setup"]
    notes = modules["instructor-notes"]["items"]
    assert {it["id"] for it in notes} >= {"instructors-instructor-notes", "instructors-design"}
    by_id = {it["id"]: it for it in notes}
    assert "Organize your lesson" in by_id["instructors-instructor-notes"]["notes"]
    assert "Organize your lesson" not in by_id["instructors-instructor-notes"]["body"]


@needs_corpus
def test_reimport_is_byte_identical(imported, tmp_path: Path) -> None:
    pack, _report, _loaded = imported
    again = import_carpentries(LESSON, tmp_path).packs[0]
    files = sorted(p.relative_to(pack) for p in pack.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for rel in files:
        assert (pack / rel).read_bytes() == (again / rel).read_bytes(), rel


def _lesson(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return root


EPISODE_A = """\
---
title: First steps
teaching: 12
exercises: 8
odd: key
---

:::: questions
- Why?
::::

::: objectives
- Learn a thing
  over two lines
:::

Intro text with a [link to the second](second.md#part) and a ![fig](fig/a.png){alt="A figure" width="50%"}
and a [missing file](data/nothing.csv).

## A heading {#custom-id}

::::::::::::::::::::::::::::::::::: challenge

## Try it

Do the thing.

::::::: hint
Think.
:::::::

:::::::::::::::: solution

### Solution

The answer.

```python
print("::: not a fence")
```
::::::::::::::::

::::::::::::::::::::::::::::::::::::

::: instructor
Only for you.
:::

:::::: callout
## Note
Careful.
::::::

```{r chunk-name, echo=FALSE}
x <- 1
```

::: keypoints
- Remember this
:::
"""

EPISODE_B = """\
---
title: Second
teaching: 5
exercises: 0
---
## Part
::::: {.challenge}
No heading here.
:::::
:::::::::::::::::::::::: discussion
Talk.
"""


def test_made_up_lesson_with_variations(tmp_path: Path) -> None:
    from kit.core.packformat.scaffold import tiny_png

    root = _lesson(
        tmp_path / "lesson",
        {
            "config.yaml": "title: 'Made up'\ncarpentry: swc\nlicense: CC-BY 4.0\n"
            "source: https://github.com/example/made-up-lesson\nepisodes:\n"
            "- first.Rmd\n- second.md\n- ghost.md\nlearners:\ninstructors:\n",
            "episodes/first.Rmd": EPISODE_A,
            "episodes/second.md": EPISODE_B,
            "episodes/fig/a.png": tiny_png(),
            "learners/setup.md": "---\ntitle: Setup\n---\nInstall things.\n",
            "learners/empty.md": "",
            "instructors/notes.md": "No header at all.\n",
            "AUTHORS": "Ada Lovelace <ada@example.org>\nAlan Turing\n",
        },
    )
    report = import_carpentries(root, tmp_path / "out")
    (pack,) = report.packs
    assert pack.name == "made-up-lesson"
    loaded = load_source(pack)
    assert loaded.report.errors == []
    assert loaded.pack["attribution"].startswith("“Made up” by Software Carpentry")
    assert [a["name"] for a in loaded.pack["authors"]] == ["Ada Lovelace", "Alan Turing"]
    warnings = [str(w) for w in report.warnings]
    assert "config.yaml: 'episodes' lists 'ghost.md', which is not in episodes/" in warnings
    assert any("data/nothing.csv" in w for w in warnings)
    assert "learners/empty.md: the page has no text; left out" in warnings
    modules = {m["id"]: m for m in loaded.content["modules"]}
    first = modules["first"]
    assert first["minutes"] == 20 and first["objectives"] == ["Learn a thing over two lines"]
    lesson, activity = first["items"]
    assert "[link to the second](item:second#part)" in lesson["body"]
    assert "![A figure](media/a.png)" in lesson["body"] or "media/fig/a.png" in lesson["body"]
    assert "## A heading\n" in lesson["body"] + "\n"
    assert "::: callout\n## Note\nCareful.\n:::" in lesson["body"]
    assert "```r\nx <- 1" in lesson["body"]
    assert lesson["notes"].startswith("Only for you.")
    assert "missing file" in lesson["body"] and "data/nothing.csv" not in lesson["body"]
    assert activity["title"] == "Try it" and activity["minutes"] == 8
    assert "::: hint\nThink.\n:::" in activity["body"]
    solution = activity["body"].split("::: solution\n", 1)[1]
    assert solution.startswith("The answer.")
    assert 'print("::: not a fence")' in solution
    second = modules["second"]
    assert second["minutes"] == 5
    assert [it["title"] for it in second["items"]] == ["Second", "Challenge 1"]
    assert second["items"][1]["minutes"] == 5  # the default when exercises is 0
    assert "::: discussion\nTalk.\n:::" in second["items"][0]["body"]
    assert [m["id"] for m in loaded.content["modules"]] == [
        "getting-started", "first", "second", "instructor-notes",
    ]  # fmt: skip


def test_lesson_without_config_and_with_bad_yaml(tmp_path: Path, run_kit) -> None:
    root = _lesson(
        tmp_path / "lesson",
        {
            "config.yaml": "title: [unclosed\n",
            "episodes/b.md": "---\ntitle: B\nteaching: x\n---\nText B.\n",
            "episodes/a.md": "---\ntitle: [bad\n---\nText A.\n",
        },
    )
    code, _out, err = run_kit("import", "carpentries", root, "-o", tmp_path / "out", "--id", "Mine")
    assert code == 0, err
    assert "config.yaml: invalid YAML" in err
    assert "episodes/a.md: the header is not valid YAML" in err
    assert "'teaching: x' is not a number of minutes" in err
    loaded = load_source(tmp_path / "out" / "mine")
    assert loaded.report.errors == []
    assert [m["id"] for m in loaded.content["modules"]] == ["a", "b"]


def test_not_a_lesson_is_refused(run_kit, tmp_path: Path) -> None:
    code, _out, err = run_kit("import", "carpentries", tmp_path, "-o", tmp_path / "out")
    assert code == 1 and "no episodes/ folder" in err and err.count("\n") == 1


@pytest.mark.parametrize("colons", [3, 4, 8, 40])
def test_any_colon_count_nests(colons: int) -> None:
    fence = ":" * colons
    text = f"{fence} challenge\nQ\n{':' * 3} solution\nA\n{':' * 3}\n{fence}\nafter"
    assert render(parse_divs(text)) == "::: challenge\nQ\n\n::: solution\nA\n:::\n:::\n\nafter"
