"""Pack jobs (download, check, install) and the persistent queue of unfinished ones.

A PackJob is made by `Packs.job()` or `Packs.pending()`. Call `run()` on a worker
thread; `pause()` and `cancel()` from any thread. Progress callbacks receive a
`JobProgress` (phase "download", "check" or "install", plus the download figures).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.core import strictjson
from kit.core.catalog.catalog import Entry, check_pack_matches
from kit.core.catalog.download import Download, DownloadError, DownloadProgress
from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import write_atomic
from kit.i18n import _

if TYPE_CHECKING:
    from kit.core.catalog.get import Packs

_queue_lock = threading.Lock()


@dataclass(frozen=True)
class JobProgress:
    pack_id: str
    phase: str  # "download", "check" or "install"
    done: int
    total: int | None
    speed: float = 0.0  # bytes per second while downloading
    eta: float | None = None  # seconds left while downloading


# install(path, progress(done, total), cancel() -> bool) -> InstallResult
InstallStep = Callable[[Path, Callable[[int, int], None], Callable[[], bool]], Any]


def job_key(item: dict[str, Any]) -> str:
    return f"{item['id']}-{item['version']}-{item['sha256'][:12]}"


class PendingQueue:
    """downloads/queue.json: the jobs to resume after the app restarts (atomic writes)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def items(self) -> list[dict[str, Any]]:
        try:
            data = strictjson.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return []
        rows = data.get("jobs", []) if isinstance(data, dict) else []
        return [r for r in rows if isinstance(r, dict) and _valid_item(r)]

    def add(self, item: dict[str, Any]) -> None:
        with _queue_lock:
            rows = [r for r in self.items() if r["id"] != item["id"]]
            self._save([*rows, {**item, "queued_at": time.time()}])

    def remove(self, key: str) -> None:
        with _queue_lock:
            self._save([r for r in self.items() if job_key(r) != key])

    def _save(self, rows: list[dict[str, Any]]) -> None:
        write_atomic(self.path, json.dumps({"jobs": rows}, indent=1).encode("utf-8"))


def _valid_item(r: dict[str, Any]) -> bool:
    try:
        _entry(r)
    except (KeyError, TypeError, ValueError):
        return False
    return isinstance(r.get("download"), str)


def _entry(item: dict[str, Any]) -> Entry:
    return Entry(
        id=str(item["id"]),
        version=str(item["version"]),
        title=str(item["title"]),
        size=int(item["size"]),
        sha256=str(item["sha256"]),
        url=str(item["url"]),
        description=str(item.get("description", "")),
        languages=tuple(item.get("languages", ())),
        min_app_version=str(item.get("min_app_version", "0.0.0")),
    )


class PackJob:
    """Download, check and install one pack; resumable across runs of the app."""

    def __init__(
        self,
        packs: Packs,
        item: dict[str, Any],
        progress: Callable[[JobProgress], None] | None = None,
        **download_options: Any,
    ) -> None:
        self.packs, self.item, self.entry = packs, item, _entry(item)
        self.progress = progress
        self.key = job_key(item)
        self.phase = "download"
        self.download = Download(
            item["download"],
            packs.data_dir.downloads,
            self.key + ".kitpack",
            size=self.entry.size,
            sha256=self.entry.sha256,
            progress=self._on_download,
            title=f"{self.entry.title} {self.entry.version}",
            **download_options,
        )
        self._cancelled = False

    @property
    def state(self) -> str:
        return self.download.state if self.phase == "download" else self.phase

    def pause(self) -> None:
        self.download.pause()

    def cancel(self) -> None:
        self._cancelled = True
        self.download.cancel()

    def cancelled(self) -> bool:
        return self._cancelled

    def _install(self, path: Path, progress: Callable[[int, int], None], cancel: Any) -> Any:
        return self.packs.library.install(path, progress=progress, cancel=cancel, origin="catalog")

    def _on_download(self, p: DownloadProgress) -> None:
        if self.progress:
            self.progress(JobProgress(self.entry.id, "download", p.done, p.total, p.speed, p.eta))

    def _phase(self, phase: str, done: int = 0, total: int | None = None) -> None:
        self.phase = phase
        if self.progress:
            self.progress(JobProgress(self.entry.id, phase, done, total))

    def run(self, install: InstallStep | None = None) -> Any:
        """Returns the library's InstallResult; raises Paused, Cancelled or KitError.

        `install(path, progress, cancel)` installs the checked file (default: this job's
        `Library.install` with origin "catalog"); the app passes one that runs the
        install on its database worker, the one thread that writes library.db.
        """
        self.phase = "download"
        try:
            path = self.download.run()
        except Cancelled:
            self.packs.queue.remove(self.key)
            raise
        except DownloadError:
            if not self.download.partial_size():  # nothing worth resuming is left
                self.packs.queue.remove(self.key)
            raise
        self._phase("check")
        try:
            check_pack_matches(path, self.entry)
            result = (install or self._install)(
                path, lambda done, total: self._phase("install", done, total), self.cancelled
            )
        except Cancelled:
            self.packs.queue.remove(self.key)
            raise
        except KitError as exc:
            path.unlink(missing_ok=True)
            self.packs.queue.remove(self.key)
            raise KitError(
                _("{reason} The downloaded file was deleted.").format(reason=exc)
            ) from None
        # The library keeps what `kit library export` needs (pack_originals + media
        # store): a second copy of the pack file would only double the disk used.
        path.unlink(missing_ok=True)
        self.packs.queue.remove(self.key)
        self.phase = "done"
        return result
