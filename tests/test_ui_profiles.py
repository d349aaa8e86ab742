"""The start screen on a shared computer, driven like a learner would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_shell import (
    add_events,
    add_profile,
    close,
    open_window,
    prepare,
    sign_in,
    spanish_catalog,
    wait_library,
)

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.pages import kinds


def test_first_profile_with_a_pin_then_the_library(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    window = open_window(qtbot, data_dir)
    form = window.pages[kinds.ProfilesKind].form
    assert form is not None and form.name.isVisible()  # no profiles: straight to the form
    qtbot.keyClicks(form.name, "Amina")
    qtbot.keyClicks(form.pin, "2468")
    qtbot.keyClicks(form.pin_again, "2469")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "The two PINs are not the same."
    form.pin_again.clear()
    qtbot.keyClicks(form.pin_again, "2468")
    qtbot.mouseClick(form.create_button, Qt.MouseButton.LeftButton)
    page = wait_library(qtbot, window)
    assert window.toolbar.profile_button.text() == "Amina"
    assert [p.id for p in page.view.packs] == ["getting-started"]
    close(window)
    with Records(DataDir(data_dir)) as records:
        (amina,) = records.list_profiles()
        assert amina.has_pin
        records.check_pin(amina.id, "2468")  # the PIN typed is the one kept


def test_a_taken_name_is_refused_in_one_sentence(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    profiles = window.pages[kinds.ProfilesKind]
    new_card = next(c for c in profiles.cards.findChildren(type(profiles.card_for("Ana")))
                    if c.accessibleName() == "Create a new profile")  # fmt: skip
    qtbot.mouseClick(new_card, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(profiles.form.name, " ana ")
    qtbot.mouseClick(profiles.form.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profiles.form.error.text() != "")
    assert profiles.form.error.text().endswith(".") and "\n" not in profiles.form.error.text()
    assert window.current is kinds.ProfilesKind


def test_wrong_pin_says_so_then_locks(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ben", pin="1234")
    window = open_window(qtbot, data_dir)
    profiles = window.pages[kinds.ProfilesKind]
    assert profiles.card_for("Ben").accessibleName() == "Ben, protected by a PIN"
    qtbot.mouseClick(profiles.card_for("Ben"), Qt.MouseButton.LeftButton)
    form = profiles.form
    for _attempt in range(3):
        qtbot.waitUntil(form.ok.isEnabled)
        form.error.setText("")
        qtbot.keyClicks(form.pin, "9999")
        qtbot.keyClick(form.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: form.error.text() == "That PIN is not right.", timeout=10_000)
    # The third wrong PIN in a row locks the profile for a moment.
    assert "Too many wrong PINs; try again in" in form.wait_label.text()
    assert not form.pin.isEnabled() and not form.ok.isEnabled()
    assert window.current is kinds.ProfilesKind and window.ctx.profile is None


def test_a_lock_outlives_a_restart(qtbot, data_dir, pack) -> None:
    import time

    from kit.core.records import PinLocked, WrongPin

    prepare(data_dir, [pack])
    ben = add_profile(data_dir, "Ben", pin="1234")
    now = [time.time()]
    fake = {"clock": lambda: now[0], "uptime": lambda: ("test-boot", now[0])}
    with Records(DataDir(data_dir), **fake) as records:
        for tries in range(1, 8):  # each lock waited out on a fake clock: the last is 32 s
            with pytest.raises(WrongPin):
                records.check_pin(ben.id, "0000")
            if tries < 7:
                now[0] += records.pin_wait_seconds(ben.id) + 1
        with pytest.raises(PinLocked):
            records.check_pin(ben.id, "1234")
    window = open_window(qtbot, data_dir, profile="Ben")
    form = window.pages[kinds.ProfilesKind].form
    qtbot.waitUntil(lambda: "Too many wrong PINs" in form.wait_label.text())
    assert not form.pin.isEnabled()
    assert window.ctx.profile is None


def test_second_profile_sees_none_of_the_first_ones_progress(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana", pin="1111")
    add_profile(data_dir, "Carlos")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile", "read-lessons"])
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1111")
    assert page.panel.module_card("learning").bar.value() == 2
    assert page.view.continue_to.started
    assert window.toolbar.switch in window.toolbar.profile_button.menu().actions()
    window.toolbar.switch.trigger()  # the learner's menu: "Switch profile"
    assert window.current is kinds.ProfilesKind and kinds.LibraryKind not in window.pages
    page = sign_in(qtbot, window, "Carlos")
    assert window.toolbar.profile_button.text() == "Carlos"
    assert all(card.bar.value() == 0 for card in page.panel.modules)
    assert not page.view.continue_to.started
    assert page.continue_button.text() == "Start"


def test_rename_and_delete_need_the_pin(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Dana", pin="4321")
    add_profile(data_dir, "Eli")
    window = open_window(qtbot, data_dir)
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.mouseClick(profiles.manage_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profiles.card_for("Dana"), Qt.MouseButton.LeftButton)
    form = profiles.form
    form.name.clear()
    qtbot.keyClicks(form.name, "Dana M")
    qtbot.keyClicks(form.pin, "0000")
    qtbot.mouseClick(form.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.error.text() == "That PIN is not right.")
    form.pin.clear()
    qtbot.keyClicks(form.pin, "4321")
    qtbot.mouseClick(form.rename_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: profiles.card_for("Dana M") is not None)
    assert profiles.card_for("Dana") is None
    # Delete: the confirmation comes first, then the PIN is checked.
    qtbot.mouseClick(profiles.manage_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(profiles.card_for("Dana M"), Qt.MouseButton.LeftButton)
    form = profiles.form
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert form.error.text() == "Enter the PIN of this profile first."
    assert not form.confirm.isVisible()
    qtbot.keyClicks(form.pin, "4321")
    qtbot.mouseClick(form.delete_button, Qt.MouseButton.LeftButton)
    assert form.confirm.isVisible()
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [p.name for p in profiles.profiles] == ["Eli"])
    assert profiles.card_for("Dana M") is None
    close(window)
    assert any("before-delete" in p.name for p in (data_dir / "backups").iterdir())


def test_first_start_asks_the_language_then_the_profile(
    qtbot, data_dir, pack, monkeypatch, tmp_path
) -> None:
    import kit.i18n

    spanish_catalog(
        monkeypatch, tmp_path / "tr", {"Welcome! Create your profile": "¡Hola! Crea tu perfil"}
    )
    prepare(data_dir, [pack], first_start=True)
    (data_dir / "settings.json").write_text('{"bundled_offered": true}', encoding="utf-8")
    try:
        window = open_window(qtbot, data_dir)
        profiles = window.pages[kinds.ProfilesKind]
        choices = {b.property("language"): b for b in profiles.form.findChildren(type(profiles.manage_button))
                   if b.property("language")}  # fmt: skip
        assert set(choices) == {"en", "es"}
        assert choices["es"].text() == "Español"
        qtbot.mouseClick(choices["es"], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: kinds.ProfilesKind in window.pages and window.pages[kinds.ProfilesKind].form is not None
                        and hasattr(window.pages[kinds.ProfilesKind].form, "create_button"))  # fmt: skip
        titles = [
            w.text()
            for w in window.pages[kinds.ProfilesKind].form.findChildren(type(window.starting))
        ]
        assert "¡Hola! Crea tu perfil" in titles
        qtbot.keyClicks(window.pages[kinds.ProfilesKind].form.name, "Lucia")
        qtbot.mouseClick(
            window.pages[kinds.ProfilesKind].form.create_button, Qt.MouseButton.LeftButton
        )
        wait_library(qtbot, window)
        close(window)
        with Records(DataDir(data_dir)) as records:
            assert records.list_profiles()[0].language == "es"
    finally:
        kit.i18n.set_language("en")
