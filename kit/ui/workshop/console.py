"""The console on the facilitator's laptop: current and next frame, notes, the item's
and the session's elapsed and remaining time with colour bands, the clock; the G
preview, the key help and the room status check are shown here only. T (or its button)
shows big touch buttons for a facilitator holding a tablet-laptop."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.operations.presenter import Frame
from kit.ui.reader.browser import ContentBrowser
from kit.ui.workshop.audience import custom_frame
from kit.ui.workshop.timing import BAND_COLOURS, band, clock_text, timer_text


def key_help() -> str:
    rows = [
        (_("Space, Right, Page Down"), _("Next")),
        (_("Left, Page Up"), _("Previous")),
        (_("B or ."), _("Black screen")),
        (_("W or ,"), _("White screen")),
        (_("S or Tab"), _("Swap screens (one screen: audience view or console)")),
        ("G", _("Go to an item: preview here, Enter to show it")),
        ("P", _("Pause the timer")),
        ("T", _("Big touch buttons on or off")),
        ("R", _("Reset the item's timer")),
        ("C", _("Room status: D done, H need help")),
        ("Q", _("Room question: the quiz item's questions, or a new poll")),
        ("N", _("New poll on any item")),
        ("V", _("Room question: show the results")),
        (_("? or F1"), _("This help")),
        ("Esc", _("Leave")),
    ]
    body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    title = _("Presenter keys")
    return f"<h2>{title}</h2><table cellpadding='4'>{body}</table>"


def _label(name: str, accessible: str, size: int = 14) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setStyleSheet(f"font-size: {size}pt;")
    return label


TOUCH_HEIGHT = 72  # pixels: a thumb's target, well above the ~48 px guidelines ask

K = Qt.Key


class TouchBar(QWidget):
    """Big buttons that press the presenter's keys (`pressed(key)`): Previous, Next, Black,
    Room status, Go to; while previewing "Show it" and "Back", while the room status is
    open "Done" and "Need help"."""

    pressed = Signal(object)  # a Qt.Key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("touchBar")
        self.buttons: dict[str, QPushButton] = {}
        main = [
            ("previous", _("Previous"), K.Key_Left),
            ("next", _("Next"), K.Key_Right),
            ("black", _("Black"), K.Key_B),
            ("room", _("Room status"), K.Key_C),
            ("go_to", _("Go to"), K.Key_G),
        ]
        extra = [
            ("show", _("Show it"), K.Key_Return),
            ("back", _("Back"), K.Key_Escape),
            ("done", _("One more done"), K.Key_D),
            ("help", _("One more needs help"), K.Key_H),
        ]
        layout = QVBoxLayout(self)
        for row in (main, extra):
            line = QHBoxLayout()
            for name, text, key in row:
                line.addWidget(self._button(name, text, key))
            layout.addLayout(line)
        self.set_state(preview=False, room=False)

    def _button(self, name: str, text: str, key: Qt.Key) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(TOUCH_HEIGHT)
        button.setStyleSheet("font-size: 18pt;")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space and Enter stay the talk's keys
        button.clicked.connect(lambda: self.pressed.emit(key))
        self.buttons[name] = button
        return button

    def set_state(self, *, preview: bool, room: bool) -> None:
        for name in ("show", "back"):
            self.buttons[name].setVisible(preview)
        for name in ("done", "help"):
            self.buttons[name].setVisible(room)


def _banded(size: int, band: str) -> str:
    return f"font-size: {size}pt; color: white; background: {BAND_COLOURS[band]}; padding: 4px;"


class ConsoleView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Training Kit: presenter console"))
        self.current = ContentBrowser(self)
        self.current.setAccessibleName(_("Current slide"))
        self.upcoming = ContentBrowser(self)
        self.upcoming.setAccessibleName(_("Next slide"))
        self.notes = QTextBrowser(self)
        self.notes.setAccessibleName(_("Facilitator notes"))
        for widget in (self.current, self.upcoming, self.notes):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title = _label("consoleTitle", _("Current item"), 16)
        self.preview_label = _label("previewLabel", _("Preview"), 14)
        self.notice = _label("consoleNotice", _("Message"), 14)
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.item_time = _label("itemTime", _("Time for this item"), 22)
        self.session_time = _label("sessionTime", _("Time for the session"), 16)
        self.clock = _label("clock", _("Clock"), 16)
        self.overlay = QTextBrowser(self)
        self.overlay.setAccessibleName(_("Key help"))
        self.overlay.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.overlay.hide()
        grid = QGridLayout()
        grid.addWidget(self.current, 0, 0, 2, 1)
        grid.addWidget(self.upcoming, 0, 1)
        grid.addWidget(self.notes, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.notice)
        layout.addLayout(grid, 1)
        times = QGridLayout()
        times.addWidget(self.item_time, 0, 0)
        times.addWidget(self.session_time, 0, 1)
        times.addWidget(self.clock, 0, 2)
        self.touch_button = QPushButton(_("Touch buttons"))
        self.touch_button.setCheckable(True)
        self.touch_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the talk
        self.touch_button.setToolTip(_("Big buttons for a touch screen (T)"))
        times.addWidget(self.touch_button, 0, 3)
        layout.addLayout(times)
        self.touch = TouchBar(self)
        self.touch.hide()
        self.touch_button.toggled.connect(self.touch.setVisible)
        layout.addWidget(self.touch)
        layout.addWidget(self.overlay)
        self.preview_label.hide()
        self.band = ""
        self.session_band = ""
        self.room_panel: QWidget | None = None  # a room question's, in place of the slides

    def say(self, text: str) -> None:
        """A problem the facilitator should know of (e.g. a delivered time not kept)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def toggle_touch(self) -> None:
        """Big touch buttons on or off (kept while this window is signed in)."""
        self.touch_button.setChecked(not self.touch_button.isChecked())

    def show_frames(self, current: Frame, upcoming: Frame | None, *, preview: bool = False) -> None:
        self.current.set_media(current.media)
        self.current.show_html(current.html, rtl=current.rtl)
        if upcoming is None:
            self.upcoming.show_html("<p><i>{end}</i></p>".format(end=_("End of the session")))
        else:
            upcoming = custom_frame(upcoming)
            self.upcoming.set_media(upcoming.media)
            self.upcoming.show_html(upcoming.html, rtl=upcoming.rtl)
        self.notes.setPlainText(current.notes or _("No notes for this slide."))
        self.title.setText(current.title)
        self.preview_label.setVisible(preview)
        self.preview_label.setText(
            _("Preview only, not on the projector: Enter shows it, Esc goes back.")
        )

    def show_times(
        self,
        elapsed: float,
        target: float,
        session: float,
        planned: float,
        paused: bool,
        now: dt.datetime | None = None,
    ) -> None:
        """The item's `elapsed` seconds against its `target`, the session's against its
        `planned` seconds (its slot), each in its colour band, and the clock at `now`."""
        self.band, self.session_band = band(elapsed, target), band(session, planned)
        text = _("Item: {elapsed} elapsed, {left} left").format(
            elapsed=timer_text(elapsed), left=timer_text(target - elapsed)
        )
        if paused:
            text = _("{times} (paused)").format(times=text)
        self.item_time.setText(text)
        self.item_time.setStyleSheet(_banded(22, self.band))
        self.session_time.setText(
            _("Session: {elapsed} elapsed, {left} left").format(
                elapsed=timer_text(session), left=timer_text(planned - session)
            )
        )
        self.session_time.setStyleSheet(_banded(16, self.session_band))
        self.clock.setText(clock_text(now or dt.datetime.now().astimezone()))

    def toggle_help(self) -> None:
        self.overlay.setHtml(key_help())
        self.overlay.setVisible(not self.overlay.isVisible())

    def show_room(self, done: int, help_: int) -> None:
        self.overlay.setHtml(
            "<h2>{}</h2><p style='font-size:28pt'>{}</p><p>{}</p>".format(
                _("Room status"),
                _("Done: {done} · Need help: {help}").format(
                    done=format_number(done), help=format_number(help_)
                ),
                _("D: one more done · H: one more needs help · C: close"),
            )
        )
        self.overlay.show()

    # -- room questions (kit.ui.workshop.room) -----------------------------------------------
    def show_room_panel(self, panel: QWidget) -> None:
        """`panel` (a room question's or the poll form) in place of the slides."""
        if self.room_panel is not None and self.room_panel is not panel:
            self.room_panel.hide()
        self.room_panel = panel
        if self.layout().indexOf(panel) < 0:
            self.layout().insertWidget(3, panel, 1)
        for widget in (self.current, self.upcoming, self.notes):
            widget.hide()
        panel.show()

    def hide_room_panel(self) -> None:
        """The slides again."""
        if self.room_panel is not None:
            self.room_panel.hide()
            self.room_panel = None
        for widget in (self.current, self.upcoming, self.notes):
            widget.show()
