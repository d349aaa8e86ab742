"""The lesson around the episodes: config.yaml, licence and authors, the learner,
instructor and profile pages, and local figures and links."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from kit.core.importers.carpentries_files import data_files, site_file
from kit.core.importers.carpentries_files import local_file as _local_file
from kit.core.importers.carpentries_md import parse_divs, render, tidy
from kit.core.importers.carpentries_schedule import start_time
from kit.core.importers.common import (
    INVALID,
    ImportReport,
    item_file,
    read_yaml_file,
    slugify,
    spdx_licence,
    text_of,
)

if TYPE_CHECKING:
    from kit.core.importers.carpentries import CarpentriesImporter, Page

CARPENTRIES = {
    "lc": "Library Carpentry",
    "swc": "Software Carpentry",
    "dc": "Data Carpentry",
    "cp": "The Carpentries",
    "incubator": "The Carpentries Incubator",
    "lab": "The Carpentries Lab",
}
PAGE_SUFFIXES = (".md", ".Rmd", ".rmd")
# A figure's caption and its '{alt="..."}' attributes may run over several lines (not
# over a blank line).
_NO_BLANK = r"\n(?![ \t]*\n)"
MD_IMAGE_RE = re.compile(
    rf"!\[((?:[^\]\n]|{_NO_BLANK})*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"\n]*\")?\s*\)"
    rf"(\{{(?:[^}}\n]|{_NO_BLANK})*\}})?"
)
MD_LINK_RE = re.compile(
    r"(?<!!)\[((?:[^\[\]\n]|\[[^\]\n]*\])*)\]\(\s*<?([^)\s>]+)>?((?:\s+\"[^\"\n]*\")?)\s*\)(\{[^}\n]*\})?"
)
HEADING_ATTR_RE = re.compile(r"^(#{1,6}\s.*?)\s*\{[^}\n]*\}\s*$", re.MULTILINE)
DOUBLE_PAREN_RE = re.compile(r"\]\(\((https?://[^)\s]+)\)\)")
ALT_RE = re.compile(r"\balt\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
NOTES_INTRO = "These notes are for the people who run the workshop."


@dataclass
class LessonInfo:
    root: Path
    title: str = ""
    pack_id: str = ""
    language: str = "en"
    license: str = "CC-BY-4.0"
    authors: list[str] = field(default_factory=list)
    carpentry: str = "The Carpentries"
    homepage: str = ""
    source: str = ""
    description: str = ""
    version: str = "1.0.0"
    episodes: list[Path] = field(default_factory=list)
    learners: list[Path] = field(default_factory=list)
    instructors: list[Path] = field(default_factory=list)
    profiles: list[Path] = field(default_factory=list)
    start: int | None = None  # config.yaml start_time: minutes after midnight

    @property
    def attribution(self) -> str:
        where = f" ({self.source or self.homepage})" if self.source or self.homepage else ""
        return (
            f"“{self.title}” by {self.carpentry} and the lesson's authors{where}, "
            f"{self.license.replace('-', ' ', 2)}; The Carpentries. Converted for Training Kit."
        )

    def pack_yaml(self, modules: list[str]) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.pack_id,
            "version": self.version,
            "title": self.title,
            "description": self.description or self.title,
            "language": self.language,
            "license": self.license,
            "authors": [{"name": n} for n in self.authors] or [{"name": self.carpentry}],
            "attribution": self.attribution,
        }
        if self.homepage:
            data["homepage"] = self.homepage
        if self.source:
            data["source"] = self.source
        data["modules"] = modules
        return data


def _listed(root: Path, config: dict[str, Any], key: str, report: ImportReport) -> list[Path]:
    folder = root / key
    present = sorted(p for p in folder.glob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
    names = config.get(key)
    if not isinstance(names, list) or not names:
        if key == "learners":
            present.sort(key=lambda p: p.name != "setup.md")
        return present
    chosen = []
    for name in names:
        path = folder / str(name)
        if path.is_file() and path.suffix in PAGE_SUFFIXES:
            chosen.append(path)
        else:
            report.warn("config.yaml", f"'{key}' lists '{name}', which is not in {key}/")
    for path in present:
        if path not in chosen and key == "episodes":
            report.warn(f"{key}/{path.name}", "not listed in config.yaml 'episodes'; left out")
    return chosen


def lesson_info(root: Path, report: ImportReport) -> LessonInfo:
    info = LessonInfo(root)
    config: Any = {}
    if (root / "config.yaml").is_file():
        config = read_yaml_file(root / "config.yaml", root, report)
        config = {} if config is INVALID or config is None else config
    else:
        report.warn("config.yaml", "not found; episodes are taken in file name order")
    if not isinstance(config, dict):
        report.warn("config.yaml", "not a mapping; ignored")
        config = {}
    info.title = text_of(config.get("title")) or root.name
    info.source = text_of(config.get("source"))
    info.homepage = text_of(config.get("url"))
    repo = (info.source or info.homepage).rstrip("/").rsplit("/", 1)[-1]
    info.pack_id = slugify(repo or root.name, "lesson")
    lang = text_of(config.get("lang")).lower().replace("_", "-")
    info.language = lang if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]{2,8})*", lang) else "en"
    info.carpentry = CARPENTRIES.get(text_of(config.get("carpentry")).lower(), "The Carpentries")
    licence = spdx_licence(text_of(config.get("license")))
    if licence is None:
        report.warn(
            "config.yaml", "no known 'license'; CC-BY-4.0 (the Carpentries' licence) is used"
        )
    info.license = licence or "CC-BY-4.0"
    info.authors = _authors(root / "AUTHORS")
    info.start = start_time(config)
    for key in ("episodes", "learners", "instructors", "profiles"):
        setattr(info, key, _listed(root, config, key, report))
    return info


def _authors(path: Path) -> list[str]:
    if not path.is_file():
        return []
    names = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        name = re.sub(r"[,;]?\s*<?[\w.+-]+@[\w-]+(\.[\w-]+)+>?", "", line).strip(" ,;-*")
        if name and not name.startswith("#") and name not in names:
            names.append(name)
    return names


def attribution_md(info: LessonInfo) -> str:
    authors = ", ".join(info.authors) or "see the lesson's AUTHORS file"
    return (
        f"# {info.title}\n\n{info.attribution}\n\nAuthors: {authors}.\n\n"
        f"Licence: {info.license} (https://creativecommons.org/licenses/by/4.0/ for CC-BY-4.0).\n"
        f"Source: {info.source or info.homepage or info.root.name}.\n\n"
        "Changes: converted from The Carpentries Workbench format into a Training Kit pack\n"
        "source by `kit import carpentries`: episodes became lessons, challenges became\n"
        "activities and instructor notes became facilitator notes.\n"
    )


@dataclass
class PagePlans:
    episodes: list[Page]
    before: list[tuple[str, dict[str, Any]]]
    after: list[tuple[str, dict[str, Any]]]


def page_files(imp: CarpentriesImporter) -> PagePlans:
    """Read every page (so links resolve), write the non-episode items."""
    info = imp.info
    episodes = []
    for path in info.episodes:
        slug = slugify(path.stem, "episode")
        page = imp.read_page(path, slug, f"{slug}.md", slug)
        if page is not None:
            episodes.append(page)
    start: list[Page] = []
    index_md = info.root / "index.md"
    index = (
        imp.read_page(index_md, "getting-started", "about.md", "about")
        if index_md.is_file()
        else None
    )
    if index is not None:
        start.append(index)
        info.description = _first_paragraph(index.body)
    rest: list[Page] = []
    for path in info.learners:
        slug = slugify(f"learners-{path.stem}")
        module = "getting-started" if path.name == "setup.md" else "learner-reference"
        page = imp.read_page(path, module, f"{slug}.md", slug)
        if page is not None:
            (start if module == "getting-started" else rest).append(page)
    notes = []
    for path in info.instructors + info.profiles:
        slug = slugify(f"{path.parent.name}-{path.stem}")
        page = imp.read_page(path, "instructor-notes", f"{slug}.md", slug)
        if page is not None:
            notes.append(page)
    before = _module(imp, "getting-started", "Getting started", start, facilitator=False)
    after = _module(imp, "learner-reference", "Reference", rest, facilitator=False)
    after += _module(imp, "instructor-notes", "Notes for instructors", notes, facilitator=True)
    return PagePlans(episodes, before, after)


def _first_paragraph(body: str) -> str:
    for block in re.split(r"\n\s*\n", body):
        text = block.strip()
        if text and not text.startswith((":", "#", "!", "<", "|", "```")):
            return re.sub(r"\s+", " ", text)[:600]
    return ""


def _module(
    imp: CarpentriesImporter, name: str, title: str, pages: list[Page], facilitator: bool
) -> list[tuple[str, dict[str, Any]]]:
    files = []
    host = next((p for p in pages if p.item_id == "learners-setup"), None) or next(
        (p for p in pages if p.item_id == "about"), None
    )
    for page in pages:
        page_title = text_of(page.header.get("title"))
        if page.item_id == "about":
            page_title = "About this lesson"
        page_title = page_title or page.path.stem.replace("-", " ").replace("_", " ").title()
        body = imp.convert(page, render(parse_divs(page.body)))
        if page is host:
            body = _with_data_list(imp, body)
        if facilitator:
            body = f"{NOTES_INTRO}\n\n::: notes\n{body}\n:::"
        elif not body.strip():
            imp.report.warn(page.rel, "the page has no text; left out")
            continue
        header = {"id": page.item_id, "type": "lesson", "title": page_title}
        imp.files.add_text(f"modules/{name}/{page.filename}", item_file(header, tidy(body)))
        files.append(page.filename)
    if not files:
        return []
    return [(name, {"id": name, "title": title, "items": files})]


def _with_data_list(imp: CarpentriesImporter, body: str) -> str:
    """The setup page lists every data file of the lesson, for learners to save."""
    found = data_files(imp)
    if not found:
        return body
    links = "\n".join(f"- [{name}]({path})" for name, path in found)
    return f"{body}\n\n## Data files\n\n{links}"


def rewrite_local(text: str, page: Page, imp: CarpentriesImporter) -> str:
    """Local figures to media/, links to other pages to item: links, attributes dropped."""
    base = posixpath.dirname(page.rel)

    def image(m: re.Match[str]) -> str:
        alt_m = ALT_RE.search(m.group(3) or "")
        caption = _one_line(m.group(1))
        alt = _one_line(alt_m.group(1) or alt_m.group(2) or "") if alt_m else ""
        local = _local_file(imp, page, base, m.group(2))
        if local is None and urlsplit(m.group(2)).scheme:
            # A remote figure: its caption rides as the title, for the placeholder.
            title = caption.replace('"', "'") if alt and caption and alt != caption else ""
            title_md = f' "{title}"' if title else ""
            return f"![{alt or caption}]({m.group(2)}{title_md})"
        if local is None:
            return f"*[{alt or caption or m.group(2)}]*"
        indent = _alone(m)
        if indent is None or not caption:
            return f"![{alt or caption}]({local})"
        # pandoc shows an image alone in its paragraph as a figure: the text in brackets
        # is its caption, the 'alt' attribute (if any) what a screen reader says.
        if indent:
            return f"![{alt or caption}]({local})\n\n{indent}*{caption}*"
        return (
            f'<figure markdown="1">\n![{alt or caption}]({local})\n'
            f'<figcaption markdown="1">{caption}</figcaption>\n</figure>'
        )

    def link(m: re.Match[str]) -> str:
        target = m.group(2)
        own = site_file(imp, target)
        if own is not None:  # the lesson's own site: a file the lesson carries
            return f"[{m.group(1)}]({_local_file(imp, page, '', own)}{m.group(3)})"
        if target.startswith("#") or urlsplit(target).scheme:
            return f"[{m.group(1)}]({target}{m.group(3)})"
        path, _sep, fragment = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(base, unquote(path)))
        for candidate in (resolved, re.sub(r"\.html$", ".md", resolved)):
            other = imp.pages.get(candidate) or imp.pages.get(candidate.replace(".md", ".Rmd"))
            if other is not None:
                anchor = f"#{fragment}" if fragment else ""
                return f"[{m.group(1)}](item:{other.item_id}{anchor}{m.group(3)})"
        local = _local_file(imp, page, base, target)
        if local is not None:
            return f"[{m.group(1)}]({local})"
        return m.group(1)

    text = HEADING_ATTR_RE.sub(r"\1", text)
    text = DOUBLE_PAREN_RE.sub(r"](\1)", text)  # '[text]((url))', a common slip
    text = MD_IMAGE_RE.sub(image, text)
    return MD_LINK_RE.sub(link, text)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\\_", "_")).strip()


def _alone(m: re.Match[str]) -> str | None:
    """The indentation of an image that is a paragraph on its own, else None."""
    text, start, end = m.string, m.start(), m.end()
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start:start], text[end:line_end]
    if before.strip() or after.strip():
        return None
    prev_line = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)]
    next_end = text.find("\n", line_end + 1)
    next_line = text[line_end + 1 : len(text) if next_end < 0 else next_end]
    if (line_start and _text_line(prev_line)) or _text_line(next_line):
        return None
    return before


def _text_line(line: str) -> bool:
    return bool(line.strip()) and not re.match(r"^\s*:{3,}", line)
