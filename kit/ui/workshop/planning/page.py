"""The Plan tab of workshop mode: this computer's workshops (new, duplicate, archive, plan
files in and out), the chosen one's details and its agenda (kit.ui.workshop.home).

Every read and write goes through kit.ui.operations.planning on the worker; the page
keeps the shown `Workshop` and saves it whole after each change.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kit.core.workshops.model import Workshop
from kit.i18n import _
from kit.ui.changes import Change, OpChanges
from kit.ui.context import AppContext
from kit.ui.operations import packplans as pack_plan_ops
from kit.ui.operations import planning as ops
from kit.ui.operations.planning import Loaded
from kit.ui.workshop.planning.details import DetailsForm
from kit.ui.workshop.planning.dialogs import NewWorkshopDialog
from kit.ui.workshop.planning.editor import AgendaEditor
from kit.ui.workshop.planning.from_pack import PackPlanDialog

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class PlanPage(QWidget):
    """Workshops of this computer; choosing one emits `workshop_chosen(id)` ("" for none)."""

    workshop_chosen = Signal(str)
    shown = Signal(str)  # a workshop (id) is loaded into the details and agenda

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.shop: Workshop | None = None
        self.current_id: str | None = None
        self._quiet = False  # choosing from show_workshop: say nothing back
        self.new_dialog: NewWorkshopDialog | None = None
        self.pack_dialog: PackPlanDialog | None = None
        self.details = DetailsForm()
        self.details.save_requested.connect(self.save_details)
        self.editor = AgendaEditor(ctx)
        self.editor.edited.connect(self._agenda_edited)
        self.editor.failed.connect(self.say)
        self.message = QLabel()
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # titles come from plan files
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.editor, _("Agenda"))
        self.tabs.addTab(self.details, _("Details"))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(self._list_panel())
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        ctx.changes.operation_did_execute.connect(self._changed_elsewhere)
        self.refresh()

    def _list_panel(self) -> QWidget:
        panel = QWidget()
        self.show_archived = QCheckBox(_("Show a&rchived"))
        self.show_archived.toggled.connect(lambda _on: self.refresh())
        self.list = QListWidget()
        self.list.setAccessibleName(_("Workshops"))
        self.list.currentItemChanged.connect(self._picked)
        self.new_button = QPushButton(_("&New…"))
        self.new_button.clicked.connect(self.open_new_dialog)
        self.duplicate_button = QPushButton(_("Dupli&cate"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.archive_button = QPushButton(_("&Archive"))
        self.archive_button.clicked.connect(self.toggle_archived)
        self.import_button = QPushButton(_("&Import plan file…"))
        self.import_button.clicked.connect(self.choose_import)
        self.export_button = QPushButton(_("E&xport plan file…"))
        self.export_button.clicked.connect(self.choose_export)
        self.from_pack_button = QPushButton(_("From a &pack's plan…"))
        self.from_pack_button.clicked.connect(self.open_pack_plans)
        self.actions = QVBoxLayout()
        self.actions.addWidget(self.from_pack_button)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.duplicate_button)
        row.addWidget(self.archive_button)
        layout = QVBoxLayout(panel)
        heading = QLabel(_("&Workshops"))
        heading.setBuddy(self.list)
        layout.addWidget(heading)
        layout.addWidget(self.show_archived)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.import_button)
        layout.addWidget(self.export_button)
        layout.addLayout(self.actions)
        self._enable()
        return panel

    def say(self, text: str) -> None:
        self.message.setText(text)

    def _enable(self) -> None:
        chosen = self.shop is not None
        for button in (self.duplicate_button, self.archive_button, self.export_button):
            button.setEnabled(chosen)
        archived = bool(self.shop and self.shop.archived)
        self.archive_button.setText(_("Un&archive") if archived else _("&Archive"))

    # -- the list ---------------------------------------------------------------------
    def refresh(self) -> None:
        archived = self.show_archived.isChecked()
        ops.list_workshops(self.ctx, archived).success(self._fill).failure(self.say).run(self)

    def _fill(self, shops: list[Any]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        current = None
        for shop in shops:
            text = shop.title
            if shop.starts:
                text = _("{title} ({date})").format(title=shop.title, date=shop.starts)
            if shop.archived:
                text = _("{title} (archived)").format(title=text)
            row = QListWidgetItem(text)
            row.setData(ID_ROLE, shop.id)
            self.list.addItem(row)
            if shop.id == self.current_id:
                current = row
        self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        if current is None and self.current_id is not None:
            self._choose(None)

    def _picked(self, row: QListWidgetItem | None, _previous: Any = None) -> None:
        self._choose(str(row.data(ID_ROLE)) if row is not None else None)

    def _choose(self, workshop_id: str | None) -> None:
        if workshop_id == self.current_id and (workshop_id is None or self.shop is not None):
            return
        self._keep_typed_details()
        self.current_id = workshop_id
        if not self._quiet:
            self.workshop_chosen.emit(workshop_id or "")
        if workshop_id is None:
            self._show(None)
            return
        ops.load_workshop(self.ctx, workshop_id).success(self._loaded).failure(self.say).run(self)

    def _keep_typed_details(self) -> None:
        """Details typed but not saved are saved before another workshop is shown."""
        if self.shop is None or self.details.edited(self.shop) == self.shop:
            return
        op = ops.save_workshop(self.ctx, self.details.edited(self.shop))
        op.success(lambda _stored: self.refresh()).failure(self.say).run(self)

    def show_workshop(self, workshop_id: str | None) -> None:
        """Show `workshop_id` (None: no workshop chosen)."""
        self._quiet = True
        try:
            self._select_row(workshop_id)
            self._choose(workshop_id)
        finally:
            self._quiet = False

    def _select_row(self, workshop_id: str | None) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentItem(None)
        for index in range(self.list.count()):
            if self.list.item(index).data(ID_ROLE) == workshop_id:
                self.list.setCurrentRow(index)
        self.list.blockSignals(False)

    def _loaded(self, loaded: Loaded) -> None:
        if loaded.workshop.id != self.current_id:
            return  # another workshop was chosen since
        self.editor.attended = loaded.attended
        self._show(loaded.workshop, loaded.missing)
        if loaded.warnings:
            self.say("\n".join(loaded.warnings))

    def _show(self, shop: Workshop | None, missing: dict[str, str] | None = None) -> None:
        self.shop = shop
        self.details.show_workshop(shop)
        self.editor.show_workshop(shop, missing)
        self._enable()
        self.shown.emit(shop.id if shop else "")

    def _adopt(self, loaded: Loaded, message: str) -> None:
        """A workshop just made or imported: list it, choose it, say what happened."""
        self.say("\n".join([message, *loaded.warnings]))
        self.current_id = loaded.workshop.id
        self.workshop_chosen.emit(loaded.workshop.id)
        self.editor.attended = loaded.attended
        self._show(loaded.workshop, loaded.missing)
        if loaded.workshop.archived and not self.show_archived.isChecked():
            self.show_archived.setChecked(True)  # lists it
        else:
            self.refresh()

    # -- saving -----------------------------------------------------------------------
    def _agenda_edited(self, shop: Workshop) -> None:
        self.shop = shop
        self.say("")
        ops.save_workshop(self.ctx, shop).failure(self._save_failed).run(self)

    def _save_failed(self, message: str) -> None:
        self.say(message)
        if self.current_id:
            self.shop = None  # show what is stored
            ops.load_workshop(self.ctx, self.current_id).success(self._loaded).run(self)

    def save_details(self, _edited: Workshop | None = None, then: Any = None) -> None:
        """Save the form's details with the agenda as it is now (and then call `then`)."""
        if self.shop is None:
            return
        shop = self.details.edited(self.shop)

        def saved(stored: Workshop) -> None:
            assert self.shop is not None
            self.shop = replace(self.shop, **_details_of(stored))
            self.editor.shop = self.shop
            self.details.show_workshop(self.shop)
            self.say(_("Saved the details of {title}.").format(title=stored.title))
            self.refresh()
            if then is not None:
                then()

        ops.save_workshop(self.ctx, shop).success(saved).failure(self.say).run(self)

    # -- the list's actions -----------------------------------------------------------
    def open_new_dialog(self) -> NewWorkshopDialog:
        self.new_dialog = NewWorkshopDialog(self)
        dialog = self.new_dialog
        dialog.accepted.connect(lambda: self.new_workshop(*dialog.values()))
        dialog.open()
        return dialog

    def new_workshop(self, title: str, starts: str, days: int) -> None:
        ops.new_workshop(self.ctx, title, starts, days).success(
            lambda shop: self._adopt(
                Loaded(shop), _("Created the workshop {title}.").format(title=shop.title)
            )
        ).failure(self.say).run(self)

    def duplicate(self) -> None:
        if self.shop is None:
            return
        ops.duplicate_workshop(self.ctx, self.shop.id).success(
            lambda shop: self._adopt(
                Loaded(shop), _("Created the workshop {title}.").format(title=shop.title)
            )
        ).failure(self.say).run(self)

    def toggle_archived(self) -> None:
        if self.shop is None:
            return
        archived = not self.shop.archived

        def done(shop: Workshop) -> None:
            if self.shop is not None and self.shop.id == shop.id:
                self.shop = replace(self.shop, archived=shop.archived)
                self._enable()
            if shop.archived:
                self.say(_("Archived the workshop {title}.").format(title=shop.title))
            else:
                self.say(
                    _("The workshop {title} is back from the archive.").format(title=shop.title)
                )
            self.refresh()

        ops.set_archived(self.ctx, self.shop.id, archived).success(done).failure(self.say).run(self)

    def choose_import(self) -> None:
        path, _chosen = QFileDialog.getOpenFileName(
            self, _("Import a workshop plan"), "", _plan_filter()
        )
        if path:
            self.import_plan(Path(path))

    def import_plan(self, path: Path) -> None:
        ops.import_plan_file(self.ctx, path).success(
            lambda loaded: self._adopt(
                loaded, _("Imported the workshop {title}.").format(title=loaded.workshop.title)
            )
        ).failure(self.say).run(self)

    def import_plan_text(self, text: str) -> None:
        """Keep a plan file's text (one a pack carries, say) as a workshop and show it."""
        ops.import_plan_text(self.ctx, text).success(
            lambda loaded: self._adopt(
                loaded, _("Imported the workshop {title}.").format(title=loaded.workshop.title)
            )
        ).failure(self.say).run(self)

    def open_pack_plans(self) -> None:
        """Offer the ready plans of the installed packs; the one chosen becomes a workshop."""
        self.pack_dialog = PackPlanDialog(self.ctx, self)
        self.pack_dialog.accepted.connect(self._pack_plan_chosen)
        self.pack_dialog.open()

    def _pack_plan_chosen(self) -> None:
        chosen = self.pack_dialog.chosen() if self.pack_dialog is not None else None
        if chosen is None:
            return

        def adopted(made: tuple[Workshop, list[str]]) -> None:
            shop, warnings = made
            message = _("Made the workshop {title} from the pack's plan.").format(title=shop.title)
            ops.load_workshop(self.ctx, shop.id).success(
                lambda loaded: self._adopt(replace(loaded, warnings=warnings), message)
            ).failure(self.say).run(self)

        pack_plan_ops.adopt_pack_plan(self.ctx, *chosen).success(adopted).failure(self.say).run(
            self
        )

    def adopt_plan(self, imported: Any) -> None:
        """Keep a loaded `kit.core.workshops.plan.Imported` and show it with its warnings."""
        ops.adopt_plan(self.ctx, imported).success(
            lambda loaded: self._adopt(
                loaded, _("Imported the workshop {title}.").format(title=loaded.workshop.title)
            )
        ).failure(self.say).run(self)

    def choose_export(self) -> None:
        if self.shop is None:
            return
        suggested = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "-", self.shop.title or "workshop") + ".yaml"
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export the workshop plan"), suggested, _plan_filter()
        )
        if path:
            self.export_plan(Path(path))

    def export_plan(self, path: Path) -> None:
        """Write the plan file; details typed but not saved yet are saved first."""
        if self.shop is None:
            return
        if self.details.edited(self.shop) != self.shop:
            self.save_details(then=lambda: self.export_plan(path))
            return
        ops.export_plan_file(self.ctx, self.shop.id, path).success(
            lambda written: self.say(_("Wrote the plan to {file}.").format(file=str(written)))
        ).failure(self.say).run(self)

    def _changed_elsewhere(self, changes: OpChanges, initiator: object) -> None:
        if initiator is not self and changes.touches(Change.WORKSHOPS):
            self.refresh()
        if changes.touches(Change.LIBRARY) and self.current_id:
            # A pack installed or removed: pack items are found or missing now.
            ops.load_workshop(self.ctx, self.current_id).success(self._loaded).run(self)


def _plan_filter() -> str:
    return _("Training Kit workshop plans (*.yaml *.yml)")


def _details_of(shop: Workshop) -> dict[str, Any]:
    return {
        "title": shop.title,
        "starts": shop.starts,
        "ends": shop.ends,
        "place": shop.place,
        "language": shop.language,
        "facilitators": shop.facilitators,
        "description": shop.description,
        "creates_accounts": shop.creates_accounts,
    }
