"""The first screen is built without Qt's namespace (kit.ui.widgets.enumkeys) and looks
exactly as it did with it: the same elided text, the same shortcuts, the same avatar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QFontMetrics, QKeySequence, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QListWidget

from kit.ui.widgets.avatar import avatar_pixmap, initials
from kit.ui.widgets.enumkeys import (
    ACCESSIBLE_TEXT_ROLE,
    USER_ROLE,
    elide_right,
    set_enum,
    set_shortcut,
)

TEXTS = (
    "Hygiene at home",
    "Bench pack-000",
    "A very long pack title that does not fit on one line of the sidebar",
    "Supercalifragilisticexpialidocious",
    "النظافة في المنزل والمدرسة",
    "",
)


@pytest.mark.parametrize("text", TEXTS)
def test_text_is_elided_as_qt_elides_it_at_every_width(qtbot, text: str) -> None:
    metrics = QFontMetrics(QFont())
    for width in range(-1, metrics.horizontalAdvance(text) + 12):
        assert elide_right(metrics, text, width) == metrics.elidedText(
            text, Qt.TextElideMode.ElideRight, width
        )


def test_enum_properties_are_set_by_their_keys_names(qtbot) -> None:
    label, packs = QLabel("<b>x</b>"), QListWidget()
    qtbot.addWidget(label)
    qtbot.addWidget(packs)
    set_enum(label, "alignment", "AlignCenter")
    set_enum(label, "textFormat", "PlainText")
    set_enum(packs, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert packs.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    with pytest.raises(ValueError):
        set_enum(label, "alignment", "AlignSideways")
    assert (
        Qt.ItemDataRole.UserRole.value,
        Qt.ItemDataRole.AccessibleTextRole.value,
    ) == (USER_ROLE, ACCESSIBLE_TEXT_ROLE)


@pytest.mark.parametrize("key", ["Alt+Home", "Find", "Quit"])
def test_a_shortcut_set_through_its_property_is_the_same_shortcut(qtbot, key: str) -> None:
    standard = getattr(QKeySequence.StandardKey, key, None)
    keys = QKeySequence(standard) if standard is not None else QKeySequence(key)
    ours, qts = QAction("a"), QAction("b")
    set_shortcut(ours, keys)
    qts.setShortcut(keys)
    assert ours.shortcut() == qts.shortcut() == keys  # (Quit has no keys on some systems)

    def pressed(action: QAction) -> list[str]:
        return [s.toString() for s in action.shortcuts() if not s.isEmpty()]

    assert pressed(ours) == pressed(qts)


def _drawn_with_pen_and_brush(name: str, colour: str, size: int) -> QPixmap:
    """The avatar as it was drawn before: a brush of the colour, a white pen."""
    pix = QPixmap(2 * size, 2 * size)
    pix.setDevicePixelRatio(2.0)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    font = QFont()
    font.setPixelSize(int(size * 0.38))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return pix


@pytest.mark.parametrize("size", [28, 64])
@pytest.mark.parametrize(
    "name,colour", [("Bench learner", "#c62828"), ("Ana", "#2363b8"), ("زينب علي", "#1e6b34")]
)
def test_the_avatar_has_the_pixels_of_a_white_pen_on_a_brush(qtbot, name, colour, size) -> None:
    ours = avatar_pixmap(name, colour, size).toImage()
    assert ours == _drawn_with_pen_and_brush(name, colour, size).toImage()


def test_a_label_shows_plain_text_again_after_its_format_was_changed(qtbot) -> None:
    from kit.ui.widgets.forms import label

    shown = label("<b>Hygiene</b> at home")
    qtbot.addWidget(shown)
    assert shown.textFormat() == Qt.TextFormat.PlainText
    shown.setTextFormat(Qt.TextFormat.RichText)
    shown.setText("<i>Kitchens</i>")  # a pack title is never read as markup
    assert shown.textFormat() == Qt.TextFormat.PlainText
    assert shown.text() == "<i>Kitchens</i>"
