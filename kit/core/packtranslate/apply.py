"""Write a PO file's translations into the pack source (translations/LANG/...), and read
existing translation files back as translations (so extracting keeps earlier work)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kit.core.errors import KitError
from kit.core.fsutil import write_atomic
from kit.core.packformat.translations import UNTRANSLATED
from kit.core.packformat.yamlio import YamlProblem, load_mapping
from kit.core.packtranslate.inplace import (
    edit_item_file,
    edit_yaml_file,
    file_prefix,
    translated_fields,
)
from kit.core.packtranslate.markup import markup_problem
from kit.core.packtranslate.sourcetext import SourceFile, SourceText, cut_translation
from kit.i18n import _


@dataclass(frozen=True)
class Applied:
    lang: str
    files: int  # translation files written
    translated: int
    missing: int  # units left in the pack's language
    outdated: int  # fuzzy or made for older text (not applied)
    problems: tuple[tuple[str, str], ...] = ()  # (file:line, what): broken markup, not applied


def _dump(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _existing_yaml(path: Path) -> dict[str, Any]:
    try:
        return load_mapping(path.read_text(encoding="utf-8-sig")).data if path.is_file() else {}
    except (OSError, UnicodeDecodeError, YamlProblem):
        return {}


def render_file(file: SourceFile, done: dict[str, str], existing: Path) -> str | None:
    """The translated file's text, or None when none of its units is translated. A file
    already there is edited in place (see kit.core.packtranslate.inplace)."""
    if not any(u.context in done for u in file.units):
        return None
    old = _read(existing)
    missing = [u.context for u in file.units if u.context not in done]
    if old is not None:
        edited = (
            edit_item_file(file, done, old, missing)
            if file.kind == "item"
            else edit_yaml_file(file, done, old)
        )
        if edited is not None:
            return edited
    if file.kind in ("pack", "module"):
        return _render_yaml(file, done, existing)
    return _render_item(file, done, missing)


def _read(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8") if path.is_file() else None
    except (OSError, UnicodeDecodeError):
        return None


def _render_yaml(file: SourceFile, done: dict[str, str], existing: Path) -> str:
    data = _existing_yaml(existing)
    if file.kind == "module":
        data = {"id": file.item["id"], **{k: v for k, v in data.items() if k != "id"}}
    data.update(translated_fields(file, done))
    return _dump(data)


def _render_item(file: SourceFile, done: dict[str, str], missing: list[str]) -> str:
    assert file.body is not None
    header: dict[str, Any] = {"id": file.item["id"], "type": file.item["type"]}
    materials: list[str] = []
    for u in file.units:
        key = u.context.split("/")[2]
        if key in ("title", "summary"):
            header[key] = done.get(u.context, u.text)
        elif key == "materials":
            materials.append(done.get(u.context, u.text))
    if materials:
        header["materials"] = materials
    if missing:
        header[UNTRANSLATED] = missing
    return "---\n" + _dump(header) + "---\n" + file.body.render(done)


def apply_language(source: SourceText, lang: str, done: dict[str, str], outdated: int) -> Applied:
    """Write translations/LANG/... for every file with at least one translated unit."""
    base = source.root / "translations" / lang
    done = dict(done)
    problems = []
    for file, unit in source.units:
        if unit.context in done:
            problem = markup_problem(unit.text, done[unit.context])
            if problem:
                problems.append((f"{file.rel}:{unit.line}", f"{unit.context}: {problem}"))
                del done[unit.context]
    written = 0
    for file in source.files:
        target = base / file.rel
        text = render_file(file, done, target)
        if text is None or text.encode("utf-8") == _bytes(target):
            continue  # a file whose translated content is unchanged is not rewritten
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text.encode("utf-8"))
        written += 1
    if written:
        ensure_language(source, lang)
    total = len(source.units)
    return Applied(lang, written, len(done), total - len(done), outdated, tuple(problems))


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes() if path.is_file() else None
    except OSError:
        return None


_FLOW_RE = re.compile(r"^(languages\s*:\s*)\[([^\]]*)\](\s*(?:#.*)?)$")


def ensure_language(source: SourceText, lang: str) -> None:
    """Add `lang` to pack.yaml's `languages` (the source's text, edited in place)."""
    if lang in source.languages:
        return
    path = source.root / "pack.yaml"
    lines = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").split("\n")
    langs = [*source.languages, lang]
    where = source.pack_lines.get("languages")
    if where is None:
        lines.insert(
            _after_key(lines, source.pack_lines.get("language")), f"languages: [{', '.join(langs)}]"
        )
    elif m := _FLOW_RE.match(lines[where - 1]):
        lines[where - 1] = f"{m.group(1)}[{', '.join(langs)}]{m.group(3)}"
    else:
        n = where
        while n < len(lines) and re.match(r"^\s*-\s", lines[n]):
            n += 1
        if n == where:
            raise KitError(
                _("Add '{lang}' to 'languages' in pack.yaml, then apply again.").format(lang=lang)
            )
        indent = re.match(r"^(\s*-\s)", lines[n - 1])
        lines.insert(n, f"{indent.group(1) if indent else '  - '}{lang}")
    write_atomic(path, "\n".join(lines).encode("utf-8"))
    source.languages.append(lang)


def _after_key(lines: list[str], line: int | None) -> int:
    return line if line is not None else len(lines)


def existing_translations(source: SourceText, lang: str) -> dict[str, tuple[str, bool]]:
    """{context: (text, fuzzy)} from the translation files already in translations/LANG/
    (used to fill a new PO file). Units of a file whose structure differs from the
    original's (other paragraphs, answers) are fuzzy: a translator checks them."""
    base = source.root / "translations" / lang
    out: dict[str, tuple[str, bool]] = {}
    for file in source.files:
        path = base / file.rel
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
        except (OSError, UnicodeDecodeError):
            continue
        if file.kind == "item":
            cut = cut_translation(file, text)
            if cut is None:
                continue
            header, body = cut
            units = {u.context: u.text for u in body.units}
            assert file.body is not None
            shape = {u.context for u in file.body.units} == set(units)
            prefix = file_prefix(file)
            fields = {}  # header fields match by name, whatever the body's shape
            for key in ("title", "summary"):
                if isinstance(header.get(key), str):
                    fields[f"{prefix}/{key}"] = header[key].strip()
            _list_units(fields, prefix, header, "materials")
        else:
            shape, units = True, {}
            data = _existing_yaml(path)
            prefix = file_prefix(file)
            fields = {
                f"{prefix}/{k}": str(v).strip() for k, v in data.items() if isinstance(v, str)
            }
            _list_units(fields, prefix, data, "objectives")
        for u in file.units:
            if fields.get(u.context):
                out[u.context] = (fields[u.context], False)
            elif units.get(u.context) and (shape or units[u.context] != u.text):
                out[u.context] = (units[u.context], not shape)
    return out


def _list_units(units: dict[str, str], prefix: str, data: dict[str, Any], key: str) -> None:
    value = data.get(key)
    if isinstance(value, list):
        for n, entry in enumerate(value, 1):
            if isinstance(entry, str):
                units[f"{prefix}/{key}/{n}"] = entry.strip()
