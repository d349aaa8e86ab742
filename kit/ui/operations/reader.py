"""What the reader asks of the core: load an item, record what the learner did.

Each function returns an Op (kit.ui.operations.op) for the database worker (the one
thread that touches the databases); results arrive on the GUI thread through its
callbacks, and every write announces a records change.
Writes return only once the records are durable, so a callback is the moment the
screen may say "saved".
"""

from __future__ import annotations

import contextlib
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from kit.core import itemtypes, svgtext
from kit.core.errors import KitError
from kit.core.packtranslate.fallback import language_chain
from kit.core.quiz import unfinished_answers
from kit.core.records import ModuleProgress, QuizStats, Status
from kit.core.render import BOX_TITLES, Labels, is_rtl
from kit.i18n import _
from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op
from kit.ui.operations.reader_cache import PICTURES, rendered

# Pictures wider than the reader's text column (kit.ui.reader.browser) are scaled down
# here, on the worker, so the GUI thread never resamples a large screenshot.
MAX_IMAGE_WIDTH = 812
_IMG_SRC = re.compile(r'<img\b[^>]*\bsrc="([^"]+)"')
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def labels() -> Labels:
    """The renderer's words in the interface language."""
    titles = {
        "callout": _("Note"),
        "caution": _("Caution"),
        "testimonial": _("Testimonial"),
        "discussion": _("Discussion"),
        "checklist": _("Checklist"),
        "keypoints": _("Key points"),
        "objectives": _("Objectives"),
        "questions": _("Questions"),
        "challenge": _("Challenge"),
        "hint": _("Hint"),
        "spoiler": _("More"),
        "prereq": _("Prerequisites"),
    }
    return Labels(
        show_solution=_("Show solution"),
        solution=_("Solution"),
        remote_image=_("Image (online only)"),
        box_titles=tuple((k, titles.get(k, v)) for k, v in BOX_TITLES.items()),
    )


def content_language(pack: Mapping[str, Any], ui_language: str | None) -> str | None:
    """The pack translation to read for this language (None: the original)."""
    chain = language_chain(pack, ui_language)
    return chain[0] if chain else None


def _translated_item(
    ctx: AppContext, pack_id: str, item_id: str, chain: list[str]
) -> dict[str, Any] | None:
    """The item in the first language of the chain that translates it, else the original."""
    for lang in chain:
        item = ctx.library.get_item(pack_id, item_id, lang)
        if item is None or item.get("lang"):
            return item
    return ctx.library.get_item(pack_id, item_id)


def translation_note(pack: Mapping[str, Any], item: Mapping[str, Any], chain: list[str]) -> str:
    """A short note when the item is not (fully) in the language the learner reads in."""
    if not chain:
        return ""
    from kit.languages import name_in_interface as language_name

    wanted = language_name(chain[0])
    original = language_name(str(pack.get("language") or "en"))
    if not item.get("lang"):
        return _("Not translated into {language} yet: shown in {original}.").format(
            language=wanted, original=original
        )
    if item.get("untranslated"):
        return _("Parts not translated into {language} yet are shown in {original}.").format(
            language=language_name(str(item["lang"])), original=original
        )
    return ""


@dataclass(frozen=True)
class ItemView:
    """Everything the reader shows for one item, prepared on the worker thread."""

    pack: dict[str, Any]
    module: dict[str, Any]
    item: dict[str, Any]
    index: int  # position of the item in its module
    lang: str  # the language the item's text is in
    body_html: str = ""
    slides_html: list[str] = field(default_factory=list)
    media: dict[str, QImage] = field(default_factory=dict)
    progress: ModuleProgress | None = None
    status: Status | None = None
    quiz: QuizStats | None = None
    # A quiz left half-way (or a crash): the answers of its open attempt, from the records.
    resume: dict[str, Any] = field(default_factory=dict)
    translation_note: str = ""  # set when the item is not (all) in the learner's language

    @property
    def rtl(self) -> bool:
        return is_rtl(self.lang)

    @property
    def items(self) -> list[dict[str, Any]]:
        return list(self.module.get("items", []))

    @property
    def kind(self) -> str:
        """The item's type ("lesson", "quiz", ...; see kit.core.itemtypes)."""
        return str(self.item.get("type"))

    @property
    def completable(self) -> bool:
        """Whether the learner finishes this item with "Mark as done"."""
        return itemtypes.is_completable(self.kind)

    @property
    def pass_mark(self) -> int | float:
        return itemtypes.pass_mark(self.item)

    def passed(self, score: float) -> bool:
        """Whether a score (0-100) passes this quiz: the records decide the same way."""
        return itemtypes.passed(score, self.pass_mark)

    def neighbour(self, step: int) -> str | None:
        index = self.index + step
        items = self.items
        return str(items[index]["id"]) if 0 <= index < len(items) else None


@dataclass(frozen=True)
class ProgressChange:
    """A write and what it did to the module: `became_complete` offers the certificate."""

    before: ModuleProgress | None
    after: ModuleProgress | None
    verb: str = ""

    @property
    def became_complete(self) -> bool:
        return bool(
            self.after and self.after.complete and not (self.before and self.before.complete)
        )


def media_files(library: Any, pack_id: str, fragments: list[str]) -> dict[str, Path]:
    """Where every local image the HTML uses is in the media store (runs on the worker)."""
    files: dict[str, Path] = {}
    for fragment in fragments:
        for src in _IMG_SRC.findall(fragment):
            key = html.unescape(src)
            if key in files or _SCHEME.match(key):
                continue
            path = library.media_path(pack_id, key.split("#")[0].split("?")[0])
            if path is not None:
                files[key] = path
    return files


def pictures(files: Mapping[str, Path]) -> dict[str, QImage]:
    """The images of `files` (media_files) decoded and fitted, from the kept pictures
    when seen lately; an image that does not decode is left out. Any thread."""
    media: dict[str, QImage] = {}
    for key, path in files.items():
        image = PICTURES.get(path, _fitted_picture)
        if not image.isNull():
            media[key] = image
    return media


def _media_for(library: Any, pack_id: str, fragments: list[str]) -> dict[str, QImage]:
    """Decode every local image the HTML uses, straight from the media store."""
    return pictures(media_files(library, pack_id, fragments))


def _fitted_picture(path: Path) -> QImage:
    """A picture from the media store, no wider than the text column."""
    image = _decode(path)
    if image.width() > MAX_IMAGE_WIDTH:
        if image.format() == QImage.Format.Format_ARGB32:
            # Premultiplied in place: the smooth scaling would otherwise make a
            # premultiplied copy of the whole decoded picture first (twice the memory
            # of a big screenshot while it is fitted; it paints the same).
            image.convertTo(QImage.Format.Format_ARGB32_Premultiplied)
        image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
    return image


def _decode(path: Path) -> QImage:
    """A picture from the media store; an SVG with its text made drawable first."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if not svgtext.is_svg(head):
        return QImage(str(path))
    image = QImage.fromData(svgtext.drawable_svg(path.read_bytes()), "SVG")  # type: ignore[arg-type]
    return image if not image.isNull() else QImage(str(path))


def _module_of(pack: Mapping[str, Any], module_id: str) -> dict[str, Any]:
    for module in pack.get("modules", []):
        if module.get("id") == module_id:
            return dict(module)
    return {"id": module_id, "title": module_id, "items": []}


def _render_item(item: Mapping[str, Any], lang: str) -> tuple[str, list[str]]:
    words = labels()
    body = rendered(str(item.get("body") or ""), lang, words)
    slides = [rendered(str(s.get("body") or ""), lang, words) for s in item.get("slides") or []]
    return body, slides


def prepare_item(ctx: AppContext, pack_id: str, item_id: str, *, images: bool = True) -> ItemView:
    """Runs on the worker: the item in the reader's language, rendered, with its images
    (unless `images` is False: then `media` is empty and the caller decodes them when
    needed, see media_files), and the learner's progress through its module (reads only)."""
    view = _prepare_text(ctx, pack_id, item_id, images=images)
    records, profile_id = ctx.records, ctx.profile_id
    if profile_id is None or records is None:
        return view
    pack, module, item = view.pack, view.module, view.item
    is_quiz = itemtypes.is_scored(item["type"])
    return replace(
        view,
        progress=records.module_progress(profile_id, pack, module["id"]),
        status=records.item_status(profile_id, pack_id, item),
        quiz=records.quiz_stats(profile_id, pack_id, item_id) if is_quiz else None,
        resume=unfinished_answers(
            records.events(profile_id, pack_id, item_id), item.get("questions") or []
        )
        if is_quiz
        else {},
    )


def _prepare_text(ctx: AppContext, pack_id: str, item_id: str, *, images: bool) -> ItemView:
    """prepare_item without the learner's progress: what the reader's caches keep."""
    library = ctx.library
    pack = library.get_pack(pack_id)
    if pack is None:
        raise LookupError(pack_id)
    chain = language_chain(pack, ctx.content_language)
    if chain:
        pack = library.get_pack(pack_id, chain[0]) or pack
    item = _translated_item(ctx, pack_id, item_id, chain)
    if item is None:
        raise LookupError(item_id)
    module = _module_of(pack, str(item.get("module_id")))
    index = next((n for n, i in enumerate(module["items"]) if i["id"] == item_id), 0)
    text_lang = str(item.get("lang") or pack.get("language") or "en")
    body_html, slides_html = _render_item(item, text_lang)
    return ItemView(
        pack=pack,
        module=module,
        item=item,
        index=index,
        lang=text_lang,
        body_html=body_html,
        slides_html=slides_html,
        media=_media_for(library, pack_id, [body_html, *slides_html]) if images else {},
        translation_note=translation_note(pack, item, chain),
    )


def load_item(ctx: AppContext, pack_id: str, item_id: str) -> tuple[Op[ItemView], Op[None]]:
    """Open an item (-> ItemView), and the "viewed" event to run right after it.

    The "viewed" event is a job of its own, queued behind the reading one, so the item
    appears without waiting for the durable write; it is recorded only if the item was
    found, and announced (the Continue card follows it).
    """
    found: list[ItemView] = []

    def run() -> ItemView:
        try:
            found.append(prepare_item(ctx, pack_id, item_id))
        except LookupError:
            raise KitError(_("This item is not in the library any more.")) from None
        return found[0]

    def viewed() -> None:
        if found and ctx.profile_id is not None and ctx.opened:
            ctx.records.append_event(ctx.learner_id, pack_id, item_id, "viewed")

    return Op(ctx, run), Op(ctx, viewed, Change.RECORDS if ctx.profile_id else Change.NONE)


def prefetch_next(ctx: AppContext, view: ItemView) -> Op[None]:
    """Render the item after `view` and decode its pictures into the reader's caches
    (reader_cache), so Next shows it without that work; reads only (not the learner's
    progress, which Next reads afresh), errors ignored."""
    following = view.neighbour(+1)

    def run() -> None:
        with contextlib.suppress(Exception):  # only a head start: Next reads it again
            if following is not None:
                _prepare_text(ctx, str(view.pack["id"]), following, images=True)

    return Op(ctx, run)


def _with_progress(ctx: AppContext, pack_id: str, module_id: str, write: Callable[[], str]) -> Any:
    library, records, profile_id = ctx.library, ctx.records, ctx.learner_id
    pack = library.get_pack(pack_id)
    before = records.module_progress(profile_id, pack, module_id) if pack else None
    verb = write()
    after = records.module_progress(profile_id, pack, module_id) if pack else None
    return ProgressChange(before, after, verb)


def complete_item(
    ctx: AppContext, pack_id: str, module_id: str, item: Mapping[str, Any]
) -> Op[ProgressChange]:
    """Mark a lesson, slide deck or activity done (once); -> ProgressChange."""

    def write() -> str:
        status = ctx.records.item_status(ctx.learner_id, pack_id, item)
        if status is not Status.DONE:
            ctx.records.append_event(ctx.learner_id, pack_id, str(item["id"]), "completed")
        return "completed"

    return Op(ctx, lambda: _with_progress(ctx, pack_id, module_id, write), Change.RECORDS)


def record_answer(
    ctx: AppContext, pack_id: str, item_id: str, result: Mapping[str, Any]
) -> Op[Any]:
    """One answered question (quiz or survey); -> Event once it is durable."""
    payload = dict(result)
    return Op(
        ctx,
        lambda: ctx.records.append_event(ctx.learner_id, pack_id, item_id, "answered", payload),
        Change.RECORDS,
    )


def record_quiz_attempt(
    ctx: AppContext,
    pack_id: str,
    module_id: str,
    item_id: str,
    score: float,
    pass_mark: float,
    details: Mapping[str, Any],
) -> Op[ProgressChange]:
    """A finished attempt, "passed" at or above the pass mark; -> ProgressChange."""

    def write() -> str:
        event = ctx.records.record_quiz_attempt(
            ctx.learner_id, pack_id, item_id, score, pass_mark, **dict(details)
        )
        return str(event.verb)

    return Op(ctx, lambda: _with_progress(ctx, pack_id, module_id, write), Change.RECORDS)


def record_survey(
    ctx: AppContext, pack_id: str, item_id: str, answers: Mapping[str, Any]
) -> Op[int]:
    """Every survey answer as an "answered" event, then "completed"; -> how many."""
    given = dict(answers)

    def write() -> int:
        # One commit: a power cut never leaves half a survey.
        entries: list[tuple[str, dict[str, Any] | None]] = [
            ("answered", {"question": qid, "response": response, "survey": True})
            for qid, response in given.items()
        ]
        entries.append(("completed", None))
        ctx.records.append_events(ctx.learner_id, pack_id, item_id, entries)
        return len(given)

    return Op(ctx, write, Change.RECORDS)


def load_certificate(ctx: AppContext, pack_id: str, module_id: str) -> Op[Any]:
    """The certificate's contents (kit.core.records.CertificateData), in the reader's language."""

    def run() -> Any:
        pack = ctx.library.get_pack(pack_id)
        if pack is None:
            raise KitError(_("This pack is not installed any more."))
        lang = content_language(pack, ctx.content_language)
        if lang:
            pack = ctx.library.get_pack(pack_id, lang) or pack
        return ctx.records.certificate(ctx.learner_id, pack, module_id)

    return Op(ctx, run)
