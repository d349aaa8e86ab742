"""Rebuilds the bundle's ICU data library (libicudata.so.NN, 32 MB) with only what the
shipped languages need (build/prune_bundle.py calls it).

ICU keeps its data as one package in the library's read-only data (symbol icudtNN_dat).
This cuts it out, removes with `icupkg` the items of other languages (locale, currency,
unit, zone, language and region names, collation, number spell-out), the legacy
charset converters (*.cnv), break dictionaries (*.dict) and transliterators, then
assembles a library with the same soname and symbol around what is left (gcc).

Qt calls ICU for collation, case mapping, time zones and codecs only; language, region
and currency names come from Qt's own CLDR tables (QLocale) and the app's from Babel.
So ICU's display-name trees (NAME_TREES), its unit and spell-out formatting, character
names (unames.icu) and spoof checker data (confusables) go for every language.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEEP_ALWAYS = {"root", "pool", "res_index"}
LOCALE_RE = re.compile(r"^[a-z]{2,3}(_|$)")
NAME_TREES = {"curr", "lang", "region", "unit", "rbnf"}
UNUSED_FILES = {"unames.icu", "confusables.cfu", "confusablesWholeScript.cfu"}
ASM = """    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def dropped(item: str, languages: set[str]) -> bool:
    """Whether the ICU data item (e.g. 'lang/de_AT.res') is left out."""
    parts = item.split("/")
    base = parts[-1]
    stem, _dot, ext = base.rpartition(".")
    if ext in ("cnv", "dict") or parts[0] == "translit":
        return True
    if (len(parts) > 1 and parts[0] in NAME_TREES) or base in UNUSED_FILES:
        return True
    if ext == "res" and stem not in KEEP_ALWAYS and LOCALE_RE.match(stem):
        return stem.split("_")[0] not in languages
    return False


def _symbol(library: Path) -> tuple[str, int, int] | None:
    """(name, file offset, size) of the icudtNN_dat symbol."""
    symbols = subprocess.run(["nm", "-D", "-S", str(library)], capture_output=True, text=True)
    found = re.search(r"^([0-9a-f]+) ([0-9a-f]+) R (icudt\d+_dat)$", symbols.stdout, re.M)
    if not found:
        return None
    address, size = int(found[1], 16), int(found[2], 16)
    sections = subprocess.run(["readelf", "-S", "-W", str(library)], capture_output=True, text=True)
    rodata = re.search(r"\.rodata\s+PROGBITS\s+([0-9a-f]+) ([0-9a-f]+)", sections.stdout)
    if not rodata:
        return None
    offset = address - int(rodata[1], 16) + int(rodata[2], 16)
    return found[3], offset, size


def shrink_icu(internal: Path, languages: set[str]) -> str:
    """Shrinks the ICU data library under `internal`; returns what was done."""
    missing = [t for t in ("icupkg", "gcc", "nm", "readelf") if not shutil.which(t)]
    if missing:
        return "ICU data kept whole (missing: " + ", ".join(missing) + ")"
    libraries = [p for p in internal.rglob("libicudata.so.*") if p.is_file() and not p.is_symlink()]
    if not libraries:
        return "no ICU data library in the bundle"
    library = libraries[0]
    found = _symbol(library)
    if not found:
        return f"ICU data kept whole ({library.name}: no data symbol found)"
    symbol, offset, size = found
    before = library.stat().st_size
    package = symbol.removesuffix("_dat") + "l.dat"  # icupkg names the items after the file
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "small").mkdir()
        full, small = work / package, work / "small" / package
        with library.open("rb") as f:
            f.seek(offset)
            full.write_bytes(f.read(size))
        listing = subprocess.run(
            ["icupkg", "-l", str(full)], capture_output=True, text=True, check=True
        )
        items = [line.strip() for line in listing.stdout.splitlines() if line.strip()]
        drop = [item for item in items if dropped(item, languages)]
        (work / "drop.txt").write_text("\n".join(drop) + "\n")
        subprocess.run(
            ["icupkg", "--ignore-deps", "-r", str(work / "drop.txt"), str(full),
             str(small)],
            check=True, capture_output=True,
        )  # fmt: skip
        (work / "data.S").write_text(ASM.format(symbol=symbol, data=small))
        soname = library.name
        out = work / soname
        subprocess.run(
            ["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(out),
             str(work / "data.S")],
            check=True, capture_output=True,
        )  # fmt: skip
        shutil.copyfile(out, library)
    after = library.stat().st_size
    return (
        f"ICU data {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB "
        f"({len(items) - len(drop)} of {len(items)} items kept)"
    )
