"""Parts of the metadata forms: licence, languages and skill-tag choosers (the frame is
kit.ui.editor.metadata.metaform). Each chooser emits `edited` when the person changes it (never
while it is being filled).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit import languages as shipped
from kit.core.authoring import licences, packmeta
from kit.i18n import _
from kit.ui.widgets.forms import label
from kit.ui.widgets.plain import plain_tooltip

CODE_ROLE = Qt.ItemDataRole.UserRole


def language_text(code: str) -> str:
    """'Español (es)': the language's own name when the app ships it, else its name here."""
    name = shipped.endonym(code) or shipped.name_in_interface(code)
    return f"{name} ({code})" if name != code else code


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
