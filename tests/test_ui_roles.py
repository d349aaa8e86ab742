"""Roles in the UI: the first profile is offered the facilitator's role; a facilitator's
PIN makes someone a facilitator (Manage profiles). Resetting a forgotten PIN with a
facilitator's PIN: tests/test_ui_basics.py."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_shell import add_profile, close, open_window, prepare, wait_library

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.pages import kinds


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def profile(data_dir, name: str):
    with Records(DataDir(data_dir)) as records:
        return next(p for p in records.list_profiles() if p.name == name)


def facilitator(data_dir, name: str, pin: str):
    with Records(DataDir(data_dir)) as records:
        who = records.create_profile(name, pin=pin)
        return records.set_role(who.id, "facilitator", pin=pin)


def manage(qtbot, window, name: str):
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: profiles.card_for(name) is not None)
    click(qtbot, profiles.manage_button)
    click(qtbot, profiles.card_for(name))
    form = profiles.form
    qtbot.waitUntil(lambda: form.roles.isEnabled())  # the facilitators are known
    return profiles, form


def test_the_first_profile_is_offered_the_facilitator_role_with_a_pin(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    window = open_window(qtbot, data_dir)
    form = window.pages[kinds.ProfilesKind].form
    assert form.facilitator.isVisible() and not form.facilitator.isChecked()
    qtbot.keyClicks(form.name, "Fatima")
    form.facilitator.setChecked(True)
    click(qtbot, form.create_button)
    assert form.error.text() == "A facilitator needs a PIN; type one twice above."
    qtbot.keyClicks(form.pin, "1357")
    qtbot.keyClicks(form.pin_again, "1357")
    click(qtbot, form.create_button)
    wait_library(qtbot, window)
    close(window)
    fatima = profile(data_dir, "Fatima")
    assert fatima.is_facilitator and fatima.has_pin


def test_a_later_profile_is_not_offered_the_role(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    profiles = window.pages[kinds.ProfilesKind]
    profiles.show_create(first=False)
    assert profiles.form.facilitator.isHidden()
    close(window)


def test_a_facilitator_makes_another_once_they_give_their_pin(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    facilitator(data_dir, "Fay", "9999")
    add_profile(data_dir, "Ben", pin="1111")
    window = open_window(qtbot, data_dir)
    profiles, form = manage(qtbot, window, "Ben")
    panel = form.roles
    assert panel.role_button.text() == "Make Ben a facilitator"
    click(qtbot, panel.role_button)
    assert form.error.text() == "Enter a facilitator's PIN first."
    qtbot.keyClicks(panel.who_pin, "9999")
    click(qtbot, panel.role_button)
    qtbot.waitUntil(lambda: profiles.notice.text() == "Ben is a facilitator now.")
    assert profile(data_dir, "Ben").is_facilitator
    close(window)


def test_with_no_facilitator_a_profile_appoints_itself_with_its_own_pin(qtbot, data_dir, pack):
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana", pin="2468")
    window = open_window(qtbot, data_dir)
    profiles, form = manage(qtbot, window, "Ana")
    panel = form.roles
    assert not panel.who_row.isVisible()
    click(qtbot, panel.role_button)
    assert form.error.text() == "A facilitator needs a PIN; give the profile one first."
    qtbot.keyClicks(form.pin, "2468")
    click(qtbot, panel.role_button)
    qtbot.waitUntil(lambda: profiles.notice.text() == "Ana is a facilitator now.")
    assert profile(data_dir, "Ana").is_facilitator
    close(window)
