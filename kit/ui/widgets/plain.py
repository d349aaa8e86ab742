"""Text from a pack is shown as text, never as markup.

A QLabel (and a QMessageBox, a tooltip) in Qt's default AutoText mode renders anything
that looks like HTML: a title such as ``<img src="/etc/…">`` would make the app read a
local file and draw it. Every label that may show pack text is made here, in PlainText
mode; the only rich labels hold HTML that went through kit.core.render's sanitizer and
are made with `rich_label`, which marks them (tests check every label is one or the other).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QWidget

SANITIZED = "sanitizedHtml"  # property set on the labels that show sanitized HTML


def plain_label(
    text: str = "",
    name: str = "",
    *,
    wrap: bool = False,
    accessible: str = "",
    parent: QWidget | None = None,
) -> QLabel:
    """A label that shows `text` literally (markup characters included)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def rich_label(html_text: str = "", name: str = "", *, accessible: str = "") -> QLabel:
    """A label for HTML made by the sanitizer (kit.core.render) or escaped by us."""
    label = QLabel()
    mark_sanitized(label)
    label.setText(html_text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    if accessible:
        label.setAccessibleName(accessible)
    return label


def mark_sanitized(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setProperty(SANITIZED, True)
    return label


def plain_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A message box whose text is shown literally (it may quote a link or a title)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


class ElidedLabel(QLabel):
    """One line of plain text that never widens its window: cut with "…" when there is
    not room for all of it (the whole text stays in the tooltip and accessible name)."""

    def __init__(self, name: str = "", *, accessible: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._full = ""
        if name:
            self.setObjectName(name)
        self._accessible = accessible

    def setText(self, text: str) -> None:
        if text == self._full and text == self.text():
            return  # unchanged: no tooltip, accessibility or repaint churn
        self._full = text
        super().setText(text)
        self.setToolTip("")  # set when cut (a tooltip shows rich text: see plain_tooltip)
        self.setAccessibleName(f"{self._accessible}: {text}" if self._accessible else text)

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        metrics = self.fontMetrics()
        room = self.contentsRect()
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, room.width())
        painter.setPen(self.palette().color(self.foregroundRole()))
        flags = int(self.alignment()) or int(Qt.AlignmentFlag.AlignVCenter)
        painter.drawText(room, flags | int(Qt.TextFlag.TextSingleLine), shown)
        painter.end()
        if shown != self._full and not self.toolTip():
            self.setToolTip(plain_tooltip(self._full))


def plain_tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt renders tooltips that look like HTML)."""
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
