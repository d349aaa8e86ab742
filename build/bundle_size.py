"""Prints the size of the desktop bundle (`make dist`): on disk, and as the compressed
archives a download would be (tar.gz, zip; tar.xz with --xz), with the largest parts.

    .venv/bin/python build/bundle_size.py [BUNDLE_DIR] [--top N] [--xz]

BUNDLE_DIR defaults to build/dist/training-kit. The archives are written to a temporary
folder and deleted; only their sizes are printed. Exit status 1 if there is no bundle.
"""

from __future__ import annotations

import argparse
import os
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "dist" / "training-kit"
LIMIT_MB = 100  # issue 17: at most 100 MB uncompressed on Linux


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]


def disk_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in files(folder))


def tar_size(folder: Path, tmp: Path, kind: str) -> int:
    out = tmp / f"bundle.tar.{kind}"
    options = {"preset": 6} if kind == "xz" else {"compresslevel": 6}
    with tarfile.open(out, f"w:{kind}", **options) as tar:  # type: ignore[call-overload]
        tar.add(folder, arcname=folder.name)
    return out.stat().st_size


def zip_size(folder: Path, tmp: Path) -> int:
    out = tmp / "bundle.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files(folder):
            archive.write(path, Path(folder.name) / path.relative_to(folder))
    return out.stat().st_size


def largest(folder: Path, top: int) -> list[tuple[int, str]]:
    """The biggest entries two levels down (e.g. _internal/PySide6)."""
    sizes: dict[str, int] = {}
    for path in files(folder):
        parts = path.relative_to(folder).parts
        key = os.path.join(*parts[:3]) if len(parts) > 3 else os.path.join(*parts)
        sizes[key] = sizes.get(key, 0) + path.stat().st_size
    return sorted(((s, k) for k, s in sizes.items()), reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--xz", action="store_true", help="also tar.xz (slow on a busy machine)")
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"No bundle at {args.bundle}: run `make dist` first.", file=sys.stderr)
        return 1
    size = disk_size(args.bundle)
    with tempfile.TemporaryDirectory() as tmp:
        gz = tar_size(args.bundle, Path(tmp), "gz")
        xz = tar_size(args.bundle, Path(tmp), "xz") if args.xz else None
        zipped = zip_size(args.bundle, Path(tmp))
    verdict = "within" if size <= LIMIT_MB * 1_000_000 else "OVER"
    print(f"bundle {args.bundle}")
    print(f"uncompressed  {mb(size)}  ({verdict} the {LIMIT_MB} MB limit, {len(files(args.bundle))} files)")
    print(f"tar.gz        {mb(gz)}")
    if xz is not None:
        print(f"tar.xz        {mb(xz)}")
    print(f"zip           {mb(zipped)}")
    for part_size, name in largest(args.bundle, args.top):
        print(f"  {mb(part_size):>9}  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
