"""Profiles on a shared computer: list, create, sign in (PIN), rename, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kit.ui.context import AppContext
from kit.ui.worker import Job

Done = Callable[..., None]
Failed = Callable[[str], None]


@dataclass(frozen=True)
class PinAnswer:
    """The outcome of a PIN try: ok, or a message and (when locked) the seconds to wait."""

    ok: bool
    message: str = ""
    locked_seconds: int = 0


def list_profiles(ctx: AppContext, on_done: Done, on_failure: Failed | None = None) -> Job:
    return ctx.worker.submit(lambda: ctx.records.list_profiles(), on_done, on_failure)


def create_profile(
    ctx: AppContext,
    name: str,
    colour: str | None,
    pin: str | None,
    language: str,
    on_done: Done,
    on_failure: Failed,
) -> Job:
    def work():
        return ctx.records.create_profile(name, colour=colour, pin=pin or None, language=language)

    return ctx.worker.submit(work, on_done, on_failure)


def check_pin(ctx: AppContext, profile_id: str, pin: str | None, on_done: Done) -> Job:
    """Answers with a PinAnswer (never fails for a wrong or locked PIN)."""

    def work() -> PinAnswer:
        from kit.core.records import PinLocked, WrongPin

        try:
            ctx.records.check_pin(profile_id, pin)
        except PinLocked as exc:
            return PinAnswer(False, str(exc), max(1, exc.seconds))
        except WrongPin as exc:
            wait = ctx.records.pin_wait_seconds(profile_id)
            return PinAnswer(False, str(exc), wait)
        return PinAnswer(True)

    return ctx.worker.submit(work, on_done, lambda msg: on_done(PinAnswer(False, msg)))


def pin_wait_seconds(ctx: AppContext, profile_id: str, on_done: Done) -> Job:
    return ctx.worker.submit(lambda: ctx.records.pin_wait_seconds(profile_id), on_done)


def rename_profile(
    ctx: AppContext,
    profile_id: str,
    pin: str | None,
    new_name: str,
    on_done: Done,
    on_failure: Failed,
) -> Job:
    """Rename after checking the PIN (a learner's name is theirs to change)."""

    def work():
        ctx.records.check_pin(profile_id, pin)
        return ctx.records.rename_profile(profile_id, new_name)

    return ctx.worker.submit(work, on_done, on_failure)


def set_pin(
    ctx: AppContext,
    profile_id: str,
    new_pin: str | None,
    current_pin: str | None,
    on_done: Done,
    on_failure: Failed,
) -> Job:
    """Set, change or remove (new_pin=None) a profile's PIN; its current PIN is checked."""
    return ctx.worker.submit(
        lambda: ctx.records.set_pin(profile_id, new_pin, current_pin=current_pin),
        on_done, on_failure,
    )  # fmt: skip


def reset_pin(
    ctx: AppContext,
    profile_id: str,
    new_pin: str,
    facilitator_id: str,
    facilitator_pin: str,
    on_done: Done,
    on_failure: Failed,
) -> Job:
    """A facilitator sets a forgotten PIN anew (the facilitator's own PIN is checked)."""
    return ctx.worker.submit(
        lambda: ctx.records.reset_pin(profile_id, new_pin, by=facilitator_id, pin=facilitator_pin),
        on_done, on_failure,
    )  # fmt: skip


def delete_profile(
    ctx: AppContext, profile_id: str, pin: str | None, on_done: Done, on_failure: Failed
) -> Job:
    """Delete a profile and its records (PIN checked, a backup made first)."""
    return ctx.worker.submit(
        lambda: ctx.records.delete_profile(profile_id, pin=pin), on_done, on_failure
    )


def set_language(
    ctx: AppContext, profile_id: str, language: str, on_done: Done | None = None
) -> Job:
    return ctx.worker.submit(
        lambda: ctx.records.update_profile(profile_id, language=language), on_done
    )
