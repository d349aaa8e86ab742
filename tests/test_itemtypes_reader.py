"""The reader and the records decide a quiz's pass the same way (kit.core.itemtypes.passed)."""

from __future__ import annotations

import sqlite3

import ui_reader_pack
from PySide6.QtWidgets import QLabel
from test_ui_reader_quiz import answer, events
from ui_reader_pack import open_page

reader_env = ui_reader_pack.reader_env  # the fixture


def test_screen_and_records_agree_on_a_fractional_pass_mark(qtbot, reader_env):
    # The library accepts any pass mark from 0 to 100 in a pack's content.json, 60.5
    # included (packs are not only built by `kit pack build`, which writes whole numbers).
    # The screen used to cut it to 60 and say "You passed" while the records said failed.
    with sqlite3.connect(reader_env.ctx.data.library_db) as conn:
        conn.execute(
            "UPDATE items SET data = json_set(data, '$.pass_mark', 60.5) WHERE id = 'check'"
        )
    page = open_page(qtbot, reader_env, "check")
    quiz = page.views["quiz"]
    assert "Pass mark: 60.5%" in quiz.findChild(QLabel, "quizIntro").text()
    with qtbot.waitSignal(quiz.attempt_saved, timeout=10_000):
        answer(qtbot, page, {"colour", "earth", "capital"})  # 3 of 5: 60%
    assert "Not passed yet: you need 60.5%." in quiz.summary_text.text()
    assert "You passed" not in quiz.summary_text.text()
    [(_item, _verb, failed)] = events(reader_env, "failed")
    assert (failed["score"], failed["pass_mark"]) == (60, 60.5)
    assert events(reader_env, "passed") == []
