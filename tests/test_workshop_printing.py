"""Printing a workshop: the agenda, the handouts, the paper sign-in sheet and the
materials checklist are real PDFs whose text says what a reader expects (read back with
pypdf), and ticks on the checklist are kept (kit.ui.workshop.printing)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import Qt
from ui_shell import build_getting_started

import kit.i18n
from kit.core.workshops import AgendaItem, Workshop, Workshops, WorkshopSession
from kit.core.workshops.printouts import agenda, handout_refs, sign_in_sheet
from kit.ui.operations import printing as ops
from kit.ui.workshop.printing import sheets

NAMES = ["Zoë Quispe", "ana Lima", "Bruno Díaz", "Élodie Martin", "Omar <b>Haddad</b>"]


def pdf_pages(path: Path) -> list[str]:
    """The text of each page, letters in their base forms (Arabic presentation forms
    unfolded) and white space as single spaces."""
    reader = pypdf.PdfReader(str(path))
    return [
        re.sub(r"\s+", " ", unicodedata.normalize("NFKC", page.extract_text() or ""))
        for page in reader.pages
    ]


def has(text: str, phrase: str) -> bool:
    """`phrase` in `text`, in reading order or (right-to-left text) in visual order."""
    return phrase in text or phrase[::-1] in text


def images_on(path: Path) -> list[int]:
    return [len(page.images) for page in pypdf.PdfReader(str(path)).pages]


def _pack_item(item_id: str = "", module_id: str = "") -> AgendaItem:
    return AgendaItem(
        kind="pack", minutes=7, pack_id="getting-started", item_id=item_id, module_id=module_id
    )


def plan(**changes: Any) -> Workshop:
    shop = Workshop(
        title="Wiki editing <day>",
        starts="2026-03-14",
        ends="2026-03-15",
        place="City library",
        facilitators=("Marta", "Ana"),
        description="Two days of editing.\nBring a laptop.",
        creates_accounts=True,
        sessions=(
            WorkshopSession(
                day=1,
                start="09:00",
                slot=60,
                title="Start",
                items=(_pack_item("run-a-workshop"), AgendaItem(kind="discussion", minutes=20)),
            ),
            WorkshopSession(
                day=1, start="10:30", slot=15, items=(AgendaItem(kind="break", minutes=15),)
            ),
            WorkshopSession(
                day=2,
                start="13:15",
                slot=90,
                title="Practice",
                items=(_pack_item(module_id="learning"), _pack_item("run-a-workshop")),
            ),
        ),
    )
    return replace(shop, **changes)


@pytest.fixture(scope="module")
def pack_file(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def ctx(qapp, data_dir: Path, pack_file: Path) -> Iterator[Any]:
    """A workshop context on its own worker: the getting-started pack, a workshop, a
    register of five."""
    from kit.core.library import Library
    from kit.core.paths import DataDir
    from kit.core.records import Records
    from kit.ui.context import AppContext
    from kit.ui.runners.worker import Worker

    data = DataDir(data_dir).ensure()
    context = AppContext(data=data, worker=Worker())

    def open_core() -> None:
        context.library = Library(data)
        context.library.install(pack_file)
        context.records = Records(data)
        shops = Workshops(context.records.rdb)
        shop = shops.save(plan())
        for name in NAMES:
            shops.add_participant(shop.id, name, wiki_username=name.split()[0] + "W")
        context.workshop_id = shop.id

    def close_core() -> None:
        for part in (context.services.library, context.services.records):
            if part is not None:
                part.close()

    try:
        context.worker.call(open_core)
        yield context
    finally:
        context.worker.call(close_core)
        context.worker.stop()
        kit.i18n.set_language("en")


def run(qtbot, op) -> Any:
    """The result of an Op (its failure message as a RuntimeError)."""
    box: list[Any] = []
    op.success(lambda r: box.append(("ok", r))).failure(lambda e: box.append(("no", e))).run()
    qtbot.waitUntil(lambda: bool(box), timeout=20_000)
    kind, value = box[0]
    if kind == "no":
        raise RuntimeError(value)
    return value


def test_the_agenda_has_clock_times_totals_and_the_accounts_warning(qtbot, ctx, tmp_path) -> None:
    printout = run(qtbot, ops.load_agenda(ctx, ctx.workshop_id))
    path = sheets.write_agenda_pdf(tmp_path / "agenda.pdf", printout)
    pages = pdf_pages(path)
    text = " ".join(pages)
    assert len(pages) == 2  # a page for each day
    for expected in (
        "Wiki editing <day>",
        "March 14, 2026 to March 15, 2026",
        "City library",
        "Marta, Ana",
        "Bring a laptop.",
        "Day 1: Saturday, March 14, 2026",
        "Run a workshop",  # the pack item's title from the library
        "09:06 Discussion",  # the discussion starts after the 6-minute lesson
        "10:30",
        "Total: 26 minutes of 60 minutes",
        "historically 6",
    ):
        assert expected in text, expected
    assert "Day 2: Sunday, March 15, 2026" in pages[1]
    assert "13:15 Learning with Training Kit" in pages[1]
    # the learning module lasts its items' minutes: the lesson after it starts then
    module = next(d for d in printout.days if d.day == 2).sessions[0].rows[0].minutes
    later = f"{13 * 60 + 15 + module:d}"
    assert f"{int(later) // 60:02d}:{int(later) % 60:02d} Run a workshop" in pages[1]


def test_no_accounts_no_warning_and_an_empty_agenda_still_prints(qtbot, ctx, tmp_path) -> None:
    quiet = agenda(plan(creates_accounts=False, sessions=()))
    text = " ".join(pdf_pages(sheets.write_agenda_pdf(tmp_path / "a.pdf", quiet)))
    assert "historically" not in text and "no sessions yet" in text


def test_an_arabic_agenda_is_in_arabic(qtbot, ctx, tmp_path) -> None:
    kit.i18n.set_language("ar")
    shop = plan(title="تحرير ويكيبيديا", place="مكتبة المدينة")
    printout = agenda(shop)
    assert sheets.agenda_parts(printout)[0].rtl
    text = " ".join(pdf_pages(sheets.write_agenda_pdf(tmp_path / "ar.pdf", printout)))
    for phrase in ("ويكيبيديا", "المدينة", kit.i18n._("Place:").rstrip(":")):
        assert has(text, phrase), phrase
    assert kit.i18n._("Place:") != "Place:"  # the labels are translated too


def test_the_sign_in_sheet_lists_everyone_with_blank_rows_and_the_consent_line(
    qtbot, ctx, tmp_path
) -> None:
    sheet = run(qtbot, ops.load_sign_in(ctx, ctx.workshop_id, 1, blank_rows=6))
    assert [r.name for r in sheet.rows] == [
        "ana Lima", "Bruno Díaz", "Élodie Martin", "Omar <b>Haddad</b>", "Zoë Quispe"
    ]  # fmt: skip
    assert len(sheet.sessions) == 2  # the two sessions of day 1
    path = sheets.write_sign_in_pdf(tmp_path / "signin.pdf", sheet)
    text = " ".join(pdf_pages(path))
    for name in NAMES:
        assert name in text, name
    assert "ZoëW" in text and "Saturday, March 14, 2026" in text and "City library" in text
    assert "09:00 Start" in text and "Signature" in text
    assert "only with your consent" in text
    assert f"{len(NAMES) + 6} " in text  # the last blank row's number
    assert f"{len(NAMES) + 7} " not in text


def test_a_whole_workshop_sheet_has_a_column_per_session(qtbot, ctx) -> None:
    shop = plan()
    sheet = sign_in_sheet(shop, [], None, blank_rows=0)
    assert sheet.sessions == ("Day 1 09:00", "Day 1 10:30", "Day 2 13:15")
    with pytest.raises(Exception, match="no sessions on day 3"):
        sign_in_sheet(shop, [], 3)


def test_handouts_hold_the_lessons_text_and_pictures_in_agenda_order(qtbot, ctx, tmp_path) -> None:
    progress: list[tuple[int, int]] = []
    handouts = run(qtbot, ops.load_handouts(ctx, ctx.workshop_id).progress(
        lambda done, total, _text: progress.append((done, total))
    ))  # fmt: skip
    titles = [p.title for p in handouts.pages]
    # the module's items, in order, then nothing twice; quizzes and surveys are not printed
    assert titles[0] == "Run a workshop"
    assert "Choose your profile" in titles and "A quick tour" in titles
    assert titles.count("Run a workshop") == 1
    assert not any("Quiz" in t for t in titles)
    done = []
    path = sheets.write_handouts_pdf(
        tmp_path / "handouts.pdf", handouts, progress=lambda d, t: done.append((d, t))
    )
    pages = pdf_pages(path)
    assert done[-1] == (len(handouts.pages) + 1, len(handouts.pages) + 1)
    profile_page = next(n for n, t in enumerate(pages) if "Choose your profile" in t and n)
    assert images_on(path)[profile_page] >= 1  # the learning path picture is drawn
    assert "Training Kit contributors, CC BY-SA 4.0" in pages[profile_page]
    assert "CC-BY-SA-4.0" in pages[profile_page]
    assert "Show solution" not in " ".join(pages)
    assert progress and progress[-1][0] == progress[-1][1]


def test_handout_order_follows_the_agenda_and_modules_stand_for_their_items() -> None:
    shop = plan()
    refs = handout_refs(shop, lambda pack, module: ["a", "run-a-workshop", "b"])
    assert [r.item_id for r in refs] == ["run-a-workshop", "a", "b"]


def test_cancelling_leaves_no_file_and_an_earlier_one_untouched(qtbot, ctx, tmp_path) -> None:
    from kit.core.errors import Cancelled

    handouts = run(qtbot, ops.load_handouts(ctx, ctx.workshop_id))
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "handouts.pdf"
    target.write_bytes(b"earlier")
    calls: list[int] = []
    with pytest.raises(Cancelled):
        sheets.write_handouts_pdf(
            target, handouts, progress=lambda d, t: calls.append(d), cancelled=lambda: bool(calls)
        )
    assert target.read_bytes() == b"earlier"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["handouts.pdf"]


def test_ticking_a_material_survives_reopening_and_prints(qtbot, ctx, tmp_path) -> None:
    from kit.core.paths import DataDir
    from kit.core.records import Records

    ticked = run(qtbot, ops.set_material(ctx, ctx.workshop_id, "hotspot", True))
    ticked = run(qtbot, ops.set_material(ctx, ctx.workshop_id, "name-tags", True))
    assert [r.key for r in ticked.rows if r.ticked] == ["name-tags", "hotspot"]
    with pytest.raises(RuntimeError, match="not on the materials checklist"):
        run(qtbot, ops.set_material(ctx, ctx.workshop_id, "llama", True))
    with Records(DataDir(ctx.data.root)) as again:
        assert Workshops(again.rdb).get(ctx.workshop_id).materials == ("name-tags", "hotspot")
    text = " ".join(pdf_pages(sheets.write_checklist_pdf(tmp_path / "c.pdf", ticked)))
    assert "☑ Name tags" in text and "☐ Power strips" in text


@pytest.fixture
def page(qtbot, ctx, monkeypatch, tmp_path):
    from kit.ui.workshop.printing import page as print_page

    chosen: list[Path] = []
    monkeypatch.setattr(print_page, "ask_path", lambda parent, name: chosen.append(name) or (
        tmp_path / name
    ))  # fmt: skip
    widget = print_page.PrintPage(ctx)
    qtbot.addWidget(widget)
    widget.chosen = chosen
    widget.show_workshop(ctx.workshop_id)
    qtbot.waitUntil(lambda: len(widget.checks) == 8, timeout=20_000)
    return widget


def test_the_print_tab_saves_the_handouts_off_the_gui_thread(
    qtbot, page, tmp_path, monkeypatch
) -> None:
    import threading

    drawn_on = []
    write = sheets.write_handouts_pdf

    def watched(*args, **kw):
        drawn_on.append(threading.current_thread())
        return write(*args, **kw)

    monkeypatch.setattr(sheets, "write_handouts_pdf", watched)
    assert page.handouts_button.isEnabled() and "Wiki editing" in page.heading.text()
    with qtbot.waitSignal(page.saved, timeout=30_000) as saved:
        page.handouts_button.click()
        assert page.bar.isVisibleTo(page) and page.cancel_button.isEnabled()
        assert not page.agenda_button.isEnabled()  # one printout at a time
    path = Path(saved.args[0])
    assert drawn_on and drawn_on[0] is not threading.main_thread()
    assert path.name == "Handouts - Wiki editing day.pdf" == page.chosen[0]
    assert any("Choose your profile" in t for t in pdf_pages(path))
    assert "Saved as" in page.status.text() and not page.bar.isVisibleTo(page)
    assert page.agenda_button.isEnabled()


def test_the_sign_in_sheet_of_a_chosen_day_from_the_tab(qtbot, page) -> None:
    page.day.setCurrentIndex(page.day.findData(2))
    page.blank.setValue(0)
    with qtbot.waitSignal(page.saved, timeout=30_000) as saved:
        page.sign_in_button.click()
    text = " ".join(pdf_pages(Path(saved.args[0])))
    assert "Sunday, March 15, 2026" in text and "13:15 Practice" in text
    assert all(name in text for name in NAMES)


def test_cancel_stops_printing_and_saves_nothing(qtbot, page, tmp_path) -> None:
    import threading

    hold = threading.Event()
    page.ctx.worker.submit(hold.wait)  # the worker is busy: the handouts wait behind it
    page.handouts_button.click()
    assert page.cancel_button.isVisibleTo(page)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    hold.set()
    qtbot.waitUntil(lambda: "cancelled" in page.status.text(), timeout=20_000)
    assert not (tmp_path / page.chosen[0]).exists()
    assert page.handouts_button.isEnabled() and not page.bar.isVisibleTo(page)


def test_ticks_in_the_tab_are_kept_with_the_workshop(qtbot, ctx, page) -> None:
    from kit.ui.workshop.printing.page import PrintPage

    box = page.checks["projector-adapter"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # keyboard only
    assert box.isChecked()
    got = []
    qtbot.waitUntil(
        lambda: got.append(ctx.worker.call(lambda: Workshops(ctx.records.rdb).get(
            ctx.workshop_id).materials)) or got[-1] == ("projector-adapter",),
        timeout=20_000,
    )  # fmt: skip
    again = PrintPage(ctx)  # the tab opened anew
    qtbot.addWidget(again)
    again.show_workshop(ctx.workshop_id)
    qtbot.waitUntil(lambda: len(again.checks) == 8, timeout=20_000)
    assert [k for k, b in again.checks.items() if b.isChecked()] == ["projector-adapter"]
    page.checks["hotspot"].click()  # ticked in one tab, the other redraws
    qtbot.waitUntil(lambda: again.checks["hotspot"].isChecked(), timeout=20_000)
    again.show_workshop(None)
    assert not again.checks and not again.agenda_button.isEnabled()


def test_a_folder_that_cannot_be_written_is_one_sentence_and_no_file(
    qtbot, page, tmp_path, monkeypatch
) -> None:
    from kit.ui.workshop.printing import page as print_page

    gone = tmp_path / "no such folder" / "agenda.pdf"
    monkeypatch.setattr(print_page, "ask_path", lambda parent, name: gone)
    page.agenda_button.click()
    qtbot.waitUntil(lambda: "could not be saved" in page.status.text(), timeout=20_000)
    text = page.status.text()
    assert "agenda.pdf" in text and "Choose another folder." in text
    assert "Traceback" not in text and not gone.parent.exists()
    assert page.agenda_button.isEnabled()


def arabic_pack(folder: Path) -> Path:
    """A pack written in Arabic: one lesson with a heading, text and a picture."""
    import shutil

    from kit.core.packformat.build import build_pack
    from kit.core.packformat.scaffold import new_pack_source

    src = folder / "src"
    new_pack_source(src, "arabic-pack")
    shutil.rmtree(src / "translations")
    yaml = (src / "pack.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("language: en", "language: ar").replace("[en, es]", "[ar]")
    (src / "pack.yaml").write_text(yaml, encoding="utf-8")
    lesson = src / "modules" / "basics" / "01-welcome.md"
    lesson.write_text(
        "---\nid: welcome\ntype: lesson\ntitle: مرحبا بكم\nminutes: 5\n---\n"
        "# مرحبا بكم في الورشة\n\nهذا **درس** قصير.\n\n"
        "![شعار](../../media/logo.png)\n",
        encoding="utf-8",
    )
    return build_pack(src, folder / "dist")


def test_handouts_of_an_arabic_lesson_read_right_to_left(qtbot, ctx, tmp_path) -> None:
    built = arabic_pack(tmp_path / "ar")

    def add() -> str:
        ctx.library.install(built)
        shop = Workshops(ctx.records.rdb).save(
            plan(sessions=(WorkshopSession(day=1, start="09:00", slot=30, items=(
                AgendaItem(kind="pack", minutes=5, pack_id="arabic-pack", item_id="welcome"),
            )),))
        )  # fmt: skip
        return shop.id

    handouts = run(qtbot, ops.load_handouts(ctx, ctx.worker.call(add)))
    (page,) = handouts.pages
    assert page.rtl and page.title == "مرحبا بكم"
    path = sheets.write_handouts_pdf(tmp_path / "ar.pdf", handouts)
    text = pdf_pages(path)[1]
    assert has(text, "الورشة") and has(text, "قصير")
    assert images_on(path)[1] == 1


def test_items_of_packs_not_installed_are_marked_and_left_out(qtbot, ctx, page, tmp_path) -> None:
    def add() -> str:
        gone = (
            AgendaItem(kind="pack", minutes=9, title="Old lesson", pack_id="nope", item_id="x"),
            AgendaItem(kind="pack", minutes=9, title="Old module", pack_id="nope", module_id="m"),
            _pack_item("run-a-workshop"),
        )
        shop = plan(sessions=(WorkshopSession(day=1, start="09:00", slot=30, items=gone),))
        return Workshops(ctx.records.rdb).save(shop).id

    workshop_id = ctx.worker.call(add)
    printout = run(qtbot, ops.load_agenda(ctx, workshop_id))
    assert [r.missing for r in printout.days[0].sessions[0].rows] == [True, True, False]
    path = sheets.write_agenda_pdf(tmp_path / "agenda.pdf", printout)
    assert "09:00 Old lesson (not installed)" in " ".join(pdf_pages(path))
    page.show_workshop(workshop_id)
    with qtbot.waitSignal(page.saved, timeout=30_000):
        page.handouts_button.click()
    assert "2 agenda items are not installed and were left out." in page.status.text()
