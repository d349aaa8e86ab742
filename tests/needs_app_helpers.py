"""The Needs tab's tests: a real data folder with the bundled needs-assessment pack
installed, a facilitator, the app's context on its own worker, and generated
respondents who answer as the survey's conditions ask (a group's sub-capacities only
when its importance is "Essential")."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from pack_helpers import CONTENT_PACKS
from PySide6.QtWidgets import QApplication

from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.paths import DataDir
from kit.core.records import Records

KEY = "needs-assessment/skills-needs"
PIN = "4321"
NA = "6"  # the "not relevant / don't know" choice id of every rating in the pack
BLANK = None


def build_needs_pack(folder: Path) -> Path:
    return build_pack(CONTENT_PACKS / "needs-assessment", folder)


def needs_folder(data: Path, pack: Path, facilitator: bool = True) -> DataDir:
    folder = DataDir(data).ensure()
    with Library(folder) as lib:
        lib.install(pack)
    if facilitator:
        with Records(folder) as records:
            records.create_profile("Rosa", pin=PIN, role="facilitator")
    return folder


def open_ctx(qtbot, folder: DataDir):
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import open_core
    from kit.ui.runners.worker import Worker

    with Records(folder) as records:
        rosa = next(p for p in records.list_profiles() if p.name == "Rosa")
    ctx = AppContext(services=Services(folder, Worker()), session=Session(profile=rosa))
    open_core(ctx).run()
    qtbot.waitUntil(lambda: ctx.opened, timeout=20_000)
    return ctx


def respondents(form, count: int, seed: int, years: list[str | None] | None = None) -> list[dict]:
    """`count` answer sets for the form's questions, asked as its conditions say: every
    rating a point, "not relevant" or blank (importance "Essential" often enough that
    sections open), about-questions and, now and then, free text."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        answers: dict[str, Any] = {}
        for q in form.questions:
            if q.id not in form.shown(answers):
                continue
            if q.kind == "likert":
                pool = ["1", "2", "3", "4", "5", "5", "3", "4", NA, BLANK]
                pick = rng.choice(pool)
            elif q.kind == "single":
                pick = years[n] if years is not None else rng.choice(["1", "2", "3", "4"])
            elif q.kind == "multiple":
                ids = [cid for cid, _t in q.choices]
                pick = sorted(rng.sample(ids, rng.randint(1, 2)))
            else:
                pick = f"Answer {n} to {q.id}" if rng.random() < 0.25 else BLANK
            if pick is not BLANK:
                answers[q.id] = pick
        out.append(answers)
    return out


def type_keys(qtbot, text: str, window) -> None:
    """Each key to whichever widget of `window` has the focus (as a keyboard would)."""
    for char in text:
        qtbot.keyClick(focused(window), char)


def focused(window):
    widget = QApplication.focusWidget()
    assert widget is not None and widget.window() is window.window(), widget
    return widget
