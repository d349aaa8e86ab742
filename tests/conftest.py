"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KIT_LANG"] = "en"

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder for each test (KIT_DATA_DIR points at it)."""
    folder = tmp_path / "data"
    monkeypatch.setenv("KIT_DATA_DIR", str(folder))
    monkeypatch.delenv("KIT_PORTABLE", raising=False)  # portable only where a test asks
    return folder


@pytest.fixture(autouse=True)
def left_to_right_after_each_test():
    """A test that switched the app to Arabic leaves it right-to-left: put it back, so the
    next test in the same process starts as a fresh English app would."""
    yield
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from kit.i18n import set_language

    set_language("en")
    if QApplication.instance() is not None:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture(scope="session")
def pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The getting-started pack, built once (tests that need other packs define their own)."""
    from ui_shell import build_getting_started

    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def run_kit(capsys: pytest.CaptureFixture[str]):
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    from kit.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = main([str(a) for a in args])
        except SystemExit as exc:
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def kit_exe() -> list[str]:
    """The kit command as a subprocess argv prefix."""
    return [sys.executable, "-m", "kit"]


@pytest.fixture
def clock():
    """Both clocks the records read (wall and boot), moved by the test, never slept on."""
    from tests.fake_clock import FakeClock

    return FakeClock()


@pytest.fixture
def records(data_dir: Path, clock):
    """records.db in the test's data folder, on the test's clocks."""
    from kit.core.paths import DataDir
    from kit.core.records import Records

    with Records(DataDir(data_dir), clock=clock, uptime=clock.uptime) as rec:
        yield rec
