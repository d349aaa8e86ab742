"""A real pack for the reader tests: every item type, an image, an Arabic translation.

`reader_env` (a fixture, import it into a test module) builds the pack from a source
written in tmp, installs it into a real Library in the test's data folder, opens real
Records with a profile, and gives an AppContext whose worker is stopped afterwards.
A `RecordingServer` on 127.0.0.1 counts every request, to prove the reader asks for none.
"""

from __future__ import annotations

import contextlib
import re
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import tiny_png

PACK_ID = "reader-test"
LEARNER = "Amina Yusuf"

PACK = """\
id: reader-test
version: 1.2.0
title: Reading test pack
description: Every item type, for the reader tests.
language: en
languages: [en, ar]
license: CC-BY-4.0
authors:
  - name: Reader Test Authors
attribution: "Reader Test Authors, CC BY 4.0"
modules:
  - basics
"""
MODULE = """\
id: basics
title: The basics
summary: One item of each kind.
items:
  - 01-lesson.md
  - 02-slides.md
  - 03-activity.md
  - 04-quiz.md
  - 05-survey.md
"""
LESSON = """\
---
id: welcome
type: lesson
title: Welcome to the reader
---
# Welcome

Here is a picture of the sea:

![A blue square](../../media/sea.png)

Go on to the [slides](02-slides.md), or read [more on the web](https://example.org/more).

![A picture on the internet]({remote})

::: solution
The answer is forty-two.
:::
"""
SLIDES = """\
---
id: deck
type: slides
title: Three slides
---
# First slide

One idea.

---

# Second slide

Another idea.

---

# Third slide

The last idea.
"""
ACTIVITY = """\
---
id: pairs
type: activity
title: Work in pairs
kind: discussion
minutes: 20
materials:
  - paper
  - coloured pens
---
Talk with your neighbour about what you learned.

::: solution
Any honest answer is a good one.
:::
"""
QUIZ = """\
---
id: check
type: quiz
title: Check your understanding
pass_mark: 60
---
Five questions, one of each kind.

## colour: single
Which colour is the sky on a clear day?

- [x] Blue
  Right: the air scatters blue light the most.
- [ ] Green
  Not quite: look up on a clear day.

## fruits: multiple
Which of these are fruits?

- [x] Apple
- [x] Mango
- [ ] Carrot
  A carrot is a root.

## earth: truefalse
The Earth goes round the Sun.

- [x] True
- [ ] False

Explanation: One trip takes a year.

## capital: short
What is the capital of Kenya?

- [x] Nairobi
- [ ] Mombasa
  Mombasa is the largest port, not the capital.

Explanation: Nairobi has been the capital since 1907.

## steps: order
Put the steps of making tea in order.

1. Boil water
2. Add the tea
3. Wait three minutes
"""
SURVEY = """\
---
id: feedback
type: survey
title: Tell us what you think
---
## useful: likert
The module was useful.

- Strongly disagree
- Disagree
- Agree
- Strongly agree

## best: single
What did you like best?

- The lesson
- The quiz

## used: multiple
What did you use?

- Slides
- Activity
- Quiz

## comments: text
Anything else?
"""
AR_PACK = "title: حزمة اختبار القراءة\n"
AR_MODULE = "title: الأساسيات\n"
AR_LESSON = """\
---
title: مرحبا بك في القارئ
---
# مرحبا

هذه صورة البحر:

![مربع أزرق](../../media/sea.png)

انتقل إلى [الشرائح](02-slides.md).
"""


def write_source(folder: Path, remote_url: str) -> Path:
    files = {
        "pack.yaml": PACK,
        "modules/basics/module.yaml": MODULE,
        "modules/basics/01-lesson.md": LESSON.format(remote=remote_url),
        "modules/basics/02-slides.md": SLIDES,
        "modules/basics/03-activity.md": ACTIVITY,
        "modules/basics/04-quiz.md": QUIZ,
        "modules/basics/05-survey.md": SURVEY,
        "translations/ar/pack.yaml": AR_PACK,
        "translations/ar/modules/basics/module.yaml": AR_MODULE,
        "translations/ar/modules/basics/01-lesson.md": AR_LESSON,
    }
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "media").mkdir(exist_ok=True)
    (folder / "media" / "sea.png").write_bytes(tiny_png(320, 160, (30, 110, 190)))
    return folder


class RecordingServer:
    """An HTTP server on 127.0.0.1 that serves a PNG and remembers every request."""

    def __init__(self) -> None:
        requests: list[str] = []
        self.requests = requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                body = tiny_png()
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class ReaderEnv:
    ctx: object
    server: RecordingServer
    pack_file: Path


@contextlib.contextmanager
def reader_context(data_dir: Path, pack_file: Path, learner: str = LEARNER) -> Iterator[Any]:
    """An AppContext on a fresh data folder with `pack_file` installed and `learner` signed
    in, opened on its own worker (closed and stopped afterwards)."""
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker

    data = DataDir(data_dir).ensure()
    worker = Worker()
    ctx = AppContext(data=data, worker=worker)

    def open_core() -> None:
        ctx.library = Library(data)
        ctx.library.install(pack_file)
        ctx.records = Records(data)
        ctx.profile = ctx.records.create_profile(learner)

    def close_core() -> None:
        for part in (ctx.services.library, ctx.services.records):
            if part is not None:
                part.close()

    try:
        worker.call(open_core)
        yield ctx
    finally:
        worker.call(close_core)
        worker.stop()


@pytest.fixture
def reader_env(qapp, data_dir: Path, tmp_path: Path) -> Iterator[ReaderEnv]:
    server = RecordingServer()
    source = write_source(tmp_path / "src", server.url("/remote.png"))
    pack_file = build_pack(source, tmp_path / "dist")
    try:
        with reader_context(data_dir, pack_file) as ctx:
            yield ReaderEnv(ctx, server, pack_file)
    finally:
        server.close()


def _pdf_objects(data: bytes) -> dict[int, tuple[bytes, bytes]]:
    """Object number -> (dictionary text, decoded stream or b"")."""
    out = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        body = m.group(2)
        head, stream = body, b""
        found = re.search(rb"stream\r?\n(.*)\r?\nendstream", body, re.S)
        if found:
            head, stream = body[: found.start()], found.group(1)
            if b"/FlateDecode" in head:
                stream = zlib.decompress(stream)
        out[int(m.group(1))] = (head, stream)
    return out


def _cmap(text: bytes) -> dict[int, str]:
    """A ToUnicode CMap: glyph id -> text (bfchar and bfrange, with arrays)."""
    glyphs: dict[int, str] = {}

    def uni(h: bytes) -> str:
        return bytes.fromhex(h.decode()).decode("utf-16-be", "replace")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            glyphs[int(src, 16)] = uni(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        pattern = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)"
        for lo, hi, dst in re.findall(pattern, block):
            first, last = int(lo, 16), int(hi, 16)
            if dst.startswith(b"["):
                for n, h in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", dst)):
                    glyphs[first + n] = uni(h)
            else:
                base = int(dst[1:-1], 16)
                for n in range(last - first + 1):
                    glyphs[first + n] = chr(base + n)
    return glyphs


def pdf_text(data: bytes) -> str:
    """The text a PDF written by Qt shows, read through each font's ToUnicode map.

    Enough for Qt's own output (one Tj per glyph run, Type0 fonts), not a general reader.
    """
    objects = _pdf_objects(data)
    names: dict[bytes, dict[int, str]] = {}
    for head, _stream in objects.values():
        for name, ref in re.findall(rb"/(F\d+)\s+(\d+) 0 R", head):
            font = objects.get(int(ref), (b"", b""))[0]
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
            if to_unicode:
                names[name] = _cmap(objects[int(to_unicode.group(1))][1])
    words: list[str] = []
    for _head, stream in objects.values():
        current: dict[int, str] = {}
        for token in re.finditer(rb"/(F\d+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>\s*Tj|\bET\b", stream):
            if token.group(1):
                current = names.get(token.group(1), {})
            elif token.group(2):
                run = token.group(2).decode()
                words.append(
                    "".join(
                        current.get(int(run[n : n + 4], 16), "?") for n in range(0, len(run), 4)
                    )
                )
            else:
                words.append(" ")
    return re.sub(r"\s+", " ", "".join(words).replace("\t", " "))


def open_page(qtbot, env: ReaderEnv, item_id: str, language: str = "en"):
    """A shown ReaderPage on `env`, once it shows `item_id` (in the interface `language`)."""
    from kit.ui.reader import ReaderPage

    env.ctx.language = language
    page = ReaderPage(env.ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.open_item(PACK_ID, item_id)
    return page
