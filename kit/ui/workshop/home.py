"""Workshop mode's home after the facilitator signs in: Plan, Attendance, Present and Print
tabs
about one chosen workshop, and Sign out.

Each tab is a page with `show_workshop(workshop_id | None)`; the Plan tab says which
workshop is chosen (`PlanPage.workshop_chosen`) and the home passes it to the others that
are built; a tab is built the first time it is shown or asked for (kit.ui.workshop.lazy_tabs)
and then told the chosen workshop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.needs.page import NeedsPage
from kit.ui.workshop.attendance.page import AttendancePage
from kit.ui.workshop.feedback.page import FeedbackPage
from kit.ui.workshop.lazy_tabs import LazyTabs
from kit.ui.workshop.learners.page import LearnersPage
from kit.ui.workshop.planning.page import PlanPage
from kit.ui.workshop.prepost.page import PrePostPage
from kit.ui.workshop.present_page import PresentPage
from kit.ui.workshop.printing.page import PrintPage
from kit.ui.workshop.report.page import ReportPage

_Page = TypeVar("_Page", bound=QWidget)


class WorkshopHome(QWidget):
    workshop_changed = Signal(str)  # "" when none is chosen
    sign_out_requested = Signal()
    present_requested = Signal(object)  # the Present tab's Presentation, once it is built

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.workshop_id: str | None = None
        self._told: set[int] = set()  # tabs told of the workshop even when none is chosen
        self.heading = QLabel()
        self.heading.setObjectName("workshopHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tabs = LazyTabs()
        self.tabs.setDocumentMode(True)
        self.tabs.page_built.connect(self._built)
        self.plan = PlanPage(ctx)  # the first tab shown: built at once
        self.tabs.addTab(self.plan, _("Plan"))
        # The others are built when first shown (or asked for), each then told the
        # chosen workshop: opening the home does not build nine pages and their reads.
        self.tabs.add_lazy(lambda: AttendancePage(ctx), _("Attendance"))
        self.tabs.add_lazy(self._make_present, _("Present"))
        self.tabs.add_lazy(lambda: PrintPage(ctx), _("Print"))
        self.tabs.add_lazy(lambda: PrePostPage(ctx), _("Pre/post"))
        self.tabs.add_lazy(lambda: FeedbackPage(ctx), _("Feedback"))
        self.add_tab(lambda: ReportPage(ctx), _("Report"))
        # Needs is not about the chosen workshop: it comes before any.
        self.add_tab(lambda: NeedsPage(ctx), _("Needs"))
        self.add_tab(lambda: LearnersPage(ctx), _("Learners"))  # all merged records
        self.sign_out_button = QPushButton(_("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.sign_out_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        self.plan.workshop_chosen.connect(self.choose)

    # The pages other code speaks to, built when first asked for.
    @property
    def attendance(self) -> AttendancePage:
        return self._page(1, AttendancePage)

    @property
    def present(self) -> PresentPage:
        return self._page(2, PresentPage)

    @property
    def printing(self) -> PrintPage:
        return self._page(3, PrintPage)

    @property
    def needs(self) -> NeedsPage:
        return self._page(7, NeedsPage)

    @property
    def learners(self) -> LearnersPage:
        return self._page(8, LearnersPage)

    def _page(self, index: int, kind: type[_Page]) -> _Page:
        page = self.tabs.page(index)
        assert isinstance(page, kind)
        return page

    def _make_present(self) -> PresentPage:
        page = PresentPage(self.ctx)
        page.present_requested.connect(self.present_requested)
        return page

    def add_tab(self, make: Callable[[], QWidget], title: str) -> None:
        """Another tab about the chosen workshop (the page `make()` returns has
        `show_workshop`), built when first shown and then told the chosen workshop."""
        self._told.add(self.tabs.add_lazy(make, title))

    def _built(self, index: int, page: QWidget) -> None:
        show = getattr(page, "show_workshop", None)
        if show is not None and (self.workshop_id is not None or index in self._told):
            show(self.workshop_id)

    def choose(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id or None
        for page in self.tabs.built_pages():  # the others are told when built
            show = getattr(page, "show_workshop", None)
            if show is not None:
                show(self.workshop_id)
        self.workshop_changed.emit(workshop_id)
