"""The `kit` command: a thin layer over kit.core (and `kit` alone opens the app).

Exit codes: 0 success; 1 the input was refused or the work failed (one sentence on
stderr, no traceback); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
from collections.abc import Sequence

from kit import __version__
from kit.core.errors import KitError
from kit.i18n import _, available_languages, translate_argparse

# Each module has register(subparsers) and sets `func(args) -> int` on its parsers.
COMMAND_MODULES = [
    "kit.cli.pack",
    "kit.cli.keys",
    "kit.cli.records",
    "kit.cli.library",
    "kit.cli.catalog",
    "kit.cli.imports",
    "kit.cli.workshop",
    "kit.cli.survey",
]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(
            _("{prog}: error: {message}").format(prog=self.prog, message=message), file=sys.stderr
        )
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kit",
        description=_(
            "Training Kit: offline skills training. Run without a command to open the app."
        ),
    )
    _add_options(parser)
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--version",
        action="version",
        version=f"Training Kit {__version__}",
        help=_("show the version number and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help=_(
            "keep the library and records in DIR (default: KIT_DATA_DIR or the user data folder)"
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="FILE",
        help=_("open the main window, save a PNG of it to FILE and exit"),
    )
    parser.add_argument(
        "--portable",
        action="store_true",
        help=_(
            "keep the data beside the app, as on a USB stick (also KIT_PORTABLE=1 or a "
            "kit-portable.txt file beside the app)"
        ),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        help=_("interface language, one of: {languages}").format(
            languages=", ".join(available_languages())
        ),
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help=_("open this learner's profile at start (its PIN is still asked); also KIT_PROFILE"),
    )


class _NotJustOptions(Exception):
    pass


class _OptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise _NotJustOptions(message)


def _app_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when `kit` is run to open the app (no command), else None.

    Building the full parser imports every command module, a noticeable part of the
    app's start-up; the app needs only the top-level options. Anything else (a command,
    --help, a mistake) is left to the full parser, so its output stays the same.
    """
    parser = _OptionsParser(prog="kit", add_help=False)
    _add_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotJustOptions:
        return None
    if rest:
        return None
    args.command = None
    return args


def _begin_portable(args: argparse.Namespace):
    """In portable mode, check the stick's databases first; say on stderr what was repaired."""
    from kit.core.portable.location import is_portable

    if not is_portable():
        return None
    from kit.core.paths import resolve_data_dir
    from kit.core.portable.health import begin

    run = begin(resolve_data_dir(getattr(args, "data_dir", None)))
    for notice in run.notices:
        print(notice, file=sys.stderr)
    return run


def fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


_VALUED = ("--data-dir", "--screenshot", "--lang", "--profile")


def _global_part(argv: Sequence[str] | None) -> list[str]:
    """The options before the command: a command's own --lang (`pack translate extract
    --lang fr`) names a pack language, not the interface's."""
    args = list(sys.argv[1:] if argv is None else argv)
    for i, arg in enumerate(args):
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in _VALUED):
            return args[:i]
    return args


def _early_language(argv: Sequence[str] | None) -> None:
    """Apply --lang before the parser is built, so its help and errors are translated too."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--lang")
    try:
        known, _unknown = early.parse_known_args(_global_part(argv))
    except argparse.ArgumentError:
        return  # the real parser reports it
    if known.lang:
        from kit.i18n import set_language

        set_language(known.lang)


_APP_OPTIONS = {"--data-dir": "data_dir", "--screenshot": "screenshot", "--lang": "lang",
                "--profile": "profile"}  # fmt: skip


def _plain_app_args(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """`_app_args` for the usual ways of opening the app (`kit`, `kit --profile NAME`),
    read without building a parser (each costs a few milliseconds of every start).

    Only the options' full names are read here, as `--opt VALUE` or `--opt=VALUE`, and
    --portable; anything else (an abbreviation, a value that starts with "-", a command,
    --help, a mistake) gives None and is left to argparse, as before.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    found: dict[str, object] = dict.fromkeys(_APP_OPTIONS.values())
    found["portable"] = False
    i = 0
    while i < len(args):
        arg = args[i]
        name, equals, value = arg.partition("=")
        if arg == "--portable":
            found["portable"] = True
        elif equals and name in _APP_OPTIONS:
            found[_APP_OPTIONS[name]] = value
        elif arg in _APP_OPTIONS and i + 1 < len(args) and not args[i + 1].startswith("-"):
            i += 1
            found[_APP_OPTIONS[arg]] = args[i]
        else:
            return None
        i += 1
    return argparse.Namespace(**found, command=None)


def main(argv: Sequence[str] | None = None) -> int:
    args = _plain_app_args(argv)
    if args is not None:
        if args.lang:  # as _early_language does
            from kit.i18n import set_language

            set_language(args.lang)
    else:
        _early_language(argv)
        translate_argparse()
        args = _app_args(argv)
    if args is None:
        from kit.cli.output import escaping_output  # here: opening the app does not need it

        # Everything a command prints, its errors and argparse's too, is escaped.
        with escaping_output():
            args = build_parser().parse_args(argv)
            _portable_flag(args)
            if args.command is not None:
                return _run(args)
    _portable_flag(args)
    from kit.app.main import run_app

    return run_app(
        data_dir=args.data_dir, screenshot=args.screenshot, lang=args.lang, profile=args.profile
    )


def _portable_flag(args: argparse.Namespace) -> None:
    """--portable: the same as KIT_PORTABLE=1 (kit.core.portable.location reads it)."""
    if getattr(args, "portable", False):
        from kit.core.portable.location import ENV

        os.environ[ENV] = "1"


def _run(args: argparse.Namespace) -> int:
    try:
        run = _begin_portable(args)
        try:
            return int(args.func(args) or 0)
        finally:
            if run is not None:
                run.end()
    except KitError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail(_("Stopped."))
    except OSError as exc:
        if os.environ.get("KIT_DEBUG"):
            raise
        where = f" ({exc.filename})" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            return fail(
                _("The disk is full{where}; free some space and try again.").format(where=where)
            )
        reason = exc.strerror or str(exc)
        return fail(_("The work failed: {reason}{where}.").format(reason=reason, where=where))
