"""A small made-up Dashboard training folder with the kinds of mess real ones have."""

from __future__ import annotations

from pathlib import Path

FILES = {
    "libraries/main.yml": """\
name: Main Library
id: 9
introduction: A small library.
unexpected_key: true
categories:
  - title: First Steps
    modules:
      - slug: basics
        name: Basics
      - slug: no-such-module
        name: Missing
  - title: ''
    modules:
      - slug: basics
      - slug: extras
      - nonsense
""",
    "libraries/other.yml": """\
name: Other Library
categories:
  - title: Other
    modules:
      - slug: elsewhere
""",
    "libraries/broken.yml": "name: [unclosed\n",
    "modules/basics.yml": """\
name: 'Basics'
description: The basics.
estimated_ttc: 10-15 minutes
shiny: yes
slides:
  - slug: welcome
  - slug: a-quiz
  - slug: ruby-quiz
  - slug: not-there
  - slug: empty
translations:
  fr:
    name: Les bases
    description: Les bases.
  "not a code!":
    name: x
""",
    "modules/extras.yml": """\
name: Extras
estimated_ttc: whenever
slides:
  - slug: broken-quiz
  - slug: video
  - slug: welcome
""",
    "modules/elsewhere.yml": """\
name: Elsewhere
slides:
  - slug: far-away
""",
    "modules/archived_modules/old.yml": "name: [bad yaml\n",
    "slides/1-basics/0101-welcome.yml": """\
id: 101
title: Welcome
title_prefix: "Start:"
summary: The first slide
content: |
  Hello. Next, try [the quiz](./a-quiz) or [a far slide](/training/other/elsewhere/far-away)
  or <a href="/training/main/extras">the extras</a> or [nowhere](./no-such-slide)
  or the <a href="/feedback">feedback</a> page.

  <figure class="alt-layout-40-right">
    <img src="https://upload.wikimedia.org/wikipedia/commons/a/ab/Blue_square.png" />
    <figcaption class="image-credit">
      <a href="https://commons.wikimedia.org/wiki/File:Blue_square.png">Photo by Someone</a>, CC-BY-SA
    </figcaption>
  </figure>

  A small icon (<img src="https://upload.wikimedia.org/wikipedia/commons/b/bc/Missing.png" />) inline.
translations:
  es:
    title: Bienvenida
    content: |
      Hola. Luego, haz [el cuestionario](./a-quiz).
  fr:
    title: Bienvenue
""",
    "slides/1-basics/0102-a-quiz.yml": """\
id: 102
title: A quiz
content: |
  ## Think first
  Read carefully.
assessment:
  correct_answer_id: 2
  question: |
    Which is right?
    - not an answer, just a list in the question
  answers:
    - id: 1
      text: |
        The first
        answer
      explanation: |
        No.

        See [welcome](./welcome).
    - id: 2
      text: The second
      explanation: Yes!
translations:
  es:
    title: Un cuestionario
    assessment:
      question: ¿Cuál es la correcta?
      answers:
        - id: 1
          text: La primera
          explanation: No.
        - id: 2
          text: La segunda
          explanation: ¡Sí!
""",
    "slides/1-basics/0103-ruby-quiz.yml": """\
---
title: Ruby keys
content: "\\n"
id: 103
assessment:
  :correct_answer_id: 1
  :question: Ruby style keys?
  :answers:
  - :id: 1
    :text: Fine
    :explanation: Right.
  - :id: 2
    :text: Broken
    :explanation: Wrong.
""",
    "slides/1-basics/0104-empty.yml": "id: 104\ntitle: Empty\ncontent:\n",
    "slides/2-extras/0201-broken-quiz.yml": """\
id: 201
title: Broken quiz
content: Some text.
assessment:
  correct_answer_id: 7
  question: Nobody is right?
  answers:
    - id: 1
      text: A
    - id: 2
      text: B
""",
    "slides/2-extras/0202-video.yml": """\
id: 202
title: 'Video: Watchlists'
content: |
  <iframe width="420" height="315" src="https://www.youtube-nocookie.com/embed/Pa8Htsj3Gxg" frameborder="0" allowfullscreen></iframe>
""",
    "slides/3-else/0301-far-away.yml": "id: 301\ntitle: Far away\ncontent: Far.\n",
    "slides/3-else/0302-bad.yml": "id: [302\n",
    "slides/3-else/0303-list.yml": "- just\n- a list\n",
}


def make_corpus(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
