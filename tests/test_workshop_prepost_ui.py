"""Workshop mode's Pre/post tab through real widgets on a real records.db: choose the
quiz, collect pre-test and post-test answers pass-the-laptop from a profile (with PIN)
and from a made-up code, then the results."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from ui_shell import build_getting_started, prepare

from kit.core.records import Records
from kit.core.workshops import Workshop, Workshops
from kit.core.workshops.prepost import PrePost

K = Qt.Key
RIGHT = {
    "own-profile": "1",
    "item-kinds": ["1", "2", "3"],
    "offline": "2",
    "pin-name": "PIN",
    "first-steps": ["1", "2", "3", "4", "5"],
}
PRE = {"own-profile": "2", "offline": "2"}  # 1 of 5 right
CODE_PRE = {"own-profile": "1", "offline": "1", "pin-name": "pin"}  # 2 of 5


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> Path:
    return build_getting_started(tmp_path_factory.mktemp("packs"))


@pytest.fixture
def page(qtbot, data_dir, packs):
    from kit.ui.context import AppContext, Services, Session
    from kit.ui.operations.core import close_core, open_core
    from kit.ui.runners.worker import Worker
    from kit.ui.workshop.prepost.page import PrePostPage

    data = prepare(data_dir, [packs])
    with Records(data) as records:
        shop = Workshops(records.rdb).save(Workshop(title="Wiki editing"))
        records.create_profile("Ana", pin="2468")
    ctx = AppContext(services=Services(data, Worker()), session=Session())
    open_core(ctx).run()
    qtbot.waitUntil(lambda: ctx.opened, timeout=20_000)
    view = PrePostPage(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.show()
    view.show_workshop(shop.id)
    qtbot.waitUntil(lambda: view.state is not None, timeout=20_000)
    yield view, shop, data
    close_core(ctx)


def _answer(qtbot, collect, answers: dict) -> None:
    qtbot.waitUntil(lambda: collect.currentIndex() == 1, timeout=20_000)
    for qid, value in answers.items():
        collect.inputs[qid].set_response(value)
    qtbot.mouseClick(collect.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: collect.currentIndex() == 2, timeout=20_000)
    shown = " ".join(w.text() for w in collect.findChildren(QLabel) if w.isVisible())
    assert "Thank you" in shown and collect.inputs == {}
    qtbot.keyClick(collect.next_button, K.Key_Space)
    assert collect.currentIndex() == 0
    assert all(not e.text() for e in collect.findChildren(QLineEdit))


def _by_code(qtbot, collect, code: str, answers: dict) -> None:
    collect.code.setFocus()
    qtbot.keyClicks(collect.code, code)
    qtbot.keyClick(collect.code, K.Key_Return)
    _answer(qtbot, collect, answers)


def _by_profile(qtbot, collect, pin: str, answers: dict | None) -> None:
    collect.by_profile.setChecked(True)
    assert collect.pin.isEnabled()
    qtbot.keyClicks(collect.pin, pin)
    qtbot.keyClick(collect.pin, K.Key_Return)
    if answers is not None:
        _answer(qtbot, collect, answers)


def _percent(answers: dict) -> float:
    right = {**RIGHT, "pin-name": "pin"}
    return (
        100
        * sum(1 for q, a in right.items() if str(answers.get(q)).casefold() == str(a).casefold())
        / 5
    )


def test_a_pair_by_profile_and_a_pair_by_code_through_the_tab(qtbot, page) -> None:
    view, shop, data = page
    assert not view.pre_button.isEnabled()  # no questions chosen yet
    index = next(
        i
        for i in range(view.questions.count())
        if view.questions.itemText(i).endswith("Quiz: learning with Training Kit")
    )
    view.questions.setCurrentIndex(index)
    qtbot.mouseClick(view.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state.instrument is not None, timeout=20_000)
    collect = view.collector
    for phase, ana, code in (("pre", PRE, CODE_PRE), ("post", RIGHT, RIGHT)):
        qtbot.mouseClick(
            view.pre_button if phase == "pre" else view.post_button, Qt.MouseButton.LeftButton
        )
        assert view.stack.currentWidget() is collect
        if phase == "pre":
            _by_profile(qtbot, collect, "1111", None)
            qtbot.waitUntil(lambda: "PIN" in collect.start_error.text(), timeout=20_000)
            assert collect.currentIndex() == 0 and collect.pin.text() == ""
        _by_profile(qtbot, collect, "2468", ana)
        _by_code(qtbot, collect, "MJ 14" if phase == "pre" else "mj14", code)
        qtbot.mouseClick(collect.stop_button, Qt.MouseButton.LeftButton)
        assert view.stack.currentIndex() == 0
    qtbot.waitUntil(lambda: view.state.counts == {"pre": 2, "post": 2}, timeout=20_000)
    qtbot.waitUntil(lambda: view.state.section is not None, timeout=20_000)
    changes = sorted([_percent(RIGHT) - _percent(PRE), _percent(RIGHT) - _percent(CODE_PRE)])
    figures = {f.key: f.value for f in view.state.section.figures}
    assert figures["prepost_pairs"] == 2
    assert figures["prepost_change"] == pytest.approx(sum(changes) / 2)
    assert view.chart.isVisible() and [b[1] for b in view.chart.bars] == pytest.approx(
        [(_percent(PRE) + _percent(CODE_PRE)) / 2, 100.0]
    )
    assert not view.pairs.isVisible()  # 2 pairs: not one by one
    text = view.figures.text() + view.notes.text() + view.counts.text()
    assert "mj" not in text.casefold() and "Ana" not in text
    assert not view.use_button.isEnabled()  # answers kept: the questions stay
    with Records(data) as records:
        assert PrePost(records.rdb).counts(shop.id) == {"pre": 2, "post": 2}


def test_a_code_used_twice_is_refused_before_the_questions(qtbot, page) -> None:
    view, _shop, _data = page
    view.questions.setCurrentIndex(0)  # the built-in confidence survey
    qtbot.mouseClick(view.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.state.instrument is not None, timeout=20_000)
    qtbot.mouseClick(view.pre_button, Qt.MouseButton.LeftButton)
    collect = view.collector
    _by_code(qtbot, collect, "ab1", {"c1": "2", "c2": "3"})
    collect.code.setFocus()
    qtbot.keyClicks(collect.code, "AB 1")
    qtbot.keyClick(collect.code, K.Key_Return)
    qtbot.waitUntil(lambda: "another code" in collect.start_error.text(), timeout=20_000)
    assert collect.currentIndex() == 0
