"""The learner's Progress page: each pack as a ring, each module as a bar (done of all),
quizzes with their best score against the pass mark, and the certificates to save."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kit.i18n import _, format_date, format_number, format_percent, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import progress as ops
from kit.ui.operations.progress import ModuleView, PackProgressView, QuizProgress
from kit.ui.pages.redraw import RedrawnOnChange
from kit.ui.widgets.charts import Meter, Ring
from kit.ui.widgets.forms import button, label
from kit.ui.widgets.style import set_role


def _percent(fraction: float) -> str:
    return format_percent(round(100 * fraction) / 100)


def _score(score: float) -> str:
    return format_percent(round(score) / 100)


class ProgressPage(RedrawnOnChange, QWidget):
    back_requested = Signal()
    certificate_requested = Signal(str, str)  # pack id, module id
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.views: list[PackProgressView] | None = None
        self.cards: dict[str, QFrame] = {}
        self.meters: dict[tuple[str, str], Meter] = {}  # (pack, module) -> its bar
        self.certificate_buttons: dict[tuple[str, str], QWidget] = {}
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 12)
        head = QHBoxLayout()
        head.addWidget(button(_("Back"), accessible=_("Back to the library"),
                              slot=self.back_requested.emit))  # fmt: skip
        self.title = label(_("Your progress"), "title")
        head.addWidget(self.title, 1)
        outer.addLayout(head)
        self.summary = label("", "muted")
        outer.addWidget(self.summary)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll, 1)
        self.watch_changes()

    def reload(self) -> None:
        self.dirty = False
        ops.load_progress(self.ctx).success(self.show_views).failure(self._failed).run(self)

    def _failed(self, message: str) -> None:
        self.summary.setText(message)
        set_role(self.summary, "error")

    # -- drawing -----------------------------------------------------------------------
    def show_views(self, views: list[PackProgressView]) -> None:
        self.views = views
        self.cards.clear()
        self.meters.clear()
        self.certificate_buttons.clear()
        body = QWidget()
        body.setObjectName("page")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 8, 8, 8)
        column.setSpacing(14)
        certificates = sum(len(v.certificates) for v in views)
        self.summary.setText(
            ngettext("{n} certificate to save.", "{n} certificates to save.", certificates).format(
                n=format_number(certificates)
            )
            if certificates
            else _("Finish every item of a module to earn its certificate.")
        )
        if not views:
            column.addWidget(label(_("There are no packs in the library yet."), "muted"))
        for view in views:
            self.cards[view.pack_id] = card = self._pack_card(view)
            column.addWidget(card)
        column.addStretch(1)
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.scroll.setWidget(body)
        self.loaded.emit()

    def _pack_card(self, view: PackProgressView) -> QFrame:
        card = QFrame()
        set_role(card, "card")
        row = QHBoxLayout(card)
        row.setContentsMargins(18, 16, 18, 16)
        row.setSpacing(18)
        ring = Ring(view.fraction, _percent(view.fraction))
        ring.setAccessibleName(
            _("{pack}: {percent} done").format(pack=view.title, percent=_percent(view.fraction))
        )
        row.addWidget(ring, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(label(view.title, "heading"))
        column.addWidget(label(_("{done} of {total} items done").format(
            done=format_number(view.done), total=format_number(view.total)), "muted"))  # fmt: skip
        for module in view.modules:
            column.addWidget(self._module_row(view, module))
        row.addLayout(column, 1)
        return card

    def _module_row(self, pack: PackProgressView, module: ModuleView) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 4)
        column.setSpacing(4)
        top = QHBoxLayout()
        top.addWidget(label(module.title), 1)
        count = _("{done} of {total}").format(
            done=format_number(module.done), total=format_number(module.total)
        )
        top.addWidget(label(count, "muted", wrap=False))
        column.addLayout(top)
        meter = Meter(module.fraction)
        meter.setAccessibleName(
            _("{module}: {count} done").format(module=module.title, count=count)
        )
        self.meters[(pack.pack_id, module.module_id)] = meter
        column.addWidget(meter)
        for quiz in module.quizzes:
            column.addLayout(self._quiz_row(quiz))
        if module.complete:
            column.addLayout(self._certificate_row(pack, module))
        return box

    def _quiz_row(self, quiz: QuizProgress) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setContentsMargins(16, 0, 0, 0)
        if quiz.attempts and quiz.best_score is not None:
            text = ngettext(
                "{quiz}: best {score} of {n} attempt", "{quiz}: best {score} of {n} attempts",
                quiz.attempts,
            ).format(quiz=quiz.title, score=_score(quiz.best_score), n=format_number(quiz.attempts))  # fmt: skip
            if quiz.pass_mark is not None:
                text = _("{result} (pass mark {mark})").format(
                    result=text, mark=_score(quiz.pass_mark)
                )
        else:
            text = _("{quiz}: not tried yet").format(quiz=quiz.title)
        row.addWidget(label(("✓ " if quiz.passed else "") + text, "muted"), 1)
        score = Meter((quiz.best_score or 0) / 100, (quiz.pass_mark or 0) / 100 or None)
        score.setMaximumWidth(160)
        score.setAccessibleName(text)
        row.addWidget(score)
        return row

    def _certificate_row(self, pack: PackProgressView, module: ModuleView) -> QHBoxLayout:
        row = QHBoxLayout()
        done_on = (
            _("Completed on {date}").format(date=format_date(module.completed_at.date()))
            if module.completed_at
            else _("Completed")
        )
        row.addWidget(label("✓ " + done_on), 1)
        save = button(
            _("Save certificate…"),
            accessible=_("Save the certificate for {module}").format(module=module.title),
            slot=lambda: self.certificate_requested.emit(pack.pack_id, module.module_id),
        )
        self.certificate_buttons[(pack.pack_id, module.module_id)] = save
        row.addWidget(save)
        return row
