"""Where a portable app keeps its data: a folder beside itself, not the user's folders.

A frozen app (the PyInstaller bundle) is portable when its folder (the folder of
``sys.executable``) holds the marker file `MARKER`; a run from the source tree when
``--portable`` is given (kit.cli sets KIT_PORTABLE=1 for it), KIT_PORTABLE=1 is set, or
the project folder holds the marker. The data then lives in `DATA_FOLDER` beside the
app, unless ``--data-dir`` or KIT_DATA_DIR names a folder (kept portable: the same
stick-safe database settings apply there).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

MARKER = "kit-portable.txt"
DATA_FOLDER = "training-kit-data"
ENV = "KIT_PORTABLE"


def app_folder() -> Path:
    """The folder the app runs from: the bundle's for a frozen app, else the project's."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    from kit.core.paths import PROJECT_ROOT

    return PROJECT_ROOT


def asked_for() -> bool:
    """Whether KIT_PORTABLE (or --portable, which sets it) asks for portable mode."""
    return os.environ.get(ENV, "").strip().lower() in {"1", "true", "yes", "on"}


def is_portable() -> bool:
    """Whether this run keeps its data beside the app (marker file, flag or variable)."""
    return asked_for() or (app_folder() / MARKER).is_file()


def portable_data_root() -> Path:
    """The data folder of a portable run: `DATA_FOLDER` beside the app."""
    return app_folder() / DATA_FOLDER
