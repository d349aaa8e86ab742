"""Where the app keeps its data.

The platform's user data folder (platformdirs) unless `--data-dir DIR` or the
`KIT_DATA_DIR` variable says otherwise. In portable mode (kit.core.portable.location)
the default is a folder beside the app, and the DataDir is marked `portable`: the
databases then use settings that survive a USB stick pulled out (kit.core.portable).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "TrainingKit"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
BUNDLED_PACKS_DIR = PROJECT_ROOT / "content_packs"
RESOURCES_DIR = PROJECT_ROOT / "resources"


@dataclass(frozen=True)
class DataDir:
    """The folders and files of one installation's data."""

    root: Path
    portable: bool = False  # on a USB stick: rollback journals, backups at each start

    @property
    def library_db(self) -> Path:
        return self.root / "library.db"

    @property
    def records_db(self) -> Path:
        return self.root / "records.db"

    @property
    def media(self) -> Path:
        return self.root / "media"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def downloads(self) -> Path:
        return self.root / "downloads"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> DataDir:
        """Create the folder if needed, private to its user (0700; see `private_dir`)."""
        private_dir(self.root)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """The data folder: explicit argument, then KIT_DATA_DIR, then the portable folder
    beside the app in portable mode, then the platform default."""
    from kit.core.portable.location import is_portable, portable_data_root

    portable = is_portable()
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve(), portable)
    env = os.environ.get("KIT_DATA_DIR")
    if env:
        return DataDir(Path(env).expanduser().resolve(), portable)
    if portable:
        return DataDir(portable_data_root().resolve(), True)
    import platformdirs  # only when no folder is given (it is slow to import)

    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))


def private_dir(path: Path) -> Path:
    """Create `path` (and parents) if needed and make it readable by its owner only (0700).

    Learner records and their backups live here; a folder that already exists with
    looser bits is tightened too. Where the system has no such bits (Windows) this
    changes nothing.
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _chmod(path, 0o700)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file readable and writable by its owner only (0600)."""
    _chmod(path, 0o600)
    return path


def _chmod(path: Path, mode: int) -> None:
    if os.name != "posix":
        return
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except OSError:
        # Gone already, not ours, or a file system without modes (a FAT USB stick):
        # the data is still usable there, only not made private.
        pass
