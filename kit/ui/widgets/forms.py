"""Small form helpers shared by the pages."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kit.i18n import uses_arabic_script
from kit.ui.widgets.enumkeys import set_enum
from kit.ui.widgets.style import LINE_HEIGHT_PERCENT, set_role


class TextLabel(QLabel):
    """A label of plain text; wrapped text in Arabic script gets room between its lines.

    Qt's plain-text labels use the font's own line spacing, in which Arabic marks above
    and below the letters touch the next line; the text is then shown as escaped rich
    text with a CSS line height. text() still gives the plain text.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plain = ""
        self._format: str | None = None  # the text format set last (by its key's name)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._plain = text
        if self.wordWrap() and uses_arabic_script():
            import html  # here, not at start-up: its table of entities takes ~1 ms to load

            body = html.escape(text).replace("\n", "<br>")
            self._use_format("RichText")
            # A paragraph of rich text takes its direction from its first letters; an
            # English title in the Arabic interface must still start at the right.
            side = "rtl" if self.isRightToLeft() else "ltr"
            style = f"line-height: {LINE_HEIGHT_PERCENT}%; margin: 0"
            super().setText(f'<p dir="{side}" style="{style}">{body}</p>')
        else:
            self._use_format("PlainText")
            super().setText(text)

    def _use_format(self, key: str) -> None:
        if self._format != key:  # set once, not at each text (a page has many labels)
            set_enum(self, "textFormat", key)
            self._format = key

    def setTextFormat(self, text_format) -> None:
        self._format = None  # set from outside: the next text sets its own again
        super().setTextFormat(text_format)

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self.setText(self._plain)

    def text(self) -> str:
        return self._plain


def label(text: str, role: str = "", wrap: bool = True) -> QLabel:
    widget = TextLabel()
    widget.setWordWrap(wrap)
    widget.setText(text)
    if role:
        set_role(widget, role)
    return widget


class _TogglingLabel(TextLabel):
    """The wrapped text of a check box: a click on it toggles the box, as on a box's own text."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__()
        self.box = box
        self.setWordWrap(True)
        self.setText(text)
        self.setBuddy(box)

    def mouseReleaseEvent(self, event) -> None:
        from PySide6.QtCore import Qt

        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.toggle()
        super().mouseReleaseEvent(event)


def wrapping_check_box(text: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose sentence wraps in a narrow column (a QCheckBox's own text never
    wraps, and a longer translation would be cut off): the row to lay out, and the box."""
    from PySide6.QtCore import Qt

    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    box = QCheckBox()
    box.setAccessibleName(text)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(_TogglingLabel(text, box), 1)
    return row, box


def button(text: str, role: str = "", accessible: str = "", slot=None) -> QPushButton:
    widget = QPushButton(text)
    widget.setAccessibleName(accessible or text.replace("…", ""))
    if role:
        set_role(widget, role)
    if slot is not None:
        widget.clicked.connect(slot)
    return widget


def pin_edit(accessible: str, parent: QWidget | None = None) -> QLineEdit:
    """A field for a 4-digit PIN: digits only, hidden as typed."""
    from PySide6.QtCore import QRegularExpression  # (the library's first paint needs neither)
    from PySide6.QtGui import QRegularExpressionValidator

    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(4)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]{0,4}"), edit))
    set_enum(edit, "inputMethodHints", "ImhDigitsOnly")
    edit.setAccessibleName(accessible)
    edit.setMaximumWidth(160)
    set_enum(edit, "alignment", "AlignCenter")
    edit.setStyleSheet("font-size: 18pt; letter-spacing: 6px;")
    return edit


def no_default_button(dialog: QWidget) -> None:
    """Return in a dialog's text field does what the field says (returnPressed), and never
    also presses a button: Qt makes the first push button of a dialog its default one."""
    from PySide6.QtWidgets import QPushButton

    for push in dialog.findChildren(QPushButton):
        push.setAutoDefault(False)
        push.setDefault(False)
