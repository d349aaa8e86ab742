"""Build, sign, export and publish a pack source, as the trainer-mode window does.

The same work as the command line, reusing it: `kit pack build SRC -o DIR --sign KEY`
(kit.core.packformat.build), `kit keys new NAME` (kit.core.signing) and, to publish,
`kit catalog build DIR --sign KEY` (kit.core.catalog.catalog). Keys live where the
command line looks for them: NAME.key in the folder the trainer works in (here, the
folder that holds the pack source, so `kit pack build my-pack --sign NAME` run there
finds the same key), or, for keys made by older versions, in the data folder's keys/.

Export builds into a temporary folder, then copies the .kitpack to the chosen folder (a
USB stick) as a temporary file, synced and renamed, and reads it back to check its hash.
"""

from __future__ import annotations

import hashlib
import os
import string
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from kit.core.errors import Cancelled, KitError
from kit.core.fsutil import free_space, make_public, sha256_and_size, sync_file, sync_folders
from kit.core.packformat import PACK_SUFFIX
from kit.core.packformat.problems import Report
from kit.core.packformat.source import LoadedSource, load_source
from kit.i18n import _, format_size, ngettext

# progress(done, total, phase): phase is "build", "copy" or "verify".
PublishProgress = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
CHUNK = 1 << 20


@dataclass(frozen=True)
class PublisherKey:
    """A signing key the trainer has: NAME.key (private) and its public key."""

    name: str
    path: Path
    key_id: str
    public_key: str


@dataclass(frozen=True)
class PublishResult:
    """What a build, export or publish wrote."""

    path: Path  # the .kitpack file
    size: int
    sha256: str
    pack_id: str
    version: str
    signer: str = ""  # the key's name ("" when not signed)
    signer_key_id: str = ""
    catalog_path: Path | None = None  # publish: the catalog.json written
    catalog_packs: int = 0
    replaced: bool = False  # a different file of the same pack version was there before


@dataclass(frozen=True)
class RemovableDrive:
    """A mounted USB stick or memory card: where it is, its name, free bytes (None: unknown)."""

    path: Path
    label: str
    free: int | None


# -- keys ------------------------------------------------------------------------------


def key_folders(source_root: Path, data_keys: Path) -> list[Path]:
    """Where a trainer's keys are looked for, the first being where new ones are made."""
    return [Path(source_root).resolve().parent, Path(data_keys)]


def read_key(path: Path) -> PublisherKey:
    """The key in NAME.key (KitError when it is not a signing key)."""
    from kit.core.signing import key_id, load_private_key, public_key_text

    public = public_key_text(load_private_key(Path(path)))
    return PublisherKey(Path(path).stem, Path(path), key_id(public), public)


def list_keys(folders: Iterable[Path]) -> list[PublisherKey]:
    """Every usable NAME.key in `folders`, by name (a name found twice: the first folder's)."""
    found: dict[str, PublisherKey] = {}
    for folder in folders:
        try:
            files = sorted(p for p in Path(folder).glob("*.key") if p.is_file())
        except OSError:
            continue
        for path in files:
            if path.stem in found:
                continue
            try:
                found[path.stem] = read_key(path)
            except KitError:
                continue  # not a signing key: another tool's file
    return sorted(found.values(), key=lambda k: k.name.casefold())


def create_key(folder: Path, name: str) -> PublisherKey:
    """Make NAME.key (readable only by its owner) and NAME.pub in `folder`."""
    from kit.core.signing import key_id, new_key

    path, public = new_key(Path(folder), name.strip())
    return PublisherKey(path.stem, path, key_id(public), public)


# -- checking --------------------------------------------------------------------------


def check_source(root: Path) -> Report:
    """The problems that would stop (errors) or mark (warnings) a build of `root`."""
    return load_source(root).report


def buildable(root: Path, show: Callable[[str], None] | None = None) -> LoadedSource:
    """The source at `root`, loaded to be built; KitError when it has errors (each given to
    `show` first, as `kit pack build` prints them)."""
    loaded = load_source(root)
    errors = len(loaded.report.errors)
    if errors:
        for problem in loaded.report.errors:
            if show is not None:
                show(str(problem))
        raise KitError(
            ngettext(
                "Not built: the source has {n} problem; fix it and build again.",
                "Not built: the source has {n} problems; fix them and build again.",
                errors,
            ).format(n=errors)
        )
    return loaded


# -- build, export, publish ------------------------------------------------------------


def _stepper(
    progress: PublishProgress | None, cancel: CancelCheck | None, phase: str
) -> Callable[[int, int], None]:
    def step(done: int, total: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled(_("Cancelled."))
        if progress is not None:
            progress(done, total, phase)

    return step


def _old_sha(path: Path) -> str | None:
    try:
        return sha256_and_size(path)[0] if path.is_file() else None
    except OSError:
        return None


def _result(
    path: Path, loaded: LoadedSource, key: PublisherKey | None, before: str | None
) -> PublishResult:
    sha, size = sha256_and_size(path)
    return PublishResult(
        path=path,
        size=size,
        sha256=sha,
        pack_id=str(loaded.pack["id"]),
        version=str(loaded.pack["version"]),
        signer=key.name if key else "",
        signer_key_id=key.key_id if key else "",
        replaced=before is not None and before != sha,
    )


def build(
    root: Path,
    out_folder: Path,
    key_path: Path | None = None,
    progress: PublishProgress | None = None,
    cancel: CancelCheck | None = None,
) -> PublishResult:
    """`kit pack build ROOT -o OUT_FOLDER --sign KEY`: the ID-VERSION.kitpack it writes.

    A source with errors is refused (KitError) and nothing is written; Cancel (cancel()
    returning True) stops with kit.core.errors.Cancelled, leaving no partial file."""
    from kit.core.packformat.build import build_pack

    key = read_key(key_path) if key_path is not None else None  # a bad key: before any work
    loaded = buildable(Path(root))
    step = _stepper(progress, cancel, "build")
    step(0, len(loaded.media) + 1)
    before = _old_sha(
        Path(out_folder) / f"{loaded.pack['id']}-{loaded.pack['version']}{PACK_SUFFIX}"
    )
    try:
        out = build_pack(loaded, Path(out_folder), sign_key=key_path, progress=step)
    except OSError as exc:
        raise KitError(
            _("Cannot write the pack in {folder}: {reason}.").format(
                folder=out_folder, reason=exc.strerror or exc
            )
        ) from None
    return _result(out, loaded, key, before)


def export(
    root: Path,
    to_folder: Path,
    key_path: Path | None = None,
    progress: PublishProgress | None = None,
    cancel: CancelCheck | None = None,
) -> PublishResult:
    """Build, then copy the .kitpack into `to_folder` (a USB stick) and check the copy."""
    to_folder = Path(to_folder)
    if not to_folder.is_dir():
        raise KitError(
            _("{folder} is not a folder; choose a folder or a USB stick.").format(folder=to_folder)
        )
    with tempfile.TemporaryDirectory(prefix="kit-export-") as tmp:
        built = build(root, Path(tmp), key_path, progress, cancel)
        room = free_space(to_folder)
        if room is not None and room < built.size:
            raise KitError(
                _("{folder} has {free} free; the pack needs {size}.").format(
                    folder=to_folder, free=format_size(room), size=format_size(built.size)
                )
            )
        target = to_folder / built.path.name
        before = _old_sha(target)
        copy_verified(built.path, target, built.sha256, progress, cancel)
    return replace(built, path=target, replaced=before is not None and before != built.sha256)


def copy_verified(
    src: Path,
    target: Path,
    sha256: str,
    progress: PublishProgress | None = None,
    cancel: CancelCheck | None = None,
) -> None:
    """Copy `src` to `target` whole or not at all, then read the copy back and compare its
    SHA-256 with `sha256` (a stick that lies about what it wrote is caught)."""
    total = src.stat().st_size
    copy_step = _stepper(progress, cancel, "copy")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out, src.open("rb") as inp:
            make_public(out.fileno())
            done = 0
            copy_step(0, total)
            while chunk := inp.read(CHUNK):
                out.write(chunk)
                done += len(chunk)
                copy_step(done, total)
            sync_file(out)
        verify_step = _stepper(progress, cancel, "verify")
        if _hash(Path(tmp), total, verify_step) != sha256:
            raise KitError(
                _(
                    "The copy on {folder} does not match the pack; the drive may be failing. "
                    "Try again or use another one."
                ).format(folder=target.parent)
            )
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise KitError(
            _("Cannot write {path}: {reason}.").format(path=target, reason=exc.strerror or exc)
        ) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    sync_folders([target.parent])


def _hash(path: Path, total: int, step: Callable[[int, int], None]) -> str:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            done += len(chunk)
            step(done, total)
    return digest.hexdigest()


def publish(
    root: Path,
    catalog_folder: Path,
    key_path: Path | None = None,
    progress: PublishProgress | None = None,
    cancel: CancelCheck | None = None,
) -> PublishResult:
    """`kit pack build ROOT -o FOLDER --sign KEY` then `kit catalog build FOLDER --sign KEY`:
    the pack joins the other packs of the catalog folder, and catalog.json describes them."""
    from kit.core.catalog.catalog import build_catalog

    folder = Path(catalog_folder)
    if not folder.is_dir():
        raise KitError(
            _("{folder} is not a folder; choose the folder of the catalog.").format(folder=folder)
        )
    built = build(root, folder, key_path, progress, cancel)
    catalog_path, catalog = build_catalog(folder, sign_key=key_path)
    return replace(built, catalog_path=catalog_path, catalog_packs=len(catalog.entries))


# -- USB sticks ------------------------------------------------------------------------


def removable_drives(mount_roots: Iterable[Path] | None = None) -> list[RemovableDrive]:
    """The USB sticks and memory cards mounted now.

    Linux: the folders under /media/USER, /run/media/USER (and /media) where desktops
    mount them; macOS: /Volumes but the system disk; Windows: removable drive letters.
    `mount_roots` replaces the Linux/macOS places (tests)."""
    explicit = mount_roots is not None
    if not explicit and sys.platform == "win32":
        return _windows_drives()
    if mount_roots is None:
        user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
        roots = [Path("/media") / user, Path("/run/media") / user, Path("/media")]
        if sys.platform == "darwin":
            roots = [Path("/Volumes")]
        mount_roots = roots
    drives: dict[Path, RemovableDrive] = {}
    for root in mount_roots:
        try:
            children = sorted(p for p in Path(root).iterdir() if p.is_dir())
        except OSError:
            continue
        for path in children:
            if not explicit and not os.path.ismount(path):
                continue
            if path.resolve() == Path("/").resolve() or path in drives:
                continue  # macOS lists the system disk in /Volumes too
            drives[path] = RemovableDrive(path, path.name, free_space(path))
    return list(drives.values())


def _windows_drives() -> list[RemovableDrive]:  # pragma: no cover - Windows only
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    mask = kernel.GetLogicalDrives()
    out = []
    for n, letter in enumerate(string.ascii_uppercase):
        if mask & (1 << n):
            root = f"{letter}:\\"
            if kernel.GetDriveTypeW(ctypes.c_wchar_p(root)) == 2:  # DRIVE_REMOVABLE
                out.append(RemovableDrive(Path(root), f"{letter}:", free_space(Path(root))))
    return out
