"""Run a writer script in a subprocess and SIGKILL it mid-stream (the kill -9 tests).

The writer prints "ready" once open, then one id per line, each only after the write it
names has returned (the moment the app would say "saved").
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys


def acknowledged_before_kill(writer: str, args: list[str], lines_before_kill: int) -> set[str]:
    """The ids the writer acknowledged before it was killed (-1: killed while opening)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", writer, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    acknowledged: set[str] = set()
    try:
        if lines_before_kill >= 0:
            assert proc.stdout is not None
            ready = proc.stdout.readline()
            assert ready == "ready\n", proc.stderr.read() if proc.stderr else ready
            for _ in range(lines_before_kill):
                line = proc.stdout.readline()
                assert line.endswith("\n"), proc.stderr.read() if proc.stderr else line
                acknowledged.add(line.strip())
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        out, _err = proc.communicate()
    # Ids already in the pipe were acknowledged too; a torn last line was not.
    for line in out.splitlines(keepends=True):
        if line.endswith("\n") and line.strip() != "ready":
            acknowledged.add(line.strip())
    assert proc.returncode == -signal.SIGKILL
    return acknowledged
