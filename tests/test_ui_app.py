"""The app as a whole: first start, screenshots, settings, backups, closing."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from offscreen_screens import offscreen_platform, screen
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QPushButton
from ui_shell import (
    add_events,
    add_profile,
    close,
    open_window,
    prepare,
    sign_in,
    spanish_catalog,
    wait_library,
)

from kit.core.bundled import bundled_sources
from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.pages import kinds


def test_first_start_installs_the_bundled_packs_with_progress(
    qtbot, data_dir, monkeypatch, tmp_path
) -> None:
    from kit.ui.main_window import MainWindow, StartOptions

    spanish_catalog(monkeypatch, tmp_path / "tr", {"Library": "Biblioteca"})  # two languages
    window = MainWindow(DataDir(data_dir), StartOptions())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.installer.dialog is not None)
    dialog = window.installer.dialog
    assert dialog.isVisible() and dialog.cancel_button.isEnabled()
    with qtbot.waitSignal(window.ready, timeout=60_000):
        pass
    assert not dialog.isVisible()
    assert window.message.text().endswith("packs are ready in your library.")
    # Then the language of the app (English here), then the first profile.
    english = next(b for b in window.pages[kinds.ProfilesKind].form.findChildren(QPushButton)
                   if b.property("language") == "en")  # fmt: skip
    qtbot.mouseClick(english, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: hasattr(
            window.pages.get(kinds.ProfilesKind) and window.pages[kinds.ProfilesKind].form, "name"
        )
    )
    form = window.pages[kinds.ProfilesKind].form
    qtbot.keyClicks(form.name, "Ana")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    page = wait_library(qtbot, window)
    assert len(page.view.packs) == len(bundled_sources()) > 1
    close(window)
    # The offer is made once: a learner who removes every pack is not given them back.
    assert json.loads((data_dir / "settings.json").read_text())["bundled_offered"] is True


def test_screenshot_shows_the_library_once_painted(data_dir, pack, kit_exe, tmp_path) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    shot = tmp_path / "shot.png"
    platform = offscreen_platform(tmp_path, [screen("Screen", 0, 1366, 768)])
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "KIT_PROFILE": "Ana"}
    done = subprocess.run([*kit_exe, "--screenshot", str(shot)], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    image = QImage(str(shot))
    assert 1100 <= image.width() <= 1366 and 600 <= image.height() <= 768  # fits the screen
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 16)
               for y in range(0, image.height(), 16)}  # fmt: skip
    assert len(colours) > 8  # real content, not a blank window


def test_screenshot_into_a_folder_that_cannot_be_written_fails_in_one_sentence(
    data_dir, pack, kit_exe, tmp_path
) -> None:
    prepare(data_dir, [pack])
    (tmp_path / "file").write_text("x")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([*kit_exe, "--screenshot", str(tmp_path / "file" / "shot.png")],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 1
    assert "Could not save the screenshot" in done.stderr and "Traceback" not in done.stderr


def test_text_size_and_language_are_kept(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    window.show_settings()
    dialog = window.settings_dialog
    dialog.size.setCurrentIndex(dialog.size.findData(1.3))
    dialog._accept()
    assert window.ctx.text_scale == 1.3
    close(window)
    assert json.loads((data_dir / "settings.json").read_text())["text_scale"] == 1.3
    again = open_window(qtbot, data_dir)
    assert again.ctx.text_scale == 1.3


def test_language_change_rebuilds_the_screen_in_place(
    qtbot, data_dir, pack, monkeypatch, tmp_path
) -> None:
    spanish_catalog(monkeypatch, tmp_path / "tr", {"Library": "Biblioteca"})
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    old_toolbar = window.toolbar
    with qtbot.waitSignal(window.language_changed):
        window.change_language("es")
    try:
        assert window.toolbar is not old_toolbar and window.current is kinds.LibraryKind
        assert window.toolbar.home.text() == "Biblioteca"
        wait_library(qtbot, window)
        assert window.ctx.profile.name == "Ana"
        # In the reader too: the rebuilt toolbar still shows the learner and their tools.
        window.open_item("getting-started", "choose-a-profile")
        window.change_language("en")
        assert window.current is kinds.ReaderKind and window.toolbar.home.text() == "Library"
        assert window.toolbar.profile_action.isVisible() and window.get_packs.isVisible()
        assert window.toolbar.profile_button.text() == "Ana"
        window.change_language("es")
        close(window)
        with Records(DataDir(data_dir)) as records:
            assert records.list_profiles()[0].language == "es"
    finally:
        from kit.i18n import set_language

        set_language("en")


def selection_bar_side(library) -> str:
    """Which edge of the selected pack's row is painted in the accent colour."""
    from kit.ui.widgets.style import ACCENT

    packs = library.packs
    packs.setCurrentRow(0)
    rect = packs.visualItemRect(packs.item(0))
    image = packs.viewport().grab().toImage()
    y = rect.center().y()
    edges = {"left": rect.left() + 1, "right": rect.right() - 1}
    return next(
        (side for side, x in edges.items() if image.pixelColor(x, y).name() == ACCENT), "none"
    )


def test_a_right_to_left_language_mirrors_the_interface(
    qtbot, data_dir, pack, monkeypatch, tmp_path
) -> None:
    from PySide6.QtWidgets import QApplication

    from kit.i18n import set_language

    spanish_catalog(monkeypatch, tmp_path / "tr", {"Library": "Biblioteca"})
    arabic = tmp_path / "tr" / "ar" / "LC_MESSAGES"
    arabic.mkdir(parents=True)
    (arabic / "kit.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Library"\nmsgstr "المكتبة"\n',
        encoding="utf-8",
    )
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    assert selection_bar_side(sign_in(qtbot, window, "Ana")) == "left"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    try:
        window.change_language("ar")
        assert window.toolbar.home.text() == "المكتبة"
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.isRightToLeft() and window.toolbar.isRightToLeft()
        library = wait_library(qtbot, window)
        assert library.isRightToLeft()
        assert selection_bar_side(library) == "right"  # the selected pack's bar starts the line
        window.change_language("es")  # and back again
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert window.toolbar.home.text() == "Biblioteca" and not window.isRightToLeft()
        close(window)
        # The learner's language is kept: the next start is right to left again.
        with Records(DataDir(data_dir)) as records:
            records.update_profile(records.list_profiles()[0].id, language="ar")
        again = open_window(qtbot, data_dir, profile="Ana")
        wait_library(qtbot, again)
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        close(again)
    finally:
        set_language("en")
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_backups_can_be_restored_after_a_confirmation(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    with Records(DataDir(data_dir)) as records:
        records.backup("manual")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    window.show_backups()
    dialog = window.backups_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 1)
    manual = next(r for r in range(dialog.list.count()) if "by hand" in dialog.list.item(r).text())
    dialog.list.setCurrentRow(manual)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm.isVisible()
    qtbot.waitUntil(dialog.confirm_button.isEnabled)  # once it says what would be lost
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "The records were restored.")
    assert window.current is kinds.ProfilesKind and window.ctx.profile is None
    close(window)
    with Records(DataDir(data_dir)) as records:
        assert records.events(ana.id) == []  # the backup was made before that event


def test_closing_stops_the_worker_and_closes_the_databases(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    window = open_window(qtbot, data_dir)
    close(window)
    assert window.ctx.services.library is None and window.ctx.services.records is None
    assert not window.ctx.worker._runner.isRunning()
    with Library(DataDir(data_dir)) as lib:
        assert [p["id"] for p in lib.list_packs()] == ["getting-started"]


def test_a_screenshot_never_skips_a_pin(qtbot, data_dir, pack) -> None:
    """KIT_PROFILE=Ana kit --screenshot: Ana's library without a PIN, her PIN prompt with one."""
    from kit.ui.pages.profile_forms import PinForm

    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana", pin="1234")
    add_profile(data_dir, "Ben")
    window = open_window(qtbot, data_dir, profile="Ana", preview=True)
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: isinstance(profiles.form, PinForm))
    assert window.current is kinds.ProfilesKind and window.ctx.profile is None
    assert kinds.LibraryKind not in window.pages
    close(window)
    window = open_window(qtbot, data_dir, profile="Ben", preview=True)
    wait_library(qtbot, window)
    assert window.ctx.profile.name == "Ben"
    close(window)


@pytest.mark.parametrize("page", ["progress", "about", "shortcuts", "getpacks"])
def test_a_screenshot_can_start_on_each_screen(qtbot, data_dir, pack, page) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ben")
    window = open_window(qtbot, data_dir, profile="Ben", preview=True, page=page)
    assert window.current.name == page  # `ready` came from that page
    close(window)


def test_kit_screenshot_start_about_saves_the_about_page(data_dir, pack, kit_exe, tmp_path) -> None:
    prepare(data_dir, [pack])
    shot = tmp_path / "about.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIT_SCREENSHOT_START": "about"}
    done = subprocess.run([*kit_exe, "--screenshot", str(shot)], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert QImage(str(shot)).width() > 500
