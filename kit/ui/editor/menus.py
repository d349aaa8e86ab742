"""Trainer mode's menus and toolbar, built from EditorMode's actions (kit.ui.modes.editor):
each action's handler is a method of the window; "-" separates groups.

Build, Export, Publish and Translate open editor-pub's dialogs (`ADDONS`, imported when
used); when those modules are not installed, their entries stay disabled.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolBar

from kit.i18n import _
from kit.ui.modes.editor import EditorMode

MENUS = (
    ("file", "new_pack open_folder remix - save close_pack - quit"),
    ("edit", "undo redo - add_module add_item rename delete - move_up move_down"),
    ("pack", "pack_details find_problems - build export publish translate"),
    ("view", "outline problems"),
)
TOOLBAR = "save undo redo - add_module add_item rename delete - find_problems build"
NO_PACK_NEEDED = {"new_pack", "open_folder", "remix", "quit"}  # the others need an open pack
OUTLINE_KEYS = ("rename", "delete", "move_up", "move_down")
"""Keys that act on the outline only while it has the focus: in a form, F2, Del and Alt+Up
belong to the form (an answer's text, the question list)."""
ADDONS = {
    "build": "kit.ui.editor.publish.dialogs",
    "export": "kit.ui.editor.publish.dialogs",
    "publish": "kit.ui.editor.publish.dialogs",
    "translate": "kit.ui.editor.translate.view",
}


def addon(name: str) -> Any:
    """editor-pub's module for the action `name`, or None when it is not installed."""
    try:
        return import_module(ADDONS[name])
    except ImportError:
        return None


def _menu_titles() -> dict[str, str]:
    return {"file": _("&File"), "edit": _("&Edit"), "pack": _("&Pack"), "view": _("&View")}


def build_chrome(window: QMainWindow) -> tuple[dict[str, QAction], QToolBar]:
    """The window's actions (by name), its menu bar and its toolbar."""
    acts: dict[str, QAction] = {}
    for spec in EditorMode.actions:
        action = QAction(_(spec.text), window)
        outline_only = spec.name in OUTLINE_KEYS
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(
                Qt.ShortcutContext.WidgetWithChildrenShortcut
                if outline_only
                else Qt.ShortcutContext.WindowShortcut
            )
        if spec.tip:
            action.setToolTip(_(spec.tip))
        action.triggered.connect(lambda _c=False, h=spec.handler: getattr(window, h)())
        if not outline_only:  # the outline takes those (window._show_project)
            window.addAction(action)
        acts[spec.name] = action
    acts["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    titles = _menu_titles()
    for name, entries in MENUS:
        menu = window.menuBar().addMenu(titles[name])
        for entry in entries.split():
            if entry == "-":
                menu.addSeparator()
            else:
                menu.addAction(acts[entry])
    toolbar = QToolBar(_("Pack"))
    toolbar.setObjectName("editorToolbar")
    for entry in TOOLBAR.split():
        if entry == "-":
            toolbar.addSeparator()
        else:
            toolbar.addAction(acts[entry])
    window.addToolBar(toolbar)
    return acts, toolbar


def enable(acts: dict[str, QAction], pack_open: bool) -> None:
    """Enable what can be done now: most actions need an open pack, the add-ons their
    modules (Undo and Redo: the window's UndoTarget)."""
    for name, action in acts.items():
        enabled = pack_open or name in NO_PACK_NEEDED
        if name in ADDONS and addon(name) is None:
            enabled = False
        action.setEnabled(enabled)
