"""The forms of the start screen: create a profile, enter a PIN, rename or delete."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
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
from kit.ui.pages.facilitator_panel import FacilitatorPanel
from kit.ui.widgets.avatar import avatar_pixmap
from kit.ui.widgets.forms import button, label, pin_edit

COLOURS = (
    ("#1f77b4", N_("Blue")), ("#d62728", N_("Red")), ("#2ca02c", N_("Green")),
    ("#9467bd", N_("Purple")), ("#ff7f0e", N_("Orange")), ("#17becf", N_("Teal")),
    ("#8c564b", N_("Brown")), ("#e377c2", N_("Pink")),
)  # fmt: skip


def _column(widget: QWidget, width: int = 460) -> QVBoxLayout:
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


def _avatar(profile, size: int = 88) -> QLabel:
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
        column = _column(self)
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
        self.facilitator = QCheckBox(
            _("I run this computer for a group: make me its facilitator (needs a PIN)")
        )
        self.facilitator.setVisible(first)
        column.addWidget(self.facilitator)
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
        column = _column(self, 380)
        column.addStretch(1)
        column.addWidget(_avatar(profile))
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


class ManageForm(QWidget):
    """Rename or delete one profile (its PIN is asked for both); a facilitator resets its
    forgotten PIN or changes its role (kit.ui.pages.facilitator_panel)."""

    changed = Signal()
    said = Signal(str)  # what a facilitator action did, for the profiles list
    back = Signal()

    def __init__(self, ctx: AppContext, profile, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profile = profile
        column = _column(self)
        column.addStretch(1)
        column.addWidget(_avatar(profile, 64))
        column.addWidget(
            label(_("Change the profile of {name}").format(name=profile.name), "title")
        )
        self.pin = pin_edit(_("PIN of {name}").format(name=profile.name))
        if profile.has_pin:
            column.addWidget(label(_("Enter the PIN of this profile first."), "muted"))
            column.addWidget(self.pin)
        column.addWidget(label(_("Name"), "heading"))
        row = QHBoxLayout()
        self.name = QLineEdit(profile.name)
        self.name.setAccessibleName(_("New name"))
        self.name.setMaxLength(40)
        row.addWidget(self.name, 1)
        self.rename_button = button(_("Rename"), slot=self.rename)
        row.addWidget(self.rename_button)
        column.addLayout(row)
        self._pin_section(column)
        self.facilitator = FacilitatorPanel(ctx, profile, self._pin)
        self.facilitator.changed.connect(self._facilitator_done)
        column.addWidget(self.facilitator)
        column.addWidget(label(_("Delete"), "heading"))
        column.addWidget(
            label(_("Deleting removes this profile and all its progress from this computer."))
        )
        self.delete_button = button(_("Delete profile…"), "danger", slot=self.ask_delete)
        column.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm = QWidget()
        confirm_row = QHBoxLayout(self.confirm)
        confirm_row.setContentsMargins(0, 0, 0, 0)
        confirm_row.addWidget(
            label(_("Really delete {name} and all of its progress?").format(name=profile.name))
        )
        self.confirm_button = button(_("Yes, delete"), "danger", slot=self.delete)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(button(_("Keep it"), slot=lambda: self.confirm.hide()))
        self.confirm.hide()
        column.addWidget(self.confirm)
        self.error = label("", "error")
        column.addWidget(self.error)
        self.facilitator.failed.connect(self.error.setText)
        column.addWidget(button(_("Back"), accessible=_("Back to the profiles"), slot=self.back.emit),
                         0, Qt.AlignmentFlag.AlignLeft)  # fmt: skip
        column.addStretch(2)

    def _facilitator_done(self, sentence: str) -> None:
        self.said.emit(sentence)
        self.changed.emit()

    def _pin(self) -> str | None:
        return self.pin.text() if self.profile.has_pin else None

    def _pin_section(self, column: QVBoxLayout) -> None:
        """Set a PIN, or change or remove it (the current PIN, typed above, is checked)."""
        column.addWidget(label(_("PIN"), "heading"))
        row = QHBoxLayout()
        self.new_pin = pin_edit(_("New PIN"))
        self.new_pin_again = pin_edit(_("Repeat the new PIN"))
        for edit, text in ((self.new_pin, _("New PIN")),
                           (self.new_pin_again, _("Repeat the new PIN"))):  # fmt: skip
            edit.setPlaceholderText(text)
            row.addWidget(edit)
        has_pin = self.profile.has_pin
        self.set_pin_button = button(_("Change PIN") if has_pin else _("Set PIN"),
                                     slot=self.change_pin)  # fmt: skip
        row.addWidget(self.set_pin_button)
        row.addStretch(1)
        column.addLayout(row)
        self.remove_pin_button = button(_("Remove the PIN"), slot=self.remove_pin)
        self.remove_pin_button.setVisible(has_pin)
        if has_pin:
            column.addWidget(self.remove_pin_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _current_pin_typed(self) -> bool:
        if self.profile.has_pin and len(self.pin.text()) != 4:
            self.error.setText(_("Enter the PIN of this profile first."))
            self.pin.setFocus()
            return False
        return True

    def change_pin(self) -> None:
        self.error.setText("")
        new, again = self.new_pin.text(), self.new_pin_again.text()
        if not self._current_pin_typed():
            return
        if len(new) != 4:
            self.error.setText(_("A PIN has exactly 4 digits."))
            return
        if new != again:
            self.error.setText(_("The two PINs are not the same."))
            return
        ops.set_pin(self.ctx, self.profile.id, new, self._pin()).success(self._pin_saved).failure(
            self.error.setText
        ).run(self)

    def remove_pin(self) -> None:
        self.error.setText("")
        if self._current_pin_typed():
            ops.set_pin(self.ctx, self.profile.id, None, self._pin()).success(
                self._pin_saved
            ).failure(self.error.setText).run(self)

    def _pin_saved(self, _profile) -> None:
        self.changed.emit()

    def rename(self) -> None:
        self.error.setText("")
        ops.rename_profile(self.ctx, self.profile.id, self._pin(), self.name.text()).success(
            lambda _p: self.changed.emit()
        ).failure(self.error.setText).run(self)

    def ask_delete(self) -> None:
        self.error.setText("")
        if self.profile.has_pin and len(self.pin.text()) != 4:
            self.error.setText(_("Enter the PIN of this profile first."))
            return
        self.confirm.show()
        self.confirm_button.setFocus()

    def delete(self) -> None:
        self.confirm.hide()
        ops.delete_profile(self.ctx, self.profile.id, self._pin()).success(
            lambda _b: self.changed.emit()
        ).failure(self.error.setText).run(self)
