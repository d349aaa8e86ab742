"""Printouts drawn as PDF with Qt's own writer (QTextDocument on a QPdfWriter).

`write_pdf(path, parts)` lays each part (a piece of HTML, its direction and its pictures)
out on A4 pages, a new page for each part, and writes the file whole or not at all. It
needs a QGuiApplication but no window, and runs on any thread (the Print tab runs it on
a thread of its own, `render_job`), reporting progress and stopping at Cancel between
pages.
"""

from __future__ import annotations

import base64
import errno
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, QThread, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
    QTextOption,
)

from kit.core.errors import Cancelled, KitError
from kit.core.render_math import SVG_PREFIX
from kit.i18n import _
from kit.ui.reader.browser import DOCUMENT_CSS
from kit.ui.runners.worker import Job, JobControl, run_job

# One PDF dot is one screen pixel: pictures print at the size the reader shows them.
RESOLUTION = 96
MARGIN_MM = 15.0
FOOTER = 28  # dots kept at the foot of each page for its number
POINT_SIZE = 10.5
FONT = "DejaVu Sans"
PRINT_CSS = (
    DOCUMENT_CSS
    + """
table.grid { border-collapse: collapse; }
table.grid td, table.grid th { border: 1px solid #8c959f; padding: 6px; }
table.grid td.tall { padding-top: 12px; padding-bottom: 12px; }
.muted { color: #57606a; }
.warning { background-color: #fff4d6; }
"""
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Part:
    """One run of pages: HTML (sanitized or built from escaped text), its direction and
    the pictures it names (by their `src`)."""

    html: str
    rtl: bool = False
    media: Mapping[str, QImage] = field(default_factory=dict)


class PrintDocument(QTextDocument):
    """A document that shows nothing but the pictures it was handed (as the reader's
    ContentBrowser): no file and nothing on the network is ever read."""

    def __init__(self, media: Mapping[str, QImage], room: QSizeF) -> None:
        super().__init__()
        self._media = media
        self._room = room

    def loadResource(self, kind: int, url: QUrl):
        name = url.toString()
        if kind == QTextDocument.ResourceType.ImageResource.value or kind == (
            QTextDocument.ResourceType.ImageResource
        ):
            if name.startswith(SVG_PREFIX):
                try:
                    data = base64.b64decode(name[len(SVG_PREFIX) :], validate=True)
                except ValueError:
                    data = b""
                return QImage.fromData(data, "SVG")
            image = self._media.get(name) or self._media.get(
                QUrl.fromPercentEncoding(name.encode("utf-8"))
            )
            if image is not None:
                return self._fitted(image)
        return QImage()  # never None (see ContentBrowser.loadResource)

    def _fitted(self, image: QImage) -> QImage:
        """A picture never wider than the text, nor taller than a page (it cannot be
        split across pages)."""
        width, height = int(self._room.width()) - 8, int(self._room.height() * 0.8)
        if image.width() <= width and image.height() <= height:
            return image
        return image.scaled(
            width,
            height,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )


def _writer(path: Path, title: str, landscape: bool) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(RESOLUTION)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), orientation, margins, QPageLayout.Unit.Millimeter
        )
    )
    writer.setTitle(title)
    writer.setCreator(_("Training Kit"))
    return writer


def _document(part: Part, writer: QPdfWriter, room: QSizeF) -> PrintDocument:
    doc = PrintDocument(part.media, room)
    doc.documentLayout().setPaintDevice(writer)
    doc.setDocumentMargin(0)
    doc.setDefaultStyleSheet(PRINT_CSS)
    font = QFont(FONT)
    font.setPointSizeF(POINT_SIZE)
    doc.setDefaultFont(font)
    option = QTextOption(doc.defaultTextOption())
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if part.rtl else Qt.LayoutDirection.LeftToRight
    )
    option.setAlignment(Qt.AlignmentFlag.AlignRight if part.rtl else Qt.AlignmentFlag.AlignLeft)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    doc.setDefaultTextOption(option)
    doc.setPageSize(room)
    doc.setHtml(part.html)
    return doc


def _footer(painter: QPainter, area: QRectF, number: int, rtl: bool, note: str = "") -> None:
    font = QFont(FONT)
    font.setPointSizeF(8.5)
    painter.setFont(font)
    painter.setPen(QColor("#57606a"))
    side = Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight
    box = QRectF(area.left(), area.bottom() - FOOTER + 8, area.width(), FOOTER - 8)
    painter.drawText(
        box, int(side | Qt.AlignmentFlag.AlignVCenter), _("Page {number}").format(number=number)
    )
    if note:
        other = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, int(other | Qt.AlignmentFlag.AlignVCenter), note)


def write_pdf(
    path: str | os.PathLike[str],
    parts: Sequence[Part],
    *,
    title: str,
    landscape: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    note: str = "",
) -> Path:
    """Lay `parts` out on A4 pages (each part from a new page) into a PDF at `path`;
    `note` is printed at the foot of every page, across from its number.

    Written to a partial file renamed at the end: a Cancel (Cancelled) or a failure
    (OSError) leaves no file behind and an earlier file of that name untouched.
    """
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    writer = _writer(partial, title, landscape)
    painter = QPainter()
    if not painter.begin(writer):
        del writer
        partial.unlink(missing_ok=True)
        code = errno.EACCES if target.parent.is_dir() else errno.ENOENT
        raise OSError(code, os.strerror(code), str(target))
    try:
        area = QRectF(writer.pageLayout().paintRectPixels(RESOLUTION))
        area.moveTo(0, 0)
        room = QSizeF(area.width(), area.height() - FOOTER)
        number = 0
        for done, part in enumerate(parts):
            doc = _document(part, writer, room)
            for page in range(doc.pageCount()):
                if cancelled is not None and cancelled():
                    raise Cancelled(_("Cancelled."))
                if number:
                    writer.newPage()
                number += 1
                painter.save()
                painter.translate(0, -page * room.height())
                doc.drawContents(
                    painter, QRectF(0, page * room.height(), room.width(), room.height())
                )
                painter.restore()
                _footer(painter, area, number, part.rtl, note)
            if progress is not None:
                progress(done + 1, len(parts))
    except BaseException:
        painter.end()
        del writer
        partial.unlink(missing_ok=True)
        raise
    painter.end()
    del writer  # flushes and closes the file
    os.replace(partial, target)
    return target


class _RenderThread(QThread):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.setObjectName("kit-print")

    def run(self) -> None:
        run_job(self.job)


_live: set[RenderRun] = set()


def saving(path: Path, write: Callable[[], Path]) -> Path:
    """`write()`, a file system's refusal said in one sentence with what to do."""
    try:
        return write()
    except OSError as exc:
        raise KitError(
            _("{name} could not be saved ({reason}). Choose another folder.").format(
                name=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from None


class RenderRun(QObject):
    """`write(control)` on a thread of its own (drawing must not hold the database
    worker). Connect to `job`'s signals (slots of a widget run on the GUI thread), then
    `start()`. The run keeps itself until its thread has ended, so a page deleted
    meanwhile (a language change) never destroys a running thread."""

    def __init__(self, write: Callable[[JobControl], Path]) -> None:
        super().__init__()
        self.job = Job(write, True)
        self.thread_ = _RenderThread(self.job)
        self.job.finished.connect(self._ended)  # queued: self lives on the GUI thread

    def start(self) -> None:
        _live.add(self)
        self.thread_.start()

    def cancel(self) -> None:
        self.job.cancel()

    def _ended(self) -> None:
        self.thread_.wait()
        _live.discard(self)
