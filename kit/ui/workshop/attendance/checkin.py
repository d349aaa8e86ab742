"""Check-in at the door, keyboard only and in large type: choose the session (the one
running now by default), type a few letters, Up/Down, Enter. Ctrl+Z takes the last
check-in back; an unknown name and Enter twice adds a walk-in and checks them in."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, current_locale, format_datetime, format_number
from kit.ui.operations import attendance as ops
from kit.ui.workshop.attendance.chart import AttendanceChart
from kit.ui.workshop.attendance.register_view import ID_ROLE

MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -5,
    Qt.Key.Key_PageDown: 5,
}


def clock_time(moment: datetime) -> str:
    """A time of day as the interface language writes it (9:05 AM, 09:05, ٩:٠٥ ص)."""
    return format_datetime(moment, current_locale().time_formats["short"].pattern)


def isolate(text: str) -> str:
    """`text` as a unit of its own direction inside a sentence (Unicode FSI ... PDI)."""
    return f"\u2068{text}\u2069"


def folded(text: str) -> str:
    """`text` for matching what is typed at the door: case, accents and Arabic vowel
    marks ignored ("jose" finds José)."""
    parts = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in parts if not unicodedata.combining(c))


def matches(who: Any, typed: str) -> int:
    """0: the name or username starts with `typed`; 1: contains it; 2: no match."""
    key = folded(typed.strip())
    texts = (folded(who.name), folded(who.wiki_username))
    if any(t.startswith(key) for t in texts):
        return 0
    return 1 if any(key in t for t in texts) else 2


class CheckInView(QWidget):
    """`run(op, after)` runs a write and shows the roster it returns; `say` a sentence."""

    def __init__(
        self,
        ctx: Any,
        run: Callable[..., None],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.run = run
        self.say = say
        self.clock: Callable[[], datetime] = lambda: datetime.now().astimezone()
        self.roster: ops.Roster | None = None
        self.shown_shop: str | None = None
        self.pending: set[ops.Pair] = set()
        self.undo_stack: list[ops.Pair] = []
        self.offered = ""  # the unknown name a second Enter adds as a walk-in
        self.session = QComboBox()
        self.session.setAccessibleName(_("Session"))
        self.find = QLineEdit()
        self.find.setObjectName("checkinFind")
        self.find.setPlaceholderText(_("Type a name; Enter checks in"))
        self.find.setAccessibleName(_("Find a participant to check in"))
        self.people = QListWidget()
        self.people.setObjectName("checkinPeople")
        self.people.setAccessibleName(_("Participants"))
        self.people.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the focus
        self.count = QLabel()
        self.count.setObjectName("checkinCount")
        self.offer = QLabel()
        self.offer.setWordWrap(True)
        self.offer.setObjectName("checkinOffer")
        self.offer.hide()
        self.undo_button = QPushButton(_("Undo the last check-in (Ctrl+Z)"))
        self.undo_button.setAccessibleName(_("Undo the last check-in"))
        self.chart = AttendanceChart()
        session_label = QLabel(_("&Session"))
        session_label.setBuddy(self.session)  # Alt+S
        top = QHBoxLayout()
        top.addWidget(session_label)
        top.addWidget(self.session, 1)
        top.addWidget(self.count)
        side = QVBoxLayout()
        side.addWidget(self.chart, 1)
        side.addWidget(self.undo_button)
        body = QHBoxLayout()
        main = QVBoxLayout()
        main.addWidget(self.find)
        main.addWidget(self.offer)
        main.addWidget(self.people, 1)
        body.addLayout(main, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        scale = getattr(ctx, "text_scale", 1.0)
        self.setStyleSheet(
            f"QLineEdit#checkinFind, QListWidget#checkinPeople, QComboBox {{"
            f" font-size: {22 * scale:.0f}pt; }}"
            f" QLabel {{ font-size: {16 * scale:.0f}pt; }}"
            f" QLabel#checkinCount {{ font-size: {28 * scale:.0f}pt; font-weight: 600; }}"
            f" QLabel#checkinOffer {{ font-size: {16 * scale:.0f}pt; color: #8a5300; }}"
        )
        self.find.installEventFilter(self)
        self.find.textChanged.connect(self._typed)
        self.find.returnPressed.connect(self.enter)
        self.people.itemActivated.connect(lambda item: self._check_in(item.data(ID_ROLE)))
        self.session.currentIndexChanged.connect(lambda _i: self.refresh())
        self.session.activated.connect(lambda _i: self.find.setFocus())  # chosen: type names
        self.undo_button.clicked.connect(self.undo)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.find.setFocus()  # the tab shown: ready for the first name

    @property
    def session_id(self) -> str | None:
        return self.session.currentData()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.find and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):  # the check-in, not the typing
                self.undo()
                return True
            step = MOVES.get(event.key())
            if step is not None and self.people.count():
                row = self.people.currentRow() + step
                self.people.setCurrentRow(max(0, min(self.people.count() - 1, row)))
                return True
            if event.key() == Qt.Key.Key_Escape and self.find.text():
                self.find.clear()
                return True
        return super().eventFilter(watched, event)

    def show_roster(self, roster: ops.Roster) -> None:
        self.roster = roster
        keep = (
            self.session_id
            if self.shown_shop == roster.shop.id
            else roster.session_now(self.clock())
        )
        if self.shown_shop != roster.shop.id:
            self.undo_stack.clear()
        self.shown_shop = roster.shop.id
        self.session.blockSignals(True)
        self.session.clear()
        for s in roster.sessions:
            self.session.addItem(roster.label(s), s.id)
        self.session.setCurrentIndex(max(0, self.session.findData(keep)))
        self.session.blockSignals(False)
        if not roster.sessions:
            self.say(_("This workshop has no sessions yet: plan them in the Plan tab first."))
        self.refresh()

    def _typed(self, _text: str) -> None:
        self.offered = ""
        self.offer.hide()
        self.refresh()

    def _row_text(self, who: Any, pair: ops.Pair) -> str:
        roster = self.roster
        name = f"{who.name} ({who.wiki_username})" if who.wiki_username else who.name
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            name = isolate(name)  # a Latin name must not carry the time into its run
        if pair in self.pending:
            return _("{name} … checking in").format(name=name)
        if roster is None or pair not in roster.checkins:
            return name
        if roster.on_paper(pair):
            return _("✓ {name}, from the paper sheet").format(name=name)
        at = isolate(clock_time(roster.local_time(pair)))
        if pair in roster.late:
            return _("✓ {name}, {time}, late").format(name=name, time=at)
        return _("✓ {name}, {time}").format(name=name, time=at)

    def refresh(self) -> None:
        """The list filtered by what is typed, the count and the chart, from the roster."""
        roster, session_id = self.roster, self.session_id
        current = self.people.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        self.people.clear()
        if roster is None or session_id is None:
            self.count.clear()
            return
        typed = self.find.text()
        found = [(matches(p, typed), n, p) for n, p in enumerate(roster.participants)]
        for _rank, _n, who in sorted(f for f in found if f[0] < 2):
            item = QListWidgetItem(self._row_text(who, (session_id, who.id)))
            item.setData(ID_ROLE, who.id)
            self.people.addItem(item)
            if who.id == keep:
                self.people.setCurrentItem(item)
        if self.people.currentRow() < 0 and self.people.count():
            self.people.setCurrentRow(0)
        total = len(roster.participants)
        self.count.setText(
            _("{present} of {total}").format(
                present=format_number(roster.present(session_id)), total=format_number(total)
            )
        )
        index = self.session.currentIndex()
        self.chart.set_bars(
            [(s.start, roster.present(s.id), total) for s in roster.sessions], index
        )

    def enter(self) -> None:
        typed = self.find.text().strip()
        item = self.people.currentItem()
        if not typed or self.roster is None or self.session_id is None:
            return
        if item is not None:
            self._check_in(item.data(ID_ROLE))
        elif self.offered == typed:
            self._walk_in(typed)
        else:
            self.offered = typed
            self.offer.setText(
                _(
                    "{name} is not on the register. Press Enter again to add them as a "
                    "walk-in and check them in, or Esc to type again."
                ).format(name=typed)
            )
            self.offer.show()
            return
        self.find.clear()
        self.find.setFocus()

    def _check_in(self, participant_id: str) -> None:
        roster, session_id = self.roster, self.session_id
        if roster is None or session_id is None:
            return
        pair = (session_id, participant_id)
        if pair in roster.checkins or pair in self.pending:
            name = next(p.name for p in roster.participants if p.id == participant_id)
            self.say(_("{name} is already checked in.").format(name=name))
            return
        self.pending.add(pair)
        self.refresh()

        def done(after: ops.Roster) -> None:
            if after.shop.id == self.shown_shop:  # not a workshop left meanwhile
                self.undo_stack.append(pair)

        op = ops.check_in(self.ctx, roster.shop.id, session_id, participant_id)
        self.run(op, done, lambda: self.pending.discard(pair))

    def _walk_in(self, name: str) -> None:
        roster, session_id = self.roster, self.session_id
        if roster is None or session_id is None:
            return

        def done(after: ops.Roster) -> None:
            if after.touched and after.shop.id == self.shown_shop:
                self.undo_stack.append((session_id, after.touched))
            self.say(_("{name} was added as a walk-in and checked in.").format(name=name))

        self.run(ops.walk_in(self.ctx, roster.shop.id, session_id, name), done)

    def undo(self) -> None:
        if not self.undo_stack or self.roster is None:
            self.say(_("There is no check-in to undo."))
            return
        session_id, participant_id = self.undo_stack.pop()
        self.run(ops.undo_check_in(self.ctx, self.roster.shop.id, session_id, participant_id))
        self.find.setFocus()
