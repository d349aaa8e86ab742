"""Pick agenda items from the installed packs: packs, their modules, their items, with
minutes from the content; type to filter (kit.ui.operations.planning.pack_picks)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.operations import planning as ops
from kit.ui.operations.planning import PackPicks, Pick
from kit.ui.widgets.plain import plain_tooltip

PICK_ROLE = Qt.ItemDataRole.UserRole + 1


class PackPicker(QDialog):
    """Choose one or more modules or items; `chosen()` once accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Add from installed packs"))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Type to filter packs, modules and items"))
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([_("Title"), _("Minutes")])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.tree.setAccessibleName(_("Installed packs"))
        self.tree.doubleClicked.connect(lambda _index: self._accept_if_chosen())
        self.status = QLabel(_("Loading the installed packs…"))
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setText(_("Add to the session"))
        self.buttons.accepted.connect(self._accept_if_chosen)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(_("&Filter:"))
        label.setBuddy(self.filter)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._filter)
        self.resize(640, 520)
        ops.pack_picks(ctx).success(self.fill).failure(self.status.setText).run(self)

    def fill(self, packs: list[PackPicks]) -> None:
        self.model.removeRows(0, self.model.rowCount())
        for pack in packs:
            head = QStandardItem(pack.title)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for module, items in pack.modules:
                row = self._row(module)
                for item in items:
                    row[0].appendRow(self._row(item))
                head.appendRow(row)
            self.model.appendRow([head, QStandardItem("")])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.status.setText(
            _("Choose modules or items, then Add to the session.")
            if packs
            else _("No packs are installed yet: install packs in the learners' library first.")
        )

    def _row(self, pick: Pick) -> list[QStandardItem]:
        title = QStandardItem(pick.title)
        title.setData(pick, PICK_ROLE)
        title.setToolTip(plain_tooltip(f"{pick.pack_id}/{pick.item_id or pick.module_id}"))
        minutes = QStandardItem(str(pick.minutes))
        minutes.setData(pick, PICK_ROLE)
        for cell in (title, minutes):
            cell.setEditable(False)
        return [title, minutes]

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _first_match(self) -> None:
        """The first module or item whose own title matches the filter."""
        found = self._match(QModelIndex(), self.filter.text().casefold())
        if found is not None:
            self.tree.setCurrentIndex(found)

    def _match(self, parent: QModelIndex, text: str) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            if index.data(PICK_ROLE) is not None and text in str(index.data()).casefold():
                return index
            found = self._match(index, text)
            if found is not None:
                return found
        return None

    def chosen(self) -> list[Pick]:
        rows = self.tree.selectionModel().selectedRows(0)
        picks = [r.data(PICK_ROLE) for r in rows]
        return [p for p in picks if isinstance(p, Pick)]

    def _accept_if_chosen(self) -> None:
        """Add (or Enter): what is chosen, else the first match of the filter."""
        if not self.chosen() and self.filter.text():
            self._first_match()
        if self.chosen():
            self.accept()
        else:
            self.status.setText(_("Choose a module or an item first."))
