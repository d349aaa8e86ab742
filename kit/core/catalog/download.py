"""Resumable, verified downloads over HTTP(S) or from a folder.

A download keeps `NAME.part` and a sidecar `NAME.part.json` (url, validator, sizes,
expected SHA-256) in its folder, so it resumes after a dropped connection or after the
app was closed. Resuming sends `Range` with `If-Range` (a strong ETag, else
Last-Modified) and accepts a 206 only when its Content-Range starts at our offset and
has the expected total; a 200 means the server ignored us, so we start over cleanly.

Run `Download.run()` on a worker thread; `pause()` and `cancel()` may be called from
any thread::

    job = Download(url, folder, "pack-1.0.0.kitpack", size=..., sha256=..., progress=cb)
    path = job.run()        # raises Paused, Cancelled or DownloadError
"""

from __future__ import annotations

import errno
import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kit.core.catalog.hashing import SLAB, Hasher, HashingWriter
from kit.core.catalog.streams import body_reader, failure_reason, read_json_object, strong_validator
from kit.core.catalog.urls import is_remote, local_path
from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import hash_file, write_atomic
from kit.i18n import _

RANGE_RE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")
USER_AGENT = "TrainingKit"
LOCAL_ERRORS = {errno.ENOSPC, errno.EACCES, errno.EROFS, errno.EDQUOT}  # retrying will not help


class DownloadError(KitError):
    """The download failed or its result was refused; the message says why."""


class Paused(KitError):
    """The download was paused; its partial file is kept for later."""


class _Retry(Exception):
    """A failure worth another try (dropped connection, 5xx, wrong range)."""


@dataclass(frozen=True)
class DownloadProgress:
    done: int
    total: int | None
    speed: float  # bytes per second, over the last few seconds
    eta: float | None  # seconds left, when known


@dataclass
class _Opened:
    stream: BinaryIO
    start: int
    total: int | None
    validator: str


class Download:
    """One download into `folder/name`; see the module docstring."""

    def __init__(
        self,
        url: str,
        folder: Path,
        name: str,
        *,
        size: int | None = None,
        sha256: str | None = None,
        progress: Callable[[DownloadProgress], None] | None = None,
        retries: int = 8,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        timeout: float = 30.0,
        report_interval: float = 0.1,
        title: str | None = None,
    ) -> None:
        # `name` is the file's; `title` (default: the file name) is what the sentences
        # for the user call it, e.g. the pack's title.
        self.url, self.folder, self.file_name = url, Path(folder), name
        self.name = title or name
        self.size, self.sha256, self.progress = size, sha256, progress
        self.retries, self.backoff, self.max_backoff, self.timeout = (
            retries,
            backoff,
            max_backoff,
            timeout,
        )
        self.bytes_received = 0  # from the network, over every attempt
        self.state = "queued"
        self._stop = ""
        self._wake = threading.Event()
        self._hash = Hasher()
        self._done = 0
        self._validator = ""
        self._total: int | None = size
        self._samples: deque[tuple[float, int]] = deque(maxlen=50)
        self._last_report = 0.0
        self.report_interval = report_interval  # seconds between progress calls

    @property
    def target(self) -> Path:
        return self.folder / self.file_name

    @property
    def part(self) -> Path:
        return self.folder / (self.file_name + ".part")

    @property
    def sidecar(self) -> Path:
        return self.folder / (self.file_name + ".part.json")

    def pause(self) -> None:
        self._stop = self._stop or "pause"
        self._wake.set()

    def cancel(self) -> None:
        self._stop = "cancel"
        self._wake.set()

    def discard(self) -> None:
        """Delete the partial file and its sidecar."""
        self.part.unlink(missing_ok=True)
        self.sidecar.unlink(missing_ok=True)

    def partial_size(self) -> int:
        try:
            return self.part.stat().st_size
        except OSError:
            return 0

    def run(self) -> Path:
        """Download (or resume) until complete and verified; returns the finished file."""
        self._stop = ""
        self._wake.clear()
        self.state = "running"
        try:
            path = self._run()
        except Paused:
            self.state = "paused"
            raise
        except Cancelled:
            self.state = "cancelled"
            self.discard()
            raise
        except BaseException:
            self.state = "failed"
            raise
        finally:
            self._hash.close()
        self.state = "done"
        return path

    def _run(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.target.exists() and self._finished_file_ok():
            return self.target
        self._load_partial()
        failures = 0
        while True:
            self._check_stop()
            before = self._done
            try:
                self._attempt()
                break
            except (_Retry, OSError, http.client.HTTPException) as exc:
                if isinstance(exc, OSError) and exc.errno in LOCAL_ERRORS:
                    raise
                failures = 0 if self._done > before else failures + 1
                if failures > self.retries:
                    raise DownloadError(
                        _(
                            "The download of {name} failed after {failures} tries: {reason}. Try again later; what was received is kept."
                        ).format(name=self.name, failures=failures, reason=failure_reason(exc))
                    ) from None
                self._wake.wait(min(self.max_backoff, self.backoff * 2 ** max(0, failures - 1)))
        return self._finish()

    def _finished_file_ok(self) -> bool:
        if self.sha256 is None:
            return False
        ok = hash_file(self.target).hexdigest() == self.sha256
        if not ok:
            self.target.unlink(missing_ok=True)
        return ok

    def _load_partial(self) -> None:
        meta = read_json_object(self.sidecar)
        usable = (
            meta.get("url") == self.url
            and meta.get("sha256") == self.sha256
            and meta.get("size") == self.size
            and bool(meta.get("validator"))
            and self.part.exists()
        )
        if not usable:
            self._restart()
            return
        self._validator = str(meta["validator"])
        self._total = meta.get("total") or self.size
        # Re-hash what we have: the partial file is the only truth after a restart.
        self._hash = Hasher(hash_file(self.part))
        self._done = self.partial_size()

    def _restart(self) -> None:
        self.discard()
        self._hash.close()
        self._hash, self._done, self._validator, self._total = Hasher(), 0, "", self.size

    def _attempt(self) -> None:
        opened = self._open(self._done, self._validator)
        try:
            if opened.start != self._done:
                self._restart()  # the server sent the whole file: start over cleanly
            if self.size is not None and opened.total is not None and opened.total != self.size:
                self._restart()
                raise DownloadError(
                    _(
                        "The file at {url} is not the size the catalog says; refresh the catalog and try again."
                    ).format(url=self.url)
                )
            self._total = opened.total if opened.total is not None else self.size
            if opened.validator != self._validator or not self.sidecar.exists():
                self._validator = opened.validator
                self._write_sidecar()
            self._stream(opened.stream)
        finally:
            opened.stream.close()
        if self._total is not None and self._done < self._total:
            raise _Retry("the connection closed early")

    def _write_sidecar(self) -> None:
        meta = {
            "url": self.url,
            "validator": self._validator,
            "total": self._total,
            "size": self.size,
            "sha256": self.sha256,
        }
        write_atomic(self.sidecar, json.dumps(meta).encode("utf-8"))

    def _stream(self, stream: BinaryIO) -> None:
        limit = self.size if self.size is not None else self._total
        read = body_reader(stream)
        # Buffers no larger than what is left (a small file needs no 1 MiB ones).
        slab = min(SLAB, max(1 << 16, limit - self._done)) if limit is not None else SLAB
        with self.part.open("ab", buffering=0) as out:
            writer = HashingWriter(out, self._hash, slab)
            keep = True
            try:
                while True:
                    if self._stop:
                        self._done += writer.flush()
                        self._check_stop()
                    n = read(writer.space())  # what has arrived: a timeout loses nothing
                    if not n:
                        return
                    self.bytes_received += n
                    if limit is not None and self._done + writer.pending + n > limit:
                        keep = False
                        out.close()
                        self._restart()
                        raise DownloadError(
                            _(
                                "The server sent more than the {limit} bytes expected for {name}; the download was deleted."
                            ).format(limit=limit, name=self.name)
                        )
                    self._done += writer.received(n)
                    self._report(pending=writer.pending)
            finally:
                if keep:  # what was received is written and hashed, also on errors
                    self._done += writer.flush()

    def _check_stop(self) -> None:
        if self._stop == "cancel":
            raise Cancelled(_("The download of {name} was cancelled.").format(name=self.name))
        if self._stop == "pause":
            raise Paused(_("The download of {name} is paused.").format(name=self.name))

    def _report(self, final: bool = False, pending: int = 0) -> None:
        now = time.monotonic()
        if self.progress is None or (not final and now - self._last_report < self.report_interval):
            return
        done = self._done + pending  # received; the last few MB may not be written yet
        self._last_report = now
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > 5:
            self._samples.popleft()
        t0, d0 = self._samples[0]
        speed = (done - d0) / (now - t0) if now > t0 else 0.0
        eta = (self._total - done) / speed if self._total and speed > 0 else None
        self.progress(DownloadProgress(done, self._total, speed, eta))

    def _finish(self) -> Path:
        self._report(final=True)
        if self.size is not None and self._done != self.size:
            self._restart()
            raise DownloadError(
                _("{name} arrived with the wrong size; it was deleted, try again.").format(
                    name=self.name
                )
            )
        if self.sha256 is not None and self._hash.hexdigest() != self.sha256:
            self._restart()
            raise DownloadError(
                _(
                    "{name} was damaged on the way (its SHA-256 does not match the catalog); it was deleted, try again."
                ).format(name=self.name)
            )
        self.part.replace(self.target)
        self.sidecar.unlink(missing_ok=True)
        return self.target

    # -- opening the source -------------------------------------------------------------

    def _open(self, offset: int, validator: str) -> _Opened:
        if is_remote(self.url):
            return self._open_http(offset, validator)
        return self._open_local(offset, validator)

    def _open_local(self, offset: int, validator: str) -> _Opened:
        path = local_path(self.url)
        try:
            fh = path.open("rb")
        except FileNotFoundError:
            raise DownloadError(
                _("{path} is missing; is the USB stick or folder still there?").format(path=path)
            ) from None
        st = path.stat()
        current = f"local:{st.st_size}:{st.st_mtime_ns}"
        start = offset if offset and validator == current and offset <= st.st_size else 0
        fh.seek(start)
        return _Opened(fh, start, st.st_size, current)

    def _open_http(self, offset: int, validator: str) -> _Opened:
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if offset and validator:
            headers["Range"] = f"bytes={offset}-"
            headers["If-Range"] = validator
        request = urllib.request.Request(self.url, headers=headers)
        try:
            resp = urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as exc:
            exc.close()
            raise self._http_failure(exc.code) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, OSError):
                raise exc.reason from None
            raise _Retry(str(exc.reason)) from None
        return self._opened_from(resp, offset)

    def _http_failure(self, code: int) -> Exception:
        if code == 416:
            self._restart()
            return _Retry("the server refused the range")
        if code >= 500 or code in (408, 429):
            return _Retry(f"the server answered {code}")
        return DownloadError(
            _("The server answered {code} for {url}; the pack is not available there.").format(
                code=code, url=self.url
            )
        )

    def _opened_from(self, resp: Any, offset: int) -> _Opened:
        new_validator = strong_validator(resp.headers)
        if resp.status == 206:
            match = RANGE_RE.match(resp.headers.get("Content-Range", ""))
            if not match:
                resp.close()
                self._restart()
                raise _Retry("the server sent a range we did not ask for")
            start, end, total = (int(g) for g in match.groups())
            if (
                start != offset
                or end != total - 1
                or (self._total is not None and total != self._total)
            ):
                resp.close()
                self._restart()
                raise _Retry("the server sent a range we did not ask for")
            return _Opened(resp, start, total, new_validator or self._validator)
        if resp.status != 200:
            resp.close()
            raise _Retry(f"the server answered {resp.status}")
        length = resp.headers.get("Content-Length")
        known = int(length) if length and length.isdigit() else None
        return _Opened(resp, 0, known, new_validator)
