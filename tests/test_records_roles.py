"""Facilitators: the first appoints itself, then only a facilitator makes one or resets a PIN."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kit.core.paths import DataDir
from kit.core.records import (
    NotFacilitator,
    PinLocked,
    Records,
    RecordsError,
    WrongPin,
)
from tests.fake_clock import FakeClock


def test_the_first_facilitator_appoints_itself_then_only_a_facilitator_can(
    records: Records,
) -> None:
    marta = records.create_profile("Marta", pin="1111")
    ana = records.create_profile("Ana", pin="2222")
    leo = records.create_profile("Leo")
    assert marta.role == "learner" and records.may_self_appoint()
    with pytest.raises(RecordsError, match="needs a PIN"):
        records.set_role(leo.id, "facilitator")
    with pytest.raises(WrongPin):
        records.set_role(marta.id, "facilitator", pin="0000")
    assert records.set_role(marta.id, "facilitator", pin="1111").is_facilitator
    assert not records.may_self_appoint()
    with pytest.raises(NotFacilitator, match="Only a facilitator can do this"):
        records.set_role(ana.id, "facilitator", pin="2222")  # no more self-appointing
    with pytest.raises(NotFacilitator, match="Ana is not a facilitator"):
        records.set_role(ana.id, "facilitator", by=ana.id, pin="2222")
    with pytest.raises(NotFacilitator):
        records.create_profile("Eve", pin="3333", role="facilitator")
    with pytest.raises(WrongPin):
        records.set_role(ana.id, "facilitator", by=marta.id, pin="2222")
    assert records.set_role(ana.id, "facilitator", by=marta.id, pin="1111").is_facilitator
    eve = records.create_profile("Eve", pin="3333", role="facilitator", by=ana.id, by_pin="2222")
    assert eve.role == "facilitator"
    assert records.set_role(eve.id, "learner", by=ana.id, pin="2222").role == "learner"
    with pytest.raises(RecordsError, match="needs a PIN"):
        records.set_pin(ana.id, None, current_pin="2222")  # a facilitator keeps a PIN
    assert [p.role for p in records.list_profiles()] == [
        "facilitator", "learner", "learner", "facilitator"
    ]  # fmt: skip


def test_a_facilitator_resets_a_forgotten_pin(records: Records, clock: FakeClock) -> None:
    marta = records.create_profile("Marta", pin="1111", role="facilitator")
    ana = records.create_profile("Ana", pin="2222")
    for _ in range(3):
        with pytest.raises(WrongPin):
            records.check_pin(ana.id, "9999")  # Ana forgot it and is locked out
    with pytest.raises(NotFacilitator):
        records.reset_pin(ana.id, "4444", by=ana.id, pin="2222")
    assert records.reset_pin(ana.id, "4444", by=marta.id, pin="1111").has_pin
    records.check_pin(ana.id, "4444")  # the new PIN works at once: the lock is cleared
    assert not records.reset_pin(ana.id, None, by=marta.id, pin="1111").has_pin


def test_facilitator_pins_are_throttled_like_any_pin(records: Records, clock: FakeClock) -> None:
    marta = records.create_profile("Marta", pin="1111", role="facilitator")
    ana = records.create_profile("Ana")
    for _ in range(3):
        with pytest.raises(WrongPin):
            records.reset_pin(ana.id, "4444", by=marta.id, pin="0000")
    with pytest.raises(PinLocked):
        records.check_facilitator(marta.id, "1111")
    clock.now += 3600  # the wall clock does not help
    with pytest.raises(PinLocked):
        records.set_role(ana.id, "facilitator", by=marta.id, pin="1111")
    clock.advance(2)
    token = records.check_facilitator(marta.id, "1111")
    assert records.facilitator(token).id == marta.id
    with pytest.raises(NotFacilitator):
        records.check_facilitator(ana.id, None)


def test_a_token_is_valid_only_where_and_while_it_was_issued(
    records: Records, data_dir: Path, clock: FakeClock
) -> None:
    marta = records.create_profile("Marta", pin="1111", role="facilitator")
    token = records.check_facilitator(marta.id, "1111")
    other = Records(DataDir(data_dir), clock=clock, uptime=clock.uptime)
    with other, pytest.raises(NotFacilitator):
        other.facilitator(token)
    clock.advance(31 * 60)
    with pytest.raises(NotFacilitator, match="PIN again"):
        records.facilitator(token)


def test_cli_role_and_reset_pin_read_pins_from_stdin(
    run_kit, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Records(DataDir(data_dir)) as records:
        records.create_profile("Marta", pin="1111")
        records.create_profile("Ana", pin="2222")

    def kit(stdin: str, *args: str):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        return run_kit("profiles", *args)

    assert kit("1111\n", "role", "Marta", "facilitator")[:2] == (0, "Marta is now a facilitator.\n")
    code, out, err = kit("2222\n", "role", "Ana", "facilitator")
    assert (code, err) == (1, "Only a facilitator can do this.\n")
    code, out, err = kit("0000\n", "role", "Ana", "facilitator", "--by", "Marta")
    assert (code, err) == (1, "That PIN is not right.\n")
    assert kit("1111\n", "role", "ana", "facilitator", "--by", "marta")[1] == (
        "Ana is now a facilitator.\n"
    )
    code, out, _err = kit("1111\n", "list")
    assert code == 0 and "Ana #" in out and "(facilitator, PIN" in out
    assert kit("2222\n5555\n", "reset-pin", "Marta", "--by", "Ana")[1] == (
        "The PIN of Marta was changed.\n"
    )
    code, out, err = kit("", "reset-pin", "Marta", "--by", "Ana")
    assert code == 1 and "No PIN was given" in err
    code, out, err = kit("2222\n\n", "reset-pin", "Marta", "--by", "Ana")
    assert code == 1 and "A facilitator needs a PIN" in err
    code, out, err = kit("2222\n", "reset-pin", "Nobody", "--by", "Ana")
    assert code == 1 and err == "There is no profile called Nobody.\n"
    with Records(DataDir(data_dir)) as records:
        marta = next(p for p in records.list_profiles() if p.name == "Marta")
        records.check_pin(marta.id, "5555")
    assert run_kit("profiles", "role", "Ana")[0] == 2


def test_once_a_facilitator_exists_only_a_facilitator_restores(
    records: Records, run_kit, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = records.create_profile("Ana", pin="2222")
    saved = records.backup()
    records.restore(saved.path)  # no facilitator yet: the confirmation is enough
    marta = records.create_profile("Marta", pin="1111", role="facilitator")
    records.append_event(ana.id, "p", "lesson", "completed")
    for by, pin, refused in [(None, None, NotFacilitator), (ana.id, "2222", NotFacilitator),
                             (marta.id, "0000", WrongPin)]:  # fmt: skip
        with pytest.raises(refused):
            records.restore(saved.path, by=by, pin=pin)
    assert len(records.events(ana.id)) == 1
    records.close()
    code, out, err = run_kit("records", "restore", str(saved.path))
    assert (code, out) == (1, "") and "add --by NAME" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    code, out, _err = run_kit("records", "restore", str(saved.path), "--by", "Marta")
    assert code == 0 and "1 answer or other activity" in out
