"""Images and embedded videos in Markdown+HTML bodies, made fit for offline reading.

A remote image becomes a file in the pack's media/ when it was fetched; otherwise a
placeholder block with its caption, credit and original link (or, inside a sentence,
a short link). An embedded YouTube video becomes a link card, or a link to a local
copy when the trainer supplied one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from kit.core.importers.common import ImportReport, SourceFiles
from kit.core.importers.media import MediaFetcher, media_name
from kit.core.packformat.body import code_fence_mask

FIGURE_RE = re.compile(r"<figure\b[^>]*>(.*?)</figure\s*>", re.IGNORECASE | re.DOTALL)
FIGCAPTION_RE = re.compile(r"<figcaption\b([^>]*)>(.*?)</figcaption\s*>", re.IGNORECASE | re.DOTALL)
IMG_RE = re.compile(r"<img\b[^>]*?/?>", re.IGNORECASE | re.DOTALL)
IFRAME_RE = re.compile(r"<iframe\b[^>]*>(?:.*?</iframe\s*>)?", re.IGNORECASE | re.DOTALL)
MD_IMG_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"([^\"\n]*)\")?\s*\)")
ANCHOR_RE = re.compile(r"<a\b[^>]*?href\s*=\s*[\"']([^\"']*)[\"'][^>]*>(.*?)</a\s*>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]+>")
YOUTUBE_RE = re.compile(
    r"(?:youtube(?:-nocookie)?\.com/(?:embed/|watch\?v=|v/)|youtu\.be/)([A-Za-z0-9_-]{6,})"
)

LABELS = {
    "en": {
        "image": "Image (online only)",
        "credit": "Credit",
        "video": "Video",
        "watch": "watch online",
        "play": "play the video",
        "embed": "Embedded content",
        "open": "open online",
        "inline": "image",
        "alt": "Description",
    },
    "es": {
        "image": "Imagen (solo en línea)",
        "credit": "Crédito",
        "video": "Vídeo",
        "watch": "ver en línea",
        "play": "reproducir el vídeo",
        "embed": "Contenido incrustado",
        "open": "abrir en línea",
        "inline": "imagen",
        "alt": "Descripción",
    },
    "fr": {
        "image": "Image (en ligne seulement)",
        "credit": "Crédit",
        "video": "Vidéo",
        "watch": "regarder en ligne",
        "play": "lire la vidéo",
        "embed": "Contenu intégré",
        "open": "ouvrir en ligne",
        "inline": "image",
        "alt": "Description",
    },
}


def labels_for(lang: str) -> dict[str, str]:
    return LABELS.get(lang.split("-")[0].split("_")[0].lower(), LABELS["en"])


@dataclass
class MediaContext:
    """Where one body comes from and where its media go."""

    fetcher: MediaFetcher
    files: SourceFiles
    report: ImportReport
    source: str  # the original file, for warnings
    lang: str = "en"
    title: str = ""  # the page's title, for video cards without one
    site_url: str = ""  # resolves '/assets/...' style addresses
    media_prefix: str = "../../media/"


def attr(tag: str, name: str) -> str:
    m = re.search(rf"\b{name}\s*=\s*(\"([^\"]*)\"|'([^']*)')", tag, re.IGNORECASE)
    if not m:
        return ""
    return html.unescape(m.group(2) if m.group(2) is not None else m.group(3) or "")


def html_to_text(fragment: str) -> str:
    """Inline HTML to one line of Markdown: links kept, other tags dropped."""
    text = ANCHOR_RE.sub(
        lambda m: f"[{TAG_RE.sub('', m.group(2)).strip()}]({m.group(1)})", fragment
    )
    text = TAG_RE.sub("", text)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def _absolute(src: str, ctx: MediaContext) -> str | None:
    """The address of a non-local image, or None for a file inside the source."""
    if src.startswith("//"):
        return "https:" + src
    if urlsplit(src).scheme:
        return src
    if src.startswith("/") and ctx.site_url:
        return urljoin(ctx.site_url, src)
    return None


def _local_copy(url: str, ctx: MediaContext) -> str | None:
    data = ctx.fetcher.fetch(url)
    if data is None:
        reason = ctx.fetcher.failure(url)
        if reason is not None:
            ctx.report.warn(
                ctx.source, f"{url} was not downloaded ({reason}); it is linked instead"
            )
        return None
    name = media_name(url)
    ctx.files.add_bytes(f"media/{name}", data)
    return ctx.media_prefix + name


def _name_from_url(url: str) -> str:
    from urllib.parse import unquote

    base = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return re.sub(r"^\d+px-", "", base).replace("_", " ") or url


def placeholder(
    url: str, caption: str, credit: str, ctx: MediaContext, indent: str = "", alt: str = ""
) -> str:
    """A block that reads well as Markdown: what the image showed and where it is."""
    ctx.report.placeholders += 1
    words = labels_for(ctx.lang)
    lines = [f"> **{words['image']}:** {caption or _name_from_url(url)}"]
    if alt and caption and alt.strip() != caption.strip():
        lines += [">", f"> {words['alt']}: {alt.strip()}"]
    if credit:
        lines += [">", f"> {words['credit']}: {credit}"]
    lines += [">", f"> <{url}>"]
    return "\n" + "\n".join(indent + line for line in lines) + "\n"


def _figure(m: re.Match[str], ctx: MediaContext, indent: str) -> str:
    inner = m.group(1)
    img = IMG_RE.search(inner)
    if img is None:
        return m.group(0)
    url = _absolute(attr(img.group(0), "src"), ctx)
    if url is None:
        return m.group(0)
    local = _local_copy(url, ctx)
    if local is not None:
        return m.group(0).replace(img.group(0), _with_src(img.group(0), local))
    caption, credit = "", ""
    for cap in FIGCAPTION_RE.finditer(inner):
        text = html_to_text(cap.group(2))
        if "credit" in cap.group(1).lower():
            credit = text
        else:
            caption = text
    alt = attr(img.group(0), "alt")
    caption = caption or alt or attr(img.group(0), "title")
    return placeholder(url, caption, credit, ctx, indent, alt)


def _with_src(tag: str, local: str) -> str:
    return re.sub(
        r"\bsrc\s*=\s*(\"[^\"]*\"|'[^']*')", lambda _m: f'src="{local}"', tag, count=1, flags=re.I
    )


def _img(m: re.Match[str], ctx: MediaContext, alone: bool, indent: str) -> str:
    tag = m.group(0)
    url = _absolute(attr(tag, "src"), ctx)
    if url is None:
        return tag
    local = _local_copy(url, ctx)
    if local is not None:
        return _with_src(tag, local)
    caption = attr(tag, "alt") or attr(tag, "title")
    if alone:
        return placeholder(url, caption, "", ctx, indent).strip("\n")
    ctx.report.placeholders += 1
    label = caption or labels_for(ctx.lang)["inline"]
    return f'<a href="{html.escape(url)}">[{html.escape(label)}]</a>'


def _md_img(m: re.Match[str], ctx: MediaContext, alone: bool, indent: str) -> str:
    url = _absolute(m.group(2), ctx)
    if url is None:
        return m.group(0)
    local = _local_copy(url, ctx)
    alt = m.group(1)
    if local is not None:
        return f"![{alt}]({local})"
    if alone:
        title = m.group(3) or ""
        caption, described = (title, alt) if title and alt else (alt or title, "")
        return placeholder(url, caption, "", ctx, indent, described).strip("\n")
    ctx.report.placeholders += 1
    return f"[{alt or labels_for(ctx.lang)['inline']}]({url})"


def _iframe(m: re.Match[str], ctx: MediaContext, indent: str) -> str:
    tag = m.group(0)
    src = _absolute(attr(tag, "src"), ctx) or attr(tag, "src")
    words = labels_for(ctx.lang)
    title = attr(tag, "title") or re.sub(r"^(Video|Vídeo)\s*:\s*", "", ctx.title).strip()
    found = YOUTUBE_RE.search(src)
    if found is None:
        ctx.report.warn(ctx.source, f"embedded content from {src} is only linked")
        return f"\n{indent}> **{words['embed']}: {title or src}**: {words['open']}: <{src}>\n"
    video_id = found.group(1)
    ctx.report.videos += 1
    local = ctx.fetcher.local_video(video_id)
    if local is not None:
        name = f"videos/{video_id}{local.suffix.lower()}"
        ctx.files.add_bytes(f"media/{name}", local.read_bytes())
        target = ctx.media_prefix + name
        return (
            f"\n{indent}> **{words['video']}: {title or video_id}**: [{words['play']}]({target})\n"
        )
    url = f"https://www.youtube.com/watch?v={video_id}"
    return f"\n{indent}> **{words['video']}: {title or video_id}**: {words['watch']}: <{url}>\n"


def _line_sub(
    text: str, regex: re.Pattern[str], fn: Callable[[re.Match[str], bool, str], str]
) -> str:
    """Apply fn(match, alone_on_its_line, indent) to every match."""

    def repl(m: re.Match[str]) -> str:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        before, after = text[start : m.start()], text[m.end() : end]
        alone = not before.strip() and not after.strip()
        return fn(m, alone, before if alone else "")

    return regex.sub(repl, text)


def rewrite_media(body: str, ctx: MediaContext) -> str:
    """Rewrite every image and embedded video of a body (code blocks are left alone)."""
    out: list[str] = []
    for chunk, is_code in _chunks(body):
        if not is_code:
            chunk = _line_sub(chunk, IFRAME_RE, lambda m, _a, ind: _iframe(m, ctx, ind))
            chunk = _line_sub(chunk, FIGURE_RE, lambda m, _a, ind: _figure(m, ctx, ind))
            chunk = _line_sub(chunk, IMG_RE, lambda m, a, ind: _img(m, ctx, a, ind))
            chunk = _line_sub(chunk, MD_IMG_RE, lambda m, a, ind: _md_img(m, ctx, a, ind))
        out.append(chunk)
    return "\n".join(out)


def _chunks(body: str) -> list[tuple[str, bool]]:
    """Split a body into runs of lines inside or outside code fences."""
    lines = body.split("\n")
    mask = code_fence_mask(lines)
    chunks: list[tuple[str, bool]] = []
    run: list[str] = []
    state = mask[0] if mask else False
    for line, code in zip(lines, mask, strict=True):
        if code != state and run:
            chunks.append(("\n".join(run), state))
            run = []
        state = code
        run.append(line)
    chunks.append(("\n".join(run), state))
    return chunks
