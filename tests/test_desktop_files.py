"""The Linux desktop integration files pass the freedesktop validators a distribution's
packaging runs (desktop-file-utils, appstream), and the icon comes in every size."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from PySide6.QtGui import QImage

from kit.core.paths import RESOURCES_DIR

DESKTOP = RESOURCES_DIR / "desktop"
APP_ID = "org.trainingkit.TrainingKit"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        pytest.fail(f"{name} is missing: run build/install-system-deps.sh")
    return path


def test_desktop_file_is_valid():
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(DESKTOP / f"{APP_ID}.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


def test_appstream_metainfo_is_valid():
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(DESKTOP / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_in_every_size():
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = RESOURCES_DIR / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size), png
    assert (RESOURCES_DIR / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
