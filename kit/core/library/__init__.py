"""The local library of installed content packs (library.db + media/ store).

from kit.core.library import Library
lib = Library(data_dir)
result = lib.install(path)        # InstallResult(pack_id, version, action, verified, ...)
"""

from typing import Any

from kit.core.library.api import Library

__all__ = ["InstallResult", "Library"]


def __getattr__(name: str) -> Any:
    # InstallResult lives with the installer, which is slow to import: loaded when asked.
    if name == "InstallResult":
        from kit.core.library.install import InstallResult

        return InstallResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
