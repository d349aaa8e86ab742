"""Search growth figure (issue 18): search p95 with 10, 100 and 300 installed packs.

One library grows from 10 to 100 to 300 packs of the same size (full: 1,000 lessons
each, up to 300,000 lessons; --quick: 20 each). After each step the same 300 queries
of one or two words (every third cut short, as while typing) are timed, each twice
with its faster time kept. The figure is the p95 with 300 packs next to the p95 with
10 packs; target: within 2x.
"""

from __future__ import annotations

import shutil
import time

from bench import packgen
from bench.report import Report
from kit.core.library import Library
from kit.core.paths import DataDir

PACK_COUNTS = (10, 100, 300)
LIMIT = 20  # Library.search's default page


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(len(ordered) * 0.95) - 1]


def _search_p95(lib: Library, queries: list[str]) -> float:
    for q in queries[:20]:
        lib.search(q, LIMIT)
    times = []
    for q in queries:
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            lib.search(q, LIMIT)
            best = min(best, (time.perf_counter() - start) * 1000)
        times.append(best)
    return _p95(times)


def run(report: Report) -> None:
    maker = packgen.TextMaker()
    per_pack = report.scale(1_000, 20)
    data = DataDir(report.workdir / "search-growth")
    lib = Library(data)
    queries = []
    for i in range(300):
        words = [maker.query_word() for _ in range(1 + i % 2)]
        if i % 3 == 0:
            words[-1] = words[-1][: max(2, len(words[-1]) - 2)]
        queries.append(" ".join(words))
    figures: dict[int, float] = {}
    installed = 0
    for packs in PACK_COUNTS:
        report.note(f"installing packs {installed + 1}-{packs} ({per_pack} lessons each)")
        for n in range(installed, packs):
            items = packgen.lessons(maker, per_pack, prefix=f"g{n}-")
            body = packgen.content(f"g{n}", "1.0.0", items)
            pack = packgen.write_pack(report.workdir / f"g{n}.kitpack", body, {}, 0)
            lib.install(pack)
            pack.unlink()
        installed = packs
        figures[packs] = _search_p95(lib, queries)
        report.note(f"search p95 with {packs} packs ({packs * per_pack} lessons): {figures[packs]:.2f} ms")  # fmt: skip
    lib.close()
    low, high = PACK_COUNTS[0], PACK_COUNTS[-1]
    report.figure(
        f"search p95 with {high} packs ({high * per_pack} lessons)", figures[high], "ms",
        figures[low], f"{low} packs", target_ratio=2,
    )  # fmt: skip
    shutil.rmtree(data.root, ignore_errors=True)
