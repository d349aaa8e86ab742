"""Trainer mode (KIT_MODE=editor): a trainer writes, checks, translates and packages a pack
source in the app (kit.ui.editor.window). Its own window and actions, like workshop mode.

The actions' handlers name methods of kit.ui.editor.window.EditorWindow, which builds its
menus and toolbar from them (`menu` groups them; actions with no open pack are disabled).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from kit.i18n import N_
from kit.ui.modes.base import ActionSpec, Mode, WindowSpec


def editor_window(app: Any, spec: WindowSpec) -> QWidget:
    from kit.ui.editor.window import EditorWindow

    return EditorWindow(app.services)


class EditorMode(Mode):
    name = "editor"
    windows = (WindowSpec("editor", editor_window),)
    actions = (
        ActionSpec(
            "new_pack", N_("New pack…"), "new_pack", "Ctrl+N", N_("Start from the template")
        ),
        ActionSpec("open_folder", N_("Open folder…"), "open_folder", "Ctrl+O"),
        ActionSpec("remix", N_("Remix an installed pack…"), "remix", ""),
        ActionSpec("save", N_("Save"), "save", "Ctrl+S", N_("Save the file now")),
        ActionSpec("close_pack", N_("Close pack"), "close_pack", "Ctrl+W"),
        ActionSpec("undo", N_("Undo"), "undo", "Ctrl+Z"),
        ActionSpec("redo", N_("Redo"), "redo", "Ctrl+Shift+Z"),
        ActionSpec("add_module", N_("Add module"), "add_module", "Ctrl+Shift+M"),
        ActionSpec("add_item", N_("Add item…"), "add_item", "Ctrl+Shift+N"),
        ActionSpec("rename", N_("Rename"), "rename", "F2"),
        ActionSpec("delete", N_("Delete"), "delete", "Del"),
        ActionSpec("move_up", N_("Move up"), "move_up", "Alt+Up"),
        ActionSpec("move_down", N_("Move down"), "move_down", "Alt+Down"),
        ActionSpec("pack_details", N_("Pack details"), "pack_details", "Ctrl+I"),
        ActionSpec(
            "outline",
            N_("Outline or editor"),
            "focus_outline",
            "F6",
            N_("Go to the outline or the editor"),
        ),
        ActionSpec("problems", N_("Go to the problems"), "focus_problems", "F8"),
        ActionSpec("find_problems", N_("Find problems"), "find_problems", "F7"),
        ActionSpec("build", N_("Build…"), "build", "Ctrl+B"),
        ActionSpec("export", N_("Export…"), "export", "Ctrl+E"),
        ActionSpec("publish", N_("Publish…"), "publish", "Ctrl+Shift+P"),
        ActionSpec("translate", N_("Translate…"), "translate", "Ctrl+T"),
        ActionSpec("quit", N_("Quit"), "close", "Ctrl+Q"),
    )
