"""The text view of lessons, slides and activities.

A QTextBrowser that can show nothing but what it was handed: images come only from the
media map prepared from the local media store (`set_media`), and `loadResource` never
asks Qt for anything else, so no file outside the store and nothing on the network is
ever read, by construction. Links are handled here: ``item:ID`` moves inside the pack,
``kit-reveal:N`` reveals a solution, ``#name`` scrolls, and web or mail links open the
system browser only after the learner agrees.
"""

from __future__ import annotations

import base64
import re
import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QImage, QTextDocument, QTextOption
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

from kit.core.render import REVEAL_SCHEME
from kit.core.render_math import SVG_PREFIX
from kit.i18n import _
from kit.ui.widgets.plain import plain_message

EXTERNAL_SCHEMES = ("http", "https", "mailto")
BASE_POINT_SIZE = 11.5
COLUMN_WIDTH = 860  # pixels of text per line at most: long lines are hard to read
MARGIN = 24
_IMAGE_PARAGRAPH = re.compile(r"<p>(\s*(?:<a [^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?\s*)</p>")
DOCUMENT_CSS = """
h1 { font-size: x-large; font-weight: 600; margin-top: 4px; margin-bottom: 10px; }
h2 { font-size: large; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }
h3 { font-size: medium; font-weight: 600; margin-top: 14px; margin-bottom: 4px; }
p, li { line-height: 140%; }
p { margin-bottom: 8px; }
a { color: #1a5fb4; text-decoration: underline; }
code { font-family: "DejaVu Sans Mono", monospace; background-color: #f1f3f5; }
pre { font-family: "DejaVu Sans Mono", monospace; background-color: #f1f3f5; padding: 8px; }
blockquote { color: #444444; margin-left: 16px; }
th { background-color: #eef1f4; font-weight: 600; }
"""


def confirm_external(parent: QWidget | None, url: QUrl) -> bool:
    """Ask before leaving the app for the system browser (tests replace this)."""
    target = url.toString()
    if url.scheme() == "mailto":
        text = _("Write an e-mail to {address} with your e-mail program?").format(
            address=url.path()
        )
    else:
        text = _(
            "This link leads to a web page outside Training Kit:\n\n{url}\n\n"
            "It needs an internet connection. Open it in your web browser?"
        ).format(url=target)
    box = plain_message(
        parent,
        QMessageBox.Icon.Question,
        _("Open a link outside the app?"),
        text,
        QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return box.exec() == QMessageBox.StandardButton.Open


class ContentBrowser(QTextBrowser):
    """Shows sanitized item HTML; emits what the learner asked for through links."""

    item_link = Signal(str, str)  # item id, fragment
    reveal_requested = Signal(int)  # solution number
    external_opened = Signal(QUrl)  # after the learner agreed and it was handed over
    # A link to a file of the pack that is not an image (lesson data, a handout): the
    # page looks it up in the media store and offers to save it (save_pack_file).
    file_requested = Signal(str)  # its path in the pack, 'media/...'

    def __init__(self, parent: QWidget | None = None, *, point_size: float = BASE_POINT_SIZE):
        super().__init__(parent)
        self._media: dict[str, QImage] = {}
        self._scaled: dict[tuple[str, int], QImage] = {}
        self._formulas: dict[str, QImage] = {}
        self.loaded_resources: list[str] = []  # names served from the media map
        self.refused_resources: list[str] = []  # names asked for and not served
        self._point_size = point_size
        self._scale = 1.0
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(MARGIN)
        self.document().setDefaultStyleSheet(DOCUMENT_CSS)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setAccessibleName(_("Item text"))
        self.anchorClicked.connect(self._on_anchor)
        self._apply_font()

    # -- content -------------------------------------------------------------
    def set_media(self, media: dict[str, QImage]) -> None:
        self._media = dict(media)
        self._scaled.clear()

    def show_html(self, html_text: str, *, rtl: bool = False, keep_scroll: bool = False) -> None:
        position = self.verticalScrollBar().value()
        self.set_direction(rtl)
        # A picture alone in its paragraph must not get the text's 140% line height.
        self.setHtml(_IMAGE_PARAGRAPH.sub(r'<p style="line-height: 100%">\1</p>', html_text))
        self._fit_column()
        if keep_scroll:
            self.verticalScrollBar().setValue(position)

    def set_direction(self, rtl: bool) -> None:
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        alignment = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        current = self.document().defaultTextOption()
        # Setting the option lays the document out again: only when it changes.
        if current.textDirection() != direction or current.alignment() != alignment:
            option = QTextOption(current)
            option.setTextDirection(direction)
            option.setAlignment(alignment)
            self.document().setDefaultTextOption(option)
        if self.layoutDirection() != direction:
            self.setLayoutDirection(direction)

    def loadResource(self, kind: int, url: QUrl):
        """Images from the media map only; never Qt's own loader, never the network."""
        name = url.toString()
        if kind == QTextDocument.ResourceType.ImageResource.value or kind == (
            QTextDocument.ResourceType.ImageResource
        ):
            if name.startswith(SVG_PREFIX):
                return self._formula(name)
            image = self._media.get(name) or self._media.get(
                QUrl.fromPercentEncoding(name.encode("utf-8"))
            )
            if image is not None:
                self.loaded_resources.append(name)
                return self._fitted(name, image)
        self.refused_resources.append(name)
        # An empty image, never None: PySide6 mishandles the reference count of None
        # returned from this override, which crashes the interpreter after many calls.
        return QImage()

    def _formula(self, name: str) -> QImage:
        """A formula the renderer drew (render_math): an SVG picture in the address
        itself, never a file and never the network."""
        image = self._formulas.get(name)
        if image is None:
            try:
                data = base64.b64decode(name[len(SVG_PREFIX) :], validate=True)
            except ValueError:
                data = b""
            image = QImage.fromData(data, "SVG")
            self._formulas[name] = image
        self.loaded_resources.append("formula")
        return image

    def _side_margin(self) -> int:
        return max(MARGIN, (self.viewport().width() - COLUMN_WIDTH) // 2)

    def _fit_column(self) -> None:
        """Keep lines at a readable length: a centred column on wide windows."""
        frame = self.document().rootFrame()
        fmt = frame.frameFormat()
        side = self._side_margin()
        if int(fmt.leftMargin()) != side or int(fmt.rightMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            frame.setFrameFormat(fmt)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_column()

    def _fitted(self, name: str, image: QImage) -> QImage:
        room = max(self.viewport().width(), 480) - 2 * self._side_margin() - 8
        if image.width() <= room:
            return image
        key = (name, room)
        if key not in self._scaled:
            self._scaled[key] = image.scaledToWidth(
                room, Qt.TransformationMode.SmoothTransformation
            )
        return self._scaled[key]

    # -- text size -----------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        self._scale = scale
        self._apply_font()

    def _apply_font(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(self._point_size * self._scale)
        self.document().setDefaultFont(font)

    def point_size(self) -> float:
        return self.document().defaultFont().pointSizeF()

    # -- links ---------------------------------------------------------------
    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme().lower()
        if scheme == "item":
            target = url.path() or url.toString()[len("item:") :].split("#")[0]
            self.item_link.emit(target, url.fragment())
        elif scheme == REVEAL_SCHEME:
            number = url.path()
            if number.isdigit():
                self.reveal_requested.emit(int(number))
        elif scheme in EXTERNAL_SCHEMES:
            if confirm_external(self.window(), url):
                QDesktopServices.openUrl(url)
                self.external_opened.emit(url)
        elif not scheme and url.path().startswith("media/") and ".." not in url.path():
            self.file_requested.emit(url.path())
        elif not scheme and url.fragment():
            self.scrollToAnchor(url.fragment())


def save_pack_file(parent: QWidget | None, source: Path, name: str | None = None) -> Path | None:
    """Ask where to save a file of the pack (a lesson's data, a handout) and copy it there.

    `name` is the file's name in the pack (the media store names files by their hash).
    """
    name = name or source.name
    from PySide6.QtWidgets import QFileDialog

    target, _filter = QFileDialog.getSaveFileName(
        parent, _("Save the file"), str(Path.home() / name)
    )
    if not target:
        return None
    try:
        shutil.copyfile(source, target)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            _("Save the file"),
            _("{name} could not be saved ({reason}). Choose another folder.").format(
                name=name, reason=exc.strerror or exc.__class__.__name__
            ),
        )
        return None
    return Path(target)
