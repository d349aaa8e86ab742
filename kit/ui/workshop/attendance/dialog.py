"""Editing one participant of the register: details, consent, learner profile, new editor."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
)

from kit.i18n import _


class ParticipantDialog(QDialog):
    """The fields of `who`; `participant()` is the edited copy (no contact without consent)."""

    def __init__(self, who: Any, profiles: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.who = who
        self.setWindowTitle(_("Edit participant"))
        self.name = QLineEdit(who.name)
        self.name.setAccessibleName(_("Name"))
        self.username = QLineEdit(who.wiki_username)
        self.username.setAccessibleName(_("Wiki username"))
        self.consent = QCheckBox(_("Consents to keeping a contact"))
        self.consent.setChecked(who.consent)
        self.contact = QLineEdit(who.contact)
        self.contact.setAccessibleName(_("Contact"))
        self.notes = QLineEdit(who.notes)
        self.notes.setAccessibleName(_("Notes"))
        self.profile = QComboBox()
        self.profile.setAccessibleName(_("Learner profile"))
        self.profile.addItem(_("No profile"), "")
        for profile_id, name in sorted(profiles.items(), key=lambda pair: pair[1].casefold()):
            self.profile.addItem(name, profile_id)
        self.profile.setCurrentIndex(max(0, self.profile.findData(who.profile_id or "")))
        self.new_editor = QCheckBox(_("New editor: the wiki account was created at the event"))
        self.new_editor.setChecked(who.new_editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("Name"), self.name)
        form.addRow(_("Wiki username"), self.username)
        form.addRow(self.consent)
        form.addRow(_("Contact"), self.contact)
        form.addRow(_("Notes"), self.notes)
        form.addRow(_("Learner profile"), self.profile)
        form.addRow(self.new_editor)
        form.addRow(buttons)
        self.consent.toggled.connect(self._consent_changed)
        self._consent_changed(self.consent.isChecked())

    def _consent_changed(self, on: bool) -> None:
        self.contact.setEnabled(on)
        if not on:
            self.contact.clear()

    def participant(self) -> Any:
        consent = self.consent.isChecked()
        return replace(
            self.who,
            name=self.name.text(),
            wiki_username=self.username.text(),
            consent=consent,
            contact=self.contact.text() if consent else "",
            notes=self.notes.text(),
            profile_id=self.profile.currentData() or None,
            new_editor=self.new_editor.isChecked(),
        )
