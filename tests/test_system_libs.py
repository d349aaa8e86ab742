"""`make run` must leave Qt's X11 plugin able to load: no library it links to is missing.

A fresh Debian 12 lacked libxcb-icccm4 and libxcb-keysyms1, so the window never opened
outside the offscreen tests. build/install-system-deps.sh installs whatever
build/qt_missing_libs.py finds missing; this test fails when that set-up missed one.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "build" / "qt_missing_libs.py"


def load_script():
    spec = importlib.util.spec_from_file_location("qt_missing_libs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux") or not shutil.which("ldd"), reason="ldd is Linux-only")  # fmt: skip
def test_qt_xcb_plugin_finds_every_library_it_links_to() -> None:
    script = load_script()
    files = script.plugin_files()
    assert any(f.name == "libqxcb.so" for f in files), "PySide6 has no xcb platform plugin"
    assert script.missing_sonames(files) == [], "run `./build/install-system-deps.sh --runtime`"


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libdbus-1.so.3", "libdbus-1-3"),
        ("libX11-xcb.so.1", "libx11-xcb1"),
        ("libEGL.so.1", "libegl1"),
    ],
)
def test_missing_library_maps_to_its_debian_package(soname: str, package: str) -> None:
    assert load_script().debian_package(soname) == package
