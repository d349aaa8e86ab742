"""Pack translation figures (kit pack translate, issue 14).

On the largest bundled pack (about 2,000 units), copied to a scratch folder:
- extract: write translations/xx.po; floor = load_source of the same source (extract reads
  and checks the source first, so it cannot be faster than that).
- apply: write every unit's translation into translations/xx/; same floor.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from bench.report import Report
from kit.core.packformat.source import load_source
from kit.core.packtranslate import apply, extract

ROOT = Path(__file__).resolve().parent.parent
PACK = ROOT / "content_packs" / "wikiedu-students"


def _best(fn, times: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def run(report: Report) -> None:
    src = report.workdir / "translate-src"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(PACK, src)
    times = report.scale(3, 1)
    floor = _best(lambda: load_source(src), times)
    extracted = _best(lambda: extract(src, "fr"), times)
    po = src / "translations" / "fr.po"
    with po.open("rb") as fh:
        catalog = read_po(fh)
    for msg in catalog:
        if msg.id:
            msg.string = msg.id  # the markup survives, so every unit is applied
    with po.open("wb") as fh:
        write_po(fh, catalog, width=0)
    units = sum(1 for m in catalog if m.id)
    report.note(f"{units} units")
    report.figure("extract", extracted, floor=floor, floor_label="load_source")
    applied = _best(lambda: apply(src, ["fr"]), times)
    report.figure("apply (every unit)", applied, floor=floor, floor_label="load_source")
