"""The audience view: the current frame full screen on the projector, scaled to the
screen so it reads from the back of a room, left-to-right or right-to-left; or a black
or white screen (B/W)."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStackedLayout, QWidget

from kit.i18n import _, format_number, ngettext
from kit.ui.operations.presenter import Frame
from kit.ui.reader.browser import ContentBrowser
from kit.ui.workshop.timing import clock_text

ROOM_POINT_SIZE = 28.0  # on a 768-pixel-high screen; more on a taller one
CUSTOM_SCALE = 2.0  # a break's frame is read from the door: twice the slides' size
BLANKS = {"black": "#000000", "white": "#ffffff"}


def custom_frame(frame: Frame, started: dt.datetime | None = None) -> Frame:
    """A custom item's one large frame, "Break · 15 min · back at 10:45" when `started`
    says when it began (without it: its length only, e.g. as the console's next frame)."""
    if frame.custom_minutes is None:
        return frame
    minutes = frame.custom_minutes
    length = ngettext("{n} min", "{n} min", minutes).format(n=format_number(minutes))
    line = length
    if started is not None:
        back = clock_text(started + dt.timedelta(minutes=minutes))
        line = _("{length} · back at {time}").format(length=length, time=back)
    body = (
        f"<h1 align='center'>{html.escape(frame.title)}</h1>"
        f"<p align='center'><b>{html.escape(line)}</b></p>"
    )
    return replace(frame, html=body)


class AudienceView(QWidget):
    """What the room sees. `frame` is the frame on the projector (None before the first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Training Kit: audience view"))
        self.frame: Frame | None = None
        self.blank: str | None = None
        self.scale = 1.0
        self.big = False  # showing a custom item's large frame
        self.browser = ContentBrowser(self, point_size=ROOM_POINT_SIZE)
        self.browser.setAccessibleName(_("Projected slide"))
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.curtain = QWidget(self)
        self.curtain.setAutoFillBackground(True)
        self.curtain.setAccessibleName(_("Blank screen"))
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.browser)
        self.stack.addWidget(self.curtain)

    def show_frame(self, frame: Frame) -> None:
        self.frame = frame
        self.browser.set_media(frame.media)
        self.big = frame.custom_minutes is not None
        self.browser.set_scale(self.scale * (CUSTOM_SCALE if self.big else 1.0))
        self.browser.show_html(frame.html, rtl=frame.rtl)

    def set_blank(self, colour: str | None) -> None:
        """'black' or 'white' hides the slide (again: shows it); None shows it."""
        self.blank = None if colour == self.blank else colour
        if self.blank is None:
            self.stack.setCurrentWidget(self.browser)
            return
        self.curtain.setStyleSheet(f"background: {BLANKS[self.blank]};")
        self.stack.setCurrentWidget(self.curtain)

    def fit_to(self, height: int) -> None:
        """Scale the text to a screen `height` pixels high."""
        self.scale = max(1.0, height / 768)
        self.browser.set_scale(self.scale * (CUSTOM_SCALE if self.big else 1.0))

    # -- room questions (kit.ui.workshop.room) -----------------------------------------------
    def show_room(self, page: QWidget) -> None:
        """A room question's `page` full screen instead of the slide (show_talk: back)."""
        if self.stack.indexOf(page) < 0:
            self.stack.addWidget(page)
        self.blank = None
        self.stack.setCurrentWidget(page)

    def show_talk(self) -> None:
        self.blank = None
        self.stack.setCurrentWidget(self.browser)
