"""Which data files the desktop bundle keeps (used by build/training-kit.spec).

Babel's locale data and Qt's translations come for every language (~30 MB and ~200
files); the bundle keeps those of the interface languages only, the ones with a catalog
in resources/translations, so a new language needs no change here. The catalogs' .po
sources (the app reads the compiled .mo) and pip's RECORD lists are left out too.
"""

from __future__ import annotations

from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
QT_CATALOGS = ("qtbase",)  # Qt's own texts the app shows (kit.i18n.install_qt_translations)


def shipped_languages(translations: Path = ROOT / "resources" / "translations") -> set[str]:
    """The interface languages: English plus every folder holding a kit catalog."""
    found = {"en"}
    if translations.is_dir():
        for child in translations.iterdir():
            if any((child / "LC_MESSAGES").glob("kit.*")):
                found.add(child.name)
    return found


# Babel's regional variants of the shipped languages kept in the bundle (about 250 others,
# 1.4 MB, go): the ones packs are most often tagged with, and the parents babel reads them
# through (es_MX -> es_419, en_IN -> en_001, hi_Latn -> en_IN). A pack tagged with another
# region shows its code instead of the language's name.
REGIONS_KEPT = {
    "en_001", "en_150", "en_GB", "en_IN", "es_419", "es_MX", "es_US", "es_AR",
    "es_CO", "fr_CA", "fr_BE", "fr_CH", "pt_BR", "pt_PT", "pt_AO", "pt_MZ", "ar_EG", "ar_SA",
    "ar_MA", "ar_DZ", "hi_Latn", "bn_IN",
}  # fmt: skip


def _base(code: str) -> str:
    return code.split("_")[0].split(".")[0]


def keep(dest: str, languages: set[str]) -> bool:
    """Whether the bundle keeps the data file installed at `dest` (a relative path)."""
    parts = PurePath(dest).parts
    name = parts[-1] if parts else ""
    if parts[:2] == ("resources", "translations") and name.endswith((".po", ".pot")):
        return False  # the app reads the compiled .mo (kit.i18n); sources stay in git
    if name == "RECORD" and len(parts) >= 2 and parts[-2].endswith(".dist-info"):
        return False  # pip's file list with hashes; About reads METADATA and the licences
    if parts[:2] == ("babel", "locale-data"):
        stem = name.removesuffix(".dat")
        if "_" in stem:
            return stem in REGIONS_KEPT and _base(stem) in languages
        return stem == "root" or stem in languages
    if len(parts) >= 2 and parts[-2] == "translations" and name.endswith(".qm"):
        if "PySide6" not in parts:
            return True
        catalog, _sep, lang = name[: -len(".qm")].partition("_")
        return catalog in QT_CATALOGS and _base(lang) in languages
    return True
