"""Text that fits and reads well: Arabic script size and line spacing, the menu button's
arrow, pack titles in the library's sidebar (wrapped, then elided, in either direction)."""

from __future__ import annotations

import pytest
from packmaker import make_pack
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from ui_shell import add_profile, close, open_window, prepare, sign_in, wait_library

from kit.i18n import _, format_percent, set_language
from kit.ui.widgets.forms import label
from kit.ui.widgets.style import apply_style

ARABIC = "هذا نص عربي طويل يلتف على عدة أسطر لكي نرى المسافة بين الأسطر " * 3
LONG_TITLE = "Wasserversorgungsunternehmensleitfaden für Gemeindegesundheitshelferinnen"
ARABIC_TITLE = "دليل الإسعافات الأولية للعاملين في صحة المجتمع في القرى البعيدة والمدن"


@pytest.fixture
def restore_language():
    yield
    set_language("en")
    app = QApplication.instance()
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    apply_style(app, 1.0)


def test_arabic_text_is_larger_and_its_lines_have_room(
    qtbot, data_dir, pack, restore_language
) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    english_points = QApplication.font().pointSizeF()
    english = label(ARABIC)
    window.change_language("ar")
    wait_library(qtbot, window)
    assert QApplication.font().pointSizeF() >= 1.15 * english_points
    spaced, plain = label(ARABIC), QLabel(ARABIC)
    plain.setWordWrap(True)
    assert spaced.text() == ARABIC  # the learner's text, unchanged
    # Same font, same width: the Arabic label's lines are set 1.5 apart, not touching.
    assert spaced.heightForWidth(300) >= 1.35 * plain.heightForWidth(300)
    assert english.heightForWidth(300) < spaced.heightForWidth(300)
    # An English pack title in the Arabic interface still starts on the right.
    title = label("Learning with Training Kit")
    qtbot.addWidget(title)
    title.setFixedWidth(500)
    title.show()
    qtbot.waitExposed(title)
    columns = [x for x, _y in dark_pixels(title)]
    assert min(columns) > 250, columns[:5]
    close(window)


def dark_pixels(widget) -> list[tuple[int, int]]:
    image = widget.grab().toImage()
    return [(x, y) for x in range(image.width()) for y in range(image.height())
            if image.pixelColor(x, y).lightness() < 140]  # fmt: skip


def dark_runs(widget) -> list[tuple[int, int]]:
    """Runs of columns holding dark pixels (text or arrow), split at gaps over 3 pixels."""
    image = widget.grab().toImage()
    columns = [x for x in range(image.width())
               if any(image.pixelColor(x, y).lightness() < 140 for y in range(image.height()))]  # fmt: skip
    runs: list[list[int]] = []
    for x in columns:
        if runs and x - runs[-1][1] <= 3:
            runs[-1][1] = x
        else:
            runs.append([x, x])
    return [(a, b) for a, b in runs]


@pytest.mark.parametrize("rtl", [False, True])
def test_the_menu_arrow_does_not_touch_its_label(qtbot, rtl, restore_language) -> None:
    from kit.ui.widgets.toolbar import AppToolbar

    app = QApplication.instance()
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    apply_style(app, 1.0)
    toolbar = AppToolbar()
    qtbot.addWidget(toolbar)
    toolbar.show()
    qtbot.waitExposed(toolbar)
    runs = dark_runs(toolbar.menu_button)
    assert len(runs) == 2, runs  # "Menu", then a gap, then the arrow
    text, arrow = (runs[1], runs[0]) if rtl else runs
    assert arrow[1] - arrow[0] < 14 and text[1] - text[0] > arrow[1] - arrow[0]
    width = toolbar.menu_button.width()
    assert (arrow[0] < width / 2) if rtl else (arrow[0] > width / 2)  # at the end side


@pytest.mark.parametrize(("title", "lang"), [(LONG_TITLE, "en"), (ARABIC_TITLE, "ar")])
def test_long_pack_titles_wrap_then_elide_inside_the_sidebar(
    qtbot, data_dir, tmp_path, title, lang, restore_language
) -> None:
    built = make_pack(tmp_path / "work", tmp_path / "out", "long-title", title=title)
    prepare(data_dir, [built])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    library = sign_in(qtbot, window, "Ana")
    if lang == "ar":
        window.change_language("ar")
        library = wait_library(qtbot, window)
        assert library.isRightToLeft()
    window.resize(820, 600)  # the narrowest window: the sidebar gives way to the modules
    packs = library.packs
    qtbot.waitUntil(lambda: library.side.width() < 290)
    item = packs.item(0)
    room = packs.viewport().width()
    qtbot.waitUntil(lambda: packs.visualItemRect(item).width() <= room)
    lines = item.text().split("\n")
    metrics = packs.fontMetrics()
    done = _("{percent} done").format(percent=format_percent(0))
    assert len(lines) == 3 and lines[2] == done  # two lines of title, then progress
    assert all(metrics.horizontalAdvance(line) <= room - 28 for line in lines)
    assert title.startswith(lines[0].rstrip("…\u200d"))  # the title's start, kept
    assert lines[1].endswith("…")  # the rest is cut at its end, in the text's direction
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == title  # read out whole
    close(window)
