"""One card per offered pack: what it is, its size and languages, its status, one action."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kit.i18n import _, format_size
from kit.ui.getpacks.texts import languages_text, status_text

# Shown first: what the user can act on.
STATUS_ORDER = {"update": 0, "available": 1, "installed": 2, "older": 3, "needs-newer-app": 4}


def source_name(location: str) -> str:
    """A short name for where a pack comes from: the host, or the folder's name."""
    if "://" in location:
        return urlsplit(location).netloc or location
    return location.rstrip("/\\").rsplit("/", 1)[-1] or location


def sort_key(offer: Any) -> tuple[int, str, str]:
    return (STATUS_ORDER.get(offer.status, 9), offer.entry.title.casefold(), offer.entry.id)


class OfferCard(QFrame):
    download_requested = Signal(object)  # the Offer

    def __init__(self, offer: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("offerCard")
        self.offer = offer
        self._busy = ""  # what the download of this pack is doing, if there is one
        e = offer.entry
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(16)
        outer.addLayout(self._text_column(offer), 1)
        side = QVBoxLayout()
        side.setSpacing(6)
        self.status = QLabel(status_text(offer))
        self.status.setObjectName("status-" + offer.status)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.status.setAccessibleName(_("Status of {title}").format(title=e.title))
        self.button = QPushButton()
        self.button.setObjectName("offerAction")
        self.button.clicked.connect(lambda: self.download_requested.emit(self.offer))
        side.addStretch(1)
        side.addWidget(self.status, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        outer.addLayout(side)
        self._update_button()

    def _text_column(self, offer: Any) -> QVBoxLayout:
        e = offer.entry
        col = QVBoxLayout()
        col.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(8)
        self.title = QLabel(e.title)
        self.title.setObjectName("offerTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        version = QLabel(_("version {version}").format(version=e.version))
        version.setObjectName("muted")
        version.setTextFormat(Qt.TextFormat.PlainText)  # the version comes from a catalog
        top.addWidget(self.title)
        top.addWidget(version)
        if offer.verified:
            mark = QLabel("✔ " + _("Verified publisher"))
            mark.setObjectName("verified")
            mark.setToolTip(_("The catalog is signed by a publisher you trust."))
            mark.setAccessibleName(_("Verified publisher"))
            top.addWidget(mark)
        top.addStretch(1)
        col.addLayout(top)
        if e.description:
            desc = QLabel(e.description)
            desc.setTextFormat(Qt.TextFormat.PlainText)
            desc.setWordWrap(True)
            desc.setObjectName("description")
            col.addWidget(desc)
        meta = QLabel(
            " · ".join(
                [
                    languages_text(e.languages),
                    format_size(e.size),
                    _("from {source}").format(source=source_name(offer.source)),
                ]
            )
        )
        meta.setObjectName("muted")
        meta.setTextFormat(Qt.TextFormat.PlainText)
        col.addWidget(meta)
        return col

    def _update_button(self) -> None:
        e, status = self.offer.entry, self.offer.status
        texts = {
            "available": _("Download"),
            "update": _("Update"),
            "installed": _("Installed"),
            "older": _("Installed"),
            "needs-newer-app": _("Unavailable"),
        }
        text = self._busy or texts.get(status, _("Download"))
        self.button.setText(text)
        actionable = status in ("available", "update") and not self._busy
        self.button.setEnabled(actionable)
        self.button.setProperty("primary", actionable)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)
        name = _("Update {title} to {version}") if status == "update" else _("Download {title}")
        self.button.setAccessibleName(name.format(title=e.title, version=e.version))
        self.setAccessibleName(
            _("{title}: {status}").format(title=e.title, status=status_text(self.offer))
        )

    def set_busy(self, text: str) -> None:
        """Show that this pack is in the downloads ("Downloading…", "Paused"); "" when not."""
        self._busy = text
        self._update_button()

    def matches(self, text: str, language: str) -> bool:
        e = self.offer.entry
        if language and language not in e.languages:
            return False
        needle = text.strip().casefold()
        return not needle or any(needle in s.casefold() for s in (e.title, e.description, e.id))
