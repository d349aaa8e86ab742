"""Certificates of completion as PDF, drawn with Qt's own PDF writer.

`write_certificate_pdf(path, data)` draws one A4 landscape page (learner, module, pack,
date in the interface's locale, the pack's attribution and licence); it needs a
QGuiApplication but no window. `save_certificate(parent, ctx, pack_id, module_id)`
fetches the data on the worker, asks where to save (a name is suggested) and writes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QStandardPaths, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kit.core.records import CertificateData
from kit.i18n import _, format_date
from kit.ui.context import AppContext
from kit.ui.operations import reader as ops
from kit.ui.runners.worker import Job
from kit.ui.widgets.plain import plain_message

INK = QColor("#1f2328")
ACCENT = QColor("#1d6b4f")
MUTED = QColor("#57606a")
RESOLUTION = 150  # dots per inch: page coordinates below are in these dots


def _font(family: str, points: float, *, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(points)
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _lines(data: CertificateData) -> list[tuple[str, QFont, QColor, float]]:
    """(text, font, colour, height in page fractions) from top to bottom."""
    serif, sans = "DejaVu Serif", "DejaVu Sans"
    version = f" ({data.pack_version})" if data.pack_version else ""
    return [
        (_("Certificate of completion"), _font(serif, 30, bold=True), ACCENT, 0.11),
        (_("This certifies that"), _font(sans, 14), MUTED, 0.07),
        (data.learner_name, _font(serif, 34, bold=True), INK, 0.12),
        (_("has completed the module"), _font(sans, 14), MUTED, 0.06),
        (data.module_title, _font(serif, 22, bold=True), INK, 0.09),
        (
            _("of the training pack “{pack}”{version}").format(
                pack=data.pack_title, version=version
            ),
            _font(sans, 14),
            INK,
            0.06,
        ),
        (
            _("on {date}").format(date=format_date(data.completed_on, "long")),
            _font(sans, 14),
            INK,
            0.06,
        ),
    ]


def _credits(data: CertificateData) -> str:
    parts = []
    if data.attribution:
        parts.append(_("Content: {attribution}").format(attribution=data.attribution))
    if data.authors:
        parts.append(_("Authors: {names}").format(names=", ".join(data.authors)))
    if data.license:
        parts.append(_("Licence: {license}").format(license=data.license))
    return "\n".join(parts)


def _draw(painter: QPainter, width: float, height: float, data: CertificateData) -> None:
    margin = width * 0.035
    painter.setPen(QPen(ACCENT, width * 0.004))
    painter.drawRect(QRectF(margin, margin, width - 2 * margin, height - 2 * margin))
    inner = margin + width * 0.009
    painter.setPen(QPen(ACCENT, width * 0.0012))
    painter.drawRect(QRectF(inner, inner, width - 2 * inner, height - 2 * inner))
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    left, usable = width * 0.1, width * 0.8
    top = height * 0.12
    for text, font, colour, share in _lines(data):
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(QRectF(left, top, usable, height * share), int(flags), text)
        top += height * share
    painter.setPen(QPen(MUTED, width * 0.0008))
    rule = height * 0.78
    painter.drawLine(int(width * 0.3), int(rule), int(width * 0.7), int(rule))
    painter.setFont(_font("DejaVu Sans", 9.5))
    painter.setPen(MUTED)
    painter.drawText(
        QRectF(left, rule + height * 0.015, usable, height * 0.12), int(flags), _credits(data)
    )
    painter.setFont(_font("DejaVu Sans", 9, italic=True))
    painter.drawText(
        QRectF(left, height * 0.9, usable, height * 0.04),
        int(flags),
        _("Issued by Training Kit"),
    )


def write_certificate_pdf(path: str | os.PathLike[str], data: CertificateData) -> Path:
    """Draw the certificate into a PDF at `path` (written whole, or not at all)."""
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    writer = QPdfWriter(str(partial))
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(
        _("Certificate: {learner}, {module}").format(
            learner=data.learner_name, module=data.module_title
        )
    )
    writer.setCreator(_("Training Kit"))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(_("Could not write {path}.").format(path=target))
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = painter.viewport()
        _draw(painter, float(area.width()), float(area.height()), data)
    finally:
        painter.end()
    del writer  # flushes and closes the file
    os.replace(partial, target)
    return target


def suggested_name(data: CertificateData) -> str:
    """A file name for the save dialog: "Certificate - Ana - First aid.pdf"."""
    raw = _("Certificate - {learner} - {module}").format(
        learner=data.learner_name, module=data.module_title
    )
    safe = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", raw)
    safe = re.sub(r"\s+", " ", safe).strip(" .")[:120]
    return f"{safe or 'certificate'}.pdf"


def _tell(parent: QWidget | None, title: str, text: str, *, warning: bool = False) -> None:
    """A message that does not block the event loop (the worker keeps running)."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
    box = plain_message(parent, icon, title, text)  # the text may hold a module's title
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def ask_path(parent: QWidget | None, data: CertificateData) -> Path | None:
    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        _("Save the certificate"),
        str(Path(folder) / suggested_name(data)),
        _("PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def save_certificate(
    parent: QWidget | None,
    ctx: AppContext,
    pack_id: str,
    module_id: str,
    on_saved: Callable[[Path], None] | None = None,
) -> Job:
    """Ask where to save the learner's certificate for a completed module, and save it."""

    def got(data: CertificateData) -> None:
        path = ask_path(parent, data)
        if path is None:
            return
        try:
            write_certificate_pdf(path, data)
        except OSError as exc:
            _tell(parent, _("Not saved"), str(exc.strerror or exc), warning=True)
            return
        _tell(
            parent,
            _("Certificate saved"),
            _("Your certificate is saved as {path}.").format(path=path),
        )
        if on_saved is not None:
            on_saved(path)

    def failed(error: str) -> None:
        _tell(parent, _("No certificate yet"), error, warning=True)

    return ops.load_certificate(ctx, pack_id, module_id).success(got).failure(failed).run(parent)
