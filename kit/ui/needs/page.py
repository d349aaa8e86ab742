"""The Needs tab of workshop mode's home: which needs-assessment survey, in which language
for the respondents, and a view per task under it (Collect here; Results plugs in).

It is not about the chosen workshop (a needs assessment comes before any workshop). For
another view:

    page.add_view(widget, _("Results"))   # a sub-tab after Collect
    page.survey_chosen.connect(widget.show_survey)   # "PACK/ITEM", "" when none
    page.chosen()                          # the key now; page.language() the respondents'

A view with `show_survey(key)` and/or `show_language(code)` is told at once and on
every change.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.getpacks.texts import language_name
from kit.ui.needs.collect import NeedsCollectView
from kit.ui.needs.results.view import ResultsView
from kit.ui.operations import needs as ops
from kit.ui.widgets.owned import owned


class NeedsPage(QWidget):
    survey_chosen = Signal(str)  # the chosen survey's key ("PACK/ITEM"), "" when none
    language_chosen = Signal(str)  # the respondents' language
    loaded = Signal()  # the installed surveys are listed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.choices: list[ops.SurveyChoice] = []
        self.survey = QComboBox()
        self.survey.setAccessibleName(_("Needs-assessment survey"))
        self.lang = QComboBox()
        self.lang.setAccessibleName(_("Language of the respondents"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.collect = NeedsCollectView(ctx)
        self.add_view(self.collect, _("Collect"))
        self.results = ResultsView(ctx)
        self.add_view(self.results, _("Results"))
        top = QFormLayout()
        top.addRow(_("Survey"), self.survey)
        top.addRow(_("Language of the respondents"), self.lang)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.views, 1)
        self.survey.currentIndexChanged.connect(self._survey_changed)
        self.lang.currentIndexChanged.connect(self._lang_changed)
        ctx.changes.operation_did_execute.connect(owned(self, self._changed))
        self._listed = False

    # -- the API for views ------------------------------------------------------------------
    def add_view(self, widget: QWidget, title: str) -> None:
        """Another sub-tab; told the survey and language now and whenever they change."""
        self.views.addTab(widget, title)
        show = getattr(widget, "show_survey", None)
        if show is not None:
            self.survey_chosen.connect(show)
            show(self.chosen())
        lang = getattr(widget, "show_language", None)
        if lang is not None:
            self.language_chosen.connect(lang)
            lang(self.language())

    def chosen(self) -> str:
        return str(self.survey.currentData() or "")

    def language(self) -> str:
        return str(self.lang.currentData() or self.ctx.language or "en")

    # -- listing ----------------------------------------------------------------------------
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._listed:
            self.reload()

    def reload(self) -> None:
        if self.ctx.opened:
            ops.surveys(self.ctx).success(self._listed_surveys).failure(self._say).run(self)

    def _changed(self, changes: OpChanges, initiator: object) -> None:
        if changes.touches(Change.LIBRARY):
            self.reload()

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _listed_surveys(self, choices: list[ops.SurveyChoice]) -> None:
        self._listed = True
        before = self.chosen()
        self.choices = choices
        self.survey.blockSignals(True)
        self.survey.clear()
        for choice in choices:
            self.survey.addItem(choice.title, choice.key)
        self.survey.setCurrentIndex(max(0, self.survey.findData(before)))
        self.survey.blockSignals(False)
        self._say(
            ""
            if choices
            else _("No needs-assessment survey is installed: install a pack that has one.")
        )
        self._fill_languages()
        self.survey_chosen.emit(self.chosen())
        self.loaded.emit()

    def _fill_languages(self) -> None:
        choice = next((c for c in self.choices if c.key == self.chosen()), None)
        before = self.language()
        self.lang.blockSignals(True)
        self.lang.clear()
        for code in choice.languages if choice else ():
            self.lang.addItem(language_name(code), code)
        want = self.lang.findData(before)
        if want < 0:
            want = self.lang.findData(self.ctx.language)
        self.lang.setCurrentIndex(max(0, want))
        self.lang.blockSignals(False)
        self.language_chosen.emit(self.language())

    def _survey_changed(self, _index: int) -> None:
        self._fill_languages()
        self.survey_chosen.emit(self.chosen())

    def _lang_changed(self, _index: int) -> None:
        self.language_chosen.emit(self.language())

    def choose(self, key: str, language: str | None = None) -> None:
        """Choose a survey (and language) as a facilitator would in the lists."""
        self.survey.setCurrentIndex(self.survey.findData(key))
        if language is not None:
            self.lang.setCurrentIndex(self.lang.findData(language))
