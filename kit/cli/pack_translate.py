"""`kit pack translate ...`: translate a pack source with PO files (kit.core.packtranslate)."""

from __future__ import annotations

import argparse

from kit.cli.output import print_json
from kit.i18n import _, format_percent, ngettext


def register(psub: argparse._SubParsersAction) -> None:
    tr = psub.add_parser(
        "translate",
        help=_("translate a pack source with PO files"),
        description=_(
            "Translate a pack with the tools translators use: extract writes "
            "translations/LANG.po, update merges changed source text, status shows how much "
            "is translated, apply writes the translations into the pack source."
        ),
    )
    tsub = tr.add_subparsers(dest="translate_command", metavar=_("COMMAND"), required=True)

    p = tsub.add_parser(
        "extract",
        help=_("write a PO file with every text of the pack for one language"),
        description=_("Example: kit pack translate extract my-pack --lang fr"),
    )
    p.add_argument("src", metavar="SRC")
    p.add_argument("--lang", required=True, metavar="CODE", help=_("the language code, e.g. fr"))
    p.set_defaults(func=cmd_extract)

    p = tsub.add_parser("update", help=_("merge changed source text into the PO files"))
    p.add_argument("src", metavar="SRC")
    p.add_argument("--lang", action="append", metavar="CODE", help=_("only this language"))
    p.set_defaults(func=cmd_update)

    p = tsub.add_parser("status", help=_("show how complete each language is"))
    p.add_argument("src", metavar="SRC")
    p.add_argument("--json", action="store_true", help=_("print JSON"))
    p.set_defaults(func=cmd_status)

    p = tsub.add_parser("apply", help=_("write the PO files' translations into the pack source"))
    p.add_argument("src", metavar="SRC")
    p.add_argument("--lang", action="append", metavar="CODE", help=_("only this language"))
    p.set_defaults(func=cmd_apply)


def _counts_line(kept: int, fuzzy: int, new: int, obsolete: int) -> str:
    return _("{done} translated, {fuzzy} to check (fuzzy), {new} new, {obsolete} obsolete").format(
        done=kept, fuzzy=fuzzy, new=new, obsolete=obsolete
    )


def cmd_extract(args: argparse.Namespace) -> int:
    from kit.core.packtranslate import extract

    r = extract(args.src, args.lang)
    c = r.counts
    msg = _("Updated {path}: {units}.") if r.existed else _("Wrote {path}: {units}.")
    units = ngettext("{n} text", "{n} texts", r.units).format(n=r.units)
    print(msg.format(path=r.path, units=units))
    print(_counts_line(c.kept, c.fuzzy, c.new, c.obsolete))
    return 0


def cmd_update(args: argparse.Namespace) -> int:
    from kit.core.packtranslate import update

    for r in update(args.src, args.lang):
        c = r.counts
        print(f"{r.lang}: " + _counts_line(c.kept, c.fuzzy, c.new, c.obsolete))
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    from kit.core.packtranslate import status

    rows = status(args.src)
    if args.json:
        print_json(
            [
                {
                    "lang": s.lang,
                    "total": s.total,
                    "translated": s.translated,
                    "fuzzy": s.fuzzy,
                    "untranslated": s.untranslated,
                    "po_file": s.has_file,
                }
                for s in rows
            ]
        )
        return 0
    if not rows:
        print(_("No translations yet; start one with: kit pack translate extract SRC --lang CODE"))
    for s in rows:
        line = _("{lang}: {percent} ({done} of {total}), {fuzzy} fuzzy, {missing} untranslated")
        text = line.format(
            lang=s.lang,
            percent=format_percent(s.percent / 100),
            done=s.translated,
            total=s.total,
            fuzzy=s.fuzzy,
            missing=s.untranslated,
        )
        if not s.has_file:
            text += " " + _("(no PO file)")
        print(text)
    return 0


def cmd_apply(args: argparse.Namespace) -> int:
    from kit.core.packtranslate import apply

    for r in apply(args.src, args.lang):
        files = ngettext("{n} file", "{n} files", r.files).format(n=r.files)
        print(
            _(
                "{lang}: wrote {files}; {done} texts translated, {missing} left in the pack's "
                "language, {outdated} fuzzy or outdated (not applied)."
            ).format(
                lang=r.lang,
                files=files,
                done=r.translated,
                missing=r.missing,
                outdated=r.outdated,
            )
        )
        for where, problem in r.problems:
            print(_("warning: {where}: {problem}").format(where=where, problem=problem))
    return 0
