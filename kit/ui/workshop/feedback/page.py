"""The Feedback tab of workshop mode: type minute cards and "one up, one down" from
paper, start the anonymous kiosk survey (pass the laptop), and show the previous
half-day's cards back to the room, grouped, on the projector.

Nothing here says who wrote what: the core keeps no person and no time with an answer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kit.core.render import is_rtl
from kit.i18n import _, ngettext, pgettext
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.kiosk.window import IDLE_MS, KioskWindow
from kit.ui.operations import feedback as ops
from kit.ui.widgets.owned import owned
from kit.ui.workshop.feedback.cards import CardEntry
from kit.ui.workshop.feedback.showback import ShowBackWindow


class FeedbackPage(QWidget):
    loaded = Signal()  # the chosen workshop's sessions and surveys are shown
    shown_back = Signal(bool)  # the show-back window opened (False: nothing to show)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.state: ops.FeedbackState | None = None
        self.kiosk: KioskWindow | None = None
        self.show_back_window: ShowBackWindow | None = None
        self.idle = QSpinBox()
        self.idle.setRange(15, 900)
        self.idle.setValue(IDLE_MS // 1000)
        self.idle.setSuffix(pgettext("seconds after a number", " s"))
        self.idle.setAccessibleName(_("Back to the start screen after this many idle seconds"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("feedbackMessage")
        self.session = QComboBox()
        self.session.setAccessibleName(_("Session"))
        self.cards = CardEntry(self._save_card)
        self.survey = QComboBox()
        self.survey.setAccessibleName(_("Survey"))
        self.kiosk_button = QPushButton(_("Start the kiosk survey"))
        self.show_back_button = QPushButton(_("Show back the previous half-day"))
        self.show_back_button.setAccessibleName(
            _("Show the previous half-day's cards, grouped, on the projector")
        )
        self.counts = QLabel()
        self.counts.setObjectName("feedbackCounts")
        self.counts.setWordWrap(True)
        self.body = QWidget()
        self._lay_out()
        self.kiosk_button.clicked.connect(self.start_kiosk)
        self.show_back_button.clicked.connect(self.show_back)
        ctx.changes.operation_did_execute.connect(owned(self, self._changed))
        self.show_workshop(None)

    def _lay_out(self) -> None:
        top = QFormLayout()
        top.addRow(_("Session"), self.session)
        cards_box = QGroupBox(_("Cards typed from paper"))
        QVBoxLayout(cards_box).addWidget(self.cards)
        survey_box = QGroupBox(_("End-of-workshop survey (anonymous, pass the laptop)"))
        survey_form = QFormLayout(survey_box)
        survey_form.addRow(_("Survey"), self.survey)
        survey_form.addRow(_("Start screen again after idle"), self.idle)
        survey_form.addRow(self.kiosk_button)
        back = QHBoxLayout()
        back.addWidget(self.show_back_button)
        back.addStretch(1)
        inner = QVBoxLayout(self.body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top)
        inner.addWidget(cards_box)
        inner.addWidget(survey_box)
        inner.addLayout(back)
        inner.addWidget(self.counts)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.body, 1)

    # -- which workshop -----------------------------------------------------------------------
    def show_workshop(self, workshop_id: str | None) -> None:
        self.workshop_id = workshop_id or None
        self.state = None
        self.body.setEnabled(self.workshop_id is not None)
        if self.workshop_id is None:
            self.say(_("Choose a workshop in the Plan tab to collect its feedback."))
            return
        self.say("")
        self.reload()

    def reload(self) -> None:
        if self.workshop_id is not None and self.ctx.opened:
            ops.load(self.ctx, self.workshop_id).success(self._loaded).failure(self.say).run(self)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.state is None:
            self.reload()

    def _changed(self, changes: OpChanges, initiator: object) -> None:
        if changes.touches(Change.WORKSHOPS) and initiator is not self:
            self.reload()

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _loaded(self, state: ops.FeedbackState) -> None:
        if state.shop.id != self.workshop_id:
            return
        first = self.state is None
        self.state = state
        if first:
            self._fill(state)
        self.counts.setText(self._counts_text(state.counts))
        self.loaded.emit()

    @staticmethod
    def _counts_text(counts: Any) -> str:
        minute, updown, survey = (counts.get(k, 0) for k in (ops.MINUTE, ops.UPDOWN, ops.SURVEY))
        return " · ".join(
            (
                ngettext("{n} minute card", "{n} minute cards", minute).format(n=minute),
                ngettext("{n} one up, one down card", "{n} one up, one down cards", updown).format(
                    n=updown
                ),
                ngettext("{n} survey response", "{n} survey responses", survey).format(n=survey),
            )
        )

    def _fill(self, state: ops.FeedbackState) -> None:
        self.session.clear()
        for session_id, label in state.sessions:
            self.session.addItem(label, session_id)
        index = self.session.findData(state.session_id)
        self.session.setCurrentIndex(max(0, index))
        self.survey.clear()
        for survey in state.surveys:
            self.survey.addItem(_(survey.title) if not survey.key else survey.title, survey.key)
        has_sessions = bool(state.sessions)
        self.cards.setEnabled(has_sessions)
        self.show_back_button.setEnabled(has_sessions)
        if not has_sessions:
            self.say(_("This workshop has no sessions yet: add them in the Plan tab."))

    def session_id(self) -> str:
        return str(self.session.currentData() or "")

    # -- cards ------------------------------------------------------------------------------
    def _save_card(self, kind: str, card: dict[str, str]) -> Any:
        return ops.record_cards(self.ctx, self.workshop_id or "", kind, self.session_id(), [card])

    # -- the kiosk --------------------------------------------------------------------------
    def chosen_survey(self) -> ops.Survey | None:
        if self.state is None:
            return None
        key = str(self.survey.currentData() or "")
        return next((s for s in self.state.surveys if s.key == key), None)

    def start_kiosk(self) -> None:
        survey = self.chosen_survey()
        if survey is None or self.workshop_id is None:
            return
        shop_id, session_id = self.workshop_id, self.session_id()
        title = _(survey.title) if not survey.key else survey.title
        self.kiosk = KioskWindow(
            title,
            survey.questions,
            save=lambda answers: ops.record_response(
                self.ctx, shop_id, survey, answers, session_id
            ),
            unlock=lambda pin: ops.unlock(self.ctx, pin),
            idle_ms=self.idle.value() * 1000,
            rtl=is_rtl(self.ctx.language),
        )
        self.kiosk.left.connect(self._kiosk_left)
        self.kiosk.start()

    def _kiosk_left(self) -> None:
        if self.kiosk is not None:
            self.kiosk.deleteLater()
            self.kiosk = None
        self.reload()

    # -- showing back -------------------------------------------------------------------------
    def show_back(self) -> None:
        if self.workshop_id is None:
            return
        ops.show_back(self.ctx, self.workshop_id, self.session_id()).success(self._show).failure(
            self.say
        ).run(self)

    def _show(self, back: ops.ShowBack | None) -> None:
        if back is None:
            self.say(_("There are no cards from an earlier half-day to show back."))
            self.shown_back.emit(False)
            return
        self.say("")
        self.show_back_window = ShowBackWindow(back, rtl=is_rtl(self.ctx.language))
        self.show_back_window.show_on_projector()
        self.shown_back.emit(True)
