"""The Learners tab: progress from merged records, import, USB copy with Cancel, CSV, join."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_presenter import add_facilitator, open_workshop, sign_in
from ui_shell import prepare

from kit.core.library import Library
from kit.core.paths import DataDir
from kit.core.recordfiles import export_records, import_files
from kit.core.records import Records


def _first_module(data_dir: Path) -> tuple[str, dict]:
    with Library(DataDir(data_dir)) as lib:
        pack_id = lib.list_packs()[0]["id"]
        pack = lib.get_pack(pack_id)
    module = next(m for m in pack["modules"] if any(i["type"] == "lesson" for i in m["items"]))
    return pack_id, module


@pytest.fixture
def learners(qtbot, data_dir, pack, tmp_path):
    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    pack_id, module = _first_module(data_dir)
    lesson = next(i for i in module["items"] if i["type"] == "lesson")
    with Records(DataDir(tmp_path / "village")) as village:
        ana = village.create_profile("Ana")
        village.append_event(ana.id, pack_id, lesson["id"], "completed")
        export_records(village.rdb, tmp_path / "village.kitrecords")
    window = open_workshop(qtbot, data_dir)
    home = sign_in(qtbot, window)
    page = home.learners
    qtbot.waitUntil(lambda: page.view is not None, timeout=20_000)
    yield window, page, tmp_path / "village.kitrecords", module
    window.shutdown()
    window.ctx.worker.stop()


def _rows(page) -> list[str]:
    table = page.table
    return [table.verticalHeaderItem(r).text() for r in range(table.rowCount())]


def test_imported_progress_shows_in_the_table(qtbot, learners):
    _window, page, village, module = learners
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.import_files([village])
    assert "Added 2 records; 0 were already present." in page.status.text()
    names = _rows(page)
    row = next(i for i, n in enumerate(names) if n.startswith("Ana #"))
    column = [c.module_id for c in page.view.modules].index(module["id"])
    assert page.table.item(row, column).text().startswith("1/")
    assert page.table.horizontalHeaderItem(column).text() == module["title"]
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.import_files([village])  # again: nothing new
    assert "Added 0 records; 2 were already present." in page.status.text()


def test_a_damaged_file_is_refused_in_one_sentence(qtbot, learners, tmp_path):
    _window, page, _village, _module = learners
    bad = tmp_path / "bad.kitrecords"
    bad.write_bytes(b"not a zip")
    page.import_files([bad])
    qtbot.waitUntil(lambda: "damaged" in page.status.text(), timeout=20_000)


def test_copy_to_a_usb_stick_and_cancel(qtbot, learners, tmp_path, data_dir):
    _window, page, village, _module = learners
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.import_files([village])
    stick = tmp_path / "stick"
    stick.mkdir()
    with qtbot.waitSignal(page.saved, timeout=20_000) as saved:
        page.copy_to_stick(stick / "march")
    assert saved.args == [str(stick / "march.kitrecords")]
    with Records(DataDir(tmp_path / "office")) as office:
        import_files(office.rdb, [stick / "march.kitrecords"])
        assert {p.name for p in office.list_profiles()} == {"Rosa", "Ana"}
        assert not any(p.has_pin or p.is_facilitator for p in office.list_profiles())
    with Records(DataDir(data_dir)) as here:  # a long copy
        ana = next(p for p in here.list_profiles() if p.name == "Ana")
        here.append_events(ana.id, "p", "i", [("viewed", {"n": n}) for n in range(40_000)])
    page.copy_to_stick(stick / "again")
    assert not page.cancel_button.isHidden()
    page.cancel()
    qtbot.waitUntil(lambda: page._job is None, timeout=30_000)
    assert page.status.text() == "Copy cancelled: nothing was saved."
    assert page.cancel_button.isHidden()
    assert not (stick / "again.kitrecords").exists()
    assert not list(stick.glob("*.partial"))


def test_csv_and_join(qtbot, learners, tmp_path):
    _window, page, village, _module = learners
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.import_files([village])
    assert len(_rows(page)) == 2
    with qtbot.waitSignal(page.saved, timeout=20_000):
        page.save_csv(tmp_path / "learners.csv")
    lines = (tmp_path / "learners.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    rosa, ana = (r.profile_id for r in sorted(page.view.learners, key=lambda r: r.name != "Rosa"))
    with qtbot.waitSignal(page.shown, timeout=20_000):
        page.join(rosa, ana)
    assert len(_rows(page)) == 1 and _rows(page)[0].startswith("Rosa #")
    assert page.join_button.isEnabled() is False
