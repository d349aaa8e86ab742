"""`kit catalog`, `kit source`, `kit get`, `kit updates` and `kit library export`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kit.cli.output import print_json, write_raw
from kit.core.errors import KitError
from kit.i18n import N_, _, format_percent, format_size, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    cat = sub.add_parser("catalog", help=_("publish catalogs of packs and browse them"))
    csub = cat.add_subparsers(dest="catalog_command", metavar=_("COMMAND"), required=True)
    p = csub.add_parser(
        "build",
        help=_("write catalog.json for a folder of built packs"),
        description=_(
            "Describe every .kitpack in DIR in DIR/catalog.json, ready to serve from any web "
            "server or to copy to a USB stick. Example: kit catalog build dist/ --sign my-key"
        ),
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument(
        "--base-url",
        metavar="URL",
        help=_("absolute address of the packs (default: next to the catalog)"),
    )
    p.add_argument("--sign", metavar="KEYFILE", help=_("sign the catalog with this private key"))
    p.set_defaults(func=cmd_build)
    p = csub.add_parser("list", help=_("list the packs offered by all sources"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.add_argument("--offline", action="store_true", help=_("use the catalogs kept from last time"))
    p.set_defaults(func=cmd_list)

    src = sub.add_parser("source", help=_("add, list and remove places to get packs from"))
    ssub = src.add_subparsers(dest="source_command", metavar=_("COMMAND"), required=True)
    p = ssub.add_parser(
        "add",
        help=_("add a web address or a folder (a USB stick) that holds a catalog"),
        description=_(
            "Example: kit source add https://example.org/packs/ or kit source add /media/usb/packs"
        ),
    )
    p.add_argument("location", metavar="URL|FOLDER")
    p.set_defaults(func=cmd_source_add)
    p = ssub.add_parser("list", help=_("list sources"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_source_list)
    p = ssub.add_parser("remove", help=_("remove a source (installed packs stay)"))
    p.add_argument("location", metavar="URL|FOLDER|NUMBER")
    p.set_defaults(func=cmd_source_remove)

    p = sub.add_parser(
        "get",
        help=_("download and install packs from the sources"),
        description=_(
            "Download (resuming where a download stopped), check and install each pack. "
            "Without IDs, finish the downloads left unfinished. Example: kit get first-aid"
        ),
    )
    p.add_argument("ids", metavar="ID", nargs="*")
    p.set_defaults(func=cmd_get)
    p = sub.add_parser("updates", help=_("list updates to installed packs, or install them"))
    p.add_argument("--install", action="store_true", help=_("download and install every update"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_updates)
    _register_export(sub)


def _register_export(sub: argparse._SubParsersAction) -> None:
    lib = sub.choices.get("library")
    if lib is None:
        lib = sub.add_parser("library", help=_("install, find and remove content packs"))
        lib.add_subparsers(dest="library_command", metavar=_("COMMAND"), required=True)
    lsub = next(a for a in lib._actions if isinstance(a, argparse._SubParsersAction))
    p = lsub.add_parser(
        "export",
        help=_("write installed packs and a catalog to a folder (a USB stick)"),
        description=_(
            "Copy the packs to DIR and write DIR/catalog.json, so another computer can add "
            "DIR as a source. Example: kit library export first-aid --to /media/usb/packs"
        ),
    )
    p.add_argument("ids", metavar="ID", nargs="+")
    p.add_argument("--to", metavar="DIR", required=True, help=_("the folder to write to"))
    p.add_argument("--sign", metavar="KEYFILE", help=_("sign the catalog with this private key"))
    p.set_defaults(func=cmd_export)


def _packs(args: argparse.Namespace) -> Any:
    from kit.core.catalog.get import Packs
    from kit.core.paths import resolve_data_dir

    return Packs(resolve_data_dir(args.data_dir))


def _key(value: str | None, args: argparse.Namespace) -> Path | None:
    from kit.cli.keys import key_file

    return key_file(value, args) if value else None


def cmd_build(args: argparse.Namespace) -> int:
    from kit.core.catalog.catalog import build_catalog

    path, catalog = build_catalog(Path(args.dir), args.base_url, _key(args.sign, args))
    n = len(catalog.entries)
    packs = ngettext("{n} pack", "{n} packs", n).format(n=n)
    if catalog.signer:
        from kit.core.signing import key_id

        print(
            _("Wrote {path}: {packs}, catalog version {v}, signed by key {key}.").format(
                path=path, packs=packs, v=catalog.catalog_version, key=key_id(catalog.signer)
            )
        )
    else:
        print(
            _("Wrote {path}: {packs}, catalog version {v}, not signed.").format(
                path=path, packs=packs, v=catalog.catalog_version
            )
        )
    return 0


STATUS_TEXT = {
    "available": N_("not installed"),
    "installed": N_("installed"),
    "update": N_("update from {installed}"),
    "older": N_("newer {installed} installed"),
    "needs-newer-app": N_("needs Training Kit {app}"),
}


def _status(offer: Any) -> str:
    text = _(STATUS_TEXT[offer.status])
    return text.format(installed=offer.installed, app=offer.entry.min_app_version)


def _report_sources(reports: list[Any]) -> None:
    for r in reports:
        if r.error:
            note = _(" (showing the copy kept from last time)") if r.cached else ""
            print(_("Warning: {error}{note}").format(error=r.error, note=note), file=sys.stderr)


def cmd_list(args: argparse.Namespace) -> int:
    packs = _packs(args)
    try:
        reports = packs.refresh(online=not args.offline)
        offers = packs.offers(reports)
    finally:
        packs.close()
    if args.json:
        sources = [
            {
                "location": r.source.location,
                "catalog_version": r.catalog.catalog_version if r.catalog else None,
                "verified": r.verified,
                "cached": r.cached,
                "error": r.error,
            }
            for r in reports
        ]
        print_json({"sources": sources, "packs": [o.to_json() for o in offers]})
        return 0
    _report_sources(reports)
    if not reports:
        print(_("There are no sources yet; add one with: kit source add URL|FOLDER"))
        return 0
    if not offers:
        print(_("The sources offer no packs."))
    for o in offers:
        e = o.entry
        check = _("verified") if o.verified else _("unverified")
        print(
            f"{e.id}  {e.version}  {e.title}  ({format_size(e.size)}, {', '.join(e.languages)}, {_status(o)}, {check})"
        )
    return 0


def cmd_source_add(args: argparse.Namespace) -> int:
    from kit.core.catalog.sources import fetch_catalog

    packs = _packs(args)
    try:
        source = packs.sources.add(args.location)
        try:
            catalog = fetch_catalog(source)
            packs.sources.accept(source, catalog, packs.trusted())
        except KitError:
            packs.sources.remove(source.location)
            raise
    finally:
        packs.close()
    n = len(catalog.entries)
    print(
        _("Added {where}: {packs}.").format(
            where=source.location, packs=ngettext("{n} pack", "{n} packs", n).format(n=n)
        )
    )
    return 0


def cmd_source_list(args: argparse.Namespace) -> int:
    from kit.core.catalog.sources import SourceStore, describe
    from kit.core.paths import resolve_data_dir

    sources = SourceStore(resolve_data_dir(args.data_dir)).list()
    if args.json:
        print_json([describe(s) for s in sources])
        return 0
    if not sources:
        print(_("There are no sources yet; add one with: kit source add URL|FOLDER"))
    for n, s in enumerate(sources, start=1):
        seen = (
            _("catalog version {v}").format(v=s.catalog_version)
            if s.catalog_version
            else _("not read yet")
        )
        print(f"{n}. {s.location}  ({seen})")
    return 0


def cmd_source_remove(args: argparse.Namespace) -> int:
    from kit.core.catalog.sources import SourceStore
    from kit.core.paths import resolve_data_dir

    source = SourceStore(resolve_data_dir(args.data_dir)).remove(args.location)
    print(_("Removed the source {where}; installed packs stay.").format(where=source.location))
    return 0


def _progress_printer() -> Any:
    if not sys.stderr.isatty():
        return None

    def show(p: Any) -> None:
        if p.phase != "download":
            doing = _("checking…") if p.phase == "check" else _("installing…")
            line = _("{id}: {doing}").format(id=p.pack_id, doing=doing)
            write_raw("\r")
            print(line + " " * 30, end="", file=sys.stderr, flush=True)
            return
        fraction = int(p.done * 100 / p.total) / 100 if p.total else 0
        eta = f"{int(p.eta) // 60}:{int(p.eta) % 60:02d}" if p.eta is not None else "?"
        line = _("{id}: {percent} of {size}, {speed}/s, {eta} left").format(
            id=p.pack_id,
            percent=format_percent(fraction),
            size=format_size(p.total or 0),
            speed=format_size(int(p.speed)),
            eta=eta,
        )
        write_raw("\r")
        print(line + "   ", end="", file=sys.stderr, flush=True)

    return show


def _run_jobs(jobs: list[Any]) -> int:
    failed = 0
    for job in jobs:
        try:
            result = job.run()
        except KitError as exc:
            if job.progress:
                print(file=sys.stderr)
            print(str(exc), file=sys.stderr)
            failed += 1
            continue
        if job.progress:
            print(file=sys.stderr)
        who = (
            _("published by {name}").format(name=result.publisher)
            if result.verified
            else _("unverified publisher")
        )
        print(
            _("Installed {id} {version} ({who}).").format(
                id=result.pack_id, version=result.version, who=who
            )
        )
    return 1 if failed else 0


def cmd_get(args: argparse.Namespace) -> int:
    packs = _packs(args)
    try:
        if not args.ids:
            jobs = packs.pending(_progress_printer())
            if not jobs:
                print(
                    _(
                        "There are no unfinished downloads; name the packs to get, e.g. kit get first-aid"
                    )
                )
            return _run_jobs(jobs)
        jobs = []
        for offer in packs.find(args.ids):
            if offer.status in ("installed", "older"):
                print(
                    _("{id} {version} is already installed.").format(
                        id=offer.entry.id, version=offer.installed
                    )
                )
                continue
            jobs.append(packs.job(offer, _progress_printer()))
        return _run_jobs(jobs)
    finally:
        packs.close()


def cmd_updates(args: argparse.Namespace) -> int:
    packs = _packs(args)
    try:
        reports = packs.refresh()
        updates = packs.updates(packs.offers(reports))
        if args.json:
            print_json([o.to_json() for o in updates])
        else:
            _report_sources(reports)
            if not updates:
                print(_("Every installed pack is up to date."))
            for o in updates:
                print(
                    _("{id}: {old} → {new} ({size})").format(
                        id=o.entry.id,
                        old=o.installed,
                        new=o.entry.version,
                        size=format_size(o.entry.size),
                    )
                )
        if not args.install:
            return 0
        return _run_jobs([packs.job(o, _progress_printer()) for o in updates])
    finally:
        packs.close()


def cmd_export(args: argparse.Namespace) -> int:
    from kit.core.catalog.export import export_packs
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    with Library(data_dir) as lib:
        result = export_packs(data_dir, lib, args.ids, Path(args.to), _key(args.sign, args))
    n = len(result.files)
    print(
        _("Exported {packs} to {dir}; on another computer run: kit source add {dir}").format(
            packs=ngettext("{n} pack", "{n} packs", n).format(n=n), dir=Path(args.to).resolve()
        )
    )
    return 0
