"""Before a restore, the warning counts the workshop records it replaces, not only the
learner records; the CLI and the backups dialog say the same sentence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt
from ui_shell import close, open_window, prepare

from kit.core.paths import DataDir
from kit.core.records import Records
from kit.core.workshops import Deliveries, Workshop, Workshops, template_day


def _workshop_records_since_a_backup(records: Records):
    """A backup, then one workshop edited, one new, 4 participants, 4 check-ins, 1 time."""
    shops = Workshops(records.rdb)
    kept = shops.save(Workshop(title="Kept", sessions=template_day(1)))
    edited = shops.save(Workshop(title="Before", sessions=template_day(1)))
    saved = records.backup("manual")
    shops.save(replace(edited, title="After"))
    new = shops.save(Workshop(title="New", sessions=template_day(1)))
    first = new.sessions[0]
    people = [shops.add_participant(new.id, name).id for name in ("Ana", "Bea", "Carlos")]
    shops.check_in(new.id, first.id, people)
    shops.check_in(kept.id, kept.sessions[0].id, [shops.add_participant(kept.id, "Dana").id])
    start = dt.datetime(2026, 3, 14, 9, 0, tzinfo=dt.UTC)
    Deliveries(records.rdb).record(
        new.id, first.id, first.items[0].id if first.items else "x", start, start
    )
    return saved


def test_the_warning_counts_workshops_participants_checkins_and_delivered_times(
    records: Records,
) -> None:
    records.create_profile("Ana")
    saved = _workshop_records_since_a_backup(records)
    loss = records.restore_loss(saved.path)
    # "Kept" is unchanged (a participant is not its plan); Dana, added to it, counts.
    assert (loss.workshops, loss.participants, loss.checkins, loss.delivered) == (2, 4, 4, 1)
    sentence = loss.sentence()
    assert sentence.startswith("No learner profiles or activities are lost, but workshop records")
    assert "2 workshops, 4 participants, 4 check-ins and 1 entry of the agenda" in sentence
    assert sentence.endswith("the current records are backed up first.")


def test_learner_and_workshop_losses_are_both_named(records: Records) -> None:
    ana = records.create_profile("Ana")
    saved = _workshop_records_since_a_backup(records)
    records.create_profile("Bea")
    records.append_event(ana.id, "p", "q", "answered", {"response": "a"})
    sentence = records.restore_loss(saved.path).sentence()
    assert sentence.startswith(
        "After restoring this backup, 1 profile and 1 answer or other activity recorded since "
        "it was made will no longer be in the app; the current records are backed up first. "
        "Workshop records go back to the backup's as well: 2 workshops, 4 participants"
    )


def test_nothing_new_in_workshops_keeps_the_learner_sentence(records: Records) -> None:
    shops = Workshops(records.rdb)
    shops.save(Workshop(title="Same", sessions=template_day(1)))
    records.create_profile("Ana")
    saved = records.backup("manual")
    sentence = records.restore_loss(saved.path).sentence()
    assert sentence == (
        "Everything recorded now is also in this backup, so nothing will be lost; "
        "the current records are backed up first."
    )


def test_workshop_records_alone_are_backed_up_before_a_restore(records: Records, tmp_path) -> None:
    empty = records.backup("manual")  # nothing at all yet
    Workshops(records.rdb).save(Workshop(title="Only a workshop", sessions=template_day(1)))
    loss = records.restore_loss(empty.path)
    assert loss.current_records and loss.workshops == 1
    assert "There are no learner records yet" not in loss.sentence()
    result = records.restore(empty.path)
    assert result.previous is not None  # the workshop is in the before-restore backup
    assert Workshops(records.rdb).list_workshops() == []
    records.restore(result.previous.path)
    assert [w.title for w in Workshops(records.rdb).list_workshops()] == ["Only a workshop"]


def test_cli_and_the_backups_dialog_say_the_same(run_kit, qtbot, data_dir) -> None:
    prepare(data_dir)
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Ana")
        saved = _workshop_records_since_a_backup(records)
        expected = records.restore_loss(saved.path).sentence()
    assert "2 workshops, 4 participants, 4 check-ins" in expected

    window = open_window(qtbot, data_dir)
    window.show_backups()
    dialog = window.backups_dialog
    qtbot.waitUntil(lambda: dialog.list.count() >= 1)
    manual = next(r for r in range(dialog.list.count()) if "by hand" in dialog.list.item(r).text())
    dialog.list.setCurrentRow(manual)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.confirm_button.isEnabled)
    assert dialog.confirm_text.text().startswith(expected + " ")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    close(window)

    code, out, _err = run_kit("records", "restore", str(saved.path))
    assert code == 0 and out.splitlines()[0] == expected


def test_answers_given_in_a_workshop_since_the_backup_are_counted(records: Records) -> None:
    from kit.core.workshops.feedback import Feedback

    shops = Workshops(records.rdb)
    shop = shops.save(Workshop(title="Edit-a-thon", sessions=template_day(1)))
    saved = records.backup("manual")
    cards = [{"clearest": "Citations", "muddiest": "Talk pages"}, {"clearest": "Links"}]
    rows = Feedback(records.rdb).record_cards(shop.id, "minute", shop.sessions[0].id, cards)
    loss = records.restore_loss(saved.path)
    assert loss.answers == rows == 3  # one row per answered question
    assert loss.sentence().endswith(
        "3 answers given in workshops (room questions, pre/post tests or feedback) "
        "will be lost too."
    )


def test_needs_assessment_responses_alone_are_backed_up_and_counted(records: Records) -> None:
    from needs_helpers import needs_item, qid

    from kit.core.needs import KIOSK, NeedsResponses, from_item

    survey = from_item("skills-survey", "1.0.0", needs_item())
    store = NeedsResponses(records.rdb)
    store.record(survey, {"years": "1", qid("Q11024", "confidence"): "2"}, KIOSK)
    from kit.core.records.backups import has_records

    assert has_records(records.rdb)  # so a restore backs them up first
    saved = records.backup("manual")
    store.record(survey, {"years": "2", qid("Q11024", "confidence"): "4"}, KIOSK)
    store.record(survey, {"years": "3", qid("Q11024", "importance"): "5"}, KIOSK)
    loss = records.restore_loss(saved.path)
    assert loss.current_records and loss.surveys == 2
    assert loss.sentence() == (
        "No learner profiles, activities or workshop records are lost; the current records are "
        "backed up first. 2 needs-assessment responses will be lost too."
    )
