"""The pack source folders trainer mode opened lately (its start screen lists them).

Kept in DATA/editor/recent.json (newest first, at most `KEEP`), written atomically; a
damaged or missing file counts as none. Folders that no longer exist are left out.
"""

from __future__ import annotations

import json
from pathlib import Path

from kit.ui.context import AppContext
from kit.ui.operations.op import Op

KEEP = 8


def _file(ctx: AppContext) -> Path:
    return ctx.data.root / "editor" / "recent.json"


def _read(ctx: AppContext) -> list[str]:
    try:
        raw = json.loads(_file(ctx).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [p for p in raw if isinstance(p, str)] if isinstance(raw, list) else []


def recent_folders(ctx: AppContext) -> Op[list[Path]]:
    """The folders opened lately that still exist, newest first."""

    def work() -> list[Path]:
        return [Path(p) for p in _read(ctx) if Path(p).is_dir()]

    return Op(ctx, work)


def remember_folder(ctx: AppContext, folder: Path) -> Op[list[Path]]:
    """Put `folder` first in the list (once); returns the new list."""

    def work() -> list[Path]:
        from kit.core.fsutil import write_atomic

        path = str(Path(folder).resolve())
        kept = [path] + [p for p in _read(ctx) if p != path]
        kept = kept[:KEEP]
        target = _file(ctx)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(kept, indent=1).encode("utf-8"))
        return [Path(p) for p in kept if Path(p).is_dir()]

    return Op(ctx, work)
