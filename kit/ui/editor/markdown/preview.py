"""The preview beside the Markdown editor: the reader's own views showing the unsaved text.

The ItemPreview comes from kit.ui.operations.editor_preview (the pack format's reader and
the reader's renderer); it is shown by the same LessonView, ActivityView and SlidesView a
learner reads in, so fonts, boxes, solutions and pictures look exactly the same.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from kit.core.itemtypes import ACTIVITY, LESSON, SLIDES
from kit.core.render import REVEAL_SCHEME
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.editor_preview import ItemPreview
from kit.ui.operations.reader import ItemView
from kit.ui.reader.activity import ActivityView
from kit.ui.reader.browser import EXTERNAL_SCHEMES, ContentBrowser
from kit.ui.reader.chrome import reader_style
from kit.ui.reader.lesson import LessonView
from kit.ui.reader.slides import SlidesView
from kit.ui.widgets.plain import plain_label

# An item's keys the page does not show as they are: the facilitator notes, and the list
# of slides (with their notes), whose texts are compared as HTML.
NOT_ON_THE_PAGE = frozenset({"notes", "slides"})


def learner_facts(item: dict[str, Any]) -> dict[str, Any]:
    """What the page shows of an item beside its texts (facilitator notes are never shown;
    the slides' texts are compared as HTML)."""
    return {key: value for key, value in item.items() if key not in NOT_ON_THE_PAGE}


def same_view(old: ItemView | None, new: ItemView) -> bool:
    """The two renderings look the same (showing the new one again would only cost time)."""
    if old is None:
        return False
    return (
        old.body_html == new.body_html
        and old.slides_html == new.slides_html
        and old.lang == new.lang
        and learner_facts(old.item) == learner_facts(new.item)
        and {k: v.cacheKey() for k, v in old.media.items()}
        == {k: v.cacheKey() for k, v in new.media.items()}
    )


class PreviewPane(QStackedWidget):
    """Shows the latest preview; a slide deck shows the slide the cursor is in.

    Links open nothing here: `item_clicked(item id)` for a link to an item of the pack,
    `external_clicked(address)` for a web or mail link (nothing leaves the computer)."""

    item_clicked = Signal(str)
    external_clicked = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Preview for learners"))
        self.message = plain_label(wrap=True, name="previewMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(24)
        self.views: dict[str, LessonView | SlidesView] = {
            LESSON: LessonView(ctx, self),
            ACTIVITY: ActivityView(ctx, self),
            SLIDES: SlidesView(ctx, self),
        }
        self.addWidget(self.message)
        for view in self.views.values():
            self.addWidget(view)
            view.browser.anchorClicked.disconnect()  # the reader's handling: not here
            view.browser.anchorClicked.connect(lambda url, view=view: self._on_anchor(view, url))
        self.preview: ItemPreview | None = None
        self._kind = ""
        self.set_text_scale(getattr(ctx, "text_scale", 1.0) or 1.0)
        self.show_problem(_("The preview appears here."))

    def set_text_scale(self, scale: float) -> None:
        """The learner's text size, as the reader applies it."""
        self.setStyleSheet(reader_style(scale))
        for view in self.views.values():
            view.set_scale(scale)

    @property
    def browser(self) -> ContentBrowser:
        """The browser on screen (the message panel shows none: the lesson's then)."""
        current = self.currentWidget()
        view = current if isinstance(current, (LessonView, SlidesView)) else self.views[LESSON]
        return view.browser

    def show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def show_preview(self, preview: ItemPreview, line: int) -> None:
        if preview.view is None:
            self.show_problem(preview.problem)
            return
        kind = preview.view.kind
        view = self.views.get(kind)
        if view is None:
            self.show_problem(_("This kind of item has no preview here."))
            return
        same = self._kind == kind and self.currentWidget() is view
        if same and self.preview is not None and same_view(self.preview.view, preview.view):
            self.preview = preview  # the slides may start on other lines: nothing to redraw
            if isinstance(view, SlidesView):
                self.follow_line(line)
            return
        position = view.browser.verticalScrollBar().value()
        self.preview, self._kind = preview, kind
        view.show_view(preview.view)
        if isinstance(view, SlidesView):
            view.show_slide(self.slide_at(line))
        elif same:
            view.browser.verticalScrollBar().setValue(position)  # typing keeps the place
        self.setCurrentWidget(view)

    def slide_at(self, line: int) -> int:
        """The slide (0-based) that holds a 1-based line of the file."""
        starts = self.preview.slide_lines if self.preview is not None else ()
        return max(0, bisect.bisect_right(list(starts), line) - 1)

    def follow_line(self, line: int) -> None:
        """The cursor moved: a slide deck turns to the slide it is in."""
        view = self.views[SLIDES]
        if self.currentWidget() is view and isinstance(view, SlidesView):
            index = self.slide_at(line)
            if index != view.index:
                view.show_slide(index)

    def _on_anchor(self, view: LessonView | SlidesView, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == "item":
            target = url.path() or url.toString()[len("item:") :].split("#")[0]
            self.item_clicked.emit(target)
        elif scheme == REVEAL_SCHEME:
            number = url.path()
            if number.isdigit() and isinstance(view, LessonView):
                view.reveal(int(number))
        elif scheme in EXTERNAL_SCHEMES:
            self.external_clicked.emit(url.toString())
        elif not scheme and url.fragment():
            view.browser.scrollToAnchor(url.fragment())
