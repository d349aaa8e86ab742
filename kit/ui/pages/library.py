"""The library: installed packs on the left, the chosen pack's modules on the right,
and a "Continue" card that opens the last unfinished item."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_percent
from kit.ui.context import AppContext
from kit.ui.operations import library as ops
from kit.ui.operations.library import LibraryView
from kit.ui.pages.pack_panel import PackPanel, card_frame
from kit.ui.pages.redraw import RedrawnOnChange
from kit.ui.widgets.elide import fit_lines
from kit.ui.widgets.enumkeys import ACCESSIBLE_TEXT_ROLE, USER_ROLE, elide_right, set_enum
from kit.ui.widgets.forms import button, label

SIDEBAR_WIDTH = 290
SIDEBAR_NARROWEST = 200
ROW_PADDING = 2 * 12 + 4 + 4  # the stylesheet's item padding, selection mark, a margin


def _separator() -> QFrame:
    line = QFrame()
    line.setFixedWidth(1)
    line.setStyleSheet("background: #dde1e6; border: none;")
    return line


class LibraryPage(RedrawnOnChange, QWidget):
    open_item = Signal(str, str)  # pack id, item id
    install_requested = Signal()  # "Install from file…"
    bundled_requested = Signal()  # "Install the packs that come with Training Kit"
    get_packs_requested = Signal()  # "Get packs…": the Get packs page
    content_ready = Signal()  # the loaded content has been painted (once per load)
    message = Signal(str, str)  # a sentence for the window's message bar, "info" | "error"

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.view: LibraryView | None = None
        self.panel: PackPanel | None = None
        self.selected_pack: str | None = None
        self._row_ids: list[str] = []  # the pack list's rows: ids, texts, accessible titles
        self._row_texts: list[str] = []
        self._row_titles: list[object] = []
        self._fitted_for: tuple[str, int] | None = None  # see _labeller
        self._fitted: dict[str, str] = {}
        self._painted_pending = False
        self.stack = QStackedWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.loading = label(_("Opening the library…"), "muted")
        set_enum(self.loading, "alignment", "AlignCenter")
        self.stack.addWidget(self.loading)
        self._empty: QWidget | None = None  # made when the library is first seen empty
        self.main = self._build_main()
        self.stack.addWidget(self.main)
        self.watch_changes()

    # -- building --------------------------------------------------------------
    @property
    def empty(self) -> QWidget:
        """What an empty library shows; made on first need (it looks for the bundled
        packs, which a start with packs installed does not need before it paints)."""
        if self._empty is None:
            self._empty = self._build_empty()
            self.stack.addWidget(self._empty)
        return self._empty

    def _build_empty(self) -> QWidget:
        view = QWidget()
        column = QVBoxLayout(view)
        column.addStretch(1)
        for text, role in ((_("Your library is empty"), "title"),
                           (_("Install the packs that come with Training Kit, get packs from "
                              "the web or a USB stick, or install a pack file."), "muted")):  # fmt: skip
            widget = label(text, role)
            set_enum(widget, "alignment", "AlignCenter")
            column.addWidget(widget)
        row = QHBoxLayout()
        row.addStretch(1)
        self.bundled_button = button(
            _("Install the included packs"), "primary", slot=self.bundled_requested.emit
        )
        if not ops.has_bundled_packs():  # setVisible(True) here would flash a parentless window
            self.bundled_button.hide()
        row.addWidget(self.bundled_button)
        self.empty_get_button = button(
            _("Get packs…"), "" if ops.has_bundled_packs() else "primary",
            slot=self.get_packs_requested.emit,
        )  # fmt: skip
        row.addWidget(self.empty_get_button)
        row.addWidget(button(_("Install from file…"), slot=self.install_requested.emit))
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(2)
        return view

    def _build_main(self) -> QWidget:
        view = QWidget()
        row = QHBoxLayout(view)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.side = side = QWidget()
        side.setObjectName("sidebar")
        side.setFixedWidth(SIDEBAR_WIDTH)
        side.setStyleSheet("QWidget#sidebar { border: none; }")  # the separator draws it
        side_column = QVBoxLayout(side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.setSpacing(0)
        self.side_heading = label(_("Your packs"), "heading")
        self.side_heading.setContentsMargins(14, 16, 14, 8)
        side_column.addWidget(self.side_heading)
        self.packs = QListWidget()
        self.packs.setObjectName("packs")
        set_enum(self.packs, "horizontalScrollBarPolicy", "ScrollBarAlwaysOff")
        set_enum(self.packs, "textElideMode", "ElideRight")  # fit_lines does the work
        self.packs.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.packs.setAccessibleName(_("Installed packs"))
        self.packs.setWordWrap(False)  # see kit.ui.widgets.elide
        self.packs.currentItemChanged.connect(self._pack_chosen)
        side_column.addWidget(self.packs, 1)
        self.get_more_button = button(
            _("Get more packs…"), slot=self.get_packs_requested.emit,
            accessible=_("Get more packs from the web or a USB stick"),
        )  # fmt: skip
        self.get_more_button.setToolTip(_("Download packs from the web or a USB stick (Ctrl+G)"))
        foot = QVBoxLayout()
        foot.setContentsMargins(14, 10, 14, 14)
        foot.addWidget(self.get_more_button)
        side_column.addLayout(foot)
        row.addWidget(side)
        row.addWidget(_separator())  # on the inner side in either direction (unlike a border)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        row.addWidget(self.scroll, 1)
        return view

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_sidebar()

    def _fit_sidebar(self) -> None:
        """The pack list gives way (down to SIDEBAR_NARROWEST) before the modules would
        need a sideways scroll bar: a small screen or large text."""
        content = self.scroll.widget()
        if not self.isVisible():
            return  # sized at the next resize, once the page has its real width
        need = content.minimumSizeHint().width() if content is not None else 0
        need += self.scroll.verticalScrollBar().sizeHint().width() + 2 * self.scroll.frameWidth()
        room = self.width() - need - 1  # the separator
        width = max(SIDEBAR_NARROWEST, min(SIDEBAR_WIDTH, room))
        if width != self.side.width():
            self.side.setFixedWidth(width)
            self._relabel()

    def _row_width(self) -> int:
        """The text width of a pack row: the sidebar less the row's padding and mark."""
        bar = self.packs.verticalScrollBar()
        scroll = bar.sizeHint().width() if bar.isVisible() else 0
        return self.side.width() - ROW_PADDING - scroll - 2 * self.packs.frameWidth()

    def _relabel(self) -> None:
        if self.view is None:
            return
        views = {p.id: p for p in self.view.packs}
        label = self._labeller()
        for row in range(self.packs.count()):
            item = self.packs.item(row)
            pack_view = views.get(item.data(USER_ROLE))
            if pack_view is not None:
                item.setText(label(pack_view))
                if row < len(self._row_texts):
                    self._row_texts[row] = item.text()

    # -- loading ----------------------------------------------------------------
    def reload(self) -> None:
        self.dirty = False
        if self.view is None:
            self.stack.setCurrentWidget(self.loading)
        ops.load_library(self.ctx, self.selected_pack).success(self.show_view).failure(
            self._failed
        ).run(self)

    def _failed(self, message: str) -> None:
        self.loading.setText(message)
        self.stack.setCurrentWidget(self.loading)

    def show_first(self, view: LibraryView) -> None:
        """Show `view`, read on the worker just now (with the core, at start), instead of
        reading it again when the page is first shown."""
        self.dirty = False
        self.show_view(view)

    def show_view(self, view: LibraryView) -> None:
        self.view = view
        if not view.packs:
            self.stack.setCurrentWidget(self.empty)
        else:
            self._fill(view)
            self.stack.setCurrentWidget(self.main)
        self._painted_pending = True
        self.update()
        QTimer.singleShot(0, self, self._check_painted)

    def _fill(self, view: LibraryView) -> None:
        ids = [p.id for p in view.packs]
        keep = self.selected_pack if self.selected_pack in ids else None
        if keep is None and view.continue_to is not None:
            keep = view.continue_to.pack_id
        self.packs.blockSignals(True)
        label = self._labeller()
        if self._row_ids == ids and self.packs.count() == len(ids):
            # The same packs (a reload after progress or a language change): only the
            # rows whose text changed are set, so the list is not laid out again; what
            # each row shows is kept here, not read back from the list.
            for n, pack_view in enumerate(view.packs):
                text, title = label(pack_view), pack_view.pack.get("title")
                if self._row_texts[n] != text:
                    self.packs.item(n).setText(text)
                    self._row_texts[n] = text
                if self._row_titles[n] != title:
                    self.packs.item(n).setData(ACCESSIBLE_TEXT_ROLE, title)
                    self._row_titles[n] = title
        else:
            self.packs.clear()
            self._row_ids = ids
            self._row_texts = [label(pack_view) for pack_view in view.packs]
            self._row_titles = [pack_view.pack.get("title") for pack_view in view.packs]
            for pack_view, text, title in zip(
                view.packs, self._row_texts, self._row_titles, strict=True
            ):
                item = QListWidgetItem(text)
                item.setData(USER_ROLE, pack_view.id)
                item.setData(ACCESSIBLE_TEXT_ROLE, title)
                self.packs.addItem(item)
        index = ids.index(keep) if keep in ids else 0
        if self.packs.currentRow() != index:
            self.packs.setCurrentRow(index)  # signals still blocked: the panel is built once
        self.packs.blockSignals(False)
        self._pack_chosen(self.packs.currentItem())

    def _labeller(self) -> Callable[[ops.PackView], str]:
        """A pack row's label: its title on up to two lines (elided), then the learner's
        progress; the metrics, width and progress lines worked out once for all rows
        (most packs of a big library share "0% done")."""
        metrics, width = self.packs.fontMetrics(), self._row_width()
        signed_in = bool(self.ctx.profile_id)
        done_lines: dict[int, str] = {}
        fitted = (self.packs.font().key(), width)
        if self._fitted_for != fitted:  # the titles' lines, kept while font and width hold
            self._fitted_for, self._fitted = fitted, {}
        titles = self._fitted

        def pack_label(pack_view: ops.PackView) -> str:
            text = str(pack_view.pack.get("title") or pack_view.id)
            title = titles.get(text)
            if title is None:
                title = titles[text] = "\n".join(fit_lines(text, metrics, width))
            if not signed_in:
                return title
            percent = round(100 * pack_view.fraction())
            if percent not in done_lines:
                done = _("{percent} done").format(percent=format_percent(percent / 100))
                done_lines[percent] = elide_right(metrics, done, width)
            return f"{title}\n{done_lines[percent]}"

        return pack_label

    def _pack_chosen(self, item: QListWidgetItem | None) -> None:
        if item is None or self.view is None:
            return
        pack_id = item.data(USER_ROLE)
        self.selected_pack = pack_id
        pack_view = next(p for p in self.view.packs if p.id == pack_id)
        if pack_view.loaded:
            self._show_pack(pack_view)
        else:  # a summary until chosen: read it in full on the worker, then show it
            view = self.view
            ops.load_pack(self.ctx, pack_id).success(
                lambda loaded: self._pack_loaded(view, loaded)
            ).failure(lambda text: self.message.emit(text, "error")).run(self)

    def _pack_loaded(self, view: LibraryView, loaded: ops.PackView | None) -> None:
        if loaded is None or view is not self.view:
            return  # removed meanwhile, or the page has reloaded since
        index = next((n for n, p in enumerate(view.packs) if p.id == loaded.id), None)
        if index is None:
            return
        view.packs[index] = loaded
        if self.selected_pack == loaded.id:
            self._show_pack(loaded)

    def _show_pack(self, pack_view: ops.PackView) -> None:
        content = QWidget()
        content.setObjectName("page")
        column = QVBoxLayout(content)
        column.setContentsMargins(28, 24, 28, 24)
        column.setSpacing(16)
        if self.view.continue_to is not None:
            column.addWidget(self._continue_card(self.view.continue_to))
        self.panel = PackPanel(pack_view)
        self.panel.open_item.connect(self.open_item)
        self.panel.details_requested.connect(self.show_details)
        column.addWidget(self.panel)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(content)
        self._fit_sidebar()

    def _continue_card(self, target: ops.ContinueTarget) -> QWidget:
        frame, layout = card_frame("continue")
        row = QHBoxLayout()
        text = QVBoxLayout()
        heading = _("Continue where you stopped") if target.started else _("Start here")
        text.addWidget(label(heading, "muted"))
        text.addWidget(label(target.item_title, "heading"))
        text.addWidget(label(f"{target.module_title} · {target.pack_title}", "muted"))
        row.addLayout(text, 1)
        self.continue_button = button(
            _("Continue") if target.started else _("Start"), "primary",
            accessible=_("Continue with {item}").format(item=target.item_title),
            slot=lambda: self.open_item.emit(target.pack_id, target.item_id),
        )  # fmt: skip
        self.continue_button.setMinimumWidth(130)
        row.addWidget(self.continue_button)  # a button keeps its height: centred in the row
        layout.addLayout(row)
        return frame

    def show_details(self, pack_id: str) -> None:
        from kit.ui.dialogs.pack_details import PackDetailsDialog

        if self.view is None:
            return
        pack_view = next((p for p in self.view.packs if p.id == pack_id), None)
        if pack_view is not None:
            self.details = PackDetailsDialog(pack_view.pack, self)
            self.details.remove_confirmed.connect(self.remove_pack)
            self.details.open()

    def remove_pack(self, pack_id: str) -> None:
        """Remove a pack on the worker; learners' records stay (the core never touches them)."""
        dialog = self.details
        title = next((str(p.pack.get("title") or p.id) for p in (self.view.packs if self.view
                      else []) if p.id == pack_id), pack_id)  # fmt: skip

        def removed(_pack_id: str) -> None:
            dialog.accept()
            self.message.emit(
                _("{pack} was removed; learners keep their progress.").format(pack=title), "info"
            )

        ops.remove_pack(self.ctx, pack_id).success(removed).failure(dialog.removal_failed).run(self)

    def select_pack(self, pack_id: str) -> None:
        for row in range(self.packs.count()):
            if self.packs.item(row).data(USER_ROLE) == pack_id:
                self.packs.setCurrentRow(row)
                return

    # -- "really painted" ---------------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._painted_pending:
            QTimer.singleShot(0, self, self._check_painted)

    def _check_painted(self) -> None:
        if self._painted_pending and self.isVisible() and self.window().isVisible():
            self._painted_pending = False
            self.content_ready.emit()
