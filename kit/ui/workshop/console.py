"""The console on the facilitator's laptop: current and next frame, notes, the item's
and the session's elapsed and remaining time with a colour band, the clock; the G
preview, the key help and the room status check are shown here only."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.operations.presenter import Frame
from kit.ui.reader.browser import ContentBrowser
from kit.ui.workshop.timing import BAND_COLOURS


def minutes_text(seconds: float) -> str:
    """'12:05' (minutes:seconds), '-1:30' when over."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    return f"{sign}{whole // 60}:{whole % 60:02d}"


def key_help() -> str:
    rows = [
        (_("Space, Right, Page Down"), _("Next")),
        (_("Left, Page Up"), _("Previous")),
        (_("B or ."), _("Black screen")),
        (_("W or ,"), _("White screen")),
        (_("S or Tab"), _("Swap screens (one screen: audience view or console)")),
        ("G", _("Go to an item: preview here, Enter to show it")),
        ("P", _("Pause the timer")),
        ("R", _("Reset the item's timer")),
        ("C", _("Room status: D done, H need help")),
        (_("? or F1"), _("This help")),
        ("Esc", _("Leave")),
    ]
    body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
    return f"<h2>{_('Presenter keys')}</h2><table cellpadding='4'>{body}</table>"


def _label(name: str, accessible: str, size: int = 14) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setStyleSheet(f"font-size: {size}pt;")
    return label


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
        layout.addLayout(grid, 1)
        times = QGridLayout()
        times.addWidget(self.item_time, 0, 0)
        times.addWidget(self.session_time, 0, 1)
        times.addWidget(self.clock, 0, 2)
        layout.addLayout(times)
        layout.addWidget(self.overlay)
        self.preview_label.hide()
        self.band = ""

    def show_frames(self, current: Frame, upcoming: Frame | None, *, preview: bool = False) -> None:
        self.current.set_media(current.media)
        self.current.show_html(current.html, rtl=current.rtl)
        if upcoming is None:
            self.upcoming.show_html(f"<p><i>{_('End of the session')}</i></p>")
        else:
            self.upcoming.set_media(upcoming.media)
            self.upcoming.show_html(upcoming.html, rtl=upcoming.rtl)
        self.notes.setPlainText(current.notes or _("No notes for this slide."))
        self.title.setText(current.title)
        self.preview_label.setVisible(preview)
        self.preview_label.setText(
            _("Preview only, not on the projector: Enter shows it, Esc goes back.")
        )

    def show_times(
        self, elapsed: float, target: float, session: float, planned: float, band: str, paused: bool
    ) -> None:
        self.band = band
        text = _("Item: {elapsed} elapsed, {left} left").format(
            elapsed=minutes_text(elapsed), left=minutes_text(target - elapsed)
        )
        if paused:
            text = _("{times} (paused)").format(times=text)
        self.item_time.setText(text)
        self.item_time.setStyleSheet(
            f"font-size: 22pt; color: white; background: {BAND_COLOURS[band]}; padding: 4px;"
        )
        self.session_time.setText(
            _("Session: {elapsed} elapsed, {left} left").format(
                elapsed=minutes_text(session), left=minutes_text(planned - session)
            )
        )
        self.clock.setText(QDateTime.currentDateTime().toString("HH:mm"))

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
