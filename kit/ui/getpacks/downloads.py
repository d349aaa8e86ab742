"""A row per download: title, progress bar, figures (speed, time left), Pause/Resume/Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.getpacks.texts import fraction, progress_text, received_text

# Row states
RUNNING, PAUSED, FAILED = "running", "paused", "failed"


class DownloadRow(QFrame):
    def __init__(self, pack_id: str, title: str, version: str, size: int, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("downloadRow")
        self.pack_id, self.title_text, self.size = pack_id, title, size
        self.state = RUNNING
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(6)
        top = QHBoxLayout()
        self.title = QLabel(_("{title} {version}").format(title=title, version=version))
        self.title.setObjectName("downloadTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        top.addWidget(self.title, 1)
        self.pause_button = self._button(_("Pause"), _("Pause the download of {title}"))
        self.resume_button = self._button(_("Resume"), _("Resume the download of {title}"))
        self.retry_button = self._button(_("Try again"), _("Try the download of {title} again"))
        self.cancel_button = self._button(_("Cancel"), _("Cancel the download of {title}"))
        for b in (self.pause_button, self.resume_button, self.retry_button, self.cancel_button):
            top.addWidget(b)
        outer.addLayout(top)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setAccessibleName(_("Progress of {title}").format(title=title))
        outer.addWidget(self.bar)
        self.detail = QLabel(_("Starting…"))
        self.detail.setObjectName("muted")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setAccessibleName(_("Download status of {title}").format(title=title))
        outer.addWidget(self.detail)
        self._show_buttons()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name.format(title=self.title_text))
        return button

    def _show_buttons(self, can_pause: bool = True) -> None:
        self.pause_button.setVisible(self.state == RUNNING)
        self.pause_button.setEnabled(can_pause)
        self.resume_button.setVisible(self.state == PAUSED)
        self.retry_button.setVisible(self.state == FAILED)
        self.cancel_button.setText(_("Remove") if self.state == FAILED else _("Cancel"))

    def show_started(self) -> None:
        self.state = RUNNING
        self.setProperty("failed", False)
        self._restyle()
        self.bar.show()
        self.detail.setText(_("Connecting…"))
        self._show_buttons()

    def show_progress(self, p: Any) -> None:
        self.state = RUNNING
        if p.phase == "download":
            self.bar.setRange(0, 1000)
            self.bar.setValue(fraction(p.done, p.total))
        else:  # checking and installing: the figures are not about bytes received
            self.bar.setValue(fraction(p.done, p.total) if p.total else 1000)
        self.detail.setText(progress_text(p))
        self._show_buttons(can_pause=p.phase == "download")

    def show_paused(self, received: int) -> None:
        self.state = PAUSED
        self.bar.setValue(fraction(received, self.size))
        self.detail.setText(received_text(received, self.size))
        self._show_buttons()

    def show_failed(self, message: str) -> None:
        self.state = FAILED
        self.setProperty("failed", True)
        self._restyle()
        self.bar.hide()
        self.detail.setText(message)
        self._show_buttons()

    def _restyle(self) -> None:
        failed = self.state == FAILED
        self.detail.setProperty("error", failed)
        for w in (self, self.detail):
            w.style().unpolish(w)
            w.style().polish(w)
