"""Qt's enums on the first screen without Qt's namespace (`PySide6.QtCore.Qt`).

The first use of `Qt` makes every enum of the namespace at once (about 90 Python enum
classes): some 40 ms of the start (bench/startup.py), which the window and the library
page do not need before they paint. They set what they need another way:

- an enum property by the name of its key, through Qt's meta-object system
  (`set_enum(label, "alignment", "AlignCenter")` is `label.setAlignment(AlignCenter)`);
- item data roles as Qt's own numbers (USER_ROLE, ACCESSIBLE_TEXT_ROLE);
- text elided only when it does not fit (elide_right): a text that fits is its own
  elided text;
- an action's shortcut through its property (set_shortcut): PySide's setShortcut also
  takes a Qt.Key, and telling its arguments apart makes the namespace.

kit.app.main makes the namespace once the first screen has painted, so the first click
does not wait for it. tests/test_startup_imports.py checks that the start leaves it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence

USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole
ACCESSIBLE_TEXT_ROLE = 11  # Qt.ItemDataRole.AccessibleTextRole


def set_enum(target: QObject, prop: str, key: str) -> None:
    """Set the enum (or flags) property `prop` of `target` to the value named `key`
    ("AlignCenter", "AlignLeft|AlignTop" for flags)."""
    if not target.setProperty(prop, key):
        raise ValueError(f"{type(target).__name__}.{prop} has no value called {key}")


def set_shortcut(action: QAction, keys: QKeySequence) -> None:
    """`action.setShortcut(keys)`."""
    if not action.setProperty("shortcut", keys):
        raise ValueError(f"{action.text()}: the shortcut {keys.toString()} was refused")


def elide_right(metrics: QFontMetrics, text: str, width: int) -> str:
    """`metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)`, the same text."""
    if metrics.horizontalAdvance(text) < width:  # rounded: less means it surely fits
        return text
    from PySide6.QtCore import Qt

    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


def make_qt_namespace() -> None:
    """Make Qt's namespace now (once the first screen has painted): the first page or
    click that uses it does not wait for it then."""
    from PySide6.QtCore import Qt  # noqa: F401 - made by its first import
