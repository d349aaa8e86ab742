"""pack.yaml and module.yaml as forms: read the text into a model, write the edited text.

Only the fields the person changed are written (through kit.core.authoring.yamledit), so
every other line, including hand-written constructs the form does not understand, stays as
it was. The fields are those of docs/pack-format.md sections 2 and 3; the lists that order
modules and items belong to the outline and are never touched here.

Pure: text in, text out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any

from kit.core.authoring import licences, yamledit
from kit.core.packformat.fields import ID_RE, LANG_RE, SEMVER_RE
from kit.core.packformat.yamlio import strict_compose
from kit.core.skills import capx
from kit.i18n import N_, _

PACK_ORDER = (
    "id", "version", "title", "description", "language", "languages", "license",
    "authors", "attribution", "homepage", "source", "min_app_version", "modules",
)  # fmt: skip
MODULE_ORDER = ("id", "title", "summary", "objectives", "minutes", "tags", "items")
ID_NOTE = N_(
    "The id stays the same in every version: installed copies, learners' progress and "
    "updates find the pack by it. Change it only before the pack is shared."
)
MODULE_ID_NOTE = N_(
    "The id stays the same in every version: learners' progress and workshop plans find "
    "the module by it. Change it only before the pack is shared."
)
MAX_MINUTES = 100000


@dataclass(frozen=True)
class Author:
    name: str
    url: str = ""
    role: str = ""


@dataclass(frozen=True)
class PackMeta:
    id: str = ""
    version: str = ""
    title: str = ""
    description: str = ""
    language: str = ""
    translations: tuple[str, ...] = ()  # languages besides `language`, in the file's order
    license: str = ""
    authors: tuple[Author, ...] = ()
    attribution: str = ""
    homepage: str = ""
    source: str = ""
    min_app_version: str = ""


@dataclass(frozen=True)
class ModuleMeta:
    id: str = ""
    title: str = ""
    summary: str = ""
    objectives: tuple[str, ...] = ()
    minutes: str = ""  # as typed; a whole number when valid
    tags: tuple[str, ...] = ()  # topic tags and skill tags, in the file's order


@dataclass(frozen=True)
class SkillChoice:
    key: str
    label: str  # translated
    group: str  # translated group label ("" for a group itself)
    is_group: bool = False


@dataclass(frozen=True)
class FormText:
    """A file read for a form: the model, and the 1-based line of each top-level key."""

    meta: Any
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)


def _text(value: Any) -> str:
    if value is None or isinstance(value, (list, dict)):
        return ""
    return str(value).strip()


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if isinstance(v, (str, int, float)))


def _authors(value: Any) -> tuple[Author, ...]:
    if not isinstance(value, list):
        return ()
    out = []
    for entry in value:
        if isinstance(entry, (str, int, float)):
            out.append(Author(str(entry).strip()))
        elif isinstance(entry, dict):
            out.append(
                Author(_text(entry.get("name")), _text(entry.get("url")), _text(entry.get("role")))
            )
    return tuple(out)


def _mapping(text: str) -> tuple[dict[str, Any], dict[str, tuple[int, int]]]:
    lines = yamledit.value_lines(text)  # raises YamlEditError on text that is no mapping
    data = strict_compose(text.removeprefix("\ufeff"))[0] or {}
    return data, lines


def read_pack(text: str) -> FormText:
    data, lines = _mapping(text)
    language = _text(data.get("language"))
    langs = [lang for lang in dict.fromkeys(_texts(data.get("languages"))) if lang != language]
    meta = PackMeta(
        id=_text(data.get("id")),
        version=_text(data.get("version")),
        title=_text(data.get("title")),
        description=_text(data.get("description")),
        language=language,
        translations=tuple(langs),
        license=_text(data.get("license")),
        authors=_authors(data.get("authors")),
        attribution=_text(data.get("attribution")),
        homepage=_text(data.get("homepage")),
        source=_text(data.get("source")),
        min_app_version=_text(data.get("min_app_version")),
    )
    return FormText(meta, lines)


def read_module(text: str) -> FormText:
    data, lines = _mapping(text)
    minutes = data.get("minutes")
    meta = ModuleMeta(
        id=_text(data.get("id")),
        title=_text(data.get("title")),
        summary=_text(data.get("summary")),
        objectives=_texts(data.get("objectives")),
        minutes="" if minutes is None or isinstance(minutes, (list, dict)) else str(minutes),
        tags=_texts(data.get("tags")),
    )
    return FormText(meta, lines)


def _optional(value: str) -> Any:
    return value if value else yamledit.REMOVE


def _list(values: tuple[str, ...]) -> Any:
    return list(values) if values else yamledit.REMOVE


def write_pack(text: str, meta: PackMeta) -> str:
    """`text` with the fields of `meta` that differ from the text's written in."""
    old = read_pack(text).meta
    data = _mapping(text)[0]
    changes: dict[str, Any] = {}
    for name in ("id", "version", "title", "language", "license"):
        if getattr(meta, name) != getattr(old, name):
            changes[name] = getattr(meta, name)
    for name in ("description", "attribution", "homepage", "source", "min_app_version"):
        if getattr(meta, name) != getattr(old, name):
            changes[name] = _optional(getattr(meta, name))
    moved = (meta.language, meta.translations) != (old.language, old.translations)
    if moved and (meta.translations or "languages" in data):
        others = [t for t in meta.translations if t != meta.language]
        changes["languages"] = [meta.language, *others]
    if meta.authors != old.authors:
        changes["authors"] = _list(tuple(_author_value(a) for a in meta.authors if a.name))
    return yamledit.apply(text, changes, PACK_ORDER)


def _author_value(author: Author) -> Any:
    entry = {"name": author.name}
    if author.url:
        entry["url"] = author.url
    if author.role:
        entry["role"] = author.role
    return entry


def write_module(text: str, meta: ModuleMeta) -> str:
    old = read_module(text).meta
    changes: dict[str, Any] = {}
    for name in ("id", "title"):
        if getattr(meta, name) != getattr(old, name):
            changes[name] = getattr(meta, name)
    if meta.summary != old.summary:
        changes["summary"] = _optional(meta.summary)
    if meta.objectives != old.objectives:
        changes["objectives"] = _list(tuple(o for o in meta.objectives if o))
    if meta.minutes != old.minutes:
        value = meta.minutes.strip()
        changes["minutes"] = int(value) if value.isdigit() else _optional(value)
    if meta.tags != old.tags:
        changes["tags"] = _list(meta.tags)
    return yamledit.apply(text, changes, MODULE_ORDER)


def field_names(meta: PackMeta | ModuleMeta) -> tuple[str, ...]:
    return tuple(f.name for f in fields(meta))


def field_at_line(lines: dict[str, tuple[int, int]], line: int) -> str | None:
    """The file key whose lines hold `line` (the form field to focus)."""
    for key, (first, last) in lines.items():
        if first <= line <= max(first, last):
            return key
    return None


# -- checks: one sentence each, keyed by field name -----------------------------------


def _check_id(value: str) -> str | None:
    if not value:
        return _("Give an id: lowercase letters, digits, '.', '_' or '-'.")
    if not ID_RE.match(value):
        return _("The id may hold only lowercase letters, digits, '.', '_' and '-'.")
    return None


def _check_version(value: str, required: bool = True) -> str | None:
    if not value:
        return _("Give a version such as 1.0.0.") if required else None
    if not SEMVER_RE.match(value):
        return _("'{value}' is not a version such as 1.0.0.").format(value=value)
    return None


def pack_problems(meta: PackMeta) -> dict[str, str]:
    found: dict[str, str | None] = {
        "id": _check_id(meta.id),
        "version": _check_version(meta.version),
        "title": _("Give the pack a title.") if not meta.title else None,
        "license": licences.problem(meta.license),
        "min_app_version": _check_version(meta.min_app_version, required=False),
    }
    if not meta.language:
        found["language"] = _("Choose the language the pack is written in.")
    elif not LANG_RE.match(meta.language):
        found["language"] = _("'{value}' is not a language code such as en.").format(
            value=meta.language
        )
    bad = [t for t in meta.translations if not LANG_RE.match(t)]
    if bad:
        found["translations"] = _("'{value}' is not a language code such as es.").format(
            value=bad[0]
        )
    if any(not a.name and (a.url or a.role) for a in meta.authors):
        found["authors"] = _("Every author needs a name.")
    return {k: v for k, v in found.items() if v}


def module_problems(meta: ModuleMeta) -> dict[str, str]:
    found: dict[str, str | None] = {
        "id": _check_id(meta.id),
        "title": _("Give the module a title.") if not meta.title else None,
    }
    minutes = meta.minutes.strip()
    if minutes and (not minutes.isdigit() or int(minutes) > MAX_MINUTES):
        found["minutes"] = _("Minutes must be a whole number from 0 to 100000.")
    for tag in meta.tags:
        if capx.is_skill_tag(tag):
            if capx.tag_problem(tag):
                found["tags"] = _("'{tag}' is not in the skills directory.").format(tag=tag)
                break
        elif not ID_RE.match(tag):
            found["tags"] = _(
                "The topic tag '{tag}' may hold only lowercase letters, digits, '.', '_' and '-'."
            ).format(tag=tag)
            break
    return {k: v for k, v in found.items() if v}


# -- helpers the forms offer ----------------------------------------------------------


def bump_version(version: str, part: str) -> str:
    """'1.2.3' -> '1.2.4' (part "patch"), '1.3.0' ("minor"), '2.0.0' ("major").

    A version that is not MAJOR.MINOR.PATCH becomes "1.0.0"; a prerelease is dropped.
    """
    match = re.match(r"^(\d+)\.(\d+)\.(\d+)", version.strip())
    if not match or not SEMVER_RE.match(version.strip()):
        return "1.0.0"
    major, minor, patch = (int(g) for g in match.groups())
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def skill_choices() -> tuple[SkillChoice, ...]:
    """The skills directory, groups each followed by their sub-capacities."""
    out = []
    for s in capx.all_skills():
        group = capx.skill(s.group_key)
        out.append(
            SkillChoice(
                s.key,
                s.shown_label(),
                "" if s.is_group or group is None else group.shown_label(),
                s.is_group,
            )
        )
    return tuple(out)


def search_skills(query: str) -> tuple[SkillChoice, ...]:
    """Skills whose name, group or key holds `query` (case-insensitive); all for ""."""
    words = query.casefold().split()
    return tuple(
        c
        for c in skill_choices()
        if all(w in f"{c.label} {c.group} {c.key}".casefold() for w in words)
    )


def split_tags(tags: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(topic tags, skill tags), each in the file's order."""
    return (
        tuple(t for t in tags if not capx.is_skill_tag(t)),
        tuple(t for t in tags if capx.is_skill_tag(t)),
    )


def join_tags(
    old: tuple[str, ...], topics: tuple[str, ...], skills: tuple[str, ...]
) -> tuple[str, ...]:
    """The new tag list: kept tags in their old places, new ones after them."""
    wanted = list(dict.fromkeys([*topics, *skills]))
    kept = [t for t in old if t in wanted]
    return tuple(kept + [t for t in wanted if t not in kept])


def with_field(meta: Any, name: str, value: Any) -> Any:
    return replace(meta, **{name: value})
