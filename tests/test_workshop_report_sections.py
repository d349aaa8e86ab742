"""The whole workshop report: every area's section in order, with numbers recomputed here
from what was recorded (room counts, pre/post pairs by code, minute cards)."""

from __future__ import annotations

from statistics import mean

from kit.core.workshops import Workshop, Workshops, template_day
from kit.core.workshops.feedback import Feedback
from kit.core.workshops.prepost import PrePost, code_key
from kit.core.workshops.prepost_questions import builtin_instrument
from kit.core.workshops.report import build_report
from kit.core.workshops.report_writers import markdown, wikitext
from kit.core.workshops.room import RoomQuestions

# pre and post ratings (1-5) of the four confidence statements, per made-up code
PAIRS = {
    "AB12": ((2, 2, 3, 1), (4, 4, 4, 3)),
    "CD03": ((3, 3, 3, 3), (3, 4, 3, 4)),
    "EF22": ((1, 2, 2, 2), (2, 2, 3, 3)),
    "GH07": ((4, 4, 5, 4), (4, 4, 4, 4)),
    "JK31": ((2, 3, 2, 2), (5, 4, 4, 5)),
}


def test_the_report_holds_every_area_in_order_with_their_numbers(records, qtbot, tmp_path) -> None:
    shops = Workshops(records.rdb)
    shop = shops.save(Workshop(title="Edit-a-thon", starts="2026-03-14", sessions=template_day(1)))
    first = shop.sessions[0]
    people = [shops.add_participant(shop.id, f"P{n}").id for n in range(6)]
    shops.check_in(shop.id, first.id, people)

    room = RoomQuestions(records.rdb)
    poll = room.ask_poll(
        shop.id, first.id, "Which wiki do you edit most?", ["Wikipedia", "Commons"]
    )
    options = [o.id for o in poll.options]
    room.count(poll.id, {options[0]: 7, options[1]: 3})

    prepost = PrePost(records.rdb)
    test = prepost.choose(shop.id, builtin_instrument())
    ids = [q["id"] for q in test.questions]
    for code, (pre, post) in PAIRS.items():
        for phase, ratings in (("pre", pre), ("post", post)):
            answers = {qid: str(r) for qid, r in zip(ids, ratings, strict=True)}
            prepost.answer(shop.id, phase, code_key(code), answers)

    cards = [{"clearest": "Citations", "muddiest": "Talk pages"} for _ in range(5)]
    Feedback(records.rdb).record_cards(shop.id, "minute", first.id, cards)

    report = build_report(records.rdb, shop)
    keys = [s.key for s in report.sections]
    assert keys[0] == "attendance" and keys[-1] != "attendance"
    assert [k for k in keys if k in ("room", "prepost", "feedback")] == [
        "room",
        "prepost",
        "feedback",
    ]

    sections = {s.key: s for s in report.sections}
    figures = {f.key: f.value for f in sections["prepost"].figures}
    change = mean(mean(post) - mean(pre) for pre, post in PAIRS.values())
    assert figures["prepost_pairs"] == 5
    assert abs(figures["prepost_change"] - change) < 0.01
    better = sum(mean(post) > mean(pre) for pre, post in PAIRS.values())
    assert figures["prepost_improved"] == better

    room_rows = [row for t in sections["room"].tables for row in t.rows]
    assert any("Which wiki do you edit most?" in str(cell) for row in room_rows for cell in row)
    assert any(10 in row for row in room_rows)  # 7 + 3 hands

    text = wikitext(report)
    assert text.count("{|") == text.count("|}")
    for title in (s.title for s in report.sections):
        assert title in text and title in markdown(report)
    for code in PAIRS:
        assert code not in text and code not in markdown(report)  # codes never shown
    assert "Talk pages" in text  # comments listed

    # The same numbers in every format: Markdown, wikitext and the PDF's text.
    import pypdf

    from kit.core.workshops.report_writers import figure_value
    from kit.ui.workshop.report.pdf import write_report_pdf

    pdf = write_report_pdf(tmp_path / "report.pdf", report)
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    shown = figure_value(next(f for f in sections["prepost"].figures if f.key == "prepost_change"))
    for written in (text, markdown(report), " ".join(pdf_text.split())):
        assert shown in written
        assert "Pre-test and post-test" in written and "Room quizzes and polls" in written
