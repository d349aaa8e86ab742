"""The presenter: the frames of a session, where we are, the two windows and the keys
people know from pympress, Impress and reveal.js (clickers send Page Up/Down and B).

The audience window goes full screen on the second screen when there is one; with one
screen the console shows and S (or Tab) switches between it and the audience view.
Screens plugged in or out move the audience window (QGuiApplication.screenAdded and
screenRemoved); the talk goes on where it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.presenter import (
    AgendaEntry,
    Delivered,
    Frame,
    SessionPlan,
    record_delivered,
)
from kit.ui.workshop.audience import AudienceView, custom_frame
from kit.ui.workshop.console import ConsoleView
from kit.ui.workshop.room.run import RoomRun
from kit.ui.workshop.timing import Stopwatch

K = Qt.Key
NEXT = {K.Key_Space, K.Key_Right, K.Key_PageDown, K.Key_Down}
PREVIOUS = {K.Key_Left, K.Key_PageUp, K.Key_Up}
BLACK = {K.Key_B, K.Key_Period}
WHITE = {K.Key_W, K.Key_Comma}


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Presenter(QObject):
    """Presents `frames` of `entries` from frame `start`; `delivered` fires (pack_id,
    item_id, seconds) when the talk leaves an item. With a workshop `session` each item
    left is kept in records (the agenda as delivered) and the session's time is its slot.
    """

    delivered = Signal(str, str, float)
    left = Signal()

    def __init__(
        self,
        ctx: AppContext,
        entries: list[AgendaEntry],
        frames: list[Frame],
        *,
        console: ConsoleView | None = None,
        screens: Callable[[], list[QScreen]] = QGuiApplication.screens,
        clock: Callable[[], float] | None = None,
        session: SessionPlan | None = None,
        start: int = 0,
        now: Callable[[], dt.datetime] = utc_now,
        say: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.entries = entries
        self.frames = frames
        self.session = session
        self.first = max(0, min(start, len(frames) - 1))
        self.index = self.first
        self.now = now
        self.item_started = now()
        self.preview: int | None = None  # G: the frame previewed on the console only
        self.room: tuple[int, int] | None = None  # done, need help
        self.room_run: RoomRun | None = None  # Q or N: a room question is open
        self.log = Delivered()
        self.screens = screens
        self.swapped = False
        self.audience_shown = False  # with one screen: the audience view instead of console
        self.console = console or ConsoleView()
        self.say = say or self.console.say  # a delivered time that could not be kept
        self.audience = AudienceView()
        self.item_watch = Stopwatch(clock) if clock else Stopwatch()
        self.session_watch = Stopwatch(clock) if clock else Stopwatch()
        for window in (self.console, self.audience):
            window.installEventFilter(self)
        self.console.touch.pressed.connect(self.key)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        self.ticker = QTimer(self)
        self.ticker.setInterval(500)
        self.ticker.timeout.connect(self.refresh_times)

    # -- showing ------------------------------------------------------------------------
    def start(self) -> None:
        self.place()
        if self.frames:
            self._show(self.first)
        self.ticker.start()

    def place(self) -> None:
        """The audience on the second screen (the first when swapped), full screen."""
        screens = list(self.screens())
        if len(screens) >= 2:
            laptop, projector = (screens[1], screens[0]) if self.swapped else screens[:2]
            self._put(self.console.window(), laptop, full=False)
            self._put(self.audience, projector, full=True)
            return
        only = screens[0] if screens else None
        shown, hidden = (
            (self.audience, self.console.window())
            if self.audience_shown
            else (self.console.window(), self.audience)
        )
        hidden.hide()
        self._put(shown, only, full=shown is self.audience)
        shown.activateWindow()

    def _put(self, window: QWidget, screen: QScreen | None, *, full: bool) -> None:
        if screen is not None:
            window.setScreen(screen)
            window.setGeometry(screen.geometry() if full else screen.availableGeometry())
            if window is self.audience:
                self.audience.fit_to(screen.geometry().height())
        if full:
            window.showFullScreen()
        else:
            window.showNormal()
            window.show()

    def _screens_changed(self, _screen: QScreen) -> None:
        QTimer.singleShot(0, self.place)  # after Qt has updated its list of screens

    @property
    def two_screens(self) -> bool:
        return len(list(self.screens())) >= 2

    def go(self, index: int) -> None:
        """Show frame `index` on the projector and the console (timing the items)."""
        if not self.frames:
            return
        index = max(0, min(index, len(self.frames) - 1))
        before = self.frames[self.index].entry
        after = self.frames[index].entry
        if after != before:
            self._deliver(before)
        self._show(index)

    def _show(self, index: int) -> None:
        self.index = index
        self.preview = None
        self.audience.show_frame(self._filled(index))
        self._show_console()

    def _filled(self, index: int) -> Frame:
        """Frame `index`; a custom item's says when the room is back."""
        return custom_frame(self.frames[index], self.item_started)

    def _deliver(self, entry_number: int) -> None:
        entry = self.entries[entry_number]
        seconds = self.item_watch.elapsed()
        started, ended = self.item_started, self.now()
        self.log.items.append((entry.pack_id, entry.item_id, seconds))
        if self.session is not None and entry.agenda_id:
            op = record_delivered(self.ctx, self.session, entry, started, max(started, ended))
            op.failure(self.say).run(self.console)  # the console outlives the presenter
        self.delivered.emit(entry.pack_id, entry.item_id, seconds)
        self.item_watch.reset()
        self.item_started = ended

    def _show_console(self) -> None:
        shown = self.index if self.preview is None else self.preview
        upcoming = self.frames[shown + 1] if shown + 1 < len(self.frames) else None
        current = self._filled(shown) if shown == self.index else custom_frame(self.frames[shown])
        self.console.show_frames(current, upcoming, preview=self.preview is not None)
        self._touch_state()
        self.refresh_times()

    def _touch_state(self) -> None:
        self.console.touch.set_state(preview=self.preview is not None, room=self.room is not None)

    @property
    def planned_seconds(self) -> float:
        """The session's time: its slot, or (a module) its items' minutes."""
        if self.session is not None:
            return self.session.slot * 60.0
        return sum(e.minutes for e in self.entries) * 60

    @property
    def session_offset(self) -> float:
        """Seconds the items before the first one shown were planned to take (presenting
        from an item midway through a session)."""
        if not self.frames:
            return 0.0
        first_entry = self.frames[self.first].entry
        return sum(e.minutes for e in self.entries[:first_entry]) * 60

    def refresh_times(self) -> None:
        if not self.frames:
            return
        entry = self.entries[self.frames[self.index].entry]
        self.console.show_times(
            self.item_watch.elapsed(),
            entry.minutes * 60,
            self.session_offset + self.session_watch.elapsed(),
            self.planned_seconds,
            self.item_watch.paused,
        )

    # -- keys ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            return self.key(Qt.Key(event.key()), event.text())
        return False

    def key(self, key: Qt.Key, text: str = "") -> bool:
        """Handle one key press; True when it was a presenter key."""
        if self.room_run is not None and self.room_run.key(key, text):
            return True
        if self.room is not None and self._room_key(key):
            return True
        if self.preview is not None and self._preview_key(key):
            return True
        action = self._action(key, text)
        if action is None:
            return False
        action()
        return True

    def _action(self, key: Qt.Key, text: str) -> Callable[[], None] | None:
        for keys, act in ((NEXT, self.next), (PREVIOUS, self.previous), (BLACK, self.black)):
            if key in keys:
                return act
        if key in WHITE:
            return self.white
        simple = {
            K.Key_S: self.swap,
            K.Key_Tab: self.swap,
            K.Key_G: self.start_preview,
            K.Key_P: self.pause,
            K.Key_R: self.reset,
            K.Key_F1: self.help,
            K.Key_C: self.room_status,
            K.Key_T: self.touch,
            K.Key_Q: self.room_question,
            K.Key_N: self.new_poll,
            K.Key_Escape: self.leave,
        }
        if key in simple:
            return simple[key]
        if text == "?" or key == K.Key_Question:
            return self.help
        return None

    def _preview_key(self, key: Qt.Key) -> bool:
        assert self.preview is not None
        if key in NEXT or key in PREVIOUS:
            step = 1 if key in NEXT else -1
            self.preview = max(0, min(self.preview + step, len(self.frames) - 1))
            self._show_console()
        elif key in (K.Key_Return, K.Key_Enter):
            self.go(self.preview)
        elif key in (K.Key_Escape, K.Key_G):
            self.preview = None
            self._show_console()
        else:
            return False
        return True

    def _room_key(self, key: Qt.Key) -> bool:
        assert self.room is not None
        done, need = self.room
        if key == K.Key_D:
            self.room = (done + 1, need)
        elif key == K.Key_H:
            self.room = (done, need + 1)
        elif key in (K.Key_C, K.Key_Escape):
            self.room = None
            self.console.overlay.hide()
            self._touch_state()
            return True
        else:
            return False
        self.console.show_room(*self.room)
        return True

    # -- actions (WorkshopMode's ActionSpec handlers name these) ---------------------------
    def next(self) -> None:
        self.go(self.index + 1)

    def previous(self) -> None:
        self.go(self.index - 1)

    def black(self) -> None:
        self.audience.set_blank("black")

    def white(self) -> None:
        self.audience.set_blank("white")

    def help(self) -> None:
        self.console.toggle_help()

    def swap(self) -> None:
        if self.two_screens:
            self.swapped = not self.swapped
        else:
            self.audience_shown = not self.audience_shown
        self.place()

    def start_preview(self) -> None:
        if self.frames:
            self.preview = self.index
            self._show_console()

    def pause(self) -> None:
        self.item_watch.toggle_pause()
        self.session_watch.toggle_pause()
        self.refresh_times()

    def reset(self) -> None:
        self.item_watch.reset()
        self.refresh_times()

    def room_status(self) -> None:
        self.room = (0, 0)
        self.console.show_room(0, 0)
        self._touch_state()

    def touch(self) -> None:
        self.console.toggle_touch()

    def leave(self) -> None:
        if self.room_run is not None:
            self.room_run.close()
        if self.frames:
            self._deliver(self.frames[self.index].entry)
        self.ticker.stop()
        self.console.touch.pressed.disconnect(self.key)
        self.console.touch.set_state(preview=False, room=False)
        self.console.overlay.hide()
        app = QGuiApplication.instance()
        app.screenAdded.disconnect(self._screens_changed)
        app.screenRemoved.disconnect(self._screens_changed)
        self.audience.close()
        self.frames = []
        self.left.emit()

    # -- room questions (kit.ui.workshop.room) -----------------------------------------------
    def room_question(self) -> None:
        """Q: the current quiz item's questions to the room (another item: a new poll)."""
        run = self._room_run()
        if run is not None:
            entry = self.entries[self.frames[self.index].entry]
            run.open_quiz(entry.pack_id, entry.item_id)

    def new_poll(self) -> None:
        """N: write a poll on the spot."""
        run = self._room_run()
        if run is not None:
            run.open_poll()

    def _room_run(self) -> RoomRun | None:
        if not self.frames or self.room_run is not None:
            return None
        if self.session is None:
            self.console.say(
                _("Room questions are kept with a workshop: present a session of its agenda.")
            )
            return None
        frame = self.frames[self.index]
        self.room_run = RoomRun(
            self.ctx,
            workshop_id=self.session.workshop_id,
            session_id=self.session.session_id,
            console=self.console,
            audience=self.audience,
            rtl=frame.rtl,
            say=self.console.say,
            parent=self,
        )
        self.room_run.closed.connect(self._room_closed)
        return self.room_run

    def _room_closed(self) -> None:
        self.room_run = None
        self._show(self.index)
