"""Which system libraries Qt's X11 (xcb) platform plugin needs and this machine lacks.

Run by build/install-system-deps.sh with the project's Python: it runs `ldd` on the xcb
plugin (and its GL integrations), collects every library reported "not found" and prints
the Debian package that provides each, one per line. tests/test_system_libs.py fails when
the list is not empty, so a missing library is found by the tests, not by a new user.

    .venv/bin/python build/qt_missing_libs.py            # package names, one per line
    .venv/bin/python build/qt_missing_libs.py --libs     # the missing sonames instead
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

# Debian names a library package after its soname: libxcb-icccm.so.4 -> libxcb-icccm4,
# libdbus-1.so.3 -> libdbus-1-3 (a dash when the name ends in a digit). These break the rule.
EXCEPTIONS = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libxcb-util.so.1": "libxcb-util1",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
}

NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def plugin_files() -> list[Path]:
    """The xcb platform plugin and the GL integrations it loads."""
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    files = [plugins / "platforms" / "libqxcb.so"]
    files += sorted((plugins / "xcbglintegrations").glob("*.so"))
    return [f for f in files if f.exists()]


def missing_sonames(files: list[Path]) -> list[str]:
    missing: set[str] = set()
    for f in files:
        out = subprocess.run(["ldd", str(f)], capture_output=True, text=True, check=False).stdout
        missing.update(NOT_FOUND.findall(out))
    return sorted(missing)


def debian_package(soname: str) -> str:
    """The Debian package that ships a library, by Debian's naming policy."""
    if soname in EXCEPTIONS:
        return EXCEPTIONS[soname]
    name, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    name = name.lower()
    return f"{name}-{version}" if name[-1:].isdigit() else f"{name}{version}"


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux"):
        return 0
    missing = missing_sonames(plugin_files())
    names = missing if "--libs" in argv else sorted({debian_package(s) for s in missing})
    for name in names:
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
