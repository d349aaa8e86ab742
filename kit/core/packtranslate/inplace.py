"""Bring translations into a translation file that is already there, changing only what
changed: a field's lines (through kit.core.authoring.yamledit) and, for an item, its body.
Everything else (comments, quoting, folded texts, key order) stays as the translator wrote
it, and a file whose translated content would not change comes back unchanged."""

from __future__ import annotations

from typing import Any

from kit.core.authoring.yamledit import REMOVE, YamlEditError
from kit.core.authoring.yamledit import apply as edit_yaml
from kit.core.packformat.translations import UNTRANSLATED
from kit.core.packformat.yamlio import YamlProblem, load_mapping
from kit.core.packtranslate.sourcetext import SourceFile

_ITEM_ORDER = ("id", "type", "title", "summary", "materials", UNTRANSLATED)


def file_prefix(file: SourceFile) -> str:
    return "pack" if file.kind == "pack" else f"{file.kind}/{file.item['id']}"


def same_value(old: Any, new: Any) -> bool:
    """Whether two field values read the same (texts compared without outer spaces)."""
    if isinstance(old, str | int | float) and isinstance(new, str):
        return str(old).strip() == new.strip()
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same_value(a, b) for a, b in zip(old, new, strict=True))
    return bool(old == new)


def translated_fields(file: SourceFile, done: dict[str, str]) -> dict[str, Any]:
    """{field: value} for each header field with a translated unit (a list whole, its
    other entries in the original's words)."""
    depth = len(file_prefix(file).split("/"))
    lists: dict[str, list[str]] = {}
    out: dict[str, Any] = {}
    translated_lists: set[str] = set()
    for u in file.units:
        parts = u.context.split("/")
        if len(parts) <= depth or (file.kind == "item" and parts[depth] not in _ITEM_ORDER):
            continue
        key = parts[depth]
        if len(parts) > depth + 1:
            lists.setdefault(key, []).append(done.get(u.context, u.text))
            if u.context in done:
                translated_lists.add(key)
        elif u.context in done:
            out[key] = done[u.context]
    for key in translated_lists:
        out[key] = lists[key]
    return out


def _changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in new.items() if not (k in old and same_value(old[k], v))}


def edit_yaml_file(file: SourceFile, done: dict[str, str], old_text: str) -> str | None:
    """`old_text` (pack.yaml or module.yaml of translations/LANG/) with the translated
    fields set; None when the file cannot be edited line by line."""
    try:
        old = load_mapping(old_text.removeprefix("\ufeff")).data
        return edit_yaml(old_text, _changes(old, translated_fields(file, done)))
    except (YamlProblem, YamlEditError):
        return None


def edit_item_file(
    file: SourceFile, done: dict[str, str], old_text: str, missing: list[str]
) -> str | None:
    """`old_text` (an item file of translations/LANG/) with its changed header lines and
    body; None when it has no front matter the editor can change line by line."""
    assert file.body is not None
    lines = old_text.split("\n")
    if not lines or lines[0].rstrip() not in ("---", "\ufeff---"):
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), 0)
    if not end:
        return None
    header = "".join(line + "\n" for line in lines[1:end])
    crlf = lines[0].endswith("\r")
    try:
        old = load_mapping(header.replace("\r\n", "\n")).data
        changes = _changes(old, translated_fields(file, done))
        if missing:
            if not same_value(old.get(UNTRANSLATED), missing):
                changes[UNTRANSLATED] = missing
        elif UNTRANSLATED in old:
            changes[UNTRANSLATED] = REMOVE
        header = edit_yaml(header, changes, _ITEM_ORDER)
    except (YamlProblem, YamlEditError):
        return None
    old_body = "\n".join(lines[end + 1 :])
    body = file.body.render(done)
    if crlf:
        body = body.replace("\n", "\r\n")
    if body.replace("\r\n", "\n") == old_body.replace("\r\n", "\n"):
        body = old_body
    return lines[0] + "\n" + header + lines[end] + "\n" + body
