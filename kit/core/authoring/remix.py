"""Remixing another pack: its source files with a new pack id and title, the licence kept
and the attribution extended with where the content comes from. A licence that forbids
derivatives (CC ...-ND) is refused."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from kit.core.authoring import outline as edit
from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import write_atomic
from kit.core.packformat.yamlio import YamlProblem, load_mapping
from kit.i18n import _

_NO_DERIVATIVES = re.compile(r"(^|[-\s])ND([-\s]|$)", re.IGNORECASE)


def forbids_derivatives(license: str) -> bool:
    """Whether an SPDX expression allows no adapted versions (CC-BY-ND-4.0, CC-BY-NC-ND-4.0).
    With OR, one licence that allows them is enough."""
    options = re.split(r"\s+OR\s+", license.strip(), flags=re.IGNORECASE)
    return all(_NO_DERIVATIVES.search(opt) for opt in options if opt) and bool(license.strip())


def _authors(value: Any) -> list[str]:
    if isinstance(value, (str, dict)):
        value = [value]
    names = []
    for entry in value if isinstance(value, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, (str, int, float)) and str(name).strip():
            names.append(str(name).strip())
    return names


def credit_line(pack: Mapping[str, Any]) -> str:
    """'Adapted from TITLE by AUTHORS, LICENCE.' for a pack's metadata."""
    title = str(pack.get("title") or pack.get("id") or "")
    authors = ", ".join(_authors(pack.get("authors"))) or _("unknown authors")
    return _("Adapted from {title} by {authors}, {license}.").format(
        title=title, authors=authors, license=str(pack.get("license") or "")
    )


def remixed_pack_yaml(text: str, pack_id: str | None = None, title: str | None = None) -> str:
    """The original's pack.yaml with a new id and title and the attribution extended."""
    try:
        pack = load_mapping(text).data
    except YamlProblem as exc:
        raise KitError(
            _("The pack's pack.yaml cannot be read (line {line}): {problem}").format(
                line=exc.line, problem=exc.message
            )
        ) from None
    license = str(pack.get("license") or "")
    old_title = str(pack.get("title") or pack.get("id") or "")
    if forbids_derivatives(license):
        raise KitError(
            _(
                "{title} is licensed {license}, which does not allow changed versions, so it cannot be remixed."
            ).format(title=old_title, license=license)
        )
    new_id = pack_id or edit.slugify(f"{pack.get('id') or 'pack'}-remix", "remix")
    new_title = title or _("{title} (remix)").format(title=old_title)
    attribution = str(pack.get("attribution") or "").strip()
    credit = credit_line(pack)
    attribution = f"{attribution.rstrip('.')}. {credit}" if attribution else credit
    text = edit.set_scalar(text, "id", new_id)
    text = edit.set_scalar(text, "title", new_title)
    return edit.set_scalar(text, "attribution", attribution)


def remixed_files(
    files: Mapping[str, bytes], pack_id: str | None = None, title: str | None = None
) -> dict[str, bytes]:
    """Every source file as it was, pack.yaml remixed (see remixed_pack_yaml)."""
    if "pack.yaml" not in files:
        raise KitError(_("These files are not a pack source: there is no pack.yaml."))
    try:
        text = files["pack.yaml"].decode("utf-8")
    except UnicodeDecodeError:
        raise KitError(_("The pack's pack.yaml is not UTF-8 text.")) from None
    out = dict(files)
    out["pack.yaml"] = remixed_pack_yaml(text, pack_id, title).encode("utf-8")
    return out


def write_source(
    target: Path,
    files: Mapping[str, bytes],
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> None:
    """Write every file under `target` (missing or empty), durably; on Cancel or a
    failure nothing is left behind."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise KitError(
            _("{target} already exists and is not empty; choose a new folder.").format(
                target=target
            )
        )
    made = not target.exists()
    try:
        for n, rel in enumerate(sorted(files), start=1):
            parts = rel.split("/")
            if rel.startswith("/") or "\\" in rel or ".." in parts or "" in parts:
                raise KitError(_("'{rel}' is not a path inside the pack.").format(rel=rel))
            if cancel is not None and cancel():
                raise Cancelled(_("Cancelled."))
            write_atomic(target / rel, files[rel])
            if progress is not None:
                progress(n, len(files))
    except OSError as exc:
        _clean(target, made)
        raise KitError(
            _("Could not write the pack into {target}: {reason}.").format(
                target=target, reason=exc.strerror or exc
            )
        ) from None
    except KitError:
        _clean(target, made)
        raise


def _clean(target: Path, made: bool) -> None:
    if made:
        shutil.rmtree(target, ignore_errors=True)
    elif target.is_dir():
        for child in target.iterdir():
            if child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
            else:
                child.unlink(missing_ok=True)
