"""`kit library ...`: install, list, show, search, verify and remove content packs."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from kit.cli.output import print_json, write_raw
from kit.core.errors import KitError
from kit.i18n import _, format_size, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    lib = sub.add_parser("library", help=_("install, find and remove content packs"))
    lsub = lib.add_subparsers(dest="library_command", metavar=_("COMMAND"), required=True)

    p = lsub.add_parser(
        "install",
        help=_("install or update packs from .kitpack files"),
        description=_(
            "Install each FILE; a newer version updates the pack in place and learners keep "
            "their progress. Example: kit library install first-aid-1.0.0.kitpack"
        ),
    )
    p.add_argument("files", metavar="FILE", nargs="+")
    p.add_argument(
        "--allow-downgrade",
        action="store_true",
        help=_("install an older version over a newer one"),
    )
    p.set_defaults(func=cmd_install)

    p = lsub.add_parser("list", help=_("list installed packs"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_list)

    p = lsub.add_parser(
        "show",
        help=_("show one installed pack, its modules and items"),
        description=_("Show an installed pack. Example: kit library show my-first-pack"),
    )
    p.add_argument("pack_id", metavar="ID")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_show)

    p = lsub.add_parser(
        "remove",
        help=_("remove an installed pack (learners' records are kept)"),
        description=_(
            "Remove a pack's content and media; progress is kept and comes back if the pack "
            "is installed again."
        ),
    )
    p.add_argument("pack_id", metavar="ID")
    p.set_defaults(func=cmd_remove)

    p = lsub.add_parser(
        "search",
        help=_("search the text of installed packs"),
        description=_(
            "Search titles, lessons, slides and questions. Example: kit library search burn"
        ),
    )
    p.add_argument("query", metavar="QUERY", nargs="+")
    p.add_argument("--limit", type=int, default=20, help=_("at most this many results"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_search)

    p = lsub.add_parser(
        "verify", help=_("check the library and every stored file against its hash")
    )
    p.set_defaults(func=cmd_verify)


def _open(args: argparse.Namespace) -> Any:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir

    return Library(resolve_data_dir(args.data_dir))


def _progress() -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None
    last = [-1]

    def show(done: int, total: int) -> None:
        percent = int(done * 100 / total) if total else 100
        if percent != last[0]:
            last[0] = percent
            write_raw(f"\r{percent:3d}%")

    return show


def _publisher(verified: bool, publisher: str) -> str:
    if verified:
        return _("published by {name}").format(name=publisher)
    return _("unverified publisher")


def cmd_install(args: argparse.Namespace) -> int:
    failed = 0
    with _open(args) as lib:
        for path in args.files:
            progress = _progress()
            try:
                result = lib.install(path, allow_downgrade=args.allow_downgrade, progress=progress)
            except KitError as exc:
                if progress:
                    write_raw("\r")
                if len(args.files) == 1:
                    raise
                print(str(exc), file=sys.stderr)
                failed += 1
                continue
            if progress:
                write_raw("\r")
            print(_install_message(result))
    if failed:
        raise KitError(
            ngettext("{n} pack was not installed.", "{n} packs were not installed.", failed).format(
                n=failed
            )
        )
    return 0


def _install_message(result: Any) -> str:
    who = _publisher(result.verified, result.publisher)
    if result.action == "unchanged":
        return _("{id} {version} is already installed; nothing to do.").format(
            id=result.pack_id, version=result.version
        )
    if result.action == "repaired":
        return _("Repaired {id} {version}: its damaged or missing files were restored.").format(
            id=result.pack_id, version=result.version
        )
    if result.action == "updated":
        return _("Updated {id} from {old} to {version} ({who}).").format(
            id=result.pack_id, old=result.previous_version, version=result.version, who=who
        )
    return _("Installed {id} {version} ({who}).").format(
        id=result.pack_id, version=result.version, who=who
    )


def cmd_list(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        packs = lib.list_packs()
    if args.json:
        print_json(packs)
        return 0
    if not packs:
        print(_("No packs are installed. Install one with: kit library install FILE"))
        return 0
    for pack in packs:
        items = ngettext("{n} item", "{n} items", pack["item_count"]).format(n=pack["item_count"])
        print(
            f"{pack['id']}  {pack['version']}  {pack['title']}  ({items}, "
            f"{format_size(pack['size'])}, {_publisher(pack['verified'], pack['publisher'])})"
        )
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        pack = lib.get_pack(args.pack_id)
    if pack is None:
        raise KitError(
            _("No pack '{id}' is installed; see 'kit library list'.").format(id=args.pack_id)
        )
    if args.json:
        print_json(pack)
        return 0
    print(f"{pack['title']} ({pack['id']} {pack['version']})")
    if pack.get("description"):
        print(pack["description"])
    who = pack["publisher"] if pack["verified"] else _("unverified publisher")
    print(_("Publisher: {who}").format(who=who))
    print(_("Licence: {licence}").format(licence=pack.get("license") or ""))
    for module in pack["modules"]:
        print(f"\n{module['title']} [{module['id']}]")
        for item in module["items"]:
            print(f"  - {item['title']} [{item['id']}, {item['type']}]")
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        lib.remove(args.pack_id)
    print(_("Removed {id}; learners' progress is kept.").format(id=args.pack_id))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        results = lib.search(" ".join(args.query), limit=max(1, args.limit))
    if args.json:
        print_json(results)
        return 0
    if not results:
        print(_("Nothing found."))
        return 0
    for r in results:
        print(f"{r['pack_id']}/{r['item_id']}  {r['title']}")
        print(f"    {r['snippet']}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    with _open(args) as lib:
        problems = lib.verify()
    for problem in problems:
        print(problem)
    if problems:
        raise KitError(
            ngettext(
                "The library has {n} problem; reinstall the packs named above.",
                "The library has {n} problems; reinstall the packs named above.",
                len(problems),
            ).format(n=len(problems))
        )
    print(_("The library is in good order."))
    return 0
