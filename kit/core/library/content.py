"""Defensive checks of a pack's content.json before anything is stored.

A hostile pack may put any JSON anywhere; every field the library reads is checked
for its type here so later code can rely on it.
"""

from __future__ import annotations

from typing import Any

from kit.core import itemtypes, strictjson
from kit.core.errors import PackError
from kit.core.packformat import ITEM_TYPES
from kit.core.packformat.fields import ID_RE
from kit.core.strictjson import StrictJSONError
from kit.i18n import _


class _Bad(Exception):
    pass


def _need(ok: bool, what: str) -> None:
    if not ok:
        raise _Bad(what)


def _str(value: Any, what: str, optional: bool = True) -> None:
    _need(isinstance(value, str) or (optional and value is None), f"{what} is not text")


def _str_list(value: Any, what: str) -> None:
    if value is None:
        return
    _need(
        isinstance(value, list) and all(isinstance(v, str) for v in value),
        f"{what} is not a list of texts",
    )


# What a pack source may declare (kit.core.packformat.fields checks the same ranges).
MAX_MINUTES = 100_000
MAX_PASS_MARK = 100


def _int(value: Any, what: str, high: int = MAX_MINUTES) -> None:
    ok = value is None or (isinstance(value, int | float) and not isinstance(value, bool))
    _need(ok, f"{what} is not a number")
    _need(value is None or 0 <= value <= high, f"{what} is not a number from 0 to {high}")


def _id(value: Any, what: str) -> None:
    _need(isinstance(value, str) and bool(ID_RE.match(value)), f"{what} has no valid id")


def _check_questions(questions: Any, where: str) -> None:
    _need(isinstance(questions, list), f"the questions of {where} are not a list")
    for q in questions:
        _need(isinstance(q, dict), f"a question of {where} is not an object")
        _str(q.get("id"), f"a question id in {where}", optional=False)
        _str(q.get("type"), f"a question type in {where}")
        _need(isinstance(q.get("choices", []), list), f"the choices in {where} are not a list")


TEXT_KEYS = ("kind",)  # texts that are not translated (kit.core.itemtypes lists those that are)


def _check_texts(item: dict[str, Any], where: str | None = None, item_id: str = "") -> None:
    # The hot path of a big pack: plain checks, messages built only on failure
    # (`where` None: "item '<item_id>'").
    for key in TEXT_KEYS:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise _Bad(f"the {key} of {_where(where, item_id)} is not text")
    bad = itemtypes.misshapen(item)
    if bad is not None:
        raise _Bad(f"the {bad[0]} of {_where(where, item_id)} is not {bad[1]}")
    if item.get("questions") is not None:
        _check_questions(item["questions"], _where(where, item_id))


def _where(where: str | None, item_id: str) -> str:
    return f"item '{item_id}'" if where is None else where


_ITEM_NUMBERS = (("minutes", "minutes", MAX_MINUTES), ("pass_mark", "pass mark", MAX_PASS_MARK))


def _check_item(item: Any, seen: set[str]) -> None:
    if not isinstance(item, dict):
        raise _Bad("an item is not an object")
    item_id = item.get("id")
    if not isinstance(item_id, str) or not ID_RE.match(item_id):
        raise _Bad("an item has no valid id")
    if item_id in seen:
        raise _Bad(f"item '{item_id}' appears twice")
    seen.add(item_id)
    if item.get("type") not in ITEM_TYPES:
        raise _Bad(f"item '{item_id}' has an unknown type")
    if not isinstance(item.get("title"), str):
        raise _Bad(f"item '{item_id}' has no title")
    for key, label, high in _ITEM_NUMBERS:
        value = item.get(key)
        # A whole number in range passes at once; anything else gets the full check.
        if value is not None and not (type(value) is int and 0 <= value <= high):
            _int(value, f"the {label} of item '{item_id}'", high)
    _check_texts(item, None, item_id)


def _check_module(module: Any, module_ids: set[str], item_ids: set[str]) -> None:
    _need(isinstance(module, dict), "a module is not an object")
    _id(module.get("id"), "a module")
    where = f"module '{module['id']}'"
    _need(module["id"] not in module_ids, f"{where} appears twice")
    module_ids.add(module["id"])
    _need(isinstance(module.get("title"), str), f"{where} has no title")
    _str(module.get("summary"), f"the summary of {where}")
    _str_list(module.get("objectives"), f"the objectives of {where}")
    _str_list(module.get("tags"), f"the tags of {where}")
    _int(module.get("minutes"), f"the minutes of {where}")
    items = module.get("items")
    _need(isinstance(items, list), f"{where} has no list of items")
    for item in items:
        _check_item(item, item_ids)


def _check_translations(translations: Any) -> None:
    _need(isinstance(translations, dict), "its translations are not an object")
    for lang, entry in translations.items():
        where = f"the '{lang}' translation"
        _need(isinstance(entry, dict), f"{where} is not an object")
        for key in ("pack", "modules", "items"):
            _need(isinstance(entry.get(key, {}), dict), f"{where} has a malformed '{key}'")
        for key, value in entry.get("pack", {}).items():
            _str(value, f"the pack {key} in {where}", optional=False)
        for module in entry.get("modules", {}).values():
            _need(isinstance(module, dict), f"a module in {where} is not an object")
            _str(module.get("title"), f"a module title in {where}")
            _str(module.get("summary"), f"a module summary in {where}")
            _str_list(module.get("objectives"), f"module objectives in {where}")
        for item in entry.get("items", {}).values():
            _need(isinstance(item, dict), f"an item in {where} is not an object")
            _check_texts(item, f"an item in {where}")


MAX_PLAN_CHARS = 1024 * 1024


def _check_plans(plans: Any) -> None:
    # The plan files' own fields are checked when a plan is opened (kit.core.workshops.plan).
    _need(isinstance(plans, list), "its plans are not a list")
    names: set[str] = set()
    for plan in plans:
        _need(isinstance(plan, dict), "a plan is not an object")
        _id(plan.get("name"), "a plan")
        _need(plan["name"] not in names, f"the plan '{plan['name']}' appears twice")
        names.add(plan["name"])
        _str(plan.get("title"), f"the title of the plan '{plan['name']}'", optional=False)
        text = plan.get("text")
        _str(text, f"the plan '{plan['name']}'", optional=False)
        _need(len(text) <= MAX_PLAN_CHARS, f"the plan '{plan['name']}' is larger than 1 MB")


def parse_content(raw: bytes, name: str, pack_id: str, version: str) -> dict[str, Any]:
    """Decode and check content.json; raises PackError with one sentence."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise PackError(
            _("{name} is damaged: its content.json is not UTF-8 text.").format(name=name)
        ) from None
    try:
        data = strictjson.loads(text)
    except StrictJSONError as exc:
        raise PackError(
            _("{name} is damaged: its content.json {reason}.").format(
                name=name, reason=_(exc.reason)
            )
        ) from None
    try:
        _need(isinstance(data, dict), "it is not an object")
        pack = data.get("pack")
        _need(isinstance(pack, dict), "it has no pack metadata")
        _need(pack.get("id") == pack_id, "its pack id differs from the manifest")
        _need(pack.get("version") == version, "its version differs from the manifest")
        for key in ("title", "description", "language", "license", "attribution"):
            _str(pack.get(key), f"the pack {key}")
        _str_list(pack.get("languages"), "the pack languages")
        _need(isinstance(pack.get("authors", []), list), "the pack authors are not a list")
        modules = data.get("modules")
        _need(isinstance(modules, list), "it has no list of modules")
        module_ids: set[str] = set()
        item_ids: set[str] = set()
        for module in modules:
            _check_module(module, module_ids, item_ids)
        _check_translations(data.get("translations", {}))
        _check_plans(data.get("plans", []))
    except _Bad as exc:
        # The detail stays in English: it names fields of the file, for whoever made the pack.
        raise PackError(
            _("{name} is damaged: in its content.json, {detail}.").format(name=name, detail=exc)
        ) from None
    return data
