"""The printouts' pages as HTML: agenda, sign-in sheet, materials checklist, handouts.

Every text of a workshop is escaped here (a title may hold `<`); the handouts' item
text is the reader's sanitized HTML. `write_*` draw a printout into a PDF at a path
(kit.ui.workshop.printing.pdf); the Print tab calls them off the GUI thread.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path

from kit.core.render import is_rtl
from kit.i18n import _, current_language, format_number, ngettext
from kit.ui.operations.printing import AgendaPrintout, Checklist, Handouts, SignInSheet
from kit.ui.workshop.printing.pdf import Part, Progress, write_pdf

PathLike = str | os.PathLike[str]
_HEADING = re.compile(r"^\s*(<div[^>]*>\s*)?<h1>")
# A picture alone in its paragraph must not get the text's 140% line height (as in the
# reader's ContentBrowser): a tall gap under every picture otherwise.
_IMAGE_PARAGRAPH = re.compile(r"<p>(\s*(?:<a [^>]*>)?\s*<img\b[^>]*>\s*(?:</a>)?\s*)</p>")


_GRID = "class='grid' width='100%' cellspacing='0'"


def _e(text: str) -> str:
    return html.escape(text).replace("\n", "<br/>")


def interface_rtl() -> bool:
    return is_rtl(current_language())


def _wrap(body: str) -> str:
    """The page in the interface's direction: right to left under Arabic, tables too."""
    if not interface_rtl():
        return body
    return f'<div dir="rtl" align="right">{body}</div>'


def _tr(*cells: str) -> str:
    """A table row whose first cell is on the right under Arabic (Qt's rich text does
    not mirror tables)."""
    return "<tr>" + "".join(reversed(cells) if interface_rtl() else cells) + "</tr>"


def _minutes(n: int) -> str:
    return ngettext("{n} minute", "{n} minutes", n).format(n=format_number(n))


def _facts(pairs: list[tuple[str, str]]) -> str:
    lines = [f"<b>{_e(label)}</b> {_e(value)}" for label, value in pairs if value]
    return f"<p>{'<br/>'.join(lines)}</p>" if lines else ""


# -- agenda ------------------------------------------------------------------


def _agenda_head(printout: AgendaPrintout) -> str:
    out = [f"<h1>{_e(printout.title)}</h1>"]
    out.append(
        _facts(
            [
                (_("Dates:"), printout.dates),
                (_("Place:"), printout.place),
                (_("Facilitators:"), ", ".join(printout.facilitators)),
            ]
        )
    )
    if printout.description:
        out.append(f"<p>{_e(printout.description)}</p>")
    for text in (printout.accounts_warning, *printout.warnings):
        if text:
            out.append(
                f'<table width="100%" cellpadding="8" class="warning"><tr><td>'
                f"{_e(text)}</td></tr></table><p></p>"
            )
    return "".join(out)


def _agenda_day(printout: AgendaPrintout, index: int) -> str:
    day = printout.days[index]
    time, item, minutes = _("Time"), _("Item"), _("Minutes")
    rows = [
        "<thead>"
        + _tr(
            f"<th width='14%'>{_e(time)}</th>",
            f"<th>{_e(item)}</th>",
            f"<th width='18%'>{_e(minutes)}</th>",
        )
        + "</thead>"
    ]
    for session in day.sessions:
        slot = _("{start} to {end}").format(start=session.start, end=session.end)
        name = f"<b>{_e(session.title)}</b> " if session.title else ""
        rows.append(
            _tr(
                f"<td bgcolor='#eef1f4'><b>{_e(session.start)}</b></td>",
                f"<td bgcolor='#eef1f4' colspan='2'>{name}"
                f"<span class='muted'>({_e(slot)})</span></td>",
            )
        )
        for row in session.rows:
            title = (
                _("{title} (not installed)").format(title=row.title) if row.missing else row.title
            )
            rows.append(
                _tr(
                    f"<td>{_e(row.start)}</td>",
                    f"<td>{_e(title)}</td>",
                    f"<td>{_e(format_number(row.minutes))}</td>",
                )
            )
        total = _("Total: {planned} of {slot}").format(
            planned=_minutes(session.total), slot=_minutes(session.slot)
        )
        rows.append(_tr("<td></td>", f"<td class='muted' colspan='2'>{_e(total)}</td>"))
    table = f"<table {_GRID}>" + "".join(rows) + "</table>"
    day_total = _("Planned for the day: {minutes}").format(minutes=_minutes(day.total))
    head = _agenda_head(printout) if index == 0 else f"<p class='muted'>{_e(printout.title)}</p>"
    return head + f"<h2>{_e(day.heading)}</h2>{table}<p><b>{_e(day_total)}</b></p>"


def agenda_parts(printout: AgendaPrintout) -> list[Part]:
    """The agenda: the workshop's facts, then one page (or more) per day."""
    rtl = interface_rtl()
    if not printout.days:
        empty = _("The agenda has no sessions yet.")
        body = _agenda_head(printout) + f"<p>{_e(empty)}</p>"
        return [Part(_wrap(body), rtl)]
    return [Part(_wrap(_agenda_day(printout, i)), rtl) for i in range(len(printout.days))]


def write_agenda_pdf(path: PathLike, printout: AgendaPrintout, **kw) -> Path:
    return write_pdf(
        path,
        agenda_parts(printout),
        title=_("Agenda: {title}").format(title=printout.title),
        **kw,
    )


# -- sign-in sheet -----------------------------------------------------------


def sign_in_parts(sheet: SignInSheet) -> list[Part]:
    ticks = [f"<th>{_e(label)}</th>" for label in sheet.sessions]
    name, username, signature = _("Name"), _("Wiki username"), _("Signature")
    head = (
        "<thead>"
        + _tr(
            "<th width='4%'>#</th>",
            f"<th width='24%'>{_e(name)}</th>",
            f"<th width='18%'>{_e(username)}</th>",
            *ticks,
            f"<th width='20%'>{_e(signature)}</th>",
        )
        + "</thead>"
    )
    empty = ["<td>&nbsp;</td>"] * len(sheet.sessions)
    people = [(row.name, row.wiki_username) for row in sheet.rows]
    people += [("", "")] * sheet.blank_rows
    rows = [
        _tr(
            f"<td class='tall'>{n}</td>",
            f"<td class='tall'>{_e(who) or '&nbsp;'}</td>",
            f"<td class='tall'>{_e(user)}</td>",
            *empty,
            "<td></td>",
        )
        for n, (who, user) in enumerate(people, start=1)
    ]
    heading = _("Sign-in sheet: {title}").format(title=sheet.title)
    body = (
        f"<h1>{_e(heading)}</h1>"
        + _facts([(_("Date:"), sheet.date), (_("Place:"), sheet.place)])
        + f"<p class='muted'>{_e(sheet.consent)}</p>"
        + f"<table {_GRID}>"
        + head
        + "".join(rows)
        + "</table>"
    )
    return [Part(_wrap(body), interface_rtl())]


def write_sign_in_pdf(path: PathLike, sheet: SignInSheet, **kw) -> Path:
    return write_pdf(
        path,
        sign_in_parts(sheet),
        title=_("Sign-in sheet: {title}").format(title=sheet.title),
        landscape=True,
        **kw,
    )


# -- materials checklist -----------------------------------------------------


def checklist_parts(checklist: Checklist) -> list[Part]:
    rows = "".join(
        _tr(
            f"<td width='8%' align='center'>{'☑' if row.ticked else '☐'}</td>",
            f"<td class='tall'>{_e(row.label)}</td>",
        )
        for row in checklist.rows
    )
    heading = _("Materials checklist")
    body = (
        f"<h1>{_e(heading)}</h1>"
        + _facts(
            [
                (_("Workshop:"), checklist.title),
                (_("Dates:"), checklist.dates),
                (_("Place:"), checklist.place),
            ]
        )
        + f"<table {_GRID}>{rows}</table>"
    )
    return [Part(_wrap(body), interface_rtl())]


def write_checklist_pdf(path: PathLike, checklist: Checklist, **kw) -> Path:
    return write_pdf(
        path,
        checklist_parts(checklist),
        title=_("Materials checklist: {title}").format(title=checklist.title),
        **kw,
    )


# -- handouts ----------------------------------------------------------------


def handout_parts(handouts: Handouts) -> list[Part]:
    """A cover with the contents, then each item from a new page, as the reader shows it."""
    contents = "".join(
        f"<li>{_e(page.title)} <span class='muted'>({_e(page.pack_title)})</span></li>"
        for page in handouts.pages
    )
    heading, empty = _("Handouts"), _("The agenda has no lessons or slides to print.")
    cover = f"<h1>{_e(handouts.title)}</h1><h2>{_e(heading)}</h2><ol>{contents}</ol>"
    if not handouts.pages:
        cover += f"<p>{_e(empty)}</p>"
    parts = [Part(_wrap(cover), interface_rtl())]
    for page in handouts.pages:
        heading = "" if _HEADING.match(page.html) else f"<h1>{_e(page.title)}</h1>"
        if page.rtl and heading:
            heading = f'<div dir="rtl" align="right">{heading}</div>'
        credits = f"<hr/><p class='muted'><small>{_e(page.credits)}</small></p>"
        if page.rtl:
            credits = f'<div dir="rtl" align="right">{credits}</div>'
        text = _IMAGE_PARAGRAPH.sub(r'<p style="line-height: 100%">\1</p>', page.html)
        parts.append(Part(heading + text + credits, page.rtl, page.media))
    return parts


def write_handouts_pdf(
    path: PathLike,
    handouts: Handouts,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    return write_pdf(
        path,
        handout_parts(handouts),
        title=_("Handouts: {title}").format(title=handouts.title),
        progress=progress,
        cancelled=cancelled,
    )
