"""The text box of the file editors: line numbers, its own undo, the file's text kept exact.

`set_source(text)` shows a file's text and `source_text()` gives it back: byte for byte
what was loaded until the person changes something (Qt's document would otherwise turn a
no-break space into a space, and Windows line endings are shown as plain line breaks and
written back as they were). Files dropped on it are announced with `files_dropped`
(their paths, the text position of the drop) instead of being pasted as their names.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from kit.i18n import _


class _LineNumbers(QWidget):
    def __init__(self, edit: SourceEdit) -> None:
        super().__init__(edit)
        self.edit = edit

    def sizeHint(self) -> QSize:
        return QSize(self.edit.line_number_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.edit.paint_line_numbers(self, event)


class SourceEdit(QPlainTextEdit):
    """A plain-text box for a file of the pack source."""

    files_dropped = Signal(list, int)  # local file paths, position in the text
    link_requested = Signal()  # Ctrl+K (which Qt would take for "delete to end of line")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = ""
        self._bom = ""
        self._newline = "\n"
        self.setAccessibleName(_("File text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.setFont(font)
        self.setTabChangesFocus(False)
        self._numbers = _LineNumbers(self)
        self.blockCountChanged.connect(self._update_margin)
        self.updateRequest.connect(self._update_numbers)
        self._update_margin()

    # -- the file's text -------------------------------------------------------------
    def set_source(self, text: str) -> None:
        """Show a file's text (undo starts afresh)."""
        self._original = text
        self._bom = "\ufeff" if text.startswith("\ufeff") else ""
        body = text.removeprefix("\ufeff")
        self._newline = "\r\n" if "\r\n" in body else "\n"
        self.setPlainText(body.replace("\r\n", "\n") if self._newline == "\r\n" else body)
        self.document().setModified(False)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def source_text(self) -> str:
        """The text as it should be saved: exactly the loaded one while unchanged."""
        if not self.document().isModified():
            return self._original
        text = self.document().toRawText().replace("\u2029", "\n")
        if self._newline != "\n":
            text = text.replace("\n", self._newline)
        return self._bom + text

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of a 1-based line and show it."""
        block = self.document().findBlockByNumber(max(0, line - 1))
        if not block.isValid():
            block = self.document().lastBlock()
        cursor = QTextCursor(block)
        self.setTextCursor(cursor)
        self.centerCursor()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def current_line(self) -> int:
        """The 1-based line the cursor is on."""
        return self.textCursor().blockNumber() + 1

    # -- keys ------------------------------------------------------------------------
    @staticmethod
    def _is_link_key(event: QKeyEvent) -> bool:
        return event.key() == Qt.Key.Key_K and event.modifiers() == (
            Qt.KeyboardModifier.ControlModifier
        )

    def event(self, event: QEvent) -> bool:
        overriding = event.type() == QEvent.Type.ShortcutOverride
        if overriding and isinstance(event, QKeyEvent) and self._is_link_key(event):
            event.accept()  # ours, whatever the platform's text bindings say
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._is_link_key(event):
            self.link_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    # -- dropped files ---------------------------------------------------------------
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if source.hasUrls() and any(url.isLocalFile() for url in source.urls()):
            return True
        return super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        paths = [url.toLocalFile() for url in source.urls() if url.isLocalFile()]
        if source.hasUrls() and paths:
            self.files_dropped.emit(paths, self.textCursor().position())
            return
        if source.hasText():
            self.insertPlainText(source.text())  # never rich text from another program
            return
        super().insertFromMimeData(source)

    # -- line numbers ----------------------------------------------------------------
    def line_number_width(self) -> int:
        digits = len(str(max(1, self.blockCount())))
        return 12 + self.fontMetrics().horizontalAdvance("9") * max(3, digits)

    def _update_margin(self, _count: int = 0) -> None:
        self.setViewportMargins(self.line_number_width(), 0, 0, 0)

    def _update_numbers(self, rect: QRect, dy: int) -> None:
        if dy:
            self._numbers.scroll(0, dy)
        else:
            self._numbers.update(0, rect.y(), self._numbers.width(), rect.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        area = self.contentsRect()
        self._numbers.setGeometry(
            QRect(area.left(), area.top(), self.line_number_width(), area.height())
        )

    def paint_line_numbers(self, widget: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(widget)
        painter.fillRect(event.rect(), QColor("#f1f3f5"))
        painter.setPen(QColor("#6b7280"))
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                painter.drawText(
                    0,
                    top,
                    widget.width() - 6,
                    height,
                    int(Qt.AlignmentFlag.AlignRight),
                    str(block.blockNumber() + 1),
                )
            block = block.next()
            top = bottom
        painter.end()
