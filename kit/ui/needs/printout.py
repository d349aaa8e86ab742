"""The needs survey on paper: the same wording, order and scale labels as on screen,
a box to tick for each answer, each conditional section with its instruction, and the
survey's version code and the page number at the foot of every page (so a typed-in
stack is checked against the survey it answers). Right to left under Arabic.

    write_survey_pdf(path, form, progress=..., cancelled=...)   # any thread
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from pathlib import Path

from kit.i18n import _
from kit.ui.operations.needs import FormQuestion, NeedsForm
from kit.ui.workshop.printing.pdf import Part, Progress, write_pdf

BOX = "☐"
NA_KEY = "0"  # the key the paper grid takes for "not relevant / don't know"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _e(text: str) -> str:
    return _BOLD.sub(r"<b>\1</b>", html.escape(text)).replace("\n", "<br/>")


def _row(cells: list[str], rtl: bool) -> str:
    """Qt's rich text does not mirror tables: the first cell goes right under Arabic."""
    return "<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>"


def _likert(q: FormQuestion, rtl: bool) -> str:
    cells = [
        f"<td width='16%' align='center'>{BOX} <span class='muted'>{n}</span><br/>{_e(text)}</td>"
        for n, (_cid, text) in enumerate(q.points, start=1)
    ]
    if q.na_choice is not None:
        cells.append(
            f"<td width='20%' align='center'>{BOX} <span class='muted'>{NA_KEY}</span><br/>"
            f"{_e(q.na_choice[1])}</td>"
        )
    return f"<table class='grid' width='100%' cellspacing='0'>{_row(cells, rtl)}</table>"


def _choices(q: FormQuestion) -> str:
    lines = [
        f"{BOX} <span class='muted'>{n}</span> {_e(text)}"
        for n, (_cid, text) in enumerate(q.choices, start=1)
    ]
    tick = _e(_("Tick all that apply."))
    hint = f"<i>{tick}</i><br/>" if q.kind == "multiple" else ""
    return f"<p>{hint}{'<br/>'.join(lines)}</p>"


def _text_box() -> str:
    blank = "&nbsp;<br/>" * 4
    return f"<table class='grid' width='100%' cellspacing='0'><tr><td>{blank}</td></tr></table>"


def _question(number: int, q: FormQuestion, rtl: bool) -> str:
    head = f"<p><b>{number}.</b> {_e(q.prompt)}</p>"
    if q.kind == "likert":
        return head + _likert(q, rtl)
    if q.kind in ("single", "multiple"):
        return head + _choices(q)
    return head + _text_box()


def survey_html(form: NeedsForm) -> str:
    rtl = form.rtl
    out = [f"<h1>{_e(form.title)}</h1>"]
    for paragraph in form.intro.split("\n\n"):
        if paragraph.strip():
            out.append(f"<p>{_e(paragraph.strip())}</p>")
    out.append(
        "<p class='muted'>"
        + _e(_("Tick one box for each question (for some, more than one where it says so)."))
        + "<br/>"
        + _e(_("Version code: {code}").format(code=form.version))
        + "</p>"
    )
    section = ""
    for number, q in enumerate(form.questions, start=1):
        if q.section != section:
            section = q.section
            instruction = form.instruction(section)
            if instruction:
                out.append(
                    "<table width='100%' cellpadding='6' class='warning'><tr><td><b>"
                    + _e(instruction)
                    + "</b></td></tr></table>"
                )
            else:
                out.append("<hr/>")
        out.append(_question(number, q, rtl))
    body = "".join(out)
    return f'<div dir="rtl" align="right">{body}</div>' if rtl else body


def write_survey_pdf(
    path: str | os.PathLike[str],
    form: NeedsForm,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    return write_pdf(
        path,
        [Part(survey_html(form), rtl=form.rtl)],
        title=form.title,
        progress=progress,
        cancelled=cancelled,
        note=_("Version code: {code}").format(code=form.version),
    )
