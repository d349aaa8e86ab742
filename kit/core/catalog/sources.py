"""Sources of packs (a web address or a folder such as a USB stick), kept in sources.json.

For each source we remember the newest catalog version seen (rollback protection), the
key that signed its catalogs (a later catalog signed by another key is refused) and a
copy of its last catalog, so the list of packs can be shown without a connection.
"""

from __future__ import annotations

import builtins
import hashlib
import json
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from kit.core import strictjson
from kit.core.catalog import CATALOG_NAME
from kit.core.catalog.catalog import (
    MAX_CATALOG_BYTES,
    Catalog,
    CatalogError,
    parse_catalog,
)
from kit.core.catalog.download import USER_AGENT
from kit.core.catalog.urls import is_remote, local_path
from kit.core.errors import KitError, SignatureError
from kit.core.fsutil import write_atomic
from kit.core.paths import DataDir
from kit.i18n import _

SOURCES_FORMAT = 1


@dataclass
class Source:
    location: str  # an http(s) URL, or an absolute folder path
    added_at: float = 0.0
    catalog_version: int | None = None  # the newest catalog version seen
    signer: str = ""  # public key that signed its catalogs, pinned at first sight
    checked_at: float = 0.0

    @property
    def remote(self) -> bool:
        return is_remote(self.location)

    @property
    def key(self) -> str:
        return hashlib.sha256(self.location.encode("utf-8")).hexdigest()[:16]

    def catalog_url(self) -> str:
        if self.remote:
            if self.location.endswith(".json"):
                return self.location
            return self.location.rstrip("/") + "/" + CATALOG_NAME
        return str(Path(self.location) / CATALOG_NAME)

    def resolve(self, url: str) -> str:
        """Where an entry's URL points: relative URLs are relative to the catalog.

        An entry may only use its catalog's own kind of address: a web catalog's entries
        are http(s) addresses (never file: or a local path), a folder catalog's are
        relative paths that stay inside the folder. Anything else raises CatalogError.
        """
        if self.remote:
            try:
                target = urljoin(self.catalog_url(), url)
                parts = urlsplit(target)
                host = parts.hostname
            except ValueError:
                host = None
            if not is_remote(target) or not host:
                raise CatalogError(
                    _(
                        "The catalog at {location} offers a pack at '{url}', which is not a web address; it was not used."
                    ).format(location=self.location, url=url)
                )
            return target
        if "://" in url or url.startswith(("file:", "/", "\\")) or ":" in url.split("/")[0]:
            raise CatalogError(
                _(
                    "The catalog in {location} offers a pack at '{url}', which is not a file in its folder; it was not used."
                ).format(location=self.location, url=url)
            )
        folder = Path(self.location).resolve()
        path = (folder / unquote(url)).resolve()
        if not path.is_relative_to(folder):
            raise CatalogError(
                _("The catalog in {folder} points outside its folder; it was not used.").format(
                    folder=folder
                )
            )
        return str(path)


def normalise_location(text: str) -> str:
    text = text.strip()
    if not text:
        raise KitError(_("Give a web address (http or https) or a folder that holds catalog.json."))
    if is_remote(text):
        _check_web_address(text)
        return text
    if text.startswith(("ftp://", "ftps://", "sftp://")) or "://" in text:
        raise KitError(
            _("'{text}' is not a web address (http or https) or a folder.").format(text=text)
        )
    path = local_path(text).expanduser().resolve()
    if path.is_file() and path.name.endswith(".json"):
        path = path.parent
    if not path.is_dir():
        raise KitError(
            _("{path} is not a folder; give the folder that holds catalog.json.").format(path=path)
        )
    return str(path)


def _check_web_address(text: str) -> None:
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError for a port out of range
    except ValueError:
        parts = None
    if parts is None or not parts.hostname or any(ch.isspace() for ch in text):
        raise KitError(
            _("'{text}' is not a valid web address; write it as https://host/folder/.").format(
                text=text
            )
        )


class SourceStore:
    """sources.json in the data folder (written atomically) and cached catalogs."""

    def __init__(self, data_dir: DataDir) -> None:
        self.data_dir = data_dir
        self.path = data_dir.root / "sources.json"
        self.cache = data_dir.downloads / "catalogs"

    def list(self) -> list[Source]:
        try:
            data = strictjson.loads(self.path.read_bytes())
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            raise KitError(
                _("{path} is damaged; remove it and add your sources again.").format(path=self.path)
            ) from None
        rows = data.get("sources", []) if isinstance(data, dict) else []
        fields = set(Source.__dataclass_fields__)
        return [
            Source(**{k: v for k, v in r.items() if k in fields})
            for r in rows
            if isinstance(r, dict) and isinstance(r.get("location"), str)
        ]

    def _save(self, sources: builtins.list[Source]) -> None:
        doc = {"format": SOURCES_FORMAT, "sources": [asdict(s) for s in sources]}
        write_atomic(self.path, json.dumps(doc, indent=1).encode("utf-8"))

    def find(self, text: str) -> Source:
        """A source by its number in `list()` (from 1), its location, or its folder."""
        sources = self.list()
        if text.isdigit() and 1 <= int(text) <= len(sources):
            return sources[int(text) - 1]
        wanted = {text.strip(), text.strip().rstrip("/")}
        if not is_remote(text):
            wanted.add(str(Path(text).expanduser().resolve()))
        for source in sources:
            if source.location in wanted or source.location.rstrip("/") in wanted:
                return source
        raise KitError(_("There is no source '{text}'; see 'kit source list'.").format(text=text))

    def add(self, location: str) -> Source:
        location = normalise_location(location)
        sources = self.list()
        if any(s.location == location for s in sources):
            raise KitError(_("{location} is already a source.").format(location=location))
        source = Source(location=location, added_at=time.time())
        self._save([*sources, source])
        return source

    def remove(self, text: str) -> Source:
        source = self.find(text)
        self._save([s for s in self.list() if s.location != source.location])
        (self.cache / f"{source.key}.json").unlink(missing_ok=True)
        return source

    def accept(self, source: Source, catalog: Catalog, trusted: set[str]) -> None:
        """Refuse an older catalog or a changed signer; otherwise remember and cache it."""
        if source.catalog_version is not None and catalog.catalog_version < source.catalog_version:
            raise CatalogError(
                _(
                    "The catalog from {location} is older than one already seen there (version {catalog_version} < {catalog_version2}); it was refused."
                ).format(
                    location=source.location,
                    catalog_version=catalog.catalog_version,
                    catalog_version2=source.catalog_version,
                )
            )
        if source.signer and catalog.signer != source.signer and catalog.signer not in trusted:
            raise SignatureError(
                _(
                    "The catalog from {location} is not signed by the key that signed it before; it was refused."
                ).format(location=source.location)
            )
        sources = self.list()
        for s in sources:
            if s.location == source.location:
                s.catalog_version = max(catalog.catalog_version, s.catalog_version or 0)
                s.signer = catalog.signer or s.signer
                s.checked_at = time.time()
                source.__dict__.update(asdict(s))
        self._save(sources)
        write_atomic(self.cache / f"{source.key}.json", catalog.raw)

    def cached(self, source: Source) -> Catalog | None:
        try:
            return parse_catalog((self.cache / f"{source.key}.json").read_bytes())
        except (OSError, KitError):
            return None


def fetch_catalog(source: Source, timeout: float = 20.0, tries: int = 3) -> Catalog:
    """Read and check the source's catalog.json (signature checked if present)."""
    where = source.catalog_url()
    if not source.remote:
        try:
            with open(where, "rb") as fh:
                return parse_catalog(
                    fh.read(MAX_CATALOG_BYTES + 1), f"The catalog in {source.location}"
                )
        except FileNotFoundError:
            raise CatalogError(
                _("There is no catalog.json in {location}; is the USB stick plugged in?").format(
                    location=source.location
                )
            ) from None
        except OSError as exc:
            raise CatalogError(
                _("Cannot read {where}: {value}.").format(where=where, value=exc.strerror or exc)
            ) from None
    return parse_catalog(_get(where, timeout, tries), f"The catalog at {where}")


def _get(url: str, timeout: float, tries: int) -> bytes:
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Cache-Control": "no-cache"}
    )
    reason = ""
    for attempt in range(tries):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as resp:
                return resp.read(MAX_CATALOG_BYTES + 1)
        except urllib.error.HTTPError as exc:
            exc.close()
            if exc.code < 500:
                raise CatalogError(
                    _("{url} answered {code}; is the address right?").format(url=url, code=exc.code)
                ) from None
            reason = f"the server answered {exc.code}"
        except (OSError, ValueError) as exc:
            reason = str(getattr(exc, "reason", "") or exc)
        if attempt + 1 < tries:
            time.sleep(0.2 * 2**attempt)  # brief backoff before another try
    raise CatalogError(
        _("Cannot fetch the catalog at {url} ({reason}); check the connection.").format(
            url=url, reason=reason
        )
    )


def describe(source: Source) -> dict[str, Any]:
    return {**asdict(source), "remote": source.remote, "catalog_url": source.catalog_url()}
