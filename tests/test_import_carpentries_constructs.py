"""Workbench constructs the importer had not seen, each in a small lesson written for the
test: what the reader shows of the converted pack is compared with what pandoc (the
Workbench's renderer) shows of the original, as text and structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from kit.core.importers.carpentries import import_carpentries
from kit.core.packformat.source import load_source
from kit.core.render import render_markdown
from tests.markup_compare import pandoc, pandoc_available, tokens

pytestmark = pytest.mark.skipif(not pandoc_available(), reason="pandoc is not installed")

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35"
    b"\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


def import_episode(tmp_path: Path, body: str) -> tuple[str, object]:
    """Import a one-episode lesson; (what the reader shows of the episode, the report)."""
    lesson = tmp_path / "lesson"
    (lesson / "episodes" / "fig").mkdir(parents=True)
    (lesson / "episodes" / "fig" / "chart.png").write_bytes(PNG)
    (lesson / "config.yaml").write_text(
        "title: Demo\ncarpentry: lc\nlicense: CC-BY 4.0\nepisodes:\n- 01-one.md\n",
        encoding="utf-8",
    )
    (lesson / "episodes" / "01-one.md").write_text(
        f"---\ntitle: One\nteaching: 5\nexercises: 0\n---\n\n{body}\n", encoding="utf-8"
    )
    report = import_carpentries(lesson, tmp_path / "out", pack_id="demo")
    loaded = load_source(tmp_path / "out" / "demo")
    assert loaded.report.ok, [str(p) for p in loaded.report.errors]
    item = loaded.content["modules"][0]["items"][0]
    return render_markdown(item["body"]), (report, loaded)


def contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


FIGURES = {
    "caption only": "![A bar chart of visits](fig/chart.png)",
    "caption and alt": "![Visits per month](fig/chart.png){alt='Bars rising from May to July'}",
    "alt over several lines": (
        "![Visits per month](fig/chart.png){alt='Bars rising\nfrom May\nto July'}"
    ),
    "caption over several lines": '![Visits per\nmonth, 2024](fig/chart.png){alt="Bars"}',
    "reference-style figure": "![Visits per month][chart]\n\n[chart]: fig/chart.png",
    "reference-style inline": "See ![the chart][Chart] here.\n\n[chart]: fig/chart.png",
}


@pytest.mark.parametrize("snippet", FIGURES.values(), ids=FIGURES.keys())
def test_figures_keep_image_alt_and_caption(tmp_path: Path, snippet: str) -> None:
    shown, _r = import_episode(tmp_path, f"Before.\n\n{snippet}\n\nAfter.")
    want = pandoc(f"Before.\n\n{snippet}\n\nAfter.")
    assert contains(tokens(shown), want), (tokens(shown), want)
    assert "{" not in shown and "][" not in shown and 'src="media/' in shown


def test_undefined_image_reference_is_reported_not_shown_as_markup(tmp_path: Path) -> None:
    shown, (report, _l) = import_episode(tmp_path, "Look: ![the chart][nowhere]")
    assert "![" not in shown and "the chart" in shown
    assert any("[nowhere]" in str(w) for w in report.warnings)


SPANS = {
    "glossary anchor": "A [glossary term]{.glossary #gl-term} is explained below.",
    "span with a language": "They said [bonjour]{lang=fr} twice.",
    "definition list term": "[API]{#api}\n:   A way for programs to talk to each other.",
}


@pytest.mark.parametrize("snippet", SPANS.values(), ids=SPANS.keys())
def test_pandoc_spans_show_as_in_the_workbench(tmp_path: Path, snippet: str) -> None:
    shown, _r = import_episode(tmp_path, snippet)
    assert contains(tokens(shown), pandoc(snippet)), (tokens(shown), pandoc(snippet))
    assert "]{" not in shown and "}" not in shown


def test_glossary_anchor_is_a_link_target(tmp_path: Path) -> None:
    shown, _r = import_episode(tmp_path, "[API]{#api}\n:   A way for programs to talk.")
    assert '<a name="api"></a>' in shown


def test_kramdown_boxes_become_activities_with_hidden_solutions(tmp_path: Path) -> None:
    body = (
        "Intro.\n\n> ## Count the items\n>\n> How many are there?\n>\n"
        "> > ## Solution\n> >\n> > Four.\n> {: .solution}\n{: .challenge}\n\n"
        "~~~\nx = 1\n~~~\n{: .language-python}\n"
    )
    shown, (_report, loaded) = import_episode(tmp_path, body)
    assert "{:" not in shown and "Count the items" in shown
    items = loaded.content["modules"][0]["items"]
    (activity,) = [i for i in items if i["type"] == "activity"]
    assert activity["title"] == "Count the items"
    hidden = render_markdown(activity["body"])
    assert "How many are there?" in hidden and "Four." not in hidden
    assert "Four." in render_markdown(activity["body"], revealed={1})


def test_lesson_data_files_are_carried_and_their_links_work(tmp_path: Path) -> None:
    lesson = tmp_path / "lesson"
    (lesson / "episodes" / "data").mkdir(parents=True)
    (lesson / "learners").mkdir()
    zipped = b"PK\x05\x06" + b"\x00" * 18  # an empty zip archive
    (lesson / "episodes" / "data" / "lesson-data.zip").write_bytes(zipped)
    (lesson / "episodes" / "data" / "visits.csv").write_text("month,visits\nMay,3\n")
    (lesson / "episodes" / "data" / "extra.tsv").write_text("a\tb\n")
    (lesson / "config.yaml").write_text(
        "title: Demo\nurl: https://example.org/demo\nepisodes:\n- 01-one.md\n", encoding="utf-8"
    )
    (lesson / "learners" / "setup.md").write_text(
        "---\ntitle: Setup\n---\n\nDownload [the data](data/lesson-data.zip) and unzip it,\n"
        "or [from the site](https://example.org/demo/data/lesson-data.zip).\n",
        encoding="utf-8",
    )
    (lesson / "episodes" / "01-one.md").write_text(
        "---\ntitle: One\nteaching: 5\nexercises: 0\n---\n\nOpen [visits](data/visits.csv).\n",
        encoding="utf-8",
    )
    report = import_carpentries(lesson, tmp_path / "out", pack_id="demo")
    assert not [w for w in report.warnings if "data" in w.message], report.warnings
    loaded = load_source(tmp_path / "out" / "demo")
    assert loaded.report.ok, [str(p) for p in loaded.report.errors]
    for name, data in (("lesson-data.zip", zipped), ("visits.csv", None), ("extra.tsv", None)):
        assert loaded.media[f"media/data/{name}"].read_bytes() == (
            data or (lesson / "episodes" / "data" / name).read_bytes()
        )
    items = {i["id"]: i for m in loaded.content["modules"] for i in m["items"]}
    setup = render_markdown(items["learners-setup"]["body"])
    assert setup.count('href="media/data/lesson-data.zip"') >= 2
    assert 'href="media/data/extra.tsv"' in setup  # listed though no page links it
    episode = render_markdown(items["01-one"]["body"])
    assert '<a href="media/data/visits.csv">visits</a>' in episode


def test_remote_figure_placeholder_keeps_caption_and_alt(tmp_path: Path) -> None:
    snippet = (
        "![Linked data in 2024](https://example.org/lod-cloud.svg){alt='Hundreds of linked\n"
        "dots in clusters'}"
    )
    shown, _r = import_episode(tmp_path, f"Before.\n\n{snippet}\n\nAfter.")
    assert "Linked data in 2024" in shown and "Hundreds of linked dots in clusters" in shown
    assert "https://example.org/lod-cloud.svg" in shown and "{" not in shown


LISTS = {
    "2-space nested bullets": "- fruit\n  - apple\n  - pear\n- vegetables",
    "bullets under a number": "1. Prepare\n   - a pen\n   - paper\n2. Write",
    "code fence under an item": "1. Type:\n\n   ```bash\n   ls -l\n   ```\n\n2. Then press Enter",
}


@pytest.mark.parametrize("snippet", LISTS.values(), ids=LISTS.keys())
def test_lists_show_as_in_the_workbench(tmp_path: Path, snippet: str) -> None:
    shown, _r = import_episode(tmp_path, f"Before.\n\n{snippet}\n\nAfter.")
    assert contains(tokens(shown), pandoc(snippet)), (tokens(shown), pandoc(snippet))


def test_a_span_inside_inline_code_is_kept_as_typed(tmp_path: Path) -> None:
    shown, _r = import_episode(tmp_path, "Write `[term]{#term}` to mark a term.")
    assert "<code>[term]{#term}</code>" in shown
