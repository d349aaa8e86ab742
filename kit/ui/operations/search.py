"""What the search page asks of the core: the best results for a query and how many
items match in all (both read on the worker, in one job)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kit.ui.worker import Job

PAGE_SIZE = 30  # results shown at once; the count says how many match in all


@dataclass(frozen=True)
class SearchResults:
    query: str
    rows: list[dict[str, Any]] = field(default_factory=list)
    total: int = 0  # every matching item, copies included
    exact: bool = True  # False: at least `total` (a very broad query)


def search(
    ctx: Any,
    query: str,
    on_done: Callable[[SearchResults], None],
    on_fail: Callable[[str], None] | None = None,
    limit: int = PAGE_SIZE,
) -> Job:
    def run() -> SearchResults:
        rows = ctx.library.search(query, limit)
        total, exact = ctx.library.search_count(query) if rows else (0, True)
        listed = len(rows) + sum(len(r.get("copies") or []) for r in rows)
        return SearchResults(query, rows, max(total, listed), exact)

    return ctx.worker.submit(run, on_done, on_fail)
