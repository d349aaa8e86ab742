"""The library, search and installs, driven like a learner (and a facilitator) would."""

from __future__ import annotations

import pytest
from library_helpers import PNG, content, lesson, snapshot, write_pack
from PySide6.QtCore import Qt
from ui_shell import (
    add_events,
    add_profile,
    close,
    open_window,
    prepare,
    sign_in,
)

from kit.ui.pages import kinds

LEARNING = ["choose-a-profile", "read-lessons", "tour", "quiz-basics"]


@pytest.fixture
def ana(data_dir, pack):
    prepare(data_dir, [pack])
    return add_profile(data_dir, "Ana", pin="1234")


def wait_reader(qtbot, window, item_id: str):
    qtbot.waitUntil(lambda: window.current is kinds.ReaderKind)
    reader = window.pages[kinds.ReaderKind]
    qtbot.waitUntil(lambda: reader.view is not None and reader.view.item["id"] == item_id)
    return reader


def test_the_library_shows_the_pack_its_modules_and_opens_a_module(qtbot, data_dir, ana) -> None:
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    assert page.packs.count() == 1
    assert " ".join(page.packs.item(0).text().split()).startswith(
        "Getting started with Training Kit"
    )
    card = page.panel.module_card("learning")
    assert card.summary.text() == "0 of 6 done · about 27 min"
    assert card.start.text() == "Start"
    items = card.item_buttons()
    assert [b.property("item_id") for b in items][:2] == LEARNING[:2]
    assert all(b.property("status") == "not_started" for b in items)
    qtbot.mouseClick(card.start, Qt.MouseButton.LeftButton)
    reader = wait_reader(qtbot, window, "choose-a-profile")
    assert window.current_item == ("getting-started", "choose-a-profile")
    reader.back_requested.emit()
    assert window.current is kinds.LibraryKind


def test_continue_opens_the_next_unfinished_item_and_survives_a_restart(
    qtbot, data_dir, ana
) -> None:
    add_events(data_dir, ana.id, "getting-started", LEARNING[:2])
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    card = page.panel.module_card("learning")
    assert card.bar.value() == 2 and card.start.text() == "Continue"
    assert [b.property("status") for b in card.item_buttons()][:3] == [
        "done",
        "done",
        "not_started",
    ]
    assert page.view.continue_to.item_id == "tour"
    assert page.packs.item(0).text().endswith("22% done")  # 2 of 9 counted items
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    wait_reader(qtbot, window, "tour")
    close(window)
    # A new window on the same data folder: the progress is still there.
    again = open_window(qtbot, data_dir)
    page = sign_in(qtbot, again, "Ana", "1234")
    assert page.panel.module_card("learning").bar.value() == 2
    assert page.view.continue_to.item_id == "tour"


def test_pack_details_show_licence_attribution_and_the_unverified_mark(
    qtbot, data_dir, ana
) -> None:
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    assert "Unverified publisher" in [
        w.text() for w in page.panel.findChildren(type(window.starting))
    ]
    page.show_details("getting-started")
    fields = page.details.fields
    assert fields["Licence"] == "CC-BY-SA-4.0"
    assert fields["Attribution"] == "Training Kit contributors, CC BY-SA 4.0"
    assert fields["Authors"] == "Training Kit contributors"
    assert fields["Publisher"].startswith("Unverified publisher")


def test_the_apps_own_pack_is_marked_included_not_unverified(qtbot, data_dir, pack) -> None:
    from kit.core.library import Library
    from kit.core.paths import DataDir

    prepare(data_dir)
    with Library(DataDir(data_dir)) as lib:
        lib.install(pack, origin="bundled")
    add_profile(data_dir, "Ana", pin="1234")
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    shown = [w.text() for w in page.panel.findChildren(type(window.starting))]
    assert "Included with Training Kit" in shown
    assert "Unverified publisher" not in shown
    page.show_details("getting-started")
    assert page.details.fields["Publisher"] == "Included with Training Kit"


def test_search_finds_a_lesson_and_opens_it(qtbot, data_dir, ana) -> None:
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana", "1234")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.toolbar.search.hasFocus()  # the shortcut, not the test, put it there
    qtbot.keyClicks(window.toolbar.search, "projector")
    qtbot.keyClick(window.toolbar.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current is kinds.SearchKind)
    search = window.pages[kinds.SearchKind]
    qtbot.waitUntil(lambda: bool(search.results))
    first = search.results[0]
    assert "[" in first["snippet"]  # the match is marked in the snippet
    assert search.count.text().endswith("found")
    row = search.list.item(0)
    qtbot.mouseClick(search.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=search.list.visualItemRect(row).center())  # fmt: skip
    wait_reader(qtbot, window, first["item_id"])
    assert window.current_item == (first["pack_id"], first["item_id"])


def test_search_with_no_match_says_so(qtbot, data_dir, ana) -> None:
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana", "1234")
    window.search("zzzqqq")
    search = window.pages[kinds.SearchKind]
    qtbot.waitUntil(lambda: search.count.text().startswith("Nothing found"))
    assert search.list.count() == 0


def test_install_from_file_shows_progress_then_the_pack(qtbot, data_dir, ana, tmp_path) -> None:
    body = content("first-aid", items=[lesson("burns", "Burns", "Cool the burn ![x](media/a.png)")])
    body["pack"]["title"] = "First aid"
    path = write_pack(tmp_path / "first-aid.kitpack", body, media={"media/a.png": PNG * 2000})
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    dialog = window.installer.install_file(path)
    assert dialog.isVisible() and dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: window.message.text() == "Installed first-aid 1.0.0.")
    assert not dialog.isVisible()
    assert dialog.bar.maximum() == 1000 and dialog.bar.value() == 1000  # every byte read
    assert dialog.detail.text() == "100%"
    qtbot.waitUntil(lambda: page.packs.count() == 2)
    assert "First aid" in [page.packs.item(i).text().split("\n")[0] for i in range(2)]


def test_cancel_leaves_the_library_unchanged(qtbot, data_dir, ana, tmp_path) -> None:
    import threading

    path = write_pack(tmp_path / "big.kitpack", content("big"), media={"media/a.png": PNG})
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    gate = threading.Event()
    window.ctx.worker.submit(lambda: gate.wait(20))  # the worker is busy with earlier work
    dialog = window.installer.install_file(path)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.label.text() == "Cancelling…" and not dialog.cancel_button.isEnabled()
    gate.set()
    qtbot.waitUntil(
        lambda: window.message.text() == "The installation was cancelled; nothing changed."
    )
    assert not dialog.isVisible()
    assert page.packs.count() == 1
    close(window)
    assert [p["id"] for p in snapshot(data_dir)["packs"]] == ["getting-started"]


def test_a_hostile_file_is_refused_in_one_sentence(qtbot, data_dir, ana, tmp_path) -> None:
    evil = write_pack(tmp_path / "evil.kitpack", content("evil"), media={"../../escape.png": PNG})
    before = snapshot(data_dir)
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    window.installer.install_file(evil)
    qtbot.waitUntil(lambda: window.message.kind == "error" and window.message.text() != "")
    sentence = window.message.text()
    assert sentence.endswith(".") and "\n" not in sentence and "Traceback" not in sentence
    window.installer.install_file(tmp_path / "not-there.kitpack")
    qtbot.waitUntil(lambda: window.message.text() != sentence)
    assert window.message.kind == "error" and window.message.text().endswith(".")
    assert page.packs.count() == 1
    close(window)
    after = snapshot(data_dir)
    after["files"] = [f for f in after["files"] if not f.startswith("backups/")]  # start-up backup
    assert after == before


def test_installing_a_damaged_pack_again_says_it_was_repaired(
    qtbot, data_dir, ana, tmp_path
) -> None:
    import hashlib

    media = PNG * 50
    body = content("first-aid", items=[lesson("burns", "Burns", "Cool it ![x](media/a.png)")])
    path = write_pack(tmp_path / "first-aid.kitpack", body, media={"media/a.png": media})
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana", "1234")
    window.installer.install_file(path)
    qtbot.waitUntil(lambda: window.message.text() == "Installed first-aid 1.0.0.")
    digest = hashlib.sha256(media).hexdigest()
    (data_dir / "media" / digest[:2] / digest).write_bytes(b"")  # a power cut's empty file
    window.installer.install_file(path)
    qtbot.waitUntil(
        lambda: (
            window.message.text()
            == "Repaired first-aid 1.0.0: its damaged or missing files were restored."
        )
    )
    close(window)


def test_choosing_another_pack_shows_its_modules_and_progress(
    qtbot, data_dir, pack, tmp_path
) -> None:
    """Packs are read in full only when shown or touched: choosing an untouched one in
    the list still shows its modules, and choosing back shows the learner's progress."""
    body = content("zz-first-aid", items=[lesson("burns", "Burns"), lesson("cuts", "Cuts")])
    body["pack"]["title"] = "Zz first aid"
    prepare(data_dir, [pack, write_pack(tmp_path / "first-aid.kitpack", body)])
    ana = add_profile(data_dir, "Ana", pin="1234")
    add_events(data_dir, ana.id, "getting-started", LEARNING[:2])
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana", "1234")
    assert page.packs.count() == 2
    assert page.packs.item(1).text().endswith("0% done")
    page.packs.setCurrentRow(1)
    qtbot.waitUntil(lambda: page.panel.view.id == "zz-first-aid")
    card = page.panel.module_card("m1")
    assert card.summary.text().startswith("0 of 2 done")
    assert [b.property("item_id") for b in card.item_buttons()] == ["burns", "cuts"]
    page.packs.setCurrentRow(0)
    qtbot.waitUntil(lambda: page.panel.view.id == "getting-started")
    assert page.panel.module_card("learning").bar.value() == 2
