"""The answers of one question: a row each, with its right-answer tick and explanation.

Column 0 holds the answer's text and, on a quiz question, a check box for "right answer"
(single and true/false: ticking one clears the others; short: the accepted answers;
order: no ticks, the rows are the steps in the right order). Column 1 is the explanation
shown after the answer; a survey scale has a "not applicable" column. Rows are reordered
by drag and drop or with the buttons (Alt+Up, Alt+Down); every cell is edited in place
(F2 or double-click). True/false questions have their two answers and no add or remove.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.core.authoring.questionform import AnswerDraft
from kit.i18n import _

TEXT, EXPLANATION, NA = 0, 1, 2
FULL = Qt.ItemDataRole.UserRole  # the explanation with its newlines
CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked
ONE_RIGHT = ("single", "truefalse")
TICKED = ("single", "multiple", "truefalse", "short")


class AnswerList(QWidget):
    """Edits a list of AnswerDraft in place; `edited` after every change by the person."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qtype = ""
        self.survey = False
        self.answers: list[AnswerDraft] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_("Answers"))
        self.tree.setRootIsDecorated(False)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.model().rowsInserted.connect(self._rows_moved)
        self.add = QPushButton(_("Add answer"))
        self.remove = QPushButton(_("Remove answer"))
        self.up = QPushButton(_("Move up"))
        self.down = QPushButton(_("Move down"))
        self.up.setAccessibleName(_("Move the answer up"))
        self.down.setAccessibleName(_("Move the answer down"))
        self.add.clicked.connect(self.add_answer)
        self.remove.clicked.connect(self.remove_answer)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(1))
        self.tree.installEventFilter(self)  # Alt+Up, Alt+Down move the current answer
        buttons = QGridLayout()  # two rows: the labels stay whole in a narrow window
        for n, button in enumerate((self.add, self.remove, self.up, self.down)):
            buttons.addWidget(button, n // 2, n % 2)
        buttons.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and isinstance(event, QKeyEvent):
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            keys = (Qt.Key.Key_Up, Qt.Key.Key_Down)
            if event.type() == QEvent.Type.KeyPress and alt and event.key() in keys:
                self.move(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    # -- showing -----------------------------------------------------------------------
    def show_answers(self, qtype: str, survey: bool, answers: list[AnswerDraft]) -> None:
        """Show (and from now on edit) `answers`, the list of the question itself."""
        self.qtype, self.survey, self.answers = qtype, survey, answers
        likert = survey and qtype == "likert"
        labels = [_("Answer") if not survey else _("Choice"), _("Explanation")]
        if likert:
            labels.append(_("Not applicable"))
        with QSignalBlocker(self.tree):
            self.tree.clear()
            self.tree.setColumnCount(len(labels))
            self.tree.setHeaderLabels(labels)
            self.tree.setColumnHidden(EXPLANATION, survey)
            for answer in answers:
                self.tree.addTopLevelItem(self._row(answer))
        fixed = qtype == "truefalse" and not survey
        self.add.setVisible(not fixed)
        self.remove.setVisible(not fixed)
        self.tree.resizeColumnToContents(TEXT)

    def _row(self, answer: AnswerDraft) -> QTreeWidgetItem:
        item = QTreeWidgetItem([answer.text, answer.explanation.replace("\n", " ")])
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        if self.ticked or self.likert:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        item.setFlags(flags)  # not a drop target: rows go between rows, never inside one
        item.setData(EXPLANATION, FULL, answer.explanation)
        if self.ticked:
            item.setCheckState(TEXT, CHECKED if answer.correct else UNCHECKED)
        if self.likert:
            item.setCheckState(NA, CHECKED if answer.na else UNCHECKED)
        return item

    @property
    def likert(self) -> bool:
        return self.survey and self.qtype == "likert"

    @property
    def ticked(self) -> bool:
        return not self.survey and self.qtype in TICKED

    def rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(n) for n in range(self.tree.topLevelItemCount())]

    # -- editing -----------------------------------------------------------------------
    def set_text(self, row: int, text: str) -> None:
        self.rows()[row].setText(TEXT, text)

    def set_explanation(self, row: int, text: str) -> None:
        self.rows()[row].setText(EXPLANATION, text)

    def set_right(self, row: int, right: bool = True) -> None:
        self.rows()[row].setCheckState(TEXT, CHECKED if right else UNCHECKED)

    def set_na(self, row: int, na: bool = True) -> None:
        self.rows()[row].setCheckState(NA, CHECKED if na else UNCHECKED)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column == TEXT and self.qtype in ONE_RIGHT and item.checkState(TEXT) == CHECKED:
            with QSignalBlocker(self.tree):
                for other in self.rows():
                    if other is not item and self.ticked:
                        other.setCheckState(TEXT, UNCHECKED)
        if column == EXPLANATION:
            shown = item.data(EXPLANATION, FULL) or ""
            if item.text(EXPLANATION) != str(shown).replace("\n", " "):
                with QSignalBlocker(self.tree):
                    item.setData(EXPLANATION, FULL, item.text(EXPLANATION))
        self._sync()

    def _rows_moved(self, *_args: object) -> None:
        if self.tree.signalsBlocked():
            return
        QTimer.singleShot(0, self._sync)  # after the drop has put the row in place

    def _sync(self) -> None:
        new = []
        for item in self.rows():
            new.append(
                AnswerDraft(
                    item.text(TEXT).strip(),
                    self.ticked and item.checkState(TEXT) == CHECKED,
                    str(item.data(EXPLANATION, FULL) or ""),
                    self.survey and self.qtype == "likert" and item.checkState(NA) == CHECKED,
                )
            )
        if new != self.answers:
            self.answers[:] = new
            self.edited.emit()

    def add_answer(self) -> None:
        item = self._row(AnswerDraft(correct=self.qtype == "short" and not self.survey))
        with QSignalBlocker(self.tree):
            self.tree.addTopLevelItem(item)
        self.tree.setCurrentItem(item)
        self._sync()
        self.tree.editItem(item, TEXT)

    def remove_answer(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        with QSignalBlocker(self.tree):
            self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
        self._sync()

    def move(self, step: int) -> None:
        item = self.tree.currentItem()
        if item is None:
            return
        row = self.tree.indexOfTopLevelItem(item)
        to = row + step
        if not 0 <= to < self.tree.topLevelItemCount():
            return
        with QSignalBlocker(self.tree):  # (rowsInserted then finds the tree blocked)
            self.tree.takeTopLevelItem(row)
            self.tree.insertTopLevelItem(to, item)
        self.tree.setCurrentItem(item)
        self._sync()
