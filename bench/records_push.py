"""Statements per second pushed to Ralph on loopback, next to a bare urllib floor.

    .venv/bin/python -m bench records       # the `records` group runs this module too

The figure: `kit.core.xapi.push` sends N learner events (batches of 200) from a real
records.db to a real Ralph (fs backend, basic auth) on 127.0.0.1, recording each
delivery durably. The floor: the same batches, pre-serialised JSON, POSTed by a bare
urllib loop to a second, fresh Ralph. Ratio = our rate / floor rate (1 = as fast as
the wire and the LRS allow). Target: at least 1,000 statements/s.
"""

from __future__ import annotations

import base64
import tempfile
import time
import urllib.request
from pathlib import Path

from bench._ralph import RalphServer, available
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.xapi import LrsConfig, Outbox, push
from kit.core.xapi.client import BATCH_SIZE, encode

HOME = "https://bench.example/kit/"


def _fill(rec: Records, n: int) -> None:
    profiles = [rec.create_profile(f"Learner {k}").id for k in range(10)]
    per = n // len(profiles)
    for pid in profiles:
        entries = [("viewed", None)] * per
        for start in range(0, per, 500):
            rec.append_events(pid, "bench-pack", f"item-{start}", entries[start : start + 500])


def measure(folder: Path, n: int) -> dict[str, float]:
    with Records(DataDir(folder / "data"), create=True) as rec:
        _fill(rec, n)
        with RalphServer(folder / "floor") as lrs:
            outbox = Outbox(rec.rdb, "floor", HOME)
            bodies = []
            while batch := outbox.next_batch(BATCH_SIZE):
                bodies.append(encode([s for _k, s in batch]))
                outbox.mark_delivered(k for k, _s in batch)
            token = base64.b64encode(f"{lrs.user}:{lrs.password}".encode()).decode()
            headers = {
                "Content-Type": "application/json",
                "Authorization": f"Basic {token}",
                "X-Experience-API-Version": "1.0.3",
            }
            start = time.perf_counter()
            for body in bodies:
                req = urllib.request.Request(
                    lrs.endpoint + "statements", data=body, headers=headers, method="POST"
                )
                with urllib.request.urlopen(req, timeout=60) as response:
                    response.read()
            floor_s = time.perf_counter() - start
        with RalphServer(folder / "push") as lrs:
            config = LrsConfig(lrs.endpoint, lrs.user, lrs.password, HOME)
            outbox = Outbox(rec.rdb, lrs.endpoint, HOME)
            start = time.perf_counter()
            result = push(outbox, config)
            push_s = time.perf_counter() - start
            if result.error or result.sent != n:
                raise RuntimeError(result.error or f"sent {result.sent} of {n}")
    return {"push_rate": n / push_s, "floor_rate": n / floor_s}


def run(report) -> None:
    if not available():
        print("records push: Ralph is not installed (build/install-ralph.sh)")
        return
    n = report.scale(20_000, 2_000)
    with tempfile.TemporaryDirectory(prefix="kit-bench-push-") as tmp:
        f = measure(Path(tmp), n)
    # A rate: higher is better; the ratio printed (ours / floor) says how close to the
    # bare loop the real push comes (1.0 = no overhead).
    if not hasattr(report, "figure"):  # python -m bench.records
        report(f"records: xAPI push to Ralph, {n} statements", round(f["push_rate"], 1), "st/s")
        report("records: bare urllib floor", round(f["floor_rate"], 1), "st/s")
        return
    report.figure(
        f"records: xAPI push to Ralph, {n} statements",
        round(f["push_rate"], 1),
        "st/s",
        floor=round(f["floor_rate"], 1),
        floor_label="bare urllib POST of pre-serialised batches",
    )
    report.note(f"target >= 1000 statements/s: {'ok' if f['push_rate'] >= 1000 else 'UNDER'}")
