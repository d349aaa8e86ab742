"""Draws the application icon resources/icons/training-kit.svg as PNGs in the sizes desktops
ask for (resources/icons/hicolor/SIZExSIZE/apps/org.trainingkit.TrainingKit.png), with Qt.

    QT_QPA_PLATFORM=offscreen .venv/bin/python build/make_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "training-kit.svg"
APP_ID = "org.trainingkit.TrainingKit"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int, out: Path) -> None:
    renderer = QSvgRenderer(str(SOURCE))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out), "PNG"):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        render(size, ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png")
    scalable = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SOURCE.read_bytes())
    print(f"Wrote {len(SIZES)} PNG sizes and the SVG under {ICONS / 'hicolor'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
