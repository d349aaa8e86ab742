"""What the bundle's ICU data keeps: the shipped languages' texts, nothing of the others
(build/shrink_icu.py); the About list of dependencies and their licences (kit.core.about)."""

from __future__ import annotations

import sys
from pathlib import Path

from kit.core.about import components

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "build"))
from shrink_icu import dropped

LANGS = {"en", "es", "ar", "fr", "pt", "hi", "bn"}


def test_icu_keeps_shipped_languages_and_the_root():
    for item in ("root.res", "es.res", "coll/ar.res", "zone/pt_BR.res", "coll/ucadata.icu",
                 "uprops.icu", "res_index.res", "zone/pool.res", "brkitr/root.res"):  # fmt: skip
        assert not dropped(item, LANGS), item


def test_icu_drops_other_languages_converters_and_dictionaries():
    for item in ("de.res", "coll/zh.res", "lang/ja_JP.res", "ibm-943_P15A-2003.cnv",
                 "brkitr/cjdict.dict", "translit/Latin_ASCII.res"):  # fmt: skip
        assert dropped(item, LANGS), item


def test_icu_drops_the_name_and_unit_data_qt_never_reads():
    # Qt names languages, regions and currencies from its own tables (QLocale).
    for item in ("lang/es.res", "region/ar.res", "curr/pool.res", "unit/en.res",
                 "rbnf/es.res", "unames.icu", "confusables.cfu"):  # fmt: skip
        assert dropped(item, LANGS), item


def test_about_lists_each_dependency_with_its_licence():
    found = {c.name.lower(): c for c in components()}
    for name in ("pynacl", "babel", "nh3", "platformdirs", "pyyaml"):
        assert name in found, name
        assert found[name].version and found[name].licence
