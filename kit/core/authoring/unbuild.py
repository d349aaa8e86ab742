"""A pack source written back from a built pack's content.json and media, for a pack the
library holds only as built (to remix it). The files follow docs/pack-format.md: one
folder per module named by its id, `NN-ID.md` items, notes in `::: notes` blocks, questions
as `## ID: TYPE` with their answers. The default language only: translations are left out.
"""

from __future__ import annotations

import json
import re
import tempfile
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from kit.core import itemtypes
from kit.core.errors import KitError
from kit.core.packformat.body import iter_targets, rewrite_targets
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.library import Library

_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_CHECKBOX_TYPES = ("single", "multiple", "truefalse")


def _yaml(data: Mapping[str, Any]) -> str:
    return yaml.safe_dump(
        dict(data), sort_keys=False, allow_unicode=True, default_flow_style=False, width=88
    )


def _flow(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    text = str(value)
    return text if _PLAIN.match(text) else json.dumps(text, ensure_ascii=False)


def _relative_media(text: str, media: set[str], depth: int = 2) -> str:
    mapping = {}
    for _offset, target, _image in iter_targets(text):
        if target.split("#")[0].split("?")[0] in media:
            mapping[target] = "../" * depth + target
    return rewrite_targets(text, mapping) if mapping else text


def _notes(body: str, notes: str) -> str:
    body = body.rstrip("\n")
    if notes.strip():
        body = f"{body}\n\n::: notes\n{notes.strip()}\n:::" if body else f"::: notes\n{notes}\n:::"
    return body


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.split("\n"))


def _answers(question: dict[str, Any], quiz: bool, bare: bool = False) -> list[str]:
    qtype = str(question.get("type") or "")
    lines: list[str] = []
    if quiz and qtype == "short":
        entries = question.get("answers") or [
            {"text": t, "correct": True, "explanation": ""} for t in question.get("accepted", [])
        ]
        for answer in entries:
            mark = "[x]" if answer.get("correct") else "[ ]"
            lines.append(f"- {mark} {answer.get('text', '')}")
            if answer.get("explanation"):
                lines.append(_indented(str(answer["explanation"])))
        return lines
    for n, choice in enumerate(question.get("choices") or [], start=1):
        text = str(choice.get("text", ""))
        if quiz and qtype in _CHECKBOX_TYPES:
            line = f"- {'[x]' if choice.get('correct') else '[ ]'} {text}"
        elif quiz:
            line = f"{n}. {text}"
        else:
            line = f"- {text}" + (" {na: true}" if choice.get("na") and not bare else "")
        lines.append(line)
        if choice.get("explanation"):
            lines.append(_indented(str(choice["explanation"])))
    return lines


def _question(question: dict[str, Any], quiz: bool, bare: bool = False) -> str:
    attrs = {k: question[k] for k in ("skill", "dimension", "about", "show_if") if k in question}
    head = f"## {question.get('id')}: {question.get('type')}"
    if attrs and not quiz and not bare:
        head += " " + _flow(attrs)
    parts = [head + "\n" + str(question.get("prompt", "")).strip()]
    answers = _answers(question, quiz, bare)
    if answers:
        parts.append("\n".join(answers))
    if question.get("explanation"):
        parts.append(f"Explanation: {question['explanation']}")
    return "\n\n".join(parts)


def _section(section: dict[str, Any], bare: bool = False) -> str:
    head = f"## {section.get('id')}: section"
    if section.get("show_if") and not bare:
        head += " " + _flow({"show_if": section["show_if"]})
    prompt = str(section.get("prompt") or "").strip()
    return f"{head}\n{prompt}" if prompt else head


def _questions(item: dict[str, Any], quiz: bool, bare: bool = False) -> list[str]:
    """The questions as written; `bare` (a translation): without attributes and sections,
    which come from the original."""
    sections = {s.get("id"): s for s in item.get("sections") or []}
    out, opened = [], set()
    for question in item.get("questions") or []:
        sid = question.get("section")
        if sid in sections and sid not in opened:
            opened.add(sid)
            out.append(_section(sections[sid], bare))
        out.append(_question(question, quiz, bare))
    out += [_section(s, bare) for sid, s in sections.items() if sid not in opened]
    return out


def item_file(item: dict[str, Any], translation: dict[str, Any] | None = None) -> str:
    """An item file; with `translation` (a TRANSLATED_ITEM of it) that item's translation."""
    itype = str(item.get("type") or "")
    bare = translation is not None
    if translation is not None:
        header: dict[str, Any] = {"title": translation.get("title") or item.get("title")}
        for key in ("summary", "materials", "untranslated"):
            if translation.get(key):
                header[key] = translation[key]
        item = {**item, **translation}
    else:
        header = {"id": item.get("id"), "type": itype, "title": item.get("title")}
        if item.get("summary"):
            header["summary"] = item["summary"]
        header["minutes"] = item.get("minutes", 0)
        for key, types in itemtypes.type_fields().items():
            if itype in types and key in item and item[key] not in (None, "", []):
                header[key] = item[key]
    body = str(item.get("body") or "")
    if itype == itemtypes.SLIDES:
        slides = [_notes(str(s.get("body", "")), str(s.get("notes", ""))) for s in item["slides"]]
        body = "\n\n---\n\n".join(slides)
    elif item.get("questions") is not None:
        quiz = itype == itemtypes.QUIZ
        body = "\n\n".join(p for p in [body.strip(), *_questions(item, quiz, bare)] if p)
    body = _notes(body, str(item.get("notes") or ""))
    return f"---\n{_yaml(header)}---\n{body}\n"


def source_from_content(content: Mapping[str, Any], media: Mapping[str, bytes]) -> dict[str, bytes]:
    """The source files (path -> bytes) of a built pack's content and media files."""
    pack = dict(content.get("pack") or {})
    known = set(media)
    files: dict[str, bytes] = {}
    dirs = []
    for module in content.get("modules") or []:
        mdir = str(module.get("id"))
        dirs.append(mdir)
        names = []
        for n, item in enumerate(module.get("items") or [], start=1):
            name = f"{n:02d}-{item.get('id')}.md"
            names.append(name)
            text = _relative_media(item_file(item), known)
            files[f"modules/{mdir}/{name}"] = text.encode("utf-8")
        mdoc = {k: module[k] for k in ("id", "title", "summary") if module.get(k)}
        for key in ("objectives", "tags"):
            if module.get(key):
                mdoc[key] = list(module[key])
        if module.get("minutes") is not None:
            mdoc["minutes"] = module["minutes"]
        mdoc["items"] = names
        files[f"modules/{mdir}/module.yaml"] = _yaml(mdoc).encode("utf-8")
    doc = {k: pack[k] for k in ("id", "version", "title", "description") if pack.get(k)}
    doc["language"] = pack.get("language", "en")
    for key in ("license", "authors", "attribution", "homepage", "source", "min_app_version"):
        if pack.get(key):
            doc[key] = pack[key]
    translations = content.get("translations") or {}
    if translations:
        langs = [str(x) for x in pack.get("languages") or []] + [str(k) for k in translations]
        doc["languages"] = list(dict.fromkeys([doc["language"], *langs]))
    doc["modules"] = dirs
    files["pack.yaml"] = _yaml(doc).encode("utf-8")
    for lang, tr in translations.items():
        files.update(_translation_files(content, str(lang), tr, known))
    for plan in content.get("plans") or []:
        files[f"plans/{plan['name']}.yaml"] = str(plan.get("text", "")).encode("utf-8")
    for rel, data in media.items():
        files[rel] = data
    return files


def _translation_files(
    content: Mapping[str, Any], lang: str, tr: Mapping[str, Any], media: set[str]
) -> dict[str, bytes]:
    prefix = f"translations/{lang}/"
    out: dict[str, bytes] = {}
    pack = {k: v for k, v in (tr.get("pack") or {}).items() if v}
    if pack:
        out[prefix + "pack.yaml"] = _yaml(pack).encode("utf-8")
    for module in content.get("modules") or []:
        mdir = str(module.get("id"))
        mtr = {k: v for k, v in (tr.get("modules") or {}).get(mdir, {}).items() if v}
        if mtr:
            out[f"{prefix}modules/{mdir}/module.yaml"] = _yaml(mtr).encode("utf-8")
        for n, item in enumerate(module.get("items") or [], start=1):
            itr = (tr.get("items") or {}).get(item.get("id"))
            if itr:
                text = _relative_media(item_file(item, itr), media)
                out[f"{prefix}modules/{mdir}/{n:02d}-{item.get('id')}.md"] = text.encode("utf-8")
    return out


def _bundled_source(pack_id: str, version: str, folder: Path | None) -> dict[str, bytes] | None:
    """The files of the bundled source (content_packs/) of this pack and version, if any."""
    from kit.core.bundled import bundled_sources
    from kit.core.packformat.yamlio import YamlProblem, load_mapping

    for root in bundled_sources(folder):
        try:
            meta = load_mapping((root / "pack.yaml").read_text(encoding="utf-8")).data
        except (OSError, UnicodeDecodeError, YamlProblem):
            continue
        if str(meta.get("id")) == pack_id and str(meta.get("version")) == version:
            files = {}
            for path in sorted(root.rglob("*")):
                rel = path.relative_to(root)
                if path.is_file() and not any(p.startswith(".") for p in rel.parts):
                    files[rel.as_posix()] = path.read_bytes()
            return files
    return None


def installed_source(
    library: Library, pack_id: str, bundled_folder: Path | None = None
) -> dict[str, bytes]:
    """The source files of an installed pack: its bundled source when the app ships the
    same version, else written back from the library's copy of the built pack."""
    pack = library.get_pack(pack_id)
    if pack is None:
        raise KitError(_("No pack '{pack_id}' is installed.").format(pack_id=pack_id))
    files = _bundled_source(pack_id, str(pack.get("version")), bundled_folder)
    if files is not None:
        return files
    with tempfile.TemporaryDirectory(prefix="kit-remix-") as tmp:
        built = library.export_pack(pack_id, tmp)
        try:
            with zipfile.ZipFile(built) as zf:
                manifest = json.loads(zf.read("manifest.json"))
                content = json.loads(zf.read("content.json"))
                media = {
                    f["path"]: zf.read(f["path"])
                    for f in manifest["files"]
                    if f["path"] != "content.json"
                }
        except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise KitError(
                _("The library's copy of {pack_id} cannot be read: {reason}").format(
                    pack_id=pack_id, reason=exc
                )
            ) from None
    return source_from_content(content, media)
