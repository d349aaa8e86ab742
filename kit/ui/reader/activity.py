"""Activities: kind, duration and materials above the instructions; solutions on demand."""

from __future__ import annotations

import html

from kit.i18n import _, format_number, ngettext
from kit.ui.operations.reader import ItemView
from kit.ui.reader.lesson import LessonView


def facts_html(view: ItemView) -> str:
    """A framed summary of the activity, in the item's reading direction."""
    item = view.item
    kind = _("Discussion") if item.get("kind") == "discussion" else _("Hands-on activity")
    minutes = int(item.get("minutes") or 0)
    duration = ngettext("{n} minute", "{n} minutes", minutes).format(n=format_number(minutes))
    rows = [
        (_("Kind"), html.escape(kind)),
        (_("Duration"), html.escape(duration)),
    ]
    materials = [str(m) for m in item.get("materials") or []]
    if materials:
        listed = "".join(f"<li>{html.escape(m)}</li>" for m in materials)
        rows.append((_("Materials"), f"<ul style='margin: 0px'>{listed}</ul>"))
    else:
        rows.append((_("Materials"), html.escape(_("Nothing to prepare."))))
    cells = "".join(
        f"<tr><td width='22%' valign='top'><b>{html.escape(label)}</b></td>"
        f"<td valign='top'>{value}</td></tr>"
        for label, value in rows
    )
    direction = " dir='rtl' align='right'" if view.rtl else ""
    return (
        f"<div{direction}><table width='100%' cellpadding='6' cellspacing='0' bgcolor='#fff7e6'>"
        f"{cells}</table></div><p></p>"
    )


class ActivityView(LessonView):
    """One activity: its facts, then its instructions (a solution stays hidden until asked)."""

    def page_html(self, view: ItemView, body_html: str) -> str:
        return facts_html(view) + body_html
