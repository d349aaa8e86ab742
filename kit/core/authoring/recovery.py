"""Unsaved editor texts kept on disk, so a crash, a power cut or kill -9 loses nothing.

DATA/editor/recovery/<key>/ holds one file per edited source file (`<hash of the path>.json`
with the path and the text), written durably (fsync, rename, fsync of the folder) before
record() returns. `key` is a hash of the source folder's resolved path, so two packs never
share entries. When the editor opens the folder again, pending() gives the texts that
differ from the files on disk: the work to offer back.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from pathlib import Path

from kit.core.fsutil import sync_folders, write_atomic


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class RecoveryJournal:
    """The recovery entries of one source folder (DATA/editor/recovery/<key>/)."""

    def __init__(self, data_root: Path, source_root: Path) -> None:
        self.source_root = Path(source_root).resolve()
        self.key = _digest(str(self.source_root))
        self.folder = Path(data_root) / "editor" / "recovery" / self.key

    def _entry(self, rel: str) -> Path:
        return self.folder / f"{_digest(rel)}.json"

    def record(self, rel: str, text: str) -> None:
        """Keep `text` as the unsaved state of `rel`; on stable storage when it returns."""
        data = {"source": str(self.source_root), "rel": rel, "text": text}
        payload = json.dumps(data, ensure_ascii=False).encode("utf-8")
        write_atomic(self._entry(rel), payload, private=True)

    def forget(self, rel: str) -> None:
        """Drop the entry of `rel` (saved, or the trainer threw the change away)."""
        path = self._entry(rel)
        if path.exists():
            path.unlink()
            sync_folders([self.folder])

    def forget_all(self) -> None:
        for rel in list(self._entries()):
            self.forget(rel)

    def _entries(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.glob("*.json")):
            with contextlib.suppress(OSError, ValueError, UnicodeDecodeError):
                data = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    rel, text = data.get("rel"), data.get("text")
                    if isinstance(rel, str) and isinstance(text, str):
                        out[rel] = text
        return out

    def pending(self) -> dict[str, str]:
        """Recorded texts that differ from their file as it is now on disk, by path."""
        out = {}
        for rel, text in self._entries().items():
            try:
                on_disk = (self.source_root / rel).read_bytes().decode("utf-8", errors="replace")
            except OSError:
                on_disk = None
            if on_disk != text:
                out[rel] = text
        return out
