"""Text from a pack is shown as text, never as markup.

A QLabel (and a QMessageBox, a tooltip) in Qt's default AutoText mode renders anything
that looks like HTML: a title such as ``<img src="/etc/…">`` would make the app read a
local file and draw it. Every label that may show pack text is made here, in PlainText
mode; the only rich labels hold HTML that went through kit.core.render's sanitizer and
are made with `rich_label`, which marks them (tests check every label is one or the other).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

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
