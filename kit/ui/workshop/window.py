"""Workshop mode's window: a facilitator signs in with their PIN and gets the workshop
home (Plan, Attendance, Present); presenting turns the window into the presenter console
while the audience view goes to the projector, and leaving comes back to the home.
Sign out returns to the PIN form."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kit.core.render import is_rtl
from kit.i18n import _, current_language
from kit.ui.context import AppContext, Services, Session
from kit.ui.operations import presenter as ops
from kit.ui.operations import roles
from kit.ui.operations.core import open_core
from kit.ui.workshop.console import ConsoleView
from kit.ui.workshop.home import WorkshopHome
from kit.ui.workshop.present_page import Presentation
from kit.ui.workshop.presenter import Presenter


class WorkshopWindow(QWidget):
    ready = Signal()  # the facilitator form is filled in: ready to sign in
    signed_in = Signal()  # the home is shown
    presenting = Signal()  # the presenter has started

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = AppContext(services=services, session=Session(language=current_language()))
        self.setWindowTitle(_("Training Kit: workshop"))
        rtl = is_rtl(self.ctx.language)  # the home and the console read right-to-left
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.presenter: Presenter | None = None
        self.home: WorkshopHome | None = None
        self.who = QComboBox()
        self.who.setAccessibleName(_("Facilitator"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(_("Facilitator PIN"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("workshopMessage")
        self.sign_in_button = QPushButton(_("Sign in"))
        self.sign_in_button.clicked.connect(self.sign_in)
        self.pin.returnPressed.connect(self.sign_in)
        self.form_page = QWidget()
        form = QFormLayout(self.form_page)
        title = _("Workshop mode")  # not inside the f-string: pybabel would not find it
        form.addRow(QLabel(f"<h2>{title}</h2>"))
        form.addRow(_("Facilitator"), self.who)
        form.addRow(_("PIN"), self.pin)
        form.addRow(self.message)
        form.addRow(self.sign_in_button)
        self.console = ConsoleView()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.form_page)
        self.pages.addWidget(self.console)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        open_core(self.ctx).success(self._opened).failure(self._say).run(self)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _opened(self, _state: Any) -> None:
        roles.facilitators(self.ctx).success(self._got_facilitators).failure(self._say).run(self)

    def _got_facilitators(self, found: roles.Facilitators) -> None:
        self.who.clear()
        for profile in found.profiles:
            self.who.addItem(profile.name, profile.id)
        if not found.profiles:
            self._say(_("Workshop mode needs a facilitator: make one in the learner's window."))
        self.ready.emit()

    # -- signing in and out -----------------------------------------------------------------
    def sign_in(self) -> None:
        profile_id = self.who.currentData()
        if not profile_id:
            self._say(_("Choose a facilitator and type their PIN."))
            return
        op = ops.open_as_facilitator(self.ctx, profile_id, self.pin.text())
        op.success(self._signed_in).failure(self._say).run(self)

    def _signed_in(self, profile: Any) -> None:
        self.ctx.session.profile = profile
        self.pin.clear()
        self._say("")
        self.home = WorkshopHome(self.ctx)
        self.home.heading.setText(_("Workshop mode · {name}").format(name=profile.name))
        self.home.sign_out_requested.connect(self.sign_out)
        self.home.present_requested.connect(self.present)
        self.pages.addWidget(self.home)
        self.pages.setCurrentWidget(self.home)
        self.signed_in.emit()

    def sign_out(self) -> None:
        """Back to the PIN form; the home and what it showed are dropped."""
        if self.presenter is not None:
            self.presenter.leave()
        if self.home is not None:
            self.pages.removeWidget(self.home)
            self.home.deleteLater()
            self.home = None
        self.ctx.session.profile = None
        if self.console.touch_button.isChecked():
            self.console.toggle_touch()  # the next facilitator starts with the usual console
        self.pages.setCurrentWidget(self.form_page)
        self.pin.setFocus()

    # -- presenting ---------------------------------------------------------------------------
    def present(self, what: Presentation) -> None:
        """Load the frames of `what` and present them."""
        entries = list(what.entries)

        def loaded(frames: list[ops.Frame]) -> None:
            if not frames:
                self._tell(_("There is nothing to present here."))
                return
            start = next((n for n, f in enumerate(frames) if f.entry >= what.start), 0)
            self.pages.setCurrentWidget(self.console)
            self.console.say("")
            self.presenter = Presenter(
                self.ctx,
                entries,
                frames,
                console=self.console,
                session=what.session,
                start=start,
                say=self._problem,
            )
            self.installEventFilter(self.presenter)
            self.presenter.left.connect(self._left)
            self.presenter.start()
            self.presenting.emit()

        ops.load_frames(self.ctx, entries).success(loaded).failure(self._tell).run(self)

    def _problem(self, text: str) -> None:
        """Said on the console while presenting and on the Present tab after it."""
        self.console.say(text)
        self._tell(text)

    def _tell(self, text: str) -> None:
        if self.home is not None:
            self.home.present.say(text)

    def _left(self) -> None:
        if self.presenter is not None:
            self.removeEventFilter(self.presenter)
        self.presenter = None
        self.pages.setCurrentWidget(self.home if self.home is not None else self.form_page)
        self.show()  # hidden while the audience view had the only screen

    def shutdown(self) -> None:
        if self.presenter is not None:
            self.presenter.leave()
