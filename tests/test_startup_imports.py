"""Start-up stays quick: opening the app's core does not import what only some commands need.

bench/startup.py measures the time; these tests keep the slow imports from creeping back
(each would cost tens of milliseconds at every start) and check that the shortcuts
behave exactly like the slow paths they avoid.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kit.cli import _app_args, _plain_app_args
from kit.core.records.db import Connection

SLOW = ("sqlite_utils", "yaml", "nacl", "markdown", "nh3", "babel", "platformdirs", "_hashlib")
# Loaded by a search or an entity in a text, not by the library page (~3 ms at start).
SEARCH = ("kit.core.library.search", "kit.core.library.ranking", "html")

OPEN_CORE = """
import sys
from pathlib import Path
from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.records import Records
data = DataDir(Path(sys.argv[1]))
lib, records = Library(data), Records(data)
records.list_profiles(), lib.list_packs()
lib.close(), records.close()
slow = sorted(({m.split(".")[0] for m in sys.modules} | set(sys.modules)) & set(sys.argv[2:]))
print(" ".join(slow))
"""


def _open_core(data_dir: Path, modules: tuple[str, ...] = SLOW) -> str:
    done = subprocess.run(
        [sys.executable, "-c", OPEN_CORE, str(data_dir), *modules],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "KIT_LANG": "en"},  # another language may compile its catalog
    )
    return done.stdout.strip()


def test_opening_a_current_library_and_records_imports_nothing_slow(data_dir: Path) -> None:
    first = _open_core(data_dir)  # creates both databases: sqlite-utils migrates them
    assert "sqlite_utils" in first
    assert _open_core(data_dir) == ""  # the schema is current: nothing slow is needed


def test_opening_the_core_leaves_the_search_engine_for_the_first_search(data_dir: Path) -> None:
    assert _open_core(data_dir, SEARCH) == ""
    from kit.core.library.plaintext import readable_text

    assert readable_text("Fish &amp; chips, *hot*") == "Fish & chips, hot"  # html when needed


def test_a_pending_migration_is_still_applied(data_dir: Path) -> None:
    _open_core(data_dir)
    conn = sqlite3.connect(data_dir / "library.db")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm005_search_hashsize'")
    conn.commit()
    conn.close()
    assert "sqlite_utils" in _open_core(data_dir)
    conn = sqlite3.connect(data_dir / "library.db")
    names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    conn.close()
    assert "m005_search_hashsize" in names


@pytest.mark.parametrize(
    "argv",
    [[], ["--profile", "Ana"], ["--data-dir", "/tmp/x", "--lang", "es"], ["--screenshot=a.png"]],
)
def test_opening_the_app_needs_only_the_top_level_options(argv: list[str]) -> None:
    args = _app_args(argv)
    assert args is not None and args.command is None


@pytest.mark.parametrize(
    "argv", [["library", "list"], ["--help"], ["-h"], ["--profile"], ["--bogus"], ["x"]]
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert _app_args(argv) is None
    assert _plain_app_args(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--profile", "Ana"],
        ["--profile=Ana María"],
        ["--data-dir", "/tmp/x", "--lang", "es", "--portable"],
        ["--screenshot=a.png", "--profile", "Ana", "--profile", "Ben"],
        ["--profile", ""],
        ["--data-dir=a=b"],
    ],
)
def test_the_usual_ways_of_opening_the_app_are_read_as_argparse_reads_them(argv) -> None:
    assert _plain_app_args(argv) == _app_args(argv)


@pytest.mark.parametrize(
    "argv", [["--prof", "Ana"], ["--profile", "-x"], ["--portable=yes"], ["--", "x"], ["--version"]]
)
def test_other_spellings_are_left_to_argparse(argv: list[str]) -> None:
    assert _plain_app_args(argv) is None


def test_records_connection_transactions_match_sqlite_utils(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "t.db")
    db = Connection(conn)
    db.execute("CREATE TABLE t (v INTEGER)")
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(RuntimeError), db.atomic():  # nested: a savepoint
            db.execute("INSERT INTO t VALUES (2)")
            raise RuntimeError
        db.execute("INSERT INTO t VALUES (3)")
    with pytest.raises(sqlite3.OperationalError), db.atomic():
        db.execute("INSERT INTO t VALUES (4)")
        db.execute("CREATE TABLE t (v INTEGER)")  # fails: the whole block rolls back
    db.execute("INSERT INTO t VALUES (5)")  # outside a transaction: committed at once
    assert not conn.in_transaction
    other = sqlite3.connect(tmp_path / "t.db")
    assert [r[0] for r in other.execute("SELECT v FROM t ORDER BY v")] == [1, 3, 5]
    assert conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1


APP_START = """
import sys
from PySide6 import QtCore
from kit.ui.main_window import MainWindow

made = []
send_ready = MainWindow.send_ready

def recording(self):
    made.append("Qt" in vars(QtCore))  # Qt's namespace is made at its first use
    send_ready(self)

MainWindow.send_ready = recording
from kit.cli import main
code = main(["--data-dir", sys.argv[1], "--profile", "Ana"])
print(code, " ".join(sorted(set(sys.argv[2:]) & set(sys.modules))))
print("Qt's namespace at the first paint:", made, "at the end:", "Qt" in vars(QtCore))
"""
# Not needed for the first paint of the library (each a few milliseconds of every start):
# the lesson renderer, installed packages' metadata (Help, About), strptime's machinery,
# decimal (kit.number_format rounds the library's numbers on their digits).
# Nor is Qt's namespace (some 40 ms, kit.ui.widgets.enumkeys): it is made just after.
NOT_AT_START = ("kit.core.render", "markdown", "importlib.metadata", "_strptime", "decimal")


def test_opening_the_app_imports_neither_the_renderer_nor_package_metadata(
    data_dir: Path, pack: Path
) -> None:
    """The library of a learner with an installed pack paints, then the app exits; Qt's
    namespace is made once it has painted."""
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records

    data = DataDir(data_dir).ensure()
    with Library(data) as lib:
        lib.install(pack)
    with Records(data) as records:
        records.create_profile("Ana")
    (data_dir / "settings.json").write_text('{"bundled_offered": true}', encoding="utf-8")
    env = {**os.environ, "KIT_LANG": "en", "KIT_EXIT_WHEN_READY": "1"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    done = subprocess.run(
        [sys.executable, "-c", APP_START, str(data_dir), *NOT_AT_START],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    assert done.stdout.splitlines() == [
        "ready",
        "0 ",
        "Qt's namespace at the first paint: [False] at the end: True",
    ]


def test_no_module_of_the_app_selects_a_pyside_feature() -> None:
    """kit.app.main tells PySide6 so at start instead of letting it read every module."""
    kit = Path(__file__).resolve().parents[1] / "kit"
    users = [p for p in kit.rglob("*.py") if "__feature__" in p.read_text(encoding="utf-8")]
    assert users == [kit / "app" / "main.py"]  # which only names it


FEATURE_SCAN = """
import sys
import kit.app.main as m
import kit.core.library, kit.core.records
from PySide6.QtCore import QTimer
m._mark_modules_without_features()
feature = sys.modules["shibokensupport.feature"]
read = []
feature._mod_uses_pyside = lambda module: read.append(module.__name__) or False
import kit.ui.main_window, kit.ui.pages.library, typing, dataclasses
print(sorted(n for n in read if n.startswith("kit.ui") or n in ("kit.core.library", "typing")))
print(feature.pyside_feature_dict["kit.ui.main_window"], feature.pyside_feature_dict["typing"])
"""


def test_pyside_reads_the_source_of_no_module_the_start_has_marked() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FEATURE_SCAN], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == ["[]", "0 -1"]
