"""Search results over the whole library, with snippets; a result opens the item.

The page has its own search field: results follow what is typed (after a short pause,
searched on the worker, stale answers dropped). The count is every matching item; the
list shows the best PAGE_SIZE of them, one compact row each (identical copies of a
lesson in several packs are one row). The page is kept while an item is open, so going
back shows the same query at the same place in the list.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import search as ops
from kit.ui.operations.search import SearchResults
from kit.ui.widgets.forms import label
from kit.ui.widgets.plain import plain_label, rich_label
from kit.ui.widgets.text import item_type_name

TYPING_PAUSE_MS = 250  # search once the learner stops typing this long
STYLE = """
#resultTitle { font-weight: 600; color: #1d2430; }
#resultWhere { color: #5d6877; }
#resultSnippet { color: #3c4654; }
QListWidget#results { background: #ffffff; outline: none; }
QListWidget#results::item { border-bottom: 1px solid #eef0f3; }
QListWidget#results::item:selected { background: #e8f0fb; border-left: 4px solid #2363b8; }
"""


def count_text(results: SearchResults) -> str:
    n, shown = results.total, len(results.rows)
    if not shown:
        return _("Nothing found. Try fewer or shorter words.")
    if results.exact:
        text = ngettext("{n} item found", "{n} items found", n).format(n=format_number(n))
    else:
        text = ngettext("More than {n} item found", "More than {n} items found", n).format(
            n=format_number(n)
        )
    listed = shown + sum(len(r.get("copies") or []) for r in results.rows)
    if n > listed or not results.exact:  # more match than are listed
        text += " · " + _("showing the first {shown}").format(shown=format_number(shown))
    return text


def where_text(result: dict) -> str:
    parts = [item_type_name(str(result.get("type", ""))), str(result.get("pack_title", ""))]
    copies = len(result.get("copies") or [])
    if copies:
        parts.append(
            ngettext("also in {n} other place", "also in {n} other places", copies).format(
                n=format_number(copies)
            )
        )
    return " · ".join(p for p in parts if p)


class ResultRow(QWidget):
    """One result in two lines: the title with where it is, then the snippet."""

    def __init__(self, result: dict) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        title = str(result.get("title") or result["item_id"])
        self.title = plain_label(title, "resultTitle")
        self.where = plain_label(where_text(result), "resultWhere")
        snippet = result.get("snippet_html") or html.escape(str(result.get("snippet", "")))
        self.snippet = rich_label(snippet, "resultSnippet")  # escaped; matches in <b>
        self.snippet.setWordWrap(False)
        for part in (self.title, self.where, self.snippet):
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.title, 3)
        top.addWidget(self.where, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.setSpacing(1)
        layout.addLayout(top)
        layout.addWidget(self.snippet)


class SearchPage(QWidget):
    open_item = Signal(str, str)  # pack id, item id
    results_shown = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setStyleSheet(STYLE)
        self.ctx = ctx
        self.query = ""
        self.results: list[dict] = []
        self.total = 0
        self._asked = ""  # the query whose answer is awaited (older answers are dropped)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 16)
        layout.setSpacing(8)
        self.heading = label(_("Search"), "title")
        layout.addWidget(self.heading)
        self.field = QLineEdit()
        self.field.setPlaceholderText(_("Search lessons…"))
        self.field.setAccessibleName(_("Search the library"))
        self.field.setClearButtonEnabled(True)
        self.field.textEdited.connect(self._typed)
        self.field.returnPressed.connect(lambda: self.search(self.field.text()))
        layout.addWidget(self.field)
        self.count = label("", "muted")
        layout.addWidget(self.count)
        self.list = QListWidget()
        self.list.setObjectName("results")
        self.list.setAccessibleName(_("Search results"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPING_PAUSE_MS)
        self.typing.timeout.connect(lambda: self.search(self.field.text()))

    def _typed(self, _text: str) -> None:
        self.typing.start()  # restarted by each key: one search when typing pauses

    def type_query(self, text: str) -> None:
        """Typing elsewhere (the toolbar's field): search once the typing pauses."""
        if self.field.text() != text:
            self.field.setText(text)
        self.typing.start()

    def search(self, query: str) -> None:
        """Search for `query` now (the toolbar's Enter, the field's Enter, a pause)."""
        self.typing.stop()
        query = query.strip()
        if self.field.text().strip() != query:
            self.field.setText(query)
        self.query = self._asked = query
        self.heading.setText(
            _("Results for “{query}”").format(query=query) if query else _("Search")
        )
        if not query:
            self.show_results(SearchResults(""))
            return
        self.count.setText(_("Searching…"))
        ops.search(self.ctx, query).success(self._answered).failure(self._failed).run(self)

    def _answered(self, results: SearchResults) -> None:
        if results.query == self._asked:
            self.show_results(results)

    def _failed(self, message: str) -> None:
        self.count.setText(message)
        self.results_shown.emit()

    def show_results(self, results: SearchResults) -> None:
        self.results = list(results.rows)
        self.total = results.total
        self.list.clear()
        self.count.setText(count_text(results) if results.query else "")
        for result in self.results:
            self._add_row(result)
        if self.results:
            self.list.setCurrentRow(0)
        self.results_shown.emit()

    def _add_row(self, result: dict) -> None:
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, (result["pack_id"], result["item_id"]))
        row = ResultRow(result)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{row.title.text()}, {row.where.text()}")
        item.setSizeHint(QSize(200, row.sizeHint().height()))
        self.list.addItem(item)
        self.list.setItemWidget(item, row)

    def row_widget(self, index: int) -> ResultRow:
        return self.list.itemWidget(self.list.item(index))  # type: ignore[return-value]

    def _activated(self, item: QListWidgetItem) -> None:
        pack_id, item_id = item.data(Qt.ItemDataRole.UserRole)
        self.open_item.emit(pack_id, item_id)

    def focus_target(self) -> QWidget:
        return self.list if self.results else self.field
