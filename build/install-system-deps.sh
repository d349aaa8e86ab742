#!/usr/bin/env bash
# Installs the Debian packages the app and the test suite need, when they are missing.
#   --runtime: only what the app itself needs to open a window (used by `make run`).
# PYTHON (default .venv/bin/python) is the project's Python, used to ask which libraries
# Qt's X11 plugin links to and cannot find (build/qt_missing_libs.py).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
PYTHON="${PYTHON:-.venv/bin/python}"
packages="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
packages="$packages libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0"
packages="$packages libxcb-randr0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-shm0 libx11-xcb1"
# pandoc: tests compare imported Carpentries lessons with what the Workbench (pandoc) shows.
[ "${1:-}" = "--runtime" ] || packages="$packages nginx pandoc"
# dosfstools mtools exfatprogs exfat-fuse: portable-mode tests build FAT32 and exFAT stick images.
[ "${1:-}" = "--runtime" ] || packages="$packages dosfstools mtools exfatprogs exfat-fuse"
# gettext: tests check pack translation PO files with msgfmt --check.
[ "${1:-}" = "--runtime" ] || packages="$packages gettext"
# desktop-file-utils, appstream: tests validate the .desktop and metainfo files; icu-devtools,
# binutils, gcc: make dist (run by the bundle smoke test) shrinks ICU data and strips libraries.
[ "${1:-}" = "--runtime" ] || packages="$packages desktop-file-utils appstream icu-devtools binutils gcc"
updated=""
install() {
  [ $# -gt 0 ] || return 0
  echo "Installing Debian packages: $*"
  if [ -z "$updated" ]; then $SUDO apt-get -o DPkg::Lock::Timeout=600 update -qq; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
}
need=()
for pkg in $packages; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
install "${need[@]}"
# Whatever else ldd says the xcb plugin cannot find (a library's own dependencies show
# only once it is present, hence a few rounds).
if [ -x "$PYTHON" ]; then
  for _ in 1 2 3; do
    mapfile -t more < <("$PYTHON" build/qt_missing_libs.py)
    [ ${#more[@]} -gt 0 ] || break
    install "${more[@]}"
  done
fi
