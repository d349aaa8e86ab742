"""`kit workshop ...`: plan workshops, keep the register and check-ins (kit.core.workshops)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kit.cli import (
    workshop_agenda,
    workshop_packplans,
    workshop_prepost,
    workshop_report,
)
from kit.cli.output import print_json
from kit.i18n import _, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    shop = sub.add_parser("workshop", help=_("plan workshops and keep their attendance"))
    wsub = shop.add_subparsers(dest="workshop_command", metavar=_("COMMAND"), required=True)
    p = wsub.add_parser(
        "new",
        help=_("create a workshop"),
        description=_(
            "Create a workshop with the default day template (start, morning break, lunch, "
            "afternoon break, wrap-up) for each day. Example: kit workshop new "
            '"Wiki editing" --starts 2026-03-14 --days 2 --place "City library"'
        ),
    )
    p.add_argument("title", metavar=_("TITLE"))
    p.add_argument("--starts", default="", metavar=_("DATE"), help=_("first day, YYYY-MM-DD"))
    p.add_argument("--ends", default="", metavar=_("DATE"), help=_("last day, YYYY-MM-DD"))
    p.add_argument("--place", default="", help=_("where it happens"))
    p.add_argument("--language", default="en", help=_("language of the workshop"))
    p.add_argument(
        "--facilitator", action="append", default=[], metavar=_("NAME"), help=_("repeatable")
    )
    p.add_argument("--description", default="")
    p.add_argument("--days", type=int, default=1, help=_("days of the template agenda"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_new)
    p = wsub.add_parser("list", help=_("list the workshops"))
    p.add_argument("--archived", action="store_true", help=_("include archived workshops"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_list)
    p = wsub.add_parser("show", help=_("show a workshop's agenda, totals and warnings"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_show)
    p = wsub.add_parser("import", help=_("import a workshop plan file (YAML)"))
    one = p.add_mutually_exclusive_group(required=True)
    one.add_argument("file", metavar=_("FILE"), nargs="?")
    one.add_argument(
        "--from-pack", metavar="PACK/NAME", help=_("adopt a ready plan an installed pack carries")
    )
    p.set_defaults(func=cmd_import)
    p = wsub.add_parser("export", help=_("write a workshop's plan file (YAML)"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("file", metavar=_("FILE"), nargs="?", help=_("default: standard output"))
    p.set_defaults(func=cmd_export)
    p = wsub.add_parser("archive", help=_("archive a workshop (or bring it back)"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--undo", action="store_true", help=_("bring it back from the archive"))
    p.set_defaults(func=cmd_archive)
    p = wsub.add_parser("duplicate", help=_("copy a workshop's plan to run it again"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--title", help=_("title of the copy"))
    p.set_defaults(func=cmd_duplicate)
    _register_attendance(wsub)
    workshop_packplans.register(wsub)
    workshop_agenda.register(wsub)
    workshop_prepost.register(wsub)
    workshop_report.register(wsub)


def _register_attendance(wsub: argparse._SubParsersAction) -> None:
    part = wsub.add_parser("participant", help=_("the participant register"))
    psub = part.add_subparsers(dest="participant_command", metavar=_("COMMAND"), required=True)
    p = psub.add_parser(
        "add",
        help=_("add a participant"),
        description=_(
            "Add a participant to a workshop's register. A contact is kept only with "
            "--consent. Example: kit workshop participant add 'Wiki editing' Ana "
            "--username AnaW --new-editor"
        ),
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("name", metavar=_("NAME"))
    p.add_argument("--username", default="", help=_("wiki username"))
    p.add_argument("--contact", default="", help=_("e-mail or phone (needs --consent)"))
    p.add_argument(
        "--consent", action="store_true", help=_("the participant agreed to be contacted")
    )
    p.add_argument("--notes", default="")
    p.add_argument("--profile", metavar=_("NAME"), help=_("link to this learner profile"))
    p.add_argument("--new-editor", action="store_true", help=_("the account was made at the event"))
    p.set_defaults(func=cmd_participant_add)
    p = wsub.add_parser(
        "checkin",
        help=_("check participants in to a session"),
        description=_(
            "Record that participants attended a session (its number in the agenda, its "
            "title or id). Example: kit workshop checkin 'Wiki editing' 1 Ana Bea"
        ),
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("session", metavar=_("SESSION"))
    p.add_argument("names", metavar=_("NAME"), nargs="+")
    p.set_defaults(func=cmd_checkin)
    p = wsub.add_parser("register", help=_("show or export the participant register"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--csv", metavar=_("FILE"), help=_("write the register as CSV"))
    p.add_argument(
        "--usernames",
        action="store_true",
        help=_("print the usernames of those who came, one a line, for an event page"),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_register)


@contextmanager
def _workshops(args: argparse.Namespace) -> Iterator[Any]:
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops

    with Records(resolve_data_dir(args.data_dir)) as records:
        yield Workshops(records.rdb)


def _content(args: argparse.Namespace) -> Any:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.workshops.content import LibraryContent

    return LibraryContent(Library(resolve_data_dir(args.data_dir)))


def _summary(shop: Any) -> dict[str, Any]:
    return {
        "id": shop.id,
        "title": shop.title,
        "starts": shop.starts,
        "ends": shop.ends,
        "place": shop.place,
        "archived": shop.archived,
        "sessions": len(shop.sessions),
    }


def cmd_new(args: argparse.Namespace) -> int:
    from kit.core.workshops import Workshop, WorkshopError, template_day

    if not 1 <= args.days <= 30:
        raise WorkshopError(_("A workshop has 1 to 30 days."))
    sessions = tuple(s for day in range(1, args.days + 1) for s in template_day(day))
    with _workshops(args) as shops:
        shop = shops.save(
            Workshop(
                title=args.title,
                starts=args.starts,
                ends=args.ends,
                place=args.place,
                language=args.language,
                facilitators=tuple(args.facilitator),
                description=args.description,
                sessions=sessions,
            )
        )
    if args.json:
        print_json(_summary(shop))
    else:
        print(_("Created the workshop {title} ({id}).").format(title=shop.title, id=shop.id))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with _workshops(args) as shops:
        found = shops.list_workshops(archived=args.archived)
    if args.json:
        print_json([_summary(s) for s in found])
        return 0
    if not found:
        print(_("No workshops yet."))
    for s in found:
        mark = _(" (archived)") if s.archived else ""
        print(f"{s.id[:8]}  {s.starts or '-':<10}  {s.title}{mark}")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from kit.core.workshops import plan

    with _workshops(args) as shops:
        shop = shops.find(args.workshop)
    if args.json:
        print_json(plan.shown_data(shop))
        return 0
    print(f"{shop.title}  ({shop.id})")
    for number, s in enumerate(shop.sessions, 1):
        print(
            _("{number}. Day {day} {start}-{end} {title}: {total} of {slot} minutes").format(
                number=number,
                day=s.day,
                start=s.start,
                end=s.end,
                title=s.title,
                total=s.total,
                slot=s.slot,
            )
        )
        for item in s.items:
            print(f"     - {item.label()} ({item.minutes})")
    for day, total in shop.day_totals().items():
        print(_("Day {day}: {total} minutes planned").format(day=day, total=total))
    for warning in shop.warnings():
        print(_("Warning: {warning}").format(warning=warning))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kit.core.workshops import WorkshopError, plan

    if args.from_pack is not None:
        return workshop_packplans.import_from_pack(args)
    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise WorkshopError(
            _("The plan {file} is not UTF-8 text.").format(file=args.file)
        ) from None
    imported = plan.load(text, _content(args))
    with _workshops(args) as shops:
        shop = shops.save(imported.workshop)
    for warning in imported.warnings:
        print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
    print(_("Imported the workshop {title} ({id}).").format(title=shop.title, id=shop.id))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kit.core.fsutil import write_atomic
    from kit.core.workshops import plan

    with _workshops(args) as shops:
        text = plan.dump(shops.find(args.workshop))
    if not args.file or args.file == "-":
        sys.stdout.write(text)
        return 0
    write_atomic(Path(args.file), text.encode("utf-8"))
    print(_("Wrote the plan to {file}.").format(file=args.file))
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    with _workshops(args) as shops:
        shop = shops.set_archived(shops.find(args.workshop).id, not args.undo)
    if shop.archived:
        print(_("Archived the workshop {title}.").format(title=shop.title))
    else:
        print(_("The workshop {title} is back from the archive.").format(title=shop.title))
    return 0


def cmd_duplicate(args: argparse.Namespace) -> int:
    with _workshops(args) as shops:
        copy = shops.duplicate(shops.find(args.workshop).id, args.title)
    print(_("Created the workshop {title} ({id}).").format(title=copy.title, id=copy.id))
    return 0


def cmd_participant_add(args: argparse.Namespace) -> int:
    from kit.cli.records import find_profile
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops

    with Records(resolve_data_dir(args.data_dir)) as records:
        shops = Workshops(records.rdb)
        shop = shops.find(args.workshop)
        profile_id = find_profile(records, args.profile).id if args.profile else None
        who = shops.add_participant(
            shop.id,
            args.name,
            wiki_username=args.username,
            contact=args.contact,
            consent=args.consent,
            notes=args.notes,
            profile_id=profile_id,
            new_editor=args.new_editor,
        )
    print(_("Added {name} to {title}.").format(name=who.name, title=shop.title))
    if args.contact and not args.consent:
        print(_("The contact was not kept: the participant did not consent (--consent)."))
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    with _workshops(args) as shops:
        shop = shops.find(args.workshop)
        session = shop.session(args.session)
        people = [shops.participant(shop.id, name) for name in args.names]
        new = shops.check_in(shop.id, session.id, [p.id for p in people])
        count = len({c.participant_id for c in shops.checkins(shop.id, session.id)})
    print(
        ngettext(
            "Checked in {new} participant; {count} in the session now.",
            "Checked in {new} participants; {count} in the session now.",
            new,
        ).format(new=new, count=count)
    )
    return 0


def cmd_register(args: argparse.Namespace) -> int:
    from kit.core.fsutil import write_atomic
    from kit.core.workshops.register import register_csv, usernames

    with _workshops(args) as shops:
        shop = shops.find(args.workshop)
        people = shops.participants(shop.id)
        checkins = shops.checkins(shop.id)
        if args.csv:
            write_atomic(Path(args.csv), register_csv(shops, shop).encode("utf-8"), private=True)
            print(_("Wrote the register to {file}.").format(file=args.csv))
        if args.usernames:
            for name in usernames(shops, shop):
                print(name)
    if args.json:
        print_json(
            {
                "participants": [asdict(p) for p in people],
                "checkins": [asdict(c) for c in checkins],
            }
        )
    elif not (args.csv or args.usernames):
        for p in people:
            sessions = sum(1 for c in checkins if c.participant_id == p.id)
            print(f"{p.name}  {p.wiki_username or '-'}  {sessions}")
    return 0
