"""Choose one of the ready plans the installed packs carry (kit.core.workshops.packplans):
the Plan tab adopts it as a new workshop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext
from kit.ui.context import AppContext
from kit.ui.operations import packplans as ops

REF_ROLE = Qt.ItemDataRole.UserRole + 1


def plan_line(found: ops.PackPlan) -> str:
    days = ngettext("{n} day", "{n} days", found.days).format(n=format_number(found.days))
    minutes = ngettext("{n} minute", "{n} minutes", found.minutes).format(
        n=format_number(found.minutes)
    )
    return _("{title} ({pack}): {days}, {minutes}").format(
        title=found.title, pack=found.pack_id, days=days, minutes=minutes
    )


class PackPlanDialog(QDialog):
    """The ready plans, read on the worker; `chosen()` is (pack id, plan name) once accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Start from a pack's plan"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("Ready plans"))
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.note = QLabel(_("Looking for the plans the installed packs carry…"))
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Use this plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.resize(560, 360)
        ops.list_pack_plans(ctx).success(self._listed).failure(self.note.setText).run(self)

    def _listed(self, plans: list[ops.PackPlan]) -> None:
        self.list.clear()
        for found in plans:
            row = QListWidgetItem(plan_line(found))
            row.setData(REF_ROLE, (found.pack_id, found.name))
            self.list.addItem(row)
        if plans:
            self.note.setText(_("Choose a plan; it becomes a new workshop you can change."))
            self.list.setCurrentRow(0)
            self.list.setFocus()
        else:
            self.note.setText(_("None of the installed packs carries a ready plan."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(plans))

    def chosen(self) -> tuple[str, str] | None:
        row = self.list.currentItem()
        return None if row is None else row.data(REF_ROLE)
