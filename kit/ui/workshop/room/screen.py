"""What the room sees of a room question: the question and its numbered options full
screen, then (V) the results as a bar chart with the explanation (quiz)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kit.core.render import render_markdown
from kit.i18n import _, format_number, format_percent, ngettext
from kit.ui.operations.room import RoomQuestion, Tally, option_label
from kit.ui.reader.browser import ContentBrowser
from kit.ui.workshop.room.chart import ResultsChart

ROOM_POINT_SIZE = 32.0  # on a 768-pixel-high screen, as the audience view scales it
REVEALED_SCALE = 0.7  # the question above its results: the chart takes the room


def _md(text: str) -> str:
    return render_markdown(text)


def shown_options(q: RoomQuestion) -> list[str]:
    """The options as the room reads them: numbered, an ordering question's steps
    shuffled (content lists them in the right order), none for a short answer."""
    if q.qtype == "short":
        return []
    if q.qtype == "order":
        texts = [str(c.get("text") or "") for c in q.question.get("choices") or []]
        mixed = sorted(texts, key=str.casefold)
        return mixed[::-1] if mixed == texts else mixed
    return [o.text for o in q.options]


def question_html(q: RoomQuestion, *, full: bool = True) -> str:
    """The heading, the question and its options; with `full` False the question only
    (the results' chart then lists the options)."""
    poll = q.kind == "poll"
    prompt = f"<p>{html.escape(q.prompt)}</p>" if poll else _md(q.prompt)
    if not full:
        return prompt
    items = "".join(
        "<li>{}</li>".format(html.escape(text) if poll else _md(text).removeprefix("<p>"))
        for text in shown_options(q)
    )
    listed = f"<ol>{items}</ol>" if items else ""
    title = html.escape(_("Question for the room"))
    return f"<h1>{title}</h1>{prompt}{listed}"


def explanation_html(q: RoomQuestion) -> str:
    """The quiz question's explanation, else those of its right choices ("" for a poll)."""
    if q.kind == "poll":
        return ""
    texts = [q.explanation] if q.explanation else []
    if not texts:
        texts = [o.explanation for o in q.options if o.correct and o.explanation]
    return "".join(_md(t) for t in texts)


def chart_bars(tally: Tally) -> list[tuple[str, int, bool]]:
    q = tally.question
    counts = dict(tally.per_option)
    return [
        (option_label(o, n), counts.get(o.id, 0), o.correct)
        for n, o in enumerate(q.options, start=1)
    ]


class RoomScreen(QWidget):
    """The audience view's page for a room question (`revealed` after V)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roomScreen")
        self.revealed = False
        self.question = ContentBrowser(self, point_size=ROOM_POINT_SIZE)
        self.question.setAccessibleName(_("Question for the room"))
        self.results = ResultsChart(self)
        self.summary = ContentBrowser(self, point_size=ROOM_POINT_SIZE * 0.8)
        self.summary.setAccessibleName(_("Results and explanation"))
        for browser in (self.question, self.summary):
            browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            browser.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question, 1)
        layout.addWidget(self.results, 3)
        layout.addWidget(self.summary, 2)
        self.rtl = False
        self.scale = 1.0
        self.shown: RoomQuestion | None = None
        self.hide_results()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.question.set_scale(scale)
        self.summary.set_scale(scale)
        font = self.results.font()
        font.setPointSizeF(ROOM_POINT_SIZE * 0.75 * scale)
        self.results.setFont(font)

    def show_question(self, q: RoomQuestion, *, rtl: bool) -> None:
        self.rtl = rtl
        direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        self.setLayoutDirection(direction)
        self.shown = q
        self.hide_results()

    def hide_results(self) -> None:
        self.revealed = False
        self.results.hide()
        self.summary.hide()
        if self.shown is not None:
            self.question.set_scale(self.scale)
            self.question.show_html(question_html(self.shown), rtl=self.rtl)

    def reveal(self, tally: Tally) -> None:
        """The results so far as a chart, with the explanation of a quiz question."""
        if not self.revealed:
            self.question.set_scale(self.scale * REVEALED_SCALE)
            self.question.show_html(question_html(tally.question, full=False), rtl=self.rtl)
        self.revealed = True
        self.results.set_bars(chart_bars(tally))
        right = tally.right_percent
        n = tally.responses
        line = ngettext("{n} answer", "{n} answers", n).format(n=format_number(n))
        if right is not None:
            line = ngettext(
                "{n} answer · {percent} right", "{n} answers · {percent} right", n
            ).format(n=format_number(n), percent=format_percent(right / 100))
        body = f"<p><b>{html.escape(line)}</b></p>{explanation_html(tally.question)}"
        self.summary.show_html(body, rtl=self.rtl)
        self.results.show()
        self.summary.show()
