"""`kit profiles ...` and `kit records ...`: learner profiles, backups and checks."""

from __future__ import annotations

import argparse

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
    p.set_defaults(func=cmd_restore)
    p = rsub.add_parser(
        "check",
        help=_("check the learner records for damage"),
        description=_("Run SQLite's integrity and foreign-key checks on records.db."),
    )
    p.set_defaults(func=cmd_check)


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
        print(
            _("{name}  ({pin}, language {lang}, created {created})").format(
                name=prof.name, pin=pin, lang=prof.language, created=format_datetime(prof.created)
            )
        )
    return 0


def _no_records() -> int:
    from kit.core.errors import KitError

    raise KitError(_("There are no learner records on this computer yet."))


def cmd_backup(args: argparse.Namespace) -> int:
    records = _open(args)
    if records is None:
        return _no_records()
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
    with _open(args, create=True) as records:
        print(records.restore_loss(args.source).sentence())
        result = records.restore(args.source)
    print(_("Restored the learner records from {path}.").format(path=result.restored))
    if result.previous:
        print(_("The records as they were are kept in {path}.").format(path=result.previous.path))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError

    records = _open(args)
    if records is None:
        return _no_records()
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
