"""`kit pack ...`: commands for trainers who write packs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kit.cli.output import print_json
from kit.core import itemtypes
from kit.core.errors import KitError
from kit.i18n import _, format_size, ngettext


def register(sub: argparse._SubParsersAction) -> None:
    pack = sub.add_parser("pack", help=_("write, check, build and inspect content packs"))
    psub = pack.add_subparsers(dest="pack_command", metavar=_("COMMAND"), required=True)

    p = psub.add_parser(
        "new",
        help=_("create an example pack source to start from"),
        description=_(
            "Create a complete example pack source in DIR. Example: kit pack new my-pack"
        ),
    )
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--id", help=_("the new pack's id (default: my-first-pack)"))
    p.set_defaults(func=cmd_new)

    p = psub.add_parser(
        "validate",
        help=_("check a pack source and list every problem"),
        description=_("Check a pack source; each problem is printed as file:line: message."),
    )
    p.add_argument("src", metavar="SRC")
    p.set_defaults(func=cmd_validate)

    p = psub.add_parser(
        "build",
        help=_("build a pack source into one .kitpack file"),
        description=_(
            "Validate SRC and build ID-VERSION.kitpack. Example: kit pack build my-pack -o dist/"
        ),
    )
    p.add_argument("src", metavar="SRC")
    p.add_argument(
        "-o", "--output", metavar="FILE", help=_("output file or folder (default: current folder)")
    )
    p.add_argument("--sign", metavar="KEYFILE", help=_("sign the pack with this private key"))
    p.set_defaults(func=cmd_build)

    p = psub.add_parser("inspect", help=_("show what a built pack holds without installing it"))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_inspect)

    from kit.cli import pack_translate

    pack_translate.register(psub)


def cmd_new(args: argparse.Namespace) -> int:
    from kit.core.packformat.fields import ID_RE
    from kit.core.packformat.scaffold import new_pack_source

    if args.id and not ID_RE.match(args.id):
        raise KitError(
            _(
                "'{id}' is not a valid pack id; use lowercase letters, digits, '.', '_' or '-'."
            ).format(id=args.id)
        )
    target = new_pack_source(Path(args.dir), args.id)
    print(
        _("Created an example pack source in {dir}. Check it with: kit pack validate {dir}").format(
            dir=target
        )
    )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kit.core.packformat.source import load_source

    loaded = load_source(Path(args.src))
    for problem in loaded.report.warnings + loaded.report.errors:
        print(str(problem), file=sys.stderr if not problem.warning else sys.stdout)
    errors = len(loaded.report.errors)
    if errors:
        print(
            ngettext("{n} problem found.", "{n} problems found.", errors).format(n=errors),
            file=sys.stderr,
        )
        return 1
    items = sum(len(m["items"]) for m in loaded.content["modules"])
    modules = len(loaded.content["modules"])
    print(
        _("{src} is a valid pack: {modules}, {items}.").format(
            src=args.src,
            modules=ngettext("{n} module", "{n} modules", modules).format(n=modules),
            items=ngettext("{n} item", "{n} items", items).format(n=items),
        )
    )
    return 0


def _key_path(value: str, args: argparse.Namespace) -> Path:
    from kit.cli.keys import key_file

    return key_file(value, args)


def cmd_build(args: argparse.Namespace) -> int:
    from kit.core.authoring.publishing import buildable
    from kit.core.packformat.build import build_pack

    key = _key_path(args.sign, args) if args.sign else None
    loaded = buildable(Path(args.src), lambda problem: print(problem, file=sys.stderr))
    out = build_pack(loaded, args.output, sign_key=key)
    print(_("Built {file} ({size}).").format(file=out, size=format_size(out.stat().st_size)))
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:

    from kit.core.packformat.manifest import read_manifest, verify_contents

    manifest = read_manifest(Path(args.file))
    verify_contents(Path(args.file), manifest)
    pack, sig = manifest.pack, manifest.signature
    if args.json:
        out = {
            **manifest.data,
            "signature": sig.__dict__,
            "file_size": Path(args.file).stat().st_size,
        }
        print_json(out)
        return 0
    signature = _("signed by key {key}").format(key=sig.key_id) if sig.signed else _("not signed")
    counts = manifest.data.get("counts")
    counts = counts if isinstance(counts, dict) else {}  # written by the pack's maker
    lines = [
        f"{pack['title']} ({pack['id']} {pack['version']})",
        pack.get("description", ""),
        _("Languages: {langs}").format(langs=", ".join(pack.get("languages", []))),
        _("Licence: {licence}").format(licence=pack.get("license", "")),
        _("Authors: {names}").format(
            names=", ".join(a.get("name", "") for a in pack.get("authors", []))
        ),
        _("Attribution: {text}").format(text=pack.get("attribution", "")),
        _("Modules: {n}").format(n=counts.get("modules", "?")),
        _("Items: {summary}").format(summary=_item_counts(counts)),
        _("Files: {n}, {size} unpacked").format(
            n=len(manifest.files), size=format_size(manifest.total_size)
        ),
        _("Needs Training Kit {version} or newer").format(
            version=pack.get("min_app_version", "0.1.0")
        ),
        _("Signature: {status}").format(status=signature),
    ]
    print("\n".join(line for line in lines if line))
    return 0


def _item_counts(counts: dict[str, int]) -> str:
    parts = [
        kind.count_text(n)
        for name, kind in itemtypes.TYPES.items()
        if isinstance(n := counts.get(name), int) and not isinstance(n, bool) and n > 0
    ]
    return ", ".join(parts) or _("none")
