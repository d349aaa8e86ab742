"""The content-addressed media store (media/ab/<sha256>) and install staging (tmp/).

Files reach the store only by rename from tmp/, so a store file is always complete,
and a sound file in the store is never rewritten: a failed or killed install cannot
damage what is already installed. Before the library says a pack is installed, every
staged file is fsynced, then renamed, then each folder that gained a name is fsynced
(`sync`; the bench turns it off to measure its cost). A store file the disk still lost
or damaged (wrong size or SHA-256) is found by `kit library verify`, and installing the
pack again, or any pack that uses the file, writes it anew.
Before new files are moved in, their hashes are written to a journal in the staging
folder; if the process dies before the database commit, the next open deletes the
journaled files that no pack references. Files are shared between packs and versions.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.core.fsutil import sha256_file, sync_folders, sync_path

# concurrent.futures (it loads logging) is imported where threads start, not at start-up.
if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

JOURNAL = "journal.txt"
CHUNK = 1 << 20
HASH_CHUNK = 64 * 1024
HASH_THREADS = min(4, os.cpu_count() or 1)
SYNC_THREADS = 8


class MediaStore:
    def __init__(self, root: Path, tmp: Path, sync: bool = True) -> None:
        self.root = root
        self._root = os.fspath(root)
        self.tmp = tmp
        self.sync = sync

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def _name(self, sha256: str) -> str:
        # path_for as a plain string: for thousands of files pathlib's joins cost more
        # than the stat calls.
        sep = os.sep
        return f"{self._root}{sep}{sha256[:2]}{sep}{sha256}"

    def has(self, sha256: str, size: int) -> bool:
        try:
            return os.stat(self._name(sha256)).st_size == size
        except OSError:
            return False

    def intact(self, sha256: str, size: int) -> bool:
        """The stored file is there with its size and SHA-256 (reads it whole)."""
        if not self.has(sha256, size):
            return False
        try:
            return sha256_file(self.path_for(sha256)) == sha256
        except OSError:
            return False

    def intact_many(
        self, files: Iterable[tuple[str, int]], threads: int = HASH_THREADS
    ) -> set[str]:
        """The hashes, of these (sha256, size), whose stored file is there with its size
        and SHA-256: every byte read and hashed, by up to `threads` threads (hashlib lets
        go of the GIL, so two cores hash twice as fast)."""
        check = IntactCheck(self, files)
        workers = min(threads, max(1, check.count // 8)) - 1
        if workers < 1:
            return check.result()
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kit-hash") as pool:
            helpers = [pool.submit(check.work) for _ in range(workers)]
            found = check.result()
            for done in helpers:
                done.result()
        return found

    def check_intact(self, files: Iterable[tuple[str, int]]) -> IntactCheck:
        """A check of these (sha256, size) for threads to share (see IntactCheck)."""
        return IntactCheck(self, files)

    def new_staging(self) -> Staging:
        import uuid  # here: uuid imports platform, which the app's start does not need

        folder = self.tmp / f"install-{uuid.uuid4().hex}"
        folder.mkdir(parents=True)
        return Staging(self, folder)

    def delete_unused(self, candidates: Iterable[str], used: set[str]) -> None:
        for sha in candidates:
            if sha not in used:
                path = self.path_for(sha)
                path.unlink(missing_ok=True)
                with contextlib.suppress(OSError):
                    path.parent.rmdir()  # only when empty

    def all_files(self) -> Iterable[tuple[str, Path]]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir():
                for path in sorted(sub.iterdir()):
                    yield path.name, path
            else:
                yield sub.name, sub

    def recover(self, used: set[str]) -> None:
        """After a crash: drop journaled files no pack uses, then empty tmp/."""
        if not self.tmp.is_dir():
            return
        for folder in self.tmp.iterdir():
            journal = folder / JOURNAL
            if journal.is_file():
                shas = journal.read_text(encoding="ascii", errors="replace").split()
                self.delete_unused(shas, used)
            if folder.is_dir() and not folder.is_symlink():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink(missing_ok=True)


class IntactCheck:
    """Which of some stored files are intact (size and SHA-256, every byte read), checked
    by whichever threads call work(): each takes the next file until none is left. The
    installing thread calls result(), and a thread that is done with its own work (an
    update's row thread) can join in with work() and so use the core it leaves idle."""

    def __init__(self, store: MediaStore, files: Iterable[tuple[str, int]]) -> None:
        self.store = store
        self._todo = list(dict(files).items())[::-1]  # taken from the end: in the given order
        self.count = self._left = len(self._todo)
        self._lock = threading.Condition()
        self._intact: set[str] = set()

    def work(self) -> None:
        """Check files until none is left to take."""
        import hashlib  # here: the app's start-up hashes nothing (bench/startup.py)

        # One buffer per thread, small enough to stay in the CPU's cache while the bytes
        # read into it are hashed (1 MiB buffers hash 200 kB files 30% slower here).
        buf = bytearray(HASH_CHUNK)
        view = memoryview(buf)
        sha256 = hashlib.sha256
        while True:
            with self._lock:
                if not self._todo:
                    return
                sha, size = self._todo.pop()
            ok = False
            try:
                ok = self._check(sha, size, sha256, buf, view)
            finally:
                with self._lock:
                    if ok:
                        self._intact.add(sha)
                    self._left -= 1
                    if not self._left:
                        self._lock.notify_all()

    def _check(self, sha: str, size: int, sha256: Any, buf: bytearray, view: memoryview) -> bool:
        try:
            with open(self.store._name(sha), "rb", buffering=0) as fh:
                if os.fstat(fh.fileno()).st_size != size:
                    return False
                digest = sha256()
                while n := fh.readinto(buf):
                    digest.update(view[:n])
        except OSError:
            return False
        return bool(digest.hexdigest() == sha)

    def stop(self) -> None:
        """Take no more files (the install failed); result() then waits only for the
        files being read."""
        with self._lock:
            self._left -= len(self._todo)
            self._todo.clear()
            if not self._left:
                self._lock.notify_all()

    def result(self) -> set[str]:
        """Check files with the others until all are done; the intact ones."""
        self.work()
        with self._lock:
            while self._left:
                self._lock.wait()
            return set(self._intact)


class Staging:
    """One install's staging folder: staged files, then a move into the store.

    When the store syncs, each staged file's fsync starts as soon as it is added, on a
    few threads, so the disk writes it back while the next files are staged;
    move_into_store waits for every one of them before the first rename.
    """

    def __init__(self, store: MediaStore, folder: Path) -> None:
        self.store = store
        self.folder = folder
        self.staged: dict[str, Path] = {}
        self.moved: list[str] = []
        self._pool: ThreadPoolExecutor | None = None
        self._syncs: list[Future[None]] = []

    def _syncer(self) -> ThreadPoolExecutor:
        if self._pool is None:
            # fsync waits on the disk, not the CPU: several at once let it merge the flushes.
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(max_workers=SYNC_THREADS, thread_name_prefix="kit-sync")
        return self._pool

    def add(self, sha256: str, path: Path) -> None:
        self.staged[sha256] = path
        if self.store.sync:
            self._syncs.append(self._syncer().submit(sync_path, path))

    def journal(self, shas: Iterable[str]) -> None:
        """Record hashes that may become unused (checked again on the next open)."""
        path = self.folder / JOURNAL
        with path.open("a", encoding="ascii") as fh:
            fh.write("".join(f"{sha}\n" for sha in shas))

    def move_into_store(self) -> None:
        """Rename every staged file into the store, durably when the store syncs.

        A staged file is one the store lacks or holds damaged (the installer checked),
        so an existing file under that name is replaced: that is the repair.
        """
        self.journal(self.staged)
        sync = self.store.sync
        if sync:
            for done in self._syncs:
                done.result()  # every staged file is on the disk before any rename
            sync_folders([self.folder])  # the journal
        made: set[Path] = set()
        root = self.store.root
        new_dirs = [] if root.is_dir() else [root.parent]
        for sha, path in self.staged.items():
            target = self.store.path_for(sha)
            if target.parent not in made:
                if not target.parent.is_dir():
                    new_dirs.append(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            os.replace(path, target)
            self.moved.append(sha)
        if sync:
            folders = list(dict.fromkeys([*new_dirs, *made]))
            list(self._syncer().map(sync_folders, [[f] for f in folders]))

    def undo(self, used: set[str]) -> None:
        """The install failed: take back the files it added, and the staging folder."""
        self.store.delete_unused(self.moved, used)
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        shutil.rmtree(self.folder, ignore_errors=True)
