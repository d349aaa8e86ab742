"""`kit workshop agenda add|remove|move|day`: edit a workshop's agenda (kit.core.workshops.agenda).

Sessions are named as `kit workshop show` numbers them (or by title or id); items by
their number in the session (1 first) or their id.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from kit.cli.output import print_json
from kit.i18n import _


def register(wsub: argparse._SubParsersAction) -> None:
    agenda = wsub.add_parser("agenda", help=_("edit a workshop's agenda"))
    asub = agenda.add_subparsers(dest="agenda_command", metavar=_("COMMAND"), required=True)
    p = asub.add_parser(
        "add",
        help=_("add a pack item or module, or a custom item, to a session"),
        description=_(
            "Add an installed pack's item or module (PACK/ITEM or PACK/MODULE, minutes "
            "from the content) or a custom item (--kind break, discussion or hands-on, "
            "with --minutes). Examples: kit workshop agenda add 'Wiki editing' 1 "
            "getting-started/learning; kit workshop agenda add 'Wiki editing' 3 "
            "--kind discussion --minutes 20"
        ),
    )
    _workshop_session(p)
    p.add_argument("ref", metavar="PACK/ITEM", nargs="?", help=_("an installed item or module"))
    p.add_argument("--kind", help=_("a custom item: break, discussion or hands-on"))
    p.add_argument("--minutes", type=int, help=_("minutes of the custom item"))
    p.add_argument("--title", default="", help=_("title of the custom item"))
    p.add_argument("--at", type=int, metavar="N", help=_("put it at place N (1 first)"))
    p.set_defaults(func=cmd_add)
    p = asub.add_parser("remove", help=_("remove an item from a session"))
    _workshop_session(p)
    p.add_argument("item", metavar=_("ITEM"), help=_("its number in the session, or its id"))
    p.set_defaults(func=cmd_remove)
    p = asub.add_parser(
        "move",
        help=_("move an item within its session or to another"),
        description=_(
            "Move an item to another place or session. Example: kit workshop agenda move "
            "'Wiki editing' 1 2 3 --at 1 (item 2 of session 1 to the start of session 3)"
        ),
    )
    _workshop_session(p)
    p.add_argument("item", metavar=_("ITEM"), help=_("its number in the session, or its id"))
    p.add_argument("to", metavar=_("TO_SESSION"), help=_("the session it goes to"))
    p.add_argument("--at", type=int, metavar="N", help=_("place N there (default: the end)"))
    p.set_defaults(func=cmd_move)
    p = asub.add_parser("day", help=_("add a day from the default day template"))
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--json", action="store_true", help=_("print the agenda as JSON"))
    p.set_defaults(func=cmd_day)


def _workshop_session(p: argparse.ArgumentParser) -> None:
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("session", metavar=_("SESSION"))
    p.add_argument("--json", action="store_true", help=_("print the agenda as JSON"))


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    """(Workshops, Content) of the data folder."""
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops
    from kit.core.workshops.content import LibraryContent

    data = resolve_data_dir(args.data_dir)
    with Records(data) as records, Library(data) as library:
        yield Workshops(records.rdb), LibraryContent(library)


def _item_id(session: Any, ref: str) -> str:
    from kit.core.workshops import WorkshopError

    if ref.isdigit() and 1 <= int(ref) <= len(session.items):
        return str(session.items[int(ref) - 1].id)
    for item in session.items:
        if item.id == ref:
            return str(item.id)
    raise WorkshopError(
        _("The session {session} has no item {item}.").format(
            session=session.title or session.start, item=ref
        )
    )


def _place(at: int | None) -> int | None:
    from kit.core.workshops import WorkshopError

    if at is not None and at < 1:
        raise WorkshopError(_("Places count from 1."))
    return None if at is None else at - 1


def _done(args: argparse.Namespace, shop: Any, message: str) -> int:
    from kit.core.workshops import plan

    if args.json:
        print_json(plan.shown_data(shop))
        return 0
    print(message)
    for warning in shop.warnings():
        print(_("Warning: {warning}").format(warning=warning))
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    from kit.core.workshops import WorkshopError, agenda

    if bool(args.ref) == bool(args.kind):
        raise WorkshopError(_("Give either PACK/ITEM or --kind with --minutes."))
    if args.kind and args.minutes is None:
        raise WorkshopError(_("A custom item needs --minutes."))
    with _opened(args) as (shops, content):
        shop = shops.find(args.workshop)
        session = shop.session(args.session)
        if args.ref:
            item = agenda.pack_item(content, args.ref)
        else:
            item = agenda.custom_item(args.kind, args.minutes, args.title)
        shop = shops.save(agenda.add_item(shop, session.id, item, _place(args.at)))
    return _done(
        args,
        shop,
        _("Added {item} ({minutes} min) to {session}.").format(
            item=item.label(), minutes=item.minutes, session=session.title or session.start
        ),
    )


def cmd_remove(args: argparse.Namespace) -> int:
    from kit.core.workshops import agenda

    with _opened(args) as (shops, _content):
        shop = shops.find(args.workshop)
        session = shop.session(args.session)
        item_id = _item_id(session, args.item)
        label = next(i.label() for i in session.items if i.id == item_id)
        shop = shops.save(agenda.remove_item(shop, item_id))
    return _done(
        args,
        shop,
        _("Removed {item} from {session}.").format(
            item=label, session=session.title or session.start
        ),
    )


def cmd_move(args: argparse.Namespace) -> int:
    from kit.core.workshops import agenda

    with _opened(args) as (shops, _content):
        shop = shops.find(args.workshop)
        session = shop.session(args.session)
        item_id = _item_id(session, args.item)
        target = shop.session(args.to)
        place = _place(args.at)
        if place is None:
            place = len(target.items)
        elif target.id == session.id and place >= agenda.locate(shop, item_id)[1]:
            place += 1  # "place N" is where it ends up, counted after the move
        shop = shops.save(agenda.move_item(shop, item_id, target.id, place))
    label = next(i.label() for i in session.items if i.id == item_id)
    return _done(
        args,
        shop,
        _("Moved {item} to {session}.").format(item=label, session=target.title or target.start),
    )


def cmd_day(args: argparse.Namespace) -> int:
    from kit.core.workshops import agenda

    with _opened(args) as (shops, _content):
        shop = shops.save(agenda.add_day(shops.find(args.workshop)))
    day = max(s.day for s in shop.sessions)
    return _done(args, shop, _("Added day {day} from the day template.").format(day=day))
