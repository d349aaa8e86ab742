"""Ready workshop plans a pack source carries: plans/NAME.yaml (docs/pack-format.md, 3.1).

Each file is a workshop plan file (docs/workshop-plan.md) whose pack items refer to this
pack's own items and modules. It is checked as `kit workshop import` would read it, and
every reference is checked against the pack; the built pack carries the file's text
unchanged in content.json "plans" (sorted by name), so the plan a facilitator adopts is
the one the author wrote.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from kit.core.packformat.fields import ID_RE
from kit.core.packformat.yamlio import YamlProblem, load_mapping
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.packformat.source import SourceReader

PLANS_DIR = "plans"
MAX_PLAN_CHARS = 1024 * 1024


def read_plans(reader: SourceReader, content: dict[str, Any]) -> list[dict[str, Any]]:
    """Every valid plan under plans/, as {"name", "title", "text"}; problems to the report."""
    folder = reader.root / PLANS_DIR
    if not folder.is_dir():
        return []
    plans: list[dict[str, Any]] = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        rel = f"{PLANS_DIR}/{path.name}"
        if not path.is_file() or path.suffix != ".yaml":
            reader.report.warn(rel, 1, _("not a plan file (plans/NAME.yaml); it is left out"))
            continue
        if not ID_RE.match(path.stem):
            reader.report.error(
                rel, 1, "the plan's file name must be an id: lowercase letters, digits, '-'"
            )
            continue
        found = _read_plan(reader, rel, content)
        if found is not None:
            plans.append({"name": path.stem, **found})
    return plans


def _read_plan(reader: SourceReader, rel: str, content: dict[str, Any]) -> dict[str, Any] | None:
    from kit.core.workshops.model import WorkshopError
    from kit.core.workshops.plan import load

    text = reader.read_text(rel)
    if text is None:
        return None
    if len(text) > MAX_PLAN_CHARS:
        reader.report.error(rel, 1, _("the plan is larger than 1 MB"))
        return None
    try:
        load_mapping(text)  # broken YAML: the line YAML names, as for every other file
        imported = load(text)
    except YamlProblem as exc:
        reader.report.error(rel, exc.line, exc.message)
        return None
    except WorkshopError as exc:
        reader.report.error(rel, 1, str(exc))
        return None
    ok = True
    for session, item in _pack_items(imported.workshop):
        problem = _reference_problem(item, content)
        if problem:
            reader.report.error(rel, _line_of(text, item), f"{session}: {problem}")
            ok = False
    if not imported.workshop.title.strip():
        reader.report.error(rel, 1, _("missing 'title': give the plan a title"))
        ok = False
    return {"title": imported.workshop.title, "text": text} if ok else None


def _pack_items(shop: Any) -> list[tuple[str, Any]]:
    out = []
    for s_number, session in enumerate(shop.sessions, 1):
        for i_number, item in enumerate(session.items, 1):
            if item.kind == "pack":
                out.append(
                    (
                        _("item {item} of session {session}").format(
                            item=i_number, session=s_number
                        ),
                        item,
                    )
                )
    return out


def _reference_problem(item: Any, content: dict[str, Any]) -> str:
    pack_id = content["pack"].get("id")
    if item.pack_id != pack_id:
        return _(
            "refers to the pack '{other}'; a pack's plans may only use its own items (pack: {pack})"
        ).format(other=item.pack_id, pack=pack_id)
    modules = content["modules"]
    if item.module_id:
        if not any(m.get("id") == item.module_id for m in modules):
            return _("refers to the module '{module}', which is not in this pack").format(
                module=item.module_id
            )
        return ""
    if not item.item_id:
        return _("names no item or module")
    if not any(i.get("id") == item.item_id for m in modules for i in m.get("items", [])):
        return _("refers to the item '{item}', which is not in this pack").format(item=item.item_id)
    return ""


def _line_of(text: str, item: Any) -> int:
    ref = item.module_id or item.item_id or item.pack_id
    key = "module" if item.module_id else ("item" if item.item_id else "pack")
    match = re.search(rf"^\s*-?\s*{key}:\s*['\"]?{re.escape(ref)}['\"]?\s*$", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1
