"""Operations say what they changed; every screen hears it and redraws (issue 10)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from ui_shell import add_profile, close, open_window, prepare, sign_in, wait_library

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.ui.pages import kinds

KIT_UI = Path(__file__).resolve().parents[1] / "kit" / "ui"


def wait_reader(qtbot, window, item_id: str):
    qtbot.waitUntil(lambda: window.current is kinds.ReaderKind)
    reader = window.pages[kinds.ReaderKind]
    qtbot.waitUntil(lambda: reader.view is not None and reader.view.item["id"] == item_id)
    return reader


def test_the_continue_card_follows_an_item_just_opened(qtbot, data_dir, pack) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana")
    assert page.view.continue_to.item_id == "choose-a-profile"
    assert page.continue_button.text() == "Start"
    window.open_item("getting-started", "tour")  # a learner jumps to the third item
    reader = wait_reader(qtbot, window, "tour")

    def viewed() -> bool:
        with Records(DataDir(data_dir)) as records:
            return any(e.verb == "viewed" for e in records.events(ana.id, item_id="tour"))

    qtbot.waitUntil(viewed)
    reader.back_requested.emit()
    page = wait_library(qtbot, window)
    # records.db says the last touched item is "tour": the card says so too.
    qtbot.waitUntil(lambda: page.view.continue_to.item_id == "tour")
    assert page.continue_button.text() == "Continue"
    qtbot.mouseClick(page.continue_button, Qt.MouseButton.LeftButton)
    wait_reader(qtbot, window, "tour")
    close(window)


def test_a_survey_sent_redraws_the_library(qtbot, data_dir, pack) -> None:
    from kit.ui.changes import Change
    from kit.ui.operations.reader import record_survey

    prepare(data_dir, [pack])
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    page = sign_in(qtbot, window, "Ana")
    before = page.view
    heard = []
    window.ctx.changes.operation_did_execute.connect(lambda c, _i: heard.append(c))
    sent = []
    record_survey(window.ctx, "getting-started", "feedback", {"q1": "a"}).success(sent.append).run()
    qtbot.waitUntil(lambda: sent == [1])
    qtbot.waitUntil(lambda: page.view is not before and not page.dirty)  # drawn again
    assert [c.kinds for c in heard] == [Change.RECORDS]
    assert heard[0].profile_id == window.ctx.profile_id
    close(window)


def test_only_the_operation_runner_announces_changes() -> None:
    """Screens never emit on the change hub: operations declare what they change."""
    pattern = re.compile(r"changes\.\w+\.emit\(|operation_did_execute\.emit\(")
    offenders = [
        str(path.relative_to(KIT_UI))
        for path in KIT_UI.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == ["operations/op.py"]


def test_every_operations_module_returns_ops_and_shares_one_callback_type() -> None:
    ops_dir = KIT_UI / "operations"
    for path in ops_dir.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "Done = Callable" not in text or path.name == "op.py", path.name
        assert "ctx: Any" not in text, path.name
        assert "worker.submit(" not in text, path.name  # through Op.run only
