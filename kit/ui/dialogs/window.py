"""The main window's dialogs: Settings (language, text size) and Backups.

A mixin of kit.ui.main_window.MainWindow (it uses the window's ctx, settings, message
bar and navigation), kept apart so the window stays small.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kit.i18n import _
from kit.ui.widgets.style import apply_style


class DialogsMixin:
    def show_settings(self) -> None:
        from kit.ui.dialogs.settings import SettingsDialog

        self.settings_dialog = SettingsDialog(
            self.ctx.language, self.ctx.text_scale, self, content=self.ctx.session.content_language
        )
        self.settings_dialog.content_chosen.connect(self.apply_content_language)
        self.settings_dialog.applied.connect(self.apply_settings)
        self.settings_dialog.lrs_requested.connect(self.show_lrs)
        self.settings_dialog.open()

    def show_lrs(self) -> None:
        from kit.ui.dialogs.lrs import LrsDialog

        self.lrs_dialog = LrsDialog(self.ctx, self)
        self.lrs_dialog.open()

    def apply_settings(self, language: str, scale: float) -> None:
        if scale != self.ctx.text_scale:
            self.ctx.text_scale = self.settings.text_scale = scale
            self._save_settings()
            apply_style(QApplication.instance(), scale)
            from kit.ui.pages import kinds

            for kind in (kinds.ReaderKind, kinds.GetPacksKind):  # pages with their own stylesheets
                page = self.pages.get(kind)
                if page is not None and hasattr(page, "set_text_scale"):
                    page.set_text_scale(scale)
        if language != self.ctx.language:
            self.change_language(language)

    def apply_content_language(self, code: str) -> None:
        """Read packs in `code` ("" = the interface language) from the next page shown."""
        if code != self.ctx.session.content_language:
            self.ctx.content_language = self.settings.content_language = code
            self._save_settings()

    def show_backups(self) -> None:
        from kit.ui.dialogs.backups import BackupsDialog

        self.backups_dialog = BackupsDialog(self.ctx, self)
        self.backups_dialog.restored.connect(self._records_restored)
        self.backups_dialog.open()

    def _records_restored(self) -> None:
        # The runner announced the records and profiles change to every screen.
        self.sign_out()  # the restored records may not have this profile any more

    def _save_settings(self) -> None:
        try:
            self.settings.save(self.ctx.data)
        except OSError as exc:
            self.message.show_message(
                _("The settings could not be saved: {reason}.").format(reason=exc.strerror or exc),
                "error",
            )
