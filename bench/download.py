"""Download figures: throughput against a plain GET, and bytes fetched when cut 10 times.

    .venv/bin/python -m bench download          # full size (100 MB)
    .venv/bin/python -m bench --quick download  # 20 MB

Both use a real nginx on 127.0.0.1 serving a 100 MB file; the cuts come from the
fault-injecting proxy in tests/faultproxy.py.

The floors, each timed in the same rounds as ours (interleaved, medians compared):
- plain GET: urllib GET of the same URL, read into the same size of buffer as ours
  (kit.core.catalog.hashing.SLAB, 1 MiB) and written to a file: no hashing, no resume
  bookkeeping.
- SHA-256 alone: hashlib over the same bytes already in memory. Every byte we keep
  must be hashed (a pack is refused when its SHA-256 is wrong), so no download can
  finish before the later of the two: max(plain GET, SHA-256) is the best a verified
  download can do with hashing fully overlapped on another core; GET then SHA-256 is
  what it costs without any overlap.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faultproxy import FaultProxy  # noqa: E402
from webservers import Nginx  # noqa: E402

from kit.core.catalog.download import Download  # noqa: E402
from kit.core.catalog.hashing import SLAB  # noqa: E402

ROUNDS = 9
LIMIT = "50m"  # nginx limit_rate: still faster than most of our users' links


BUFFER = SLAB  # the read size ours uses


def _plain_get(url: str, out: Path) -> float:
    """The floor: GET into a buffer of our size, written to a file (ours, minus hashing)."""
    view = memoryview(bytearray(BUFFER))
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as resp, out.open("wb", buffering=0) as fh:
        while n := resp.readinto(view):
            fh.write(view[:n])
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def _hash_alone(data: memoryview) -> float:
    start = time.perf_counter()
    digest = hashlib.sha256()
    for offset in range(0, len(data), BUFFER):
        digest.update(data[offset : offset + BUFFER])
    return time.perf_counter() - start


def _two_hashes_speedup(data: memoryview) -> float:
    """How many cores this moment gives us: two SHA-256 one after the other, over two
    at once on two threads (2.0 = two free cores; near 1 = no overlap is possible)."""
    start = time.perf_counter()
    _hash_alone(data)
    _hash_alone(data)
    one_by_one = time.perf_counter() - start
    threads = [threading.Thread(target=_hash_alone, args=(data,)) for _ in range(2)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return one_by_one / (time.perf_counter() - start)


def _plain_get_then_hash(url: str, out: Path) -> float:
    """GET the file, then SHA-256 it: a verified download without any overlap."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as resp, out.open("wb") as fh:
        shutil.copyfileobj(resp, fh, BUFFER)
    digest = hashlib.sha256()
    with out.open("rb") as fh:
        while chunk := fh.read(BUFFER):
            digest.update(chunk)
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def _ours(url: str, folder: Path, sha: str, size: int) -> float:
    start = time.perf_counter()
    path = Download(url, folder, "pack.kitpack", size=size, sha256=sha).run()
    elapsed = time.perf_counter() - start
    path.unlink()
    return elapsed


def measure(work: Path, size: int) -> dict[str, float]:
    site = work / "site"
    site.mkdir()
    data = os.urandom(size)
    (site / "pack.kitpack").write_bytes(data)
    sha = hashlib.sha256(data).hexdigest()
    out = work / "out"
    out.mkdir()
    times: dict[str, list[float]] = {"plain": [], "hash": [], "verified": [], "ours": []}
    cpu: dict[str, list[float]] = {"plain": [], "hash": [], "ours": []}
    speedups: list[float] = []
    with Nginx(site, work / "nginx") as nginx:
        url = nginx.url("/pack.kitpack")
        _plain_get(url, out / "warm")
        _ours(url, out, sha, size)
        view = memoryview(data)
        for _round in range(ROUNDS):  # interleaved: a busy moment hits every variant
            for name, fn in (
                ("plain", lambda: _plain_get(url, out / "plain")),
                ("hash", lambda: _hash_alone(view)),
                ("ours", lambda: _ours(url, out, sha, size)),
            ):
                started = time.process_time()  # CPU of every thread of this process
                times[name].append(fn())
                cpu[name].append(time.process_time() - started)
            times["verified"].append(_plain_get_then_hash(url, out / "plain"))
            speedups.append(_two_hashes_speedup(view))
        view.release()
        del data
        with FaultProxy(("127.0.0.1", nginx.port)) as proxy:
            proxy.cut_at = sorted(random.Random(6).sample(range(1, size), 10))
            job = Download(
                proxy.url("/pack.kitpack"), out, "cut.kitpack", size=size, sha256=sha, backoff=0.01
            )
            job.run().unlink()
            requests = proxy.requests
    with Nginx(site, work / "nginx-limited", limit_rate=LIMIT) as nginx:
        url = nginx.url("/pack.kitpack")
        limited_plain = _plain_get(url, out / "plain")
        limited_ours = _ours(url, out, sha, size)
    medians = {name: statistics.median(values) for name, values in times.items()}
    return {
        **medians,
        "rounds": {name: [round(v, 3) for v in values] for name, values in times.items()},
        "best": {name: min(values) for name, values in times.items()},
        "speedup": statistics.median(speedups),
        "cpu": {name: statistics.median(values) for name, values in cpu.items()},
        "limited_plain": limited_plain,
        "limited_ours": limited_ours,
        "cut_bytes": job.bytes_received,
        "requests": requests,
    }


def run(report: Any) -> None:
    """report(name, value, unit, floor=, floor_label=, target_ratio=): see bench/report.py."""
    size = report.scale(100, 20) * 1024 * 1024
    mb = size // (1024 * 1024)
    work = Path(tempfile.mkdtemp(prefix="download-", dir=report.workdir))
    try:
        f = measure(work, size)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for name, values in f["rounds"].items():
        report.note(f"{name}: {values}")
    report.note(
        f"medians of {ROUNDS} interleaved rounds; plain GET = urllib GET into a 1 MiB buffer "
        "written to a file, no hashing"
    )
    report(
        f"download {mb} MB from local nginx",
        f["ours"],
        "s",
        floor=f["plain"],
        floor_label="plain GET",
        target_ratio=1.2,
    )
    report(f"SHA-256 of {mb} MB in memory (needed for every byte)", f["hash"], "s")
    report(
        f"download {mb} MB, against the hashing bound",
        f["ours"],
        "s",
        floor=max(f["plain"], f["hash"]),
        floor_label="max(plain GET, SHA-256)",
    )
    best = f["best"]
    report(
        f"download {mb} MB, best of {ROUNDS}, against the hashing bound",
        best["ours"],
        "s",
        floor=max(best["plain"], best["hash"]),
        floor_label="max(plain GET, SHA-256), best of each",
        target_ratio=1.25,
    )
    report(
        "cores free for this run: 2 SHA-256 threads' speed-up",
        f["speedup"],
        "x",
        floor=2.0,
        floor_label="two free cores; overlap needs them",
    )
    cpu = f["cpu"]
    report(
        f"download {mb} MB, CPU time (all threads)",
        cpu["ours"],
        "s",
        floor=cpu["plain"] + cpu["hash"],
        floor_label="CPU of plain GET + SHA-256",
        target_ratio=1.1,
    )
    report(
        f"download {mb} MB, against GET then SHA-256",
        f["ours"],
        "s",
        floor=f["verified"],
        floor_label="GET + SHA-256",
    )
    report(
        f"download {mb} MB, nginx limit_rate {LIMIT}",
        f["limited_ours"],
        "s",
        floor=f["limited_plain"],
        floor_label="plain GET",
        target_ratio=1.2,
    )
    report(
        f"bytes fetched, {mb} MB cut 10 times",
        f["cut_bytes"] / 1e6,
        "MB",
        floor=size / 1e6,
        floor_label="file size",
        target_ratio=1.01,
    )
    report("requests for that download", f["requests"], "")


if __name__ == "__main__":
    from bench.report import Report

    with tempfile.TemporaryDirectory() as tmp:
        run(Report(Path(tmp), quick="--quick" in sys.argv))
