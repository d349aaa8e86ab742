"""The main window's start: what the core found when it opened (StartState) decides the
first screen: the bundled packs installed on a first start, then the library of the
profile asked for (`kit --profile NAME`), its PIN prompt, or the start screen.

A mixin of kit.ui.main_window.MainWindow (it uses the window's ctx, options, settings,
installer, message bar and navigation), kept apart so the window stays small, like
kit.ui.window_language.LanguageMixin.
"""

from __future__ import annotations

from dataclasses import replace

from kit.i18n import _
from kit.ui.operations import core
from kit.ui.pages import kinds


class StartMixin:
    def _core_opened(self, state: core.StartState) -> None:
        self.start_state = state
        emptied = state.library_emptied  # a damaged library on a stick: install them again
        first_start = state.pack_count == 0 and (emptied or not self.settings.bundled_offered)
        if first_start and self._has_bundled():
            self.settings.bundled_offered = True
            self._save_settings()
            self.installer.install_bundled()
            self.installer.finished.connect(self._route_once)
            return
        self._route_once()

    @staticmethod
    def _has_bundled() -> bool:
        from kit.ui.operations.library import has_bundled_packs

        return has_bundled_packs()

    def _route_once(self) -> None:
        if self.current:
            return
        state = self.start_state
        profiles = state.profiles if state else []
        wanted = (self.options.profile or "").strip().casefold()
        chosen = (
            next((p for p in profiles if p.name.casefold() == wanted), None) if wanted else None
        )
        if chosen is not None and not chosen.has_pin:
            self.sign_in(chosen)
            self._open_start_page()
        elif chosen is not None:
            self.show_profiles().show_pin(chosen)  # a PIN is never skipped, not even for a shot
        else:
            if wanted:
                self.message.show_message(
                    _("There is no profile called {name}.").format(name=self.options.profile),
                    "error",
                )
            if self.options.preview and not wanted:
                self.show_library()
                self._open_start_page()
            else:
                self.show_profiles()
        if state and state.notices:  # what a portable start repaired (kit.core.portable)
            self.message.show_message("\n".join(state.notices), "error")
        from kit.ui.operations.records import auto_backup

        auto_backup(self.ctx).run(self)  # queued behind the first screen's work

    def _open_start_page(self) -> None:
        """The first page asked for (screenshots): Progress needs a signed-in learner."""
        opener = {
            kinds.GetPacksKind.name: self.show_get_packs,
            kinds.ProgressKind.name: self.show_progress,
            kinds.AboutKind.name: self.show_about,
            kinds.ShortcutsKind.name: self.show_shortcuts,
        }.get(self.options.page)
        if opener is not None:
            opener()

    def _core_failed(self, message: str) -> None:
        self.starting.setText(message)
        self.starting.setProperty("role", "error")
        self.send_ready()

    def _first_library_view(self) -> None:
        """The library read with the core at start (StartState.library) for the learner
        now signed in, given to the library page before it is first shown (once)."""
        state = self.start_state
        first = state.library if state else None
        if first is None or kinds.LibraryKind in self.pages:
            return
        self.start_state = replace(state, library=None)
        if first[0] == self.ctx.profile_id:
            self.page(kinds.LibraryKind).show_first(first[1])
