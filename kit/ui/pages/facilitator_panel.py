"""The role part of "Manage profiles": make a profile a facilitator (or a learner again)
with a facilitator's PIN; while there is no facilitator, a profile makes itself one with
its own PIN. (A forgotten PIN is reset in the form's PIN section, kit.ui.pages.profile_manage.)"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations import roles as ops
from kit.ui.widgets.forms import button, label, pin_edit


class FacilitatorPanel(QWidget):
    """Facilitator actions on `profile`; `own_pin()` reads the profile's own PIN field
    (the manage form's), used when the profile makes itself the first facilitator."""

    changed = Signal(str)  # a sentence: what was done
    failed = Signal(str)

    def __init__(self, ctx: AppContext, profile, own_pin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.profile, self.own_pin = ctx, profile, own_pin
        self.found: ops.Facilitators | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label(_("Facilitator"), "heading"))
        self.explain = label("", "muted")
        column.addWidget(self.explain)
        self.who_row = QWidget()
        row = QHBoxLayout(self.who_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.who = QComboBox()
        self.who.setAccessibleName(_("Facilitator"))
        row.addWidget(self.who, 1)
        self.who_pin = pin_edit(_("Facilitator PIN"))
        self.who_pin.setPlaceholderText(_("PIN"))
        row.addWidget(self.who_pin)
        column.addWidget(self.who_row)
        self.role_button = button("", slot=self.toggle_role)
        column.addWidget(self.role_button)
        self.setEnabled(False)
        ops.facilitators(ctx).success(self.show_facilitators).failure(self.failed.emit).run(self)

    def show_facilitators(self, found: ops.Facilitators) -> None:
        self.found = found
        others = [p for p in found.profiles if p.id != self.profile.id] or found.profiles
        self.who.clear()
        for profile in others:
            self.who.addItem(f"{profile.name} ({profile.short_code})", profile.id)
        self_appoint = found.may_self_appoint
        self.who_row.setVisible(not self_appoint)
        facilitator = self.profile.is_facilitator
        self.role_button.setText(
            _("Make {name} a learner").format(name=self.profile.name)
            if facilitator
            else _("Make {name} a facilitator").format(name=self.profile.name)
        )
        self.explain.setText(
            _("No profile on this computer is a facilitator yet. A facilitator restores "
              "backups, resets forgotten PINs and makes others facilitators; it needs a PIN.")
            if self_appoint
            else _("A facilitator confirms a change of role with their PIN.")
        )  # fmt: skip
        self.setEnabled(True)

    def _facilitator(self) -> tuple[str | None, str | None] | None:
        """(facilitator id, PIN) for the action, or None after saying what is missing."""
        if self.found is None:
            return None
        if self.found.may_self_appoint:
            pin = self.own_pin()
            if not self.profile.has_pin or len(pin or "") != 4:
                self.failed.emit(_("A facilitator needs a PIN; give the profile one first."))
                return None
            return None, pin
        if len(self.who_pin.text()) != 4:
            self.failed.emit(_("Enter a facilitator's PIN first."))
            self.who_pin.setFocus()
            return None
        return self.who.currentData(), self.who_pin.text()

    def toggle_role(self) -> None:
        who = self._facilitator()
        if who is None:
            return
        role = "learner" if self.profile.is_facilitator else "facilitator"
        name = self.profile.name
        said = (
            _("{name} is a facilitator now.").format(name=name)
            if role == "facilitator"
            else _("{name} is a learner now.").format(name=name)
        )
        self.who_pin.clear()
        ops.set_role(self.ctx, self.profile.id, role, *who).success(
            lambda _p: self.changed.emit(said)
        ).failure(self.failed.emit).run(self)
