"""The kinds of page a window shows, registered by type: each kind makes its page when
first needed and wires what the window hears from it.

Pages never call each other or the window: they emit signals, wired here to the window's
navigation (show_library, open_item, sign_in, …). A window keeps its pages by kind
(`window.pages[kinds.LibraryKind]`); a mode (kit.ui.modes) lists the kinds it uses.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from kit.ui.main_window import MainWindow


def _ready_soon(window: MainWindow) -> None:
    QTimer.singleShot(0, window, window.send_ready)


def _profiles(window: MainWindow) -> QWidget:
    from kit.ui.pages.profiles import ProfilesPage

    page = ProfilesPage(window.ctx, first_start=not window.settings.language)
    page.signed_in.connect(window.sign_in)
    page.language_chosen.connect(window.change_language)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _library(window: MainWindow) -> QWidget:
    from kit.ui.pages.library import LibraryPage

    page = LibraryPage(window.ctx)
    page.open_item.connect(window.open_item)
    page.install_requested.connect(lambda: window.installer.choose_file())
    page.bundled_requested.connect(lambda: window.installer.install_bundled())
    page.get_packs_requested.connect(window.show_get_packs)
    page.content_ready.connect(window.send_ready)
    page.message.connect(window.message.show_message)
    return page


def _get_packs(window: MainWindow) -> QWidget:
    from kit.ui.getpacks import GetPacksPage

    page = GetPacksPage(window.ctx)
    page.back_requested.connect(window.show_library)
    page.loaded.connect(lambda: _ready_soon(window))
    # A pack installed here shows in the library: the runner announces the change on
    # ctx.changes and the library page listens.
    return page


def _search(window: MainWindow) -> QWidget:
    from kit.ui.pages.search import SearchPage

    page = SearchPage(window.ctx)
    page.open_item.connect(window.open_item)
    return page


def _reader(window: MainWindow) -> QWidget:
    from kit.ui.reader import ReaderPage

    page = ReaderPage(window.ctx)
    page.back_requested.connect(window.leave_reader)
    page.item_requested.connect(lambda p, i: setattr(window, "current_item", (p, i)))
    page.certificate_requested.connect(window.save_certificate)
    # A-/A+ choose the app's text size, saved like Settings does.
    page.text_scale_chosen.connect(lambda scale: window.apply_settings(window.ctx.language, scale))
    return page


def _progress(window: MainWindow) -> QWidget:
    from kit.ui.pages.progress import ProgressPage

    page = ProgressPage(window.ctx)
    page.back_requested.connect(window.show_library)
    page.certificate_requested.connect(window.save_certificate)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _about(window: MainWindow) -> QWidget:
    from kit.ui.pages.about import AboutPage

    page = AboutPage(window.ctx)
    page.back_requested.connect(window.go_back)
    page.loaded.connect(lambda: _ready_soon(window))
    return page


def _shortcuts(window: MainWindow) -> QWidget:
    from kit.ui.pages.about import ShortcutsPage

    actions = list(dict.fromkeys(window.actions() + window.toolbar.actions()))  # Alt+Home too
    page = ShortcutsPage(actions)
    page.back_requested.connect(window.go_back)
    _ready_soon(window)  # built at once, nothing to wait for
    return page


class PageKind:
    """A kind of page. `name` is how KIT_SCREENSHOT_START names it; `learner` pages hold
    one learner's data and are dropped at sign-in and sign-out."""

    name: ClassVar[str] = ""
    learner: ClassVar[bool] = False
    maker: ClassVar[Callable[[MainWindow], QWidget]]

    @classmethod
    def make(cls, window: MainWindow) -> QWidget:
        return cls.maker(window)


class ProfilesKind(PageKind):
    name, maker = "profiles", staticmethod(_profiles)


class LibraryKind(PageKind):
    name, learner, maker = "library", True, staticmethod(_library)


class GetPacksKind(PageKind):
    name, maker = "getpacks", staticmethod(_get_packs)


class SearchKind(PageKind):
    name, learner, maker = "search", True, staticmethod(_search)


class ReaderKind(PageKind):
    name, learner, maker = "reader", True, staticmethod(_reader)


class ProgressKind(PageKind):
    name, learner, maker = "progress", True, staticmethod(_progress)


class AboutKind(PageKind):
    name, maker = "about", staticmethod(_about)


class ShortcutsKind(PageKind):
    # One learner's: the shortcuts listed are those of who is signed in.
    name, learner, maker = "shortcuts", True, staticmethod(_shortcuts)


ALL: tuple[type[PageKind], ...] = (
    ProfilesKind, LibraryKind, GetPacksKind, SearchKind, ReaderKind, ProgressKind, AboutKind,
    ShortcutsKind,
)  # fmt: skip
