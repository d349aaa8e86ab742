"""The records backups: list them, make one now, restore one (after a confirmation)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from kit.ui.widgets.forms import button, label

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
        self.reload()

    def _confirmation(self) -> QWidget:
        """The question before a restore: what it takes out of the app, Yes or Cancel."""
        self.confirm = QWidget()
        box = QVBoxLayout(self.confirm)
        box.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = label("")
        self.confirm_text.setAccessibleName(_("What restoring this backup loses"))
        box.addWidget(self.confirm_text)
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

    def reload(self) -> None:
        ops.list_backups(self.ctx, self.show_backups, self.status.setText)

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
        ops.backup_now(
            self.ctx, lambda _b: (self.status.setText(_("A backup was made.")), self.reload()),
            self.status.setText,
        )  # fmt: skip

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
        ops.restore_loss(self.ctx, path, lambda loss: self._ask(path, loss), self._refused)

    def _ask(self, path: str, loss) -> None:
        if path != self._pending or not self.confirm.isVisible():
            return  # another backup was chosen, or the question was cancelled meanwhile
        self.confirm_text.setText(
            loss.sentence() + " " + _("Replace all current records with this backup?")
        )
        self.confirm_button.setEnabled(True)
        self.confirm_button.setFocus()

    def _refused(self, message: str) -> None:
        self.cancel_restore()
        self.status.setText(message)

    def cancel_restore(self) -> None:
        self._pending = None
        self.confirm.hide()

    def restore(self) -> None:
        path, self._pending = self._pending, None
        self.confirm.hide()
        if path is not None:
            ops.restore_backup(self.ctx, path, self._restored, self.status.setText)

    def _restored(self, _result) -> None:
        self.status.setText(_("The records were restored."))
        self.restored.emit()
        self.reload()
