"""`kit records export|import|join|overview`: records carried between computers by file."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import _, ngettext


def add_commands(rsub: argparse._SubParsersAction) -> None:
    """Add the records-file commands to the `kit records` group."""
    p = rsub.add_parser(
        "export",
        help=_("write learners' records to one file, e.g. on a USB stick"),
        description=_(
            "Write the chosen learners' profiles (without PINs), their events, workshops, "
            "attendance and survey responses to one file with a checksum. Example: "
            "kit records export --profile Ana -o /media/usb/village.kitrecords"
        ),
    )
    p.add_argument(
        "--profile",
        action="append",
        metavar=_("ID|NAME"),
        help=_("only this learner (repeat for several; default: everyone)"),
    )
    p.add_argument("--since", metavar=_("DATE"), help=_("only records from this date on"))
    p.add_argument("-o", "--output", required=True, metavar=_("FILE"), help=_("the file to write"))
    p.set_defaults(func=cmd_export)
    p = rsub.add_parser(
        "import",
        help=_("merge records files into the records on this computer"),
        description=_(
            "Merge records files: records already here are kept once, new ones are added. "
            "A damaged file is refused and nothing changes."
        ),
    )
    p.add_argument("files", nargs="+", metavar=_("FILE"))
    p.set_defaults(func=cmd_import)
    p = rsub.add_parser(
        "join",
        help=_("join two profiles that are the same person"),
        description=_(
            "Record that OTHER is the same learner as KEEP: their progress is shown as "
            "one. Example: kit records join Ana#3F2A Ana#9B01"
        ),
    )
    p.add_argument("keep", metavar=_("KEEP"))
    p.add_argument("other", metavar=_("OTHER"))
    p.set_defaults(func=cmd_join)
    p = rsub.add_parser(
        "overview",
        help=_("show every learner's progress through every module"),
        description=_("Show learners x modules progress from all merged records."),
    )
    p.add_argument("--csv", metavar=_("FILE"), help=_("write the overview to a CSV file"))
    p.set_defaults(func=cmd_overview)


def _records(args: argparse.Namespace):
    from kit.cli.records import no_records
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records

    data = resolve_data_dir(args.data_dir)
    if not data.records_db.is_file():
        no_records()
    return Records(data)


def _profile_id(records, text: str) -> str:
    from kit.cli.records import find_profile

    if any(p.id == text for p in records.list_profiles()):
        return text
    return str(find_profile(records, text).id)


def cmd_export(args: argparse.Namespace) -> int:
    from kit.core.recordfiles import export_records, parse_since

    since = parse_since(args.since) if args.since else None
    with _records(args) as records:
        ids = [_profile_id(records, t) for t in args.profile] if args.profile else None
        counts = export_records(records.rdb, Path(args.output), profile_ids=ids, since=since)
    print(
        _("Wrote {profiles} and {events} to {file}.").format(
            profiles=ngettext("{n} profile", "{n} profiles", counts["profiles"]).format(
                n=counts["profiles"]
            ),
            events=ngettext("{n} event", "{n} events", counts["events"]).format(n=counts["events"]),
            file=args.output,
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from kit.core.paths import resolve_data_dir
    from kit.core.recordfiles import import_files
    from kit.core.records import Records

    with Records(resolve_data_dir(args.data_dir)) as records:
        result = import_files(records.rdb, [Path(f) for f in args.files])
    for table, added in result.added.items():
        present = result.present[table]
        if added or present:
            print(
                _("{table}: {added} added, {present} already present").format(
                    table=table, added=added, present=present
                )
            )
    print(
        ngettext(
            "Added {n} record; {present} were already present.",
            "Added {n} records; {present} were already present.",
            result.total_added,
        ).format(n=result.total_added, present=result.total_present)
    )
    return 0


def cmd_join(args: argparse.Namespace) -> int:
    from kit.core.recordfiles import join_profiles

    with _records(args) as records:
        keep = _profile_id(records, args.keep)
        other = _profile_id(records, args.other)
        join_profiles(records.rdb, keep, other)
        names = records.profile(keep).name, records.profile(other).name
    print(_("{other} is now shown as {keep}.").format(keep=names[0], other=names[1]))
    return 0


def cmd_overview(args: argparse.Namespace) -> int:
    from kit.core.library import Library
    from kit.core.recordfiles import overview, write_csv

    with _records(args) as records, Library(records.data_dir) as library:
        packs = [library.get_pack(p["id"]) for p in library.list_packs()]
        view = overview(records.rdb, [p for p in packs if p])
    if args.csv:
        write_csv(view, Path(args.csv), _("learner"), _("code"))
        print(_("Wrote the overview to {file}.").format(file=args.csv))
        return 0
    if not view.learners:
        print(_("No profiles yet."))
        return 0
    for row in view.learners:
        print(f"{row.name} #{row.code}")
        for column, cell in zip(view.modules, row.cells, strict=True):
            if cell.done:
                print(f"  {column.title}: {cell.done}/{cell.total}")
    return 0
