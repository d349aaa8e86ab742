"""The Plan tab of workshop mode through its real widgets (pytest-qt, offscreen): plan a
workshop from the bundled packs, reorder by drop and by keyboard, Undo, totals and the
overrun warning, details with the accounts warning, plan files out and in."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog
from ui_shell import activate, announce, prepare

from kit.core.paths import DataDir
from kit.core.workshops import Workshops, plan
from kit.ui.workshop.planning.agenda_model import MINUTES, NOTE, TITLE

K = Qt.Key
WAIT = 20_000


@pytest.fixture
def opened(qtbot, data_dir: Path, pack: Path, tmp_path: Path) -> Iterator[Any]:
    """open(folder) -> a PlanPage on that data folder (the bundled pack installed)."""
    made = []

    def open_page(folder: Path = data_dir, installed: bool = True) -> Any:
        from kit.ui.context import AppContext, Services
        from kit.ui.operations.core import open_core
        from kit.ui.runners.worker import Worker
        from kit.ui.workshop.planning.page import PlanPage

        prepare(folder, [pack] if installed else [])
        ctx = AppContext(services=Services(DataDir(folder), Worker()))
        made.append(ctx)
        opened_core = []
        open_core(ctx).success(opened_core.append).run()
        qtbot.waitUntil(lambda: bool(opened_core), timeout=WAIT)
        page = PlanPage(ctx)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        activate(qtbot, page)  # shortcuts reach the active window only
        return page

    yield open_page
    from kit.ui.operations.core import close_core

    for ctx in made:
        close_core(ctx)


def stored(page: Any, workshop_id: str | None = None) -> Any:
    """The workshop as records.db has it now (read on the page's worker)."""
    ctx = page.ctx
    return ctx.worker.call(lambda: Workshops(ctx.records.rdb).get(workshop_id or page.shop.id))


def new_workshop(qtbot, page: Any, title: str = "Wiki editing", days: int = 1) -> Any:
    dialog = page.open_new_dialog()
    qtbot.keyClicks(dialog.title, title)
    qtbot.keyClicks(dialog.starts, "2026-03-14")
    dialog.days.setValue(days)
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: page.list.count() >= 1 and page.list.currentItem() is not None)
    return page.shop


def select(page: Any, ident: str) -> QModelIndex:
    model = page.editor.model
    index = model.item_index(ident)
    if not index.isValid():
        index = model.session_index(ident)
    page.editor.tree.setCurrentIndex(index)
    return index


def focus_agenda(qtbot, page: Any) -> Any:
    """Keys go to the agenda, as after a click on it (a dialog just closed)."""
    activate(qtbot, page.window())
    page.editor.tree.setFocus()
    qtbot.waitUntil(page.editor.tree.hasFocus)
    return page.editor.tree


def pick(qtbot, page: Any, text: str) -> None:
    """Add from packs (Ctrl+P): type `text` in the picker's filter, Enter adds the first match."""
    qtbot.keyClick(focus_agenda(qtbot, page), K.Key_P, Qt.KeyboardModifier.ControlModifier)
    picker = page.editor.picker
    assert picker is not None and picker.isVisible()
    qtbot.waitUntil(lambda: picker.model.rowCount() > 0, timeout=WAIT)
    qtbot.keyClicks(picker.filter, text)
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(picker.filter, K.Key_Return)
    assert not picker.isVisible()


def item_texts(page: Any, session: int, column: int = TITLE) -> list[str]:
    model = page.editor.model
    parent = model.index(session, TITLE)
    return [model.index(r, column, parent).data() or "" for r in range(model.rowCount(parent))]


def wait_stored(qtbot, page: Any, check) -> None:
    qtbot.waitUntil(lambda: check(stored(page)), timeout=WAIT)


def test_plan_a_workshop_from_the_bundled_packs(qtbot, opened) -> None:
    page = opened()
    chosen = []
    page.workshop_chosen.connect(chosen.append)
    shop = new_workshop(qtbot, page, days=2)
    assert chosen == [shop.id] and page.list.currentItem().text() == "Wiki editing (2026-03-14)"
    assert len(shop.sessions) == 16 and page.editor.model.rowCount() == 16
    welcome = shop.sessions[0]
    select(page, welcome.id)
    pick(qtbot, page, "quick tour")
    pick(qtbot, page, "Learning with Training Kit")
    assert item_texts(page, 0) == ["A quick tour", "Learning with Training Kit"]
    assert item_texts(page, 0, MINUTES) == [5, 27]
    page.editor.custom_kind.setCurrentIndex(page.editor.custom_kind.findData("hands-on"))
    page.editor.custom_minutes.setValue(70)
    qtbot.keyClicks(page.editor.custom_title, "Edit an article")
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(page.editor.custom_title, K.Key_Return)
    assert item_texts(page, 0) == ["A quick tour", "Learning with Training Kit", "Edit an article"]
    model = page.editor.model
    assert model.index(0, MINUTES).data() == "102 of 90 min"
    assert model.index(0, NOTE).data() == "Overruns its slot by 12 min"
    warning = "Session Welcome on day 1 runs 12 minutes past its slot (09:00 to 10:30)."
    assert page.editor.warnings.text() == warning
    assert page.editor.totals.text() == "Day 1: 207 min planned\nDay 2: 105 min planned"
    wait_stored(qtbot, page, lambda s: s.warnings() == [warning] and len(s.sessions[0].items) == 3)
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        page.editor.add_day_button.click()
    assert "Day 3: 105 min planned" in page.editor.totals.text()
    select(page, page.shop.sessions[-1].id)  # the new session goes after the selected one
    dialog = page.editor.open_session_dialog()
    qtbot.keyClicks(dialog.title, "Evening")
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        dialog.accept()
    wait_stored(qtbot, page, lambda s: s.sessions[-1].title == "Evening")
    assert (stored(page).sessions[-1].day, stored(page).sessions[-1].start) == (3, "16:00")
    lunch = page.shop.sessions[3]
    select(page, lunch.items[0].id)  # an item: its session is changed
    dialog = page.editor.open_change_dialog()
    assert (dialog.day.value(), dialog.title.text(), dialog.slot.value()) == (1, "Lunch", 60)
    dialog.slot.setValue(45)
    dialog.start.setTime(dialog.start.time().addSecs(15 * 60))
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        dialog.accept()
    assert page.editor.model.index(3, NOTE).data() == "Overruns its slot by 15 min"
    wait_stored(qtbot, page, lambda s: (s.sessions[3].start, s.sessions[3].slot) == ("12:15", 45))


def test_reorder_by_drop_and_by_keyboard_delete_and_undo(qtbot, opened) -> None:
    page = opened()
    shop = new_workshop(qtbot, page)
    select(page, shop.sessions[0].id)
    pick(qtbot, page, "quick tour")
    pick(qtbot, page, "Choose your profile")
    tour, profile = (i.id for i in page.shop.sessions[0].items)
    model = page.editor.model
    # A drag ends in the model's drop: the tour onto the Late morning session (index 2).
    data = model.mimeData([model.item_index(tour)])
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        dropped = model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(2, TITLE))
    assert dropped is False  # the view removes nothing itself: the move is an agenda edit
    assert item_texts(page, 0) == ["Choose your profile"] and item_texts(page, 2) == [
        "A quick tour"
    ]
    # Keyboard: Alt+Up steps the tour up: past the Morning break's Break, into Welcome.
    select(page, tour)
    tree = focus_agenda(qtbot, page)
    seen = []
    for _step in range(4):
        with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
            qtbot.keyClick(tree, K.Key_Up, Qt.KeyboardModifier.AltModifier)
        seen.append((item_texts(page, 0), item_texts(page, 1)))
    assert seen == [
        (["Choose your profile"], ["Break", "A quick tour"]),
        (["Choose your profile"], ["A quick tour", "Break"]),
        (["Choose your profile", "A quick tour"], ["Break"]),
        (["A quick tour", "Choose your profile"], ["Break"]),
    ]
    assert item_texts(page, 0) == ["A quick tour", "Choose your profile"]
    wait_stored(qtbot, page, lambda s: [i.id for i in s.sessions[0].items] == [tour, profile])
    select(page, profile)
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(tree, K.Key_Delete)
    assert item_texts(page, 0) == ["A quick tour"]
    assert page.editor.selected() == (tour, False)  # Delete again takes the next one
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(tree, K.Key_Delete)
    assert item_texts(page, 0) == [] and page.editor.selected() == (shop.sessions[0].id, True)
    wait_stored(qtbot, page, lambda s: len(s.sessions[0].items) == 0)
    for _undo in range(2):
        with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
            qtbot.keyClick(tree, K.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item_texts(page, 0) == ["A quick tour", "Choose your profile"]
    wait_stored(qtbot, page, lambda s: [i.id for i in s.sessions[0].items] == [tour, profile])


def test_minutes_edited_in_the_agenda_change_totals_and_are_kept(qtbot, opened) -> None:
    page = opened()
    shop = new_workshop(qtbot, page)
    lunch = shop.sessions[3].items[0]
    model = page.editor.model
    cell = model.itemFromIndex(model.item_index(lunch.id).siblingAtColumn(MINUTES))
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        cell.setData(75, Qt.ItemDataRole.EditRole)  # what the spin box editor commits
    assert model.index(3, NOTE).data() == "Overruns its slot by 15 min"
    assert page.editor.totals.text() == "Day 1: 120 min planned"
    wait_stored(qtbot, page, lambda s: s.sessions[3].items[0].minutes == 75)
    title = model.itemFromIndex(model.item_index(lunch.id))
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        title.setText("Long lunch")
    session = model.itemFromIndex(model.session_index(shop.sessions[3].id))
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        session.setText("Lunch at the café")
    assert page.editor.warnings.text().startswith("Session Lunch at the café on day 1 runs 15")
    wait_stored(
        qtbot,
        page,
        lambda s: (
            (s.sessions[3].title, s.sessions[3].items[0].label())
            == ("Lunch at the café", "Long lunch")
        ),
    )


def test_details_are_saved_and_accounts_show_the_wikis_warning(qtbot, opened) -> None:
    page = opened()
    new_workshop(qtbot, page)
    details = page.details
    page.tabs.setCurrentWidget(details)
    assert details.banner.isHidden()
    details.accounts.click()
    assert details.banner.isVisible() and "historically 6" in details.banner.text()
    details.title.clear()
    qtbot.keyClicks(details.title, "Wikidata day")
    qtbot.keyClicks(details.place, "City library")
    qtbot.keyClicks(details.facilitators, "Rosa, Ana")
    assert details.language.currentText() == "English (en)"
    details.language.setCurrentIndex(details.language.findData("es"))
    assert details.language.currentText() == "Spanish (es)"
    activate(qtbot, page)
    details.place.setFocus()
    qtbot.waitUntil(details.place.hasFocus)
    qtbot.keyClick(details.place, K.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.message.text() == "Saved the details of Wikidata day.")
    shop = stored(page)
    assert (shop.title, shop.place, shop.facilitators, shop.language) == (
        "Wikidata day",
        "City library",
        ("Rosa", "Ana"),
        "es",
    )
    assert shop.accounts_warning() == details.banner.text()
    qtbot.waitUntil(lambda: page.list.currentItem().text() == "Wikidata day (2026-03-14)")
    details.language.setEditText("qu")  # a language the app has no translation for
    details.save_button.click()
    qtbot.waitUntil(lambda: stored(page).language == "qu", timeout=WAIT)
    details.starts.setText("14.3.2026")
    details.save_button.click()
    qtbot.waitUntil(lambda: "not a date like 2026-03-14" in page.message.text())
    assert stored(page).starts == "2026-03-14"


def test_duplicate_archive_and_show_archived(qtbot, opened) -> None:
    page = opened()
    first = new_workshop(qtbot, page)
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.duplicate_button.click()
    copy = page.shop
    assert copy.id != first.id and copy.title == "Wiki editing (copy)"
    qtbot.waitUntil(lambda: page.list.count() == 2)
    page.archive_button.click()
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=WAIT)
    assert page.list.item(0).text() == "Wiki editing (2026-03-14)"
    page.show_archived.click()
    qtbot.waitUntil(lambda: page.list.count() == 2, timeout=WAIT)
    texts = sorted(page.list.item(i).text() for i in range(2))
    assert texts[1] == "Wiki editing (copy) (2026-03-14) (archived)"


def test_a_plan_exported_and_imported_in_a_second_data_folder_is_the_same(
    qtbot, opened, tmp_path: Path, monkeypatch
) -> None:
    page = opened()
    new_workshop(qtbot, page, "Wiki editing 1/2", days=2)
    select(page, page.shop.sessions[0].id)
    pick(qtbot, page, "Write a pack of your own")
    page.details.accounts.click()
    qtbot.keyClicks(page.details.place, "City library")  # typed, not saved: export saves it
    plan_file = tmp_path / "plan.yaml"
    asked = []

    def save_as(*args: Any) -> tuple[str, str]:
        asked.append(args[2])  # the file name offered
        return str(plan_file), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    page.export_button.click()
    qtbot.waitUntil(lambda: page.message.text().startswith("Wrote the plan to"), timeout=WAIT)
    other = opened(tmp_path / "other")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(plan_file), ""))
    with qtbot.waitSignal(other.shown, timeout=WAIT):
        other.import_button.click()
    assert asked == ["Wiki editing 1-2.yaml"]  # no folder made of the title's slash
    assert other.message.text() == "Imported the workshop Wiki editing 1/2."
    assert plan.to_data(stored(other)) == plan.to_data(stored(page))
    assert (stored(other).place, stored(other).creates_accounts) == ("City library", True)
    assert other.editor.model.rowCount() == 16 and item_texts(other, 0) == [
        "Write a pack of your own"
    ]


def test_import_warnings_show_one_per_line_and_a_broken_file_one_sentence(
    qtbot, opened, tmp_path: Path
) -> None:
    page = opened()
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(
        "format: training-kit-workshop\nversion: 1\ntitle: From a stick\nsessions:\n"
        "- start: '09:00'\n  slot: 60\n  items:\n"
        "  - {kind: pack, pack: first-aid, item: burns, minutes: 20}\n"
        "  - {kind: pack, pack: getting-started, item: gone, minutes: 30}\n"
        "  - {kind: pack, pack: getting-started, item: tour, minutes: 5}\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.import_plan(plan_file)
    lines = page.message.text().split("\n")
    assert lines[0] == "Imported the workshop From a stick." and len(lines) == 3
    assert "first-aid/burns, which is not installed" in lines[1]
    assert item_texts(page, 0, NOTE) == [
        "Missing: The pack first-aid is not installed.",
        "Missing: The installed pack getting-started has no gone.",
        "",
    ]
    plan_file.write_text("format: training-kit-workshop\nsessions: {", encoding="utf-8")
    page.import_plan(plan_file)
    qtbot.waitUntil(lambda: page.message.text() == "The plan is not valid YAML (line 2).")
    assert page.list.count() == 1 and page.shop.title == "From a stick"


def test_installing_the_pack_clears_the_missing_marks(qtbot, opened, pack: Path) -> None:
    page = opened(installed=False)
    text = (
        "format: training-kit-workshop\nversion: 1\ntitle: Before the install\nsessions:\n"
        "- start: '09:00'\n  slot: 30\n  items:\n"
        "  - {kind: pack, pack: getting-started, item: tour, minutes: 5}\n"
    )
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.import_plan_text(text)
    assert item_texts(page, 0, NOTE) == ["Missing: The pack getting-started is not installed."]
    assert "getting-started/tour, which is not installed" in page.message.text()
    ctx = page.ctx
    ctx.worker.call(lambda: ctx.library.install(pack))
    from kit.ui.changes import Change

    with qtbot.waitSignal(page.shown, timeout=WAIT):
        announce(ctx.changes, Change.LIBRARY)
    assert item_texts(page, 0, NOTE) == [""] and item_texts(page, 0) == ["A quick tour"]


def test_keys_typed_while_editing_a_title_edit_the_text_not_the_agenda(qtbot, opened) -> None:
    page = opened()
    shop = new_workshop(qtbot, page)
    lunch = shop.sessions[3].items[0]
    tree = focus_agenda(qtbot, page)
    index = select(page, lunch.id)
    tree.edit(index)
    qtbot.waitUntil(lambda: tree.focusWidget() is not tree)
    editor = tree.focusWidget()
    qtbot.keyClick(editor, K.Key_End)
    qtbot.keyClick(editor, K.Key_Backspace)
    qtbot.keyClick(editor, K.Key_Home)
    qtbot.keyClick(editor, K.Key_Delete)  # not "remove the item"
    qtbot.keyClick(editor, K.Key_Up, Qt.KeyboardModifier.AltModifier)  # not "move it up"
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(editor, K.Key_Return)
    assert item_texts(page, 3) == ["rea"]
    assert [i.id for i in page.shop.sessions[3].items] == [lunch.id]


def test_in_the_workshop_home_choosing_in_the_plan_tells_the_other_tabs(qtbot, opened) -> None:
    from kit.ui.workshop.home import WorkshopHome

    page = opened()
    first = new_workshop(qtbot, page, "First")
    second = new_workshop(qtbot, page, "Second")
    home = WorkshopHome(page.ctx)
    qtbot.addWidget(home)
    qtbot.waitUntil(lambda: home.plan.list.count() == 2, timeout=WAIT)
    told = []
    home.workshop_changed.connect(told.append)
    with qtbot.waitSignal(home.plan.shown, timeout=WAIT):
        home.plan.list.setCurrentRow(0)
    assert told == [first.id] and home.workshop_id == first.id
    with qtbot.waitSignal(home.plan.shown, timeout=WAIT):
        home.choose(second.id)  # from outside: shown, and not said back
    assert told == [first.id, second.id] and home.plan.shop.title == "Second"
    assert home.plan.list.currentItem().text() == "Second (2026-03-14)"


def test_a_plan_file_that_cannot_be_read_or_written_is_one_sentence(
    qtbot, opened, tmp_path: Path
) -> None:
    page = opened()
    new_workshop(qtbot, page)
    page.import_plan(tmp_path / "nowhere.yaml")
    qtbot.waitUntil(
        lambda: (
            page.message.text()
            == "Could not read the plan nowhere.yaml: No such file or directory."
        ),
        timeout=WAIT,
    )
    (tmp_path / "a-file").write_text("kept", encoding="utf-8")
    target = tmp_path / "a-file" / "plan.yaml"  # a folder that is a file
    page.export_plan(target)
    qtbot.waitUntil(lambda: page.message.text().startswith("Could not write the plan to"))
    assert str(target) in page.message.text()
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "kept"
    assert page.list.count() == 1


def drop_on(page: Any, item_id: str, target: QModelIndex, where: float) -> None:
    """A drop as the tree gets it at the end of a drag: `item_id` let go over `target`'s
    row, `where` of the way down it (0.1 above it, 0.5 onto it, 0.9 below it)."""
    tree = page.editor.tree
    model = page.editor.model
    tree.scrollTo(target)
    rect = tree.visualRect(target)
    point = QPointF(rect.left() + 40, rect.top() + rect.height() * where)
    data = model.mimeData([model.item_index(item_id)])
    move, left, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier(0)
    viewport = tree.viewport()
    for event in (
        QDragEnterEvent(point.toPoint(), move, data, left, none),
        QDragMoveEvent(point.toPoint(), move, data, left, none),
        QDropEvent(point, move, data, left, none),
    ):
        QApplication.sendEvent(viewport, event)


def test_dropping_in_the_tree_moves_within_and_between_sessions(qtbot, opened) -> None:
    page = opened()
    shop = new_workshop(qtbot, page)
    select(page, shop.sessions[0].id)
    pick(qtbot, page, "quick tour")
    pick(qtbot, page, "Choose your profile")
    tour, profile = (i.id for i in page.shop.sessions[0].items)
    model = page.editor.model
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        drop_on(page, profile, model.item_index(tour), 0.1)  # above the tour
    assert item_texts(page, 0) == ["Choose your profile", "A quick tour"]
    lunch_break = page.shop.sessions[3].items[0].id
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        drop_on(page, tour, model.item_index(lunch_break), 0.9)  # below Lunch's break
    assert item_texts(page, 3) == ["Break", "A quick tour"]
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        drop_on(page, tour, model.session_index(shop.sessions[2].id), 0.5)  # onto
    assert item_texts(page, 2) == ["A quick tour"] and item_texts(page, 3) == ["Break"]
    wait_stored(qtbot, page, lambda s: [i.id for i in s.sessions[2].items] == [tour])


@pytest.fixture(scope="module")
def carpentries_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Carpentries pack (it carries the lesson's schedule as a ready plan)."""
    from kit.core.bundled import bundled_sources
    from kit.core.packformat.build import build_pack

    (source,) = [s for s in bundled_sources() if s.name == "carpentries-lc-wikidata"]
    return build_pack(source, tmp_path_factory.mktemp("carpentries") / "lc.kitpack")


def test_a_pack_s_ready_plan_becomes_a_workshop_from_the_plan_tab(
    qtbot, opened, data_dir: Path, carpentries_pack: Path
) -> None:
    page = opened()
    prepare(data_dir, [carpentries_pack])  # installed while the tab was open
    page.from_pack_button.click()
    dialog = page.pack_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 1, timeout=WAIT)
    assert "Library Carpentry Wikidata" in dialog.list.item(0).text()
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        qtbot.keyClick(dialog.list, K.Key_Return)
    shop = stored(page)
    assert shop.title == "Library Carpentry Wikidata"
    assert shop.sessions[0].items[0].title == "What is Wikidata?"
    assert "from the pack's plan" in page.message.text()
    qtbot.waitUntil(
        lambda: (
            page.list.currentItem() is not None
            and page.list.currentItem().text().startswith("Library Carpentry Wikidata")
        ),
        timeout=WAIT,
    )


def test_without_ready_plans_the_dialog_says_so(qtbot, opened) -> None:
    page = opened()
    page.from_pack_button.click()
    dialog = page.pack_dialog
    qtbot.waitUntil(lambda: "None of the installed packs" in dialog.note.text(), timeout=WAIT)
    assert dialog.list.count() == 0
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reject()


def test_details_typed_but_not_saved_are_kept_when_another_workshop_is_chosen(
    qtbot, opened
) -> None:
    page = opened()
    first = new_workshop(qtbot, page, "First")
    new_workshop(qtbot, page, "Second")
    qtbot.keyClicks(page.details.place, "Room 2")
    with qtbot.waitSignal(page.shown, timeout=WAIT):
        page.show_workshop(first.id)
    assert page.details.place.text() == ""
    ctx = page.ctx

    def places() -> list[str]:
        return [s.place for s in ctx.worker.call(Workshops(ctx.records.rdb).list_workshops)]

    qtbot.waitUntil(lambda: places() == ["", "Room 2"], timeout=WAIT)


def test_removing_a_session_people_came_to_asks_first(qtbot, opened) -> None:
    page = opened()
    shop = new_workshop(qtbot, page)
    first, second = shop.sessions[0], shop.sessions[1]
    ctx = page.ctx

    def came() -> None:
        shops = Workshops(ctx.records.rdb)
        ana = shops.add_participant(shop.id, "Ana")
        shops.check_in(shop.id, first.id, [ana.id])

    ctx.worker.call(came)
    page.show_workshop(None)
    page.show_workshop(shop.id)
    qtbot.waitUntil(lambda: page.editor.attended.get(first.id) == 1, timeout=WAIT)
    select(page, first.id)
    tree = focus_agenda(qtbot, page)
    qtbot.keyClick(tree, K.Key_Delete)
    box = page.editor.confirm
    assert box is not None and box.isVisible()
    assert "1 person was checked in" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert [s.id for s in page.shop.sessions][:2] == [first.id, second.id]
    qtbot.keyClick(tree, K.Key_Delete)
    box = page.editor.confirm
    yes = next(b for b in box.buttons() if b.text() == "Remove the session")
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        yes.click()
    qtbot.waitUntil(lambda: first.id not in [s.id for s in stored(page).sessions], timeout=WAIT)
    select(page, second.id)  # a session nobody came to goes at once
    with qtbot.waitSignal(page.editor.edited, timeout=WAIT):
        qtbot.keyClick(tree, K.Key_Delete)
    assert second.id not in [s.id for s in page.shop.sessions]
