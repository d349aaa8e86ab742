"""Trainer mode figures: what a keystroke and an outline edit cost on the files.

    .venv/bin/python -m bench editor

- a keystroke's journal entry (durable before the editor goes on) vs writing the same
  bytes to a file and fsyncing it;
- saving an edited lesson (atomic: temp file, fsync, rename, fsync of the folder) vs the
  same plain write + fsync;
- the outline of the largest bundled pack, read from its files, vs reading every file's
  bytes;
- checking the pack with one unsaved text (the problems panel) vs loading the source with
  the pack validator (kit pack validate).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bench.report import median_ms
from kit.core.authoring.project import PackProject
from kit.core.authoring.recovery import RecoveryJournal
from kit.core.packformat.source import load_source

PACKS = Path(__file__).resolve().parents[1] / "content_packs"


def _plain_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _largest_pack() -> Path:
    return max(
        (p.parent for p in PACKS.glob("*/pack.yaml")),
        key=lambda p: sum(1 for _ in p.rglob("*.md")),
    )


def run(report) -> None:
    work = report.workdir / "editor"
    source = work / "pack"
    shutil.copytree(_largest_pack(), source)
    project = PackProject.open(source)
    lesson = next(i.relpath for m in project.outline().modules for i in m.items)
    text = project.read(lesson)
    repeat = report.scale(40, 8)
    report.note(f"pack: {source.name}, {sum(1 for _ in source.rglob('*.md'))} Markdown files")

    journal = RecoveryJournal(work / "data", source)
    edits = iter(range(10**9))
    plain = work / "plain.txt"
    floor = median_ms(lambda: _plain_write(plain, text.encode()), repeat)
    value = median_ms(lambda: journal.record(lesson, f"{text}{next(edits)}"), repeat)
    report.figure("editor: journal a keystroke", value, "ms", floor, "write + fsync", 3)
    value = median_ms(lambda: project.save(lesson, f"{text}{next(edits)}"), repeat)
    report.figure("editor: save an edited lesson", value, "ms", floor, "write + fsync", 3)

    files = [p for p in source.rglob("*") if p.is_file()]
    floor = median_ms(lambda: [p.read_bytes() for p in files], repeat)
    value = median_ms(project.outline, repeat)
    report.figure("editor: outline of the pack", value, "ms", floor, "read every file", 3)

    few = max(3, repeat // 8)
    floor = median_ms(lambda: load_source(source), few)
    value = median_ms(lambda: project.validate({lesson: text + "\nOne more line.\n"}), few)
    report.figure(
        "editor: problems with an unsaved text", value, "ms", floor, "kit pack validate", 1.5
    )
