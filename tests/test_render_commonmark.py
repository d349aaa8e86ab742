"""Dashboard Markdown shows in the reader as markdown-it (the Dashboard's renderer) shows it:
the reader's HTML and markdown-it's are compared as what a learner sees (lists, nesting,
list items, code blocks, images), never as bytes."""

from __future__ import annotations

import pytest

from tests.markup_compare import markdown_it, reader

LISTS = {
    "bullets right after their intro line": "Before you start:\n- open the app\n- pick a profile\n\nThen go on.",
    "numbers right after their intro line": "Steps:\n1. Log in\n2. Open *Settings*\n3. Save",
    "bullets after a heading": "## Tips\n- one\n- two",
    "two-space nested bullets": "- fruit\n  - apple\n    - green\n  - pear\n- vegetables",
    "three-space nesting under a number": "1. Prepare\n   - a pen\n   - paper\n2. Write",
    "code fence under an item": "1. Type:\n\n   ```\n   kit pack new demo\n   ```\n2. Then build it.",
    "indented code under an item": "- Type this:\n\n      kit --help\n- Read the output.",
    "paragraph under a nested item": "1. a\n   - b\n\n     more about b\n2. c",
    "parenthesis numbers": "1) first\n2) second",
    "a '2.' does not interrupt a paragraph": "In the year\n2. is not a list here",
    "a rule is not a list": "Text\n\n* * *\n\n- item",
    "lazy continuation": "- a long item\nthat goes on\n- next",
}


@pytest.mark.parametrize("text", LISTS.values(), ids=LISTS.keys())
def test_lists_show_as_on_the_dashboard(text: str) -> None:
    assert reader(text) == markdown_it(text)


def test_code_outside_lists_is_untouched() -> None:
    text = "Example:\n\n```\n- not a list\n  - nor this\n```\n"
    assert reader(text) == markdown_it(text)
    assert "<li>" not in reader(text)


MORE = {
    "numbers right after bullets": "- alpha\n1. beta",
    "bullets right after numbers": "1. beta\n- alpha",
    "a line of spaces before text": "    \ndelta",
    "a line of spaces before code": "Text\n  \n\n    code",
}


@pytest.mark.parametrize("text", MORE.values(), ids=MORE.keys())
def test_list_switches_and_blank_lines_as_on_the_dashboard(text: str) -> None:
    assert reader(text) == markdown_it(text)


def test_a_nested_2_does_not_interrupt_an_items_text() -> None:
    text = "- Call the office at\n  2. pm or later\n- Then write"
    assert reader(text) == markdown_it(text)
