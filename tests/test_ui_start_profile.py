"""`kit --profile NAME`: the library the start reads with the core is the learner's own,
the same as a reload shows, and a profile with a PIN still asks for it first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_shell import add_events, add_profile, close, open_window, prepare, sign_in, wait_library

from kit.ui.pages import kinds


def _rows(page) -> list[str]:
    return [page.packs.item(row).text() for row in range(page.packs.count())]


def test_a_named_learner_starts_on_their_own_progress(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_profile(data_dir, "Ben")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    window = open_window(qtbot, data_dir, profile="Ana")
    page = wait_library(qtbot, window)
    assert window.ctx.profile.name == "Ana"
    first = _rows(page)
    assert len(first) == 1 and "0% done" not in first[0]  # Ana's progress, not nobody's
    assert page.view.continue_to is not None and page.view.continue_to.started
    assert page.continue_button.text() == "Continue"
    with qtbot.waitSignal(page.content_ready, timeout=10_000):
        page.reload()
    assert _rows(page) == first  # what the page reads itself says the same
    close(window)


def test_a_named_learner_with_a_pin_types_it_then_sees_the_library(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana", pin="1234")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    window = open_window(qtbot, data_dir, profile="Ana")
    assert window.current is kinds.ProfilesKind and window.ctx.profile is None
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: getattr(profiles.form, "pin", None) is not None)
    qtbot.waitUntil(profiles.form.pin.isEnabled)
    qtbot.keyClicks(profiles.form.pin, "1234")
    qtbot.keyClick(profiles.form.pin, Qt.Key.Key_Return)
    page = wait_library(qtbot, window)
    assert window.ctx.profile.name == "Ana"
    assert len(_rows(page)) == 1 and "0% done" not in _rows(page)[0]
    window.sign_out()
    sign_in(qtbot, window, "Ana", pin="1234")  # and again, on a page of its own
    assert len(_rows(wait_library(qtbot, window))) == 1
    close(window)
