"""kit.core.authoring.translating: the PO files of `kit pack translate`, one unit at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ui_shell import GETTING_STARTED

from kit.core.authoring import translating as tr
from kit.core.errors import KitError
from kit.core.packtranslate import status, update


@pytest.fixture
def root(tmp_path: Path) -> Path:
    folder = tmp_path / "getting-started"
    shutil.copytree(GETTING_STARTED, folder)
    shutil.rmtree(folder / "translations")
    return folder


def test_a_unit_whose_source_changed_is_to_check_and_saves_for_the_new_text(root) -> None:
    tr.start_language(root, "fr")
    title = tr.units(root, "fr")[0]
    tr.save_unit(root, "fr", title.context, title.source, "Bien démarrer")
    pack_yaml = root / "pack.yaml"
    new = "Getting going with Training Kit"
    pack_yaml.write_text(pack_yaml.read_text().replace(title.source, new))
    changed = tr.units(root, "fr")[0]
    assert (changed.source, changed.translation, changed.state) == (new, "Bien démarrer", "fuzzy")
    tr.save_unit(root, "fr", title.context, title.source, "Bien démarrer!")  # for the old text
    assert tr.units(root, "fr")[0].state == "fuzzy"  # still to check against the new one
    tr.save_unit(root, "fr", changed.context, new, "Bien commencer")
    assert tr.units(root, "fr")[0].state == "done"
    fr = {s.lang: s for s in status(root)}["fr"]
    assert (fr.translated, fr.fuzzy) == (1, 0)
    assert update(root, ["fr"])[0].counts.kept == 1  # the CLI's update keeps it


def test_units_of_a_language_not_started_is_one_sentence(root) -> None:
    with pytest.raises(KitError, match="add the language first"):
        tr.units(root, "de")
