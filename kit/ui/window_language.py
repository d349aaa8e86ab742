"""The main window's interface language: changing it, mirroring the window for
right-to-left scripts, and rebuilding the chrome and pages in the new language.

A mixin of kit.ui.main_window.MainWindow (it uses the window's ctx, settings, toolbar,
pages and navigation), kept apart so the window stays small, like
kit.ui.dialogs.window.DialogsMixin.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kit.core.direction import is_rtl
from kit.i18n import install_qt_translations, set_language
from kit.ui.pages import kinds
from kit.ui.widgets.style import apply_style


class LanguageMixin:
    def change_language(self, code: str, save_to_profile: bool = True) -> None:
        self.ctx.language = set_language(code)
        if self.ctx.profile is None:
            self.settings.language = self.ctx.language
            self._save_settings()
        elif save_to_profile:
            from kit.ui.operations.profiles import set_language as save_language

            save_language(self.ctx, self.ctx.profile.id, self.ctx.language).success(
                self._profile_saved
            ).run(self)
        self.language_changed.emit(self.ctx.language)

    def _profile_saved(self, profile) -> None:
        if self.ctx.profile is not None and self.ctx.profile.id == profile.id:
            self.ctx.profile = profile

    def _apply_direction(self) -> None:
        """Right-to-left languages (Arabic, Hebrew, …) mirror the whole interface."""
        rtl = is_rtl(self.ctx.language)
        if rtl == QApplication.isRightToLeft():
            return  # left to right at start: Qt's namespace is not needed (enumkeys)
        from PySide6.QtCore import Qt

        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        QApplication.setLayoutDirection(direction)

    def _language_changed(self, _code: str) -> None:
        """Rebuild the chrome and the pages in the new language, on the same screen.

        Downloads on the Get packs page are paused (their partial files are kept) and the
        new page offers them again with Resume.
        """
        install_qt_translations(QApplication.instance(), self.ctx.language)  # OK, Cancel…
        self._apply_direction()
        apply_style(QApplication.instance(), self.ctx.text_scale)  # marks follow the direction
        self._shutdown_get_packs()
        was, item = self.current, self.current_item
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        old = self.centralWidget()
        self._build_chrome()
        old.deleteLater()
        self.pages.clear()
        self.current = None
        if was is kinds.ReaderKind and item is not None:
            self.open_item(*item)
        elif was is kinds.GetPacksKind:
            self.show_get_packs()
        elif was is kinds.ProgressKind:
            self.show_progress()
        elif was in (kinds.AboutKind, kinds.ShortcutsKind):
            self._show_help(was)
        elif was in (kinds.LibraryKind, kinds.SearchKind):
            self.show_library()
        else:
            self.show_profiles()
