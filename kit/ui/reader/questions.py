"""Answer inputs shared by quizzes and surveys: choices, short text, ordering, free text."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kit.core.render import render_markdown
from kit.i18n import _
from kit.ui.operations.reader import labels
from kit.ui.widgets.plain import mark_sanitized

_IMG = re.compile(r"<img\b[^>]*>")
_ALT = re.compile(r'alt="([^"]*)"')


def without_images(html_text: str) -> str:
    """Sanitized HTML for a QLabel: pictures become their description (a label has no
    way to take them from the media store, and must not load them itself)."""

    def alt(m: re.Match[str]) -> str:
        found = _ALT.search(m.group(0))
        return f"[{found.group(1)}]" if found and found.group(1) else ""

    return _IMG.sub(alt, html_text)


def rich(text: str, lang: str) -> str:
    """Markdown for a QLabel: sanitized, pictures as their description."""
    return without_images(render_markdown(text, lang=lang, labels=labels()))


def plain(text: str) -> str:
    """One line of answer text for a button (Markdown marks left as written)."""
    return " ".join(str(text).split())


class AnswerInput(QWidget):
    """Base: `changed` fires when the answer changes; `response()` is None until answered."""

    changed = Signal()

    def response(self) -> Any:
        raise NotImplementedError

    def set_response(self, response: Any) -> None:
        """Show an answer given earlier (a quiz reopened half-way)."""

    def set_locked(self, locked: bool) -> None:
        """Answered: the answer stays readable (not greyed out) but cannot change."""
        for child in self.findChildren(QWidget):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, locked)
            if not isinstance(child, QLabel):  # answer texts never take the focus
                policy = Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus
                child.setFocusPolicy(policy)
        self.locked = locked

    locked = False


class ChoiceText(QLabel):
    """An answer's words beside its radio button or check box: plain text, wrapped, and a
    click on them chooses the answer as a click on the button does."""

    def __init__(self, text: str, button: QAbstractButton) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)
        self.setWordWrap(True)
        self.setObjectName("choiceText")
        self.button = button
        self.setBuddy(button)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.button.click()
            self.button.setFocus()
        super().mouseReleaseEvent(event)


class ChoiceInput(AnswerInput):
    """Radio buttons (one answer) or check boxes (several); a row for Likert scales.

    Each answer's text is a wrapping label beside its button (a button's own text never
    wraps, so a long answer would be cut off); the button carries it as accessible name.
    """

    def __init__(
        self,
        choices: Sequence[Mapping[str, Any]],
        *,
        multiple: bool,
        horizontal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.multiple = multiple
        self.group = QButtonGroup(self)
        self.group.setExclusive(not multiple)
        self.buttons: list[tuple[str, QRadioButton | QCheckBox]] = []
        self.labels: list[ChoiceText] = []
        layout = QHBoxLayout(self) if horizontal else QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        for choice in choices:
            text = plain(choice.get("text", ""))
            button = QCheckBox() if multiple else QRadioButton()
            button.setAccessibleName(text)
            self.group.addButton(button)
            button.toggled.connect(lambda _on: self.changed.emit())
            self.buttons.append((str(choice["id"]), button))
            words = ChoiceText(text, button)
            self.labels.append(words)
            row = QHBoxLayout()
            row.setSpacing(8)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(words, 1)
            layout.addLayout(row, 1 if horizontal else 0)
        if horizontal:
            layout.addStretch(1)

    def text_of(self, choice_id: str) -> str:
        for (cid, _button), words in zip(self.buttons, self.labels, strict=True):
            if cid == choice_id:
                return words.text()
        return ""

    def response(self) -> str | list[str] | None:
        chosen = [cid for cid, b in self.buttons if b.isChecked()]
        if self.multiple:
            return chosen or None
        return chosen[0] if chosen else None

    def set_response(self, response: Any) -> None:
        if isinstance(response, str):
            self.choose(response)
        elif isinstance(response, list | tuple):
            self.choose(*(str(r) for r in response))

    def choose(self, *ids: str) -> None:
        for cid, button in self.buttons:
            if cid in ids:
                button.setChecked(True)

    def reset(self) -> None:
        self.group.setExclusive(False)
        for _cid, button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(not self.multiple)


class ShortInput(AnswerInput):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, *, placeholder: str = "") -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder or _("Type your answer"))
        self.edit.setAccessibleName(_("Your answer"))
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.edit.returnPressed.connect(self.submitted)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.edit)

    def response(self) -> str | None:
        text = self.edit.text()
        return text if text.strip() else None

    def set_response(self, response: Any) -> None:
        self.edit.setText(str(response or ""))

    def set_locked(self, locked: bool) -> None:
        self.edit.setReadOnly(locked)
        self.locked = locked

    def reset(self) -> None:
        self.edit.clear()


class TextInput(AnswerInput):
    """Free text for surveys."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(_("Write your answer here"))
        self.edit.setAccessibleName(_("Your answer"))
        self.edit.setFixedHeight(90)
        self.edit.textChanged.connect(self.changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.edit)

    def response(self) -> str | None:
        text = self.edit.toPlainText()
        return text.strip() if text.strip() else None


class OrderInput(AnswerInput):
    """Steps to put in order: drag them, or select one and press Up/Down (Alt+Up/Alt+Down)."""

    def __init__(self, choices: Sequence[Mapping[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = list(choices)
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Steps to put in order"))
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setAlternatingRowColors(True)
        self.list.model().rowsMoved.connect(lambda *_a: self.changed.emit())
        self.up = QPushButton(_("Move up"))
        self.up.setAccessibleName(_("Move the selected step up"))
        self.up.setToolTip(_("Move the selected step up (Alt+Up)"))
        self.down = QPushButton(_("Move down"))
        self.down.setAccessibleName(_("Move the selected step down"))
        self.down.setToolTip(_("Move the selected step down (Alt+Down)"))
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(+1))
        for keys, step in (("Alt+Up", -1), ("Alt+Down", +1)):
            shortcut = QShortcut(QKeySequence(keys), self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda s=step: self.move(s))
        buttons = QVBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.shuffle()

    def shuffle(self, rng: random.Random | None = None) -> None:
        """A new order that is not already the right one (when there is any other)."""
        order = list(self.choices)
        rng = rng or random.Random()
        for _try in range(20):
            rng.shuffle(order)
            if len(order) < 2 or [c["id"] for c in order] != [c["id"] for c in self.choices]:
                break
        self.list.clear()
        for choice in order:
            row = QListWidgetItem(plain(choice.get("text", "")))
            row.setData(Qt.ItemDataRole.UserRole, str(choice["id"]))
            self.list.addItem(row)
        self.list.setCurrentRow(0)
        rows = max(len(order), 2)
        self.list.setFixedHeight(rows * (self.list.sizeHintForRow(0) + 4) + 8)

    def set_response(self, response: Any) -> None:
        """Rows in the order of `response` (ids it does not name stay at the end)."""
        wanted = [str(r) for r in response] if isinstance(response, list | tuple) else []
        rows = [self.list.takeItem(0) for _n in range(self.list.count())]
        rank = {cid: n for n, cid in enumerate(wanted)}
        rows.sort(key=lambda r: rank.get(str(r.data(Qt.ItemDataRole.UserRole)), len(rank)))
        for row in rows:
            self.list.addItem(row)

    def move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count() or self.locked:
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)
        self.changed.emit()

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        self.up.setEnabled(not locked)
        self.down.setEnabled(not locked)
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop
            if locked
            else QAbstractItemView.DragDropMode.InternalMove
        )

    def response(self) -> list[str]:
        return [
            str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())
        ]

    def reset(self) -> None:
        self.shuffle()


class PromptLabel(QLabel):
    """A question's prompt (sanitized rich text, selectable, no links followed)."""

    def __init__(self, text: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        mark_sanitized(self)
        self.setText(rich(text, lang))
        self.setWordWrap(True)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("prompt")
        self.setAccessibleName(plain(re.sub(r"<[^>]+>", " ", self.text()))[:200])
