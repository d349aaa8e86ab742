"""Workshop mode's window: a facilitator signs in with their PIN, picks what to present
(for now a module of an installed pack; later the workshop's agenda), and the window
becomes the presenter console while the audience view goes to the projector."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
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

from kit.i18n import _
from kit.ui.context import AppContext, Services, Session
from kit.ui.operations import presenter as ops
from kit.ui.operations import roles
from kit.ui.operations.core import open_core
from kit.ui.workshop.console import ConsoleView
from kit.ui.workshop.presenter import Presenter


class WorkshopWindow(QWidget):
    ready = Signal()  # the facilitator form is filled in: ready to sign in
    presenting = Signal()  # the presenter has started

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = AppContext(services=services, session=Session())
        self.setWindowTitle(_("Training Kit: workshop"))
        self.presenter: Presenter | None = None
        self.who = QComboBox()
        self.who.setAccessibleName(_("Facilitator"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(_("Facilitator PIN"))
        self.what = QComboBox()
        self.what.setAccessibleName(_("What to present"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("workshopMessage")
        self.present_button = QPushButton(_("Present"))
        self.present_button.clicked.connect(self.sign_in)
        self.pin.returnPressed.connect(self.sign_in)
        form_page = QWidget()
        form = QFormLayout(form_page)
        form.addRow(QLabel(f"<h2>{_('Workshop mode')}</h2>"))
        form.addRow(_("Facilitator"), self.who)
        form.addRow(_("PIN"), self.pin)
        form.addRow(_("Present"), self.what)
        form.addRow(self.message)
        form.addRow(self.present_button)
        self.console = ConsoleView()
        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(self.console)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        self._modules: list[tuple[str, str, str]] = []
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
        ops.modules(self.ctx).success(self._got_modules).failure(self._say).run(self)

    def _got_modules(self, found: list[tuple[str, str, str]]) -> None:
        self._modules = found
        self.what.clear()
        for _pack, _module, label in found:
            self.what.addItem(label)
        self.ready.emit()

    def sign_in(self) -> None:
        profile_id = self.who.currentData()
        if not profile_id or self.what.currentIndex() < 0:
            self._say(_("Choose a facilitator and what to present."))
            return
        op = ops.open_as_facilitator(self.ctx, profile_id, self.pin.text())
        op.success(self._signed_in).failure(self._say).run(self)

    def _signed_in(self, profile: Any) -> None:
        self.ctx.session.profile = profile
        self.pin.clear()
        pack_id, module_id, _label = self._modules[self.what.currentIndex()]
        ops.module_entries(self.ctx, pack_id, module_id).success(self.present).failure(
            self._say
        ).run(self)

    def present(self, entries: list[ops.AgendaEntry]) -> None:
        """Load the frames of `entries` and present them."""

        def loaded(frames: list[ops.Frame]) -> None:
            if not frames:
                self._say(_("There is nothing to present in this module."))
                return
            self.pages.setCurrentWidget(self.console)
            self.presenter = Presenter(self.ctx, entries, frames, console=self.console)
            self.installEventFilter(self.presenter)
            self.presenter.left.connect(self._left)
            self.presenter.start()
            self.presenting.emit()

        ops.load_frames(self.ctx, entries).success(loaded).failure(self._say).run(self)

    def _left(self) -> None:
        if self.presenter is not None:
            self.removeEventFilter(self.presenter)
        self.presenter = None
        self.pages.setCurrentIndex(0)
        self.show()  # hidden while the audience view had the only screen

    def shutdown(self) -> None:
        if self.presenter is not None:
            self.presenter.leave()
