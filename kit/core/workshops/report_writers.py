"""The workshop report as text: CSV (one file per table, in a folder or a zip; the
figures as one table), Markdown, wikitext (tables ready to paste on an event or grant
page) and the usernames for the Programs & Events Dashboard, one a line.

Every format is written from the same `WorkshopReport`, so each holds the same numbers: CSV
keeps them raw (a spreadsheet computes with them), Markdown and wikitext in the
locale's format. Texts from the records are escaped for each format (a name may hold
`|`, `[[` or a leading `=`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from kit.core.fsutil import write_atomic
from kit.core.workshops.register import usernames_text
from kit.core.workshops.report import WorkshopReport
from kit.core.workshops.reportdata import Cell, Figure, Section, Table
from kit.i18n import _, format_date, format_number

__all__ = [
    "csv_files",
    "figure_value",
    "head_facts",
    "markdown",
    "usernames_list",
    "wikitext",
    "write_csv",
    "write_report",
]


def cell_text(value: Cell) -> str:
    """A cell for readers: numbers in the locale's format, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return format_number(value)
    return str(value)


def figure_value(figure: Figure) -> str:
    return _("not recorded") if figure.value is None else format_number(figure.value)


def _dates(report: WorkshopReport) -> str:
    """The workshop's days in the locale's format ("" when not dated)."""
    days = [d for d in dict.fromkeys((report.starts, report.ends)) if d]
    try:
        shown = [format_date(dt.date.fromisoformat(d)) for d in days]
    except ValueError:
        shown = days
    return " – ".join(shown)


def head_facts(report: WorkshopReport) -> list[tuple[str, str]]:
    """(label, value) of the report's head that have a value."""
    pairs = [
        (_("Dates"), _dates(report)),
        (_("Place"), report.place),
        (_("Facilitators"), ", ".join(report.facilitators)),
    ]
    return [(label, value) for label, value in pairs if value]


def _figure_headers() -> tuple[str, ...]:
    return (_("Figure"), _("Value"), _("Definition"), _("Note"))


def _figure_rows(section: Section) -> list[tuple[str, ...]]:
    return [(f.label, figure_value(f), f.definition, f.note) for f in section.figures]


# -- CSV ----------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: str) -> str:
    """A cell a spreadsheet shows as text (a leading = + - @ would run as a formula)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _csv(headers: tuple[str, ...], rows: Sequence[tuple[Cell, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_csv_text(h) for h in headers])
    for row in rows:
        writer.writerow(
            ["" if c is None else _csv_text(c) if isinstance(c, str) else c for c in row]
        )
    return out.getvalue()


def csv_files(report: WorkshopReport) -> dict[str, str]:
    """File name -> CSV text: report-workshop.csv (title, dates, place, facilitators),
    report-figures.csv (every section's figures, with their definitions), one
    report-KEY.csv per table, report-comments.csv when any."""
    figures = [
        (s.key, f.key, f.label, f.value, f.definition, f.note)
        for s in report.sections
        for f in s.figures
    ]
    head = [(_("Workshop"), report.title), *head_facts(report)]
    files = {
        "report-workshop.csv": _csv((_("Field"), _("Value")), head),
        "report-figures.csv": _csv(
            (_("Section"), _("Key"), _("Figure"), _("Value"), _("Definition"), _("Note")), figures
        ),
    }
    for section in report.sections:
        for table in section.tables:
            name = f"report-{table.key}.csv"
            if name in files:
                name = f"report-{section.key}-{table.key}.csv"
            files[name] = _csv(table.headers, list(table.rows))
    comments = [(s.title, text) for s in report.sections for text in s.comments]
    if comments:
        files["report-comments.csv"] = _csv((_("Section"), _("Comment")), comments)
    return files


def write_csv(report: WorkshopReport, path: str | os.PathLike[str]) -> Path:
    """The CSV files into a zip (`path` ends in .zip, written whole or not at all) or a
    folder (made when missing)."""
    target = Path(path)
    files = csv_files(report)
    if target.suffix.lower() == ".zip":
        partial = target.with_name(f".{target.name}.partial")
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as zf:
                for name, text in files.items():
                    zf.writestr(name, text.encode("utf-8"))
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        return target
    target.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (target / name).write_text(text, encoding="utf-8", newline="")
    return target


# -- Markdown -------------------------------------------------------------------


def _md(text: str) -> str:
    text = re.sub(r"\s*\n\s*", " ", text)
    return re.sub(r"([\\`*_\[\]|<>#])", r"\\\1", text)


def _md_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(_md(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return lines


def _text_rows(table: Table) -> list[tuple[str, ...]]:
    return [tuple(cell_text(c) for c in row) for row in table.rows]


def markdown(report: WorkshopReport) -> str:
    lines = [f"# {_md(report.title)}", ""]
    lines += [f"- **{_md(label)}:** {_md(value)}" for label, value in head_facts(report)]
    for section in report.sections:
        lines += ["", f"## {_md(section.title)}", ""]
        if section.figures:
            lines += [*_md_table(_figure_headers(), _figure_rows(section)), ""]
        for table in section.tables:
            lines += [f"### {_md(table.title)}", ""]
            lines += [*_md_table(table.headers, _text_rows(table)), ""]
        lines += [f"- {_md(text)}" for text in section.comments]
        lines += [f"*{_md(text)}*" for text in section.notes]
    return "\n".join(lines).rstrip() + "\n"


# -- wikitext -------------------------------------------------------------------

_WIKI_SPECIAL = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "!": "&#33;",
    "{": "&#123;",
    "}": "&#125;",
    "[": "&#91;",
    "]": "&#93;",
}
# Markup made of repeated characters: bold/italics, signatures, magic words.
_WIKI_RUNS = (("''", "&#39;&#39;"), ("~~~", "&#126;&#126;&#126;"), ("__", "&#95;&#95;"))


def _wiki(text: str) -> str:
    """Text shown as typed on a wiki page: no markup, template, link or signature."""
    escaped = "".join(_WIKI_SPECIAL.get(ch, ch) for ch in text)
    for run, entity in _WIKI_RUNS:
        escaped = escaped.replace(run, entity)
    return re.sub(r"\s*\n\s*", "<br />", escaped)


def _wiki_table(caption: str, headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> list[str]:
    lines = ['{| class="wikitable"', f"|+ {_wiki(caption)}"]
    lines.append("! " + " !! ".join(_wiki(h) for h in headers))
    for row in rows:
        lines += ["|-", "| " + " || ".join(_wiki(c) for c in row)]
    lines.append("|}")
    return lines


def wikitext(report: WorkshopReport) -> str:
    """The report as wiki markup: headings, then one `{| class="wikitable"` table per
    table (one row per participant, item or figure)."""
    lines = [f"== {_wiki(report.title)} =="]
    lines += [f"* '''{_wiki(label)}:''' {_wiki(value)}" for label, value in head_facts(report)]
    for section in report.sections:
        lines += ["", f"=== {_wiki(section.title)} ==="]
        if section.figures:
            lines += _wiki_table(
                _("Figures: {section}").format(section=section.title),
                _figure_headers(),
                _figure_rows(section),
            )
        for table in section.tables:
            lines += ["", *_wiki_table(table.title, table.headers, _text_rows(table))]
        lines += [f"* {_wiki(text)}" for text in section.comments]
        lines += [f"''{_wiki(text)}''" for text in section.notes]
    return "\n".join(lines) + "\n"


def usernames_list(report: WorkshopReport) -> str:
    """The usernames of those who came, one a line (Programs & Events Dashboard)."""
    return usernames_text(list(report.usernames))


TEXT_FORMATS = ("csv", "md", "wikitext", "usernames")


def report_text(report: WorkshopReport, fmt: str) -> str:
    """The report as Markdown ("md"), wikitext or the usernames, one a line."""
    writers = {"md": markdown, "wikitext": wikitext, "usernames": usernames_list}
    return writers[fmt](report)


def write_report(report: WorkshopReport, fmt: str, path: str | os.PathLike[str]) -> Path:
    """The report in a text format (`TEXT_FORMATS`) at `path`, whole or not at all (CSV:
    a folder, or a zip when `path` ends in .zip)."""
    if fmt == "csv":
        return write_csv(report, path)
    target = Path(path)
    write_atomic(target, report_text(report, fmt).encode("utf-8"), private=True)
    return target
