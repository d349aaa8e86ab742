"""`kit profiles ...` and `kit records ...`: learner profiles, backups and checks."""

from __future__ import annotations

import argparse

from kit.cli import records_files
from kit.cli.output import read_secret
from kit.i18n import _, format_datetime, format_size, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    profiles = sub.add_parser("profiles", help=_("list the learner profiles on this computer"))
    psub = profiles.add_subparsers(dest="profiles_command", metavar=_("COMMAND"), required=True)
    p = psub.add_parser(
        "list",
        help=_("list the profiles"),
        description=_("List the learner profiles: name, PIN or not, language, created."),
    )
    p.set_defaults(func=cmd_profiles_list)
    p = psub.add_parser(
        "role",
        help=_("make a profile a facilitator or a learner"),
        description=_(
            "Make a profile a facilitator or a learner. A facilitator's PIN is asked for "
            "(typed, or one line on standard input). The first facilitator on a computer "
            "appoints itself with its own PIN. Example: kit profiles role Ana facilitator "
            "--by Marta"
        ),
    )
    p.add_argument("name", metavar=_("NAME"))
    p.add_argument("role", choices=["facilitator", "learner"])
    p.add_argument("--by", metavar=_("NAME"), help=_("the facilitator making the change"))
    p.set_defaults(func=cmd_profiles_role)
    p = psub.add_parser(
        "reset-pin",
        help=_("set a forgotten PIN anew (a facilitator does it)"),
        description=_(
            "Set a new PIN for a profile whose PIN was forgotten, or remove it (leave the "
            "new PIN empty). Asks for the facilitator's PIN, then the new PIN (typed, or "
            "one line each on standard input). Example: kit profiles reset-pin Ana --by Marta"
        ),
    )
    p.add_argument("name", metavar=_("NAME"))
    p.add_argument("--by", metavar=_("NAME"), required=True, help=_("the facilitator"))
    p.set_defaults(func=cmd_profiles_reset_pin)

    records = sub.add_parser("records", help=_("back up, restore and check learner records"))
    rsub = records.add_subparsers(dest="records_command", metavar=_("COMMAND"), required=True)
    p = rsub.add_parser(
        "backup",
        help=_("back up the learner records now"),
        description=_("Copy records.db into the backups folder (old backups rotate out)."),
    )
    p.set_defaults(func=cmd_backup)
    p = rsub.add_parser(
        "backups",
        help=_("list the backups"),
        description=_("List the backups of the learner records, newest first."),
    )
    p.set_defaults(func=cmd_backups)
    p = rsub.add_parser(
        "restore",
        help=_("restore a backup"),
        description=_(
            "Replace the learner records with a backup, after checking it and backing up "
            "the current records. Example: kit records restore latest"
        ),
    )
    p.add_argument("source", metavar=_("FILE|latest"))
    p.add_argument(
        "--by",
        metavar=_("NAME"),
        help=_("the facilitator restoring it (needed once a facilitator exists)"),
    )
    p.set_defaults(func=cmd_restore)
    p = rsub.add_parser(
        "check",
        help=_("check the learner records for damage"),
        description=_("Run SQLite's integrity and foreign-key checks on records.db."),
    )
    p.set_defaults(func=cmd_check)
    records_files.add_commands(rsub)
    from kit.cli import records_xapi

    records_xapi.register(rsub)


def _open(args: argparse.Namespace, *, create: bool = False):
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records

    data = resolve_data_dir(args.data_dir)
    if not create and not data.records_db.is_file():
        return None
    return Records(data, create=create)


def cmd_profiles_list(args: argparse.Namespace) -> int:
    records = _open(args)
    found = records.list_profiles() if records else []
    if records:
        records.close()
    if not found:
        print(_("No profiles yet."))
        return 0
    for prof in found:
        pin = _("PIN") if prof.has_pin else _("no PIN")
        line = (
            _("{name} #{code}  (facilitator, {pin}, language {lang}, created {created})")
            if prof.is_facilitator
            else _("{name} #{code}  ({pin}, language {lang}, created {created})")
        )
        print(
            line.format(
                name=prof.name,
                code=prof.short_code,
                pin=pin,
                lang=prof.language,
                created=format_datetime(prof.created),
            )
        )
    return 0


def find_profile(records, name: str):
    """The profile called `name` ("Ana", or "Ana#3F2A" when two share a name)."""
    from kit.core.errors import KitError
    from kit.core.records.profiles import name_key

    wanted, _sep, code = name.partition("#")
    found = [
        p
        for p in records.list_profiles()
        if name_key(p.name) == name_key(wanted) and (not code or p.short_code == code.upper())
    ]
    if not found:
        raise KitError(_("There is no profile called {name}.").format(name=name))
    if len(found) > 1:
        raise KitError(
            _(
                "Several profiles are called {name}; add the code that kit profiles list "
                "shows, e.g. {name}#{code}."
            ).format(name=wanted, code=found[0].short_code)
        )
    return found[0]


def cmd_profiles_role(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError

    records = _open(args)
    if records is None:
        return no_records()
    with records:
        target = find_profile(records, args.name)
        by = find_profile(records, args.by) if args.by else None
        if args.role == "facilitator" and not target.has_pin:
            raise KitError(_("A facilitator needs a PIN; give the profile one first."))
        asker = by or target
        pin = read_secret(_("PIN of {name}: ").format(name=asker.name))
        changed = records.set_role(target.id, args.role, by=by.id if by else None, pin=pin)
    if changed.is_facilitator:
        print(_("{name} is now a facilitator.").format(name=changed.name))
    else:
        print(_("{name} is now a learner.").format(name=changed.name))
    return 0


def cmd_profiles_reset_pin(args: argparse.Namespace) -> int:
    records = _open(args)
    if records is None:
        return no_records()
    with records:
        target = find_profile(records, args.name)
        by = find_profile(records, args.by)
        pin = read_secret(_("PIN of {name}: ").format(name=by.name))
        records.facilitator((by.id, pin))  # a wrong PIN stops here, before the new one
        new_pin = read_secret(
            _("New PIN for {name} (leave empty to remove it): ").format(name=target.name)
        )
        changed = records.reset_pin(target.id, new_pin or None, by=by.id, pin=pin)
    if changed.has_pin:
        print(_("The PIN of {name} was changed.").format(name=changed.name))
    else:
        print(_("{name} has no PIN now.").format(name=changed.name))
    return 0


def no_records() -> int:
    from kit.core.errors import KitError

    raise KitError(_("There are no learner records on this computer yet."))


def cmd_backup(args: argparse.Namespace) -> int:
    records = _open(args)
    if records is None:
        return no_records()
    with records:
        made = records.backup()
    print(_("Backed up the learner records to {path}.").format(path=made.path))
    return 0


def cmd_backups(args: argparse.Namespace) -> int:
    from kit.core.paths import resolve_data_dir
    from kit.core.records.backups import list_backups

    found = list_backups(resolve_data_dir(args.data_dir).backups)
    if not found:
        print(_("No backups yet."))
        return 0
    for backup in found:
        print(
            f"{format_datetime(backup.created)}  {backup.reason:<15} "
            f"{format_size(backup.size):>9}  {backup.path}"
        )
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError

    with _open(args, create=True) as records:
        by, pin = None, None
        if not records.may_self_appoint():
            if not args.by:
                raise KitError(_("Only a facilitator can restore a backup; add --by NAME."))
            by = find_profile(records, args.by)
            pin = read_secret(_("PIN of {name}: ").format(name=by.name))
            records.facilitator((by.id, pin))  # refused before anything is read
        print(records.restore_loss(args.source).sentence())
        result = records.restore(args.source, by=by.id if by else None, pin=pin)
    print(_("Restored the learner records from {path}.").format(path=result.restored))
    if result.previous:
        print(_("The records as they were are kept in {path}.").format(path=result.previous.path))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError

    records = _open(args)
    if records is None:
        return no_records()
    with records:
        problems = records.check()
        count = 0 if problems else len(records.list_profiles())
    if problems:
        raise KitError(
            ngettext(
                "The learner records have a problem: {first}.",
                "The learner records have {n} problems, the first: {first}.",
                len(problems),
            ).format(n=len(problems), first=problems[0])
        )
    print(
        ngettext(
            "The learner records are sound ({n} profile).",
            "The learner records are sound ({n} profiles).",
            count,
        ).format(n=count)
    )
    return 0
