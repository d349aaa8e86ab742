"""Qt's own buttons (OK, Cancel, Yes) speak the interface language, and the desktop
bundle carries Qt's catalogs for the shipped languages only."""

from __future__ import annotations

import importlib.util

import pytest
from conftest import ROOT as ROOT_DIR
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from ui_shell import add_profile, close, open_window, prepare, sign_in

from kit.i18n import install_qt_translations, set_language


@pytest.fixture
def back_to_english():
    yield
    set_language("en")
    install_qt_translations(QApplication.instance(), "en")


def cancel_texts() -> tuple[str, str]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    question = QMessageBox(QMessageBox.Icon.Question, "", "", QMessageBox.StandardButton.Cancel)
    return box.button(QDialogButtonBox.StandardButton.Cancel).text(), question.buttons()[0].text()


def test_qt_buttons_follow_the_language_chosen_in_the_app(
    qtbot, data_dir, pack, back_to_english
) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    assert cancel_texts() == ("Cancel", "Cancel")
    window.change_language("es")
    assert cancel_texts() == ("Cancelar", "Cancelar")
    window.show_settings()  # a dialog of the app: its Qt buttons too
    buttons = window.settings_dialog.findChildren(QDialogButtonBox)
    texts = {b.text().replace("&", "") for box in buttons for b in box.buttons()}
    assert "Cancelar" in texts or "Aceptar" in texts, texts
    window.settings_dialog.reject()
    window.change_language("en")
    assert cancel_texts() == ("Cancel", "Cancel")
    close(window)


def test_a_window_started_in_arabic_has_arabic_qt_buttons(
    qtbot, data_dir, pack, back_to_english
) -> None:
    prepare(data_dir, [pack])
    window = open_window(qtbot, data_dir, language="ar")
    text = cancel_texts()[0]
    assert text != "Cancel" and all("\u0600" <= c <= "\u06ff" or c == " " for c in text)
    close(window)


def test_the_bundle_keeps_qt_catalogs_of_the_shipped_languages_only() -> None:
    spec = importlib.util.spec_from_file_location(
        "bundle_files", ROOT_DIR / "build" / "bundle_files.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    languages = module.shipped_languages()
    assert {"en", "es", "ar", "pt"} <= languages and "de" not in languages
    kept = [name for name in ("qtbase_es.qm", "qtbase_ar.qm", "qtbase_de.qm", "qt_es.qm",
                              "designer_es.qm", "qtbase_pt_BR.qm", "qtbase_en.qm")
            if module.keep(f"PySide6/Qt/translations/{name}", languages)]  # fmt: skip
    assert kept == ["qtbase_es.qm", "qtbase_ar.qm", "qtbase_pt_BR.qm", "qtbase_en.qm"]
    assert module.keep("babel/locale-data/es_MX.dat", languages)
    assert not module.keep("babel/locale-data/de.dat", languages)
    assert module.keep("babel/locale-data/root.dat", languages)
    assert module.keep("resources/translations/es/LC_MESSAGES/kit.mo", languages)
    assert module.keep("PySide6/Qt/lib/libQt6Core.so.6", languages)
