"""What the quiz and the survey editors share: the list of questions and the form of one.

The file's text is parsed into a draft (kit.core.authoring.questionform); every edit
changes the draft and `current_text()` writes it back, so an unedited question keeps its
exact text. After each edit the item is read as `kit pack build` would read it and each
question shows its own problems (a quiz question without a right answer...).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kit.core.authoring import yamledit
from kit.core.authoring.questioncheck import draft_problems, problems_by_block, read_as_learner
from kit.core.authoring.questionform import ItemDraft, QuestionDraft, new_question, parse_item
from kit.core.errors import KitError
from kit.i18n import _, format_number
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.metadata.rawtext import RawTextPage
from kit.ui.editor.questions.panel import QuestionPanel, true_false
from kit.ui.widgets.plain import plain_tooltip


def unreadable(text: str, draft: ItemDraft) -> str:
    """Why the form cannot show `text` (its header unclosed or no YAML mapping), or ""."""
    if not draft.header_text:
        first = text.removeprefix("\ufeff").split("\n", 1)[0].rstrip()
        return (
            _("The file must start with its header between '---' lines.") if first == "---" else ""
        )
    inner = draft.header_text.split("\n", 1)[1]
    inner = inner[: inner.rstrip("\n").rfind("\n") + 1]
    try:
        yamledit.value_lines(inner)
    except KitError as exc:
        return str(exc)
    return ""


class QuestionsForm(QWidget):
    """A quiz or survey file as a form (the FileEditor contract)."""

    changed = Signal()
    survey = False
    type_labels: ClassVar[dict[str, str]] = {}

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.relpath = ""
        self.draft: ItemDraft = parse_item("", self.survey)
        self._loading = False
        self.title = QLineEdit()
        self.title.setAccessibleName(_("Title"))
        self.intro = QPlainTextEdit()
        self.intro.setAccessibleName(_("Introduction"))
        self.intro.setTabChangesFocus(True)
        self.intro.setMaximumHeight(70)
        self.head_problems = QLabel()
        self.head_problems.setWordWrap(True)
        self.head_problems.setStyleSheet("color: #b3261e")
        self.preview_button = QPushButton(_("Preview as a learner"))
        self.preview_button.clicked.connect(self.preview)
        self.header = QFormLayout()
        self.header.addRow(_("Title:"), self.title)
        self.header.addRow(_("Introduction:"), self.intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Questions"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.model().rowsMoved.connect(self._rows_dropped)
        self.panel = QuestionPanel(self.survey)
        self.panel.on_raw_edited = self._raw_edited
        self.panel.on_rename = lambda question, qid: self.draft.rename(question, qid)
        self.add_button = QToolButton()
        self.add_button.setText(_("Add question"))
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        for key, label in self.type_labels.items():
            menu.addAction(_(label), lambda key=key: self.add_question(key))
        self.add_button.setMenu(menu)
        self.duplicate_button = QPushButton(_("Duplicate"))
        self.delete_button = QPushButton(_("Delete"))
        self.up_button = QPushButton(_("Up"))
        self.down_button = QPushButton(_("Down"))
        self.up_button.setAccessibleName(_("Move the question up"))
        self.down_button.setAccessibleName(_("Move the question down"))
        self.duplicate_button.clicked.connect(self.duplicate_question)
        self.delete_button.clicked.connect(self.delete_question)
        self.up_button.clicked.connect(lambda: self.move_question(-1))
        self.down_button.clicked.connect(lambda: self.move_question(1))
        self.list.installEventFilter(self)  # Alt+Up, Alt+Down move; Delete deletes
        self._layout()
        self.list.currentRowChanged.connect(self._select)
        self.title.textEdited.connect(self._title_edited)
        self.intro.textChanged.connect(self._intro_edited)
        self.panel.edited.connect(self._question_edited)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        pressed = isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
        if watched is self.list and pressed:
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_question(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self.delete_question()
                return True
        return super().eventFilter(watched, event)

    def _layout(self) -> None:
        buttons = QGridLayout()  # two rows: the labels stay whole in a narrow window
        for n, button in enumerate((self.add_button, self.duplicate_button, self.delete_button)):
            buttons.addWidget(button, 0, n)
        buttons.addWidget(self.up_button, 1, 1)
        buttons.addWidget(self.down_button, 1, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addLayout(buttons)
        split = QSplitter()
        split.addWidget(left)
        scroll = QScrollArea()  # a long question scrolls in a low window, never clipped
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.panel)
        split.addWidget(scroll)
        split.setChildrenCollapsible(False)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addLayout(self.header, 1)
        top.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignTop)
        self.form_page = QWidget()
        layout = QVBoxLayout(self.form_page)
        layout.addLayout(top)
        layout.addWidget(self.head_problems)
        layout.addWidget(split, 1)
        self.raw = RawTextPage(self.env)
        self.raw.changed.connect(self.changed)
        self.raw.retry.connect(self._read_again)
        self.pages = QStackedLayout(self)
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.raw)

    # -- the contract ------------------------------------------------------------------
    def load(self, relpath: str, text: str) -> None:
        self.relpath = relpath
        self.draft = parse_item(text, self.survey)
        reason = unreadable(text, self.draft)
        if reason:
            self.raw.show_text(relpath, text, reason)
            self.pages.setCurrentWidget(self.raw)
            return
        self.pages.setCurrentWidget(self.form_page)
        self._loading = True
        try:
            self.title.setText(self.draft.title)
            self.intro.setPlainText(self.draft.intro.strip())
            self.load_header()
            self._refresh_list(0 if self.draft.blocks else -1)
        finally:
            self._loading = False
        self.check()

    def load_header(self) -> None:
        """Fill the fields a subclass adds to the header (the quiz's pass mark)."""

    def current_text(self) -> str:
        if self.pages.currentWidget() is self.raw:
            return self.raw.current_text()
        return self.draft.text()

    def _read_again(self) -> None:
        """The text was edited: show the form again as soon as it can read it."""
        if self.pages.currentWidget() is not self.raw:
            return
        had_focus = self.raw.editor.text.hasFocus()
        line = self.raw.editor.text.textCursor().blockNumber() + 1
        self.load(self.relpath, self.raw.current_text())
        if self.pages.currentWidget() is self.form_page and had_focus:
            self.jump_to(line)

    def jump_to(self, line: int) -> None:
        if self.pages.currentWidget() is self.raw:
            self.raw.jump_to(line)
            return
        starts = self.draft.block_lines()
        index = max((n for n, start in enumerate(starts) if start <= line), default=None)
        if index is None:
            self.title.setFocus()
        else:
            self.list.setCurrentRow(index)
            self.panel.setFocus()

    # -- the list ----------------------------------------------------------------------
    def _label(self, n: int) -> str:
        block = self.draft.blocks[n]
        q = block.question
        if q is None:
            first = block.raw.split("\n", 1)[0].lstrip("# ").strip()
            return _("{n}. {heading} (kept as written)").format(
                n=format_number(n + 1), heading=first
            )
        prompt = " ".join(q.prompt.split())
        if len(prompt) > 60:
            prompt = prompt[:59] + "…"
        kind = _(self.type_labels.get(q.qtype, q.qtype))
        return f"{format_number(n + 1)}. {prompt or q.qid} ({kind})"

    def _refresh_list(self, current: int | None = None) -> None:
        row = self.list.currentRow() if current is None else current
        self.list.blockSignals(True)
        self.list.clear()
        for n in range(len(self.draft.blocks)):
            self.list.addItem(self._label(n))
            self.list.item(n).setData(Qt.ItemDataRole.UserRole, n)
        self.list.blockSignals(False)
        row = min(row, self.list.count() - 1)
        self.list.setCurrentRow(row)
        self._select(row)

    def _rows_dropped(self, *_args: object) -> None:
        """A question dragged to another place: the blocks follow the rows."""
        order = [self.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.list.count())]
        if sorted(order) != list(range(len(self.draft.blocks))):
            return
        moved = self.list.currentItem()
        current = self.list.currentRow() if moved is None else self.list.row(moved)
        self.draft.blocks = [self.draft.blocks[n] for n in order]
        QTimer.singleShot(0, lambda: self._refresh_list(current))
        self._edited()

    def _earlier(self, index: int) -> list[QuestionDraft]:
        return [b.question for b in self.draft.blocks[:index] if b.question is not None]

    def _select(self, row: int) -> None:
        block = self.draft.blocks[row] if 0 <= row < len(self.draft.blocks) else None
        self.panel.show_block(block, self._earlier(max(row, 0)))
        for button in (self.duplicate_button, self.delete_button, self.up_button, self.down_button):
            button.setEnabled(block is not None)
        self.check()

    def add_question(self, qtype: str) -> None:
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else len(self.draft.blocks)
        self.draft.insert(index, new_question(self.draft, qtype, true_false()))
        self._refresh_list(index)
        self.panel.prompt.setFocus()
        self._edited()

    def duplicate_question(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.draft.duplicate(row)
            self._refresh_list(row + 1)
            self._edited()

    def delete_question(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            del self.draft.blocks[row]
            self._refresh_list(row)
            self._edited()

    def move_question(self, step: int) -> None:
        row = self.list.currentRow()
        to = row + step
        if row >= 0 and 0 <= to < len(self.draft.blocks):
            self.draft.move(row, to)
            self._refresh_list(to)
            self._edited()

    # -- edits -------------------------------------------------------------------------
    def _title_edited(self, text: str) -> None:
        self.draft.set_title(text.strip())
        self._edited()

    def _intro_edited(self) -> None:
        if not self._loading:
            self.draft.set_intro(self.intro.toPlainText())
            self._edited()

    def _raw_edited(self, text: str) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.draft.set_raw(row, text)

    def _question_edited(self) -> None:
        self._edited()

    def _edited(self) -> None:
        if self._loading:
            return
        self.check()
        self.changed.emit()

    # -- problems and preview -----------------------------------------------------------
    def check(self) -> None:
        """Show the validator's problems: the header's on top, each question's in its form."""
        _item, problems = read_as_learner(self.draft.text(), self.relpath or "item.md")
        head, per_block = problems_by_block(self.draft, problems)
        self.head_problems.setText("\n".join("⚠ " + p.message for p in head))
        self.head_problems.setVisible(bool(head))
        messages: list[list[str]] = []
        for n, found in enumerate(per_block):
            question = self.draft.blocks[n].question
            own = draft_problems(question) if question is not None else []
            messages.append(own + [p.message for p in found if p.message not in own])
            item = self.list.item(n)
            if item is not None:
                item.setText(("⚠ " if messages[n] else "") + self._label(n))
                item.setToolTip(plain_tooltip("\n".join(messages[n])))
        row = self.list.currentRow()
        self.problems_shown = messages[row] if 0 <= row < len(messages) else []
        self.panel.show_problems(self.problems_shown)

    def preview(self) -> None:
        from kit.ui.editor.questions.preview import open_preview

        self.preview_dialog = open_preview(self.env, self.current_text(), self.relpath, self)
