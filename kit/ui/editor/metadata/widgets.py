"""Parts of the metadata forms: the form frame, licence, languages and skill-tag choosers.

Each chooser emits `edited` when the person changes it (never while it is being filled).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kit import languages as shipped
from kit.core.authoring import licences, packmeta, yamledit
from kit.core.errors import KitError
from kit.i18n import _
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.rawtext import RawTextPage
from kit.ui.widgets.forms import label
from kit.ui.widgets.plain import plain_tooltip

CODE_ROLE = Qt.ItemDataRole.UserRole


def language_text(code: str) -> str:
    """'Español (es)': the language's own name when the app ships it, else its name here."""
    name = shipped.endonym(code) or shipped.name_in_interface(code)
    return f"{name} ({code})" if name != code else code


class MetaForm(QScrollArea):
    """A scrolling form of labelled fields, each with a one-sentence message beneath."""

    changed = Signal()
    title: QLineEdit  # every form has one (each lays it out); jump_to falls back to it
    env: EditorEnv  # each form keeps the one it is made with

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.notice = label("", "error")
        self.notice.hide()
        self.column.addWidget(self.notice)
        self.form_page = QWidget()
        page = QVBoxLayout(self.form_page)
        page.setContentsMargins(0, 0, 0, 0)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        page.addLayout(self.form)
        page.addStretch(1)
        self.column.addWidget(self.form_page, 1)
        self.raw: RawTextPage | None = None  # made the first time a file cannot be read
        self.setWidget(body)
        self.fields: dict[str, QWidget] = {}  # file key -> the widget that edits it
        self.messages: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        self.aliases: dict[str, str] = {}  # a checked name -> the field that shows its message
        self.loading = False
        self.translation = False  # a translations/LANG/ copy: only some fields are its own
        self._text = ""  # the file as loaded
        self._readable = True  # False: shown as text (the form cannot read it)
        self._relpath = ""

    def add_field(self, key: str, text: str, widget: QWidget, focus: QWidget | None = None) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(widget)
        message = label("", "error")
        message.hide()
        column.addWidget(message)
        caption = QLabel(text)
        target = focus or widget
        caption.setBuddy(target)
        target.setAccessibleName(text.replace("&", ""))
        self.form.addRow(caption, box)
        self.rows[key] = box
        self.fields[key] = target
        self.messages[key] = message

    def show_only(self, relpath: str, translatable: tuple[str, ...]) -> None:
        """A file under translations/ shows only the fields a translation may carry."""
        self._relpath = relpath
        self.translation = relpath.replace("\\", "/").startswith("translations/")
        for key, box in self.rows.items():
            self.form.setRowVisible(box, not self.translation or key in translatable)

    def show_problems(self, problems: dict[str, str]) -> None:
        if self.translation:
            problems = {}  # every field of a translation is optional (pack-format section 9)
        shown: dict[str, str] = {}
        for name, text in problems.items():
            shown.setdefault(self.aliases.get(name, name), text)
        problems = shown
        for key, message in self.messages.items():
            text = problems.get(key, "")
            message.setText(text)
            message.setVisible(bool(text))
            self.fields[key].setAccessibleDescription(text)

    def show_raw(self, reason: str) -> None:
        """The form cannot read the file: its text, editable, with the reason above."""
        if self.raw is None:
            self.raw = RawTextPage(self.env)
            self.raw.changed.connect(self.changed)
            self.raw.retry.connect(self._read_again)
            self.column.insertWidget(1, self.raw, 1)
        self._readable = False
        self.notice.hide()
        self.form_page.hide()
        self.raw.show_text(self._relpath, self._text, reason)
        self.raw.show()

    def show_form(self) -> None:
        self._readable = True
        self.notice.hide()
        self.form_page.show()
        if self.raw is not None:
            self.raw.hide()

    def _read_again(self) -> None:
        """The text was edited: show the form again as soon as it can read it."""
        if self.raw is None or self._readable:
            return
        had_focus = self.raw.editor.text.hasFocus()
        line = self.raw.editor.text.textCursor().blockNumber() + 1
        self.load(self._relpath, self.raw.current_text())
        if self._readable and had_focus:
            self.jump_to(line)

    def edited(self) -> None:
        if not self.loading:
            self.after_edit()
            self.changed.emit()

    def after_edit(self) -> None:
        """Check the fields again (the forms override this)."""

    def write(self, text: str) -> str:
        """`text` with the form's values written in (each form writes its own file)."""
        raise NotImplementedError

    def current_text(self) -> str:
        if self._readable:
            return self.write(self._text)
        return self.raw.current_text() if self.raw is not None else self._text

    def jump_to(self, line: int) -> None:
        if not self._readable and self.raw is not None:
            self.raw.jump_to(line)
            return
        try:
            lines = yamledit.value_lines(self.current_text())
        except KitError:
            return
        if not self.focus_key(packmeta.field_at_line(lines, line)):
            self.title.setFocus()

    def focus_key(self, key: str | None) -> bool:
        widget = self.fields.get(key or "")
        if widget is None:
            return False
        self.ensureWidgetVisible(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True


class LicenceChooser(QWidget):
    """A list of licences with the chosen one's explanation beneath; another SPDX id typed."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        for lic in licences.LICENCES:
            self.combo.addItem(f"{lic.shown_name()} ({lic.spdx})", lic.spdx)
        self.combo.addItem(_("Another licence (type its SPDX id)"), "")
        self.other = QLineEdit()
        self.other.setAccessibleName(_("SPDX licence id"))
        self.other.setPlaceholderText(_("for example {spdx}").format(spdx="CC-BY-SA-4.0 OR MIT"))
        self.explanation = label("")
        self.terms = label("", "muted")
        for widget in (self.combo, self.other, self.explanation, self.terms):
            column.addWidget(widget)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.other.textEdited.connect(lambda _text: self.edited.emit())

    def set_value(self, spdx: str) -> None:
        self.combo.blockSignals(True)
        index = self.combo.findData(spdx.strip()) if spdx.strip() else -1
        if index < 0:
            index = self.combo.count() - 1
            self.other.setText(spdx)
        else:
            self.other.setText("")
        self.combo.setCurrentIndex(index)
        self.combo.blockSignals(False)
        self._explain()

    def value(self) -> str:
        spdx = self.combo.currentData()
        return str(spdx) if spdx else self.other.text().strip()

    def _chosen(self) -> None:
        self._explain()
        if not self.combo.currentData():
            self.other.setFocus()
        self.edited.emit()

    def _explain(self) -> None:
        lic = licences.licence(self.value())
        self.other.setVisible(not self.combo.currentData())
        if lic is None:
            self.explanation.setText(
                _("A licence this form does not explain; check its terms before you choose it.")
            )
            self.terms.setText("")
            return
        self.explanation.setText(lic.shown_explanation())
        yes, no = _("yes"), _("no")
        self.terms.setText(
            _(
                "Changes allowed: {remix} · Commercial use: {commercial} · Same licence for changes: {sa}"
            ).format(
                remix=yes if lic.remix else no,
                commercial=yes if lic.commercial else no,
                sa=yes if lic.share_alike else no,
            )
        )


class LanguagesChooser(QWidget):
    """The content language and the languages it is translated into."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.main = QComboBox()
        self.main.setEditable(True)
        self.main.setAccessibleName(_("Content language"))
        column.addWidget(label(_("Written in:")))
        column.addWidget(self.main)
        column.addWidget(label(_("Translated into:")))
        self.others = QListWidget()
        self.others.setAccessibleName(_("Translation languages"))
        self.others.setMaximumHeight(150)
        column.addWidget(self.others)
        row = QHBoxLayout()
        self.add_code = QLineEdit()
        self.add_code.setPlaceholderText(_("Another language code, e.g. sw"))
        self.add_code.setAccessibleName(_("Another translation language code"))
        add = QPushButton(_("Add language"))
        row.addWidget(self.add_code, 1)
        row.addWidget(add)
        column.addLayout(row)
        add.clicked.connect(self._add)
        self.add_code.returnPressed.connect(self._add)
        self.main.currentTextChanged.connect(self._main_changed)
        self.others.itemChanged.connect(lambda _item: self.edited.emit())

    def _main_changed(self) -> None:
        self._hide_main()
        self.edited.emit()

    def _hide_main(self) -> None:
        main = self.main_code()
        for i in range(self.others.count()):
            item = self.others.item(i)
            item.setHidden(item.data(CODE_ROLE) == main)

    def set_value(self, main: str, translations: tuple[str, ...]) -> None:
        self.blockSignals(True)
        self.main.clear()
        codes = shipped.ordered({*shipped.SHIPPED_CODES, *([main] if main else [])})
        for code in codes:
            self.main.addItem(language_text(code), code)
        self.main.setCurrentIndex(self.main.findData(main) if main else -1)
        if not main:
            self.main.setEditText("")
        self.others.clear()
        for code in [*translations, *(c for c in shipped.SHIPPED_CODES if c not in translations)]:
            self._add_item(code, code in translations)
        self._hide_main()
        self.blockSignals(False)

    def _add_item(self, code: str, checked: bool) -> None:
        item = QListWidgetItem(language_text(code))
        item.setData(CODE_ROLE, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.others.addItem(item)

    def _add(self) -> None:
        code = self.add_code.text().strip()
        if not code:
            return
        for i in range(self.others.count()):
            if self.others.item(i).data(CODE_ROLE) == code:
                self.others.item(i).setCheckState(Qt.CheckState.Checked)
                break
        else:
            self._add_item(code, True)
            self.edited.emit()
        self.add_code.clear()

    def main_code(self) -> str:
        text = self.main.currentText().strip()
        index = self.main.findText(text)
        if index >= 0 and self.main.itemData(index):
            return str(self.main.itemData(index))
        return text

    def translations(self) -> tuple[str, ...]:
        main = self.main_code()
        out = []
        for i in range(self.others.count()):
            item = self.others.item(i)
            code = str(item.data(CODE_ROLE))
            if item.checkState() == Qt.CheckState.Checked and code != main:
                out.append(code)
        return tuple(out)


class SkillTagsChooser(QWidget):
    """Skill tags from the skills directory, with a search over names and groups."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search skills by name or group"))
        self.search.setAccessibleName(_("Search the skills directory"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Skill tags"))
        self.chosen = label("", "muted")
        column.addWidget(self.chosen)
        column.addWidget(self.search)
        column.addWidget(self.list)
        self.search.textChanged.connect(self._filter)
        self.search.returnPressed.connect(self._focus_first)
        self.list.itemChanged.connect(self._item_changed)

    def set_value(self, tags: tuple[str, ...]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        known = {c.key for c in packmeta.skill_choices()}
        for tag in tags:
            if tag not in known:
                self._add(tag, tag, True)
        for choice in packmeta.skill_choices():
            text = choice.label if choice.is_group else f"{choice.label} — {choice.group}"
            item = self._add(choice.key, text, choice.key in tags)
            if choice.is_group:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
        self.list.blockSignals(False)
        self._summarise()
        self._filter(self.search.text())

    def _item_changed(self) -> None:
        self._summarise()
        self.edited.emit()

    def _summarise(self) -> None:
        names = [
            self.list.item(i).text().split(" — ")[0]
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.chosen.setText(
            _("Chosen: {skills}").format(skills=", ".join(names))
            if names
            else _("No skill tags yet.")
        )

    def _add(self, key: str, text: str, checked: bool) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setData(CODE_ROLE, key)
        item.setToolTip(plain_tooltip(key))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.list.addItem(item)
        return item

    def _filter(self, query: str) -> None:
        shown = {c.key for c in packmeta.search_skills(query)}
        for i in range(self.list.count()):
            item = self.list.item(i)
            key = str(item.data(CODE_ROLE))
            hide = bool(query.strip()) and key not in shown and query.strip() not in key
            item.setHidden(hide)

    def _focus_first(self) -> None:
        for i in range(self.list.count()):
            if not self.list.item(i).isHidden():
                self.list.setCurrentRow(i)
                self.list.setFocus()
                return

    def check(self, key: str, on: bool = True) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(CODE_ROLE) == key:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def value(self) -> tuple[str, ...]:
        return tuple(
            str(self.list.item(i).data(CODE_ROLE))
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )
