"""Operations for the "Get packs" page: catalogs, sources and pack downloads.

Catalog and source work runs in order on the page's own background thread (a
SerialRunner), never on ctx.worker: fetching a catalog from a slow or unreachable
server can take a minute and must not hold up the database work of other screens.
Each download runs on its own thread (kit.ui.getpacks.jobs.DownloadTask). The Library
is thread-safe (one connection behind a lock, installs take a file lock).

    service = PackService(ctx)
    service.load(online=True, on_done=show)         # -> Listing on the GUI thread
    task = service.download(offer).start()           # DownloadTask with Qt signals
    service.close()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kit.core.catalog.get import Offer, Packs, SourceReport
from kit.core.catalog.jobs import PackJob
from kit.core.catalog.sources import Source, fetch_catalog
from kit.core.errors import KitError
from kit.ui.context import AppContext
from kit.ui.getpacks.jobs import Call, DownloadTask, SerialRunner

Done = Callable[[Any], None]
Failed = Callable[[str], None]


@dataclass
class PendingDownload:
    """An unfinished download kept from an earlier run of the app."""

    job: PackJob
    received: int  # bytes already in the partial file


@dataclass
class Listing:
    reports: list[SourceReport]
    offers: list[Offer]
    pending: list[PendingDownload] = field(default_factory=list)
    online: bool = True

    @property
    def errors(self) -> list[str]:
        return [r.error for r in self.reports if r.error]


class PackService:
    """The page's path to kit.core.catalog (one per page; `close()` when done)."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        self.packs = Packs(ctx.data, ctx.library)
        self.runner = SerialRunner("kit-catalogs")

    def load(
        self, online: bool, on_done: Done, on_failure: Failed, with_pending: bool = False
    ) -> Call:
        """Refresh every source (online: fetch; else the copies kept) and list offers."""

        def work() -> Listing:
            reports = self.packs.refresh(online=online)
            listing = Listing(reports, self.packs.offers(reports), online=online)
            if with_pending:
                listing.pending = [
                    PendingDownload(job, job.download.partial_size())
                    for job in self.packs.pending()
                ]
            return listing

        return self.runner.submit(work, on_done, on_failure)

    def list_sources(self, on_done: Done, on_failure: Failed) -> Call:
        return self.runner.submit(self.packs.sources.list, on_done, on_failure)

    def add_source(self, location: str, on_done: Done, on_failure: Failed) -> Call:
        """Add a URL or folder and read its catalog; a source whose catalog fails is not kept."""

        def work() -> tuple[Source, int]:
            source = self.packs.sources.add(location)
            try:
                catalog = fetch_catalog(source)
                self.packs.sources.accept(source, catalog, self.packs.trusted())
            except KitError:
                self.packs.sources.remove(source.location)
                raise
            return source, len(catalog.entries)

        return self.runner.submit(work, on_done, on_failure)

    def catalog_is_trusted(self, location: str, on_done: Done, on_failure: Failed) -> Call:
        """Whether the catalog at `location` is signed by a key trusted here (read, not kept)."""
        from kit.core.catalog.sources import normalise_location

        def work() -> bool:
            catalog = fetch_catalog(Source(location=normalise_location(location)))
            return bool(catalog.signer) and catalog.signer in self.packs.trusted()

        return self.runner.submit(work, on_done, on_failure)

    def remove_source(self, location: str, on_done: Done, on_failure: Failed) -> Call:
        return self.runner.submit(lambda: self.packs.sources.remove(location), on_done, on_failure)

    def download(self, offer: Offer) -> DownloadTask:
        """A task for a new download (not started); the job is queued on its thread."""
        return DownloadTask(
            offer.entry.id, lambda progress: self.packs.job(offer, progress=progress)
        )

    def resume(self, job: PackJob) -> DownloadTask:
        """A task that runs `job` again: resumes a paused, failed or remembered download."""

        def make(progress: Callable[[Any], None]) -> PackJob:
            self.packs.queue.add(job.item)  # back in the queue if a failure had dropped it
            job.progress = progress
            return job

        return DownloadTask(job.entry.id, make)

    def discard(self, job: PackJob, on_done: Done, on_failure: Failed) -> Call:
        """Forget a download that is not running: its partial file and its queue entry."""

        def work() -> None:
            job.download.discard()
            self.packs.queue.remove(job.key)

        return self.runner.submit(work, on_done, on_failure)

    def close(self) -> None:
        self.runner.stop(timeout=2.0)
        self.packs.close()
