"""The learner's progress as the Progress page draws it: per pack and module, quizzes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kit.core import itemtypes
from kit.ui.context import AppContext
from kit.ui.worker import Job

Done = Callable[..., None]
Failed = Callable[[str], None]


@dataclass(frozen=True)
class QuizView:
    item_id: str
    title: str
    attempts: int
    best_score: float | None  # 0-100
    pass_mark: float | None  # 0-100, from the last attempt
    passed: bool


@dataclass(frozen=True)
class ModuleView:
    module_id: str
    title: str
    done: int
    total: int
    complete: bool
    completed_at: datetime | None
    quizzes: list[QuizView] = field(default_factory=list)

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class PackProgressView:
    pack_id: str
    title: str
    modules: list[ModuleView]

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0

    @property
    def certificates(self) -> list[ModuleView]:
        return [m for m in self.modules if m.complete]


def _quiz(item: dict[str, Any], events: list) -> QuizView:
    from kit.core.records.progress import quiz_stats

    mine = [e for e in events if e.item_id == item["id"]]
    stats = quiz_stats(mine)
    marks = [e.result.get("pass_mark") for e in mine if isinstance(e.result, dict)]
    marks = [float(m) for m in marks if isinstance(m, int | float)]
    return QuizView(
        str(item["id"]), str(item.get("title") or item["id"]), stats.attempts,
        stats.best_score, marks[-1] if marks else None, stats.passed,
    )  # fmt: skip


def _pack(pack: dict[str, Any], events: list) -> PackProgressView:
    from kit.core.records.progress import pack_progress

    mine = [e for e in events if e.pack_id == pack["id"]]
    by_id = {p.module_id: p for p in pack_progress(pack, mine)}
    modules = []
    for module in pack.get("modules", []):
        progress = by_id.get(module["id"])
        if progress is None:
            continue
        items = module.get("items", [])
        quizzes = [_quiz(i, mine) for i in items if itemtypes.is_scored(i.get("type"))]
        modules.append(ModuleView(
            str(module["id"]), str(module.get("title") or module["id"]), progress.done,
            progress.total, progress.complete, progress.completed_at, quizzes,
        ))  # fmt: skip
    return PackProgressView(str(pack["id"]), str(pack.get("title") or pack["id"]), modules)


def read_progress(ctx: AppContext) -> list[PackProgressView]:
    """Runs on the worker: every installed pack with the signed-in learner's progress."""
    if not ctx.profile_id:
        return []
    events = ctx.records.events(ctx.profile_id)
    views = []
    for summary in ctx.library.list_packs(ctx.language):
        pack = ctx.library.get_pack(summary["id"], ctx.language)
        if pack is not None:
            views.append(_pack(pack, events))
    return views


def load_progress(ctx: AppContext, on_done: Done, on_failure: Failed | None = None) -> Job:
    return ctx.worker.submit(lambda: read_progress(ctx), on_done, on_failure)
