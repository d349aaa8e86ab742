"""Search page figures: what one pause in typing costs on the worker (issue 9).

- search page job: p95 of Library.search(query, PAGE_SIZE) plus Library.search_count,
  the work the search page submits when typing pauses, over 50,000 lessons; next to the
  plain search of bench/library.py's 10 ms target, and to the typing pause it hides in.
"""

from __future__ import annotations

import shutil
import statistics
import time

from bench import packgen
from bench.report import Report
from kit.core.library import Library
from kit.core.paths import DataDir

PAGE_SIZE = 30  # kit.ui.operations.search.PAGE_SIZE (no Qt import here)
TYPING_PAUSE_MS = 250  # kit.ui.pages.search.TYPING_PAUSE_MS


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(len(ordered) * 0.95) - 1]


def _clock(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def run(report: Report) -> None:
    maker = packgen.TextMaker()
    total = report.scale(50_000, 5_000)
    data = DataDir(report.workdir / "search-page")
    lib = Library(data)
    report.note(f"building a library of {total} lessons")
    queries = packgen.search_library(lib, maker, total, report.workdir, "sp")

    def job(q: str) -> None:
        lib.search(q, PAGE_SIZE)
        lib.search_count(q)

    for q in queries[:20]:
        job(q)
    counts = [min(_clock(lambda q=q: lib.search_count(q)) for _ in range(2)) for q in queries]
    jobs = [min(_clock(lambda q=q: job(q)) for _ in range(2)) for q in queries]
    lib.close()
    report.note(f"search page job median {statistics.median(jobs):.2f} ms")
    report.figure(f"search count p95 over {total} lessons", _p95(counts), "ms", 10.0, "target", target_ratio=1)  # fmt: skip
    report.figure(
        f"search page job p95 over {total} lessons", _p95(jobs), "ms",
        float(TYPING_PAUSE_MS), "typing pause", target_ratio=1,
    )  # fmt: skip
    shutil.rmtree(data.root, ignore_errors=True)
