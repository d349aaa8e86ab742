"""Lessons, slide decks and activities: the file's text beside a live preview.

The text is the file (header and body, as the trainer typed it); the preview is what a
learner will see, rendered off the GUI thread a moment after typing stops
(kit.ui.operations.editor_preview). Pictures dropped on the text (or chosen with
Insert picture…) are checked, scaled down when huge and copied into the pack's media/
folder (kit.ui.operations.editor_media) once their description is given; Ctrl+K links
to another item of the pack.
"""

from __future__ import annotations

import posixpath
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.markdown.dialogs import AltTextDialog, LinkDialog
from kit.ui.editor.markdown.highlight import MarkdownHighlighter
from kit.ui.editor.markdown.preview import PreviewPane
from kit.ui.editor.markdown.textedit import SourceEdit
from kit.ui.operations.editor_media import PreparedImage, prepare_image, store_image
from kit.ui.operations.editor_preview import (
    ItemPreview,
    PreviewSource,
    preview_item,
    preview_source,
)
from kit.ui.widgets.plain import plain_label

PREVIEW_DELAY_MS = 300
# A long lesson takes a while to render and lay out: wait longer after typing before
# rendering it again, so the person types without the preview getting in the way.
MAX_PREVIEW_DELAY_MS = 2000


def markdown_escape(text: str) -> str:
    """Text that stays text inside [...] of a Markdown link or image."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def link_target(from_rel: str, to_rel: str) -> str:
    """The path from one file of the pack to another, as links in bodies are written.

    A translation (translations/LANG/...) links as if it sat where its original does.
    """
    parts = from_rel.split("/")
    if len(parts) > 2 and parts[0] == "translations":
        from_rel = "/".join(parts[2:])
    target = posixpath.relpath(to_rel, posixpath.dirname(from_rel) or ".")
    return f"<{target}>" if " " in target else target


def choose_image_file(parent: QWidget) -> str:
    """Ask for a picture on this computer ("" when none was chosen; tests replace it)."""
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _("Insert a picture"),
        str(Path.home()),
        _("Pictures (*.png *.jpg *.jpeg *.gif *.svg *.webp)"),
    )
    return path


class MarkdownEditor(QWidget):
    """The FileEditor for items written in Markdown (kit.ui.editor.contract)."""

    changed = Signal()
    preview_shown = Signal()  # a preview of the latest text is on screen (tests)
    # A link to another item of the pack was clicked in the preview: its file, to open.
    open_requested = Signal(str)

    def __init__(self, env: EditorEnv, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.env = env
        self.relpath = ""
        self._loading = False
        self._source: PreviewSource | None = None
        self._loads = 0  # files loaded so far: answers for an earlier one are dropped
        self._token = 0  # the text generation the latest preview request showed
        self._busy = False
        self._stale = False
        self._asked = 0.0  # when the rendering on its way was asked for (time.monotonic)
        self._shown: tuple[int, str, str] | None = None  # file and text on screen
        # Dropped files waiting their turn: path, where it goes, how many of its drop are in.
        self._images: list[tuple[str, QTextCursor, list[int]]] = []
        self.alt_dialog: AltTextDialog | None = None
        self.link_dialog: LinkDialog | None = None
        self.text = SourceEdit(self)
        self.highlighter = MarkdownHighlighter(self.text.document())
        self.preview = PreviewPane(env.ctx, self)
        self.notice = plain_label(wrap=True, name="editorNotice")
        self.notice.hide()
        self.image_button = QPushButton(_("Insert picture…"))
        self.link_button = QPushButton(_("Insert link…"))
        self.link_button.setToolTip(_("Link to another item of the pack (Ctrl+K)"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh_preview)
        self._layout()
        self.text.textChanged.connect(self._on_text_changed)
        self.text.cursorPositionChanged.connect(
            lambda: self.preview.follow_line(self.text.current_line())
        )
        self.text.files_dropped.connect(self.insert_images)
        self.preview.item_clicked.connect(self._open_item)
        self.preview.external_clicked.connect(self.say)
        self.text.link_requested.connect(self.ask_link)
        self.image_button.clicked.connect(self.choose_image)
        self.link_button.clicked.connect(self.ask_link)
        shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.ask_link)

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.image_button)
        bar.addWidget(self.link_button)
        bar.addStretch(1)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(bar)
        column.addWidget(self.text, 1)
        column.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([500, 500])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- the contract ----------------------------------------------------------------
    def load(self, relpath: str, text: str) -> None:
        self.relpath = relpath
        self._loading = True
        try:
            self.text.set_source(text)
        finally:
            self._loading = False
        self._source = None
        self._loads += 1
        self.say("")
        loads = self._loads
        preview_source(self.env.ctx, self.env.root).success(
            lambda source: self._source_read(source, loads)
        ).failure(self.preview.show_problem).run(self)

    def current_text(self) -> str:
        return self.text.source_text()

    def jump_to(self, line: int) -> None:
        self.text.go_to_line(line)

    # -- preview ---------------------------------------------------------------------
    def _on_text_changed(self) -> None:
        if self._loading:
            return
        self._token += 1
        self.changed.emit()
        self._timer.start()

    def _source_read(self, source: PreviewSource, loads: int) -> None:
        if loads != self._loads:
            return  # another file was opened meanwhile
        self._source = source
        self.refresh_preview()

    def refresh_preview(self) -> None:
        """Render the text now (one rendering at a time; the newest text wins)."""
        if self._source is None:
            return
        if self._busy:
            self._stale = True
            return
        token, loads, text = self._token, self._loads, self.text.source_text()
        if self._shown == (loads, self.relpath, text):  # typed and undone: nothing new
            self.preview_shown.emit()
            return
        self._busy, self._stale = True, False
        self._asked = time.monotonic()
        shown = (loads, self.relpath, text)
        op = preview_item(self.env.ctx, self._source, self.relpath, text)
        op.success(lambda preview: self._show_preview(preview, token, shown)).failure(
            self._preview_failed
        ).finished(self._preview_ended).run(self)

    def _preview_failed(self, message: str) -> None:
        self._shown = None
        self.preview.show_problem(message)

    def _show_preview(self, preview: ItemPreview, token: int, shown: tuple[int, str, str]) -> None:
        if shown[0] != self._loads:
            return
        self._shown = shown
        self.preview.show_preview(preview, self.text.current_line())
        cost_ms = (time.monotonic() - self._asked) * 1000
        self._timer.setInterval(
            int(min(MAX_PREVIEW_DELAY_MS, max(PREVIEW_DELAY_MS, 1.5 * cost_ms)))
        )
        if token == self._token:
            self.preview_shown.emit()

    def _preview_ended(self) -> None:
        self._busy = False
        if self._stale:
            self.refresh_preview()

    def _open_item(self, item_id: str) -> None:
        """A link to an item was clicked in the preview: ask for its file to be opened
        (from a translation, the item's translation into the same language if it has one)."""
        if self._source is None:
            return
        for rel, found in self._source.items_by_file.items():
            if found == item_id:
                parts = self.relpath.split("/")
                if len(parts) > 2 and parts[0] == "translations":
                    translated = f"translations/{parts[1]}/{rel}"
                    if (self.env.root / translated).is_file():
                        rel = translated
                self.open_requested.emit(rel)
                return

    # -- pictures --------------------------------------------------------------------
    def choose_image(self) -> None:
        path = choose_image_file(self)
        if path:
            self.insert_images([path], self.text.textCursor().position())

    def insert_images(self, paths: list[str], position: int) -> None:
        """Pictures dropped at `position`: each is checked, described, copied, inserted."""
        cursor = QTextCursor(self.text.document())  # follows edits made meanwhile
        cursor.setPosition(min(position, self.text.document().characterCount() - 1))
        batch = [0]  # pictures of this drop inserted so far: each gets its own paragraph
        waiting = bool(self._images)
        self._images.extend((path, cursor, batch) for path in paths)
        if not waiting:
            self.say("")
            self._next_image()

    def _next_image(self) -> None:
        if not self._images:
            return
        path, cursor, batch = self._images[0]
        prepare_image(self.env.ctx, Path(path)).success(
            lambda prepared: self._ask_alt_text(prepared, cursor, batch)
        ).failure(self._image_refused).run(self)

    def _image_refused(self, message: str) -> None:
        self.say(message)
        self._image_done()

    def _image_done(self) -> None:
        if self._images:
            self._images.pop(0)
        self._next_image()

    def _ask_alt_text(self, prepared: PreparedImage, cursor: QTextCursor, batch: list[int]) -> None:
        dialog = AltTextDialog(prepared.name, self)
        self.alt_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(result: int) -> None:
            self.alt_dialog = None
            alt = dialog.text()
            dialog.deleteLater()
            if result != AltTextDialog.DialogCode.Accepted or not alt:
                self._image_done()
                return
            store_image(self.env.ctx, self.env.root, prepared).success(
                lambda rel: self._image_stored(rel, alt, (cursor, batch), prepared)
            ).failure(self._image_refused).run(self)

        dialog.finished.connect(answered)
        dialog.open()

    def _image_stored(
        self, rel: str, alt: str, where: tuple[QTextCursor, list[int]], prepared: PreparedImage
    ) -> None:
        cursor, batch = where
        target = link_target(self.relpath, rel)
        before = "\n\n" if batch[0] else ""
        batch[0] += 1
        cursor.insertText(f"{before}![{markdown_escape(alt)}]({target})")
        self.text.setTextCursor(cursor)
        self.env.media_added(rel)
        if prepared.resized:
            self.say(
                _("The picture was made smaller ({width} × {height} pixels) for the pack.").format(
                    width=format_number(prepared.width), height=format_number(prepared.height)
                )
            )
        self._image_done()

    # -- links -----------------------------------------------------------------------
    def ask_link(self) -> None:
        items = [(path, title) for path, title in self.env.items() if path != self.relpath]
        dialog = LinkDialog(items, self)
        self.link_dialog = dialog
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        cursor = QTextCursor(self.text.textCursor())

        def answered(result: int) -> None:
            self.link_dialog = None
            chosen = dialog.chosen()
            dialog.deleteLater()
            if result != LinkDialog.DialogCode.Accepted or chosen is None:
                return
            path, title = chosen
            words = cursor.selectedText().replace("\u2029", " ").strip() or title
            cursor.insertText(f"[{markdown_escape(words)}]({link_target(self.relpath, path)})")
            self.text.setTextCursor(cursor)
            self.text.setFocus()

        dialog.finished.connect(answered)
        dialog.open()

    # -- messages --------------------------------------------------------------------
    def say(self, message: str) -> None:
        """One sentence under the text (a refused picture, a resized one); "" hides it."""
        self.notice.setText(message)
        self.notice.setVisible(bool(message))
