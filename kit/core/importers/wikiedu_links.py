"""Links between Dashboard training pages, turned into links inside the packs.

A Dashboard slide links to another as './slug', 'slug' or '/training/LIB/MODULE/SLIDE'.
A target in the same pack becomes 'item:ID'; one in another bundled pack becomes a
readable note (packs cannot link into each other); other Dashboard pages become full
https addresses; an unknown target keeps its text and is reported.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from kit.core.importers.common import ImportReport

DASHBOARD = "https://dashboard.wikiedu.org"
MD_LINK_RE = re.compile(
    r"(?<!!)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*<?([^)\s>]+)>?((?:\s+\"[^\"\n]*\")?)\s*\)"
)
A_RE = re.compile(r"(<a\b[^>]*?\bhref\s*=\s*)([\"'])([^\"']*)\2([^>]*>)(.*?)(</a\s*>)", re.I | re.S)
NOTES = {
    "en": ("(see “{title}” in the pack “{pack}”)", "(in the pack “{pack}”)"),
    "es": ("(ver «{title}» en el paquete «{pack}»)", "(en el paquete «{pack}»)"),
    "fr": ("(voir « {title} » dans le pack « {pack} »)", "(dans le pack « {pack} »)"),
}
TAG_RE = re.compile(r"<[^>]+>")


def note_text(text: str, value: str, lang: str) -> str:
    """'(see “Title” in the pack “Pack”)', shorter when the link text already is the title."""
    title, _sep, pack = value.partition("\n")
    long, short = NOTES.get(lang, NOTES["en"])
    plain = re.sub(r"[\s*_“”\"']+", " ", TAG_RE.sub("", text)).strip().lower()
    same = plain == re.sub(r"[\s*_“”\"']+", " ", title).strip().lower() or title == pack
    return (short if same else long).format(title=title, pack=pack)


@dataclass
class PackIndex:
    """Where every slide and module of one library's pack ended up."""

    library: str
    pack_title: str
    # module slug -> (module title, [(slide slug, item id, slide title)])
    modules: dict[str, tuple[str, list[tuple[str, str, str]]]] = field(default_factory=dict)

    def find(self, module: str | None, slide: str | None) -> tuple[str, str] | None:
        """(item id, title) of a slide (or a module's first slide), preferring `module`."""
        if module in self.modules and not slide:
            title, slides = self.modules[module]
            return (slides[0][1], title) if slides else None
        order = [module] if module in self.modules else []
        order += [m for m in self.modules if m != module]
        for mod in order:
            for slug, item_id, title in self.modules[mod][1]:
                if slug == slide:
                    return item_id, title
        return None


@dataclass
class Here:
    """The page whose links are being resolved."""

    library: str
    module: str
    slide: str
    source: str
    lang: str = "en"


class LinkResolver:
    def __init__(self, packs: dict[str, PackIndex], report: ImportReport) -> None:
        self.packs = packs
        self.report = report

    def rewrite(self, body: str, here: Here) -> str:
        def md(m: re.Match[str]) -> str:
            text = m.group(1)
            kind, value = self.resolve(m.group(2), here)
            if kind == "keep":
                return m.group(0)
            if kind == "note":
                return f"{text} {note_text(text, value, here.lang)}"
            return f"[{text}]({value}{m.group(3)})"

        def anchor(m: re.Match[str]) -> str:
            kind, value = self.resolve(html.unescape(m.group(3)), here)
            if kind == "keep":
                return m.group(0)
            if kind == "note":
                note = note_text(m.group(5), value, here.lang)
                return f"{m.group(5)} {html.escape(note, quote=False)}"
            return f'{m.group(1)}"{html.escape(value)}"{m.group(4)}{m.group(5)}{m.group(6)}'

        return A_RE.sub(anchor, MD_LINK_RE.sub(md, body))

    def resolve(self, target: str, here: Here) -> tuple[str, str]:
        """('keep', ''), ('link', address) or ('note', text) for one link target."""
        target = target.strip()
        if not target or target.startswith(("#", "../../media/", "item:")):
            return "keep", ""
        parts = urlsplit(target)
        if parts.scheme and not target.startswith(DASHBOARD + "/"):
            return "keep", ""
        base = f"/training/{here.library}/{here.module}/{here.slide}"
        path = urlsplit(urljoin(base, target.removeprefix(DASHBOARD))).path.rstrip("/")
        if not path.startswith("/training"):
            return "link", DASHBOARD + target.removeprefix(DASHBOARD)
        pieces = [p for p in path.split("/")[2:] if p]
        lib, module, slide = [*pieces, None, None, None][:3]
        return self._training(lib, module, slide, target, here)

    def _training(
        self, lib: str | None, module: str | None, slide: str | None, target: str, here: Here
    ) -> tuple[str, str]:
        mine = self.packs.get(here.library)
        owner = self.packs.get(lib or "")
        if owner is not None and not module:
            if owner is not mine:
                return self._note(owner.pack_title, owner, here)
            first = next(iter(owner.modules), None)
            found = owner.find(first, None) if first else None
            return ("link", f"item:{found[0]}") if found else ("link", DASHBOARD + "/training")
        for pack in (owner, mine):
            found = pack.find(module, slide) if pack is not None else None
            if found is None or pack is None:
                continue
            if pack is mine:
                return "link", f"item:{found[0]}"
            return self._note(found[1], pack, here)
        for pack in self.packs.values():
            found = pack.find(module, slide) if slide or module in pack.modules else None
            if found is not None:
                return self._note(found[1], pack, here)
        self.report.warn(
            here.source, f"link to '{target}', which is in no imported library; it points online"
        )
        return "link", DASHBOARD + "/training/" + "/".join(p for p in (lib, module, slide) if p)

    @staticmethod
    def _note(title: str, pack: PackIndex, here: Here) -> tuple[str, str]:
        return "note", f"{title}\n{pack.pack_title}"
