"""The main window's pages, made when first needed, and what the window hears from each.

Pages never call each other or the window: they emit signals, wired here to the window's
navigation (show_library, open_item, sign_in, …).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget


def make_page(window: Any, name: str) -> QWidget:
    """A new page `name` for `window` (a kit.ui.main_window.MainWindow)."""
    maker = _MAKERS.get(name)
    if maker is None:
        raise KeyError(name)
    return maker(window)


def _ready_soon(window: Any) -> None:
    QTimer.singleShot(0, window, window.send_ready)


def _profiles(window: Any) -> QWidget:
    from kit.ui.pages.profiles import ProfilesPage

    page = ProfilesPage(window.ctx, first_start=not window.settings.language)
    page.signed_in.connect(window.sign_in)
    page.language_chosen.connect(window.change_language)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _library(window: Any) -> QWidget:
    from kit.ui.pages.library import LibraryPage

    page = LibraryPage(window.ctx)
    page.open_item.connect(window.open_item)
    page.install_requested.connect(window.installer.choose_file)
    page.bundled_requested.connect(window.installer.install_bundled)
    page.get_packs_requested.connect(window.show_get_packs)
    page.content_ready.connect(window.send_ready)
    page.message.connect(window.message.show_message)
    return page


def _get_packs(window: Any) -> QWidget:
    from kit.ui.getpacks import GetPacksPage

    page = GetPacksPage(window.ctx)
    page.back_requested.connect(window.show_library)
    page.loaded.connect(lambda: _ready_soon(window))
    # A pack installed here shows in the library through ctx.changes.library_changed,
    # which the page emits and the library page listens to.
    return page


def _search(window: Any) -> QWidget:
    from kit.ui.pages.search import SearchPage

    page = SearchPage(window.ctx)
    page.open_item.connect(window.open_item)
    return page


def _reader(window: Any) -> QWidget:
    from kit.ui.reader import ReaderPage

    page = ReaderPage(window.ctx)
    page.back_requested.connect(window.leave_reader)
    page.item_requested.connect(lambda p, i: setattr(window, "current_item", (p, i)))
    page.certificate_requested.connect(window.save_certificate)
    # A-/A+ choose the app's text size, saved like Settings does.
    page.text_scale_chosen.connect(lambda scale: window.apply_settings(window.ctx.language, scale))
    return page


def _progress(window: Any) -> QWidget:
    from kit.ui.pages.progress import ProgressPage

    page = ProgressPage(window.ctx)
    page.back_requested.connect(window.show_library)
    page.certificate_requested.connect(window.save_certificate)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _about(window: Any) -> QWidget:
    from kit.ui.pages.about import AboutPage

    page = AboutPage(window.ctx)
    page.back_requested.connect(window.go_back)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _shortcuts(window: Any) -> QWidget:
    from kit.ui.pages.about import ShortcutsPage

    actions = list(dict.fromkeys(window.actions() + window.toolbar.actions()))  # Alt+Home too
    page = ShortcutsPage(actions)
    page.back_requested.connect(window.go_back)
    _ready_soon(window)  # built at once, nothing to wait for
    return page


_MAKERS = {
    "profiles": _profiles,
    "library": _library,
    "getpacks": _get_packs,
    "search": _search,
    "reader": _reader,
    "progress": _progress,
    "about": _about,
    "shortcuts": _shortcuts,
}
