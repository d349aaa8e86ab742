"""Typing paper cards in fast: minute cards ("what was clearest / what is still muddy")
or "one up, one down", two fields a card, Enter to go on and Enter to save.

Each card is saved when it is typed (durable when the count goes up), so a closed laptop
loses at most the card being typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kit.i18n import _, ngettext
from kit.ui.operations import feedback as ops


class CardEntry(QWidget):
    saved = Signal(int)  # cards saved in this sitting
    kind_changed = Signal(str)

    def __init__(self, save: Callable[[str, dict[str, str]], Any], parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        self.count = 0
        self.kind = QComboBox()
        self.kind.setAccessibleName(_("Kind of card"))
        self.kind.addItem(_("Minute cards"), ops.MINUTE)
        self.kind.addItem(_("One up, one down"), ops.UPDOWN)
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.first_label = QLabel()
        self.second_label = QLabel()
        self.first_label.setBuddy(self.first)
        self.second_label.setBuddy(self.second)
        self.add_button = QPushButton(_("Save this card"))
        self.state = QLabel()
        self.state.setObjectName("cardsState")
        self.state.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("Cards"), self.kind)
        form.addRow(self.first_label, self.first)
        form.addRow(self.second_label, self.second)
        form.addRow(self.add_button)
        form.addRow(self.state)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self.first.returnPressed.connect(self.second.setFocus)
        self.second.returnPressed.connect(self.add)
        self.add_button.clicked.connect(self.add)
        self._kind_chosen()

    def current_kind(self) -> str:
        return str(self.kind.currentData())

    def _kind_chosen(self, *_args: Any) -> None:
        first, second = ops.FORMS[self.current_kind()].questions
        self.first_label.setText(first.shown_prompt())
        self.second_label.setText(second.shown_prompt())
        self.first.setAccessibleName(first.shown_prompt())
        self.second.setAccessibleName(second.shown_prompt())
        self.count = 0
        self.state.setText(_("Type a card, Enter, the other side, Enter: it is saved."))
        self.kind_changed.emit(self.current_kind())

    def add(self) -> None:
        first, second = ops.FORMS[self.current_kind()].questions
        card = {first.id: self.first.text().strip(), second.id: self.second.text().strip()}
        card = {qid: text for qid, text in card.items() if text}
        if not card:
            self.state.setText(_("This card is empty: type what it says first."))
            self.first.setFocus()
            return
        self.add_button.setEnabled(False)
        self._save(self.current_kind(), card).success(self._added).failure(self._failed).run(self)

    def _added(self, _count: int) -> None:
        self.add_button.setEnabled(True)
        self.first.clear()
        self.second.clear()
        self.first.setFocus()
        self.count += 1
        self.state.setText(
            ngettext(
                "{n} card saved. Next card:", "{n} cards saved. Next card:", self.count
            ).format(n=self.count)
        )
        self.saved.emit(self.count)

    def _failed(self, text: str) -> None:
        self.add_button.setEnabled(True)  # the card stays typed in, to try again
        self.state.setText(_("Not saved: {reason}").format(reason=text))
