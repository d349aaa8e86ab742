"""The basics a learner and a facilitator need: Progress, removing a pack, changing or
removing a PIN, About and the keyboard shortcuts (F1)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_shell import (
    add_events,
    add_profile,
    announce,
    close,
    open_window,
    prepare,
    sign_in,
    wait_library,
)

from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.changes import Change
from kit.ui.pages import kinds
from kit.ui.widgets.charts import DONE, TRACK

LEARNING = ["choose-a-profile", "read-lessons", "tour", "take-quizzes", "see-progress"]


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def filled_share(meter) -> float:
    """How much of a bar's row is painted in the 'done' colour (0-1), read from its pixels."""
    image = meter.grab().toImage()
    y = image.height() // 2
    colours = [image.pixelColor(x, y).name() for x in range(image.width())]
    return colours.count(DONE.name()) / max(1, len(colours))


def test_progress_draws_each_pack_module_quiz_and_certificate(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_events(data_dir, ana.id, "getting-started", LEARNING)
    add_events(data_dir, ana.id, "getting-started", ["run-a-workshop"])
    with Records(DataDir(data_dir)) as records:
        records.record_quiz_attempt(ana.id, "getting-started", "check-learning", 50, 70)
        records.record_quiz_attempt(ana.id, "getting-started", "check-learning", 90, 70)
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    assert window.toolbar.progress.isVisible()
    window.toolbar.progress.trigger()
    page = window.pages[kinds.ProgressKind]
    qtbot.waitUntil(lambda: page.views is not None)
    assert window.current is kinds.ProgressKind
    (view,) = page.views
    learning, teaching = view.modules
    assert (learning.done, learning.total, learning.complete) == (6, 6, True)
    assert (teaching.done, teaching.total) == (1, 3)  # the survey does not count
    quiz = learning.quizzes[0]
    assert (quiz.attempts, quiz.best_score, quiz.pass_mark, quiz.passed) == (2, 90, 70, True)
    # Drawn, not listed: the bars are painted in proportion.
    full = page.meters[("getting-started", "learning")]
    third = page.meters[("getting-started", "teaching")]
    qtbot.waitUntil(lambda: full.isVisible() and third.width() > 100)
    assert filled_share(full) > 0.95
    assert 0.25 < filled_share(third) < 0.42
    assert TRACK.name() in {third.grab().toImage().pixelColor(third.width() - 3,
                                                              third.height() // 2).name()}  # fmt: skip
    assert page.summary.text() == "1 certificate to save."
    assert ("getting-started", "teaching") not in page.certificate_buttons
    page.certificate_requested.disconnect(window.save_certificate)  # no file dialog in a test
    with qtbot.waitSignal(page.certificate_requested) as asked:
        click(qtbot, page.certificate_buttons[("getting-started", "learning")])
    assert asked.args == ["getting-started", "learning"]
    close(window)


def test_progress_follows_new_records(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    page = window.show_progress()
    qtbot.waitUntil(lambda: page.views is not None)
    assert page.views[0].done == 0
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    announce(window.ctx.changes, Change.RECORDS, ana.id)
    qtbot.waitUntil(lambda: page.views[0].done == 1)
    close(window)


def test_removing_a_pack_asks_first_and_keeps_the_progress(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    add_events(data_dir, ana.id, "getting-started", ["choose-a-profile"])
    window = open_window(qtbot, data_dir)
    library = sign_in(qtbot, window, "Ana")
    library.show_details("getting-started")
    dialog = library.details
    click(qtbot, dialog.remove_button)
    assert dialog.confirm.isVisible()
    with Library(DataDir(data_dir)) as lib:
        assert lib.installed_version("getting-started")  # nothing removed before "Yes"
    click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: library.view is not None and not library.view.packs, timeout=10_000)
    assert library.stack.currentWidget() is library.empty
    assert "learners keep their progress" in window.message.text()
    with Library(DataDir(data_dir)) as lib:
        assert lib.installed_version("getting-started") is None
        lib.install(pack)
    with Records(DataDir(data_dir)) as records:
        assert [e.item_id for e in records.events(ana.id)] == ["choose-a-profile"]
    announce(window.ctx.changes, Change.LIBRARY)
    qtbot.waitUntil(lambda: library.view is not None and len(library.view.packs) == 1)
    assert library.view.packs[0].fraction() > 0  # the progress is back with the pack
    close(window)


def manage(qtbot, window, name: str):
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: profiles.card_for(name) is not None)
    click(qtbot, profiles.manage_button)
    click(qtbot, profiles.card_for(name))
    return profiles.form


def test_a_learner_changes_then_removes_her_pin_after_typing_it(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana", pin="1234")
    window = open_window(qtbot, data_dir)
    form = manage(qtbot, window, "Ana")
    qtbot.keyClicks(form.new_pin, "5678")
    qtbot.keyClicks(form.new_pin_again, "5678")
    click(qtbot, form.set_pin_button)
    assert form.error.text() == "Enter the PIN of this profile first."
    qtbot.keyClicks(form.pin, "9999")  # not hers
    click(qtbot, form.set_pin_button)
    qtbot.waitUntil(lambda: form.error.text() not in ("", "Enter the PIN of this profile first."))
    assert "PIN" in form.error.text()
    form.pin.clear()
    qtbot.keyClicks(form.pin, "1234")
    click(qtbot, form.set_pin_button)
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: profiles.form is None and profiles.card_for("Ana") is not None)
    with Records(DataDir(data_dir)) as records:
        records.check_pin(ana.id, "5678")  # the new PIN opens the profile
    sign_in(qtbot, window, "Ana", pin="5678")
    window.sign_out()
    form = manage(qtbot, window, "Ana")
    qtbot.keyClicks(form.pin, "5678")
    click(qtbot, form.remove_pin_button)
    qtbot.waitUntil(lambda: window.pages[kinds.ProfilesKind].form is None)
    with Records(DataDir(data_dir)) as records:
        assert not records.profile(ana.id).has_pin
    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: profiles.profiles and not profiles.profiles[0].has_pin)
    sign_in(qtbot, window, "Ana")  # no PIN asked any more
    close(window)


def test_a_profile_without_pin_gets_one(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ben = add_profile(data_dir, "Ben")
    window = open_window(qtbot, data_dir)
    form = manage(qtbot, window, "Ben")
    assert form.set_pin_button.text() == "Set PIN" and not form.remove_pin_button.isVisible()
    qtbot.keyClicks(form.new_pin, "4321")
    qtbot.keyClicks(form.new_pin_again, "4312")
    click(qtbot, form.set_pin_button)
    assert form.error.text() == "The two PINs are not the same."
    form.new_pin_again.clear()
    qtbot.keyClicks(form.new_pin_again, "4321")
    click(qtbot, form.set_pin_button)
    qtbot.waitUntil(lambda: window.pages[kinds.ProfilesKind].form is None)
    with Records(DataDir(data_dir)) as records:
        assert records.profile(ben.id).has_pin
    close(window)


def test_about_shows_version_licence_credits_and_the_data_folder(qtbot, data_dir, pack) -> None:
    from kit import __version__

    prepare(data_dir)
    with Library(DataDir(data_dir)) as lib:
        lib.install(pack, origin="bundled")
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    window.toolbar.about.trigger()  # from the start screen: nobody is signed in
    page = window.pages[kinds.AboutKind]
    assert window.current is kinds.AboutKind
    qtbot.waitUntil(lambda: bool(page.credit_texts))
    assert page.fields["Version"] == __version__
    assert page.fields["Data folder"] == str(data_dir)
    assert "GPL-3.0-or-later" in page.fields["Licence"]
    assert page.fields["Runs on"].startswith("Python 3.")
    assert "PySide6 6." in page.fields["Runs on"]
    qtbot.waitUntil(lambda: bool(page.component_rows))
    assert any(row.lower().startswith("pynacl ") for row in page.component_rows)
    assert any(row.startswith("PySide6") and "LGPL" in row for row in page.component_rows)
    assert page.credit_texts == [
        "Attribution: Training Kit contributors, CC BY-SA 4.0\n"
        "Licence: CC-BY-SA-4.0\nAuthors: Training Kit contributors"
    ]
    window.go_back()
    assert window.current is kinds.ProfilesKind
    window.show_shortcuts()  # signed out: no learner's tools listed
    assert "My progress" not in {what for _keys, what in window.pages[kinds.ShortcutsKind].rows}
    close(window)


def test_f1_shows_every_keyboard_shortcut(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.current is kinds.ShortcutsKind)
    rows = dict((what, keys) for keys, what in window.pages[kinds.ShortcutsKind].rows)
    assert rows["Get packs"] == "Ctrl+G"
    assert rows["Search"] == "Ctrl+F"
    assert rows["Keyboard shortcuts"] == "F1 or Ctrl+?"
    assert rows["Next item"] == "Alt+Right"
    assert rows["Library"] == "Alt+Home"
    assert rows["My progress"] == "Ctrl+Shift+P"  # signed in: her own tools too
    window.go_back()
    wait_library(qtbot, window)
    window.toolbar.keys.trigger()  # Menu → Keyboard shortcuts
    assert window.current is kinds.ShortcutsKind
    close(window)


def test_progress_bars_fill_from_the_start_side_in_either_direction(qtbot) -> None:
    from kit.ui.widgets.charts import Meter

    for direction, filled_side in ((Qt.LayoutDirection.LeftToRight, "left"),
                                   (Qt.LayoutDirection.RightToLeft, "right")):  # fmt: skip
        meter = Meter(0.3, mark=0.7)
        qtbot.addWidget(meter)
        meter.setLayoutDirection(direction)
        meter.resize(200, 14)
        image = meter.grab().toImage()
        left, right = image.pixelColor(10, 7).name(), image.pixelColor(190, 7).name()
        short = meter.fill_colour().name()  # under the pass mark: not the "done" green
        assert short != DONE.name()
        assert (left, right) == ((short, TRACK.name()) if filled_side == "left"
                                 else (TRACK.name(), short))  # fmt: skip


def test_a_facilitator_resets_a_forgotten_pin_with_their_own_pin(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana", pin="1234")
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Fatima", pin="1111", role="facilitator")
    window = open_window(qtbot, data_dir)
    form = manage(qtbot, window, "Ana")
    assert form.facilitator.currentText() == "Fatima"
    qtbot.keyClicks(form.new_pin, "2468")
    qtbot.keyClicks(form.new_pin_again, "2468")
    click(qtbot, form.reset_button)
    assert form.error.text() == "The facilitator types their own PIN first."
    qtbot.keyClicks(form.facilitator_pin, "9999")  # wrong: refused, nothing changes
    click(qtbot, form.reset_button)
    qtbot.waitUntil(lambda: form.error.text() != "")
    with Records(DataDir(data_dir)) as records:
        records.check_pin(ana.id, "1234")
    form.facilitator_pin.clear()
    qtbot.keyClicks(form.facilitator_pin, "1111")
    click(qtbot, form.reset_button)
    qtbot.waitUntil(lambda: window.pages[kinds.ProfilesKind].form is None)
    sign_in(qtbot, window, "Ana", pin="2468")
    close(window)


def test_no_reset_offered_without_a_facilitator(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana", pin="1234")
    window = open_window(qtbot, data_dir)
    form = manage(qtbot, window, "Ana")
    assert not hasattr(form, "reset_button")
    close(window)
