"""Where the app keeps its data.

The platform's user data folder (platformdirs) unless `--data-dir DIR` or the
`KIT_DATA_DIR` variable says otherwise.
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
        self.root.mkdir(parents=True, exist_ok=True)
        return self


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataDir:
    """The data folder: explicit argument, then KIT_DATA_DIR, then the platform default."""
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    env = os.environ.get("KIT_DATA_DIR")
    if env:
        return DataDir(Path(env).expanduser().resolve())
    import platformdirs  # only when no folder is given (it is slow to import)

    return DataDir(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
