"""`kit workshop plans` and `kit workshop import --from-pack PACK/NAME`: the ready plans
installed packs carry (kit.core.workshops.packplans). Registered from kit.cli.workshop."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict

from kit.cli.output import print_json
from kit.i18n import _, format_number, ngettext


def register(wsub: argparse._SubParsersAction) -> None:
    p = wsub.add_parser(
        "plans",
        help=_("list the ready workshop plans the installed packs carry"),
        description=_(
            "List the ready plans of the installed packs; adopt one with "
            "'kit workshop import --from-pack PACK/NAME'."
        ),
    )
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_plans)


def cmd_plans(args: argparse.Namespace) -> int:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.workshops.packplans import pack_plans

    with Library(resolve_data_dir(args.data_dir)) as library:
        found = pack_plans(library)
    if args.json:
        print_json([{"ref": p.ref, **asdict(p)} for p in found])
        return 0
    if not found:
        print(_("The installed packs carry no workshop plans."))
    for p in found:
        days = ngettext("{n} day", "{n} days", p.days).format(n=format_number(p.days))
        minutes = ngettext("{n} minute", "{n} minutes", p.minutes).format(
            n=format_number(p.minutes)
        )
        # Translators: e.g. "carpentries-lc-wikidata/schedule  Wikidata (1 day, 180 minutes)"
        print(
            _("{ref}  {title} ({days}, {minutes})").format(
                ref=p.ref, title=p.title, days=days, minutes=minutes
            )
        )
    return 0


def import_from_pack(args: argparse.Namespace) -> int:
    """The body of `kit workshop import --from-pack PACK/NAME`."""
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops
    from kit.core.workshops.packplans import load_pack_plan, split_ref

    pack_id, name = split_ref(args.from_pack)
    data_dir = resolve_data_dir(args.data_dir)
    with Library(data_dir) as library:
        imported = load_pack_plan(library, pack_id, name)
    with Records(data_dir) as records:
        shop = Workshops(records.rdb).save(imported.workshop)
    for warning in imported.warnings:
        print(_("Warning: {warning}").format(warning=warning), file=sys.stderr)
    print(_("Imported the workshop {title} ({id}).").format(title=shop.title, id=shop.id))
    return 0
