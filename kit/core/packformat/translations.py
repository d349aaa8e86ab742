"""Per-language files that translate a pack's texts (translations/LANG/...).

The folder mirrors the source: translations/es/pack.yaml translates pack.yaml,
translations/es/modules/M/module.yaml a module, translations/es/modules/M/x.md an item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kit.core.itemtypes import REPLACED_KEYS, TRANSLATABLE_KEYS
from kit.core.packformat.fields import FieldChecker
from kit.core.packformat.items import TYPE_FIELDS
from kit.core.packformat.yamlio import Doc, YamlProblem, load_mapping, split_front_matter
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.packformat.source import SourceReader

PACK_T_KEYS = ("title", "description", "attribution")
UNTRANSLATED = "untranslated"  # header field of a translated item: units not translated yet
MODULE_T_KEYS = {"id", "title", "summary", "objectives"}
# Header fields a translation may not change (they are the same in every language).
FIXED_ITEM_KEYS = tuple(k for k in ("minutes", *TYPE_FIELDS) if k not in TRANSLATABLE_KEYS)


def read_translations(
    reader: SourceReader, content: dict[str, Any], languages: list[str]
) -> dict[str, Any]:
    """{lang: {"pack": {...}, "modules": {id: {...}}, "items": {id: {...}}}}."""
    base = reader.root / "translations"
    default = content["pack"].get("language")
    present = sorted(p.name for p in base.iterdir() if p.is_dir()) if base.is_dir() else []
    for lang in languages:
        if lang != default and lang not in present:
            reader.report.warn(
                "pack.yaml",
                1,
                _("'languages' lists '{lang}' but there is no translations/{lang}").format(
                    lang=lang
                ),
            )
    out: dict[str, Any] = {}
    for lang in present:
        if lang not in languages or lang == default:
            reader.report.error(
                f"translations/{lang}",
                1,
                _("'{lang}' is not one of the pack's other 'languages' in pack.yaml").format(
                    lang=lang
                ),
            )
            continue
        out[lang] = _read_language(reader, lang)
    return out


def _read_language(reader: SourceReader, lang: str) -> dict[str, Any]:
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
                f = FieldChecker(doc, reader.report, rel, set(PACK_T_KEYS))
                result["pack"] = {k: f.text(k) for k in PACK_T_KEYS if f.text(k)}
        elif orig.startswith("modules/") and orig.endswith("/module.yaml"):
            _read_module(reader, rel, orig, result)
        elif orig in reader.item_by_rel:
            item = reader.item_by_rel[orig]
            translated = _read_item(reader, rel, orig, item)
            if translated is not None:
                result["items"][item["id"]] = translated
        elif orig in reader.listed_items:
            continue  # the original has problems of its own, reported there
        elif orig.endswith(".md"):
            reader.report.error(
                rel, 1, _("translates '{orig}', which is not an item of the pack").format(orig=orig)
            )
        else:
            reader.report.error(
                rel, 1, "not a translation (translate pack.yaml, module.yaml or item files)"
            )
    return result


def _read_module(reader: SourceReader, rel: str, orig: str, result: dict[str, Any]) -> None:
    mdir = orig.split("/")[1]
    module = reader.module_by_dir.get(mdir)
    if module is None and mdir in reader.listed_modules:
        return  # the original has problems of its own, reported there
    if module is None:
        reader.report.error(rel, 1, _("translates a module that is not in the pack"))
        return
    doc = reader.read_yaml(rel)
    if doc is None:
        return
    f = FieldChecker(doc, reader.report, rel, MODULE_T_KEYS)
    if "id" in doc.data and doc.data["id"] != module["id"]:
        reader.report.error(
            rel,
            doc.line("id"),
            _("id must stay '{module}' in a translation").format(module=module["id"]),
        )
    entry: dict[str, Any] = {k: f.text(k) for k in ("title", "summary") if f.text(k)}
    if f.text_list("objectives"):
        entry["objectives"] = f.text_list("objectives")
    result["modules"][module["id"]] = entry


def _read_header(reader: SourceReader, rel: str, text: str, item: dict[str, Any]) -> Doc | None:
    header_text, header_line, _body, _line = split_front_matter(text)
    if header_text is None:
        reader.report.error(rel, 1, _("missing header: start with '---', 'title: ...' and '---'"))
        return None
    try:
        header = load_mapping(header_text, first_line=header_line)
    except YamlProblem as exc:
        reader.report.error(rel, exc.line, exc.message)
        return None
    header.first_line = 1
    for key, want in (("id", item["id"]), ("type", item["type"])):
        header.data.setdefault(key, want)
        if header.data[key] != want:
            reader.report.error(
                rel,
                header.line(key),
                _("{key} must stay '{want}' in a translation").format(key=key, want=want),
            )
            return None
    for key in FIXED_ITEM_KEYS:
        if header.data.pop(key, None) is not None:
            reader.report.warn(
                rel, header.line(key), _("'{key}' is taken from the original").format(key=key)
            )
    if not header.data.get("title"):
        reader.report.error(rel, 1, _("missing 'title' in the translation's header"))
        return None
    untranslated = header.data.pop(UNTRANSLATED, None)
    if untranslated is not None:
        if not isinstance(untranslated, list) or not all(isinstance(u, str) for u in untranslated):
            reader.report.error(
                rel, header.line(UNTRANSLATED), f"'{UNTRANSLATED}' must be a list of texts"
            )
        else:
            header.data["_" + UNTRANSLATED] = untranslated
    return header


def _read_item(
    reader: SourceReader, rel: str, orig: str, item: dict[str, Any]
) -> dict[str, Any] | None:
    from kit.core.packformat.source import ItemFile

    text = reader.read_text(rel)
    header = _read_header(reader, rel, text, item) if text is not None else None
    if text is None or header is None:
        return None
    untranslated = header.data.pop("_" + UNTRANSLATED, None)
    _h, _hl, body, body_line = split_front_matter(text)
    original = reader.read_text(orig)
    if original is not None:
        from kit.core.packtranslate.markup import check_translated_file

        for line, message in check_translated_file(orig, original, item, text):
            reader.report.warn(rel, line, message)  # shown as written, but likely a mistake
    # Links resolve as if the file sat where the original does.
    parsed = reader.build_item(
        ItemFile(rel, header, body, body_line, "", orig), expected_type=item["type"]
    )
    if parsed is None:
        return None
    keep = {k: parsed[k] for k in REPLACED_KEYS if k in parsed}
    if "questions" in parsed:  # the one keyed list: questions match the original's by id
        keep["questions"] = _matching_questions(reader, rel, body_line, item, parsed)
    if untranslated:  # written by kit pack translate apply: units still in the pack's language
        keep[UNTRANSLATED] = [u.removeprefix(f"item/{item['id']}/") for u in untranslated]
    return keep


def _matching_questions(
    reader: SourceReader, rel: str, body_line: int, item: dict[str, Any], parsed: dict[str, Any]
) -> list[dict[str, Any]]:
    """Translated questions must keep the original's ids, types and right answers."""
    originals = {q["id"]: q for q in item.get("questions", [])}
    kept = []
    for q in parsed["questions"]:
        orig = originals.get(q["id"])
        if orig is None:
            reader.report.error(
                rel,
                body_line,
                _("question '{question}' is not in the original").format(question=q["id"]),
            )
        elif q["type"] != orig["type"] or _answer_key(q) != _answer_key(orig):
            reader.report.error(
                rel,
                body_line,
                _(
                    "question '{question}' must keep the original's type and the same number "
                    "and order of answers, with the same ones marked right"
                ).format(question=q["id"]),
            )
        else:
            kept.append(q)
    missing = [qid for qid in originals if qid not in {q["id"] for q in parsed["questions"]}]
    if missing:
        reader.report.warn(
            rel, 1, _("not translated yet: question {choices}").format(choices=", ".join(missing))
        )
    return kept


def _answer_key(question: dict[str, Any]) -> list[bool]:
    return [bool(c["correct"]) for c in question.get("choices", [])]
