"""What every importer shares: options, the warning report, and writing a source folder.

A source is first assembled in memory (SourceFiles), then written to a fresh folder
that replaces the previous import in one step, so re-running an importer over the same
input gives byte-identical files and never leaves stale ones behind.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kit.core.errors import KitError
from kit.core.packformat.yamlio import strict_load

MARKER = ".kit-import"
MARKER_TEXT = (
    "This folder was written by 'kit import'. Running the importer again replaces it,\n"
    "so edit the original material (or copy this folder elsewhere) instead.\n"
)


@dataclass(frozen=True)
class ImportOptions:
    """Choices shared by the importers (see `kit import --help`)."""

    fetch_media: bool = False
    cache_dir: Path | None = None
    media_mirror: str | None = None  # fetch remote media from here (same paths)
    timeout: float = 20.0
    video_dir: Path | None = None  # local video files named after their YouTube id
    pack_version: str = "1.0.0"


@dataclass(frozen=True, order=True)
class ImportWarning:
    source: str  # the original file, relative to the imported folder
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass
class ImportReport:
    """What an import wrote and what it could not carry over."""

    packs: list[Path] = field(default_factory=list)
    warnings: list[ImportWarning] = field(default_factory=list)
    media_fetched: int = 0
    media_cached: int = 0
    media_failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    placeholders: int = 0
    videos: int = 0

    def warn(self, source: str, message: str) -> None:
        entry = ImportWarning(source, message)
        if entry not in self.warnings:
            self.warnings.append(entry)


def slugify(text: str, fallback: str = "item") -> str:
    """A pack id from any text: lowercase ASCII letters, digits, '.', '_' and '-'."""
    norm = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9._-]+", "-", norm.lower()).strip("-._")
    slug = re.sub(r"-{2,}", "-", slug)[:80].strip("-._")
    return slug or fallback


def dump_yaml(data: dict[str, Any]) -> str:
    """Deterministic, readable YAML (keys in the order given, Unicode kept)."""
    return yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False
    )


def item_file(header: dict[str, Any], body: str) -> str:
    """An item file: '---' YAML header '---' and the Markdown body."""
    text = body.strip("\n")
    return f"---\n{dump_yaml(header)}---\n{text}\n" if text else f"---\n{dump_yaml(header)}---\n"


class SourceFiles:
    """The files of one pack source, gathered in memory before writing."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def add_text(self, rel: str, text: str) -> None:
        self.files[rel] = text.encode("utf-8")

    def add_yaml(self, rel: str, data: dict[str, Any]) -> None:
        self.add_text(rel, dump_yaml(data))

    def add_bytes(self, rel: str, data: bytes) -> None:
        self.files[rel] = data

    def write(self, target: Path) -> Path:
        """Write every file into `target`, replacing an earlier import there."""
        foreign = target.exists() and not (target / MARKER).is_file()
        if foreign and (not target.is_dir() or any(target.iterdir())):
            raise KitError(
                f"{target} already exists and was not written by 'kit import'; "
                "choose another output folder."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        try:
            for rel in sorted(self.files):
                path = staging / rel
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(self.files[rel])
            (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        return target


SPDX_NAMES = {
    "cc-by 4.0": "CC-BY-4.0",
    "cc by 4.0": "CC-BY-4.0",
    "cc-by-4.0": "CC-BY-4.0",
    "cc-by-sa 4.0": "CC-BY-SA-4.0",
    "cc by-sa 4.0": "CC-BY-SA-4.0",
    "cc-by-sa-4.0": "CC-BY-SA-4.0",
    "cc0": "CC0-1.0",
    "cc0 1.0": "CC0-1.0",
    "cc0-1.0": "CC0-1.0",
    "cc-by 3.0": "CC-BY-3.0",
    "mit": "MIT",
}


def spdx_licence(text: str) -> str | None:
    """An SPDX id for the licence names lesson configs use ('CC-BY 4.0' -> 'CC-BY-4.0')."""
    key = re.sub(r"\s+", " ", str(text or "").strip().lower())
    if key in SPDX_NAMES:
        return SPDX_NAMES[key]
    dashed = re.sub(r"[\s_]+", "-", str(text or "").strip())
    if re.fullmatch(r"CC-BY(-SA|-ND|-NC|-NC-SA|-NC-ND)?-\d\.\d", dashed, re.IGNORECASE):
        return dashed.upper()
    return None


INVALID = object()  # what read_yaml_file returns for a file it could not parse


def read_yaml_file(path: Path, root: Path, report: ImportReport) -> Any:
    """Parse a YAML file; a problem becomes a warning and INVALID (never an exception)."""
    rel = rel_to(path, root)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        report.warn(rel, f"could not be read ({exc.__class__.__name__}); left out")
        return INVALID
    try:
        return strict_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        report.warn(rel, f"invalid YAML{where}; left out")
        return INVALID


def rel_to(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def clean_keys(value: Any) -> Any:
    """Ruby-style ':key' YAML keys (as the Dashboard sometimes writes) to plain 'key'."""
    if isinstance(value, dict):
        return {
            (k[1:] if isinstance(k, str) and k.startswith(":") else k): clean_keys(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [clean_keys(v) for v in value]
    return value


def text_of(value: Any) -> str:
    """A YAML value as text ('' for None, lists and mappings)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return ""
    return str(value).strip()
