"""Reference-style images in pack Markdown: a defined one is packed and shown, an undefined
one is a `kit pack validate` warning (learners would see its markup)."""

from __future__ import annotations

from pathlib import Path

from kit.core.packformat.source import load_source
from kit.core.render import render_markdown
from tests.pack_helpers import make_source, write

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
ITEM = "modules/basics/01-welcome.md"


def _with_body_line(root: Path, line: str) -> None:
    text = (root / ITEM).read_text(encoding="utf-8")
    (root / ITEM).write_text(text.rstrip("\n") + "\n\n" + line + "\n", encoding="utf-8")


def _item(loaded) -> dict:
    for module in loaded.content["modules"]:
        for item in module["items"]:
            if item["body"] and "chart" in item["body"]:
                return item
    raise AssertionError("no item mentions the chart")


def test_defined_image_reference_is_packed_and_shown(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    write(root, "media/chart.png", PNG)
    _with_body_line(root, "![A chart][Fig 1]\n\n[fig 1]: ../../media/chart.png")
    loaded = load_source(root)
    assert loaded.report.ok and not [w for w in loaded.report.warnings if "chart" in str(w)]
    assert "media/chart.png" in loaded.media
    shown = render_markdown(_item(loaded)["body"])
    assert '<img alt="A chart" src="media/chart.png">' in shown


def test_undefined_image_reference_is_a_validate_warning(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    _with_body_line(root, "See the chart: ![the chart][fig-2]")
    loaded = load_source(root)
    warnings = [str(w) for w in loaded.report.warnings if "[fig-2]" in str(w)]
    assert len(warnings) == 1 and ITEM in warnings[0] and "learners would see" in warnings[0]


def test_reference_inside_code_is_not_a_warning(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    _with_body_line(root, "Write `![the chart][fig-2]` or:\n\n```\n![the chart][fig-2]\n```")
    loaded = load_source(root)
    assert not [w for w in loaded.report.warnings if "[fig-2]" in str(w)]


def test_pandoc_span_is_a_validate_warning(tmp_path: Path) -> None:
    root = make_source(tmp_path / "src")
    _with_body_line(root, "A [glossary term]{#gl-term} here, `[kept]{#code}` in code.")
    loaded = load_source(root)
    warnings = [str(w) for w in loaded.report.warnings if "attribute span" in str(w)]
    assert len(warnings) == 1 and "[glossary term]{#gl-term}" in warnings[0]
