"""Operations for the "Get packs" page: catalogs, sources and pack downloads.

Catalog and source work runs in order on the network runner (ctx.services.network),
never on the database worker: fetching a catalog from a slow or unreachable server can
take a minute and must not hold up the database work of other screens. Each download
runs on a thread of its own (kit.ui.runners.network.DownloadTask), and its install step
is submitted to the database worker, the one thread that writes library.db; the runner
announces the library change once the install is done.

    service = PackService(ctx)
    service.load(online=True).success(show).failure(say).run(page)   # -> Listing
    task = service.download(offer).start()                           # DownloadTask
    service.close()
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.core.catalog.get import Offer, Packs, SourceReport
from kit.core.catalog.jobs import PackJob
from kit.core.catalog.sources import Source, fetch_catalog
from kit.core.errors import KitError
from kit.i18n import _
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.operations.op import Op, announce
from kit.ui.runners.network import DONE, DownloadTask


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

    def _op(self, work: Callable[[], Any], changes: Change = Change.NONE) -> Op[Any]:
        return Op(self.ctx, work, changes, on_network=True)

    def load(self, online: bool, with_pending: bool = False) -> Op[Listing]:
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

        return self._op(work)

    def list_sources(self) -> Op[list[Source]]:
        return self._op(self.packs.sources.list)

    def add_source(self, location: str) -> Op[tuple[Source, int]]:
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

        return self._op(work, Change.SOURCES)

    def catalog_is_trusted(self, location: str) -> Op[bool]:
        """Whether the catalog at `location` is signed by a key trusted here (read, not kept)."""
        from kit.core.catalog.sources import normalise_location

        def work() -> bool:
            catalog = fetch_catalog(Source(location=normalise_location(location)))
            return bool(catalog.signer) and catalog.signer in self.packs.trusted()

        return self._op(work)

    def remove_source(self, location: str) -> Op[Any]:
        return self._op(lambda: self.packs.sources.remove(location), Change.SOURCES)

    def download(self, offer: Offer) -> DownloadTask:
        """A task for a new download (not started); the job is queued on its thread."""
        return self._task(offer.entry.id, lambda progress: self.packs.job(offer, progress=progress))

    def resume(self, job: PackJob) -> DownloadTask:
        """A task that runs `job` again: resumes a paused, failed or remembered download."""
        return self._task(job.entry.id, lambda progress: self.packs.requeue(job, progress))

    def discard(self, job: PackJob) -> Op[None]:
        """Forget a download that is not running: its partial file and its queue entry."""
        return self._op(lambda: self.packs.discard(job))

    def _task(self, pack_id: str, make: Callable[[Callable[[Any], None]], PackJob]) -> DownloadTask:
        task = DownloadTask(pack_id, make, install=self._install_on_worker)
        services, changes = self.ctx.services, OpChanges(Change.LIBRARY, self.ctx.profile_id)

        def finished(_pack_id: str, outcome: str, _payload: Any) -> None:
            if outcome == DONE:
                announce(services, changes, task)

        task.finished.connect(finished)  # before the page's own handler: connected first
        return task

    def _install_on_worker(
        self, path: Path, progress: Callable[[int, int], None], cancel: Callable[[], bool]
    ) -> Any:
        """The download's install step, run on the database worker (called on the
        download's thread, which waits for it)."""
        ctx = self.ctx

        def install() -> Any:
            library = ctx.services.library
            if library is None:  # the app is closing
                raise KitError(_("The library is closed."))
            return library.install(path, progress=progress, cancel=cancel, origin="catalog")

        return ctx.worker.call(install, timeout=None)

    def close(self) -> None:
        self.packs.close()
