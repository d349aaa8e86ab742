"""`kit keys ...`: signing keys for publishers."""

from __future__ import annotations

import argparse
from pathlib import Path

from kit.cli.output import print_json
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
        help=_("folder for the key files (default: the current folder)"),
    )
    p.set_defaults(func=cmd_new)

    p = ksub.add_parser(
        "trust",
        help=_("trust a publisher's public key"),
        description=_(
            "Packs signed with this key install as verified, showing NAME as publisher. "
            "PUBKEY is the public key text or a .pub file. Example: kit keys trust ngo.pub "
            "--name 'Health NGO'"
        ),
    )
    p.add_argument("public_key", metavar="PUBKEY")
    p.add_argument("--name", required=True, help=_("the publisher's name, shown with its packs"))
    p.set_defaults(func=cmd_trust)

    p = ksub.add_parser("list", help=_("list trusted publishers' keys"))
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_list)

    p = ksub.add_parser(
        "untrust",
        help=_("stop trusting a publisher's key"),
        description=_("KEY is a key id or publisher name from 'kit keys list'."),
    )
    p.add_argument("key", metavar="KEY")
    p.set_defaults(func=cmd_untrust)


def cmd_new(args: argparse.Namespace) -> int:
    from kit.core.signing import key_id, new_key

    # A trainer's key belongs with the trainer's work, not in the learners' data folder.
    folder = Path(args.out) if args.out else Path.cwd()
    path, public = new_key(folder, args.name)
    pub = path.with_suffix(".pub")
    print(
        _("Private key written to {path} (readable only by you); keep it secret.").format(
            path=path.resolve()
        )
    )
    print(
        _("Public key written to {path}; give it to people who will trust your packs.").format(
            path=pub.resolve()
        )
    )
    print(_("Key id {id}: {key}").format(id=key_id(public), key=public))
    return 0


def key_file(value: str, args: argparse.Namespace) -> Path:
    """The private key file `--sign VALUE` means: a path, NAME.key here, or (keys made
    by older versions) NAME.key in the data folder's keys/."""
    from kit.core.paths import resolve_data_dir
    from kit.core.signing import resolve_key_file

    return resolve_key_file(value, Path.cwd(), resolve_data_dir(args.data_dir).keys)


def _library(args: argparse.Namespace):  # -> kit.core.library.Library
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir

    return Library(resolve_data_dir(args.data_dir))


def _public_key_text(value: str) -> str:
    path = Path(value)
    if value.endswith(".pub") or (len(value) != 44 and path.is_file()):
        try:
            return path.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            from kit.core.errors import KitError

            raise KitError(
                _("Cannot read the public key file {path}.").format(path=value)
            ) from None
    return value


def cmd_trust(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        kid = lib.trust_key(_public_key_text(args.public_key), args.name)
    print(_("Trusted key {id} as '{name}'.").format(id=kid, name=args.name))
    return 0


def cmd_list(args: argparse.Namespace) -> int:

    with _library(args) as lib:
        keys = lib.trusted_keys()
    if args.json:
        print_json(keys)
    elif not keys:
        print(_("No publisher keys are trusted. Trust one with: kit keys trust PUBKEY --name NAME"))
    for key in [] if args.json else keys:
        print(f"{key['key_id']}  {key['name']}  {key['public_key']}")
    return 0


def cmd_untrust(args: argparse.Namespace) -> int:
    with _library(args) as lib:
        name = lib.untrust_key(args.key)
    print(_("'{name}' is no longer trusted.").format(name=name))
    return 0
