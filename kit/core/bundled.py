"""The pack sources that ship with the app (content_packs/) and installing them.

>>> from kit.core.library import Library
>>> results = install_bundled(Library(resolve_data_dir()))
>>> [r.action for r in results]
['installed', 'installed', ...]
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from kit.core.errors import Cancelled
from kit.core.paths import BUNDLED_PACKS_DIR

if TYPE_CHECKING:
    from kit.core.library import InstallResult, Library


def bundled_sources(folder: Path | None = None) -> list[Path]:
    """Every pack source (a folder with pack.yaml) under content_packs/, by name."""
    root = folder or BUNDLED_PACKS_DIR
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "pack.yaml").is_file())


def install_bundled(
    library: Library,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    folder: Path | None = None,
) -> list[InstallResult]:
    """Build each bundled source into a temporary .kitpack and install it.

    progress(done, total) counts packs; cancel() is asked between packs (and passed to
    each install), and stops with kit.core.errors.Cancelled. A pack already installed
    at the same version comes back with action 'unchanged'.
    """
    from kit.core.packformat.build import build_pack

    sources = bundled_sources(folder)
    results: list[InstallResult] = []
    with tempfile.TemporaryDirectory(prefix="kit-bundled-") as tmp:
        for done, source in enumerate(sources):
            if cancel is not None and cancel():
                raise Cancelled("Installing the bundled packs was cancelled.")
            if progress is not None:
                progress(done, len(sources))
            built = build_pack(source, Path(tmp))
            results.append(library.install(built, cancel=cancel, origin="bundled"))
            built.unlink(missing_ok=True)
    if progress is not None:
        progress(len(sources), len(sources))
    return results
