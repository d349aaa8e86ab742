"""The built desktop bundle (build/dist/training-kit, `make dist`) runs on its own, not
from the source tree: it prints its version, paints its library offscreen, installs a
pack from the command line and lists it, and opens workshop mode.

The bundle is built here if it is missing or older than the sources (one build for both
xdist workers, behind a lock); the tests skip only where PyInstaller cannot run.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kit import __version__

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "build" / "dist" / "training-kit"
EXE = BUNDLE / "training-kit"
SOURCES = ("kit", "resources", "content_packs")
BUILD_FILES = ("training-kit.spec", "bundle_files.py", "prune_bundle.py", "shrink_icu.py")


def _newest_source() -> float:
    newest = 0.0
    for top in SOURCES:
        for path in (ROOT / top).rglob("*"):
            if path.is_file() and path.suffix not in (".pyc", ".mo"):
                newest = max(newest, path.stat().st_mtime)
    for name in BUILD_FILES:
        newest = max(newest, (ROOT / "build" / name).stat().st_mtime)
    return newest


def _stale() -> bool:
    return not EXE.is_file() or EXE.stat().st_mtime < _newest_source()


@pytest.fixture(scope="session")
def bundle() -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle smoke test builds the Linux bundle only")
    if importlib.util.find_spec("PyInstaller") is None and _stale():
        pytest.skip("PyInstaller is not installed here (pip install -e '.[build]'); no bundle")
    (ROOT / "build").mkdir(exist_ok=True)
    with open(ROOT / "build" / ".dist.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other xdist worker waits for this build
        if _stale():
            done = subprocess.run(
                ["make", "dist"], cwd=ROOT, capture_output=True, text=True, timeout=1800
            )
            assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return EXE


def _run(exe: Path, *args: str, data: Path, timeout: int = 180, **env: str):
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KIT_"))}
    environ.update(QT_QPA_PLATFORM="offscreen", KIT_LANG="en", **env)
    return subprocess.run(
        [str(exe), "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=environ,
        cwd=data.parent,  # not the source tree: the bundle must not need it
    )


def test_version(bundle, tmp_path):
    done = _run(bundle, "--version", data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Training Kit {__version__}"


def test_screenshot_of_the_library(bundle, tmp_path):
    shot = tmp_path / "library.png"
    done = _run(bundle, "--screenshot", str(shot), data=tmp_path / "data")
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert image.width() > 400 and image.height() > 300


def test_cli_installs_and_lists_a_pack(bundle, tmp_path):
    from kit.core.packformat.build import build_pack

    (tmp_path / "packs").mkdir()
    pack = build_pack(ROOT / "content_packs" / "getting-started", tmp_path / "packs")
    data = tmp_path / "data"
    done = _run(bundle, "library", "install", str(pack), data=data)
    assert done.returncode == 0, done.stderr
    assert "Installed getting-started" in done.stdout
    listed = _run(bundle, "library", "list", data=data)
    assert listed.returncode == 0, listed.stderr
    assert "getting-started" in listed.stdout


def test_signed_pack_installs_as_verified_once_its_key_is_trusted(bundle, tmp_path):
    data, keys, out = tmp_path / "data", tmp_path / "keys", tmp_path / "out"
    out.mkdir()
    made = _run(bundle, "keys", "new", "ngo", "--out", str(keys), data=data)
    assert made.returncode == 0, made.stderr
    src = ROOT / "content_packs" / "getting-started"
    built = _run(bundle, "pack", "build", str(src), "-o", str(out), "--sign",
                 str(keys / "ngo.key"), data=data)  # fmt: skip
    assert built.returncode == 0, built.stderr
    trusted = _run(bundle, "keys", "trust", str(keys / "ngo.pub"), "--name", "NGO", data=data)
    assert trusted.returncode == 0, trusted.stderr
    (pack,) = out.glob("*.kitpack")
    done = _run(bundle, "library", "install", str(pack), data=data)
    assert done.returncode == 0, done.stderr
    listed = _run(bundle, "library", "list", "--json", data=data)
    assert '"verified": true' in listed.stdout, listed.stdout


def test_bad_input_gives_one_sentence(bundle, tmp_path):
    done = _run(
        bundle, "library", "install", str(tmp_path / "missing.kitpack"), data=tmp_path / "d"
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr


def test_workshop_mode_opens(bundle, tmp_path):
    shot = tmp_path / "workshop.png"
    done = _run(bundle, "--screenshot", str(shot), data=tmp_path / "data", KIT_MODE="workshop")
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).width() > 300
