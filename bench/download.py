"""Download figures: throughput against a plain GET, and bytes fetched when cut 10 times.

    .venv/bin/python -m bench.download          # prints the figures
    (or through `python -m bench`, which calls run(report))

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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from faultproxy import FaultProxy  # noqa: E402
from webservers import Nginx  # noqa: E402

from kit.core.catalog.download import Download  # noqa: E402

SIZE = 100 * 1024 * 1024
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


def _ours(url: str, folder: Path, sha: str) -> float:
    start = time.perf_counter()
    path = Download(url, folder, "pack.kitpack", size=SIZE, sha256=sha).run()
    elapsed = time.perf_counter() - start
    path.unlink()
    return elapsed


def measure(work: Path) -> dict[str, float]:
    site = work / "site"
    site.mkdir()
    data = os.urandom(SIZE)
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
        ours = min(_ours(url, out, sha) for _ in range(ROUNDS))
        with FaultProxy(("127.0.0.1", nginx.port)) as proxy:
            proxy.cut_at = sorted(random.Random(6).sample(range(1, SIZE), 10))
            job = Download(
                proxy.url("/pack.kitpack"), out, "cut.kitpack", size=SIZE, sha256=sha, backoff=0.01
            )
            job.run().unlink()
            requests = proxy.requests
    with Nginx(site, work / "nginx-limited", limit_rate=LIMIT) as nginx:
        url = nginx.url("/pack.kitpack")
        limited_plain = _plain_get(url, out / "plain")
        limited_ours = _ours(url, out, sha)
    return {
        "plain_get_mb_s": SIZE / plain / 1e6,
        "kit_download_mb_s": SIZE / ours / 1e6,
        "time_ratio": ours / plain,
        "time_ratio_vs_get_then_hash": ours / verified,
        "time_ratio_at_50mb_s": limited_ours / limited_plain,
        "cut_10_times_bytes_ratio": job.bytes_received / SIZE,
        "cut_10_times_requests": requests,
    }


FIGURES = [
    ("plain_get_mb_s", "download: plain GET of 100 MB from local nginx", "MB/s", 1),
    ("kit_download_mb_s", "download: kit Download of the same file", "MB/s", 1),
    ("time_ratio", "download: time ratio kit / plain GET (target <= 1.2)", "", 3),
    ("time_ratio_vs_get_then_hash", "download: time ratio kit / (plain GET + SHA-256)", "", 3),
    ("time_ratio_at_50mb_s", "download: time ratio kit / plain GET, nginx limit_rate 50m", "", 3),
    (
        "cut_10_times_bytes_ratio",
        "download: bytes fetched / 100 MB, cut 10 times (target <= 1.01)",
        "",
        5,
    ),
    ("cut_10_times_requests", "download: requests for that download", "", 0),
]


def run(report: Callable[..., object]) -> None:
    """Bench convention: report(name, value, unit) once per figure."""
    with tempfile.TemporaryDirectory(prefix="kit-bench-download-") as tmp:
        figures = measure(Path(tmp))
    for key, name, unit, digits in FIGURES:
        report(name, round(figures[key], digits), unit)


if __name__ == "__main__":
    run(lambda name, value, unit="": print(f"{name}: {value} {unit}".rstrip()))
