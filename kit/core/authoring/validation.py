"""Validating a pack source while it is being edited: texts not saved yet win over the
files on disk, so problems show as the trainer types (kit.core.packformat does the checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kit.core.packformat.problems import Report
from kit.core.packformat.source import SourceReader
from kit.i18n import _


class OverlayReader(SourceReader):
    """A SourceReader that reads the unsaved texts (by path from the source root) first."""

    def __init__(self, root: Path, overrides: Mapping[str, str]) -> None:
        super().__init__(root)
        self.overrides = dict(overrides)

    def read_text(self, rel: str) -> str | None:
        if rel in self.overrides:
            return self.overrides[rel].removeprefix("\ufeff").replace("\r\n", "\n")
        return super().read_text(rel)


def validate_source(root: Path, overrides: Mapping[str, str] | None = None) -> Report:
    """Every problem of the source at `root` (each with its file and line), reading
    `overrides` instead of the files they name."""
    root = Path(root)
    overrides = overrides or {}
    if not (root / "pack.yaml").is_file() and "pack.yaml" not in overrides:
        report = Report()
        report.error("pack.yaml", 1, _("not a pack source: pack.yaml not found"))
        return report
    return OverlayReader(root, overrides).load().report
