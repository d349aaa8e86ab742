"""Dashboard constructs the importer had not seen, each in a small training folder written
for the test; what the reader shows is compared with what markdown-it (the Dashboard's
renderer) shows of the original slide."""

from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest
import yaml

from kit.core.importers.common import ImportOptions
from kit.core.importers.wikiedu import import_wikiedu
from kit.core.packformat.source import load_source
from kit.core.render import render_markdown
from tests.markup_compare import markdown_it, tokens

MISSING = "https://upload.wikimedia.org/wikipedia/commons/a/ab/Chart.png"


def make_training(root: Path, slides: dict[str, str], listed: list[str] | None = None) -> Path:
    """One library, one module listing `listed` (default: every slide)."""
    for folder in ("libraries", "modules", "slides/1-demo"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "libraries" / "demo.yml").write_text(
        "name: Demo\ncategories:\n  - title: Demo\n    modules:\n      - slug: demo\n",
        encoding="utf-8",
    )
    names = listed if listed is not None else list(slides)
    (root / "modules" / "demo.yml").write_text(
        yaml.safe_dump({"name": "Demo", "slides": [{"slug": s} for s in names]}), encoding="utf-8"
    )
    for n, (slug, content) in enumerate(slides.items(), start=1):
        data = {"id": n, "title": slug.title(), "content": content}
        (root / "slides" / "1-demo" / f"01{n:02d}-{slug}.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
        )
    return root


def shown(tmp_path: Path, content: str, options: ImportOptions | None = None):
    """(what the reader shows of the slide, the import report)."""
    root = make_training(tmp_path / "in", {"only": content})
    report = import_wikiedu(root, tmp_path / "out", options)
    loaded = load_source(tmp_path / "out" / "wikiedu-demo")
    assert loaded.report.ok, [str(p) for p in loaded.report.errors]
    (item,) = loaded.content["modules"][0]["items"]
    return render_markdown(item["body"]), report


LISTS = {
    "list after its intro line": "You will:\n- add a citation\n- save the page",
    "numbered list after its intro line": "To do so:\n1. Click *Edit*\n2. Type\n3. Publish",
    "2-space nested list": "- Articles\n  - stubs\n  - start-class\n- Drafts",
    "code block under an item": "1. Type:\n\n   ```\n   {{cite web}}\n   ```\n2. Preview",
}


@pytest.mark.parametrize("content", LISTS.values(), ids=LISTS.keys())
def test_imported_lists_show_as_on_the_dashboard(tmp_path: Path, content: str) -> None:
    html_text, _report = shown(tmp_path, content)
    assert tokens(html_text) == markdown_it(content)


def test_reference_style_image_becomes_a_placeholder_with_its_alt_text(tmp_path: Path) -> None:
    content = f"Look:\n\n![A chart of edits][chart]\n\n[chart]: {MISSING}\n"
    html_text, _report = shown(tmp_path, content)
    assert "![" not in html_text and "[chart]" not in html_text
    assert "A chart of edits" in html_text and MISSING in html_text


def test_undefined_reference_shows_its_text_and_is_reported(tmp_path: Path) -> None:
    html_text, report = shown(tmp_path, "Look: ![A chart][nowhere]")
    assert "![" not in html_text and "A chart" in html_text
    assert any("[nowhere]" in w.message and w.source.endswith("only.yml") for w in report.warnings)


def test_remote_figure_keeps_caption_and_alt_text(tmp_path: Path) -> None:
    content = (
        f'<figure><img src="{MISSING}" alt="Bars rising to the right">'
        "<figcaption>Edits per week</figcaption></figure>"
    )
    html_text, _report = shown(tmp_path, content)
    assert "Edits per week" in html_text and "Bars rising to the right" in html_text


def test_slides_no_module_lists_are_reported(tmp_path: Path) -> None:
    root = make_training(
        tmp_path / "in", {"kept": "Hello.", "orphan": "Nobody lists me."}, ["kept"]
    )
    report = import_wikiedu(root, tmp_path / "out")
    assert [(w.source, w.message) for w in report.warnings] == [
        ("slides/1-demo/0102-orphan.yml", "no module lists this slide; left out")
    ]


class _NotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def not_found_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_fetch_media_failures_are_counted_as_warnings(tmp_path: Path, not_found_server) -> None:
    options = ImportOptions(
        fetch_media=True, cache_dir=tmp_path / "cache", media_mirror=not_found_server, timeout=5
    )
    _html, report = shown(tmp_path, f"![A chart]({MISSING})", options)
    assert [u for u, _r in report.media_failed] == [MISSING]
    (warning,) = report.warnings
    assert warning.source == "slides/1-demo/0101-only.yml"
    assert MISSING in warning.message and "404" in warning.message


def test_kit_import_fetch_media_reports_the_failure_as_a_warning(
    tmp_path: Path, not_found_server, run_kit
) -> None:
    root = make_training(tmp_path / "in", {"only": f"![A chart]({MISSING})"})
    code, _out, err = run_kit("import", "wikiedu", root, "-o", tmp_path / "out",
                              "--fetch-media", "--media-mirror", not_found_server)  # fmt: skip
    assert code == 0
    assert "1 warning;" in err or "1 warning;" in _out
    assert err.count(MISSING) == 1 and "404" in err
