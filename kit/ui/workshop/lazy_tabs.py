"""Tabs whose pages are built the first time they are needed (issue 18: opening workshop
mode built all nine pages, and each started its own reads on the worker, before the Plan
tab could show the chosen workshop).

Each tab holds a slot widget at once, so tab order, Ctrl+Tab and the tab titles are as
before; the page is made inside its slot when the tab is first shown or when code asks
for it (`widget`, `page`). `widget(index)` and `indexOf(page)` speak of the pages, as a
plain QTabWidget would.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class _Slot(QWidget):
    def __init__(self, make: Callable[[], QWidget]) -> None:
        super().__init__()
        self.make: Callable[[], QWidget] | None = make
        self.page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)


class LazyTabs(QTabWidget):
    page_built = Signal(int, QWidget)  # tab index, its page, once

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._build_current)

    def add_lazy(self, make: Callable[[], QWidget], title: str) -> int:
        """A tab whose page `make()` returns, built when the tab is first needed."""
        return self.addTab(_Slot(make), title)

    def is_built(self, index: int) -> bool:
        slot = super().widget(index)
        return not isinstance(slot, _Slot) or slot.page is not None

    def page(self, index: int) -> QWidget | None:
        """The page of tab `index`, built now if it was not yet."""
        slot = super().widget(index)
        if not isinstance(slot, _Slot):
            return slot
        if slot.page is None and slot.make is not None:
            make, slot.make = slot.make, None
            page = make()
            slot.page = page
            slot.layout().addWidget(page)
            page.show()  # now, not on a later turn of the event loop: no blank frame
            slot.setFocusProxy(page)
            self.page_built.emit(index, page)
        return slot.page

    def built_pages(self) -> list[QWidget]:
        out = []
        for index in range(self.count()):
            if self.is_built(index):
                page = self.page(index)
                if page is not None:
                    out.append(page)
        return out

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        return self.page(index)

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.page(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:  # type: ignore[override]
        for index in range(self.count()):
            slot = super().widget(index)
            if slot is page or (isinstance(slot, _Slot) and slot.page is page):
                return index
        return -1

    def setCurrentWidget(self, page: QWidget) -> None:  # type: ignore[override]
        index = self.indexOf(page)
        if index >= 0:
            self.setCurrentIndex(index)

    def _build_current(self, index: int) -> None:
        if index >= 0:
            self.page(index)
