"""Slims the PyInstaller bundle after `make dist` builds it (Linux): what the app never
loads goes, so the one-folder bundle stays under 100 MB (build/bundle_size.py prints it).

    .venv/bin/python build/prune_bundle.py [BUNDLE_DIR]

1. Qt plugins the app does not use: platforms other than xcb and offscreen (Wayland
   desktops run it through XWayland)
   (eglfs, vnc, linuxfb...), input-device and EGL integrations, the GTK theme (it pulls in
   GTK's whole stack), OpenGL integrations (the app draws with QtWidgets, no OpenGL).
2. Shared libraries nothing left needs (readelf's NEEDED entries, followed from every
   Python extension, plugin and the executable), e.g. QtNetwork, cairo, pango.
3. Libraries every Linux desktop provides (HOST_LIBRARIES, after AppImage's excludelist:
   X11/xcb, fontconfig, freetype, GLib, D-Bus and what libsystemd pulls in, zlib, the C++
   runtime); the system's copies are used, as they already are for glibc, libGL and libEGL.
4. SBOM files that list no bundled component (platformdirs' 0.5 MB build record).
5. Debug symbols (strip --strip-unneeded; the executable itself is left alone: its
   Python archive is appended to it).
0. ICU's data (32 MB for every language): only the shipped languages' locale, collation
   and name data, no legacy converters, break dictionaries or transliterators
   (build/shrink_icu.py); Qt uses ICU for collation and case mapping.

Steps needing binutils or icupkg are skipped, with a note, where those tools are missing.
"""

from __future__ import annotations

import json
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
# Wayland sessions run the app through XWayland (the xcb plugin): the Wayland client
# library and its shell plugins (1.6 MB) stay out; offscreen is for --screenshot and tests.
PLATFORMS_KEPT = {"libqxcb.so", "libqoffscreen.so"}
PLUGIN_DIRS_DROPPED = {
    "egldeviceintegrations",
    "generic",
    "xcbglintegrations",
    "wayland-graphics-integration-client",
    "wayland-decoration-client",
    "wayland-shell-integration",
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
# Provided by the host (a desktop with glibc >= 2.35 and libstdc++ from GCC >= 11: Ubuntu
# 22.04, Debian 12, Fedora 36 or newer; docs/building.md); AppImage's excludelist lists
# most of these as unsafe to bundle (they must match the system's X server, fonts, D-Bus).
HOST_LIBRARIES = {
    "libstdc++.so.6", "libgcc_s.so.1",  # Qt needs GLIBCXX_3.4.29 (GCC 11)
    "libX11.so.6", "libX11-xcb.so.1", "libxcb.so.1",
    "libfontconfig.so.1", "libfreetype.so.6", "libexpat.so.1", "libpng16.so.16",
    "libbrotlidec.so.1", "libbrotlicommon.so.1", "libz.so.1",
    "libglib-2.0.so.0", "libgthread-2.0.so.0", "libpcre2-8.so.0",
    "libdbus-1.so.3", "libsystemd.so.0", "libgcrypt.so.20", "libgpg-error.so.0",
    "libcap.so.2", "liblz4.so.1", "libzstd.so.1", "liblzma.so.5", "libuuid.so.1",
    # Python's ssl and hashlib use OpenSSL 3.0's symbols only (objdump -T: OPENSSL_3.0.0),
    # and every supported host ships OpenSSL 3 (its ABI is stable across 3.x): 5.3 MB.
    "libssl.so.3", "libcrypto.so.3",
}  # fmt: skip
# Python's CJK codecs (about 1 MB): the app reads and writes UTF-8 only.
DYNLOAD_DROPPED = ("_codecs_", "_multibytecodec")


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


def drop_host_libraries(bundle: Path) -> list[Path]:
    gone = sorted(p for p in bundle.rglob("*") if p.name in HOST_LIBRARIES)
    for path in gone:
        path.unlink()
    return gone


def drop_codecs(internal: Path) -> list[Path]:
    dynload = internal / f"python{sys.version_info.major}.{sys.version_info.minor}" / "lib-dynload"
    gone = sorted(p for p in dynload.glob("*.so") if p.name.startswith(DYNLOAD_DROPPED))
    for path in gone:
        path.unlink()
    return gone


def drop_empty_sboms(internal: Path) -> list[Path]:
    """Software bills of materials that list no bundled component (only how the wheel was
    built); those that do (nh3's Rust crates and their licences) stay."""
    gone = []
    for path in sorted(internal.glob("*.dist-info/sboms/*.json")):
        try:
            components = json.loads(path.read_text(encoding="utf-8")).get("components")
        except (OSError, ValueError, AttributeError):
            continue
        if not components:
            path.unlink()
            gone.append(path)
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
    gone = drop_host_libraries(bundle)
    print(f"prune_bundle: {len(gone)} host libraries left to the system: "
          + ", ".join(sorted({p.name for p in gone})))  # fmt: skip
    print(f"prune_bundle: {len(drop_codecs(internal))} CJK codec modules removed")
    print(f"prune_bundle: {len(drop_empty_sboms(internal))} empty SBOM files removed")
    if shutil.which("strip"):
        print(f"prune_bundle: {strip(bundle)} libraries stripped")
    else:
        print("prune_bundle: strip missing (binutils): debug symbols kept")
    return 0


if __name__ == "__main__":
    sys.exit(main())
