"""What a FAT32 or exFAT stick cannot hold, checked on a data folder's layout.

FAT has no symbolic links, FAT32 no file of 4 GiB or more, and both compare names
without case (two names differing only in case are the same file there).
"""

from __future__ import annotations

import os
from pathlib import Path

FAT32_MAX_FILE = 4 * 1024**3 - 1


def layout_problems(root: Path) -> list[str]:
    """Why the tree under `root` would not survive a copy to FAT ([] when it would)."""
    problems: list[str] = []
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        seen: dict[str, str] = {}
        for name in [*dirs, *files]:
            path = here / name
            rel = path.relative_to(root)
            if path.is_symlink():
                problems.append(f"{rel} is a symbolic link")
            folded = name.casefold()
            if folded in seen:
                problems.append(f"{rel} and {seen[folded]} differ only in case")
            seen[folded] = name
            if name in files and not path.is_symlink() and path.stat().st_size > FAT32_MAX_FILE:
                problems.append(f"{rel} is larger than FAT32 allows (4 GiB)")
    return problems
