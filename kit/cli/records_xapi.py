"""`kit records lrs|push|outbox`: send learner records to a Learning Record Store (xAPI)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.i18n import _, format_datetime, ngettext


def register(rsub: argparse._SubParsersAction) -> None:
    p = rsub.add_parser(
        "lrs",
        help=_("set the Learning Record Store that records are sent to"),
        description=_(
            "Set the Learning Record Store (xAPI) that `kit records push` sends to; without "
            "an address, show the one set. The password is read from a file (- for "
            "standard input) and never printed. Example: kit records lrs "
            "https://lrs.example.org/xAPI/ --user kit --password-file lrs.secret"
        ),
    )
    p.add_argument("url", nargs="?", metavar=_("URL"))
    p.add_argument("--user", metavar=_("USER"), help=_("the LRS user name"))
    p.add_argument(
        "--password-file", metavar=_("FILE"), help=_("a file holding the password (- for stdin)")
    )
    p.add_argument(
        "--home-page",
        metavar=_("URL"),
        default="",
        help=_("the organisation's home page that names learners' accounts"),
    )
    p.set_defaults(func=cmd_lrs)
    p = rsub.add_parser(
        "push",
        help=_("send waiting records to the Learning Record Store"),
        description=_(
            "Send every record not yet delivered to the Learning Record Store as xAPI "
            "statements, in batches; what could not be sent waits for the next push."
        ),
    )
    p.add_argument("--batch", type=int, default=200, metavar="N", help=_("statements per request"))
    p.set_defaults(func=cmd_push)
    p = rsub.add_parser(
        "outbox",
        help=_("show what waits to go to the Learning Record Store"),
        description=_("Count the statements not yet delivered and show the last push."),
    )
    p.set_defaults(func=cmd_outbox)


def _data(args: argparse.Namespace):
    from kit.core.paths import resolve_data_dir

    return resolve_data_dir(args.data_dir)


def _read_password(name: str) -> str:
    from kit.core.errors import KitError

    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KitError(_("Could not read the password file {name}.").format(name=name)) from exc
    return text.strip("\r\n")


def cmd_lrs(args: argparse.Namespace) -> int:
    from kit.core.xapi import LrsConfig

    data = _data(args)
    config = LrsConfig.load(data)
    if args.url is None:
        if not config.configured:
            print(_("No Learning Record Store is set."))
            return 0
        print(_("Address: {url}").format(url=config.endpoint))
        print(_("User: {user}").format(user=config.user or "-"))
        print(_("Home page: {url}").format(url=config.home_page or "-"))
        return 0
    config.endpoint = args.url
    if args.user is not None:
        config.user = args.user
    if args.password_file is not None:
        config.password = _read_password(args.password_file)
    if args.home_page:
        config.home_page = args.home_page
    config.save(data)
    print(_("Records will be sent to {url}.").format(url=config.endpoint))
    return 0


def _outbox(args: argparse.Namespace):
    from kit.core.errors import KitError
    from kit.core.records import Records
    from kit.core.xapi import LrsConfig, Outbox

    data = _data(args)
    config = LrsConfig.load(data)
    if not config.configured:
        raise KitError(
            _("No Learning Record Store is set; set one with: kit records lrs URL --user USER")
        )
    if not data.records_db.is_file():
        raise KitError(_("There are no learner records on this computer yet."))
    records = Records(data)
    home = config.home_page_for(records.device_id)
    return records, config, Outbox(records.rdb, config.endpoint, home)


def cmd_outbox(args: argparse.Namespace) -> int:
    records, config, outbox = _outbox(args)
    try:
        waiting = outbox.waiting()
        last = outbox.last_attempt()
        print(
            ngettext(
                "{n} statement waits for {url}", "{n} statements wait for {url}", waiting.total
            ).format(n=waiting.total, url=config.endpoint)
        )
        print(
            _("  {events} learner events, {checkins} workshop check-ins").format(
                events=waiting.events, checkins=waiting.checkins
            )
        )
        print(_("  {n} delivered so far").format(n=outbox.delivered_count()))
        if last is not None:
            from kit.core.records.timeutil import parse_utc

            when = format_datetime(parse_utc(last.at))
            if last.error:
                print(_("Last push {when} failed: {error}").format(when=when, error=last.error))
            else:
                print(_("Last push {when}: {n} sent").format(when=when, n=last.sent))
    finally:
        records.close()
    return 0


def cmd_push(args: argparse.Namespace) -> int:
    from kit.core.errors import KitError
    from kit.core.xapi import push

    if not 1 <= args.batch <= 2000:
        raise KitError(_("A batch must hold 1 to 2,000 statements."))
    records, config, outbox = _outbox(args)
    try:
        result = push(outbox, config, batch_size=args.batch)
    finally:
        records.close()
    print(
        ngettext("{n} statement sent", "{n} statements sent", result.sent).format(n=result.sent)
        + "; "
        + ngettext("{n} waits", "{n} wait", result.waiting).format(n=result.waiting)
    )
    if result.error:
        raise KitError(result.error)
    return 0
