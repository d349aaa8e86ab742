"""Workshop mode's Attendance tab, driven through real widgets on a real records.db:
check-in at the door with the keyboard only, walk-ins, undo, late arrivals, the paper
sheet, the register and its exports."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops, WorkshopSession
from kit.core.workshops.attendance import ON_PAPER, UNMARKED

K = Qt.Key
NAMES = [f"Person {n:02d}" for n in range(1, 41)]


def _shop(now: datetime) -> Workshop:
    """Session 1 started 30 minutes ago (and is over); session 2 started 5 minutes ago."""
    base, running = now - timedelta(minutes=30), now - timedelta(minutes=5)
    return Workshop(
        title="Wiki editing",
        starts=base.date().isoformat(),
        sessions=(
            WorkshopSession(day=1, start=base.strftime("%H:%M"), slot=20, title="Early"),
            WorkshopSession(
                day=(running.date() - base.date()).days + 1,
                start=running.strftime("%H:%M"),
                slot=60,
                title="Now",
            ),
        ),
    )


def stored(data_dir: Path, shop_id: str):
    """(participants, check-ins now, every check-in row) read from disk afresh."""
    with Records(DataDir(data_dir)) as records:
        shops = Workshops(records.rdb)
        return (
            shops.participants(shop_id),
            shops.checkins(shop_id),
            shops.checkin_history(shop_id),
        )


@pytest.fixture
def attendance(qtbot, data_dir):
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import close_core, open_core
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.attendance.page import AttendancePage

    data = DataDir(data_dir).ensure()
    with Records(data) as records:
        shops = Workshops(records.rdb)
        shop = shops.save(_shop(datetime.now().astimezone()))
        for name in NAMES:
            shops.add_participant(shop.id, name, wiki_username=name.replace(" ", ""))
        records.create_profile("Lena")
    ctx = AppContext(services=Services(data, Worker()), session=Session())
    open_core(ctx).run()
    qtbot.waitUntil(lambda: ctx.opened, timeout=20_000)
    page = AttendancePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.show_workshop(shop.id)
    qtbot.waitUntil(lambda: page.roster is not None, timeout=20_000)
    yield page, shop
    close_core(ctx)


def type_and_enter(qtbot, field, text: str) -> None:
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, K.Key_Return)


def test_forty_check_ins_with_the_keyboard_only(qtbot, attendance, data_dir) -> None:
    page, shop = attendance
    view = page.checkin
    running = shop.sessions[1]
    assert view.session_id == running.id  # the session running now is chosen
    view.find.setFocus()
    for name in NAMES:
        type_and_enter(qtbot, view.find, name)
        assert view.find.text() == "" and QApplication.focusWidget() is view.find
    qtbot.waitUntil(lambda: page.roster.present(running.id) == 40, timeout=30_000)
    _people, checkins, _history = stored(data_dir, shop.id)
    assert len({c.participant_id for c in checkins if c.session_id == running.id}) == 40
    assert view.count.text() == "40 of 40"
    assert view.chart.bars == [(shop.sessions[0].start, 0, 40), (running.start, 40, 40)]
    rows = [view.people.item(i).text() for i in range(view.people.count())]
    assert all(row.startswith("✓ ") and "late" not in row for row in rows)
    assert rows[0].startswith("✓ Person 01 (Person01), ")  # and the time of day


def test_up_down_choose_among_the_matches(qtbot, attendance, data_dir) -> None:
    page, shop = attendance
    view = page.checkin
    qtbot.keyClicks(view.find, "Person 1")  # Person 1x: ten matches, Person 10 first
    assert view.people.count() == 10 and view.people.currentItem().text() == "Person 10 (Person10)"
    qtbot.keyClick(view.find, K.Key_Down)
    qtbot.keyClick(view.find, K.Key_Down)
    qtbot.keyClick(view.find, K.Key_Up)
    qtbot.keyClick(view.find, K.Key_Return)
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 1)
    names = {p.id: p.name for p in page.roster.participants}
    assert [names[p] for _s, p in page.roster.checkins] == ["Person 11"]


def test_an_unknown_name_is_offered_as_a_walk_in_and_checked_in(
    qtbot, attendance, data_dir
) -> None:
    page, shop = attendance
    view = page.checkin
    type_and_enter(qtbot, view.find, "Zoe Newcomer")
    assert view.offer.isVisible() and "Zoe Newcomer" in view.offer.text()
    assert view.find.text() == "Zoe Newcomer" and len(page.roster.participants) == 40
    qtbot.keyClick(view.find, K.Key_Return)
    assert view.find.text() == ""
    qtbot.waitUntil(lambda: len(page.roster.participants) == 41, timeout=10_000)
    people, checkins, _history = stored(data_dir, shop.id)
    zoe = next(p for p in people if p.name == "Zoe Newcomer")
    assert [(c.session_id, c.participant_id) for c in checkins] == [(shop.sessions[1].id, zoe.id)]
    assert "walk-in" in page.message.text()


def test_ctrl_z_takes_the_last_check_in_back(qtbot, attendance, data_dir) -> None:
    page, shop = attendance
    view = page.checkin
    type_and_enter(qtbot, view.find, "Person 03")
    type_and_enter(qtbot, view.find, "Person 04")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 2)
    qtbot.keyClick(view.find, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 1)
    people, checkins, history = stored(data_dir, shop.id)
    names = {p.id: p.name for p in people}
    assert [names[c.participant_id] for c in checkins] == ["Person 03"]
    assert [(names[c.participant_id], c.verb) for c in history][-1] == ("Person 04", UNMARKED)
    assert view.count.text() == "1 of 40" and QApplication.focusWidget() is view.find


def test_a_check_in_long_after_the_start_is_marked_late(qtbot, attendance) -> None:
    page, shop = attendance
    view = page.checkin
    view.session.setCurrentIndex(0)  # the session that began 30 minutes ago
    type_and_enter(qtbot, view.find, "Person 05")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[0].id) == 1)
    view.find.setText("Person 05")
    assert view.people.item(0).text().endswith(", late")
    assert (shop.sessions[0].id, page.roster.participants[4].id) in page.roster.late


def test_a_paper_sheet_typed_in_saves_only_the_differences(qtbot, attendance, data_dir) -> None:
    page, shop = attendance
    type_and_enter(qtbot, page.checkin.find, "Person 01")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 1)
    page.tabs.setCurrentWidget(page.sheet)
    grid = page.sheet.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClick(grid, K.Key_Space)  # Person 01 came to the first session too
    qtbot.keyClick(grid, K.Key_Right)
    qtbot.keyClick(grid, K.Key_Space)  # ...but not to the second: a correction
    qtbot.keyClick(grid, K.Key_Down)
    qtbot.keyClick(grid, K.Key_Space)  # Person 02, second session
    qtbot.keyClick(grid, K.Key_Down)
    qtbot.keyClick(grid, K.Key_Space)
    qtbot.keyClick(grid, K.Key_Space)  # Person 03 ticked and unticked: no change
    assert page.sheet.changes.text() == "3 changes not saved"
    before = len(stored(data_dir, shop.id)[2])
    qtbot.keyClick(grid, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.sheet.changes.text() == "No changes to save.", timeout=10_000)
    people, checkins, history = stored(data_dir, shop.id)
    names = {p.id: p.name for p in people}
    first, second = (s.id for s in shop.sessions)
    got = {(c.session_id, names[c.participant_id]): c.verb for c in checkins}
    assert got == {(first, "Person 01"): ON_PAPER, (second, "Person 02"): ON_PAPER}
    assert len(history) == before + 3


def test_quick_add_at_the_door_keeps_no_contact_without_consent(
    qtbot, attendance, data_dir
) -> None:
    page, _shop = attendance
    page.tabs.setCurrentWidget(page.register)
    view = page.register
    assert not view.consent.isChecked() and not view.contact.isEnabled()
    view.name.setFocus()
    qtbot.keyClicks(view.name, "Ana")
    qtbot.keyClick(view.name, K.Key_Tab)
    qtbot.keyClicks(view.username, "AnaW")
    view.consent.setChecked(True)
    qtbot.keyClicks(view.contact, "ana@example.org")
    view.consent.setChecked(False)  # she changed her mind: the contact goes with the tick
    qtbot.keyClick(view.username, K.Key_Return)
    assert view.name.text() == "" and QApplication.focusWidget() is view.name
    qtbot.waitUntil(lambda: len(page.roster.participants) == 41, timeout=10_000)
    type_and_enter(qtbot, view.name, "Bea")  # a name alone is enough
    view.consent.setChecked(True)
    qtbot.waitUntil(lambda: len(page.roster.participants) == 42, timeout=10_000)
    with Records(DataDir(data_dir)) as records:
        rows = records.rdb.query("SELECT name, consent, contact FROM workshop_participants")
    assert {r["name"]: (r["consent"], r["contact"]) for r in rows}["Ana"] == (0, "")
    assert all(r["contact"] == "" for r in rows)
    assert view.table.item(0, 0).text() == "Ana" and view.table.item(0, 1).text() == "AnaW"


def test_editing_a_participant_links_a_profile_and_ticks_new_editor(
    qtbot, attendance, data_dir
) -> None:
    page, shop = attendance
    view = page.register
    page.tabs.setCurrentWidget(view)
    view.table.setFocus()
    view.table.setCurrentCell(2, 0)
    view.edit_button.click()
    dialog = view.dialog
    dialog.consent.setChecked(True)
    dialog.contact.setText("+34 600 000 000")
    dialog.notes.setText("Brings a laptop")
    dialog.profile.setCurrentIndex(dialog.profile.findText("Lena"))
    dialog.new_editor.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(lambda: page.roster.participants[2].new_editor, timeout=10_000)
    who = stored(data_dir, shop.id)[0][2]
    assert (who.contact, who.notes, who.new_editor) == ("+34 600 000 000", "Brings a laptop", True)
    assert page.roster.profiles[who.profile_id] == "Lena"
    assert view.table.item(2, 4).text() == "Lena" and view.table.item(2, 2).text() == who.contact
    view.table.setCurrentCell(3, 5)
    qtbot.keyClick(view.table, K.Key_Space)  # "new editor" ticked in the table itself
    qtbot.waitUntil(lambda: page.roster.participants[3].new_editor, timeout=10_000)


def test_export_the_register_and_the_usernames(
    qtbot, attendance, data_dir, tmp_path, monkeypatch
) -> None:
    page, shop = attendance
    for name in ("Person 02", "Person 01"):
        type_and_enter(qtbot, page.checkin.find, name)
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 2)
    sheet = tmp_path / "register.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), ""))
    page.export_button.click()
    qtbot.waitUntil(lambda: str(sheet) in page.message.text(), timeout=10_000)
    rows = list(csv.reader(io.StringIO(sheet.read_text(encoding="utf-8"))))
    assert len(rows) == 41 and rows[1][:2] == ["Person 01", "Person01"]
    assert rows[1][-2:] == ["", "yes"] and rows[3][-2:] == ["", ""]
    page.usernames_button.click()
    qtbot.waitUntil(lambda: page.usernames_dialog is not None and page.usernames_dialog.isVisible())
    dialog = page.usernames_dialog
    assert dialog.text.toPlainText() == "Person01\nPerson02\n"
    dialog.form.setCurrentIndex(1)
    assert dialog.text.toPlainText().splitlines()[0] == "* [[User:Person01|Person01]]"
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == dialog.text.toPlainText()


def test_no_workshop_chosen_says_where_to_choose_one(qtbot, attendance) -> None:
    page, _shop = attendance
    page.show_workshop(None)
    assert not page.tabs.isEnabled() and "Plan tab" in page.message.text()


def test_the_tick_shows_only_once_the_check_in_is_on_disk(qtbot, attendance, data_dir) -> None:
    import threading

    page, shop = attendance
    view = page.checkin
    held = threading.Event()
    page.ctx.worker.submit(held.wait)  # the worker busy: the check-in waits its turn
    type_and_enter(qtbot, view.find, "Person 07")
    view.find.setText("Person 07")
    assert view.people.item(0).text() == "Person 07 (Person07) … checking in"
    assert stored(data_dir, shop.id)[1] == [] and view.count.text() == "0 of 40"
    held.set()
    qtbot.waitUntil(lambda: view.people.item(0).text().startswith("✓ Person 07"), timeout=10_000)
    assert len(stored(data_dir, shop.id)[1]) == 1 and view.count.text() == "1 of 40"


def test_a_refused_check_in_says_why_and_shows_no_tick(qtbot, attendance, data_dir) -> None:
    from dataclasses import replace

    page, shop = attendance
    view = page.checkin
    with Records(DataDir(data_dir)) as records:  # the Plan tab dropped the session meanwhile
        Workshops(records.rdb).save(replace(shop, sessions=shop.sessions[:1]))
    type_and_enter(qtbot, view.find, "Person 08")
    qtbot.waitUntil(lambda: "not in this workshop's agenda" in page.message.text(), timeout=10_000)
    assert stored(data_dir, shop.id)[2] == []
    view.find.setText("Person 08")
    assert view.people.item(0).text() == "Person 08 (Person08)"
    type_and_enter(qtbot, view.find, "")  # nothing typed: nothing happens
    page.reload()
    qtbot.waitUntil(lambda: view.session.count() == 1)


def test_checking_someone_in_twice_says_so_and_records_nothing_more(
    qtbot, attendance, data_dir
) -> None:
    page, shop = attendance
    view = page.checkin
    type_and_enter(qtbot, view.find, "Person 09")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 1)
    type_and_enter(qtbot, view.find, "Person 09")
    assert page.message.text() == "Person 09 is already checked in."
    qtbot.keyClick(view.find, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 0)
    qtbot.keyClick(view.find, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.message.text() == "There is no check-in to undo."
    assert len(stored(data_dir, shop.id)[2]) == 2


def test_in_arabic_the_chart_runs_right_to_left_and_times_are_arabic(qtbot, attendance) -> None:
    import kit.i18n
    from kit.ui.widgets.charts import DONE, TRACK

    page, shop = attendance
    view = page.checkin
    view.session.setCurrentIndex(0)
    type_and_enter(qtbot, view.find, "Person 06")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[0].id) == 1)
    kit.i18n.set_language("ar")
    try:
        view.find.setText("Person 06")
        assert view.people.item(0).text().startswith("✓ Person 06 (Person06)، ")
        assert view.people.item(0).text().endswith("، متأخر")
        view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        view.refresh()  # a Latin name is isolated: the time stays after it, right to left
        assert view.people.item(0).text().startswith("✓ \u2068Person 06 (Person06)\u2069، \u2068")
    finally:
        kit.i18n.set_language("en")
    chart = view.chart
    chart.resize(400, 200)
    chart.set_bars([("09:00", 40, 40), ("11:00", 0, 40)])
    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    image = chart.grab().toImage()
    low = chart.height() // 2
    assert image.pixelColor(300, low) == DONE and image.pixelColor(100, low) == TRACK


def test_the_attendance_tab_of_workshop_mode_follows_the_chosen_workshop(qtbot, attendance) -> None:
    from kit.ui.workshop.home import WorkshopHome

    page, shop = attendance
    home = WorkshopHome(page.ctx)
    qtbot.addWidget(home)
    home.show()
    assert home.attendance.roster is None and not home.attendance.tabs.isEnabled()
    home.choose(shop.id)
    qtbot.waitUntil(lambda: home.attendance.roster is not None, timeout=10_000)
    assert home.attendance.checkin.count.text() == "0 of 40"


def test_a_register_that_cannot_be_written_says_what_to_do(qtbot, attendance, tmp_path) -> None:
    page, _shop = attendance
    (tmp_path / "a file").write_text("not a folder")
    target = tmp_path / "a file" / "register.csv"
    page.export_register_to(str(target))
    qtbot.waitUntil(lambda: "could not be written" in page.message.text(), timeout=10_000)
    assert "choose a folder you can write to" in page.message.text() and not target.exists()


def test_the_keyboard_keeps_its_place_when_the_register_is_read_again(qtbot, attendance) -> None:
    page, shop = attendance
    page.tabs.setCurrentWidget(page.sheet)
    grid = page.sheet.grid
    grid.setFocus()
    for key in (K.Key_Down, K.Key_Down, K.Key_Right):
        qtbot.keyClick(grid, key)
    table = page.register.table
    table.setCurrentCell(6, 1)
    type_and_enter(qtbot, page.checkin.find, "Person 20")
    qtbot.waitUntil(lambda: page.roster.present(shop.sessions[1].id) == 1)
    assert (grid.currentRow(), grid.currentColumn()) == (2, 1)
    assert (table.currentRow(), table.currentColumn()) == (6, 1)


def test_enter_on_a_register_row_edits_it_and_alt_s_reaches_the_session(qtbot, attendance) -> None:
    page, _shop = attendance
    page.tabs.setCurrentWidget(page.register)
    table = page.register.table
    table.setFocus()
    table.setCurrentCell(1, 0)
    qtbot.keyClick(table, K.Key_Return)
    qtbot.waitUntil(lambda: page.register.dialog is not None and page.register.dialog.isVisible())
    dialog = page.register.dialog
    assert dialog.name.text() == "Person 02" and not dialog.contact.isEnabled()
    dialog.reject()
    page.tabs.setCurrentWidget(page.checkin)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.checkin.find)
    qtbot.keyClick(page.checkin.find, K.Key_S, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is page.checkin.session


def test_a_workshop_without_sessions_says_to_plan_them(qtbot, attendance, data_dir) -> None:
    from dataclasses import replace

    page, shop = attendance
    with Records(DataDir(data_dir)) as records:
        Workshops(records.rdb).save(replace(shop, sessions=()))
    page.reload()
    qtbot.waitUntil(lambda: "no sessions yet" in page.message.text(), timeout=10_000)
    type_and_enter(qtbot, page.checkin.find, "Person 01")
    assert page.checkin.count.text() == ""


def test_type_ahead_ignores_case_and_accents(qtbot, attendance, data_dir) -> None:
    page, shop = attendance
    with Records(DataDir(data_dir)) as records:
        shops = Workshops(records.rdb)
        shops.add_participant(shop.id, "José Núñez")
        shops.add_participant(shop.id, "مُحَمَّد")
    page.reload()
    qtbot.waitUntil(lambda: len(page.roster.participants) == 42)
    view = page.checkin
    qtbot.keyClicks(view.find, "jose nu")
    assert [view.people.item(i).text() for i in range(view.people.count())] == ["José Núñez"]
    view.find.setText("محمد")  # typed without the vowel marks
    assert view.people.count() == 1 and view.people.item(0).text() == "مُحَمَّد"
