"""Trainer mode's translation view, through the PO files of `kit pack translate`."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from ui_shell import GETTING_STARTED

from kit.core.packtranslate import status
from kit.core.packtranslate.catalog import read_catalog
from kit.core.paths import DataDir
from kit.ui.context import AppContext
from kit.ui.editor.contract import EditorEnv
from kit.ui.editor.translate.view import TranslateView
from kit.ui.runners.worker import Worker


@pytest.fixture
def env(qapp, tmp_path: Path, data_dir: Path) -> Iterator[EditorEnv]:
    worker = Worker()
    ctx = AppContext(data=DataDir(data_dir).ensure(), worker=worker)
    root = tmp_path / "work" / "getting-started"
    shutil.copytree(GETTING_STARTED, root)
    shutil.rmtree(root / "translations")  # start Spanish from nothing
    yield EditorEnv(root=root, ctx=ctx)
    worker.stop()


def idle(view: TranslateView) -> bool:
    return view.loading == 0 and view.pending == 0


@pytest.fixture
def view(qtbot, env) -> TranslateView:
    widget = TranslateView(env, None)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitUntil(lambda: idle(widget) and "es" in widget.statuses)
    return widget


def test_translate_two_units_and_apply(qtbot, env, view, run_kit) -> None:
    assert not view.statuses["es"].has_file  # listed by pack.yaml, not started
    view.add_language("es")
    qtbot.waitUntil(lambda: view.lang == "es" and view.current == 0 and idle(view))
    assert (env.root / "translations" / "es.po").is_file()
    assert view.statuses["es"].translated == 0
    first, second = view.units[0], view.units[1]
    assert view.source_edit.toPlainText() == first.source == "Getting started with Training Kit"

    view.translation_edit.setPlainText("Primeros pasos con Training Kit")
    qtbot.keyClick(view.translation_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current == 1  # moved on to the next untranslated text
    view.translation_edit.setPlainText("Cómo usar Training Kit.")
    view.next_button.click()  # leaving a typed translation keeps it (as done, not fuzzy)
    assert view.current == 2
    qtbot.waitUntil(lambda: idle(view) and view.statuses["es"].translated == 2)

    messages = {m.context: m for m in read_catalog(env.root / "translations" / "es.po")}
    assert messages[first.context].string == "Primeros pasos con Training Kit"
    assert messages[second.context].string == "Cómo usar Training Kit."
    assert not messages[second.context].fuzzy
    cli = {s.lang: s for s in status(env.root)}["es"]
    assert (cli.translated, cli.fuzzy, cli.total) == (2, 0, view.statuses["es"].total)
    code, out, _err = run_kit("pack", "translate", "status", env.root, "--json")
    assert code == 0 and json.loads(out)[0]["translated"] == 2

    view.filter_combo.setCurrentIndex(2)  # All
    view.show_unit(1)
    view.fuzzy_button.click()
    qtbot.waitUntil(lambda: idle(view) and view.statuses["es"].fuzzy == 1)
    assert view.statuses["es"].translated == 1

    view.apply_button.click()
    qtbot.waitUntil(lambda: "Wrote" in view.status.text())
    pack_es = (env.root / "translations" / "es" / "pack.yaml").read_text(encoding="utf-8")
    assert "Primeros pasos con Training Kit" in pack_es
    assert "Cómo usar" not in pack_es  # fuzzy translations are not applied


def test_right_to_left_language_is_shown_rtl(qtbot, env, view) -> None:
    view.add_language("ar")
    qtbot.waitUntil(lambda: view.lang == "ar" and view.current == 0 and idle(view))
    assert view.translation_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.source_edit.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_bad_language_code_is_one_sentence(qtbot, env, view) -> None:
    view.add_language("not a code")
    qtbot.waitUntil(lambda: "is not a language code" in view.status.text())
    assert not (env.root / "translations").exists()


def test_starting_a_listed_language_keeps_the_translation_files_it_has(
    qtbot, env, tmp_path
) -> None:
    root = tmp_path / "with-spanish"
    shutil.copytree(GETTING_STARTED, root)
    view = TranslateView(EditorEnv(root=root, ctx=env.ctx), None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: idle(view) and "es" in view.statuses)
    view.select_language("es")
    assert view.start_button.isVisible() and "not started" in view.status.text()
    view.start_button.click()
    qtbot.waitUntil(lambda: idle(view) and view.statuses["es"].has_file and view.current >= 0)
    assert not view.start_button.isVisible()
    assert view.statuses["es"].translated > 0  # from translations/es/, as the CLI's extract
    assert view.statuses["es"] == {s.lang: s for s in status(root)}["es"]


def test_opening_shows_found_translation_files_and_apply_leaves_them_as_written(
    qtbot, env, tmp_path
) -> None:
    root = tmp_path / "with-spanish"
    shutil.copytree(GETTING_STARTED, root)
    es = root / "translations" / "es"
    before = {p: p.read_bytes() for p in es.rglob("*") if p.is_file()}
    view = TranslateView(EditorEnv(root=root, ctx=env.ctx), None)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: idle(view) and view.lang == "es")  # the first language, chosen
    found = view.statuses["es"]
    assert found.found and not found.has_file and found.translated > 0
    row = view.lang_list.itemWidget(view.lang_list.item(0))
    texts = " ".join(w.text() for w in row.findChildren(QLabel))
    assert "Translated files found" in texts and "Not started" not in texts
    view.start_button.click()
    qtbot.waitUntil(lambda: idle(view) and view.statuses["es"].has_file and view.current >= 0)
    assert view.statuses["es"].translated == found.translated
    view.apply_button.click()
    qtbot.waitUntil(lambda: "Wrote" in view.status.text())
    assert {p: p.read_bytes() for p in es.rglob("*") if p.is_file()} == before
