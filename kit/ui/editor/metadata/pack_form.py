"""The form for pack.yaml: id, version, title, description, languages, licence, credits.

Only the fields the person changes are written back (kit.core.authoring.packmeta), so
the rest of the file stays as it was; `modules` is the outline's, never touched here.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.core.authoring import licences, packmeta
from kit.core.errors import KitError
from kit.i18n import _
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.idfield import IdField
from kit.ui.editor.metadata.metaform import MetaForm
from kit.ui.editor.metadata.widgets import LanguagesChooser, LicenceChooser
from kit.ui.widgets.plain import plain_tooltip


def line_edit(form: MetaForm) -> QLineEdit:
    edit = QLineEdit()
    edit.textEdited.connect(lambda _text: form.edited())
    return edit


def text_box(form: MetaForm) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMaximumHeight(110)
    box.textChanged.connect(form.edited)
    return box


class AuthorsTable(QWidget):
    """One row per author: name, web address, role."""

    def __init__(self, form: MetaForm) -> None:
        super().__init__()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([_("Name"), _("Web address"), _("Role")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMaximumHeight(160)
        self.table.setTabKeyNavigation(False)
        row = QHBoxLayout()
        add = QPushButton(_("Add author"))
        self.remove = QPushButton(_("Remove author"))
        row.addWidget(add)
        row.addWidget(self.remove)
        row.addStretch(1)
        column.addWidget(self.table)
        column.addLayout(row)
        add.clicked.connect(self.add_row)
        self.remove.clicked.connect(self._remove)
        self.table.itemChanged.connect(lambda _item: form.edited())
        self.form = form

    def set_value(self, authors: tuple[packmeta.Author, ...]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for author in authors:
            self._append(author)
        self.table.blockSignals(False)

    def _append(self, author: packmeta.Author) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((author.name, author.url, author.role)):
            self.table.setItem(row, col, QTableWidgetItem(text))
        return row

    def add_row(self) -> None:
        self.table.blockSignals(True)
        row = self._append(packmeta.Author(""))
        self.table.blockSignals(False)
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        self.table.editItem(self.table.item(row, 0))

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.form.edited()

    def value(self) -> tuple[packmeta.Author, ...]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, col) for col in range(3)]
            name, url, role = ((c.text().strip() if c else "") for c in cells)
            if name or url or role:
                out.append(packmeta.Author(name, url, role))
        return tuple(out)


class PackMetaEditor(MetaForm):
    """pack.yaml as a form (the FileEditor contract of kit.ui.editor.contract)."""

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.id_field = IdField()
        self.id_field.edited.connect(self.edited)
        self.add_field("id", _("Pack &id"), self.id_field, self.id_field.edit)
        self.version = line_edit(self)
        bumps = QWidget()
        row = QHBoxLayout(bumps)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.version, 1)
        for part, text, tip in (
            ("patch", _("Small fix"), _("For corrections: 1.0.0 becomes 1.0.1.")),
            ("minor", _("New content"), _("For additions: 1.0.0 becomes 1.1.0.")),
            ("major", _("Big change"), _("For a rework: 1.0.0 becomes 2.0.0.")),
        ):
            button = QPushButton(text)
            button.setToolTip(plain_tooltip(tip))
            button.setAccessibleDescription(tip)
            button.clicked.connect(lambda _on=False, p=part: self.bump(p))
            row.addWidget(button)
        self.add_field("version", _("&Version"), bumps, self.version)
        self.title = line_edit(self)
        self.add_field("title", _("&Title"), self.title)
        self.description = text_box(self)
        self.add_field("description", _("&Description"), self.description)
        self.languages = LanguagesChooser()
        self.languages.edited.connect(self.edited)
        self.add_field("language", _("&Languages"), self.languages, self.languages.main)
        self.fields["languages"] = self.languages.others
        self.aliases["translations"] = "language"
        self.licence = LicenceChooser()
        self.licence.edited.connect(self.edited)
        self.add_field("license", _("Li&cence"), self.licence, self.licence.combo)
        self.authors = AuthorsTable(self)
        self.add_field("authors", _("&Authors"), self.authors, self.authors.table)
        self.attribution = line_edit(self)
        credit = QWidget()
        row = QHBoxLayout(credit)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.attribution, 1)
        suggest = QPushButton(_("Suggest"))
        suggest.setToolTip(_("A credit line from the authors and the licence."))
        suggest.clicked.connect(self.suggest_attribution)
        row.addWidget(suggest)
        self.add_field("attribution", _("C&redit line"), credit, self.attribution)
        self.homepage = line_edit(self)
        self.add_field("homepage", _("&Home page"), self.homepage)
        self.source = line_edit(self)
        self.add_field("source", _("&Source address"), self.source)
        self.min_app = line_edit(self)
        self.min_app.setPlaceholderText("0.1.0")
        self.add_field("min_app_version", _("Oldest Training Kit version"), self.min_app)

    # -- the contract ------------------------------------------------------
    def load(self, relpath: str, text: str) -> None:
        self._text = text
        self.show_only(relpath, ("title", "description", "attribution"))
        try:
            meta = packmeta.read_pack(text).meta
        except KitError as exc:
            self.show_raw(str(exc))
            return
        self.show_form()
        self.loading = True
        try:
            self.id_field.set_value(meta.id, packmeta.pack_problems(meta).get("id") is None)
            self.version.setText(meta.version)
            self.title.setText(meta.title)
            self.description.setPlainText(meta.description)
            self.languages.set_value(meta.language, meta.translations)
            self.licence.set_value(meta.license)
            self.authors.set_value(meta.authors)
            self.attribution.setText(meta.attribution)
            self.homepage.setText(meta.homepage)
            self.source.setText(meta.source)
            self.min_app.setText(meta.min_app_version)
        finally:
            self.loading = False
        self.after_edit()

    def write(self, text: str) -> str:
        return packmeta.write_pack(text, self.meta())

    # -- the form ----------------------------------------------------------
    def meta(self) -> packmeta.PackMeta:
        return packmeta.PackMeta(
            id=self.id_field.value(),
            version=self.version.text().strip(),
            title=self.title.text().strip(),
            description=self.description.toPlainText().strip(),
            language=self.languages.main_code(),
            translations=self.languages.translations(),
            license=self.licence.value(),
            authors=self.authors.value(),
            attribution=self.attribution.text().strip(),
            homepage=self.homepage.text().strip(),
            source=self.source.text().strip(),
            min_app_version=self.min_app.text().strip(),
        )

    def after_edit(self) -> None:
        self.show_problems(packmeta.pack_problems(self.meta()))

    def bump(self, part: str) -> None:
        self.version.setText(packmeta.bump_version(self.version.text(), part))
        self.edited()

    def suggest_attribution(self) -> None:
        names = ", ".join(a.name for a in self.authors.value() if a.name)
        parts = [p for p in (names, licences.credit_name(self.licence.value())) if p]
        if parts:
            self.attribution.setText(", ".join(parts))
            self.edited()
