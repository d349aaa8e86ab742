"""Get packs inside the app: a learner opens it from the main window, downloads a pack from a
folder source (a USB stick) and finds it in the library on the way back."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from ui_shell import (
    activate,
    add_profile,
    close,
    library_changed,
    open_window,
    prepare,
    sign_in,
)

from kit.core.catalog.catalog import build_catalog
from kit.core.catalog.get import Packs
from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import new_pack_source
from kit.core.paths import DataDir
from kit.ui.pages import kinds


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    """A folder like a USB stick: one built pack ("First aid") and its catalog."""
    folder = tmp_path / "usb"
    src = tmp_path / "src"
    new_pack_source(src, "first-aid")
    yaml = (src / "pack.yaml").read_text(encoding="utf-8")
    (src / "pack.yaml").write_text(
        yaml.replace("title: My first pack", "title: First aid"), encoding="utf-8"
    )
    folder.mkdir()
    build_pack(src, folder)
    build_catalog(folder)
    return folder


def add_source(data_dir: Path, location: Path) -> None:
    """Through the core, as `kit source add FOLDER` does."""
    data = DataDir(data_dir)
    with Library(data) as lib:
        packs = Packs(data, lib)
        try:
            packs.sources.add(str(location))
        finally:
            packs.close()


def click(qtbot, button) -> None:
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def pack_titles(library_page) -> list[str]:
    items = (library_page.packs.item(i) for i in range(library_page.packs.count()))
    return [item.data(Qt.ItemDataRole.AccessibleTextRole) for item in items]  # the whole title


def test_a_learner_gets_a_pack_from_a_usb_stick_and_finds_it_in_the_library(
    qtbot, data_dir, pack, usb
) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    add_source(data_dir, usb)
    window = open_window(qtbot, data_dir)
    library = sign_in(qtbot, window, "Ana")
    assert pack_titles(library) == ["Getting started with Training Kit"]
    assert window.get_packs.isVisible() and window.get_packs in window.toolbar.actions()

    click(qtbot, library.get_more_button)  # "Get more packs…" under the learner's packs
    assert window.current is kinds.GetPacksKind
    page = window.pages[kinds.GetPacksKind]
    qtbot.waitUntil(lambda: "first-aid" in page.cards, timeout=10_000)
    card = page.cards["first-aid"]
    assert card.title.text() == "First aid"
    assert not window.toolbar.find.isEnabled()  # Ctrl+F filters the packs here
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    with qtbot.waitSignal(**library_changed(window.ctx.changes), timeout=20_000):
        click(qtbot, card.button)
    qtbot.waitUntil(lambda: "first-aid" not in page.rows, timeout=20_000)
    assert page.notice.text() == "Installed First aid 0.1.0."

    click(qtbot, page.back_button)
    assert window.current is kinds.LibraryKind and window.toolbar.find.isEnabled()
    library = window.pages[kinds.LibraryKind]
    qtbot.waitUntil(lambda: "First aid" in pack_titles(library))
    assert sorted(pack_titles(library)) == ["First aid", "Getting started with Training Kit"]

    # Ctrl+G comes back to the same page (downloads go on while the learner reads).
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert window.current is kinds.GetPacksKind and window.pages[kinds.GetPacksKind] is page
    close(window)
    assert page._closed  # shut down with the window: downloads paused, threads stopped
    with Library(DataDir(data_dir)) as lib:
        assert sorted(p["id"] for p in lib.list_packs()) == ["first-aid", "getting-started"]


def test_an_empty_library_offers_get_packs(qtbot, data_dir, usb) -> None:
    prepare(data_dir, [])
    add_profile(data_dir, "Ana")
    add_source(data_dir, usb)
    window = open_window(qtbot, data_dir)
    library = sign_in(qtbot, window, "Ana")
    assert library.stack.currentWidget() is library.empty
    click(qtbot, library.empty_get_button)
    page = window.pages[kinds.GetPacksKind]
    assert window.current is kinds.GetPacksKind
    qtbot.waitUntil(lambda: "first-aid" in page.cards, timeout=10_000)
    click(qtbot, page.cards["first-aid"].button)
    qtbot.waitUntil(lambda: "first-aid" not in page.rows, timeout=20_000)
    # Back with the keyboard (Alt+Left), like the reader's Back.
    activate(qtbot, window)
    qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current is kinds.LibraryKind
    qtbot.waitUntil(lambda: pack_titles(library) == ["First aid"])
    assert library.stack.currentWidget() is library.main


def test_get_packs_needs_a_signed_in_learner(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    assert window.current is kinds.ProfilesKind and not window.get_packs.isVisible()
    window.get_packs.trigger()  # the shortcut of a hidden action, say
    assert window.current is kinds.ProfilesKind and kinds.GetPacksKind not in window.pages


def test_a_language_change_keeps_the_learner_on_get_packs(
    qtbot, data_dir, pack, usb, monkeypatch, tmp_path
) -> None:
    from ui_shell import spanish_catalog

    from kit.i18n import set_language

    spanish_catalog(monkeypatch, tmp_path / "tr", {"Get packs": "Obtener paquetes"})
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    add_source(data_dir, usb)
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    window.get_packs.trigger()
    old = window.pages[kinds.GetPacksKind]
    try:
        window.change_language("es")
        assert window.current is kinds.GetPacksKind and window.pages[kinds.GetPacksKind] is not old
        assert old._closed  # its threads were stopped before it went away
        assert window.get_packs.text() == "Obtener paquetes" and window.get_packs.isVisible()
        page = window.pages[kinds.GetPacksKind]
        qtbot.waitUntil(lambda: "first-aid" in page.cards, timeout=10_000)
        # One Ctrl+G in the window, not one per language the learner went through.
        owners = [a for a in window.findChildren(type(window.get_packs)) if a.shortcut() == window.get_packs.shortcut()]  # fmt: skip
        assert owners == [window.get_packs]
        close(window)
    finally:
        set_language("en")


def test_get_packs_follows_the_text_size_and_backspace_stays_on_the_page(
    qtbot, data_dir, pack
) -> None:
    from PySide6.QtWidgets import QLabel

    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    window.get_packs.trigger()
    page = window.pages[kinds.GetPacksKind]
    title = page.findChild(QLabel, "pageTitle")
    title.ensurePolished()
    normal = title.font().pointSizeF()
    window.apply_settings("en", 1.5)  # the Settings dialog's "Larger"
    title.ensurePolished()
    assert title.font().pointSizeF() == pytest.approx(normal * 1.5, abs=0.1)
    activate(qtbot, window)
    page.refresh_button.setFocus()  # not a text field
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Backspace)
    assert window.current is kinds.GetPacksKind
    qtbot.keyClick(page.refresh_button, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current is kinds.LibraryKind
    close(window)
