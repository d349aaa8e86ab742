"""The local library of installed content packs (library.db + media/ store).

from kit.core.library import Library
lib = Library(data_dir)
result = lib.install(path)        # InstallResult(pack_id, version, action, verified, ...)
"""

from kit.core.library.api import Library
from kit.core.library.install import InstallResult

__all__ = ["InstallResult", "Library"]
