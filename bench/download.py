"""Download figures: throughput against a plain GET, and bytes fetched when cut 10 times.

    .venv/bin/python -m bench download          # full size (100 MB)
    .venv/bin/python -m bench --quick download  # 20 MB

Both use a real nginx on 127.0.0.1 serving a 100 MB file; the cuts come from the
fault-injecting proxy in tests/faultproxy.py.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faultproxy import FaultProxy  # noqa: E402
from webservers import Nginx  # noqa: E402

from kit.core.catalog.download import Download  # noqa: E402

ROUNDS = 5
LIMIT = "50m"  # nginx limit_rate: still faster than most of our users' links


def _plain_get(url: str, out: Path) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as resp, out.open("wb") as fh:
        shutil.copyfileobj(resp, fh, 1 << 20)
    elapsed = time.perf_counter() - start
    out.unlink()
    return elapsed


def _plain_get_then_hash(url: str, out: Path) -> float:
    """The floor for a verified download: GET the file, then SHA-256 it."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as resp, out.open("wb") as fh:
        shutil.copyfileobj(resp, fh, 1 << 20)
    digest = hashlib.sha256()
    with out.open("rb") as fh:
        while chunk := fh.read(1 << 20):
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
    del data
    out = work / "out"
    out.mkdir()
    with Nginx(site, work / "nginx") as nginx:
        url = nginx.url("/pack.kitpack")
        _plain_get(url, out / "warm")
        plain = min(_plain_get(url, out / "plain") for _ in range(ROUNDS))
        verified = min(_plain_get_then_hash(url, out / "plain") for _ in range(ROUNDS))
        ours = min(_ours(url, out, sha, size) for _ in range(ROUNDS))
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
    return {
        "plain": plain,
        "verified": verified,
        "ours": ours,
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
    report(
        f"download {mb} MB from local nginx",
        f["ours"],
        "s",
        floor=f["plain"],
        floor_label="plain GET",
        target_ratio=1.2,
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
