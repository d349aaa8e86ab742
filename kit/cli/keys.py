"""`kit keys ...`: signing keys for publishers."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.i18n import _


def register(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help=_("make signing keys and manage trusted publishers"))
    ksub = keys.add_subparsers(dest="keys_command", metavar=_("COMMAND"), required=True)
    p = ksub.add_parser(
        "new",
        help=_("make a new signing key pair"),
        description=_(
            "Make an Ed25519 key pair NAME.key (private, readable only by you) and NAME.pub."
        ),
    )
    p.add_argument("name", metavar="NAME")
    p.add_argument(
        "--out",
        metavar="DIR",
        help=_("folder for the key files (default: the data folder's keys/)"),
    )
    p.set_defaults(func=cmd_new)


def cmd_new(args: argparse.Namespace) -> int:
    from kit.core.paths import resolve_data_dir
    from kit.core.signing import key_id, new_key

    folder = Path(args.out) if args.out else resolve_data_dir(args.data_dir).keys
    path, public = new_key(folder, args.name)
    print(_("Private key written to {path}; keep it secret.").format(path=path))
    print(
        _("Public key (id {id}), give this to people who will trust your packs:").format(
            id=key_id(public)
        )
    )
    print(public)
    return 0
