"""The console's side of a room question: the question and its numbered options, the
register to tick answers by name (type-ahead as at check-in, then the option's number),
counts per option for a show of hands, and how many answered so far."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.operations.room import Participant, RoomQuestion, Tally, option_label
from kit.ui.workshop.attendance.checkin import isolate, matches

ID_ROLE = Qt.ItemDataRole.UserRole
MAX_COUNT = 10_000


def answer_text(q: RoomQuestion, choice: object) -> str:
    """The option numbers of a ticked answer, e.g. "1, 3"."""
    ids = choice if isinstance(choice, list) else [choice]
    numbers = [format_number(n) for n, o in enumerate(q.options, start=1) if o.id in ids]
    return ", ".join(numbers)


class RoomPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomPanel")
        self.question: RoomQuestion | None = None
        self.people: list[Participant] = []
        self.ticked: dict[str, object] = {}
        self.title = QLabel()
        self.title.setObjectName("roomTitle")
        self.title.setWordWrap(True)
        self.legend = QLabel()
        self.legend.setWordWrap(True)
        self.find = QLineEdit()
        self.find.setObjectName("roomFind")
        self.find.setAccessibleName(_("Find a participant to tick their answer"))
        self.find.setPlaceholderText(_("Enter, then type a name and the answer's number"))
        self.list = QListWidget()
        self.list.setObjectName("roomPeople")
        self.list.setAccessibleName(_("Participants and their answers"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
        self.pending = QLabel()
        self.counts_box = QGridLayout()
        self.counts: list[QSpinBox] = []
        self.status = QLabel()
        self.status.setObjectName("roomStatus")
        self.reveal_button = QPushButton(_("Show the results (V)"))
        self.close_button = QPushButton(_("Back to the talk (Esc)"))
        for button in (self.reveal_button, self.close_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and Enter stay the room's keys
        self.hint = QLabel(
            _("Enter: tick answers by name · K: type counts · V: results · Esc or Space: back")
        )
        self.hint.setWordWrap(True)
        by_name = QVBoxLayout()
        by_name.addWidget(QLabel(_("Answers by name")))
        by_name.addWidget(self.find)
        by_name.addWidget(self.pending)
        by_name.addWidget(self.list, 1)
        by_count = QVBoxLayout()
        by_count.addWidget(QLabel(_("Show of hands: answers per option (Enter keeps them)")))
        by_count.addLayout(self.counts_box)
        by_count.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(by_name, 3)
        body.addLayout(by_count, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.legend)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self.setStyleSheet(
            "QLabel#roomTitle { font-size: 20pt; font-weight: 600; }"
            " QLineEdit#roomFind, QListWidget#roomPeople, QSpinBox { font-size: 18pt; }"
            " QLabel { font-size: 14pt; } QLabel#roomStatus { font-size: 18pt; }"
        )
        self.find.textChanged.connect(lambda _text: self.refresh())

    def show_question(self, tally: Tally, people: list[Participant]) -> None:
        q = tally.question
        self.question = q
        self.people = people
        self.title.setText(q.prompt)
        self.legend.setText(
            "   ".join(option_label(o, n) for n, o in enumerate(q.options, start=1))
        )
        while self.counts:
            box = self.counts.pop()
            box.deleteLater()
        while self.counts_box.count():
            item = self.counts_box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for n, option in enumerate(q.options, start=1):
            box = QSpinBox()
            box.setRange(0, MAX_COUNT)
            box.setObjectName(f"roomCount{n}")
            box.setAccessibleName(option_label(option, n))
            self.counts_box.addWidget(QLabel(format_number(n)), n - 1, 0)
            self.counts_box.addWidget(box, n - 1, 1)
            self.counts.append(box)
        self.find.clear()
        self.show_tally(tally)

    def show_tally(self, tally: Tally) -> None:
        self.ticked = dict(tally.ticked)
        counted = dict(tally.counted)
        for box, option in zip(self.counts, tally.question.options, strict=False):
            box.setValue(int(counted.get(option.id, 0)))
        self.status.setText(
            _("Ticked: {ticked} · Counted: {counted} · Answers: {total}").format(
                ticked=format_number(len(self.ticked)),
                counted=format_number(sum(counted.values())),
                total=format_number(tally.responses),
            )
        )
        self.set_pending([])
        self.refresh()

    def set_pending(self, ids: list[str]) -> None:
        """A multiple-answer question's options chosen so far for the chosen person."""
        q = self.question
        self.pending.setVisible(bool(ids))
        if q is not None and ids:
            self.pending.setText(
                _("Chosen: {numbers} (Enter keeps it)").format(numbers=answer_text(q, ids))
            )

    def refresh(self) -> None:
        typed = self.find.text()
        shown = [p for p in self.people if not typed or matches(p, typed) < 2]
        shown.sort(key=lambda p: (matches(p, typed) if typed else 0, p.name.casefold()))
        self.list.clear()
        for who in shown:
            text = isolate(who.name)
            if who.id in self.ticked and self.question is not None:
                text = _("{name}: answered {answer}").format(
                    name=text, answer=answer_text(self.question, self.ticked[who.id])
                )
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, who.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or not self.find.text() else item.data(ID_ROLE)

    def count_values(self) -> dict[str, int]:
        q = self.question
        if q is None:
            return {}
        return {o.id: box.value() for o, box in zip(q.options, self.counts, strict=False)}
