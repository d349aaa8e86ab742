"""The main window: a toolbar, a message bar and one page at a time.

Pages (kit.ui.pages, kit.ui.reader) are made when first needed, talk to the core through
kit.ui.operations, and say what changed on ctx.changes; the window only switches pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from kit.core.paths import DataDir
from kit.i18n import _, install_qt_translations, set_language
from kit.ui.context import AppContext, Services, Session
from kit.ui.dialogs.window import DialogsMixin
from kit.ui.modes.base import ActionSpec, Mode
from kit.ui.operations import core
from kit.ui.operations.settings import UiSettings
from kit.ui.pages import kinds
from kit.ui.pages.kinds import PageKind
from kit.ui.runners.worker import Worker
from kit.ui.widgets.banner import MessageBar
from kit.ui.widgets.enumkeys import set_shortcut
from kit.ui.widgets.forms import label
from kit.ui.widgets.screen import fit_to_screen
from kit.ui.widgets.style import apply_style
from kit.ui.widgets.toolbar import AppToolbar
from kit.ui.window_language import LanguageMixin
from kit.ui.window_start import StartMixin

START_PAGES = ("library", "getpacks", "progress", "about", "shortcuts")  # KIT_SCREENSHOT_START


@dataclass
class StartOptions:
    """How the window starts (see kit.app.main for where these come from).

    profile: open this profile (by name) at once; one with a PIN asks for it.
    preview: with no profile, show the library without anyone's progress (screenshots).
    language: the interface language given on the command line.
    page: the first page (screenshots): one of START_PAGES.
    """

    profile: str | None = None
    preview: bool = False
    language: str | None = None
    page: str = "library"


class MainWindow(DialogsMixin, LanguageMixin, StartMixin, QMainWindow):
    ready = Signal()  # the first real content (library or profiles) has been painted
    language_changed = Signal(str)  # the window's interface language changed (rebuilt)

    def __init__(
        self,
        data: DataDir,
        options: StartOptions | None = None,
        *,
        services: Services | None = None,
        mode: type[Mode] | None = None,
    ) -> None:
        """A window on `services` (the app's, from kit.app; its own when None, closed with
        the window) in `mode` (learner mode by default), with a session of its own."""
        super().__init__()
        from kit.ui.modes.learner import LearnerMode

        self.options = options or StartOptions()
        self.mode = mode or LearnerMode
        self.settings = UiSettings.load(data)
        self._owns_services = services is None
        self.ctx = AppContext(services=services or Services(data, Worker()), session=Session())
        self.ctx.text_scale = self.settings.text_scale
        self.ctx.content_language = self.settings.content_language
        self.ctx.language = set_language(self.options.language or self.settings.language or None)
        install_qt_translations(QApplication.instance(), self.ctx.language)
        self._apply_direction()
        self._ready_sent = False
        self._closed = False
        self._screen_watched = False
        self.back_to: type[PageKind] = kinds.LibraryKind  # where About and shortcuts go back to
        self.pages: dict[type[PageKind], QWidget] = {}
        self.current: type[PageKind] | None = None
        self.current_item: tuple[str, str] | None = None
        self.reader_return: type[PageKind] = kinds.LibraryKind  # or Search: the reader's Back
        self.start_state: core.StartState | None = None
        self.setWindowTitle(_("Training Kit"))
        self.fit_to_screen()
        apply_style(QApplication.instance(), self.ctx.text_scale)
        self._build_chrome()
        self.language_changed.connect(self._language_changed)
        core.open_core(self.ctx, self.options.profile).success(self._core_opened).failure(
            self._core_failed
        ).run(self)

    # -- size ------------------------------------------------------------------------
    def fit_to_screen(self) -> None:
        """Size the window and its minimum to the screen's free area (kit.ui.widgets.screen)."""
        fit_to_screen(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        handle = self.windowHandle()
        if handle is not None and not self._screen_watched:
            self._screen_watched = True
            handle.screenChanged.connect(lambda _screen: self.fit_to_screen())
            QTimer.singleShot(0, self, self.fit_to_screen)  # once the real frame is known

    # -- chrome ------------------------------------------------------------------
    def _build_chrome(self) -> None:
        self.toolbar = AppToolbar(self)
        self.addToolBar(self.toolbar)
        self.mode_actions = {spec.name: self._mode_action(spec) for spec in self.mode.actions}
        self.get_packs = self.mode_actions["get_packs"]
        toolbar = self.toolbar
        for action in (toolbar.install, toolbar.quit, toolbar.find, toolbar.progress, toolbar.keys):
            self.addAction(action)
        self.toolbar.home.triggered.connect(self.show_library)
        self.toolbar.search_requested.connect(self.search)
        self.toolbar.search.textEdited.connect(self._search_typed)  # results while typing
        self.toolbar.install.triggered.connect(lambda: self.installer.choose_file())
        self.toolbar.settings.triggered.connect(self.show_settings)
        self.toolbar.backups.triggered.connect(self.show_backups)
        self.toolbar.switch.triggered.connect(self.sign_out)
        self.toolbar.progress.triggered.connect(self.show_progress)
        self.toolbar.keys.triggered.connect(self.show_shortcuts)
        self.toolbar.about.triggered.connect(self.show_about)
        self.toolbar.quit.triggered.connect(self.close)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.message = MessageBar()
        column.addWidget(self.message)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self.starting = label(_("Starting…"), "muted")
        self.stack.addWidget(self.starting)
        self.setCentralWidget(central)
        self._installer = None
        self._show_toolbar(self.ctx.profile)  # a rebuilt toolbar shows the same learner

    @property
    def installer(self):
        """The install flow (kit.ui.dialogs.install), made when first used: its dialogs
        are not imported at start (bench/startup.py)."""
        if self._installer is None:
            from kit.ui.dialogs.install import InstallFlow

            self._installer = InstallFlow(self.ctx, self)
            self._installer.message.connect(self.message.show_message)
        return self._installer

    def _mode_action(self, spec: ActionSpec) -> QAction:
        """One of the mode's actions, in the toolbar and its menu (goes with the toolbar)."""
        action = QAction(_(spec.text), self.toolbar)
        if spec.shortcut:
            set_shortcut(action, QKeySequence(spec.shortcut))
        if spec.tip:
            action.setToolTip(_(spec.tip))
        action.triggered.connect(getattr(self, spec.handler))
        self.toolbar.insertAction(self.toolbar.search_action, action)
        self.toolbar.menu_button.menu().insertAction(self.toolbar.install, action)
        self.addAction(action)
        return action

    # -- pages ---------------------------------------------------------------------
    def page(self, kind: type[PageKind]) -> QWidget:
        if kind not in self.pages:
            self.pages[kind] = widget = kind.make(self)
            self.stack.addWidget(widget)
        return self.pages[kind]

    def _show(self, kind: type[PageKind]) -> QWidget:
        widget = self.page(kind)
        self.current = kind
        self.stack.setCurrentWidget(widget)
        # The Get packs page has its own Ctrl+F (its filter): only one may hold the key.
        self.toolbar.find.setEnabled(kind is not kinds.GetPacksKind)
        self._update_title()
        return widget

    def _show_toolbar(self, profile) -> None:
        """The learner's tools for `profile` (None: signed out, or a preview without one)."""
        if profile is None and self.options.preview and self.current is not kinds.ProfilesKind:
            self.toolbar.show_preview()
        else:
            self.toolbar.show_signed_in(profile)
        self.get_packs.setVisible(self.toolbar.home.isVisible())

    def show_profiles(self):
        page = self._show(kinds.ProfilesKind)
        self._show_toolbar(None)
        page.reload()
        return page

    def show_library(self):
        if self.ctx.profile is None and not self.options.preview:
            return self.show_profiles()
        self._first_library_view()
        page = self._show(kinds.LibraryKind)
        self._show_toolbar(self.ctx.profile)
        return page

    def show_get_packs(self):
        """The Get packs page (kept while the app runs, so downloads go on in the background)."""
        if self.ctx.profile is None and not self.options.preview:
            return self.show_profiles()
        if not self.ctx.opened:  # the core is still opening (or failed to)
            return None
        page = self._show(kinds.GetPacksKind)
        self._show_toolbar(self.ctx.profile)
        return page

    def show_progress(self):
        """The signed-in learner's progress (nobody's without a profile)."""
        if self.ctx.profile is None or not self.ctx.opened:
            return None
        page = self._show(kinds.ProgressKind)
        self._show_toolbar(self.ctx.profile)
        return page

    def show_about(self):
        return self._show_help(kinds.AboutKind)

    def show_shortcuts(self):
        return self._show_help(kinds.ShortcutsKind)

    def _show_help(self, kind: type[PageKind]):
        if not self.ctx.opened:  # the core is still opening (the credits need it)
            return None
        if self.current not in (kinds.AboutKind, kinds.ShortcutsKind):
            self.back_to = self.current or kinds.ProfilesKind
        return self._show(kind)

    def go_back(self) -> None:
        """From About or Keyboard shortcuts back to where the learner was."""
        back = self.back_to
        if back is kinds.ProfilesKind or (self.ctx.profile is None and not self.options.preview):
            self.show_profiles()
        elif back is kinds.ProgressKind:
            self.show_progress()
        elif back is kinds.GetPacksKind:
            self.show_get_packs()
        elif back is kinds.ReaderKind and self.current_item is not None:
            self.open_item(*self.current_item)
        else:
            self.show_library()

    def search(self, query: str) -> None:
        if not query.strip():
            return
        self._show(kinds.SearchKind).search(query)

    def _search_typed(self, text: str) -> None:
        if text.strip() and self.toolbar.search_action.isVisible():
            self._show(kinds.SearchKind).type_query(text)

    def open_item(self, pack_id: str, item_id: str) -> None:
        self.current_item = (pack_id, item_id)
        if (
            self.current is not kinds.ReaderKind
        ):  # where the reader's Back returns: results or library
            self.reader_return = (
                kinds.SearchKind if self.current is kinds.SearchKind else kinds.LibraryKind
            )
        reader = self._show(kinds.ReaderKind)
        reader.set_back_to(self.reader_return.name)  # "library" or "search"
        reader.open_item(pack_id, item_id)

    def leave_reader(self) -> None:
        if self.reader_return is kinds.SearchKind and kinds.SearchKind in self.pages:
            self._show(kinds.SearchKind)  # the same query, scrolled where it was
        else:
            self.show_library()

    def save_certificate(self, pack_id: str, module_id: str) -> None:
        from kit.ui.reader.certificate import save_certificate

        save_certificate(self, self.ctx, pack_id, module_id)

    # -- profiles ------------------------------------------------------------------
    def sign_in(self, profile) -> None:
        self.ctx.profile = profile
        self.message.hide()
        if profile.language and profile.language != self.ctx.language:
            self.change_language(profile.language, save_to_profile=False)
        self._drop_learner_pages()  # nothing of the last learner stays
        self.show_library()

    def sign_out(self) -> None:
        self.ctx.profile = None
        self.current_item = None
        self._drop_learner_pages()
        self.toolbar.search.clear()
        self.message.hide()
        self.show_profiles()

    def _drop_learner_pages(self) -> None:
        for kind in [k for k in self.pages if k.learner]:
            widget = self.pages.pop(kind, None)
            if widget is not None:
                self.stack.removeWidget(widget)
                widget.deleteLater()

    # -- ready, title, closing ----------------------------------------------------------
    def send_ready(self) -> None:
        """Say `ready` (once): the first real content is on screen."""
        if not self._ready_sent:
            self._ready_sent = True
            self.ready.emit()

    def _update_title(self) -> None:
        name = getattr(self.ctx.profile, "name", None)
        self.setWindowTitle(
            _("{name} — Training Kit").format(name=name) if name else _("Training Kit")
        )

    def _shutdown_get_packs(self) -> None:
        page = self.pages.get(kinds.GetPacksKind)
        if page is not None:
            page.shutdown()  # pauses downloads; their threads use the library

    def shutdown(self) -> None:
        """Pause downloads, close the databases and stop the worker (idempotent)."""
        if not self._closed:
            self._closed = True
            self._shutdown_get_packs()
            if self._owns_services:  # else the app (kit.app) closes them after every window
                core.close_core(self.ctx)

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
