"""`kit import wikiedu`: Wiki Education Dashboard training -> one pack source per library.

Mapping: a library's categories (in order) give the pack's modules; a module's slides
give its items (a slide with an assessment is a one-question quiz, the others lessons);
`estimated_ttc` gives the module's minutes; `translations.LANG` of modules and slides
give translations/LANG/...; links between slides become item: links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.importers.common import (
    ImportOptions,
    ImportReport,
    SourceFiles,
    slugify,
    text_of,
)
from kit.core.importers.htmlmedia import MediaContext, rewrite_media
from kit.core.importers.mdrefs import inline_references
from kit.core.importers.media import MediaFetcher
from kit.core.importers.wikiedu_corpus import Corpus, Module, Slide, TrainingLibrary, read_corpus
from kit.core.importers.wikiedu_links import DASHBOARD, Here, LinkResolver, PackIndex
from kit.core.importers.wikiedu_slides import check_assessment, slide_files, slide_title
from kit.core.packformat.fields import LANG_RE
from kit.core.skills.tagging import skill_tags
from kit.i18n import _

LICENSE = "CC-BY-SA-4.0"
AUTHORS = [{"name": "Wiki Education", "url": "https://wikiedu.org"}]
SOURCE = "https://github.com/WikiEducationFoundation/WikiEduDashboard (training_content/wiki_ed)"
ATTRIBUTION = (
    "© Wiki Education, from the Wiki Education Dashboard training library "
    "(https://dashboard.wikiedu.org/training), CC BY-SA 4.0. Converted for Training Kit. "
    "Images from Wikimedia Commons carry their own licences (see each image's credit)."
)


@dataclass
class ItemPlan:
    slide: Slide
    item_id: str
    filename: str
    itype: str


@dataclass
class ModulePlan:
    module: Module
    folder: str
    title: str
    summary: str
    tags: list[str]
    items: list[ItemPlan] = field(default_factory=list)


@dataclass
class PackLayout:
    library: TrainingLibrary
    pack_id: str
    title: str
    modules: list[ModulePlan] = field(default_factory=list)


def parse_minutes(value: Any) -> int | None:
    """'20 minutes' -> 20, '10-25 minutes' -> 25, '1.5 hours' -> 90; None if unclear."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if value > 0 else None
    text = text_of(value).lower()
    numbers = [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]
    if not numbers:
        return None
    factor = 60 if re.search(r"\bh(ou)?rs?\b", text) else 1
    minutes = round(max(numbers) * factor)
    return minutes if 0 < minutes <= 100000 else None


def _plan_module(
    entry_name: str, entry_desc: str, category: str, module: Module, corpus: Corpus, ids: set[str]
) -> ModulePlan:
    report_tags = [slugify(category)] if category else []
    if text_of(module.data.get("kind")):
        report_tags.append(slugify(text_of(module.data.get("kind"))))
    report_tags = list(dict.fromkeys(report_tags))
    plan = ModulePlan(
        module,
        slugify(module.slug, "module"),
        text_of(module.data.get("name")) or entry_name or module.slug,
        text_of(module.data.get("description")) or entry_desc,
        report_tags,
    )
    width = max(2, len(str(len(module.slides))))
    for slug in module.slides:
        slide = corpus.slides.get(slug)
        if slide is None:
            continue
        item_id = slugify(slug)
        if item_id in ids:
            item_id = slugify(f"{plan.folder}.{slug}")
        ids.add(item_id)
        n = len(plan.items) + 1
        itype = "quiz" if "assessment" in slide.data else "lesson"
        plan.items.append(ItemPlan(slide, item_id, f"{n:0{width}d}-{slugify(slug)}.md", itype))
    return plan


def plan_library(
    library: TrainingLibrary, corpus: Corpus, report: ImportReport
) -> PackLayout | None:
    name = text_of(library.data.get("name")) or library.slug
    plan = PackLayout(library, slugify(f"wikiedu-{library.slug}"), f"{name} (Wiki Education)")
    ids: set[str] = set()
    seen: set[str] = set()
    for entry in library.modules:
        module = corpus.modules.get(entry.slug)
        if module is None:
            report.warn(library.rel, f"module '{entry.slug}' is not in modules/; left out")
            continue
        if entry.slug in seen:
            report.warn(library.rel, f"module '{entry.slug}' is listed twice; kept once")
            continue
        seen.add(entry.slug)
        for slug in module.slides:
            if slug not in corpus.slides:
                report.warn(module.rel, f"slide '{slug}' is not in slides/; left out")
        mplan = _plan_module(entry.name, entry.description, entry.category, module, corpus, ids)
        if not mplan.items:
            report.warn(module.rel, "the module has no slides to import; left out")
            continue
        plan.modules.append(mplan)
    if not plan.modules:
        report.warn(library.rel, "the library has no modules to import; no pack is written")
        return None
    return plan


def _index(plan: PackLayout) -> PackIndex:
    index = PackIndex(plan.library.slug, plan.title)
    for m in plan.modules:
        slides = [
            (i.slide.slug, i.item_id, slide_title(i.slide.data, i.slide.slug)) for i in m.items
        ]
        index.modules[m.module.slug] = (m.title, slides)
    return index


def _translations(data: dict[str, Any], source: str, report: ImportReport) -> dict[str, Any]:
    raw = data.get("translations")
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        report.warn(source, "'translations' is not a mapping; left out")
        return {}
    out = {}
    for lang, value in raw.items():
        code = str(lang).strip().lower().replace("_", "-")
        if not LANG_RE.match(code) or code == "en":
            report.warn(source, f"translation '{lang}' is not a usable language code; left out")
        elif not isinstance(value, dict):
            report.warn(source, f"translation '{lang}' is not a mapping; left out")
        else:
            out[code] = value
    return out


class _PackWriter:
    def __init__(self, plan: PackLayout, resolver: LinkResolver, fetcher: MediaFetcher) -> None:
        self.plan, self.resolver, self.fetcher = plan, resolver, fetcher
        self.report = resolver.report
        self.files = SourceFiles()
        self.languages: set[str] = set()

    def convert(self, text: str, here: Here, title: str) -> str:
        ctx = MediaContext(self.fetcher, self.files, self.report, here.source, here.lang, title)
        ctx.site_url = DASHBOARD
        text = inline_references(text, lambda message: self.report.warn(here.source, message))
        return self.resolver.rewrite(rewrite_media(text, ctx), here).strip("\n")

    def write(self, out_dir: Path) -> Path:
        for mplan in self.plan.modules:
            self._module(mplan)
        self._pack_yaml()
        return self.files.write(out_dir / self.plan.pack_id)

    def _module(self, mplan: ModulePlan) -> None:
        module = mplan.module
        data: dict[str, Any] = {"id": mplan.folder, "title": mplan.title}
        if mplan.summary:
            data["summary"] = mplan.summary
        minutes = parse_minutes(module.data.get("estimated_ttc"))
        if minutes is None and module.data.get("estimated_ttc") is not None:
            self.report.warn(module.rel, "'estimated_ttc' is not a time; minutes are estimated")
        if minutes is not None:
            data["minutes"] = minutes
        tags = [*mplan.tags, *skill_tags(self.plan.pack_id, mplan.folder, mplan.title)]
        if tags:
            data["tags"] = tags
        data["items"] = [i.filename for i in mplan.items]
        self.files.add_yaml(f"modules/{mplan.folder}/module.yaml", data)
        for lang, trans in _translations(module.data, module.rel, self.report).items():
            entry = {
                "title": text_of(trans.get("name")),
                "summary": text_of(trans.get("description")),
            }
            entry = {k: v for k, v in entry.items() if v}
            if entry:
                self.languages.add(lang)
                self.files.add_yaml(
                    f"translations/{lang}/modules/{mplan.folder}/module.yaml", entry
                )
        for item in mplan.items:
            self._item(mplan, item)

    def _item(self, mplan: ModulePlan, item: ItemPlan) -> None:
        slide, rel = item.slide, f"modules/{mplan.folder}/{item.filename}"
        title = slide_title(slide.data, slide.slug)
        itype = item.itype
        if (
            itype == "quiz"
            and check_assessment(slide.data["assessment"], slide.rel, self.report) is None
        ):
            itype = "lesson"
        header: dict[str, Any] = {"id": item.item_id, "type": itype, "title": title}
        if text_of(slide.data.get("summary")):
            header["summary"] = re.sub(r"\s+", " ", text_of(slide.data.get("summary")))
        here = Here(self.plan.library.slug, mplan.module.slug, slide.slug, slide.rel)
        convert = lambda text: self.convert(text, here, title)  # noqa: E731
        self.files.add_text(rel, slide_files(slide.data, header, convert, self.report, slide.rel))
        for lang, trans in _translations(slide.data, slide.rel, self.report).items():
            t_title = slide_title(trans, "") or title
            t_here = Here(here.library, here.module, here.slide, here.source, lang)
            t_convert = lambda text, h=t_here, t=t_title: self.convert(text, h, t)  # noqa: E731
            t_header = {"title": t_title}
            if itype == "quiz" and not isinstance(trans.get("assessment"), dict):
                self.report.warn(slide.rel, f"the quiz question has no '{lang}' translation")
            t_data = dict(trans)
            t_data.setdefault("content", slide.data.get("content"))
            text = slide_files(t_data, {**t_header, "type": itype}, t_convert, self.report,
                               slide.rel, original=slide.data)  # fmt: skip
            text = text.replace(f"type: {itype}\n", "", 1)
            self.files.add_text(f"translations/{lang}/{rel}", text)
            self.languages.add(lang)

    def _pack_yaml(self) -> None:
        lib = self.plan.library
        intro = text_of(lib.data.get("introduction")) or text_of(lib.data.get("description"))
        languages = ["en", *sorted(self.languages)]
        for lang, trans in _translations(lib.data, lib.rel, self.report).items():
            entry = {
                "title": text_of(trans.get("name")),
                "description": text_of(trans.get("introduction")),
            }
            entry = {k: v for k, v in entry.items() if v}
            if entry and lang in self.languages:
                self.files.add_yaml(f"translations/{lang}/pack.yaml", entry)
        self.files.add_yaml(
            "pack.yaml",
            {
                "id": self.plan.pack_id,
                "version": self.version,
                "title": self.plan.title,
                "description": re.sub(r"\s+", " ", intro),
                "language": "en",
                "languages": languages,
                "license": LICENSE,
                "authors": AUTHORS,
                "attribution": ATTRIBUTION,
                "homepage": f"{DASHBOARD}/training/{lib.slug}",
                "source": SOURCE,
                "modules": [m.folder for m in self.plan.modules],
            },
        )
        self.files.add_text("ATTRIBUTION.md", _attribution_md(self.plan.title))

    version = "1.0.0"


def _attribution_md(title: str) -> str:
    return (
        f"# {title}\n\n{ATTRIBUTION}\n\n"
        "Licence of the text: Creative Commons Attribution-ShareAlike 4.0 International\n"
        "(https://creativecommons.org/licenses/by-sa/4.0/). The Dashboard states: "
        '"All content is CC-BY-SA".\n\n'
        f"Source: {SOURCE}.\n\nChanges: converted from the Dashboard's YAML slides into a Training\n"
        "Kit pack source by `kit import wikiedu`; remote images and videos are linked,\n"
        "or included when fetched with `--fetch-media`.\n"
    )


def import_wikiedu(
    training_dir: str | Path, out_dir: str | Path, options: ImportOptions | None = None
) -> ImportReport:
    """Write one pack source per library of a Dashboard training folder into `out_dir`."""
    root, out = Path(training_dir), Path(out_dir)
    options = options or ImportOptions()
    if not root.is_dir():
        raise KitError(_("{path} is not a folder.").format(path=root))
    if not (root / "libraries").is_dir() or not (root / "modules").is_dir():
        raise KitError(
            _("{path} is not a Dashboard training folder (no libraries/ and modules/).").format(
                path=root
            )
        )
    report = ImportReport()
    corpus = read_corpus(root, report)
    listed = {slug for module in corpus.modules.values() for slug in module.slides}
    for slide in corpus.slides.values():
        if slide.slug not in listed:
            report.warn(slide.rel, "no module lists this slide; left out")
    plans = [p for p in (plan_library(lib, corpus, report) for lib in corpus.libraries) if p]
    seen_ids: set[str] = set()
    for plan in plans:
        if plan.pack_id in seen_ids:
            report.warn(plan.library.rel, f"pack id '{plan.pack_id}' is taken; library left out")
            continue
        seen_ids.add(plan.pack_id)
    resolver = LinkResolver({p.library.slug: _index(p) for p in plans}, report)
    fetcher = MediaFetcher(options, report)
    written: set[str] = set()
    for plan in plans:
        if plan.pack_id in written:
            continue
        written.add(plan.pack_id)
        writer = _PackWriter(plan, resolver, fetcher)
        writer.version = options.pack_version
        report.packs.append(writer.write(out))
    report.warnings.sort()
    return report
