"""`kit workshop report WORKSHOP --format csv|md|wikitext|pdf|usernames [-o PATH]`: the
workshop report (kit.core.workshops.report) in one format. Registered from
kit.cli.workshop.

Markdown, wikitext and the usernames go to standard output unless -o is given; CSV
needs -o (a folder, or a file ending in .zip) and so does PDF, which is drawn with Qt
offscreen (kit.ui.workshop.report.pdf, the Report tab's writer).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from kit.core.errors import KitError
from kit.i18n import _

FORMATS = ("csv", "md", "wikitext", "pdf", "usernames")
NEEDS_PATH = ("csv", "pdf")
_app: Any = None  # the QGuiApplication a PDF is drawn with, kept for the process


def register(wsub: argparse._SubParsersAction) -> None:
    p = wsub.add_parser(
        "report",
        help=_("write a workshop's report (CSV, Markdown, wikitext, PDF or usernames)"),
        description=_(
            "Write the workshop report: dates, place, facilitators, attendance, the agenda "
            "as delivered and the figures grant reports ask for, each with its definition. "
            'Example: kit workshop report "Wiki editing" --format wikitext -o report.txt'
        ),
    )
    p.add_argument("workshop", metavar=_("WORKSHOP"))
    p.add_argument("--format", choices=FORMATS, required=True, help=_("the report's format"))
    p.add_argument(
        "-o",
        "--output",
        metavar=_("PATH"),
        help=_("where to write it (CSV: a folder or a .zip file); default: standard output"),
    )
    p.set_defaults(func=cmd_report)


def _build(args: argparse.Namespace) -> Any:
    from kit.core.library import Library
    from kit.core.paths import resolve_data_dir
    from kit.core.records import Records
    from kit.core.workshops import Workshops
    from kit.core.workshops.content import LibraryContent
    from kit.core.workshops.report import build_report, titled

    data = resolve_data_dir(args.data_dir)
    with Records(data) as records, Library(data) as library:
        shop = Workshops(records.rdb).find(args.workshop)
        return build_report(records.rdb, titled(shop, LibraryContent(library)))


def _pdf(report: Any, path: Path) -> Path:
    global _app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _app = QGuiApplication(["kit"])
    from kit.ui.workshop.report.pdf import write_report_pdf

    return write_report_pdf(path, report)


def _write(report: Any, fmt: str, path: Path) -> Path:
    from kit.core.workshops.report_writers import write_report

    return _pdf(report, path) if fmt == "pdf" else write_report(report, fmt, path)


def cmd_report(args: argparse.Namespace) -> int:
    if args.format in NEEDS_PATH and not args.output:
        print(
            _("The {format} report needs -o PATH: where to write it.").format(format=args.format),
            file=sys.stderr,
        )
        return 2
    report = _build(args)
    if not args.output:
        from kit.core.workshops.report_writers import report_text

        sys.stdout.write(report_text(report, args.format))
        return 0
    path = Path(args.output)
    try:
        written = _write(report, args.format, path)
    except OSError as exc:
        raise KitError(
            _("{name} could not be written ({reason}). Choose another place.").format(
                name=path, reason=exc.strerror or exc.__class__.__name__
            )
        ) from None
    print(_("Wrote the report to {path}.").format(path=written))
    return 0
