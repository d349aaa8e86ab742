"""What the trainer-mode window and the editor of one file say to each other.

The window (kit.ui.editor.window) shows one file at a time: an item (lesson, slides,
activity, quiz, survey), a module.yaml or pack.yaml. Whatever the form looks like, the
file's text is what is exchanged, so the files stay the source of truth: the window calls
`load(relpath, text)` with the text on disk (or recovered), reads `current_text()` to
save and to journal, and listens to `changed` (every edit by the person). An editor that
cannot show a text in its form (a hand-written construct it does not know) must keep it
as it is, never drop it.

    class QuizEditor(QWidget):        # any QWidget with these four members
        changed = Signal()
        def load(self, relpath: str, text: str) -> None: ...
        def current_text(self) -> str: ...
        def jump_to(self, line: int) -> None: ...   # 1-based line of the file

Each editor is made with `cls(env, parent)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from kit.ui.context import AppContext


@dataclass
class EditorEnv:
    """What every file editor of one open pack source may use.

    `root`: the pack source folder. `ctx`: the window's context (operations take it).
    `items()`: the pack's items for "Insert link", as (link target relative to the pack
    root, e.g. "modules/basics/02-slides.md", title) in outline order.
    `media_added`: called with the relative path of a file an editor copied into media/.
    """

    root: Path
    ctx: AppContext
    items: Callable[[], list[tuple[str, str]]] = field(default=lambda: [])
    media_added: Callable[[str], None] = field(default=lambda rel: None)


class FileEditor(Protocol):
    """The four members the window uses (plus `changed`, a Qt Signal)."""

    def load(self, relpath: str, text: str) -> None: ...

    def current_text(self) -> str: ...

    def jump_to(self, line: int) -> None: ...
