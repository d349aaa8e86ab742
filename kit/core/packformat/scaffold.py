"""`kit pack new`: a complete example pack source that validates and builds."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from kit.core.errors import KitError
from kit.i18n import _

PACK_YAML = """\
id: {pack_id}
version: 0.1.0
title: My first pack
description: An example pack; change everything you like.
language: en
languages: [en, es]
license: CC-BY-SA-4.0
authors:
  - name: Your Name
attribution: "Written by Your Name, CC BY-SA 4.0."
min_app_version: 0.1.0
modules:
  - basics
"""

MODULE_YAML = """\
id: basics
title: The basics
summary: A module with one item of every kind.
objectives:
  - Read a lesson with a picture
  - Answer every kind of quiz question
minutes: 30
tags: [getting-started, editing]
items:
  - 01-welcome.md
  - 02-slides.md
  - 03-check.md
  - 04-practice.md
  - 05-feedback.md
"""

LESSON = """\
---
id: welcome
type: lesson
title: Welcome
minutes: 5
---
# Welcome

This is a **lesson**. Write it in Markdown.

![The Training Kit logo](../../media/logo.png)

When you are ready, take the [short quiz](03-check.md).

::: notes
Facilitator notes are never shown to learners.
:::
"""

SLIDES = """\
---
id: intro-slides
type: slides
title: Introduction slides
---
# Slide one

Slides are separated by a line with three dashes.

::: notes
Speaker notes for slide one.
:::

---

# Slide two

- one point
- another point
"""

QUIZ = """\
---
id: check
type: quiz
title: Check your understanding
pass_mark: 60
---
Answer these five questions.

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

Explanation: Nairobi has been the capital since 1907.

## steps: order
Put the steps of making tea in order.

1. Boil water
2. Add the tea
3. Wait three minutes
"""

ACTIVITY = """\
---
id: practice
type: activity
title: Practise in pairs
kind: hands-on
minutes: 15
materials: [paper, pens]
---
Work in pairs: each writes three questions for the other.

::: solution
Good questions have one clear answer.
:::
"""

SURVEY = """\
---
id: feedback
type: survey
title: How was it?
---
## useful: likert
This module was useful.

- Strongly disagree
- Disagree
- Neutral
- Agree
- Strongly agree

## best: single
What did you like most?

- The lesson
- The quiz
- The activity

## topics: multiple
What should come next?

- Citations
- Images
- Talk pages

## comments: text
Anything else you want to tell us?
"""

ES_PACK = """\
title: Mi primer paquete
description: Un paquete de ejemplo.
"""

ES_LESSON = """\
---
id: welcome
title: Bienvenida
---
# Bienvenida

Esta es una **lección**.

![El logotipo de Training Kit](../../media/logo.png)
"""


def tiny_png(
    width: int = 48, height: int = 48, rgb: tuple[int, int, int] = (51, 102, 204)
) -> bytes:
    """A small solid-colour PNG, written without any imaging library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def new_pack_source(target: Path, pack_id: str | None = None) -> Path:
    """Write the example source into `target` (which must not exist or be empty)."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise KitError(
            _("{target} already exists and is not empty; choose a new folder.").format(
                target=target
            )
        )
    pack_id = pack_id or "my-first-pack"
    files = {
        "pack.yaml": PACK_YAML.format(pack_id=pack_id),
        "modules/basics/module.yaml": MODULE_YAML,
        "modules/basics/01-welcome.md": LESSON,
        "modules/basics/02-slides.md": SLIDES,
        "modules/basics/03-check.md": QUIZ,
        "modules/basics/04-practice.md": ACTIVITY,
        "modules/basics/05-feedback.md": SURVEY,
        "translations/es/pack.yaml": ES_PACK,
        "translations/es/modules/basics/01-welcome.md": ES_LESSON,
    }
    for rel, text in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (target / "media").mkdir(exist_ok=True)
    (target / "media" / "logo.png").write_bytes(tiny_png())
    return target
