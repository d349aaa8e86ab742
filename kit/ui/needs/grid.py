"""Paper forms typed in, keyboard only: first the version code printed at the foot of
the forms (a stack of another version is refused), then one row per form and one column
per question, numbered as on paper.

Keys: 1-5 a point of a rating (0 or N "not relevant / don't know"), a choice's number
for the other questions (several digits for "tick all that apply"), typing for free
text; each point or choice moves on by itself, Enter or Tab moves on too, the end of a
row starts the next form. Questions of a section the form skips (its condition does not
hold) are greyed out and passed over. Ctrl+Z takes back the last form, Ctrl+S saves
every form at once (all or none; a cell that is not an answer is one sentence).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext
from kit.ui.needs.printout import NA_KEY
from kit.ui.operations.needs import FormQuestion, NeedsForm, plain
from kit.ui.widgets.plain import plain_tooltip

SKIPPED = QColor("#d0d7de")
_CHOICE_KINDS = ("likert", "single", "multiple")


class CellError(ValueError):
    """A cell that is not an answer; the message is the sentence shown."""


def answer_of(q: FormQuestion, typed: str) -> Any:
    """What a typed cell means for `q` (a choice id, ids, text), None when blank;
    CellError when it is not an answer."""
    typed = typed.strip()
    if not typed:
        return None
    if q.kind == "text":
        return typed
    if q.kind == "likert":
        if typed.lower() in (NA_KEY, "n") and q.na_choice is not None:
            return q.na_choice[0]
        if typed.isdigit() and 1 <= int(typed) <= len(q.points):
            return q.points[int(typed) - 1][0]
        raise CellError(
            _("“{typed}” is not a point: type 1 to {top}, or 0 for not relevant.").format(
                typed=typed, top=len(q.points)
            )
        )
    digits = [c for c in typed if not c.isspace() and c != ","]
    if not all(d.isdigit() and 1 <= int(d) <= len(q.choices) for d in digits) or (
        q.kind == "single" and len(digits) != 1
    ):
        raise CellError(
            _("“{typed}” is not a choice: type a number from 1 to {top}.").format(
                typed=typed, top=len(q.choices)
            )
        )
    ids = [q.choices[int(d) - 1][0] for d in dict.fromkeys(digits)]
    return ids if q.kind == "multiple" else ids[0]


class PaperTable(QTableWidget):
    """The grid: digit keys fill a choice cell and move on; Enter/Tab move on."""

    edited = Signal()

    def __init__(self, form: NeedsForm, parent: QWidget | None = None) -> None:
        super().__init__(0, len(form.questions), parent)
        self.form = form
        self.setHorizontalHeaderLabels([str(n) for n in range(1, len(form.questions) + 1)])
        for column, q in enumerate(form.questions):
            self.horizontalHeaderItem(column).setToolTip(plain_tooltip(plain(q.prompt)))
            self.setColumnWidth(column, 150 if q.kind == "text" else 44)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Keys go straight into the cells (no editor to open and close): one path, fast.
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab is ours: the next cell that is asked
        self.itemChanged.connect(self._item_changed)

    # -- rows -------------------------------------------------------------------------------
    def add_row(self) -> int:
        row = self.rowCount()
        self.blockSignals(True)
        self.insertRow(row)
        for column in range(self.columnCount()):
            self.setItem(row, column, QTableWidgetItem(""))
        self.blockSignals(False)
        self.grey(row)
        return row

    def typed(self, row: int) -> dict[str, str]:
        out = {}
        for column, q in enumerate(self.form.questions):
            item = self.item(row, column)
            if item is not None and item.text().strip():
                out[q.id] = item.text()
        return out

    def is_blank(self, row: int) -> bool:
        return not self.typed(row)

    def answers(self, row: int) -> dict[str, Any]:
        """The row's answers as far as they read (unreadable cells left out)."""
        out: dict[str, Any] = {}
        for q in self.form.questions:
            text = self.typed(row).get(q.id, "")
            try:
                value = answer_of(q, text)
            except CellError:
                continue
            if value is not None:
                out[q.id] = value
        return out

    def asked(self, row: int) -> set[str]:
        return self.form.shown(self.answers(row))

    def grey(self, row: int) -> None:
        """Grey out (and lock) the cells of the questions this form skips."""
        asked = self.asked(row)
        self.blockSignals(True)
        for column, q in enumerate(self.form.questions):
            item = self.item(row, column)
            if item is None:
                continue
            on = q.id in asked
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            item.setFlags(flags if on else Qt.ItemFlag.ItemIsEnabled)
            item.setBackground(QBrush() if on else QBrush(SKIPPED))
        self.blockSignals(False)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        self.grey(item.row())
        self.edited.emit()

    # -- moving -----------------------------------------------------------------------------
    def is_asked(self, row: int, column: int) -> bool:
        return self.form.questions[column].id in self.asked(row)

    def move_on(self) -> None:
        """To the next asked cell; past the row's end, the next form (a new row)."""
        row, column = self.currentRow(), self.currentColumn()
        if row < 0:
            row, column = 0, -1
            if self.rowCount() == 0:
                self.add_row()
        while True:
            column += 1
            if column >= self.columnCount():
                row, column = row + 1, 0
                if row >= self.rowCount():
                    self.add_row()
            if self.is_asked(row, column):
                self.setCurrentCell(row, column)
                return

    def move_back(self) -> None:
        row, column = self.currentRow(), self.currentColumn()
        while row >= 0:
            column -= 1
            if column < 0:
                row, column = row - 1, self.columnCount() - 1
                if row < 0:
                    return
            if self.is_asked(row, column):
                self.setCurrentCell(row, column)
                return

    def keyPressEvent(self, event: Any) -> None:
        key, text = event.key(), event.text()
        row, column = self.currentRow(), self.currentColumn()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self.move_on()
            return
        if key == Qt.Key.Key_Backtab:
            self.move_back()
            return
        if row < 0 or column < 0:
            super().keyPressEvent(event)
            return
        q = self.form.questions[column]
        item = self.item(row, column)
        if item is None or not self.is_asked(row, column):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Delete or (key == Qt.Key.Key_Backspace and q.kind != "text"):
            item.setText("")
            return
        if key == Qt.Key.Key_Backspace:
            item.setText(item.text()[:-1])
            return
        if q.kind == "text" and text and text.isprintable():
            item.setText(item.text() + text)
            return
        if q.kind in _CHOICE_KINDS and text and text.isprintable() and not text.isspace():
            if q.kind == "multiple":
                item.setText(item.text() + text)  # several ticks: Enter moves on
                return
            item.setText(text.lower())
            self.move_on()
            return
        super().keyPressEvent(event)


class PaperEntry(QWidget):
    """The window for typing in a stack of paper forms of one survey."""

    saved_rows = Signal(int)  # forms saved (how many)
    refused = Signal(str)  # the sentence shown; nothing saved

    def __init__(
        self,
        form: NeedsForm,
        save: Callable[[list[dict[str, Any]]], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self._save = save
        self.setWindowTitle(_("Type in paper answers: {title}").format(title=form.title))
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if form.rtl else Qt.LayoutDirection.LeftToRight
        )
        self.setStyleSheet("QWidget { font-size: 13pt; }")
        self.version = QLineEdit()
        self.version.setAccessibleName(_("Version code printed on the forms"))
        self.version.setPlaceholderText(_("as printed at the foot of each page"))
        self.version.returnPressed.connect(self.check_version)
        self.table = PaperTable(form)
        self.table.setEnabled(False)
        self.table.edited.connect(self._update)
        self.table.currentCellChanged.connect(lambda *_a: self._explain())
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("paperMessage")
        self.message.setStyleSheet("color: #a4262c;")
        self.message.setWordWrap(True)
        self.count = QLabel()
        self.save_button = QPushButton(_("Save every form (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.undo_button = QPushButton(_("Take back the last form (Ctrl+Z)"))
        self.undo_button.clicked.connect(self.undo)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        QShortcut(QKeySequence("Ctrl+Z"), self, self.undo)
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Version code on the forms")))
        top.addWidget(self.version, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.question)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1000, 600)
        self._update()

    def start(self) -> None:
        self.version.setFocus()

    def check_version(self) -> bool:
        typed = self.version.text().strip()
        if typed != self.form.version:
            self.say(
                _(
                    "These forms are version {theirs}, not {ours}: type them in with the"
                    " survey they were printed from."
                ).format(theirs=typed or "?", ours=self.form.version)
            )
            self.table.setEnabled(False)
            return False
        self.say("")
        self.table.setEnabled(True)
        if self.table.rowCount() == 0:
            self.table.add_row()
            self.table.setCurrentCell(0, 0)
        self.table.setFocus()
        self._update()
        return True

    def say(self, text: str) -> None:
        self.message.setText(text)
        if text:
            self.refused.emit(text)

    def _explain(self) -> None:
        column = self.table.currentColumn()
        if column < 0:
            self.question.setText("")
            return
        q = self.form.questions[column]
        keys = {
            "likert": _("1 to 5, or 0 for not relevant"),
            "single": _("the number of the box ticked"),
            "multiple": _("the numbers of every box ticked, then Enter"),
        }.get(q.kind, _("the text as written, then Enter"))
        self.question.setText(f"{column + 1}. {plain(q.prompt)} ({keys})")

    def filled_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if not self.table.is_blank(r)]

    def _update(self) -> None:
        n = len(self.filled_rows())
        self.count.setText(
            ngettext(
                "{n} form typed in, not saved yet", "{n} forms typed in, not saved yet", n
            ).format(n=format_number(n))
        )
        self.save_button.setEnabled(self.table.isEnabled() and n > 0)
        self.undo_button.setEnabled(n > 0)

    def undo(self) -> None:
        """Take back the last form typed (before saving)."""
        rows = self.filled_rows()
        if not rows:
            return
        self.table.removeRow(rows[-1])
        if self.table.rowCount() == 0:
            self.table.add_row()
        self.table.setCurrentCell(min(rows[-1], self.table.rowCount() - 1), 0)
        self._update()

    def rows(self) -> list[dict[str, Any]]:
        """Every typed form's answers; CellError (the sentence) at the first bad cell."""
        out = []
        for row in self.filled_rows():
            typed = self.table.typed(row)
            answers: dict[str, Any] = {}
            for column, q in enumerate(self.form.questions):
                try:
                    value = answer_of(q, typed.get(q.id, ""))
                except CellError as exc:
                    self.table.setCurrentCell(row, column)
                    raise CellError(
                        _("Form {row}, question {number}: {problem} Nothing was saved.").format(
                            row=row + 1, number=column + 1, problem=exc
                        )
                    ) from None
                if value is not None:
                    answers[q.id] = value
            out.append(answers)
        return out

    def save(self) -> None:
        if not self.table.isEnabled() and not self.check_version():
            return
        try:
            rows = self.rows()
        except CellError as exc:
            self.say(str(exc))
            return
        if not rows:
            return
        self.save_button.setEnabled(False)
        self._save(rows).success(self._saved).failure(self._failed).run(self)

    def _saved(self, count: int) -> None:
        self.table.setRowCount(0)
        self.table.add_row()
        self.table.setCurrentCell(0, 0)
        self.message.setText(
            ngettext("{n} form saved.", "{n} forms saved.", count).format(n=format_number(count))
        )
        self._update()
        self.saved_rows.emit(count)

    def _failed(self, text: str) -> None:
        self._update()
        self.say(_("Nothing was saved: {reason}").format(reason=text))
