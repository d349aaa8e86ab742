"""Links and media references inside item bodies, checked and rewritten to pack paths."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kit.core.packformat.body import is_external, iter_targets, raw_markup, rewrite_targets
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.packformat.source import SourceReader

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
AUDIO_SUFFIXES = {".mp3", ".ogg", ".oga", ".wav", ".m4a", ".opus"}
VIDEO_SUFFIXES = {".mp4", ".webm", ".ogv"}
DOCUMENT_SUFFIXES = {".pdf", ".txt", ".csv"}
# Lesson data a learner saves and opens with other programs; the app never opens them.
DATA_SUFFIXES = {".zip", ".gz", ".tsv", ".json", ".geojson", ".xml", ".xlsx", ".xls", ".ods",
                 ".sqlite", ".db", ".ipynb", ".py", ".r", ".rds"}  # fmt: skip
MEDIA_SUFFIXES = (
    IMAGE_SUFFIXES | AUDIO_SUFFIXES | VIDEO_SUFFIXES | DOCUMENT_SUFFIXES | DATA_SUFFIXES
)


def resolve_links(
    reader: SourceReader, rel: str, body: str, body_line: int, base_rel: str | None = None
) -> str:
    """Check every local link and image; rewrite them to pack paths and item: links.

    `base_rel` is where relative paths resolve from (a translation resolves as if it
    sat where the original does).
    """
    base = posixpath.dirname(base_rel or rel)
    mapping: dict[str, str] = {}
    for offset, message in raw_markup(body):
        reader.report.warn(rel, body_line + offset, message)
    for offset, target, _is_image in iter_targets(body):
        line = body_line + offset
        if target.startswith("#") or is_external(target):
            continue
        if target.startswith("item:"):
            if target[5:].split("#")[0] not in reader.item_by_file.values():
                reader.report.error(
                    rel, line, _("link to unknown item '{item}'").format(item=target[5:])
                )
            continue
        resolved = _resolve_path(reader, (rel, line), base, target)
        if resolved is None:
            continue
        if resolved.endswith(".md"):
            if resolved not in reader.item_by_file:
                reader.report.error(
                    rel,
                    line,
                    _("link to '{target}', which is not an item of this pack").format(
                        target=target
                    ),
                )
                continue
            fragment = target.partition("#")[2]
            mapping[target] = "item:" + reader.item_by_file[resolved]
            if fragment:
                mapping[target] += "#" + fragment
        elif posixpath.splitext(resolved)[1].lower() not in MEDIA_SUFFIXES:
            reader.report.error(
                rel,
                line,
                _("'{target}' is not a supported media file (see docs/pack-format.md)").format(
                    target=target
                ),
            )
        else:
            reader.media[resolved] = reader.root / resolved
            if target != resolved:
                mapping[target] = resolved
    return rewrite_targets(body, mapping)


def _resolve_path(
    reader: SourceReader, where: tuple[str, int], base: str, target: str
) -> str | None:
    rel, line = where
    clean = unquote(target.split("#")[0].split("?")[0])
    joined = posixpath.normpath(posixpath.join(base, clean))
    if clean.startswith("/") or joined.startswith("..") or "\\" in clean:
        reader.report.error(
            rel, line, _("'{target}' points outside the pack").format(target=target)
        )
        return None
    path = reader.root / joined
    if not path.is_file():
        reader.report.error(rel, line, _("'{target}' not found").format(target=target))
        return None
    if not path.resolve().is_relative_to(reader.real_root):
        reader.report.error(
            rel, line, _("'{target}' points outside the pack").format(target=target)
        )
        return None
    return joined


def collect_media_folder(reader: SourceReader) -> None:
    """Everything in media/ goes into the pack, referenced or not."""
    folder = reader.root / "media"
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.name.startswith("."):
            continue
        rel = path.relative_to(reader.root).as_posix()
        if path.suffix.lower() not in MEDIA_SUFFIXES:
            reader.report.warn(rel, 1, _("not a supported media type; it is left out of the pack"))
            continue
        reader.media[rel] = path


def media_kind(path: str | Path) -> str:
    """'image', 'audio', 'video' or 'document' for a media path."""
    suffix = Path(path).suffix.lower()
    for kind, suffixes in (
        ("image", IMAGE_SUFFIXES),
        ("audio", AUDIO_SUFFIXES),
        ("video", VIDEO_SUFFIXES),
    ):
        if suffix in suffixes:
            return kind
    return "document"
