"""Opening an item again shows what is there now: kept texts and pictures never go stale."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from kit.core.render import Labels, render_markdown
from kit.ui.operations.reader_cache import Pictures, rendered


def _png(path: Path, width: int, colour: str) -> Path:
    image = QImage(width, 10, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def test_kept_text_is_the_text_rendered_now() -> None:
    text = "# Title\n\nSome *text*.\n\n::: solution\nHidden\n:::\n"
    for lang in ("en", "ar"):
        assert rendered(text, lang, Labels()) == render_markdown(text, lang=lang, labels=Labels())
    spanish = Labels(show_solution="Mostrar la solución")
    assert "Mostrar la solución" in rendered(text, "es", spanish)
    assert rendered(text + "More.", "en", Labels()) == render_markdown(text + "More.", lang="en")


def test_a_replaced_picture_is_decoded_again(tmp_path: Path, qapp: object) -> None:
    pictures = Pictures()
    calls: list[Path] = []

    def decode(path: Path) -> QImage:
        calls.append(path)
        return QImage(str(path))

    path = _png(tmp_path / "pic", 20, "red")
    assert pictures.get(path, decode).width() == 20
    assert pictures.get(path, decode).width() == 20
    assert len(calls) == 1
    _png(path, 30, "blue")  # a repaired file, say
    os.utime(path, ns=(1, 1))
    assert pictures.get(path, decode).width() == 30
    assert len(calls) == 2


def test_pictures_kept_stay_under_the_limit(tmp_path: Path, qapp: object) -> None:
    one = QImage(str(_png(tmp_path / "a", 100, "red"))).sizeInBytes()
    pictures = Pictures(limit=int(one * 2.5))
    paths = [_png(tmp_path / name, 100, "green") for name in "bcd"]
    for path in paths:
        pictures.get(path, lambda p: QImage(str(p)))
    assert pictures._held <= pictures.limit
    assert len(pictures._images) == 2
    missing = tmp_path / "missing"
    assert pictures.get(missing, lambda p: QImage(str(p))).isNull()
