"""The Problems panel: what validation finds in the pack as the person types.

`request()` (called on every edit) waits ~500 ms of quiet, then the window's `check`
callable validates on the worker with the unsaved texts and calls back with the problems
(kit.core.packformat.problems.Problem: path, line, message, warning); only
one check runs at a time, and one more follows if the person typed meanwhile.
Activating a row (click, Enter) emits `open_problem(path, line)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, format_number, ngettext

CHECK_DELAY_MS = 500
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ROLE = Qt.ItemDataRole.UserRole + 2

Check = Callable[[Callable[[list[Any]], None]], None]  # check(done(problems))


class ProblemsPanel(QWidget):
    open_problem = Signal(str, int)
    counted = Signal(str)  # the count for the status bar

    def __init__(self, check: Check, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = check
        self.problems: list[Any] = []
        self._running = False
        self._again = False
        self.timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check_now)
        self.heading = QLabel(_("Problems"))
        self.heading.setProperty("role", "muted")
        self.table = QTreeWidget()
        self.table.setAccessibleName(_("Problems"))
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setHeaderLabels([_("Severity"), _("File"), _("Line"), _("Message")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.header()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemActivated.connect(self._activated)
        self.table.itemClicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table)
        self.setFocusProxy(self.table)

    def request(self) -> None:
        """Check again once the person pauses."""
        self.timer.start()

    def check_now(self) -> None:
        self.timer.stop()
        if self._running:
            self._again = True
            return
        self._running = True
        self.check(self._checked)

    def check_failed(self) -> None:
        """The window's `check` could not run: the next request may try again."""
        self._running = False

    def _checked(self, problems: list[Any]) -> None:
        self._running = False
        self.show_problems(list(problems))
        if self._again:
            self._again = False
            self.check_now()

    def show_problems(self, problems: list[Any]) -> None:
        self.problems = problems
        self.table.clear()
        style = self.style()
        error_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical)
        warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for problem in problems:
            severity = _("Warning") if problem.warning else _("Error")
            row = QTreeWidgetItem(
                [severity, problem.path, format_number(problem.line), problem.message]
            )
            row.setIcon(0, warning_icon if problem.warning else error_icon)
            row.setData(0, PATH_ROLE, problem.path)
            row.setData(0, LINE_ROLE, problem.line)
            row.setToolTip(3, problem.message)
            self.table.addTopLevelItem(row)
        self.counted.emit(self.count_text())

    def count_text(self) -> str:
        errors = sum(1 for p in self.problems if not p.warning)
        warnings = len(self.problems) - errors
        if not self.problems:
            return _("No problems")
        parts = []
        if errors:
            parts.append(
                ngettext("{n} error", "{n} errors", errors).format(n=format_number(errors))
            )
        if warnings:
            parts.append(
                ngettext("{n} warning", "{n} warnings", warnings).format(n=format_number(warnings))
            )
        return ", ".join(parts)

    def _activated(self, row: QTreeWidgetItem, _column: int = 0) -> None:
        self.open_problem.emit(row.data(0, PATH_ROLE), int(row.data(0, LINE_ROLE)))

    def activate_row(self, number: int) -> None:
        """Open problem number `number` (0-based), as a click on its row does."""
        row = self.table.topLevelItem(number)
        if row is not None:
            self.table.setCurrentItem(row)
            self._activated(row)
