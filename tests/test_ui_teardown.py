"""Pages replaced by a language change (or a sign-out) hear nothing any more: no
traceback when the records or the library change afterwards."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtWidgets import QApplication
from ui_shell import add_profile, announce, close, open_window, prepare, sign_in, wait_library

from kit.i18n import install_qt_translations, set_language
from kit.ui.changes import Change


@pytest.fixture
def back_to_english():
    yield
    set_language("en")
    install_qt_translations(QApplication.instance(), "en")


def deliver_deletions() -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_changes_after_language_changes_reach_only_live_pages(
    qtbot, data_dir, pack, back_to_english
) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    changes = window.ctx.changes
    for visit, lang in (
        (window.show_library, "es"),
        (lambda: window.search("profile"), "ar"),
        (window.show_get_packs, "es"),
        (lambda: window.open_item("getting-started", "choose-a-profile"), "en"),
        (window.show_profiles, "es"),
    ):
        visit()
        window.change_language(lang)
        deliver_deletions()
        announce(changes, Change.RECORDS, ana.id)
        announce(changes, Change.LIBRARY)
        announce(changes, Change.PROFILES)
        QApplication.processEvents()
    window.show_library() if window.ctx.profile else sign_in(qtbot, window, "Ana")
    library = wait_library(qtbot, window)
    announce(changes, Change.RECORDS, ana.id)  # the live page still listens
    assert library.dirty or library.view is not None
    close(window)
