"""Profiles on a shared computer: list, create, sign in (PIN), rename, delete, roles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class PinAnswer:
    """The outcome of a PIN try: ok, or a message and (when locked) the seconds to wait."""

    ok: bool
    message: str = ""
    locked_seconds: int = 0


def list_profiles(ctx: AppContext) -> Op[list[Any]]:
    return Op(ctx, lambda: ctx.records.list_profiles())


def create_profile(
    ctx: AppContext, name: str, colour: str | None, pin: str | None, language: str
) -> Op[Any]:
    def work() -> Any:
        return ctx.records.create_profile(name, colour=colour, pin=pin or None, language=language)

    return Op(ctx, work, Change.PROFILES)


def check_pin(ctx: AppContext, profile_id: str, pin: str | None) -> Op[PinAnswer]:
    """Answers with a PinAnswer (a wrong or locked PIN is an answer, not a failure)."""

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

    return Op(ctx, work)


def pin_wait_seconds(ctx: AppContext, profile_id: str) -> Op[int]:
    return Op(ctx, lambda: ctx.records.pin_wait_seconds(profile_id))


def rename_profile(ctx: AppContext, profile_id: str, pin: str | None, new_name: str) -> Op[Any]:
    """Rename after checking the PIN (a learner's name is theirs to change)."""

    def work() -> Any:
        ctx.records.check_pin(profile_id, pin)
        return ctx.records.rename_profile(profile_id, new_name)

    return Op(ctx, work, Change.PROFILES)


def set_pin(
    ctx: AppContext, profile_id: str, new_pin: str | None, current_pin: str | None
) -> Op[Any]:
    """Set, change or remove (new_pin=None) a profile's PIN; its current PIN is checked."""
    return Op(
        ctx,
        lambda: ctx.records.set_pin(profile_id, new_pin, current_pin=current_pin),
        Change.PROFILES,
    )


def delete_profile(ctx: AppContext, profile_id: str, pin: str | None) -> Op[Any]:
    """Delete a profile and its records (PIN checked, a backup made first)."""
    return Op(
        ctx,
        lambda: ctx.records.delete_profile(profile_id, pin=pin),
        Change.PROFILES | Change.RECORDS,
    )


def set_language(ctx: AppContext, profile_id: str, language: str) -> Op[Any]:
    return Op(
        ctx, lambda: ctx.records.update_profile(profile_id, language=language), Change.PROFILES
    )
