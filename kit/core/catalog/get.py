"""Finding packs across sources, and getting them: the API for `kit get` and "Get packs".

    packs = Packs(data_dir)
    offers = packs.offers()                 # fetches catalogs; one Offer per pack id
    job = packs.job(offers[0], progress=cb) # a PackJob; run() on a worker thread
    result = job.run()                      # download, check, install (Library.install)
    packs.pending()                         # unfinished jobs, e.g. after the app restarts

Every check happens before the library sees a file: size and SHA-256 against the
catalog, the pack's own signature and id/version, the catalog's signature and its
version against the newest one seen from that source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from kit import __version__
from kit.core.catalog.catalog import Catalog, Entry, version_key
from kit.core.catalog.jobs import PackJob, PendingQueue
from kit.core.catalog.sources import Source, SourceStore, fetch_catalog
from kit.core.errors import KitError
from kit.core.paths import DataDir, resolve_data_dir
from kit.i18n import _

# Offer.status values
AVAILABLE, INSTALLED, UPDATE, OLDER, NEEDS_APP = (
    "available",
    "installed",
    "update",
    "older",
    "needs-newer-app",
)


@dataclass
class Offer:
    """The best version of one pack across all sources, and how it compares to the library."""

    entry: Entry
    source: str  # the source's location
    url: str  # where to download it (absolute URL or file path)
    verified: bool  # the catalog is signed by a trusted key
    installed: str | None  # the installed version, if any
    status: str

    def to_json(self) -> dict[str, Any]:
        return {
            **self.entry.to_json(),
            "source": self.source,
            "download": self.url,
            "verified": self.verified,
            "installed": self.installed,
            "status": self.status,
        }


@dataclass
class SourceReport:
    source: Source
    catalog: Catalog | None
    error: str = ""  # why the fresh catalog was not used ("" if it was)
    verified: bool = False
    cached: bool = False  # the catalog shown is the copy kept from last time


class Packs:
    """Catalog browsing and pack getting for one data folder (CLI and UI share it)."""

    def __init__(self, data_dir: DataDir | None = None, library: Any = None) -> None:
        self.data_dir = data_dir or resolve_data_dir()
        self.sources = SourceStore(self.data_dir)
        self.queue = PendingQueue(self.data_dir.downloads / "queue.json")
        self._library = library
        self._own_library = library is None

    @property
    def library(self) -> Any:
        if self._library is None:
            from kit.core.library import Library

            self._library = Library(self.data_dir)
        return self._library

    def close(self) -> None:
        if self._own_library and self._library is not None:
            self._library.close()
            self._library = None

    def trusted(self) -> set[str]:
        keys = set()
        for key in self.library.trusted_keys():
            keys.add(str(key.get("public_key", "")) if isinstance(key, dict) else str(key))
        return keys

    def installed(self) -> dict[str, str]:
        return {str(p["id"]): str(p["version"]) for p in self.library.list_packs()}

    def refresh(self, online: bool = True) -> list[SourceReport]:
        """Fetch every source's catalog; fall back to the copy kept from last time."""
        trusted = self.trusted()
        reports = []
        for source in self.sources.list():
            report = SourceReport(source, None)
            if online:
                try:
                    catalog = fetch_catalog(source)
                    self.sources.accept(source, catalog, trusted)
                    report.catalog = catalog
                except KitError as exc:
                    report.error = str(exc)
            if report.catalog is None:
                report.catalog = self.sources.cached(source)
                report.cached = report.catalog is not None
            if report.catalog is not None:
                report.verified = bool(report.catalog.signer) and report.catalog.signer in trusted
            reports.append(report)
        return reports

    def offers(self, reports: list[SourceReport] | None = None) -> list[Offer]:
        """One offer per pack id: the newest version this app can use, from any source."""
        if reports is None:
            reports = self.refresh()
        installed = self.installed()
        best: dict[str, Offer] = {}
        for report in reports:
            if report.catalog is None:
                continue
            for entry in report.catalog.entries:
                offer = self._offer(report, entry, installed.get(entry.id))
                if offer is not None and _better(offer, best.get(entry.id)):
                    best[entry.id] = offer
        return sorted(best.values(), key=lambda o: (o.entry.title.casefold(), o.entry.id))

    def _offer(self, report: SourceReport, entry: Entry, installed: str | None) -> Offer | None:
        try:
            url = report.source.resolve(entry.url)
        except KitError:
            return None
        status = _status(entry, installed)
        return Offer(entry, report.source.location, url, report.verified, installed, status)

    def find(self, ids: Iterable[str], offers: list[Offer] | None = None) -> list[Offer]:
        by_id = {o.entry.id: o for o in (offers if offers is not None else self.offers())}
        missing = [i for i in ids if i not in by_id]
        if missing:
            if not self.sources.list():
                raise KitError(
                    _("There are no sources yet; add one with 'kit source add URL|FOLDER'.")
                )
            raise KitError(
                _("No source offers {value}; see 'kit catalog list'.").format(
                    value=", ".join(missing)
                )
            )
        return [by_id[i] for i in ids]

    def updates(self, offers: list[Offer] | None = None) -> list[Offer]:
        return [o for o in (offers if offers is not None else self.offers()) if o.status == UPDATE]

    def job(self, offer: Offer, progress: Callable[[Any], None] | None = None) -> PackJob:
        """A resumable job for this offer, remembered in the queue until it ends."""
        if offer.status == NEEDS_APP:
            raise KitError(
                _(
                    "{title} needs Training Kit {min_app_version} or newer; update the app first."
                ).format(title=offer.entry.title, min_app_version=offer.entry.min_app_version)
            )
        self.queue.add(offer.to_json())
        return PackJob(self, offer.to_json(), progress)

    def discard(self, job: PackJob) -> None:
        """Forget a download that is not running: its partial file and its queue entry."""
        job.download.discard()
        self.queue.remove(job.key)

    def requeue(self, job: PackJob, progress: Callable[[Any], None] | None = None) -> PackJob:
        """Put `job` back in the queue (a failure may have dropped it), to run it again."""
        self.queue.add(job.item)
        if progress is not None:
            job.progress = progress
        return job

    def pending(self, progress: Callable[[Any], None] | None = None) -> list[PackJob]:
        """Jobs not finished when the app (or `kit get`) last stopped, ready to run again."""
        return [PackJob(self, item, progress) for item in self.queue.items()]


def _status(entry: Entry, installed: str | None) -> str:
    if version_key(entry.min_app_version) > version_key(__version__):
        return NEEDS_APP
    if installed is None:
        return AVAILABLE
    ours, theirs = version_key(installed), version_key(entry.version)
    return UPDATE if theirs > ours else INSTALLED if theirs == ours else OLDER


def _better(new: Offer, old: Offer | None) -> bool:
    if old is None:
        return True
    usable_new, usable_old = new.status != NEEDS_APP, old.status != NEEDS_APP
    if usable_new != usable_old:
        return usable_new
    key_new, key_old = version_key(new.entry.version), version_key(old.entry.version)
    if key_new != key_old:
        return key_new > key_old
    return new.verified and not old.verified
