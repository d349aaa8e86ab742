"""The recovery journal: unsaved editor texts survive a crash, even kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from kit.core.authoring.project import PackProject
from kit.core.authoring.recovery import RecoveryJournal

ROOT = Path(__file__).resolve().parents[1]


def test_pending_holds_only_texts_that_differ_from_the_files(tmp_path: Path) -> None:
    project = PackProject.create(tmp_path / "pack", "Recovered")
    journal = RecoveryJournal(tmp_path / "data", project.root)
    rel = "modules/basics/01-welcome.md"
    same = project.read("pack.yaml")
    journal.record("pack.yaml", same)
    journal.record(rel, "changed text")
    journal.record(rel, "changed again")
    assert journal.pending() == {rel: "changed again"}
    project.save(rel, "changed again")
    assert journal.pending() == {}
    journal.record(rel, "and once more")
    journal.forget(rel)
    assert RecoveryJournal(tmp_path / "data", project.root).pending() == {}


def test_two_sources_never_share_entries(tmp_path: Path) -> None:
    one = PackProject.create(tmp_path / "one", "One")
    two = PackProject.create(tmp_path / "two", "Two")
    RecoveryJournal(tmp_path / "data", one.root).record("pack.yaml", "one's edit")
    assert RecoveryJournal(tmp_path / "data", two.root).pending() == {}
    assert RecoveryJournal(tmp_path / "data", one.root / ".").pending() == {
        "pack.yaml": "one's edit"
    }


SCRIPT = """
import sys, time
from pathlib import Path
from kit.core.authoring.recovery import RecoveryJournal
journal = RecoveryJournal(Path(sys.argv[1]), Path(sys.argv[2]))
journal.record("modules/basics/01-welcome.md", "typed before the crash: é ✓\\n")
print("recorded", flush=True)
time.sleep(600)
"""


def test_a_text_recorded_survives_kill_9(tmp_path: Path) -> None:
    project = PackProject.create(tmp_path / "pack", "Crash")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(project.root)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "recorded"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    journal = RecoveryJournal(tmp_path / "data", project.root)
    assert journal.pending() == {"modules/basics/01-welcome.md": "typed before the crash: é ✓\n"}
