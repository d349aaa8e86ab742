"""What a screen shows under the pseudo-locale (kit.pseudo): texts outside the catalog
(no brackets) and texts cut off (wider than their widget), for tests/test_ui_pseudo_locale.py."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from kit.pseudo import CLOSE, OPEN

# Widgets that show the user's own text whatever it is (search snippets cut from lessons).
CONTENT_WIDGETS = {"resultSnippet"}
MNEMONIC = re.compile(r"&(?=[^&\s])")


def without_pseudo(text: str) -> str:
    """`text` without its bracketed (translated) parts, nested ones included."""
    out, depth = [], 0
    for ch in text:
        if ch == OPEN:
            depth += 1
        elif ch == CLOSE and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def has_words(text: str) -> bool:
    """Whether `text` holds letters (numbers, symbols and punctuation are not words)."""
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def plain(widget: QWidget, text: str) -> str:
    if isinstance(widget, QLabel) and (
        widget.textFormat() == Qt.TextFormat.RichText
        or (widget.textFormat() == Qt.TextFormat.AutoText and "<" in text and ">" in text)
    ):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return MNEMONIC.sub("", text).replace("&&", "&")


def shown_texts(root: QWidget):
    """(widget, what, text) for every text on screen under `root`."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 1:
            continue
        if isinstance(widget, QLabel) and widget.text():
            yield widget, "label", plain(widget, widget.text())
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield widget, "button", plain(widget, widget.text())
        elif isinstance(widget, QGroupBox) and widget.title():
            yield widget, "group", plain(widget, widget.title())
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                yield widget, "tab", plain(widget, widget.tabText(i))
        elif isinstance(widget, QLineEdit) and not widget.text() and widget.placeholderText():
            yield widget, "placeholder", widget.placeholderText()
        elif isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
            yield widget, "combo", widget.currentText()


def words(text: str) -> str:
    """`text`'s words and numbers, one space apart (markup and punctuation left out)."""
    return " ".join(re.findall(r"[^\W_]+", text))


def qts_own(widget: QWidget, text: str) -> bool:
    """Texts Qt translates with its own catalogs (tests/test_ui_qt_language.py): a dialog's
    standard buttons, key names."""
    if isinstance(widget.parentWidget(), QDialogButtonBox):
        return True
    native = QKeySequence.SequenceFormat.NativeText
    key = QKeySequence.fromString(text, native)
    return not key.isEmpty() and key.toString(native) == text


def untranslated(root: QWidget, content: str) -> list[str]:
    """Shown texts with words outside the catalog; `content` (`words` of the user's own
    text: pack titles and lessons, names) is shown as it is."""
    found = []
    for widget, what, text in shown_texts(root):
        if widget.objectName() in CONTENT_WIDGETS or qts_own(widget, text):
            continue
        rest = without_pseudo(text)
        for line in re.split(r"\s*[\n·•|—–:,()›]\s*", rest):
            line = words(line)
            if has_words(line) and f" {line} " not in content:
                found.append(f"{type(widget).__name__} {widget.objectName()!r} {what}: {text!r}")
                break
    return found


def cut_off(root: QWidget) -> list[str]:
    """One-line labels and buttons whose text is wider than the room they have."""
    found = []
    for widget, what, text in shown_texts(root):
        if what not in {"label", "button"} or "\n" in text:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.pixmap().isNull()):
            continue
        metrics = widget.fontMetrics()
        need = metrics.horizontalAdvance(text)
        if isinstance(widget, QLabel):
            room = widget.contentsRect().width() - 2 * widget.margin()
            if need > room + 1:
                found.append(f"label {text!r}: {need} px in {room} px")
        elif widget.width() + 1 < min(widget.sizeHint().width(), need + 8):
            found.append(f"{type(widget).__name__} {text!r}: {widget.width()} px, needs "
                         f"{widget.sizeHint().width()} px")  # fmt: skip
    return found
