"""The trainer's live preview: an unsaved item file read and rendered as the reader does.

The text goes through the same steps as a built pack on its way to a learner: the pack
format's reader (kit.core.packformat: header, facilitator notes removed, slides split,
links to media and items rewritten to pack paths and `item:` links), then the reader's
renderer and cache (kit.ui.operations.reader_cache.rendered with the reader's words), and
the result is an ItemView, which the reader's own views show. Pictures come from the
source's folder (its media/), decoded and scaled like the reader's.

Previews never run on the database worker: rendering a long lesson takes seconds, and a
save or a journal write queued behind it would wait. They run on a daemon thread of their
own (`ctx.services.preview`, kit.ui.runners.network.PreviewRunner); they read texts and
files, never a database.
"""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kit.core import svgtext
from kit.core.itemtypes import REPLACED_KEYS
from kit.core.packformat.body import split_slides
from kit.core.packformat.source import ItemFile, SourceReader
from kit.core.packformat.translations import FIXED_ITEM_KEYS, UNTRANSLATED
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter
from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations.op import Op
from kit.ui.operations.reader import MAX_IMAGE_WIDTH, ItemView, labels
from kit.ui.operations.reader_cache import PICTURES, rendered
from kit.ui.runners.worker import Job

T = TypeVar("T")
_IMG_SRC = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass(frozen=True)
class PreviewSource:
    """What every preview of one pack source needs: its items by file, its language."""

    root: Path
    items_by_file: dict[str, str] = field(default_factory=dict)  # item file -> item id
    language: str = "en"
    originals: dict[str, dict[str, Any]] = field(default_factory=dict)  # item file -> item


@dataclass(frozen=True)
class ItemPreview:
    """One rendering of an item's text. `view` is None when the text cannot be shown
    (`problem` says why, in one sentence); `slide_lines` holds the 1-based line of the
    file where each slide starts (a slide deck)."""

    view: ItemView | None
    slide_lines: tuple[int, ...] = ()
    problem: str = ""


def read_source(root: Path) -> PreviewSource:
    """Runs on the worker: the pack's item files and language, read from its folder."""
    reader = SourceReader(root)
    loaded = reader.load()
    language = str(loaded.pack.get("language") or "en")
    return PreviewSource(root, dict(reader.item_by_file), language, dict(reader.item_by_rel))


class PreviewOp(Op[T]):
    """An Op that runs on the preview thread (it changes nothing, so announces nothing)."""

    def run(self, initiator: object | None = None) -> Job:
        return self.ctx.services.preview.submit(
            self.work, self._success, self._failure, on_finished=self._finished
        )


def preview_source(ctx: AppContext, root: Path) -> Op[PreviewSource]:
    """Read the pack's item files and language (once per opened file)."""
    return PreviewOp(ctx, lambda: read_source(root))


def _language_and_base(source: PreviewSource, rel: str) -> tuple[str, str | None]:
    """A translation (translations/LANG/...) is in LANG and links as its original does."""
    parts = rel.split("/")
    if len(parts) > 2 and parts[0] == "translations":
        return parts[1], "/".join(parts[2:])
    return source.language, None


def _first_problem(reader: SourceReader) -> str:
    errors = reader.report.errors
    if errors:
        return errors[0].message
    return _("This text cannot be shown as an item yet.")


def render_preview(source: PreviewSource, rel: str, text: str) -> ItemPreview:
    """Runs off the GUI thread: the item as a learner would see it, from unsaved text."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    header_text, header_line, body, body_line = split_front_matter(text)
    if header_text is None:
        return ItemPreview(
            None, problem=_("The file must start with its header between '---' lines.")
        )
    try:
        header = load_mapping(header_text, first_line=header_line)
    except YamlProblem as exc:
        return ItemPreview(
            None,
            problem=_("The header has a mistake on line {line}: {problem}").format(
                line=exc.line, problem=exc.message
            ),
        )
    header.first_line = 1
    lang, base_rel = _language_and_base(source, rel)
    original = source.originals.get(base_rel) if base_rel else None
    if original is not None:  # a translation: what it does not translate is the original's
        header.data.setdefault("id", original["id"])
        header.data.setdefault("type", original["type"])
        for key in (*FIXED_ITEM_KEYS, UNTRANSLATED):
            header.data.pop(key, None)
    reader = SourceReader(source.root)
    reader.item_by_file.update(source.items_by_file)
    item = reader.build_item(ItemFile(rel, header, body, body_line, "", base_rel))
    if item is None:
        return ItemPreview(None, problem=_first_problem(reader))
    if original is not None:
        item = {**original, **{k: item[k] for k in REPLACED_KEYS if k in item}}
    words = labels()
    body_html = rendered(str(item.get("body") or ""), lang, words)
    slides_html = [
        rendered(str(s.get("body") or ""), lang, words) for s in item.get("slides") or []
    ]
    view = ItemView(
        pack={"language": source.language},
        module={"id": "", "title": "", "items": [item]},
        item=item,
        index=0,
        lang=lang,
        body_html=body_html,
        slides_html=slides_html,
        media=media_for(source.root, [body_html, *slides_html]),
    )
    starts = (
        tuple(body_line + offset for _text, offset in split_slides(body)) if slides_html else ()
    )
    return ItemPreview(view, starts)


def preview_item(ctx: AppContext, source: PreviewSource, rel: str, text: str) -> Op[ItemPreview]:
    """Render the unsaved text of item file `rel` (-> ItemPreview), on the preview thread."""
    return PreviewOp(ctx, lambda: render_preview(source, rel, text))


def media_for(root: Path, fragments: list[str]) -> dict[str, QImage]:
    """Decode every picture of the source the HTML uses (pack paths such as media/x.png)."""
    real_root = root.resolve()
    media: dict[str, QImage] = {}
    for fragment in fragments:
        for src in _IMG_SRC.findall(fragment):
            key = html.unescape(src)
            if key in media or _SCHEME.match(key):
                continue
            clean = posixpath.normpath(key.split("#")[0].split("?")[0])
            path = root / clean
            if clean.startswith("..") or not path.is_file():
                continue
            if not path.resolve().is_relative_to(real_root):
                continue
            image = PICTURES.get(path, fitted_picture)
            if not image.isNull():
                media[key] = image
    return media


def fitted_picture(path: Path) -> QImage:
    """A picture no wider than the reader's text column; an SVG with its text drawable
    (as kit.ui.operations.reader decodes the media store's pictures)."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if svgtext.is_svg(head):
        image = QImage.fromData(svgtext.drawable_svg(path.read_bytes()), "SVG")  # type: ignore[arg-type]
        if image.isNull():
            image = QImage(str(path))
    else:
        image = QImage(str(path))
    if image.width() > MAX_IMAGE_WIDTH:
        image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image
