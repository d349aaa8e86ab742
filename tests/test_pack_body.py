"""Item bodies: facilitator notes, slide breaks, links (outside code only)."""

from __future__ import annotations

import pytest

from kit.core.packformat.body import extract_notes, iter_targets, rewrite_targets, split_slides


@pytest.mark.parametrize(
    ("body", "learner", "notes"),
    [
        ("Text\n\n::: notes\nSecret\n:::\n\nMore", "Text\n\n\nMore", "Secret"),
        ("::: {.notes}\nA\n:::", "", "A"),
        ("::: instructor\nA\n:::\nB", "B", "A"),
        ("::: notes\nA\n::: callout\nB\n:::\nC\n:::\nD", "D", "A\n::: callout\nB\n:::\nC"),
        ("```\n::: notes\nkept\n:::\n```", "```\n::: notes\nkept\n:::\n```", ""),
        ("::: solution\nS\n:::", "::: solution\nS\n:::", ""),
        ("::: notes\nA\n:::\nx\n::: notes\nB\n:::", "x", "A\n\nB"),
    ],
)
def test_extract_notes(body: str, learner: str, notes: str) -> None:
    assert extract_notes(body) == (learner, notes)


@pytest.mark.parametrize(
    ("body", "slides"),
    [
        ("A\n---\nB", ["A", "B"]),
        ("A\n\n---\n\n---\nB\n---\n", ["A", "B"]),
        ("A\n```\n---\n```\nB", ["A\n```\n---\n```\nB"]),
        ("A\n----\nB", ["A\n----\nB"]),
        ("", []),
    ],
)
def test_split_slides(body: str, slides: list[str]) -> None:
    assert [text for text, _ in split_slides(body)] == slides


@pytest.mark.parametrize(
    ("body", "targets"),
    [
        ("![a](x.png) and [b](y.md)", [(0, "x.png", True), (0, "y.md", False)]),
        ('x\n<img src="p.png"> <audio src="s.mp3">', [(1, "p.png", True), (1, "s.mp3", True)]),
        ("`![a](x.png)` and ``[b](y.md)``", []),
        ("```\n![a](x.png)\n```", []),
        ('![a](<my pic.png> "title")', [(0, "my pic.png", True)]),
    ],
)
def test_iter_targets(body: str, targets: list[tuple[int, str, bool]]) -> None:
    assert list(iter_targets(body)) == targets


def test_rewrite_targets_leaves_code_alone() -> None:
    body = "[q](a.md) `[q](a.md)`\n```\n[q](a.md)\n```"
    assert rewrite_targets(body, {"a.md": "item:a"}) == (
        "[q](item:a) `[q](a.md)`\n```\n[q](a.md)\n```"
    )
