"""Search results over the whole library, with snippets; a result opens the item."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from kit.i18n import _, format_number, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import library as ops
from kit.ui.widgets.forms import label
from kit.ui.widgets.text import item_type_name


class SearchPage(QWidget):
    open_item = Signal(str, str)  # pack id, item id
    results_shown = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.query = ""
        self.results: list[dict] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        layout.setSpacing(10)
        self.heading = label("", "title")
        layout.addWidget(self.heading)
        self.count = label("", "muted")
        layout.addWidget(self.count)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Search results"))
        self.list.setSpacing(4)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.list, 1)

    def search(self, query: str) -> None:
        self.query = query.strip()
        self.heading.setText(_("Results for “{query}”").format(query=self.query))
        self.count.setText(_("Searching…"))
        self.list.clear()
        if not self.query:
            self.show_results([])
            return
        ops.search(self.ctx, self.query, self.show_results, self._failed)

    def _failed(self, message: str) -> None:
        self.count.setText(message)
        self.results_shown.emit()

    def show_results(self, results: list[dict]) -> None:
        self.results = list(results)
        self.list.clear()
        n = len(self.results)
        self.count.setText(
            ngettext("{n} item found", "{n} items found", n).format(n=format_number(n))
            if n
            else _("Nothing found. Try fewer or shorter words.")
        )
        for result in self.results:
            self._add_row(result)
        if n:
            self.list.setCurrentRow(0)
        self.results_shown.emit()

    def _add_row(self, result: dict) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, (result["pack_id"], result["item_id"]))
        title = str(result.get("title") or result["item_id"])
        where = " · ".join(
            p
            for p in (
                item_type_name(str(result.get("type", ""))),
                str(result.get("pack_title", "")),
            )
            if p
        )
        snippet = result.get("snippet_html") or html.escape(str(result.get("snippet", "")))
        widget = QLabel(
            f"<div style='font-size:large; font-weight:600'>{html.escape(title)}</div>"
            f"<div style='color:#5d6877'>{html.escape(where)}</div>"
            f"<div>{snippet}</div>"
        )
        widget.setTextFormat(Qt.TextFormat.RichText)
        widget.setWordWrap(True)
        widget.setContentsMargins(10, 8, 10, 8)
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {where}")
        item.setSizeHint(QSize(200, widget.sizeHint().height() + 12))
        self.list.addItem(item)
        self.list.setItemWidget(item, widget)

    def _activated(self, item: QListWidgetItem) -> None:
        pack_id, item_id = item.data(Qt.ItemDataRole.UserRole)
        self.open_item.emit(pack_id, item_id)
