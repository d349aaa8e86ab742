"""Changing one profile on the start screen: rename, PIN (set, change, remove, or reset
by a facilitator), delete. The profile's own PIN is asked for each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations import profiles as ops
from kit.ui.operations.roles import reset_pin
from kit.ui.pages.facilitator_panel import FacilitatorPanel
from kit.ui.pages.profile_forms import avatar_label, centred_column
from kit.ui.widgets.forms import button, label, pin_edit


class ManageForm(QWidget):
    """Rename or delete one profile (its PIN is asked for both); a facilitator resets its
    forgotten PIN or changes its role (kit.ui.pages.facilitator_panel)."""

    changed = Signal()
    said = Signal(str)  # what a facilitator action did, for the profiles list
    back = Signal()

    def __init__(self, ctx: AppContext, profile, parent=None, facilitators=()) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profile = profile
        self.facilitators = [f for f in facilitators if f.id != profile.id]
        column = centred_column(self)
        column.addStretch(1)
        column.addWidget(avatar_label(profile, 64))
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
        self.roles = FacilitatorPanel(ctx, profile, self._pin)
        self.roles.changed.connect(self._role_changed)
        column.addWidget(self.roles)
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
        self.roles.failed.connect(self.error.setText)
        column.addWidget(button(_("Back"), accessible=_("Back to the profiles"), slot=self.back.emit),
                         0, Qt.AlignmentFlag.AlignLeft)  # fmt: skip
        column.addStretch(2)

    def _role_changed(self, sentence: str) -> None:
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
        if has_pin and self.facilitators:
            self._reset_section(column)

    def _reset_section(self, column: QVBoxLayout) -> None:
        """Forgotten PIN: a facilitator types their own PIN to set the new one above."""
        column.addWidget(label(_("Forgot the PIN? A facilitator can set the new PIN typed "
                                 "above with their own PIN."), "muted"))  # fmt: skip
        row = QHBoxLayout()
        self.facilitator = QComboBox()
        self.facilitator.setAccessibleName(_("Facilitator"))
        for person in self.facilitators:
            self.facilitator.addItem(person.name, person.id)
        row.addWidget(self.facilitator)
        self.facilitator_pin = pin_edit(_("PIN of the facilitator"))
        self.facilitator_pin.setPlaceholderText(_("Their PIN"))
        row.addWidget(self.facilitator_pin)
        self.reset_button = button(_("Set the new PIN"), slot=self.reset_pin)
        row.addWidget(self.reset_button)
        row.addStretch(1)
        column.addLayout(row)

    def reset_pin(self) -> None:
        self.error.setText("")
        new, again = self.new_pin.text(), self.new_pin_again.text()
        if len(new) != 4 or new != again:
            self.error.setText(
                _("A PIN has exactly 4 digits.") if len(new) != 4
                else _("The two PINs are not the same.")
            )  # fmt: skip
            return
        if len(self.facilitator_pin.text()) != 4:
            self.error.setText(_("The facilitator types their own PIN first."))
            self.facilitator_pin.setFocus()
            return
        reset_pin(
            self.ctx, self.profile.id, new, self.facilitator.currentData(),
            self.facilitator_pin.text(),
        ).success(self._pin_saved).failure(self.error.setText).run(self)  # fmt: skip

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
