"""Remote media for `--fetch-media`: download once (with a cache and a timeout) or report.

Only http and https addresses are fetched. `media_mirror` fetches the same paths from
another server (a local mirror, or a test server on 127.0.0.1) while the pack keeps
the original address in its credits.
"""

from __future__ import annotations

import contextlib
import hashlib
import posixpath
import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kit.core.fsutil import write_atomic
from kit.core.importers.common import ImportOptions, ImportReport
from kit.core.packformat.links import IMAGE_SUFFIXES, VIDEO_SUFFIXES

MAX_BYTES = 25 * 1024 * 1024
USER_AGENT = "TrainingKit-importer/0.1 (offline training packs; +https://example.org/training-kit)"


def media_name(url: str) -> str:
    """A stable, safe file name for a remote file: short hash + its own name."""
    path = unquote(urlsplit(url).path)
    base = posixpath.basename(path) or "file"
    stem, suffix = posixpath.splitext(base)
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:60] or "file"
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:10]
    return f"{digest}-{stem}{suffix.lower()}"


def url_suffix(url: str) -> str:
    return posixpath.splitext(unquote(urlsplit(url).path))[1].lower()


class MediaFetcher:
    """Fetches remote images for one import run, remembering each outcome."""

    def __init__(self, options: ImportOptions, report: ImportReport) -> None:
        self.options = options
        self.report = report
        self.cache = options.cache_dir
        self._done: dict[str, bytes | None] = {}

    def fetch(self, url: str) -> bytes | None:
        """The file's bytes, or None (the failure is in the report once)."""
        if not self.options.fetch_media:
            return None
        if url not in self._done:
            self._done[url] = self._fetch(url)
        return self._done[url]

    def _fetch(self, url: str) -> bytes | None:
        scheme = urlsplit(url).scheme.lower()
        if scheme not in ("http", "https"):
            return self._fail(url, "not an http or https address")
        if url_suffix(url) not in IMAGE_SUFFIXES:
            return self._fail(url, "not a supported image type")
        cached = self._cache_path(url)
        if cached is not None and cached.is_file():
            self.report.media_cached += 1
            return cached.read_bytes()
        try:
            data = self._download(self._fetch_url(url))
        except urllib.error.HTTPError as exc:
            return self._fail(url, f"HTTP {exc.code} {exc.reason}")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            return self._fail(url, str(reason) or exc.__class__.__name__)
        if not data:
            return self._fail(url, "the server sent an empty file")
        self.report.media_fetched += 1
        if cached is not None:
            # A cache we cannot write only costs a download next time.
            with contextlib.suppress(OSError):
                _write_atomic(cached, data)
        return data

    def _fetch_url(self, url: str) -> str:
        mirror = self.options.media_mirror
        if not mirror:
            return url
        parts = urlsplit(url)
        query = f"?{parts.query}" if parts.query else ""
        return mirror.rstrip("/") + parts.path + query

    def _download(self, url: str) -> bytes:
        if urlsplit(url).scheme.lower() not in ("http", "https"):
            raise ValueError("not an http or https address")
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
        with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
            data = response.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        return data

    def _cache_path(self, url: str) -> Path | None:
        if self.cache is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache / digest[:2] / (digest + url_suffix(url))

    def failure(self, url: str) -> str | None:
        """Why `url` could not be fetched in this run, or None."""
        return next((r for u, r in self.report.media_failed if u == url), None)

    def _fail(self, url: str, reason: str) -> bytes | None:
        if all(u != url for u, _r in self.report.media_failed):
            self.report.media_failed.append((url, reason))
        return None

    def local_video(self, video_id: str) -> Path | None:
        """A trainer-supplied video file named after the video's id, if any."""
        folder = self.options.video_dir
        if folder is None or not re.fullmatch(r"[A-Za-z0-9_-]+", video_id):
            return None
        for suffix in sorted(VIDEO_SUFFIXES):
            path = folder / f"{video_id}{suffix}"
            if path.is_file():
                return path
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    write_atomic(path, data)
