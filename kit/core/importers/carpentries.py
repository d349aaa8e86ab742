"""`kit import carpentries`: a Carpentries Workbench lesson -> one pack source.

Mapping: index.md and learners/setup.md open the pack; each episode (config.yaml
`episodes:` order) is a module with a lesson (minutes = teaching + exercises from its
header) and one hands-on activity per challenge, whose solutions a learner reveals on
demand; instructor notes become facilitator notes; other learner pages close the pack,
instructors/ and profiles/ pages become facilitator-notes items; figures go to media/.
The lesson's schedule becomes a ready workshop plan, plans/schedule.yaml
(kit.core.importers.carpentries_schedule); an episode whose header has `break:` is a
break there, not a module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.core.importers.carpentries_md import (
    Div,
    code_chunks,
    kramdown_boxes,
    list_items,
    pandoc_spans,
    parse_divs,
    render,
    take_title,
    tidy,
)
from kit.core.importers.carpentries_pages import (
    LessonInfo,
    attribution_md,
    lesson_info,
    page_files,
)
from kit.core.importers.carpentries_schedule import PLAN_NAME, Step, schedule_plan
from kit.core.importers.common import (
    ImportOptions,
    ImportReport,
    SourceFiles,
    dump_yaml,
    item_file,
    rel_to,
    slugify,
)
from kit.core.importers.htmlmedia import MediaContext, rewrite_media
from kit.core.importers.mdrefs import inline_references
from kit.core.importers.media import MediaFetcher
from kit.core.packformat.body import extract_notes
from kit.core.packformat.items import reading_minutes
from kit.core.packformat.yamlio import split_front_matter, strict_load
from kit.core.skills.tagging import skill_tags
from kit.i18n import _

DEFAULT_CHALLENGE_MINUTES = 5
DEFAULT_BREAK_MINUTES = 15
PLAN_HEAD = (
    "# The lesson's schedule as a Training Kit workshop plan (docs/workshop-plan.md),\n"
    "# made by 'kit import carpentries'. Adopt it: kit workshop import --from-pack PACK/schedule\n"
)


def _opens_day(page: Page) -> bool:
    return page.header.get("start") is True


@dataclass
class Page:
    """One Markdown file of the lesson and the item(s) it becomes."""

    path: Path
    rel: str
    item_id: str
    module: str
    filename: str
    header: dict[str, Any] = field(default_factory=dict)
    body: str = ""


@dataclass
class Challenge:
    title: str
    nodes: list[str | Div]
    item_id: str = ""
    filename: str = ""


class CarpentriesImporter:
    def __init__(self, root: Path, options: ImportOptions) -> None:
        self.root, self.options = root, options
        self.report = ImportReport()
        self.files = SourceFiles()
        self.fetcher = MediaFetcher(options, self.report)
        self.info: LessonInfo = lesson_info(root, self.report)
        self.pages: dict[str, Page] = {}  # source rel path -> page
        self.steps: list[Step] = []  # the lesson's schedule, in order

    # -- reading -----------------------------------------------------------
    def read_page(self, path: Path, module: str, filename: str, item_id: str) -> Page | None:
        rel = rel_to(path, self.root)
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError) as exc:
            self.report.warn(rel, f"could not be read ({exc.__class__.__name__}); left out")
            return None
        header_text, _hl, body, _bl = split_front_matter(text)
        header: dict[str, Any] = {}
        if header_text is not None:
            import yaml

            try:
                loaded = strict_load(header_text)
                header = loaded if isinstance(loaded, dict) else {}
            except yaml.YAMLError:
                self.report.warn(rel, "the header is not valid YAML; it is ignored")
        body = kramdown_boxes(pandoc_spans(code_chunks(body)))
        page = Page(path, rel, item_id, module, filename, header, body)
        self.pages[rel] = page
        return page

    # -- converting --------------------------------------------------------
    def convert(self, page: Page, text: str) -> str:
        """Figures to media/, links to items, remote images to placeholders or files."""
        from kit.core.importers.carpentries_pages import rewrite_local

        text = inline_references(text, lambda message: self.report.warn(page.rel, message))
        text = rewrite_local(text, page, self)
        ctx = MediaContext(self.fetcher, self.files, self.report, page.rel, self.info.language)
        return rewrite_media(text, ctx)

    def episode(self, page: Page) -> tuple[str, dict[str, Any]]:
        title = str(page.header.get("title") or "").strip()
        if not title:
            self.report.warn(page.rel, "the episode has no title; its file name is used")
            title = page.path.stem.split("-", 1)[-1].replace("_", " ")
        teaching, exercises = self._minutes(page, "teaching"), self._minutes(page, "exercises")
        nodes = parse_divs(page.body)
        parts, challenges, extracted = self._split(nodes, page)
        share = max(1, exercises // len(challenges)) if challenges and exercises else 0
        lesson: list[str] = []
        for kind in ("questions", "objectives"):
            if extracted[kind]:
                lesson += [f"::: {kind}", *(f"- {i}" for i in extracted[kind]), ":::", ""]
        lesson.append(render(parts))
        if extracted["keypoints"]:
            lesson += ["", "::: keypoints", *(f"- {i}" for i in extracted["keypoints"]), ":::"]
        lesson += ["", "::: notes", self._timing(teaching, exercises), ":::"]
        header: dict[str, Any] = {"id": page.item_id, "type": "lesson", "title": title}
        if teaching + exercises:
            header["minutes"] = teaching + exercises
        else:
            self.report.warn(page.rel, "the header gives no teaching or exercise time")
        body = self.convert(page, tidy("\n".join(lesson)))
        self.files.add_text(f"modules/{page.module}/{page.filename}", item_file(header, body))
        names = [page.filename]
        for challenge in challenges:
            names.append(self._activity(page, challenge, share or DEFAULT_CHALLENGE_MINUTES))
        # What the built module will last: the lesson's time, else the pack's estimate.
        estimate = reading_minutes(extract_notes(body)[0]) + len(challenges) * (
            share or DEFAULT_CHALLENGE_MINUTES
        )
        self.steps.append(
            Step(title, teaching + exercises or estimate, page.module, _opens_day(page))
        )
        module: dict[str, Any] = {"id": page.module, "title": title}
        if extracted["questions"]:
            module["summary"] = " ".join(extracted["questions"])
        if extracted["objectives"]:
            module["objectives"] = extracted["objectives"]
        if teaching + exercises:
            module["minutes"] = teaching + exercises
        module["items"] = names
        return page.module, module

    def _break(self, page: Page) -> Step:
        """A break the lesson's schedule shows (`break: MINUTES` in an episode's header)."""
        minutes = self._minutes(page, "break")
        title = str(page.header.get("title") or "").strip() or "Break"
        return Step(title, minutes or DEFAULT_BREAK_MINUTES, "", _opens_day(page))

    def _minutes(self, page: Page, key: str) -> int:
        value = page.header.get(key)
        if value is None:
            self.report.warn(page.rel, f"the header has no '{key}' minutes")
            return 0
        try:
            minutes = int(float(str(value).strip()))
        except ValueError:
            self.report.warn(page.rel, f"'{key}: {value}' is not a number of minutes")
            return 0
        return max(0, min(minutes, 10000))

    @staticmethod
    def _timing(teaching: int, exercises: int) -> str:
        return f"Timing from the lesson: teaching {teaching} min, exercises {exercises} min."

    def _split(
        self, nodes: list[str | Div], page: Page
    ) -> tuple[list[str | Div], list[Challenge], dict[str, list[str]]]:
        """Lesson nodes, challenges (replaced by a pointer) and the episode's lists."""
        extracted: dict[str, list[str]] = {"questions": [], "objectives": [], "keypoints": []}
        kept: list[str | Div] = []
        challenges: list[Challenge] = []
        follows = False  # only blank lines since the last challenge
        for node in nodes:
            if isinstance(node, str) and not node.strip():
                kept.append(node)
                continue
            after_challenge, follows = follows, False
            if isinstance(node, Div) and node.kind == "solution" and after_challenge:
                # A solution written just after its challenge (not inside) belongs to it.
                challenges[-1].nodes += ["", node]
                follows = True
            elif isinstance(node, Div) and node.kind in extracted:
                extracted[node.kind] += list_items(node)
            elif isinstance(node, Div) and node.kind in ("challenge", "exercise"):
                title, rest = take_title(node.children)
                n = len(challenges) + 1
                challenge = Challenge(node.title or title or f"Challenge {n}", rest)
                challenge.item_id = slugify(f"{page.item_id}-challenge-{n}")
                challenge.filename = page.filename.replace(".md", f"-challenge-{n}.md")
                challenges.append(challenge)
                kept += ["", "::: challenge",
                         f"[{challenge.title}](item:{challenge.item_id})", ":::", ""]  # fmt: skip
                follows = True
            else:
                kept.append(node)
        return kept, challenges, extracted

    def _activity(self, page: Page, challenge: Challenge, minutes: int) -> str:
        header = {
            "id": challenge.item_id,
            "type": "activity",
            "title": challenge.title,
            "kind": "hands-on",
            "minutes": minutes,
        }
        for node in challenge.nodes:
            if isinstance(node, Div) and node.kind in ("solution", "hint"):
                title, rest = take_title(node.children)
                if title.lower().startswith(node.kind):
                    node.children = rest
        body = self.convert(page, render(challenge.nodes))
        if not body.strip():
            self.report.warn(page.rel, f"challenge '{challenge.title}' has no text")
        self.files.add_text(f"modules/{page.module}/{challenge.filename}", item_file(header, body))
        return challenge.filename

    # -- the pack ----------------------------------------------------------
    def run(self, out_dir: Path) -> ImportReport:
        episodes = self.info.episodes
        if not episodes:
            raise KitError(_("{path} has no episodes to import.").format(path=self.root))
        modules: list[tuple[str, dict[str, Any]]] = []
        plans = page_files(self)  # reads every page and gives the non-episode modules
        for page in plans.episodes:
            if "break" in page.header:  # no item of its own: a link to it is plain text
                self.pages.pop(page.rel, None)
        for page in plans.episodes:
            if "break" in page.header:
                self.steps.append(self._break(page))
            else:
                modules.append(self.episode(page))
        modules = plans.before + modules + plans.after
        for name, data in modules:
            tags = skill_tags(self.info.pack_id, name, str(data.get("title") or ""))
            if tags:  # before the item list, where a trainer looks for them
                items = data.pop("items")
                data = {**data, "tags": tags, "items": items}
            self.files.add_yaml(f"modules/{name}/module.yaml", data)
        info = self.info
        plan = schedule_plan(info.pack_id, info.title, info.language, self.steps, info.start)
        if plan is not None:
            self.files.add_text(f"plans/{PLAN_NAME}.yaml", PLAN_HEAD + dump_yaml(plan))
        self.files.add_yaml("pack.yaml", self.info.pack_yaml([n for n, _d in modules]))
        self.files.add_text("ATTRIBUTION.md", attribution_md(self.info))
        self.report.packs.append(self.files.write(out_dir / self.info.pack_id))
        self.report.warnings.sort()
        return self.report


def import_carpentries(
    lesson_dir: str | Path,
    out_dir: str | Path,
    options: ImportOptions | None = None,
    pack_id: str | None = None,
) -> ImportReport:
    """Write one pack source for a Carpentries Workbench lesson into `out_dir`."""
    root = Path(lesson_dir)
    if not root.is_dir():
        raise KitError(_("{path} is not a folder.").format(path=root))
    if not (root / "episodes").is_dir():
        raise KitError(
            _("{path} is not a Carpentries lesson (no episodes/ folder).").format(path=root)
        )
    importer = CarpentriesImporter(root, options or ImportOptions())
    if pack_id:
        importer.info.pack_id = slugify(pack_id)
    importer.info.version = (options or ImportOptions()).pack_version
    return importer.run(Path(out_dir))
