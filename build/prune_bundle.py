"""Slims the PyInstaller bundle after `make dist` builds it (Linux): what the app never
loads goes, so the one-folder bundle stays under 100 MB (build/bundle_size.py prints it).

    .venv/bin/python build/prune_bundle.py [BUNDLE_DIR]

1. Qt plugins the app does not use: platforms other than xcb, wayland and offscreen
   (eglfs, vnc, linuxfb...), input-device and EGL integrations, the GTK theme (it pulls in
   GTK's whole stack), OpenGL integrations (the app draws with QtWidgets, no OpenGL).
2. Shared libraries nothing left needs (readelf's NEEDED entries, followed from every
   Python extension, plugin and the executable), e.g. QtNetwork, cairo, pango.
3. Debug symbols (strip --strip-unneeded; the executable itself is left alone: its
   Python archive is appended to it).
0. ICU's data (32 MB for every language): only the shipped languages' locale, collation
   and name data, no legacy converters, break dictionaries or transliterators
   (build/shrink_icu.py); Qt uses ICU for collation and case mapping.

Steps needing binutils or icupkg are skipped, with a note, where those tools are missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_files import shipped_languages
from shrink_icu import shrink_icu

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "build" / "dist" / "training-kit"
PLATFORMS_KEPT = {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqminimal.so"}
PLUGIN_DIRS_DROPPED = {
    "egldeviceintegrations",
    "generic",
    "xcbglintegrations",
    "wayland-graphics-integration-client",
}
PLUGINS_DROPPED = {
    "libqgtk3.so",
    "libqicns.so",
    "libqtga.so",
    "libqtiff.so",
    "libqwbmp.so",
    "libfullscreen-shell-v1.so",
    "libivi-shell.so",
    "libwl-shell-plugin.so",
}
ELF_MAGIC = b"\x7fELF"


def is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == ELF_MAGIC
    except OSError:
        return False


def drop_plugins(internal: Path) -> list[Path]:
    gone = []
    plugins = internal / "PySide6" / "Qt" / "plugins"
    for path in sorted(plugins.glob("*/*")):
        folder, name = path.parent.name, path.name
        if (
            folder in PLUGIN_DIRS_DROPPED
            or name in PLUGINS_DROPPED
            or (folder == "platforms" and name not in PLATFORMS_KEPT)
        ):
            path.unlink()
            gone.append(path)
    for folder in plugins.glob("*"):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return gone


def needed(path: Path) -> set[str]:
    out = subprocess.run(["readelf", "-d", "-W", str(path)], capture_output=True, text=True)
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out.stdout))


def is_plain_library(path: Path) -> bool:
    """A shared library loaded only as another one's dependency (not a Python
    extension module, not a Qt plugin)."""
    name = path.name
    if "plugins" in path.parts or ".cpython-" in name or name.endswith(".abi3.so"):
        return False
    if name.startswith("libpython"):  # the executable loads it by name, not as NEEDED
        return False
    return name.startswith("lib") and ".so" in name


def drop_unneeded_libraries(bundle: Path) -> list[Path]:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    libraries = {p for p in files if is_plain_library(p)}
    by_name: dict[str, list[Path]] = {}
    for path in bundle.rglob("*"):
        if path in libraries or (path.is_symlink() and path.resolve() in libraries):
            by_name.setdefault(path.name, []).append(path)
    roots = [p for p in files if p not in libraries]
    wanted: set[Path] = set()
    queue = list(roots)
    while queue:
        for soname in needed(queue.pop()):
            for path in by_name.get(soname, []):
                real = path.resolve()
                if real not in wanted:
                    wanted.add(real)
                    queue.append(real)
    gone = sorted(libraries - wanted)
    for path in gone:
        for link in by_name.get(path.name, []):
            link.unlink(missing_ok=True)
        path.unlink(missing_ok=True)
    for link in bundle.rglob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
    return gone


def strip(bundle: Path) -> int:
    count = 0
    for path in bundle.rglob("*.so*"):
        if path.is_file() and not path.is_symlink() and is_elf(path) and "icudata" not in path.name:
            done = subprocess.run(["strip", "--strip-unneeded", str(path)], capture_output=True)
            count += done.returncode == 0
    return count


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    bundle = (Path(args[0]) if args else DEFAULT).resolve()
    internal = bundle / "_internal"
    if not internal.is_dir():
        print(f"No bundle at {bundle}: run `make dist` first.", file=sys.stderr)
        return 1
    if not sys.platform.startswith("linux"):
        print("prune_bundle: Linux bundles only; nothing done.")
        return 0
    print(f"prune_bundle: {len(drop_plugins(internal))} unused Qt plugins removed")
    print("prune_bundle: " + shrink_icu(internal, shipped_languages()))
    if shutil.which("readelf"):
        gone = drop_unneeded_libraries(bundle)
        print(f"prune_bundle: {len(gone)} unneeded libraries removed: "
              + ", ".join(p.name for p in gone))  # fmt: skip
    else:
        print("prune_bundle: readelf missing (binutils): unneeded libraries kept")
    if shutil.which("strip"):
        print(f"prune_bundle: {strip(bundle)} libraries stripped")
    else:
        print("prune_bundle: strip missing (binutils): debug symbols kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
