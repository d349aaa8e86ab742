"""One room question while presenting: Q on a quiz item puts its questions to the room
one by one (Page Down after the results: the next), N (or Q on any other item) writes a
poll; the console ticks answers or types counts, V shows the results on the projector,
Esc or Space goes back to the talk."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from kit.core.render import is_rtl
from kit.i18n import _
from kit.ui.operations import room as ops
from kit.ui.workshop.room.panel import RoomPanel
from kit.ui.workshop.room.poll_form import PollForm
from kit.ui.workshop.room.screen import RoomScreen

K = Qt.Key
FORWARD = {K.Key_Right, K.Key_PageDown, K.Key_Down}
BACK = {K.Key_Left, K.Key_PageUp, K.Key_Up}
ENTER = {K.Key_Return, K.Key_Enter}
DIGITS = {getattr(K, f"Key_{n}"): n for n in range(1, 10)}
HELD = FORWARD | BACK | {K.Key_Space, K.Key_Q, K.Key_N, K.Key_G}  # not the talk's meanwhile
MOVES = {K.Key_Up: -1, K.Key_Down: 1, K.Key_PageUp: -5, K.Key_PageDown: 5}


def typed_digit(text: str) -> int:
    """The digit typed (any script's: 2, ٢, ۲), 0 when it is not one."""
    if len(text) != 1:
        return 0
    return unicodedata.digit(text, 0)


class RoomRun(QObject):
    """`shown(tally)` after a question is put to the room or an answer kept; `closed`
    when the talk takes over again. `console` and `audience` show its two widgets;
    `rtl`: the quiz item's text reads right to left (a poll follows the interface)."""

    shown = Signal(object)
    closed = Signal()

    def __init__(
        self,
        ctx: Any,
        *,
        workshop_id: str,
        session_id: str,
        console: Any,
        audience: Any,
        rtl: bool,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)  # the presenter's: deleted by Qt when it closes
        self.ctx = ctx
        self.workshop_id = workshop_id
        self.session_id = session_id
        self.console = console
        self.audience = audience
        self.rtl = rtl
        self.say = say
        self.tally: ops.Tally | None = None
        self.people: list[ops.Participant] = []
        self.questions: list[dict[str, Any]] = []
        self.number = 0  # which of the quiz item's questions
        self.source = ("", "")  # the quiz item (pack_id, item_id)
        self.pending: list[str] = []
        # owned by the windows that show them, deleted when the question closes
        self.panel = RoomPanel(console)
        self.form = PollForm(console)
        self.screen = RoomScreen(audience)
        for widget in (self.panel, self.form, self.screen):
            widget.hide()
        self.form.asked.connect(self._ask_poll)
        self.form.cancelled.connect(self.close)
        self.panel.reveal_button.clicked.connect(self.toggle_reveal)
        self.panel.close_button.clicked.connect(self.close)
        self.panel.find.installEventFilter(self)
        ops.register(ctx, workshop_id).success(self._people).failure(say).run(self.panel)

    def _people(self, people: list[ops.Participant]) -> None:
        self.people = people
        if self.tally is not None:
            self.panel.show_question(self.tally, people)
            self.watch_counts()

    # -- opening --------------------------------------------------------------------------
    def open_quiz(self, pack_id: str, item_id: str) -> None:
        """The current item's quiz questions, or a new poll when it has none."""

        def got(questions: list[dict[str, Any]]) -> None:
            if not questions:
                self.open_poll()
                return
            self.questions, self.source, self.number = questions, (pack_id, item_id), 0
            self._ask_quiz()

        ops.quiz_questions(self.ctx, pack_id, item_id).success(got).failure(self.say).run(
            self.panel
        )

    def open_poll(self) -> None:
        self.questions = []
        self.console.show_room_panel(self.form)
        self.form.start()

    def _ask_quiz(self) -> None:
        pack_id, item_id = self.source
        question = self.questions[self.number]
        op = ops.ask_quiz(self.ctx, self.workshop_id, self.session_id, pack_id, item_id, question)
        op.success(self._asked).failure(self.say).run(self.panel)

    def _ask_poll(self, prompt: str, options: list[str]) -> None:
        op = ops.ask_poll(self.ctx, self.workshop_id, self.session_id, prompt, options)
        op.success(self._asked).failure(self.form.say).run(self.panel)

    def _asked(self, tally: ops.Tally) -> None:
        self.tally = tally
        self.panel.show_question(tally, self.people)
        self.watch_counts()
        self.console.show_room_panel(self.panel)
        self.screen.set_scale(self.audience.scale)
        poll = tally.question.kind == "poll"  # written in the interface language
        self.screen.show_question(
            tally.question, rtl=is_rtl(self.ctx.language) if poll else self.rtl
        )
        self.audience.show_room(self.screen)
        self.console.setFocus()
        self.shown.emit(tally)

    # -- answers --------------------------------------------------------------------------
    def _kept(self, tally: ops.Tally) -> None:
        if self.tally is None or tally.question.id != self.tally.question.id:
            return  # a late answer to a question already left
        self.tally = tally
        self.panel.show_tally(tally)
        if self.screen.revealed:
            self.screen.reveal(tally)  # the chart follows the answers once it is shown
        self.shown.emit(tally)

    def tick(self, participant_id: str, choice: Any) -> None:
        assert self.tally is not None
        op = ops.answer(self.ctx, self.tally.question.id, participant_id, choice)
        op.success(self._kept).failure(self.say).run(self.panel)
        self.pending = []
        self.panel.find.clear()

    def keep_counts(self) -> None:
        assert self.tally is not None
        op = ops.count(self.ctx, self.tally.question.id, self.panel.count_values())
        op.success(self._kept).failure(self.say).run(self.panel)
        self.console.setFocus()

    def toggle_reveal(self) -> None:
        if self.tally is None:
            return
        if self.screen.revealed:
            self.screen.hide_results()
        else:
            self.screen.reveal(self.tally)

    def forward(self) -> None:
        """A clicker's Next: the results, then the quiz's next question, then the talk."""
        if self.tally is not None and not self.screen.revealed:
            self.screen.reveal(self.tally)
        elif self.number + 1 < len(self.questions):
            self.number += 1
            self._ask_quiz()
        else:
            self.close()

    def close(self) -> None:
        self.tally = None
        self.audience.show_talk()
        self.console.hide_room_panel()
        self.console.setFocus()
        self.panel.find.removeEventFilter(self)
        for box in self.panel.counts:
            box.removeEventFilter(self)
        for widget in (self.panel, self.form, self.screen):
            widget.hide()
            widget.deleteLater()
        self.closed.emit()
        self.deleteLater()  # a late answer's callback is then dropped (Worker.submit)

    # -- keys -----------------------------------------------------------------------------
    def key(self, key: Qt.Key, text: str = "") -> bool:
        """A key pressed while the room question is open; True when it was the room's."""
        if self.tally is None:  # writing a poll (or waiting for the question)
            return key in HELD or self._escape(key)
        if key == K.Key_V:
            self.toggle_reveal()
        elif key in (K.Key_Escape, K.Key_Space):
            self.close()
        elif key in FORWARD:
            self.forward()
        elif key in BACK:
            self.screen.hide_results()
        elif key in ENTER:
            self.panel.find.setFocus()
        elif key == K.Key_K and self.panel.counts:
            self.panel.counts[0].setFocus()
            self.panel.counts[0].selectAll()
        else:
            return key in HELD  # no second question, no Go to, the talk stays
        return True

    def _escape(self, key: Qt.Key) -> bool:
        if key == K.Key_Escape:
            self.close()
            return True
        return False

    def watch_counts(self) -> None:
        for box in self.panel.counts:
            box.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.tally is None:
            return False
        if watched is self.panel.find:
            return self._name_key(event)
        if isinstance(watched, QWidget) and watched in self.panel.counts:
            if event.key() in ENTER:
                self.keep_counts()
                return True
            if event.key() == K.Key_Escape:
                self.panel.show_tally(self.tally)
                self.console.setFocus()
                return True
        return False

    def _name_key(self, event: Any) -> bool:
        key = event.key()
        assert self.tally is not None
        step = MOVES.get(key)
        if step is not None and self.panel.list.count():
            row = self.panel.list.currentRow() + step
            self.panel.list.setCurrentRow(max(0, min(self.panel.list.count() - 1, row)))
            return True
        if key == K.Key_Escape:
            if self.panel.find.text():
                self.panel.find.clear()
            else:
                self.console.setFocus()
            return True
        options = self.tally.question.options
        number = DIGITS.get(key) or typed_digit(event.text())
        if number and number <= len(options):
            self._choose(options[number - 1].id)
            return True
        if key in ENTER and self.pending and self.panel.chosen():
            self.tick(str(self.panel.chosen()), sorted(self.pending))
            return True
        if key in ENTER:
            self.say(_("Type a name, then the number of their answer."))
            return True
        return False

    def _choose(self, option_id: str) -> None:
        assert self.tally is not None
        who = self.panel.chosen()
        if who is None:
            self.say(_("Type a name first, then the number of their answer."))
            return
        if not self.tally.question.multiple:
            self.tick(who, option_id)
            return
        if option_id in self.pending:
            self.pending.remove(option_id)
        else:
            self.pending.append(option_id)
        self.panel.set_pending(self.pending)
