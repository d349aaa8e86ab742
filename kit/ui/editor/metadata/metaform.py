"""The frame of the metadata forms: labelled fields, each with a one-sentence message
beneath; a file the form cannot read is shown as text until it can (kit.ui.editor.metadata
.rawtext)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kit.core.authoring import packmeta, yamledit
from kit.core.errors import KitError
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.rawtext import RawTextPage
from kit.ui.widgets.forms import label


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
