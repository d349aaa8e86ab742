"""Moving an item within its module (its line in `items:` moves) or to another module (its
file moves there, with its translations, and every relative link to or from it is
rewritten so the pack still validates)."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from kit.core.authoring import outline as edit
from kit.core.errors import KitError
from kit.core.packformat.body import is_external, iter_targets, rewrite_targets
from kit.i18n import N_, _

if TYPE_CHECKING:
    from kit.core.authoring.project import FileChange, PackProject


def relink(text: str, old_base: str, new_base: str, moved: dict[str, str]) -> str:
    """`text` (a file that sat at `old_base`, now at `new_base`) with its relative links
    changed so they reach the same files, `moved` giving files' new paths."""
    mapping: dict[str, str] = {}
    for _offset, target, _image in iter_targets(text):
        if not target or target.startswith("#") or target.startswith("item:"):
            continue
        if is_external(target):
            continue
        cut = min((i for i in (target.find("#"), target.find("?")) if i >= 0), default=-1)
        path, rest = (target[:cut], target[cut:]) if cut >= 0 else (target, "")
        if not path or path.startswith("/"):
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(old_base), unquote(path)))
        resolved = moved.get(resolved, resolved)
        now = posixpath.normpath(posixpath.join(posixpath.dirname(new_base), unquote(path)))
        if now != resolved:
            mapping[target] = posixpath.relpath(resolved, posixpath.dirname(new_base) or ".") + rest
    return rewrite_targets(text, mapping) if mapping else text


def _lang_prefix(rel: str) -> tuple[str, str]:
    """("translations/LANG/", original path) for a translation file, ("", rel) otherwise."""
    parts = rel.split("/", 2)
    if len(parts) == 3 and parts[0] == "translations":
        return f"translations/{parts[1]}/", parts[2]
    return "", rel


def plan_move_item(
    project: PackProject, relpath: str, to_module_dir: str, to_index: int
) -> FileChange:
    from kit.core.authoring.project import FileChange

    outline = project.outline()
    source, _item = outline.item(relpath)
    target = outline.module(to_module_dir)
    name = relpath.rsplit("/", 1)[1]
    if source.dir == target.dir:
        text = edit.list_move(project.list_text(source.relpath, "items"), "items", name, to_index)
        return FileChange({source.relpath: text.encode()}, N_("Move item"))
    if len(source.items) == 1:
        raise KitError(
            _("A module needs at least one item; add another item before moving its last one.")
        )
    folder = project.root / "modules" / target.dir
    taken = {p.name.removesuffix(".md") for p in folder.iterdir()} if folder.is_dir() else set()
    new_name = edit.unique(name.removesuffix(".md"), taken) + ".md"
    new_rel = f"modules/{target.dir}/{new_name}"
    moved = {relpath: new_rel}
    writes: dict[str, bytes | None] = {
        source.relpath: edit.list_remove(
            project.list_text(source.relpath, "items"), "items", name
        ).encode(),
        target.relpath: edit.list_insert(
            project.list_text(target.relpath, "items"), "items", new_name, to_index
        ).encode(),
    }
    moving = [relpath, *project.translations_of(relpath)]
    for rel in moving:
        prefix, _orig = _lang_prefix(rel)
        writes[rel] = None
        writes[prefix + new_rel] = relink(project.read(rel), relpath, new_rel, moved).encode()
    for rel in project.files():
        if rel in moving or not rel.endswith(".md"):
            continue
        _prefix, base = _lang_prefix(rel)
        if not base.startswith("modules/"):
            continue
        data = project.read_bytes(rel)
        if data is None:
            continue
        text = data.decode("utf-8", errors="replace")
        new = relink(text, base, base, moved)
        if new != text:
            writes[rel] = new.encode()
    return FileChange(writes, N_("Move item"))
