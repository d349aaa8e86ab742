"""The records backups: list them, make one now, restore one (after a confirmation)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import N_, _, format_datetime, format_size
from kit.ui.context import AppContext
from kit.ui.operations import records as ops
from kit.ui.widgets.forms import button, label, no_default_button, pin_edit

REASONS = {
    "auto": N_("automatic"), "manual": N_("made by hand"),
    "before-restore": N_("before a restore"), "before-delete": N_("before deleting a profile"),
}  # fmt: skip


class BackupsDialog(QDialog):
    restored = Signal()

    def __init__(self, ctx: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Backups of the learner records"))
        self.setMinimumSize(560, 420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(label(_("Backups of the learner records"), "title"))
        layout.addWidget(label(_("Training Kit backs up everyone's progress when it starts, at "
                                 "most once a day. Restoring replaces all profiles and progress "
                                 "with the backup's; the current records are backed up first."),
                               "muted"))  # fmt: skip
        self.list = QListWidget()
        self.list.setAccessibleName(_("Backups, newest first"))
        self.list.currentItemChanged.connect(lambda *_a: self.cancel_restore())
        layout.addWidget(self.list, 1)
        layout.addWidget(self._confirmation())
        self.status = label("", "muted")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(button(_("Back up now"), slot=self.backup_now))
        buttons.addStretch(1)
        self.restore_button = button(_("Restore…"), slot=self.ask_restore)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(button(_("Close"), slot=self.accept))
        layout.addLayout(buttons)
        # Return in the PIN field confirms the restore; it must not also press "Back up
        # now" (the dialog's first button, so its default: it made a backup each time).
        no_default_button(self)
        self.reload()

    def _confirmation(self) -> QWidget:
        """The question before a restore: what it takes out of the app, Yes or Cancel."""
        self.confirm = QWidget()
        box = QVBoxLayout(self.confirm)
        box.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = label("")
        self.confirm_text.setAccessibleName(_("What restoring this backup loses"))
        box.addWidget(self.confirm_text)
        box.addWidget(self._facilitator_row())
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_button = button(_("Yes, restore"), "danger", slot=self.restore)
        row.addWidget(self.confirm_button)
        self.cancel_button = button(_("Cancel"), slot=self.cancel_restore)
        row.addWidget(self.cancel_button)
        box.addLayout(row)
        self.confirm.hide()
        self._pending: str | None = None
        return self.confirm

    def _facilitator_row(self) -> QWidget:
        """Once there is a facilitator, one of them confirms a restore with their PIN."""
        self.facilitator_row = QWidget()
        row = QHBoxLayout(self.facilitator_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label(_("Facilitator:"), wrap=False))
        self.facilitator = QComboBox()
        self.facilitator.setAccessibleName(_("Facilitator"))
        row.addWidget(self.facilitator, 1)
        self.facilitator_pin = pin_edit(_("Facilitator PIN"))
        self.facilitator_pin.setPlaceholderText(_("PIN"))
        self.facilitator_pin.returnPressed.connect(self.restore)
        row.addWidget(self.facilitator_pin)
        self.facilitator_row.hide()
        return self.facilitator_row

    def reload(self) -> None:
        ops.list_backups(self.ctx).success(self.show_backups).failure(self.status.setText).run(self)

    def show_backups(self, backups: list) -> None:
        self.list.clear()
        for backup in backups:
            reason = _(REASONS[backup.reason]) if backup.reason in REASONS else backup.reason
            text = f"{format_datetime(backup.created, 'medium')}  ·  {reason}  ·  {format_size(backup.size)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        if not backups:
            self.status.setText(_("There are no backups yet."))
        self.restore_button.setEnabled(bool(backups))
        if backups:
            self.list.setCurrentRow(0)

    def backup_now(self) -> None:
        ops.backup_now(self.ctx).success(
            lambda _b: (self.status.setText(_("A backup was made.")), self.reload())
        ).failure(self.status.setText).run(self)

    def ask_restore(self) -> None:
        """Count what the chosen backup lacks (on the worker), then ask."""
        item = self.list.currentItem()
        if item is None:
            return
        path = item.data(Qt.ItemDataRole.UserRole)
        self._pending = path
        self.confirm_text.setText(_("Counting what this backup does not have…"))
        self.confirm_button.setEnabled(False)
        self.confirm.show()
        self.facilitator_row.hide()
        ops.restore_question(self.ctx, path).success(
            lambda answer: self._ask(path, *answer)
        ).failure(self._refused).run(self)

    def _ask(self, path: str, loss, facilitators: list) -> None:
        if path != self._pending or not self.confirm.isVisible():
            return  # another backup was chosen, or the question was cancelled meanwhile
        question = (
            _("A facilitator must confirm it with their PIN.")
            if facilitators
            else _("Replace all current records with this backup?")
        )
        self.confirm_text.setText(loss.sentence() + " " + question)
        self.facilitator.clear()
        for profile in facilitators:
            self.facilitator.addItem(f"{profile.name} ({profile.short_code})", profile.id)
        self.facilitator_pin.clear()
        self.facilitator_row.setVisible(bool(facilitators))
        self.confirm_button.setEnabled(True)
        (self.facilitator_pin if facilitators else self.confirm_button).setFocus()

    def _refused(self, message: str) -> None:
        self.cancel_restore()
        self.status.setText(message)

    def cancel_restore(self) -> None:
        self._pending = None
        self.confirm.hide()

    def restore(self) -> None:
        if not self.confirm_button.isEnabled():
            return  # Return in the PIN field before the question is ready
        path, self._pending = self._pending, None
        by = self.facilitator.currentData() if not self.facilitator_row.isHidden() else None
        pin = self.facilitator_pin.text() if by else None
        self.facilitator_pin.clear()
        self.confirm.hide()
        if path is not None:
            ops.restore_backup(self.ctx, path, by, pin).success(self._restored).failure(
                self.status.setText
            ).run(self)

    def _restored(self, _result) -> None:
        self.status.setText(_("The records were restored."))
        self.restored.emit()
        self.reload()
