"""`kit survey list|results|export|import`: needs-assessment surveys (kit.core.needs).

The results are anonymous figures per skill with the need score (MWDS), comparisons
between respondent groups that hide small groups, and the installed modules that teach
each priority skill (docs/needs-assessment.md).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kit.cli.output import print_json
from kit.core.errors import KitError
from kit.i18n import _, current_language, ngettext

FORMATS = ("csv", "md", "wikitext", "pdf")
_app: Any = None  # the QGuiApplication a PDF is drawn with, kept for the process


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "survey",
        help=_("needs-assessment surveys: list, results, export and import responses"),
        description=_(
            "Needs-assessment surveys of the installed packs and their anonymous responses. "
            "Example: kit survey results community-skills/needs --format md"
        ),
    )
    ssub = p.add_subparsers(dest="survey_command", metavar=_("COMMAND"), required=True)
    lp = ssub.add_parser(
        "list",
        help=_("list the needs-assessment surveys with their number of responses"),
        description=_("List the installed needs-assessment surveys. Example: kit survey list"),
    )
    lp.add_argument("--json", action="store_true", help=_("print JSON"))
    lp.set_defaults(func=cmd_list)
    rp = ssub.add_parser(
        "results",
        help=_("write a survey's results (CSV of the raw answers, Markdown, wikitext or PDF)"),
        description=_(
            "Write the results: need per skill, highest first, groups compared, and the "
            "modules that teach the priority skills. CSV holds the anonymous raw answers; "
            "PDF (with charts) needs -o. "
            "Example: kit survey results needs --format wikitext -o results.txt"
        ),
    )
    rp.add_argument("item", metavar="PACK/ITEM")
    rp.add_argument("--format", choices=FORMATS, required=True, help=_("the results' format"))
    rp.add_argument(
        "-o", "--output", metavar=_("PATH"), help=_("where to write it; default: standard output")
    )
    rp.set_defaults(func=cmd_results)
    ep = ssub.add_parser(
        "export",
        help=_("write a survey's responses to a file for another computer"),
        description=_(
            "Write every response to the survey, anonymous, with a checksum, to import on "
            "another computer. Example: kit survey export needs -o responses.json"
        ),
    )
    ep.add_argument("item", metavar="PACK/ITEM")
    ep.add_argument("-o", "--output", metavar=_("FILE"), required=True, help=_("the file to write"))
    ep.set_defaults(func=cmd_export)
    ip = ssub.add_parser(
        "import",
        help=_("add the responses of files exported on other computers"),
        description=_(
            "Add the responses of exported files, marked as imported; a response already "
            "here is not added again. Example: kit survey import laptop2.json laptop3.json"
        ),
    )
    ip.add_argument("files", metavar=_("FILE"), nargs="+")
    ip.set_defaults(func=cmd_import)


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[Any, Any]]:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records

    data = resolve_data_dir(args.data_dir)
    with Records(data) as records, Library(data) as library:
        yield records, library


def cmd_list(args: argparse.Namespace) -> int:
    from kit.core.needs import NeedsResponses
    from kit.core.needs.installed import installed_surveys

    with _opened(args) as (records, library):
        counts = NeedsResponses(records.rdb).counts()
        rows = [
            {
                "survey": s.key,
                "title": s.title,
                "version": s.version,
                "skills": len(s.skills()),
                "responses": counts.get((s.pack_id, s.item_id), 0),
            }
            for s in installed_surveys(library)
        ]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print(_("No needs-assessment survey is installed."))
    for row in rows:
        responses = ngettext("{n} response", "{n} responses", row["responses"]).format(
            n=row["responses"]
        )
        print(f"{row['survey']}  {row['title']}  ({responses})")
    return 0


def _pdf(results: Any, path: Path) -> Path:
    """The results' PDF, drawn with Qt offscreen (the results view's writer)."""
    global _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["kit"])
    from kit.ui.needs.results.pdf import write_results_pdf

    return write_results_pdf(path, results)


def cmd_results(args: argparse.Namespace) -> int:
    if args.format == "pdf" and not args.output:
        print(_("The PDF needs -o PATH: where to write it."), file=sys.stderr)
        return 2
    from kit.core.needs import NeedsResponses
    from kit.core.needs.installed import find_survey, installed_packs
    from kit.core.needs.results import compute
    from kit.core.needs.writers import results_text, write_results

    with _opened(args) as (records, library):
        survey = find_survey(library, args.item, current_language())
        responses = NeedsResponses(records.rdb).responses(survey)
        results = compute(survey, responses, installed_packs(library))
    if not args.output:
        sys.stdout.write(results_text(results, args.format, responses, newline="\n"))
        return 0
    path = Path(args.output)
    try:
        if args.format == "pdf":
            written = _pdf(results, path)
        else:
            written = write_results(results, responses, args.format, path)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    print(_("Wrote the results to {path}.").format(path=written))
    return 0


def _unwritable(path: Path, exc: OSError) -> KitError:
    return KitError(
        _("{name} could not be written ({reason}). Choose another place.").format(
            name=path, reason=exc.strerror or exc.__class__.__name__
        )
    )


def cmd_export(args: argparse.Namespace) -> int:
    from kit.core.needs import NeedsResponses
    from kit.core.needs.exchange import export_responses
    from kit.core.needs.installed import find_survey

    path = Path(args.output)
    with _opened(args) as (records, library):
        survey = find_survey(library, args.item)
        try:
            count = export_responses(NeedsResponses(records.rdb), survey, path)
        except OSError as exc:
            raise _unwritable(path, exc) from None
    print(
        ngettext("Wrote {n} response to {path}.", "Wrote {n} responses to {path}.", count).format(
            n=count, path=path
        )
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from functools import partial

    from kit.core.needs import NeedsResponses
    from kit.core.needs.exchange import import_files
    from kit.core.needs.installed import survey_of

    with _opened(args) as (records, library):
        added, known = import_files(
            NeedsResponses(records.rdb), [Path(f) for f in args.files], partial(survey_of, library)
        )
    print(
        ngettext(
            "Imported {n} new response ({known} already here).",
            "Imported {n} new responses ({known} already here).",
            added,
        ).format(n=added, known=known)
    )
    return 0
