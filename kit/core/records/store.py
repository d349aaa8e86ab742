"""`Records`: the one object the app and the CLI use for learner records.

Every read takes a profile id; there is no call that returns several learners' events,
so a screen can only ever show the signed-in learner's records.

Threads: open it on the app's worker thread and call it there (see `db.RecordsDB`:
calls from other threads are serialised by a lock, never interleaved).
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.core.paths import DataDir
from kit.core.records import (
    backups,
    events,
    pins,
    profiles,
    progress,
    progress_query,
    roles,
    rows,
    schema,
)
from kit.core.records.backups import Backup
from kit.core.records.db import RecordsDB, RecordsError
from kit.core.records.events import Event
from kit.core.records.profiles import Profile
from kit.core.records.progress import ContinuePoint, ModuleProgress, QuizStats, Status
from kit.i18n import _

# Certificates, facilitators' reports and restoring are imported when first used: the
# app's start needs none of them (bench/startup.py).
if TYPE_CHECKING:
    from kit.core.records.certificates import CertificateData
    from kit.core.records.reports import Reports
    from kit.core.records.restore import RestoreLoss, RestoreResult


class Records:
    """Profiles, events, progress and backups of one data folder.

    Example::

        records = Records(data_dir)                  # creates/migrates records.db
        records.auto_backup()                        # at app start: at most once a day
        ana = records.create_profile("Ana", pin="1234", language="es")
        records.check_pin(ana.id, "1234")            # WrongPin / PinLocked otherwise
        records.append_event(ana.id, "first-aid", "burns", "completed")
        records.pack_progress(ana.id, library.get_pack("first-aid"))
        records.close()

    `clock` (the wall clock, seconds since the epoch) and `uptime` ((boot id, seconds
    since boot), see `pins.system_uptime`) exist so tests can move time for the PIN
    throttle, which waits on `uptime` only; `keep_backups` is how many backups to keep.
    """

    def __init__(
        self,
        data_dir: DataDir,
        *,
        create: bool = True,
        clock: pins.Clock = time.time,
        uptime: pins.Uptime = pins.system_uptime,
        keep_backups: int = backups.KEEP,
    ) -> None:
        self.data_dir = data_dir
        self.clocks = pins.Clocks(clock, uptime)
        self._tokens = roles.Tokens(self.clocks)
        self.keep_backups = keep_backups
        self.rdb = RecordsDB.open(data_dir.records_db, create=create, portable=data_dir.portable)

    def close(self) -> None:
        self.rdb.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def device_id(self) -> str:
        """This computer's random id, stored in every event it records."""
        return self.rdb.device_id

    # Profiles

    def list_profiles(self) -> list[Profile]:
        """All profiles by name, for the start screen (no records, no PIN hashes)."""
        return profiles.list_profiles(self.rdb)

    def profile(self, profile_id: str) -> Profile:
        """One profile; ProfileNotFound when it does not exist."""
        return profiles.get_profile(self.rdb, profile_id)

    def create_profile(
        self,
        name: str,
        *,
        colour: str | None = None,
        pin: str | None = None,
        language: str = "en",
        role: str = profiles.LEARNER,
        by: str | None = None,
        by_pin: str | None = None,
    ) -> Profile:
        """A new profile. `colour` like "#1f77b4" (default: picked from the name);
        `pin` 4 digits or None. RecordsError when the name is taken (ignoring case).

        `role="facilitator"` needs a `pin`, and, once a facilitator exists, a
        facilitator's id and PIN as `by` and `by_pin` (NotFacilitator otherwise).
        """
        with self.rdb.lock:
            if role == profiles.FACILITATOR and not self.may_self_appoint():
                roles.check_facilitator(self.rdb, by, by_pin, self.clocks)
            return profiles.create_profile(
                self.rdb, name, colour=colour, pin=pin, language=language, role=role
            )

    # Roles

    def may_self_appoint(self) -> bool:
        """True while no profile is a facilitator: then one may make itself one."""
        return not roles.facilitator_exists(self.rdb)

    def set_role(
        self, profile_id: str, role: str, *, by: str | None = None, pin: str | None = None
    ) -> Profile:
        """Make a profile a "learner" or a "facilitator".

        `by` is the facilitator doing it and `pin` that facilitator's PIN (throttled:
        WrongPin, PinLocked; NotFacilitator when `by` is not one). While
        `may_self_appoint()`, a profile with a PIN may make itself facilitator with
        `by` None (or its own id) and its own PIN. A facilitator always has a PIN.
        """
        return roles.set_role(self.rdb, profile_id, role, by, pin, self.clocks)

    def reset_pin(
        self, profile_id: str, new_pin: str | None, *, by: str | None, pin: str | None
    ) -> Profile:
        """Set a forgotten PIN anew (None: remove it), by facilitator `by` with its PIN.

        The profile's throttle is cleared; a facilitator's PIN cannot be removed.
        """
        with self.rdb.lock:
            roles.check_facilitator(self.rdb, by, pin, self.clocks)
            return profiles.store_pin(self.rdb, profile_id, new_pin)

    def check_facilitator(self, profile_id: str, pin: str | None) -> roles.FacilitatorToken:
        """A token for reports when `profile_id` is a facilitator and `pin` its PIN.

        Raises NotFacilitator, WrongPin or PinLocked (the PIN throttle applies).
        """
        with self.rdb.lock:
            roles.check_facilitator(self.rdb, profile_id, pin, self.clocks)
            return self._tokens.issue(profile_id)

    def reports(self, auth: roles.FacilitatorToken | tuple[str, str | None]) -> Reports:
        """Group reports (counts over learners, small groups hidden): facilitators only."""
        from kit.core.records.reports import Reports

        return Reports(self, auth)

    def facilitator(self, auth: roles.FacilitatorToken | tuple[str, str | None]) -> Profile:
        """The facilitator behind `auth`: a token from `check_facilitator` or (id, PIN).

        NotFacilitator when the token is not valid or the profile is no longer one.
        """
        if isinstance(auth, roles.FacilitatorToken):
            if not self._tokens.valid(auth):
                raise roles.NotFacilitator(_("Give the facilitator PIN again."))
            who = profiles.get_profile(self.rdb, auth.profile_id)
            if not who.is_facilitator:
                raise roles.NotFacilitator(_("Only a facilitator can do this."))
            return who
        profile_id, pin = auth
        return roles.check_facilitator(self.rdb, profile_id, pin, self.clocks)

    def rename_profile(self, profile_id: str, new_name: str) -> Profile:
        return profiles.rename_profile(self.rdb, profile_id, new_name)

    def update_profile(
        self, profile_id: str, *, colour: str | None = None, language: str | None = None
    ) -> Profile:
        """Change avatar colour and/or interface language (None: unchanged)."""
        return profiles.update_profile(self.rdb, profile_id, colour=colour, language=language)

    def check_pin(self, profile_id: str, pin: str | None) -> None:
        """Returns when the profile has no PIN or `pin` is right.

        Raises WrongPin ("That PIN is not right.") or PinLocked ("Too many wrong PINs;
        try again in N seconds.", with `.seconds`). Never sleeps.
        """
        profiles.check_pin(self.rdb, profile_id, pin, self.clocks)

    def pin_wait_seconds(self, profile_id: str) -> int:
        """Seconds before this profile may try a PIN again (0: now), for a countdown."""
        return pins.seconds_locked(self.rdb, profile_id, self.clocks)

    def set_pin(
        self, profile_id: str, new_pin: str | None, *, current_pin: str | None = None
    ) -> Profile:
        """Set, change or remove (new_pin=None) the PIN; needs the current PIN if any."""
        return profiles.set_pin(
            self.rdb, profile_id, new_pin, current_pin=current_pin, clocks=self.clocks
        )

    def delete_profile(self, profile_id: str, *, pin: str | None = None) -> Backup:
        """Delete a profile and all its events, after checking its PIN (if it has one).

        A backup is made first (reason "before-delete") and returned, so a mistaken
        deletion can be undone with `restore`.
        """
        profiles.get_profile(self.rdb, profile_id)
        self.check_pin(profile_id, pin)
        saved = backups.create_backup(
            self.rdb, self.data_dir.backups, "before-delete", self.keep_backups
        )
        profiles.delete_profile_rows(self.rdb, profile_id)
        return saved

    # Events

    def append_event(
        self,
        profile_id: str,
        pack_id: str,
        item_id: str,
        verb: str,
        result: Mapping[str, Any] | None = None,
        *,
        context: str | None = None,
    ) -> Event:
        """Record what the learner did to a pack item; returns once the commit is durable.

        `verb` is one of verbs.REGISTRY said of items (viewed, started, answered,
        completed, passed, failed); `result` a JSON-able mapping, e.g. for "answered"
        {"question": "q1", "response": ["a", "c"], "correct": False}; `context` the
        workshop or session id it happened in, if any.
        """
        return events.append_event(self.rdb, profile_id, pack_id, item_id, verb, result, context)

    def append_events(
        self,
        profile_id: str,
        pack_id: str,
        item_id: str,
        entries: Sequence[tuple[str, Mapping[str, Any] | None]],
        *,
        context: str | None = None,
    ) -> list[Event]:
        """Several (verb, result) events of one item in one durable commit: all or none."""
        return events.append_events(self.rdb, profile_id, pack_id, item_id, entries, context)

    def append_object_event(
        self,
        profile_id: str,
        object_type: str,
        object_id: str,
        verb: str,
        result: Mapping[str, Any] | None = None,
        *,
        context: str | None = None,
    ) -> Event:
        """Record an event about a "workshop_session" or a "poll" (not a pack item),
        e.g. ``append_object_event(ana.id, "workshop_session", sid, "attended")``."""
        return events.append_object_event(
            self.rdb, profile_id, object_type, object_id, verb, result, context
        )

    def record_quiz_attempt(
        self,
        profile_id: str,
        pack_id: str,
        item_id: str,
        score: float,
        pass_mark: float,
        **details: Any,
    ) -> Event:
        """Record a finished quiz attempt as "passed" (score >= pass_mark) or "failed"."""
        verb, result = events.quiz_result(score, pass_mark, **details)
        return self.append_event(profile_id, pack_id, item_id, verb, result)

    def events(
        self, profile_id: str, pack_id: str | None = None, item_id: str | None = None
    ) -> list[Event]:
        """This profile's events, oldest first; optionally one pack, or one item of it."""
        return events.events_for(self.rdb, profile_id, pack_id, item_id)

    # Progress

    def item_status(self, profile_id: str, pack_id: str, item: Mapping[str, Any]) -> Status:
        """Status of one item (a library item dict with "id" and "type")."""
        mine = self.events(profile_id, pack_id, str(item["id"]))
        return progress.item_status(str(item.get("type", "")), mine)

    def quiz_stats(self, profile_id: str, pack_id: str, item_id: str) -> QuizStats:
        """Attempts, best and last score, and whether this quiz was passed."""
        return progress.quiz_stats(self.events(profile_id, pack_id, item_id))

    def pack_progress(self, profile_id: str, pack: Mapping[str, Any]) -> list[ModuleProgress]:
        """Progress through each module of `pack` (a Library.get_pack dict), in order."""
        return progress_query.pack_progress(self.rdb, str(profile_id), pack)

    def touched_packs(self, profile_id: str) -> set[str]:
        """The ids of the packs in which this profile has any event (the others have
        nothing done, whatever their content)."""
        return progress_query.touched_packs(self.rdb, str(profile_id))

    def module_progress(
        self, profile_id: str, pack: Mapping[str, Any], module_id: str
    ) -> ModuleProgress:
        for module in pack.get("modules", []):
            if module.get("id") == module_id:
                return progress_query.module_progress(self.rdb, str(profile_id), pack, module)
        raise RecordsError(_("This pack has no module {module}.").format(module=module_id))

    def continue_point(
        self, profile_id: str, packs: Sequence[Mapping[str, Any]]
    ) -> ContinuePoint | None:
        """The item "Continue" opens among the installed `packs`, or None."""
        return progress_query.continue_point(self.rdb, str(profile_id), packs)

    def certificate(
        self, profile_id: str, pack: Mapping[str, Any], module_id: str
    ) -> CertificateData:
        """Certificate contents; RecordsError while the module is not complete."""
        from kit.core.records.certificates import certificate_data

        mine = self.events(profile_id, str(pack["id"]))
        return certificate_data(self.profile(profile_id), pack, module_id, mine)

    # Backups and checks

    def backup(self, reason: str = "manual") -> Backup:
        """A backup now (then old ones beyond `keep_backups` are deleted)."""
        return backups.create_backup(self.rdb, self.data_dir.backups, reason, self.keep_backups)

    def auto_backup(self) -> Backup | None:
        """Call at app start: backs up when there are records and none from the last day."""
        return backups.auto_backup(self.rdb, self.data_dir.backups, keep=self.keep_backups)

    def backups(self) -> list[Backup]:
        """Backups, newest first."""
        return backups.list_backups(self.data_dir.backups)

    def restore(
        self,
        source: str | os.PathLike[str] | Path,
        *,
        by: str | None = None,
        pin: str | None = None,
    ) -> RestoreResult:
        """Restore a backup file, or "latest"; the current records are backed up first.

        Once a facilitator exists, only a facilitator may: `by` its id, `pin` its PIN
        (NotFacilitator, WrongPin, PinLocked otherwise). A damaged, crafted or foreign
        file is refused (RecordsError) and nothing changes.
        """
        from kit.core.records import restore as restoring

        with self.rdb.lock:
            if not self.may_self_appoint():
                self.facilitator((by or "", pin))
            return restoring.restore_backup(
                self.rdb, source, self.data_dir.backups, self.keep_backups, self.clocks
            )

    def facilitators(self) -> list[Profile]:
        """The facilitator profiles, by name (who may restore, change roles, read reports)."""
        return [p for p in self.list_profiles() if p.is_facilitator]

    def restore_loss(self, source: str | os.PathLike[str] | Path) -> RestoreLoss:
        """What restoring `source` would take out of the app (ask before `restore`):
        `.profiles` and `.events` now recorded that the backup lacks, and `.sentence()`.

        The backup is checked as `restore` checks it (RecordsError when refused).
        """
        from kit.core.records import restore as restoring

        return restoring.restore_loss(self.rdb, source, self.data_dir.backups)

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks, by comparing the
        schema with the one this app makes and by checking every row's values ([] when
        sound)."""
        with self.rdb.lock:
            conn = self.rdb.db.conn
            found = self.rdb.integrity_problems() + schema.current_problems(conn)
            return found or rows.problems(conn)
