"""Per-language files that translate a pack's texts (translations/LANG/...).

The folder mirrors the source: translations/es/pack.yaml translates pack.yaml,
translations/es/modules/M/module.yaml a module, translations/es/modules/M/x.md an item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kit.core.packformat.fields import FieldChecker
from kit.core.packformat.yamlio import YamlProblem, load_mapping, split_front_matter

if TYPE_CHECKING:
    from kit.core.packformat.source import _Reader

PACK_T_KEYS = {"title", "description", "attribution"}
MODULE_T_KEYS = {"id", "title", "summary", "objectives"}


def read_translations(
    reader: _Reader, content: dict[str, Any], languages: list[str]
) -> dict[str, Any]:
    base = reader.root / "translations"
    if not base.is_dir():
        return {}
    default = content["pack"].get("language")
    modules_by_dir = {}
    items_by_file: dict[str, dict[str, Any]] = {}
    for module in content["modules"]:
        for item in module["items"]:
            for rel, iid in reader.item_by_file.items():
                if iid == item["id"]:
                    items_by_file[rel] = item
    for rel, iid in reader.item_by_file.items():
        mdir = rel.split("/")[1]
        for module in content["modules"]:
            if any(it["id"] == iid for it in module["items"]):
                modules_by_dir[mdir] = module
    out: dict[str, Any] = {}
    for lang_dir in sorted(p for p in base.iterdir() if p.is_dir()):
        lang = lang_dir.name
        where = f"translations/{lang}"
        if lang not in languages or lang == default:
            reader.report.error(
                where, 1, f"'{lang}' is not one of the pack's other 'languages' in pack.yaml"
            )
            continue
        out[lang] = _read_language(reader, lang, modules_by_dir, items_by_file)
    return out


def _read_language(
    reader: _Reader, lang: str, modules_by_dir: dict[str, Any], items_by_file: dict[str, Any]
) -> dict[str, Any]:
    prefix = f"translations/{lang}/"
    result: dict[str, Any] = {"pack": {}, "modules": {}, "items": {}}
    root = reader.root / "translations" / lang
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        rel = path.relative_to(reader.root).as_posix()
        orig = rel[len(prefix) :]
        if orig == "pack.yaml":
            doc = reader.read_yaml(rel)
            if doc is not None:
                f = FieldChecker(doc, reader.report, rel, PACK_T_KEYS)
                result["pack"] = {k: f.text(k) for k in PACK_T_KEYS if f.text(k)}
        elif orig.startswith("modules/") and orig.endswith("/module.yaml"):
            module = modules_by_dir.get(orig.split("/")[1])
            doc = reader.read_yaml(rel)
            if module is None or doc is None:
                if module is None:
                    reader.report.error(rel, 1, "translates a module that is not in the pack")
                continue
            f = FieldChecker(doc, reader.report, rel, MODULE_T_KEYS)
            entry = {k: f.text(k) for k in ("title", "summary") if f.text(k)}
            if f.text_list("objectives"):
                entry["objectives"] = f.text_list("objectives")
            result["modules"][module["id"]] = entry
        elif orig in items_by_file:
            translated = _read_item(reader, rel, orig, items_by_file[orig])
            if translated is not None:
                result["items"][items_by_file[orig]["id"]] = translated
        else:
            reader.report.error(rel, 1, "translates a file that is not in the pack")
    return result


def _read_item(reader: _Reader, rel: str, orig: str, item: dict[str, Any]) -> dict[str, Any] | None:
    from kit.core.packformat.source import _ItemFile

    text = reader.read_text(rel)
    if text is None:
        return None
    header_text, header_line, body, body_line = split_front_matter(text)
    try:
        header = load_mapping(header_text or "", first_line=header_line)
    except YamlProblem as exc:
        reader.report.error(rel, exc.line, exc.message)
        return None
    header.data.setdefault("id", item["id"])
    header.data.setdefault("type", item["type"])
    if header.data.get("id") != item["id"]:
        reader.report.error(rel, header.line("id"), f"id must stay '{item['id']}' in a translation")
        return None
    for key in ("pass_mark", "minutes", "kind"):
        header.data.pop(key, None)
    parsed = (
        reader.build_item(
            _ItemFile(rel, header, body, body_line, "", orig), expected_type=item["type"]
        )
        if header.data.get("title")
        else None
    )
    if parsed is None:
        if not header.data.get("title"):
            reader.report.error(rel, 1, "missing 'title' in the translation's header")
        return None
    # Links resolve as if the file sat where the original does.
    keep = {
        "title": parsed["title"],
        "body": parsed.get("body", ""),
        "notes": parsed.get("notes", ""),
    }
    if "slides" in parsed:
        keep["slides"] = parsed["slides"]
    if "questions" in parsed:
        orig_ids = [q["id"] for q in item.get("questions", [])]
        for q in parsed["questions"]:
            if q["id"] not in orig_ids:
                reader.report.error(rel, body_line, f"question '{q['id']}' is not in the original")
        keep["questions"] = [q for q in parsed["questions"] if q["id"] in orig_ids]
    if "materials" in parsed:
        keep["materials"] = parsed["materials"]
    return keep
