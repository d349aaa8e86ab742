"""Workshop mode's home after the facilitator signs in: Plan, Attendance, Present and Print
tabs
about one chosen workshop, and Sign out.

Each tab is a page with `show_workshop(workshop_id | None)`; the Plan tab says which
workshop is chosen (`PlanPage.workshop_chosen`) and the home passes it to the others.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.needs.page import NeedsPage
from kit.ui.workshop.attendance.page import AttendancePage
from kit.ui.workshop.feedback.page import FeedbackPage
from kit.ui.workshop.learners.page import LearnersPage
from kit.ui.workshop.planning.page import PlanPage
from kit.ui.workshop.prepost.page import PrePostPage
from kit.ui.workshop.present_page import PresentPage
from kit.ui.workshop.printing.page import PrintPage
from kit.ui.workshop.report.page import ReportPage


class WorkshopHome(QWidget):
    workshop_changed = Signal(str)  # "" when none is chosen
    sign_out_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self.heading = QLabel()
        self.heading.setObjectName("workshopHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.plan = PlanPage(ctx)
        self.attendance = AttendancePage(ctx)
        self.present = PresentPage(ctx)
        self.printing = PrintPage(ctx)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plan, _("Plan"))
        self.tabs.addTab(self.attendance, _("Attendance"))
        self.tabs.addTab(self.present, _("Present"))
        self.tabs.addTab(self.printing, _("Print"))
        self.tabs.addTab(PrePostPage(ctx), _("Pre/post"))
        self.tabs.addTab(FeedbackPage(ctx), _("Feedback"))
        self.add_tab(ReportPage(ctx), _("Report"))
        self.needs = NeedsPage(ctx)  # not about the chosen workshop: it comes before any
        self.add_tab(self.needs, _("Needs"))
        self.learners = LearnersPage(ctx)  # every learner, from all merged records
        self.add_tab(self.learners, _("Learners"))
        self.sign_out_button = QPushButton(_("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.plan.workshop_chosen.connect(self.choose)

    def add_tab(self, page: QWidget, title: str) -> None:
        """Another tab about the chosen workshop (the page has `show_workshop`)."""
        self.tabs.addTab(page, title)
        show = getattr(page, "show_workshop", None)
        if show is not None:
            show(self.workshop_id)

    def choose(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id or None
        for index in range(self.tabs.count()):
            show = getattr(self.tabs.widget(index), "show_workshop", None)
            if show is not None:
                show(self.workshop_id)
        self.workshop_changed.emit(workshop_id)
