"""Translate the open pack unit by unit, beside the source, through its PO files.

Left: the languages, each with its progress bar, "Add a language…" and "Apply
translations". Right: the units of the chosen language (filtered: untranslated, to
check, all), the source text beside an editable translation. Ctrl+Enter saves the
translation as done and moves to the next untranslated unit; a translation typed and
left is saved too, so nothing typed is lost. Right-to-left languages are shown RTL.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kit.core.direction import is_rtl
from kit.i18n import N_, _, format_number, ngettext
from kit.languages import name_in_interface
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.translate.languages import language_row
from kit.ui.operations import editor_translate as ops
from kit.ui.widgets.plain import plain_label

FILTERS = (
    (ops.UNTRANSLATED, N_("Untranslated")),
    (ops.NEEDS_CHECK, N_("To check (fuzzy)")),
    ("all", N_("All")),
)
STATE_MARK = {ops.UNTRANSLATED: "○", ops.NEEDS_CHECK: "◐", ops.DONE: "●"}


def _direction(lang: str) -> Qt.LayoutDirection:
    return Qt.LayoutDirection.RightToLeft if is_rtl(lang) else Qt.LayoutDirection.LeftToRight


class TranslateView(QWidget):
    """The translation tab of trainer mode; made with `TranslateView(env, parent)`."""

    applied = Signal(str)  # a language whose translations/LANG/ files were written

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.source_lang = ""
        self.statuses: dict[str, ops.LanguageStatus] = {}
        self.lang = ""
        self.units: list[ops.TranslationUnit] = []
        self.current = -1  # index in self.units
        self.pending = 0  # saves not written yet
        self.loading = 0

        outer = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.addWidget(plain_label(_("Languages")))
        self.lang_list = QListWidget()
        self.lang_list.setAccessibleName(_("Languages"))
        self.lang_list.currentItemChanged.connect(self._lang_clicked)
        lv.addWidget(self.lang_list, 1)
        self.start_button = QPushButton(_("Start this translation"))
        self.start_button.setToolTip(
            _("Make the language's PO file, keeping the translation files the pack has")
        )
        self.start_button.clicked.connect(lambda: self.add_language(self.lang))
        lv.addWidget(self.start_button)
        self.add_button = QPushButton(_("Add a language…"))
        self.add_button.clicked.connect(lambda: self.add_language())
        lv.addWidget(self.add_button)
        self.apply_button = QPushButton(_("Apply translations"))
        self.apply_button.setToolTip(
            _("Write the finished translations into the pack's translation files.")
        )
        self.apply_button.clicked.connect(self.apply)
        lv.addWidget(self.apply_button)
        splitter.addWidget(left)

        right = QWidget()
        rv = QVBoxLayout(right)
        row = QHBoxLayout()
        row.addWidget(plain_label(_("Show:")))
        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName(_("Show"))
        for key, text in FILTERS:
            self.filter_combo.addItem(_(text), key)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self._fill_units())
        row.addWidget(self.filter_combo, 1)
        rv.addLayout(row)
        self.unit_list = QListWidget()
        self.unit_list.setAccessibleName(_("Texts to translate"))
        self.unit_list.currentItemChanged.connect(self._unit_clicked)
        rv.addWidget(self.unit_list, 1)
        self.where_label = plain_label("", wrap=True)
        self.where_label.setProperty("role", "muted")
        rv.addWidget(self.where_label)
        pair = QHBoxLayout()
        self.source_edit = QPlainTextEdit()
        self.source_edit.setReadOnly(True)
        self.source_edit.setAccessibleName(_("Source text"))
        pair.addWidget(self.source_edit)
        self.translation_edit = QPlainTextEdit()
        self.translation_edit.setAccessibleName(_("Translation"))
        self.translation_edit.setPlaceholderText(_("Type the translation here"))
        pair.addWidget(self.translation_edit)
        rv.addLayout(pair, 2)
        self.note_label = plain_label("", wrap=True)
        self.note_label.setProperty("role", "muted")
        rv.addWidget(self.note_label)
        buttons = QHBoxLayout()
        self.fuzzy_button = QPushButton(_("Mark to check (fuzzy)"))
        self.fuzzy_button.clicked.connect(lambda: self.save_current(fuzzy=True))
        self.done_button = QPushButton(_("Mark done"))
        self.done_button.clicked.connect(lambda: self.save_current(fuzzy=False))
        self.next_button = QPushButton(_("Next untranslated"))
        self.next_button.setToolTip(_("Ctrl+Enter saves the translation and moves on"))
        self.next_button.clicked.connect(self.next_untranslated)
        for b in (self.fuzzy_button, self.done_button, self.next_button):
            buttons.addWidget(b)
        rv.addLayout(buttons)
        self.status = plain_label("", wrap=True)
        rv.addWidget(self.status)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_and_next)
        self._enable()
        self.reload_languages()

    # -- languages -----------------------------------------------------------------
    def reload_languages(self, select: str = "") -> None:
        self.loading += 1
        op = ops.load_languages(self.env.ctx, self.env.root)
        op.success(lambda got: self._show_languages(got, select)).failure(self._say)
        op.finished(self._loaded).run(self)

    def _loaded(self) -> None:
        self.loading -= 1

    def _show_languages(self, got: tuple[str, list[ops.LanguageStatus]], select: str) -> None:
        self.source_lang, statuses = got
        self.statuses = {s.lang: s for s in statuses}
        self.source_edit.setLayoutDirection(_direction(self.source_lang))
        want = select or self.lang or (statuses[0].lang if statuses else "")
        self.lang_list.blockSignals(True)
        self.lang_list.clear()
        for s in statuses:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, s.lang)
            widget = language_row(s)
            item.setSizeHint(widget.sizeHint())
            self.lang_list.addItem(item)
            self.lang_list.setItemWidget(item, widget)
            if s.lang == want:
                self.lang_list.setCurrentItem(item)
        self.lang_list.blockSignals(False)
        if want and want != self.lang and want in self.statuses:
            self.select_language(want)
        self._enable()

    def _lang_clicked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.select_language(str(item.data(Qt.ItemDataRole.UserRole)))

    def add_language(self, code: str | None = None) -> None:
        """Ask for a language code (unless given) and start its PO file."""
        if code is None:
            code, ok = QInputDialog.getText(
                self,
                _("Add a language"),
                _("Language code to translate into, such as 'fr', 'ar' or 'pt-BR':"),
            )
            if not ok or not code.strip():
                return
        code = code.strip()
        op = ops.add_language(self.env.ctx, self.env.root, code)
        op.success(lambda got: self._added(got.lang)).failure(self._say).run(self)

    def _added(self, lang: str) -> None:
        self.status.setText(
            _("Started the translation into {lang}.").format(lang=name_in_interface(lang))
        )
        self.lang = ""
        self.reload_languages(select=lang)

    def select_language(self, lang: str) -> None:
        status = self.statuses.get(lang)
        if status is None:
            return
        self.keep_typed()
        self.lang = lang
        self.translation_edit.setLayoutDirection(_direction(lang))
        self.units, self.current = [], -1
        self._fill_units()
        if not status.has_file:
            self.status.setText(
                _("The pack lists {lang}, but its translation is not started yet.").format(
                    lang=name_in_interface(lang)
                )
            )
            self._enable()
            return
        self.loading += 1
        op = ops.load_units(self.env.ctx, self.env.root, lang)
        op.success(lambda got: self._show_units(lang, got)).failure(self._say)
        op.finished(self._loaded).run(self)

    def _show_units(self, lang: str, got: list[ops.TranslationUnit]) -> None:
        if lang != self.lang:
            return
        self.units = got
        self.current = -1
        self._fill_units()
        self.next_untranslated()
        self._enable()

    # -- units ---------------------------------------------------------------------
    def _filter(self) -> str:
        return str(self.filter_combo.currentData())

    def _visible(self, unit: ops.TranslationUnit) -> bool:
        return self._filter() == "all" or unit.state == self._filter()

    def _row_text(self, unit: ops.TranslationUnit) -> str:
        first = unit.source.split("\n", 1)[0]
        return f"{STATE_MARK[unit.state]}  {first[:90]}"

    def _fill_units(self) -> None:
        self.unit_list.blockSignals(True)
        self.unit_list.clear()
        for index, unit in enumerate(self.units):
            if self._visible(unit) or index == self.current:
                item = QListWidgetItem(self._row_text(unit))
                item.setData(Qt.ItemDataRole.UserRole, index)
                self.unit_list.addItem(item)
                if index == self.current:
                    self.unit_list.setCurrentItem(item)
        self.unit_list.blockSignals(False)

    def _item_for(self, index: int) -> QListWidgetItem | None:
        for row in range(self.unit_list.count()):
            item = self.unit_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == index:
                return item
        return None

    def _unit_clicked(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:
            self.show_unit(int(item.data(Qt.ItemDataRole.UserRole)))

    def show_unit(self, index: int) -> None:
        if not 0 <= index < len(self.units):
            return
        if index != self.current:
            self.keep_typed()
        self.current = index
        unit = self.units[index]
        if self._item_for(index) is None:
            self._fill_units()
        item = self._item_for(index)
        self.unit_list.blockSignals(True)
        self.unit_list.setCurrentItem(item)
        self.unit_list.blockSignals(False)
        self.where_label.setText(f"{unit.file}:{unit.line} · {unit.context}")
        self.source_edit.setPlainText(unit.source)
        self.translation_edit.setPlainText(unit.translation)
        self.note_label.setText(_("Keep the Markdown's links, images and code as they are.")
                                if unit.note else "")  # fmt: skip
        state = {ops.UNTRANSLATED: _("Not translated yet."),
                 ops.NEEDS_CHECK: _("To check (fuzzy): not used until marked done."),
                 ops.DONE: _("Translated.")}[unit.state]  # fmt: skip
        self.status.setText(state)
        self.translation_edit.setFocus()
        self._enable()

    def keep_typed(self) -> None:
        """Save what was typed for the unit being left (its fuzzy flag kept)."""
        if 0 <= self.current < len(self.units):
            unit = self.units[self.current]
            if self.translation_edit.toPlainText() != unit.translation:
                self._save(self.current, self.translation_edit.toPlainText(), unit.fuzzy)

    def save_current(self, fuzzy: bool) -> None:
        if 0 <= self.current < len(self.units):
            self._save(self.current, self.translation_edit.toPlainText(), fuzzy)

    def _save(self, index: int, text: str, fuzzy: bool) -> None:
        lang, unit = self.lang, self.units[index]
        self.pending += 1
        op = ops.save(self.env.ctx, self.env.root, lang, unit, text, fuzzy)
        op.success(lambda saved: self._saved(lang, index, saved)).failure(self._say)
        op.finished(self._save_ended).run(self)

    def _save_ended(self) -> None:
        self.pending -= 1
        if self.pending == 0:
            self.reload_languages()

    def _saved(self, lang: str, index: int, saved: ops.TranslationUnit) -> None:
        if lang != self.lang or index >= len(self.units):
            return
        old = self.units[index]
        self.units[index] = replace(old, translation=saved.translation, fuzzy=saved.fuzzy)
        item = self._item_for(index)
        if item is not None:
            item.setText(self._row_text(self.units[index]))

    def save_and_next(self) -> None:
        """Ctrl+Enter: save the translation as done, go to the next untranslated unit."""
        if 0 <= self.current < len(self.units) and self.translation_edit.toPlainText().strip():
            self.save_current(fuzzy=False)
            unit = self.units[self.current]
            text = self.translation_edit.toPlainText()
            self.units[self.current] = replace(unit, translation=text, fuzzy=False)
        self.next_untranslated()

    def next_untranslated(self) -> None:
        n = len(self.units)
        for step in range(1, n + 1):
            index = (self.current + step) % n if self.current >= 0 else step - 1
            if self.units[index].state == ops.UNTRANSLATED and index != self.current:
                self.show_unit(index)
                return
        if n:
            self.status.setText(_("Every text has a translation."))
            if self.current < 0:
                self.show_unit(0)

    # -- apply ---------------------------------------------------------------------
    def apply(self) -> None:
        if not self.lang:
            return
        self.keep_typed()
        lang = self.lang
        op = ops.apply(self.env.ctx, self.env.root, lang)
        op.success(self._applied).failure(self._say).run(self)

    def _applied(self, result: ops.Applied) -> None:
        files = ngettext("{n} file", "{n} files", result.files).format(n=result.files)
        self.status.setText(
            _(
                "Wrote {files} for {lang}: {done} texts translated, {fuzzy} to check "
                "(left out), {missing} left in the pack's language."
            ).format(
                files=files,
                lang=result.lang,
                done=format_number(result.translated),
                fuzzy=format_number(result.outdated),
                missing=format_number(result.missing),
            )
        )
        self.applied.emit(result.lang)

    def _say(self, message: str) -> None:
        self.status.setText(message)

    def _enable(self) -> None:
        has_unit = 0 <= self.current < len(self.units)
        for w in (self.translation_edit, self.fuzzy_button, self.done_button):
            w.setEnabled(has_unit)
        self.next_button.setEnabled(bool(self.units))
        status = self.statuses.get(self.lang)
        self.apply_button.setEnabled(bool(status and status.has_file))
        self.start_button.setVisible(bool(status and not status.has_file))

    def language_status(self, lang: str) -> ops.LanguageStatus | None:
        return self.statuses.get(lang)


__all__ = ["TranslateView"]
