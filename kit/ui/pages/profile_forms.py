"""The forms of the start screen: create a profile, enter a PIN, rename or delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import N_, _, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import profiles as ops
from kit.ui.operations.roles import create_facilitator
from kit.ui.widgets.avatar import avatar_pixmap
from kit.ui.widgets.forms import button, label, pin_edit, wrapping_check_box

COLOURS = (
    ("#1f77b4", N_("Blue")), ("#d62728", N_("Red")), ("#2ca02c", N_("Green")),
    ("#9467bd", N_("Purple")), ("#ff7f0e", N_("Orange")), ("#17becf", N_("Teal")),
    ("#8c564b", N_("Brown")), ("#e377c2", N_("Pink")),
)  # fmt: skip


def centred_column(widget: QWidget, width: int = 460) -> QVBoxLayout:
    """A centred column of fixed width inside `widget`."""
    outer = QHBoxLayout(widget)
    outer.addStretch(1)
    inner = QWidget()
    inner.setMaximumWidth(width)
    inner.setMinimumWidth(min(width, 360))
    column = QVBoxLayout(inner)
    column.setSpacing(12)
    outer.addWidget(inner, 3)
    outer.addStretch(1)
    return column


def avatar_label(profile, size: int = 88) -> QLabel:
    pic = QLabel()
    pic.setPixmap(avatar_pixmap(profile.name, profile.colour, size))
    pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
    pic.setAccessibleName(_("Avatar of {name}").format(name=profile.name))
    return pic


class CreateProfileForm(QWidget):
    """Name, avatar colour, optional PIN (typed twice)."""

    created = Signal(object)  # Profile
    cancelled = Signal()

    def __init__(self, ctx: AppContext, first: bool, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        column = centred_column(self)
        column.addStretch(1)
        title = _("Welcome! Create your profile") if first else _("New profile")
        column.addWidget(label(title, "title"))
        column.addWidget(
            label(_("Your progress is kept under this name on this computer."), "muted")
        )
        form = QFormLayout()
        form.setSpacing(10)
        self.name = QLineEdit()
        self.name.setAccessibleName(_("Your name"))
        self.name.setPlaceholderText(_("For example: Amina"))
        self.name.setMaxLength(40)
        form.addRow(_("Your name"), self.name)
        form.addRow(_("Colour"), self._swatches())
        self.pin = pin_edit(_("PIN (optional)"))
        self.pin_again = pin_edit(_("Repeat the PIN"))
        form.addRow(_("PIN (optional)"), self.pin)
        form.addRow(_("Repeat the PIN"), self.pin_again)
        column.addLayout(form)
        column.addWidget(label(_("A 4-digit PIN keeps others from opening your profile."), "muted"))
        # The first profile on a computer is offered the facilitator's role (with a PIN).
        row, self.facilitator = wrapping_check_box(
            _("I run this computer for a group: make me its facilitator (needs a PIN)")
        )
        row.setVisible(first)
        self.facilitator.setVisible(first)
        column.addWidget(row)
        self.error = label("", "error")
        column.addWidget(self.error)
        row = QHBoxLayout()
        if not first:
            row.addWidget(button(_("Cancel"), slot=self.cancelled.emit))
        row.addStretch(1)
        self.create_button = button(_("Create profile"), "primary", slot=self.submit)
        row.addWidget(self.create_button)
        column.addLayout(row)
        column.addStretch(2)
        self.name.returnPressed.connect(self.submit)
        self.pin_again.returnPressed.connect(self.submit)

    def _swatches(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.colours = QButtonGroup(self)
        for index, (colour, name) in enumerate(COLOURS):
            swatch = QToolButton()
            swatch.setProperty("role", "swatch")
            swatch.setCheckable(True)
            pix = QPixmap(26, 26)
            pix.fill(QColor(colour))
            swatch.setIcon(QIcon(pix))
            swatch.setFixedSize(36, 36)
            swatch.setAccessibleName(_(name))
            swatch.setToolTip(_(name))
            swatch.setProperty("colour", colour)
            self.colours.addButton(swatch, index)
            row.addWidget(swatch)
        self.colours.button(0).setChecked(True)
        row.addStretch(1)
        return box

    def submit(self) -> None:
        pin, again = self.pin.text(), self.pin_again.text()
        if pin and len(pin) != 4:
            self.error.setText(_("A PIN has exactly 4 digits."))
            return
        if pin != again:
            self.error.setText(_("The two PINs are not the same."))
            return
        facilitator = not self.facilitator.isHidden() and self.facilitator.isChecked()
        if facilitator and not pin:
            self.error.setText(_("A facilitator needs a PIN; type one twice above."))
            return
        self.create_button.setEnabled(False)
        colour = self.colours.checkedButton().property("colour")
        name, language = self.name.text(), self.ctx.language
        op = (
            create_facilitator(self.ctx, name, colour, pin, language)
            if facilitator
            else ops.create_profile(self.ctx, name, colour, pin or None, language)
        )
        op.success(self.created.emit).failure(self._failed).run(self)

    def _failed(self, message: str) -> None:
        self.create_button.setEnabled(True)
        self.error.setText(message)


class PinForm(QWidget):
    """Sign in to a profile with its PIN; says when the PIN is wrong or tries are locked."""

    accepted = Signal(object)  # Profile
    back = Signal()

    def __init__(self, ctx: AppContext, profile, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profile = profile
        self.wait = 0
        column = centred_column(self, 380)
        column.addStretch(1)
        column.addWidget(avatar_label(profile))
        name = label(profile.name, "title")
        name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(name)
        prompt = label(_("Enter your PIN"), "muted")
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(prompt)
        self.pin = pin_edit(_("PIN of {name}").format(name=profile.name))
        column.addWidget(self.pin, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error = label("", "error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.error)
        self.wait_label = label("", "muted")
        self.wait_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.wait_label)
        row = QHBoxLayout()
        row.addWidget(button(_("Back"), accessible=_("Back to the profiles"), slot=self.back.emit))
        row.addStretch(1)
        self.ok = button(_("Open"), "primary", accessible=_("Open my profile"), slot=self.submit)
        row.addWidget(self.ok)
        column.addLayout(row)
        column.addStretch(2)
        self.pin.returnPressed.connect(self.submit)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        ops.pin_wait_seconds(ctx, profile.id).success(self._locked_for).run(self)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.pin.setFocus()

    def submit(self) -> None:
        if self.wait > 0 or not self.ok.isEnabled():
            return
        if len(self.pin.text()) != 4:
            self.error.setText(_("A PIN has exactly 4 digits."))
            return
        self.ok.setEnabled(False)
        ops.check_pin(self.ctx, self.profile.id, self.pin.text()).success(self._answered).failure(
            lambda message: self._answered(ops.PinAnswer(False, message))
        ).run(self)

    def _answered(self, answer: ops.PinAnswer) -> None:
        self.ok.setEnabled(True)
        if answer.ok:
            self.accepted.emit(self.profile)
            return
        self.pin.clear()
        self.error.setText(
            answer.message if not answer.locked_seconds else _("That PIN is not right.")
        )
        self._locked_for(answer.locked_seconds)

    def _locked_for(self, seconds: int) -> None:
        self.wait = int(seconds or 0)
        locked = self.wait > 0
        self.pin.setEnabled(not locked)
        self.ok.setEnabled(not locked)
        if locked:
            self._show_wait()
            self.timer.start()

    def _show_wait(self) -> None:
        self.wait_label.setText(
            ngettext(
                "Too many wrong PINs; try again in {n} second.",
                "Too many wrong PINs; try again in {n} seconds.",
                self.wait,
            ).format(n=self.wait)
        )

    def _tick(self) -> None:
        self.wait -= 1
        if self.wait > 0:
            self._show_wait()
            return
        self.timer.stop()
        self.wait_label.setText("")
        self.pin.setEnabled(True)
        self.ok.setEnabled(True)
        self.pin.setFocus()
