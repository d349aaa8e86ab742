"""Learning Record Store: address, user, password, "Send now" and what still waits."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
)

from kit.i18n import _, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import lrs as ops
from kit.ui.widgets.forms import button, label
from kit.ui.widgets.plain import plain_tooltip

EXAMPLE_ADDRESS = "https://lrs.example.org/xAPI/"  # an address, the same in every language


class LrsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job = None
        self.setWindowTitle(_("Learning Record Store"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(label(_("Learning Record Store"), "title"))
        layout.addWidget(label(_("Progress and attendance can be sent, without names, to "
                                 "your organisation's Learning Record Store (xAPI) whenever "
                                 "this computer is online."), "muted"))  # fmt: skip
        form = QFormLayout()
        self.address = QLineEdit()
        self.address.setAccessibleName(_("Address of the store"))
        self.address.setPlaceholderText(EXAMPLE_ADDRESS)
        self.address.setToolTip(plain_tooltip(_("The xAPI address your organisation gave you.")))
        form.addRow(_("Address"), self.address)
        self.user = QLineEdit()
        self.user.setAccessibleName(_("User name"))
        form.addRow(_("User name"), self.user)
        self.password = QLineEdit()
        self.password.setAccessibleName(_("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(_("Password"), self.password)
        layout.addLayout(form)
        self.waiting = label("", "muted")
        layout.addWidget(self.waiting)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("Sending records"))
        self.bar.setTextVisible(False)
        self.bar.setVisible(False)
        layout.addWidget(self.bar)
        self.status = label("", "muted")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.save_button = button(_("Save"), slot=self.save)
        self.send_button = button(_("Send now"), slot=self.send)
        self.cancel_button = button(_("Cancel"), slot=self.cancel)
        self.cancel_button.setVisible(False)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(button(_("Close"), slot=self.accept))
        layout.addLayout(buttons)
        ops.load_lrs(ctx).success(self.show_state).failure(self.status.setText).run(self)

    def show_state(self, state: ops.LrsState) -> None:
        self.address.setText(state.config.endpoint)
        self.user.setText(state.config.user)
        self.password.setText(state.config.password)
        self._show_waiting(state.waiting if state.config.configured else None)

    def _show_waiting(self, waiting: int | None) -> None:
        if waiting is None:
            self.waiting.setText(_("No store is set yet."))
        else:
            self.waiting.setText(
                ngettext(
                    "{n} record waits to be sent.", "{n} records wait to be sent.", waiting
                ).format(n=waiting)
            )
        self.send_button.setEnabled(waiting is not None)

    def save(self) -> None:
        ops.save_lrs(
            self.ctx, self.address.text(), self.user.text(), self.password.text()
        ).success(
            lambda state: (self.show_state(state), self.status.setText(_("Saved.")))
        ).failure(self.status.setText).run(self)  # fmt: skip

    def send(self) -> None:
        self._busy(True)
        self.status.setText(_("Sending…"))
        self.job = (
            ops.send_now(self.ctx)
            .success(self._sent)
            .failure(self._failed)
            .progress(self._progress)
            .cancelled(self._stopped)
            .run(self)
        )

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)

    def _progress(self, done: int, total: int, _text: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _busy(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.bar.setRange(0, 0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.send_button.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    def _sent(self, result) -> None:
        self._busy(False)
        self.job = None
        sent = ngettext("{n} record sent.", "{n} records sent.", result.sent).format(n=result.sent)
        self.status.setText(f"{sent} {result.error}".strip())
        self._show_waiting(result.waiting)

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.job = None
        self.status.setText(message)

    def _stopped(self) -> None:
        self._busy(False)
        self.job = None
        self.status.setText(_("Sending stopped; the rest waits."))
        ops.load_lrs(self.ctx).success(lambda s: self._show_waiting(s.waiting)).run(self)
