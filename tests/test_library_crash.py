"""An install or removal killed at any step leaves the previous state (kill -9)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from library_helpers import PNG, content, lesson, open_library, snapshot, write_pack

from kit.core.library.install import CRASH_ENV

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SCRIPT = (
    "import sys\n"
    "from pathlib import Path\n"
    "from kit.core.library import Library\n"
    "from kit.core.paths import DataDir\n"
    "lib = Library(DataDir(Path(sys.argv[1])))\n"
    "if sys.argv[2] == 'remove':\n"
    "    lib.remove(sys.argv[3])\n"
    "else:\n"
    "    lib.install(sys.argv[3])\n"
)


def _run_killed(data_dir: Path, step: str, action: str, arg: str) -> None:
    env = {**os.environ, CRASH_ENV: step}
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(data_dir), action, arg], env=env, capture_output=True
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()


def _v2(tmp_path: Path) -> Path:
    media = {"media/new.bin": os.urandom(50_000), "media/keep.png": PNG}
    body = content(
        version="2.0.0", items=[lesson("intro", "Intro two", "Use soap."), lesson("n", "New")]
    )
    return write_pack(tmp_path / "v2.kitpack", body, media=media)


@pytest.mark.parametrize("step", ["staged", "moved", "transaction"])
def test_update_killed_midway_keeps_old_version(step: str, tmp_path: Path, data_dir: Path) -> None:
    v1 = write_pack(
        tmp_path / "v1.kitpack",
        content(items=[lesson("intro", "Intro", "Wash your hands.")]),
        media={"media/keep.png": PNG, "media/old.bin": os.urandom(40_000)},
    )
    with open_library(data_dir) as lib:
        lib.install(v1)
    before = snapshot(data_dir)
    _run_killed(data_dir, step, "install", str(_v2(tmp_path)))
    assert list((data_dir / "tmp").iterdir())  # the killed install left its staging behind
    after = snapshot(data_dir)  # opening the library cleans up
    assert after == before
    assert list((data_dir / "tmp").iterdir()) == []
    with open_library(data_dir) as lib:
        assert lib.install(_v2(tmp_path)).action == "updated"
        assert lib.verify() == []


@pytest.mark.parametrize("step", ["staged", "moved", "transaction"])
def test_first_install_killed_midway_leaves_empty_library(
    step: str, tmp_path: Path, data_dir: Path
) -> None:
    _run_killed(data_dir, step, "install", str(_v2(tmp_path)))
    state = snapshot(data_dir)
    assert state["packs"] == [] and state["verify"] == []
    assert [f for f in state["files"] if f.startswith(("media", "tmp"))] == []


def test_removal_killed_after_commit_cleans_media_on_next_open(
    tmp_path: Path, data_dir: Path
) -> None:
    with open_library(data_dir) as lib:
        lib.install(_v2(tmp_path))
    _run_killed(data_dir, "removed", "remove", "demo")
    state = snapshot(data_dir)
    assert state["packs"] == [] and state["verify"] == []
    assert [f for f in state["files"] if f.startswith(("media", "tmp"))] == []


def test_big_update_killed_before_its_commit_keeps_old_version(
    tmp_path: Path, data_dir: Path
) -> None:
    # Rows far beyond the install's small page cache: SQLite writes them into the WAL
    # (and walsync.py syncs it) before the COMMIT; a kill there must discard them.
    v1 = write_pack(tmp_path / "v1.kitpack", content(items=[lesson("intro", "Intro")]))
    with open_library(data_dir) as lib:
        lib.install(v1)
    before = snapshot(data_dir)
    words = " ".join(f"word{n} soap water" for n in range(150))
    items = [lesson(f"l{i}", f"Lesson {i}", f"{words} {i}") for i in range(2_000)]
    big = write_pack(tmp_path / "v2.kitpack", content(version="2.0.0", items=items))
    _run_killed(data_dir, "transaction", "install", str(big))
    wal = data_dir / "library.db-wal"
    assert wal.stat().st_size > 4 * 1024 * 1024  # the rows had reached the log
    assert snapshot(data_dir) == before
    with open_library(data_dir) as lib:
        assert lib.install(big).action == "updated"
        assert lib.verify() == []
