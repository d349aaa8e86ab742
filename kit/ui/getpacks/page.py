"""The "Get packs" page: browse the sources' catalogs, download, update, pause and resume."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, ngettext
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.dialogs.sources import SourcesDialog
from kit.ui.getpacks.controller import DownloadsMixin
from kit.ui.getpacks.downloads import DownloadRow
from kit.ui.getpacks.empty import EmptyState
from kit.ui.getpacks.offers import OfferCard, sort_key
from kit.ui.getpacks.style import page_style
from kit.ui.getpacks.texts import language_name
from kit.ui.operations.getpacks import Listing, PackService
from kit.ui.widgets.style import script_scale


class GetPacksPage(DownloadsMixin, QWidget):
    """Needs an AppContext whose library was opened on the worker; call `shutdown()` at exit."""

    back_requested = Signal()
    loaded = Signal()  # a listing of offers is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("getPacksPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.set_text_scale(ctx.text_scale)
        self.service = PackService(ctx)
        self.listing: Listing | None = None
        self.cards: dict[str, OfferCard] = {}
        self.rows: dict[str, DownloadRow] = {}
        self.tasks: dict[str, Any] = {}  # running DownloadTasks by pack id
        self.jobs: dict[str, Any] = {}  # paused or failed PackJobs by pack id
        self.retired: list[Any] = []  # ended tasks, released on the GUI thread (see _finished)
        self.loading = 0  # listings asked for and not shown yet
        self.checking = 0  # of which online (the busy indicator shows)
        self._closed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addLayout(self._header())
        layout.addLayout(self._filters())
        self.notice = self._label("notice", _("Message"))
        self.source_warning = self._label("sourceWarning", _("Problems with sources"))
        layout.addWidget(self.notice)
        layout.addWidget(self.source_warning)
        layout.addWidget(self._body(), 1)
        self._shortcuts()
        ctx.changes.operation_did_execute.connect(self._changed)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self.reload(online=False, with_pending=True)  # at once, from the copies kept
        self.reload(online=True)

    def set_text_scale(self, scale: float) -> None:
        """Headings follow the text size setting like the rest of the app."""
        self.setStyleSheet(page_style(scale * script_scale()))

    # -- building -------------------------------------------------------------------------
    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        self.back_button = QPushButton(("→ " if rtl else "← ") + _("Back"))  # points back
        self.back_button.setAccessibleName(_("Back"))
        self.back_button.clicked.connect(self.back_requested.emit)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        title = QLabel(_("Get packs"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(_("Download packs from the web or from a folder such as a USB stick."))
        subtitle.setObjectName("subtitle")
        subtitle.setWordWrap(True)  # a narrow screen (1024x600) or large text
        titles.addWidget(title)
        titles.addWidget(subtitle)
        self.busy_label = QLabel(_("Checking sources…"))
        self.busy_label.setObjectName("muted")
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setFixedWidth(80)
        self.busy_bar.setFixedHeight(6)
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setAccessibleName(_("Checking sources"))
        self.sources_button = QPushButton(_("Sources…"))
        self.sources_button.setAccessibleName(_("Sources"))
        self.sources_button.clicked.connect(self.open_sources)
        self.refresh_button = QPushButton(_("Refresh"))
        self.refresh_button.setAccessibleName(_("Refresh the catalogs"))
        self.refresh_button.clicked.connect(lambda: self.reload(online=True))
        row.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addSpacing(8)
        row.addLayout(titles, 1)
        for w in (self.busy_label, self.busy_bar, self.sources_button, self.refresh_button):
            row.addWidget(w)
        return row

    def _filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Filter by title or description"))
        self.search.setAccessibleName(_("Filter packs"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_filter())
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language"))
        self.language.setMinimumWidth(180)
        self.language.addItem(_("All languages"), "")
        self.language.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.count = QLabel()
        self.count.setObjectName("muted")
        row.addWidget(self.search, 1)
        row.addWidget(self.language)
        row.addSpacing(8)
        row.addWidget(self.count)
        return row

    def _label(self, name: str, accessible: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(accessible)
        label.hide()
        return label

    def _body(self) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body = QWidget()
        body.setObjectName("scrollBody")
        col = QVBoxLayout(body)
        col.setContentsMargins(0, 0, 4, 0)
        col.setSpacing(8)
        self.downloads_title = QLabel(_("Downloads"))
        self.downloads_title.setObjectName("sectionTitle")
        self.downloads_box = QVBoxLayout()
        self.downloads_box.setSpacing(8)
        self.packs_title = QLabel(_("Packs"))
        self.packs_title.setObjectName("sectionTitle")
        self.cards_box = QVBoxLayout()
        self.cards_box.setSpacing(8)
        self.empty = EmptyState()
        self.empty.add_button.clicked.connect(self.open_sources)
        col.addWidget(self.downloads_title)
        col.addLayout(self.downloads_box)
        col.addWidget(self.packs_title)
        col.addLayout(self.cards_box)
        col.addWidget(self.empty)
        col.addStretch(1)
        scroll.setWidget(body)
        self._update_sections()
        return scroll

    def _shortcuts(self) -> None:
        for keys, action in (
            (QKeySequence.StandardKey.Find, self.search.setFocus),
            (QKeySequence.StandardKey.Refresh, lambda: self.reload(online=True)),
        ):
            QShortcut(QKeySequence(keys), self, action)
        # The platform's Back keys (Alt+Left…) but not Backspace, which some platforms add:
        # a learner pressing it outside a text field should not leave the page.
        backspace = QKeySequence(Qt.Key.Key_Backspace)
        for keys in QKeySequence.keyBindings(QKeySequence.StandardKey.Back):
            if keys != backspace:
                QShortcut(keys, self, self.back_requested.emit)

    # -- the listing ----------------------------------------------------------------------
    def reload(self, online: bool = False, with_pending: bool = False) -> None:
        """List the offers again: online fetches every catalog, else the copies kept."""
        if self._closed:
            return
        self.loading += 1
        self.checking += online
        self._show_busy()
        self.service.load(online, with_pending).success(
            lambda listing: self._loaded(listing, online)
        ).failure(lambda message: self._load_failed(message, online)).run(self)

    def _show_busy(self) -> None:
        for w in (self.busy_label, self.busy_bar):
            w.setVisible(self.checking > 0)
        self.refresh_button.setEnabled(self.checking == 0)

    def _done_loading(self, online: bool) -> None:
        self.loading -= 1
        self.checking -= online
        self._show_busy()

    def _loaded(self, listing: Listing, online: bool) -> None:
        self._done_loading(online)
        self.listing = listing
        if online:
            self.source_warning.setText("\n".join(listing.errors))
            self.source_warning.setVisible(bool(listing.errors))
        for pending in listing.pending:
            self._add_pending(pending)
        self._show_offers(listing.offers)
        self.loaded.emit()

    def _load_failed(self, message: str, online: bool) -> None:
        self._done_loading(online)
        self.say(message, error=True)

    def _show_offers(self, offers: list[Any]) -> None:
        for card in self.cards.values():
            card.deleteLater()
        self.cards = {}
        for offer in sorted(offers, key=sort_key):
            card = OfferCard(offer)
            card.download_requested.connect(self.download)
            card.set_busy(self._busy_text(offer.entry.id))
            self.cards[offer.entry.id] = card
            self.cards_box.addWidget(card)
        self._fill_languages(offers)
        self.apply_filter()

    def _fill_languages(self, offers: list[Any]) -> None:
        chosen = self.language.currentData() or ""
        codes = sorted({c for o in offers for c in o.entry.languages}, key=language_name)
        self.language.blockSignals(True)
        self.language.clear()
        self.language.addItem(_("All languages"), "")
        for code in codes:
            self.language.addItem(language_name(code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(chosen)))
        self.language.blockSignals(False)

    def apply_filter(self) -> None:
        text, lang = self.search.text(), self.language.currentData() or ""
        shown = 0
        for card in self.cards.values():
            visible = card.matches(text, lang)
            card.setVisible(visible)
            shown += visible
        self.count.setText(ngettext("{n} pack", "{n} packs", shown).format(n=shown))
        self._update_sections()

    def visible_offers(self) -> list[str]:
        return [pid for pid, card in self.cards.items() if not card.isHidden()]

    def _update_sections(self) -> None:
        shown = len(self.visible_offers())
        self.downloads_title.setVisible(bool(self.rows))
        self.packs_title.setVisible(shown > 0)
        if self.listing is None:
            self.empty.show_state("loading")
        elif not self.listing.reports:
            self.empty.show_state("no-sources")
        elif not self.cards:
            self.empty.show_state("no-packs")
        elif not shown:
            self.empty.show_state("no-match")
        else:
            self.empty.show_state("")

    def _changed(self, changes: OpChanges, _initiator: object) -> None:
        if changes.touches(Change.LIBRARY):  # installed here or elsewhere: statuses change
            self.reload(online=False)

    def say(self, text: str, error: bool = False) -> None:
        """One sentence above the list (an error in red)."""
        self.notice.setText(text)
        self.notice.setProperty("kind", "error" if error else "info")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.setVisible(bool(text))

    def open_sources(self) -> None:
        dialog = SourcesDialog(self.service, self)
        dialog.changed.connect(lambda: self.reload(online=True))
        dialog.open()
        self.sources_dialog = dialog
