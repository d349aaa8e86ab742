"""Read a pack source folder into the built-pack content structure.

Every problem is collected (see Report); nothing stops at the first one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.packformat import ITEM_TYPES
from kit.core.packformat.fields import ID_RE, LANG_RE, SEMVER_RE, SPDX_RE, FieldChecker
from kit.core.packformat.items import TYPE_FIELDS, parse_item_body
from kit.core.packformat.links import MEDIA_SUFFIXES, collect_media_folder, resolve_links
from kit.core.packformat.problems import Report
from kit.core.packformat.yamlio import Doc, YamlProblem, load_mapping, split_front_matter
from kit.core.skills import capx
from kit.i18n import _

PACK_KEYS = {
    "id", "version", "title", "description", "language", "languages", "license",
    "authors", "attribution", "min_app_version", "modules", "homepage", "source",
}  # fmt: skip
MODULE_KEYS = {"id", "title", "summary", "objectives", "minutes", "tags", "items"}
ITEM_KEYS = {"id", "type", "title", "minutes", "summary", *TYPE_FIELDS}
__all__ = ["MEDIA_SUFFIXES", "LoadedSource", "load_source"]


@dataclass
class LoadedSource:
    root: Path
    content: dict[str, Any]
    media: dict[str, Path] = field(default_factory=dict)
    report: Report = field(default_factory=Report)

    @property
    def pack(self) -> dict[str, Any]:
        return self.content["pack"]


@dataclass
class ItemFile:
    rel: str  # path relative to the source root, posix
    header: Doc
    body: str
    body_line: int
    module_id: str
    base_rel: str | None = None  # where links resolve from (translations: the original)


class SourceReader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.report = Report()
        self.media: dict[str, Path] = {}
        self.item_by_file: dict[str, str] = {}  # item file (source path) -> item id
        self.item_by_rel: dict[str, dict[str, Any]] = {}  # item file -> built item
        self.module_by_dir: dict[str, dict[str, Any]] = {}  # module folder -> built module
        self.listed_items: set[str] = set()  # every item file named in a module.yaml
        self.listed_modules: set[str] = set()  # every module folder named in pack.yaml

    # -- files -------------------------------------------------------------
    def read_text(self, rel: str) -> str | None:
        path = self.root / rel
        if not path.is_file():
            self.report.error(rel, 1, _("file not found"))
            return None
        if not path.resolve().is_relative_to(self.real_root):
            self.report.error(rel, 1, _("this file is a link to somewhere outside the pack"))
            return None
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.report.error(
                rel, 1, _("cannot read this file: {reason}").format(reason=exc.strerror or exc)
            )
            return None
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            self.report.error(rel, line, _("file is not UTF-8 text; save it as UTF-8"))
            return None
        return text.removeprefix("\ufeff").replace("\r\n", "\n")

    def read_yaml(self, rel: str) -> Doc | None:
        text = self.read_text(rel)
        if text is None:
            return None
        try:
            return load_mapping(text)
        except YamlProblem as exc:
            self.report.error(rel, exc.line, exc.message)
            return None

    # -- pack --------------------------------------------------------------
    def load(self) -> LoadedSource:
        doc = self.read_yaml("pack.yaml")
        if doc is None:
            return LoadedSource(self.root, {"pack": {}, "modules": []}, {}, self.report)
        f = FieldChecker(doc, self.report, "pack.yaml", PACK_KEYS)
        language = f.pattern("language", LANG_RE, "a language code such as 'en'")
        languages = f.text_list("languages") or ([language] if language else [])
        for lang in languages:
            if not LANG_RE.match(lang):
                self.report.error(
                    "pack.yaml",
                    doc.line("languages"),
                    _("'{lang}' is not a language code").format(lang=lang),
                )
        if language and language not in languages:
            languages.insert(0, language)
        languages = list(dict.fromkeys(languages))
        pack = {
            "id": f.pattern("id", ID_RE, "lowercase letters, digits, '.', '_' or '-'"),
            "version": f.pattern("version", SEMVER_RE, "a version such as 1.0.0"),
            "title": f.text("title", required=True),
            "description": f.text("description"),
            "language": language,
            "languages": languages,
            "license": f.pattern("license", SPDX_RE, "an SPDX licence id such as CC-BY-SA-4.0"),
            "authors": f.authors("authors"),
            "attribution": f.text("attribution"),
            "homepage": f.text("homepage"),
            "source": f.text("source"),
            "min_app_version": f.pattern(
                "min_app_version", SEMVER_RE, "a version such as 0.1.0", required=False
            )
            or "0.1.0",
        }
        module_dirs = f.text_list("modules", required=True)
        if not module_dirs and "modules" in doc.data:
            self.report.error("pack.yaml", doc.line("modules"), "the pack lists no modules")
        headers = self._read_modules(module_dirs, doc)
        collect_media_folder(self)
        modules = [self._build_module(mdir, mdoc, files) for mdir, mdoc, files in headers]
        content = {"pack": pack, "modules": modules, "translations": {}}
        self._check_unique_ids(headers)
        from kit.core.packformat.translations import read_translations

        content["translations"] = read_translations(self, content, languages)
        from kit.core.packformat.plans import read_plans

        plans = read_plans(self, content)
        if plans:  # packs without plans build exactly as before
            content["plans"] = plans
        return LoadedSource(self.root, content, self.media, self.report)

    def _read_modules(
        self, module_dirs: list[str], pack_doc: Doc
    ) -> list[tuple[str, Doc, list[ItemFile]]]:
        out = []
        seen: set[str] = set()
        for mdir in module_dirs:
            if mdir in seen or "/" in mdir or "\\" in mdir or mdir.startswith("."):
                self.report.error(
                    "pack.yaml",
                    pack_doc.line("modules"),
                    _("bad or repeated module folder '{mdir}'").format(mdir=mdir),
                )
                continue
            seen.add(mdir)
            self.listed_modules.add(mdir)
            rel = f"modules/{mdir}/module.yaml"
            if not (self.root / "modules" / mdir).is_dir():
                self.report.error(
                    "pack.yaml",
                    pack_doc.line("modules"),
                    _("module folder 'modules/{mdir}' not found").format(mdir=mdir),
                )
                continue
            mdoc = self.read_yaml(rel)
            if mdoc is None:
                continue
            files = self._read_item_headers(mdir, mdoc)
            out.append((mdir, mdoc, files))
        return out

    def _read_item_headers(self, mdir: str, mdoc: Doc) -> list[ItemFile]:
        rel_yaml = f"modules/{mdir}/module.yaml"
        module_id = str(mdoc.data.get("id") or "")
        items = mdoc.data.get("items")
        if not isinstance(items, list) or not items:
            self.report.error(
                rel_yaml,
                mdoc.line("items"),
                _("missing 'items': list the module's item files in order"),
            )
            return []
        files: list[ItemFile] = []
        listed: set[str] = set()
        for name in items:
            if not isinstance(name, str) or "/" in name or "\\" in name or not name.endswith(".md"):
                self.report.error(
                    rel_yaml,
                    mdoc.line("items"),
                    _("'{name}' is not a .md file name in this folder").format(name=name),
                )
                continue
            if name in listed:
                self.report.error(
                    rel_yaml, mdoc.line("items"), _("'{name}' is listed twice").format(name=name)
                )
                continue
            listed.add(name)
            rel = f"modules/{mdir}/{name}"
            self.listed_items.add(rel)
            item = self._read_item_file(rel, module_id, rel_yaml, mdoc)
            if item is not None:
                files.append(item)
        for path in sorted((self.root / "modules" / mdir).glob("*.md")):
            if path.name not in listed:
                self.report.warn(
                    f"modules/{mdir}/{path.name}",
                    1,
                    "not listed in the module's 'items'; it is left out of the pack",
                )
        return files

    def _read_item_file(
        self, rel: str, module_id: str, rel_yaml: str, mdoc: Doc
    ) -> ItemFile | None:
        if not (self.root / rel).is_file():
            self.report.error(
                rel_yaml, mdoc.line("items"), _("item file '{rel}' not found").format(rel=rel)
            )
            return None
        text = self.read_text(rel)
        if text is None:
            return None
        header_text, header_line, body, body_line = split_front_matter(text)
        if header_text is None:
            self.report.error(
                rel,
                1,
                _("missing header: start the file with '---', 'id:', 'type:', 'title:' and '---'"),
            )
            return None
        try:
            header = load_mapping(header_text, first_line=header_line)
        except YamlProblem as exc:
            self.report.error(rel, exc.line, exc.message)
            return None
        header.first_line = 1
        item_id = header.data.get("id")
        if isinstance(item_id, str) and ID_RE.match(item_id):
            self.item_by_file[rel] = item_id
        return ItemFile(rel, header, body, body_line, module_id)

    def _check_unique_ids(self, headers: list[tuple[str, Doc, list[ItemFile]]]) -> None:
        module_seen: dict[str, str] = {}
        item_seen: dict[str, str] = {}
        for mdir, mdoc, files in headers:
            mid = mdoc.data.get("id")
            rel = f"modules/{mdir}/module.yaml"
            if isinstance(mid, str) and mid in module_seen:
                self.report.error(
                    rel,
                    mdoc.line("id"),
                    _("duplicate module id '{mid}' (also in {other})").format(
                        mid=mid, other=module_seen[mid]
                    ),
                )
            elif isinstance(mid, str):
                module_seen[mid] = rel
            for item in files:
                iid = item.header.data.get("id")
                if isinstance(iid, str) and iid in item_seen:
                    self.report.error(
                        item.rel,
                        item.header.line("id"),
                        _("duplicate item id '{iid}' (also in {other})").format(
                            iid=iid, other=item_seen[iid]
                        ),
                    )
                elif isinstance(iid, str):
                    item_seen[iid] = item.rel

    # -- modules and items -------------------------------------------------
    def _build_module(self, mdir: str, mdoc: Doc, files: list[ItemFile]) -> dict[str, Any]:
        rel = f"modules/{mdir}/module.yaml"
        f = FieldChecker(mdoc, self.report, rel, MODULE_KEYS)
        items = []
        for file in files:
            item = self.build_item(file)
            if item is not None:
                items.append(item)
                self.item_by_rel[file.rel] = item
        minutes = f.number("minutes", default=None, high=100000)
        if minutes is None:
            minutes = sum(it.get("minutes") or 0 for it in items)
        tags = f.text_list("tags")
        for tag in tags:
            if capx.is_skill_tag(tag):
                problem = capx.tag_problem(tag)
                if problem:
                    self.report.warn(rel, mdoc.line("tags"), problem)
            elif not ID_RE.match(tag):
                self.report.error(
                    rel,
                    mdoc.line("tags"),
                    _("tag '{tag}' must be lowercase letters, digits or '-'").format(tag=tag),
                )
        module = {
            "id": f.pattern("id", ID_RE, "lowercase letters, digits, '.', '_' or '-'"),
            "title": f.text("title", required=True),
            "summary": f.text("summary"),
            "objectives": f.text_list("objectives"),
            "minutes": minutes,
            "tags": tags,
            "items": items,
        }
        self.module_by_dir[mdir] = module
        return module

    def build_item(self, item: ItemFile, expected_type: str | None = None) -> dict[str, Any] | None:
        f = FieldChecker(item.header, self.report, item.rel, ITEM_KEYS)
        iid = f.pattern("id", ID_RE, "lowercase letters, digits, '.', '_' or '-'")
        itype = f.text("type", required=expected_type is None, default=expected_type or "")
        title = f.text("title", required=True)
        if itype and itype not in ITEM_TYPES:
            self.report.error(
                item.rel,
                item.header.line("type"),
                _("unknown item type '{itype}' (use one of: {choices})").format(
                    itype=itype, choices=", ".join(ITEM_TYPES)
                ),
            )
            return None
        if not itype:
            return None
        body = self.resolve_links(item.rel, item.body, item.body_line, item.base_rel)
        parsed = parse_item_body(itype, body, f, self.report, item.rel, item.body_line)
        if parsed is None:
            return None
        return {"id": iid, "type": itype, "title": title, "summary": f.text("summary"), **parsed}

    def resolve_links(
        self, rel: str, body: str, body_line: int, base_rel: str | None = None
    ) -> str:
        return resolve_links(self, rel, body, body_line, base_rel)


def load_source(root: str | Path) -> LoadedSource:
    """Read and check a pack source folder. See LoadedSource.report for problems."""
    root = Path(root)
    if not (root / "pack.yaml").is_file():
        report = Report()
        report.error(str(root), 1, _("not a pack source: pack.yaml not found"))
        return LoadedSource(root, {"pack": {}, "modules": []}, {}, report)
    return SourceReader(root).load()
