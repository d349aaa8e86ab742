"""Lessons: the item's text in a ContentBrowser, with solutions revealed on demand."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kit.core.render import render_markdown
from kit.ui.context import AppContext
from kit.ui.operations.reader import ItemView, labels
from kit.ui.reader.browser import ContentBrowser


class LessonView(QWidget):
    """One lesson. `item_link` carries internal links up to the page."""

    item_link = Signal(str, str)
    file_requested = Signal(str)  # a link to a data file of the pack ('media/...')

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ItemView | None = None
        self.revealed: set[int] = set()
        self.browser = ContentBrowser(self)
        self.browser.item_link.connect(self.item_link)
        self.browser.file_requested.connect(self.file_requested)
        self.browser.reveal_requested.connect(self.reveal)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)

    def show_view(self, view: ItemView) -> None:
        self.view = view
        self.revealed = set()
        self.browser.set_media(view.media)
        self.browser.show_html(self.page_html(view, view.body_html), rtl=view.rtl)
        self.browser.verticalScrollBar().setValue(0)

    def page_html(self, view: ItemView, body_html: str) -> str:
        """The whole document for the item (activities add their facts on top)."""
        return body_html

    def reveal(self, number: int) -> None:
        if self.view is None:
            return
        self.revealed.add(number)
        body = render_markdown(
            str(self.view.item.get("body") or ""),
            lang=self.view.lang,
            revealed=self.revealed,
            labels=labels(),
        )
        self.browser.show_html(self.page_html(self.view, body), rtl=self.view.rtl, keep_scroll=True)

    def set_scale(self, scale: float) -> None:
        self.browser.set_scale(scale)

    def focus_target(self) -> QWidget:
        return self.browser
