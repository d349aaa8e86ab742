"""Helpers for the pack format tests: a scaffolded source and small edits to it."""

from __future__ import annotations

from pathlib import Path

from kit.core.packformat.scaffold import new_pack_source

ROOT = Path(__file__).resolve().parents[1]
CONTENT_PACKS = ROOT / "content_packs"


def make_source(folder: Path, pack_id: str | None = None) -> Path:
    """A fresh copy of the `kit pack new` example in `folder`."""
    return new_pack_source(folder, pack_id)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a source file (the test fails if absent)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root: Path, rel: str, text: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def line_of(root: Path, rel: str, marker: str) -> int:
    """The 1-based line of the first line containing `marker`."""
    lines = (root / rel).read_bytes().decode("utf-8", "replace").split("\n")
    for number, line in enumerate(lines, start=1):
        if marker in line:
            return number
    raise AssertionError(f"{marker!r} not in {rel}")


LESSON = "modules/basics/01-welcome.md"
SLIDES = "modules/basics/02-slides.md"
QUIZ = "modules/basics/03-check.md"
ACTIVITY = "modules/basics/04-practice.md"
SURVEY = "modules/basics/05-feedback.md"
MODULE = "modules/basics/module.yaml"
