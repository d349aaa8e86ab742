"""Slide decks: one slide at a time, a counter, and Previous/Next slide.

PageDown/PageUp (what presentation clickers send), the arrow keys and Space move
between slides while the deck has focus. `reached_end` fires when the last slide is
shown: the deck counts as done then.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kit.i18n import _, format_number
from kit.ui.context import AppContext
from kit.ui.operations.reader import ItemView
from kit.ui.reader.browser import ContentBrowser
from kit.ui.widgets.plain import plain_label

SLIDE_SCALE = 1.35


class SlidesView(QWidget):
    item_link = Signal(str, str)
    file_requested = Signal(str)  # a link to a data file of the pack ('media/...')
    reached_end = Signal()
    past_end = Signal()  # Next pressed on the last slide
    before_start = Signal()  # Previous pressed on the first slide

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ItemView | None = None
        self.index = 0
        self.browser = ContentBrowser(self, point_size=11.5 * SLIDE_SCALE)
        self.browser.setAccessibleName(_("Slide"))
        self.browser.item_link.connect(self.item_link)
        self.browser.file_requested.connect(self.file_requested)
        self.previous_button = QPushButton(_("◀ Previous slide"))
        self.previous_button.setAccessibleName(_("Previous slide"))
        self.next_button = QPushButton(_("Next slide ▶"))
        self.next_button.setAccessibleName(_("Next slide"))
        self.counter = plain_label(name="slideCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.counter.setAccessibleName(_("Slide number"))
        self.previous_button.clicked.connect(self.previous_slide)
        self.next_button.clicked.connect(self.next_slide)
        bar = QHBoxLayout()
        bar.setContentsMargins(24, 6, 24, 6)
        bar.addWidget(self.previous_button)
        bar.addStretch(1)
        bar.addWidget(self.counter)
        bar.addStretch(1)
        bar.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.browser, 1)
        layout.addLayout(bar)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            (Qt.Key.Key_PageDown, self.next_slide),
            (Qt.Key.Key_Right, self.next_slide),
            (Qt.Key.Key_Space, self.next_slide),
            (Qt.Key.Key_PageUp, self.previous_slide),
            (Qt.Key.Key_Left, self.previous_slide),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    @property
    def count(self) -> int:
        return len(self.view.slides_html) if self.view else 0

    def show_view(self, view: ItemView) -> None:
        self.view = view
        self.browser.set_media(view.media)
        self.show_slide(0)

    def show_slide(self, index: int) -> None:
        if self.view is None or not self.count:
            return
        self.index = max(0, min(index, self.count - 1))
        self.browser.show_html(self.view.slides_html[self.index], rtl=self.view.rtl)
        text = _("Slide {n} of {total}").format(
            n=format_number(self.index + 1), total=format_number(self.count)
        )
        self.counter.setText(text)
        self.counter.setAccessibleDescription(text)
        self.previous_button.setEnabled(self.index > 0)
        last = self.index == self.count - 1
        self.next_button.setText(_("Last slide") if last else _("Next slide ▶"))
        self.next_button.setEnabled(not last)
        if last:
            self.reached_end.emit()

    def next_slide(self) -> None:
        if self.index < self.count - 1:
            self.show_slide(self.index + 1)
        else:
            self.past_end.emit()

    def previous_slide(self) -> None:
        if self.index > 0:
            self.show_slide(self.index - 1)
        else:
            self.before_start.emit()

    def set_scale(self, scale: float) -> None:
        self.browser.set_scale(scale)

    def focus_target(self) -> QWidget:
        return self.browser
