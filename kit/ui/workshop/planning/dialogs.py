"""The Plan tab's small dialogs: a new workshop (title, first date, days) and a new
session (day, start time, slot, title)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from kit.i18n import _, format_number, ngettext


class SessionDialog(QDialog):
    """A new session's fields, or (with `title` and `slot` given) an existing one's."""

    def __init__(
        self,
        day: int = 1,
        start: str = "09:00",
        parent: QWidget | None = None,
        *,
        slot: int = 60,
        title: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a session") if title is None else _("Change the session"))
        self.day = QSpinBox()
        self.day.setRange(1, 30)
        self.day.setValue(day)
        self.start = QTimeEdit(QTime.fromString(start, "HH:mm"))
        self.start.setDisplayFormat("HH:mm")
        self.slot = QSpinBox()
        self.slot.setRange(0, 24 * 60)
        self.slot.setSingleStep(5)
        self.slot.setValue(slot)
        self.slot.setSuffix(_(" min"))
        self.title = QLineEdit(title or "")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Day:"), self.day)
        form.addRow(_("S&tarts at:"), self.start)
        form.addRow(_("S&lot:"), self.slot)
        form.addRow(_("T&itle:"), self.title)
        form.addRow(buttons)

    def values(self) -> tuple[int, str, int, str]:
        """(day, start "HH:MM", slot minutes, title)."""
        return (
            self.day.value(),
            self.start.time().toString("HH:mm"),
            self.slot.value(),
            self.title.text(),
        )


class NewWorkshopDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("New workshop"))
        self.title = QLineEdit()
        self.starts = QLineEdit()
        self.starts.setPlaceholderText(_("YYYY-MM-DD"))
        self.days = QSpinBox()
        self.days.setRange(1, 30)
        self.days.setValue(1)
        self.days.setToolTip(_("Each day gets the default day template"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&First day:"), self.starts)
        form.addRow(_("&Days:"), self.days)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, int]:
        """(title, first date, days)."""
        return self.title.text(), self.starts.text().strip(), self.days.value()


def confirm_removing_session(parent: QWidget, came: int, remove: Callable[[], None]) -> QMessageBox:
    """Ask before removing a session people were checked in to (the check-ins are kept,
    but the register and the report count only the agenda's sessions); `remove()` runs
    when the facilitator confirms. The box is opened (not exec'd) and returned."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _("Remove this session?"),
        ngettext(
            "{n} person was checked in to this session. Removed from the agenda, the session "
            "no longer counts in the register and the report (Ctrl+Z brings it back).",
            "{n} people were checked in to this session. Removed from the agenda, the session "
            "no longer counts in the register and the report (Ctrl+Z brings it back).",
            came,
        ).format(n=format_number(came)),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    yes = box.addButton(_("Remove the session"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.finished.connect(lambda _result: remove() if box.clickedButton() is yes else None)
    box.open()
    return box
