"""Run every benchmark module: each bench/*.py with a `run(report)` function.

    python -m bench            # full sizes (several minutes, a few GB of disk)
    python -m bench --quick    # sizes scaled down, for a quick look
    python -m bench library    # only bench/library.py
    python -m bench records    # bench/records.py and its group, bench/records_*.py

Figures are printed as they come, each next to its floor and the ratio; nothing is
asserted. Work files go to bench/out/run-PID/ and are removed at the end.
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import shutil
import sys
from pathlib import Path

from bench.report import Report

HERE = Path(__file__).resolve().parent


def bench_modules(only: list[str]) -> list[str]:
    names = [
        m.name
        for m in pkgutil.iter_modules([str(HERE)])
        if not m.name.startswith("_") and m.name not in ("report", "packgen")
    ]
    # A name also stands for its group: "records" runs records.py and records_*.py.
    return [
        n
        for n in sorted(names)
        if not only or n in only or any(n.startswith(f"{o}_") for o in only)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="scale sizes down")
    parser.add_argument("--keep", action="store_true", help="keep bench/out/ afterwards")
    parser.add_argument("only", nargs="*", help="bench module names (default: all)")
    args = parser.parse_args(argv)
    # One folder per run: two runs at once must not delete each other's files.
    workdir = HERE / "out" / f"run-{os.getpid()}"
    workdir.mkdir(parents=True)
    report = Report(workdir, quick=args.quick)
    try:
        for name in bench_modules(args.only):
            module = importlib.import_module(f"bench.{name}")
            if not callable(getattr(module, "run", None)):
                continue
            print(f"== {name}{' (quick)' if args.quick else ''}", flush=True)
            module.run(report)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
