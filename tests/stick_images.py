"""USB stick images for the portable-mode tests: FAT32 through mtools (no mount needed)
and exFAT mounted live with exfat-fuse on a loop device (root, /dev/loop-control and
/dev/fuse needed; `live_exfat_missing` says what is missing).

fusefat (FUSE FAT32) is not used: it corrupts SQLite files on its own.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

MIB = 1024 * 1024


def fat32_missing() -> str:
    """Why a FAT32 image cannot be built here ("" when it can)."""
    tools = [t for t in ("mkfs.vfat", "mcopy") if shutil.which(t) is None]
    return f"{', '.join(tools)} not installed (dosfstools, mtools)" if tools else ""


def live_exfat_missing() -> str:
    """Why an exFAT image cannot be mounted here ("" when it can)."""
    if os.geteuid() != 0:
        return "mounting a loop device needs root"
    for dev in ("/dev/loop-control", "/dev/fuse"):
        if not Path(dev).exists():
            return f"{dev} is not available in this container"
    tools = [t for t in ("losetup", "mkfs.exfat", "mount.exfat-fuse") if shutil.which(t) is None]
    return f"{', '.join(tools)} not installed (exfatprogs, exfat-fuse)" if tools else ""


def tree(root: Path) -> dict[str, tuple[int, str]]:
    """Every file under `root`: relative path -> (size, SHA-256)."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            out[path.relative_to(root).as_posix()] = (
                path.stat().st_size,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
    return out


def fat32_round_trip(folder: Path, image: Path, out: Path, size_mib: int = 64) -> None:
    """Copy `folder` into a fresh FAT32 image and back out to `out` (mtools).

    A name clash (two names differing only in case) is skipped, not overwritten, so the
    copy that comes back lacks one of them.
    """
    run("mkfs.vfat", "-F", "32", "-n", "KITSTICK", "-C", str(image), str(size_mib * 1024))
    env = {**os.environ, "MTOOLS_SKIP_CHECK": "1"}
    run("mcopy", "-i", str(image), "-s", "-p", "-D", "s", str(folder), f"::/{folder.name}", env=env)
    out.mkdir(parents=True)
    run("mcopy", "-i", str(image), "-s", "-p", "-D", "s", f"::/{folder.name}", str(out), env=env)


def run(*argv: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        argv, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=120
    )
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(argv)} failed: {result.stderr or result.stdout}")
    return result.stdout


def new_exfat_image(image: Path, size_mib: int = 64) -> None:
    with image.open("wb") as fh:
        fh.truncate(size_mib * MIB)
    with loop_device(image) as dev:
        run("mkfs.exfat", "-L", "KITSTICK", dev)


@contextlib.contextmanager
def loop_device(image: Path) -> Iterator[str]:
    dev = run("losetup", "-f", "--show", str(image)).strip()
    try:
        yield dev
    finally:
        subprocess.run(["losetup", "-d", dev], capture_output=True, timeout=60)


class Mounted:
    """An exFAT image mounted through exfat-fuse; `daemon` is the FUSE daemon's pid."""

    def __init__(self, dev: str, mountpoint: Path) -> None:
        self.dev = dev
        self.mountpoint = mountpoint
        self.daemon = 0

    def mount(self) -> None:
        self.mountpoint.mkdir(parents=True, exist_ok=True)
        run("mount.exfat-fuse", self.dev, str(self.mountpoint))
        self.daemon = self._find_daemon()

    def _find_daemon(self) -> int:
        # Our own daemon only: matched on its exact device and mount point.
        pattern = f"^mount.exfat-fuse {self.dev} {self.mountpoint}$"
        for _ in range(50):
            found = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True)
            pids = [int(p) for p in found.stdout.split()]
            if pids:
                return pids[0]
            time.sleep(0.1)
        raise AssertionError(f"no exfat-fuse daemon for {self.mountpoint}")

    def kill_daemon(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.daemon, signal.SIGKILL)

    def unmount(self) -> None:
        if self.daemon:
            subprocess.run(["umount", str(self.mountpoint)], capture_output=True, timeout=60)
            if os.path.ismount(self.mountpoint):
                subprocess.run(["umount", "-l", str(self.mountpoint)], capture_output=True)
            self._wait_gone()

    def _wait_gone(self) -> None:
        status = Path(f"/proc/{self.daemon}/status")
        for _ in range(100):
            try:
                state = next(x for x in status.read_text().splitlines() if x.startswith("State:"))
            except (OSError, StopIteration):
                return
            if "Z" in state.split()[1]:  # exited; not ours to reap
                return
            time.sleep(0.05)


@contextlib.contextmanager
def mounted_exfat(image: Path, mountpoint: Path) -> Iterator[Mounted]:
    with loop_device(image) as dev:
        stick = Mounted(dev, mountpoint)
        try:
            stick.mount()
            yield stick
        finally:
            stick.unmount()
