"""Conditional questions (show_if) in the learner reader's survey and the kiosk form:
shown only while their condition holds, and hidden answers are not saved."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from pack_helpers import CONTENT_PACKS
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton
from ui_reader_pack import reader_context

from kit.core.packformat.build import build_pack
from kit.core.workshops.feedback_forms import pack_survey
from kit.ui.kiosk.form import KioskForm
from kit.ui.operations.reader import ItemView
from kit.ui.reader.survey import SurveyView

PACK_ID, ITEM_ID = "needs-assessment", "skills-needs"
ORG_SUBS = ["imp-budgeting", "conf-budgeting", "imp-governance", "conf-governance"]


def click(qtbot, button: QAbstractButton) -> None:
    where = QPoint(button.height() // 2, button.height() // 2)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def test_reader_shows_a_groups_skills_only_while_it_is_rated_essential(
    qtbot, qapp, data_dir: Path, tmp_path: Path
) -> None:
    pack_file = build_pack(CONTENT_PACKS / "needs-assessment", tmp_path / "dist")
    with reader_context(data_dir, pack_file) as ctx:
        item = ctx.library.get_item(PACK_ID, ITEM_ID, "es")
        survey = SurveyView(ctx)
        qtbot.addWidget(survey)
        survey.show_view(ItemView(pack={"id": PACK_ID}, module={}, item=item, index=0, lang="es"))
        survey.show()
        cards = survey.cards
        assert not any(cards[q].isVisible() for q in ORG_SUBS)
        assert cards["imp-org"].isVisible() and cards["comments"].isVisible()
        assert survey.headings["imp-org"].text().endswith(f"{len(survey.shown())}")
        org = dict(survey.inputs["imp-org"].buttons)
        click(qtbot, org["5"])  # essential: its three skills appear
        qtbot.waitUntil(lambda: cards["imp-budgeting"].isVisible())
        assert all(cards[q].isVisible() for q in ORG_SUBS)
        assert not cards["imp-wikidata"].isVisible()
        click(qtbot, dict(survey.inputs["imp-budgeting"].buttons)["4"])
        click(qtbot, dict(survey.inputs["conf-budgeting"].buttons)["2"])
        click(qtbot, org["3"])  # changed their mind: the skills go, and their answers
        qtbot.waitUntil(lambda: not cards["imp-budgeting"].isVisible())
        click(qtbot, dict(survey.inputs["conf-org"].buttons)["6"])  # not relevant
        with qtbot.waitSignal(survey.sent, timeout=10_000):
            click(qtbot, survey.send)
        with sqlite3.connect(ctx.data.records_db) as conn:
            rows = conn.execute("SELECT verb, result FROM events WHERE item_id = ?", (ITEM_ID,))
            given = {
                json.loads(r)["question"]: json.loads(r)["response"]
                for v, r in rows.fetchall()
                if v == "answered"
            }
    assert given == {"imp-org": "3", "conf-org": "6"}


def test_kiosk_form_shows_conditional_questions_and_drops_hidden_answers(
    qtbot, tmp_path: Path
) -> None:
    from kit.core.packformat.source import load_source

    item = load_source(CONTENT_PACKS / "needs-assessment").content["modules"][0]["items"][0]
    survey = pack_survey(PACK_ID, item)
    form = KioskForm(survey.title, survey.questions)
    qtbot.addWidget(form)
    form.show()
    boxes = {box.question.id: box for box in form.boxes}
    assert len(form.shown()) == 2 + 14 + 2  # about you, the seven groups twice, free text
    assert not boxes["imp-wikidata"].isVisible() and boxes["imp-tech"].isVisible()
    click(qtbot, boxes["imp-tech"].buttons["5"])
    qtbot.waitUntil(lambda: boxes["imp-wikidata"].isVisible())
    assert len(form.shown()) == 18 + 6
    click(qtbot, boxes["conf-wikidata"].buttons["1"])
    assert form.answers() == {"imp-tech": "5", "conf-wikidata": "1"}
    click(qtbot, boxes["imp-tech"].buttons["4"])
    qtbot.waitUntil(lambda: not boxes["conf-wikidata"].isVisible())
    assert form.answers() == {"imp-tech": "4"}
