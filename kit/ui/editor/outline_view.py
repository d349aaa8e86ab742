"""The outline of an open pack: "Pack details", then its modules and their items.

Each row knows what it stands for (`KIND_ROLE`: "pack", "module" or "item"; `KEY_ROLE`: the
module's folder name or the item's relative path; `REL_ROLE`: the file it opens). The model
never changes the files: a drop asks for a move (`move_requested`), editing a title asks
for a rename (`rename_requested`); the window plans and applies the change through the
operations (so it is undoable) and then shows the new outline with `show_outline`.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTreeView, QWidget

from kit.core import itemtypes
from kit.i18n import _

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2
REL_ROLE = Qt.ItemDataRole.UserRole + 3
MIME = "application/x-kit-outline"
ModelIndex = QModelIndex | QPersistentModelIndex


class OutlineModel(QStandardItemModel):
    """Rows for the pack, its modules and items; drops and renames become requests.

    `move_requested` carries ("module", dir, to_index) or ("item", relpath, to_dir,
    to_index): the place the row ends up at, counted without it.
    """

    move_requested = Signal(tuple)
    rename_requested = Signal(str, str, str)  # kind, key, new title

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.modules: list[Any] = []  # the outline's OutlineModule values, in order

    # -- building --------------------------------------------------------------------------
    def show_outline(self, outline: Any) -> None:
        self.clear()
        self.setHorizontalHeaderLabels([_("Title"), _("Type")])
        self.modules = list(outline.modules)
        style = QWidget().style()
        pack = self._row(_("Pack details"), "pack", "pack.yaml", "pack.yaml")
        pack[0].setIcon(style.standardIcon(QStyle.StandardPixmap.SP_FileDialogInfoView))
        pack[0].setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.appendRow(pack)
        folder = style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        page = style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        for module in outline.modules:
            row = self._row(module.title or module.dir, "module", module.dir, module.relpath)
            row[0].setIcon(folder)
            row[1].setText(_("Module"))
            for item in module.items:
                child = self._row(item.title or item.relpath, "item", item.relpath, item.relpath)
                child[0].setIcon(page)
                child[1].setText(itemtypes.display_name(item.type))
                row[0].appendRow(child)
            self.appendRow(row)

    @staticmethod
    def _row(title: str, kind: str, key: str, rel: str) -> list[QStandardItem]:
        main = QStandardItem(title)
        chip = QStandardItem("")
        chip.setEditable(False)
        chip.setDragEnabled(False)
        for cell in (main, chip):
            cell.setData(kind, KIND_ROLE)
            cell.setData(key, KEY_ROLE)
            cell.setData(rel, REL_ROLE)
            cell.setToolTip(rel)
        main.setDropEnabled(kind != "pack")
        chip.setDropEnabled(kind != "pack")
        return [main, chip]

    def find(self, kind: str, key: str) -> QModelIndex:
        """The index of the row for (kind, key), or an invalid index."""
        for row in range(self.rowCount()):
            top = self.index(row, 0)
            if top.data(KIND_ROLE) == kind and top.data(KEY_ROLE) == key:
                return top
            for sub in range(self.rowCount(top)):
                child = self.index(sub, 0, top)
                if child.data(KIND_ROLE) == kind and child.data(KEY_ROLE) == key:
                    return child
        return QModelIndex()

    def module_position(self, dir: str) -> int:
        return next((n for n, m in enumerate(self.modules) if m.dir == dir), -1)

    def item_place(self, relpath: str) -> tuple[str, int]:
        """(module dir, index in it) of an item, or ("", -1)."""
        for module in self.modules:
            for n, item in enumerate(module.items):
                if item.relpath == relpath:
                    return module.dir, n
        return "", -1

    # -- renaming --------------------------------------------------------------------------
    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.EditRole and index.column() == 0:
            title = str(value).strip()
            if title and title != index.data():
                self.rename_requested.emit(index.data(KIND_ROLE), index.data(KEY_ROLE), title)
            return False  # the outline read back after the rename shows it
        return super().setData(index, value, role)

    # -- dragging and dropping -------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Any) -> QMimeData:
        data = QMimeData()
        first = next((i for i in indexes if i.column() == 0), None)
        if first is not None:
            payload = {"kind": first.data(KIND_ROLE), "key": first.data(KEY_ROLE)}
            data.setData(MIME, json.dumps(payload).encode("utf-8"))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Any, row: int, column: int, parent: Any
    ) -> bool:
        return self.drop_target(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Any, row: int, column: int, parent: Any
    ) -> bool:
        """Ask for the move; False, so the view does not take the dragged row out itself."""
        target = self.drop_target(data, row, parent)
        if target is not None:
            self.move_requested.emit(target)
        return False

    def drop_target(self, data: QMimeData, row: int, parent: ModelIndex) -> tuple | None:
        """The move a drop at (row, parent) means, or None (not a place for it, or no move)."""
        if not data.hasFormat(MIME):
            return None
        try:
            payload = json.loads(bytes(data.data(MIME).data()).decode("utf-8"))
        except ValueError:
            return None
        kind, key = payload.get("kind"), payload.get("key")
        parent_kind = parent.data(KIND_ROLE) if parent.isValid() else None
        if kind == "module":
            return self._module_target(str(key), row, parent, parent_kind)
        if kind == "item":
            return self._item_target(str(key), row, parent, parent_kind)
        return None

    def _module_target(
        self, dir: str, row: int, parent: ModelIndex, parent_kind: Any
    ) -> tuple | None:
        now = self.module_position(dir)
        count = len(self.modules)
        if parent_kind is None:
            to = count if row < 0 else max(0, row - 1)  # row 0 is "Pack details"
        elif parent_kind == "module":
            to = self.module_position(parent.data(KEY_ROLE))
        else:
            return None
        if to > now:
            to -= 1
        to = min(max(to, 0), count - 1)
        return None if now < 0 or to == now else ("module", dir, to)

    def _item_target(
        self, rel: str, row: int, parent: ModelIndex, parent_kind: Any
    ) -> tuple | None:
        source, now = self.item_place(rel)
        if parent_kind == "module":
            module = parent.data(KEY_ROLE)
            size = len(self.modules[self.module_position(module)].items)
            to = size if row < 0 else row
        elif parent_kind == "item":
            module, to = self.item_place(parent.data(KEY_ROLE))
        else:
            return None
        if module == source and to > now:
            to -= 1
        if now < 0 or (module == source and to == now):
            return None
        return ("item", rel, module, to)


class OutlineView(QTreeView):
    """The outline as a tree: drag rows to reorder, F2 or a double-click to rename."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outline_model = OutlineModel(self)
        self.setModel(self.outline_model)
        self.setAccessibleName(_("Outline"))
        self.setHeaderHidden(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setUniformRowHeights(True)
        self.rebuilding = False

    def show_outline(self, outline: Any, select: tuple[str, str] | None = None) -> None:
        """Show `outline`, keeping the expanded modules and the selected row (or `select`)."""
        keep = select or self.selected()
        self.rebuilding = True  # the current row moves as rows come and go: no file opens
        try:
            self.outline_model.show_outline(outline)
            self.expandAll()
            header = self.header()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            if keep is not None:
                self.select(*keep)
        finally:
            self.rebuilding = False

    def selected(self) -> tuple[str, str] | None:
        """(kind, key) of the selected row, or None."""
        index = self.currentIndex()
        if not index.isValid():
            return None
        return index.data(KIND_ROLE), index.data(KEY_ROLE)

    def select(self, kind: str, key: str) -> bool:
        index = self.outline_model.find(kind, key)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        return index.isValid()

    def rename_selected(self) -> None:
        index = self.currentIndex().siblingAtColumn(0)
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(index)
