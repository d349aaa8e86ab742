"""SVG diagrams keep their text in the reader: labels written in the ways QtSvg leaves
out (HTML in foreignObject, CSS font shorthand, em sizes, var(), a nested <svg>,
textPath) are drawn, as checked on the pixels of each label's box."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import ui_reader_pack
from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from ui_reader_pack import ReaderEnv, RecordingServer, open_page, reader_context

from kit.core.packformat.build import build_pack
from kit.core.svgtext import drawable_svg, expand_font

DIAGRAM = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">
  <style>:root { --ink: #111111; } .dir { font: bold 20px "Folder Sans", sans-serif; }
         .big { font-size: 1.25em; fill: var(--ink); }</style>
  <rect width="400" height="300" fill="#ffffff"/>
  <defs><path id="line" d="M 210 235 L 390 235"/></defs>
  <foreignObject x="0" y="0" width="200" height="50">
    <div xmlns="http://www.w3.org/1999/xhtml" style="font-size: 20px; color: #000">users</div>
  </foreignObject>
  <text class="dir" x="210" y="35">data</text>
  <svg x="0" y="100" width="200" height="50"><text x="10" y="35" font-size="20">bin</text></svg>
  <text class="big" x="210" y="135">tmp</text>
  <text font-size="20" fill="#000"><textPath href="#line">home</textPath></text>
</svg>
"""
BOXES = {  # label: where it is drawn (x0, y0, x1, y1)
    "users": (0, 0, 200, 50),
    "data": (200, 0, 400, 50),
    "bin": (0, 100, 200, 150),
    "tmp": (200, 100, 400, 150),
    "home": (200, 200, 400, 250),
}


def ink_rows(image: QImage, box: tuple[int, int, int, int]) -> int:
    """How many pixel rows of the box hold dark pixels (about the text's height)."""
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(0xFFFFFF)
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    x0, y0, x1, y1 = box
    return sum(
        1
        for y in range(y0, y1)
        if any(QColor(flat.pixel(x, y)).lightness() < 110 for x in range(x0, x1))
    )


@pytest.fixture
def svg_env(qapp, data_dir: Path, tmp_path: Path) -> Iterator[ReaderEnv]:

    server = RecordingServer()
    source = ui_reader_pack.write_source(tmp_path / "src", server.url("/remote.png"))
    (source / "media" / "folders.svg").write_text(DIAGRAM, encoding="utf-8")
    lesson = source / "modules/basics/01-lesson.md"
    lesson.write_text(
        lesson.read_text(encoding="utf-8") + "\n![The folders](../../media/folders.svg)\n",
        encoding="utf-8",
    )
    pack_file = build_pack(source, tmp_path / "dist")
    with reader_context(data_dir, pack_file, "Ana") as ctx:
        ctx.source = source
        yield ReaderEnv(ctx, server, pack_file)
    server.close()


def test_svg_labels_are_drawn_in_the_reader(qtbot, svg_env):
    page = open_page(qtbot, svg_env, "welcome")
    browser = page.views["lesson"].browser
    assert "media/folders.svg" in browser.loaded_resources
    image = browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("media/folders.svg")
    )
    assert isinstance(image, QImage) and image.width() == 400
    for label, box in BOXES.items():
        assert ink_rows(image, box) >= 10, label  # drawn, at about its 20 px


def test_qtsvg_alone_leaves_those_labels_out(qapp, tmp_path):
    """The check above can fail: straight through QtSvg the labels are missing or tiny."""
    raw = QImage.fromData(DIAGRAM.encode(), "SVG")
    assert not raw.isNull()
    for label in ("users", "bin", "home"):
        assert ink_rows(raw, BOXES[label]) == 0, label
    for label in ("data", "tmp"):
        assert ink_rows(raw, BOXES[label]) < 10, label
    fixed = QImage.fromData(drawable_svg(DIAGRAM.encode()), "SVG")
    assert all(ink_rows(fixed, box) >= 10 for box in BOXES.values())


def test_other_svgs_and_other_files_are_left_as_they_are():
    plain = b'<svg xmlns="http://www.w3.org/2000/svg"><text x="1" y="9">a</text></svg>'
    assert drawable_svg(plain) == plain
    assert drawable_svg(b"\x89PNG\r\n\x1a\n....") == b"\x89PNG\r\n\x1a\n...."
    broken = b"<svg><text>unclosed"
    assert drawable_svg(broken) == broken
    entities = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    assert drawable_svg(entities) == entities  # never expanded


def test_font_shorthand_becomes_properties():
    assert expand_font('italic bold 12pt/1.2 "Open Sans", sans-serif') == (
        'font-style:italic;font-weight:bold;font-size:16px;font-family:"Open Sans",sans-serif'
    )
    assert expand_font("1.5em monospace") == "font-size:24px;font-family:monospace"
