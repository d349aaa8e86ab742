"""Build, export or publish the open pack source: one dialog for the three.

It checks the source first (problems listed; a source with errors is not built), lets
the trainer choose or make a signing key and the place to write to (a folder, a USB
stick, a catalog folder), runs the work off the GUI thread with a progress bar and
Cancel, and ends with what was written: the file, its size and who signed it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import N_, _, format_number, format_percent, format_size, ngettext
from kit.ui.editor.contract import EditorEnv
from kit.ui.operations import editor_publish as ops
from kit.ui.runners.worker import Job
from kit.ui.widgets.plain import plain_label

TITLES = {
    "build": N_("Build the pack"),
    "export": N_("Export the pack to a folder or USB stick"),
    "publish": N_("Publish the pack into a catalog folder"),
}
RUN_TEXT = {"build": N_("Build"), "export": N_("Export"), "publish": N_("Publish")}
WHERE_TEXT = {
    "build": N_("Folder for the pack file:"),
    "export": N_("Folder or USB stick to copy the pack to:"),
    "publish": N_("Catalog folder (a folder of packs with its catalog.json):"),
}
PHASE_TEXT = {
    "build": N_("Building the pack…"),
    "copy": N_("Copying the pack…"),
    "verify": N_("Checking the copy…"),
}
SIGNING_HELP = N_(
    "Signing lets people who trust your key see that the pack comes from you and has not "
    "been changed since."
)


class PublishDialog(QDialog):
    """Check, choose key and place, run with progress and Cancel, show the result."""

    def __init__(self, env: EditorEnv, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if action not in ops.ACTIONS:
            raise ValueError(f"unknown action {action!r}")
        self.env, self.action = env, action
        self.job: Job | None = None
        self.result: ops.PublishResult | None = None
        self.errors = -1  # unknown until the check ends
        self.setWindowTitle(_(TITLES[action]))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)

        self.check_label = plain_label(_("Checking the pack…"), wrap=True)
        layout.addWidget(self.check_label)
        self.problem_list = QListWidget()
        self.problem_list.setAccessibleName(_("Problems"))
        self.problem_list.setMaximumHeight(140)
        self.problem_list.hide()
        layout.addWidget(self.problem_list)

        layout.addWidget(plain_label(_("Signing key:")))
        row = QHBoxLayout()
        self.key_combo = QComboBox()
        self.key_combo.setAccessibleName(_("Signing key"))
        self.key_combo.addItem(_("Do not sign"), "")
        row.addWidget(self.key_combo, 1)
        self.new_key_button = QPushButton(_("New key…"))
        self.new_key_button.clicked.connect(lambda: self.make_key())
        row.addWidget(self.new_key_button)
        self.key_file_button = QPushButton(_("Key file…"))
        self.key_file_button.setToolTip(_("Use a key kept somewhere else, such as a USB stick"))
        self.key_file_button.clicked.connect(self.choose_key_file)
        row.addWidget(self.key_file_button)
        layout.addLayout(row)
        layout.addWidget(plain_label(_(SIGNING_HELP), wrap=True))

        layout.addWidget(plain_label(_(WHERE_TEXT[action]), wrap=True))
        row = QHBoxLayout()
        self.drive_combo = QComboBox()
        self.drive_combo.setAccessibleName(_("USB sticks"))
        self.drive_combo.activated.connect(self._drive_chosen)
        self.drive_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.drive_combo.hide()
        row.addWidget(self.drive_combo)
        self.folder_edit = QLineEdit()
        self.folder_edit.setAccessibleName(_(WHERE_TEXT[action]))
        self.folder_edit.textChanged.connect(self._update_buttons)
        row.addWidget(self.folder_edit, 1)
        self.choose_button = QPushButton(_("Choose…"))
        self.choose_button.clicked.connect(self.choose_folder)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.phase_label = plain_label("")
        self.bar = QProgressBar()
        self.bar.setAccessibleName(_("Progress"))
        self.bar.setTextVisible(False)
        self.bar.hide()
        layout.addWidget(self.phase_label)
        layout.addWidget(self.bar)
        self.result_label = plain_label("", wrap=True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)

        buttons = QHBoxLayout()
        self.show_button = QPushButton(_("Show in folder"))
        self.show_button.clicked.connect(self.show_in_folder)
        self.show_button.hide()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        self.run_button = QPushButton(_(RUN_TEXT[action]))
        self.run_button.setDefault(True)
        self.run_button.setEnabled(False)
        self.run_button.clicked.connect(self.start)
        buttons.addWidget(self.run_button)
        self.close_button = QPushButton(_("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        if action == "build":
            self.folder_edit.setText(str(ops.default_folder(env.root)))
        self._check()
        self._load_keys()
        if action == "export":
            self._load_drives()

    # -- checking, keys, drives ----------------------------------------------------
    def _check(self) -> None:
        ops.problems(self.env.ctx, self.env.root).success(self._checked).failure(
            self._checked_failed
        ).run(self)

    def _checked(self, problems: list[ops.Problem]) -> None:
        self.errors = sum(1 for p in problems if not p.warning)
        self.problem_list.clear()
        for p in problems:
            kind = _("warning") if p.warning else _("error")
            self.problem_list.addItem(f"{p.path}:{p.line}: {kind}: {p.message}")
        self.problem_list.setVisible(bool(problems))
        if self.errors:
            self.check_label.setText(
                _("The pack has errors (listed below); fix them before building it.")
            )
        elif problems:
            self.check_label.setText(_("The pack can be built; see the warnings below."))
        else:
            self.check_label.setText(_("The pack has no problems."))
        self._update_buttons()

    def _checked_failed(self, message: str) -> None:
        self.errors = 1
        self.check_label.setText(message)
        self._update_buttons()

    def _load_keys(self, select: str = "") -> None:
        ops.keys(self.env.ctx, self.env.root).success(
            lambda keys: self._show_keys(keys, select)
        ).run(self)

    def _show_keys(self, keys: list[ops.PublisherKey], select: str) -> None:
        self.key_combo.clear()
        self.key_combo.addItem(_("Do not sign"), "")
        for key in keys:
            label = _("{name} (key {id})").format(name=key.name, id=key.key_id)
            self.key_combo.addItem(label, str(key.path))
        chosen = self.key_combo.findData(select) if select else (1 if keys else 0)
        self.key_combo.setCurrentIndex(max(chosen, 0))

    def make_key(self, name: str | None = None) -> None:
        """Ask for a name (unless given) and make a new key beside the pack source."""
        if name is None:
            name, ok = QInputDialog.getText(
                self, _("New signing key"), _("Name of the key (letters, digits, '.', '_', '-'):")
            )
            if not ok or not name.strip():
                return
        op = ops.new_key(self.env.ctx, self.env.root, name)
        op.success(self._key_made).failure(self._say).run(self)

    def choose_key_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a signing key"), str(ops.default_folder(self.env.root)),
            _("Signing keys (*.key);;All files (*)"),
        )  # fmt: skip
        if path:
            self.use_key_file(Path(path))

    def use_key_file(self, path: Path) -> None:
        """Offer the key in `path` (checked on the worker) and select it."""
        op = ops.key_from_file(self.env.ctx, path)
        op.success(self._add_key).failure(self._say).run(self)

    def _add_key(self, key: ops.PublisherKey) -> None:
        if self.key_combo.findData(str(key.path)) < 0:
            label = _("{name} (key {id})").format(name=key.name, id=key.key_id)
            self.key_combo.addItem(label, str(key.path))
        self.key_combo.setCurrentIndex(self.key_combo.findData(str(key.path)))

    def _key_made(self, key: ops.PublisherKey) -> None:
        self.result_label.setText(
            _("Made the key {name}: {path}. Keep it secret; share {pub}.").format(
                name=key.name, path=key.path, pub=key.path.with_suffix(".pub").name
            )
        )
        self._load_keys(select=str(key.path))

    def _load_drives(self) -> None:
        self.drive_combo.show()
        ops.drives(self.env.ctx).success(self._show_drives).run(self)

    def _show_drives(self, drives: list[ops.RemovableDrive]) -> None:
        self.drive_combo.clear()
        self.drive_combo.addItem(_("USB stick…") if drives else _("No USB stick found"), "")
        for d in drives:
            free = _("{size} free").format(size=format_size(d.free)) if d.free is not None else ""
            self.drive_combo.addItem(f"{d.label} ({free})" if free else d.label, str(d.path))

    def _drive_chosen(self, index: int) -> None:
        path = self.drive_combo.itemData(index)
        if path:
            self.folder_edit.setText(str(path))

    def choose_folder(self) -> None:
        start = self.folder_edit.text() or str(ops.default_folder(self.env.root))
        folder = QFileDialog.getExistingDirectory(self, _(WHERE_TEXT[self.action]), start)
        if folder:
            self.folder_edit.setText(folder)

    def _update_buttons(self) -> None:
        running = self.job is not None
        ready = self.errors == 0 and bool(self.folder_edit.text().strip())
        self.run_button.setEnabled(ready and not running)
        for w in (self.key_combo, self.new_key_button, self.key_file_button, self.folder_edit,
                  self.choose_button):  # fmt: skip
            w.setEnabled(not running)
        self.close_button.setText(_("Cancel") if running else _("Close"))

    # -- running -------------------------------------------------------------------
    def key_path(self) -> Path | None:
        data = self.key_combo.currentData()
        return Path(data) if data else None

    def start(self) -> None:
        if self.job is not None:
            return
        if self.errors:
            self.result_label.setText(
                _("The pack has errors (listed above); fix them before building it.")
            )
            return
        folder = Path(self.folder_edit.text().strip())
        self.result = None
        self.result_label.setText("")
        self.show_button.hide()
        self.bar.setRange(0, 0)
        self.bar.show()
        self.phase_label.setText(_(PHASE_TEXT["build"]))
        op = ops.run_action(self.env.ctx, self.action, self.env.root, folder, self.key_path())
        op.progress(self._progress).success(self._done).failure(self._failed)
        op.cancelled(self._cancelled).finished(self._ended)
        self.job = op.run(self)
        self._update_buttons()

    def _progress(self, done: int, total: int, phase: str) -> None:
        text = _(PHASE_TEXT.get(phase, PHASE_TEXT["build"]))
        if total > 0:
            self.bar.setRange(0, 1000)
            self.bar.setValue(int(1000 * min(done, total) / total))
            text += " " + format_percent(int(100 * min(done, total) / total) / 100)
        self.phase_label.setText(text)

    def _ended(self) -> None:
        self.job = None
        self.close_button.setEnabled(True)
        self.bar.hide()
        self.phase_label.setText("")
        self._update_buttons()

    def _done(self, result: ops.PublishResult) -> None:
        self.result = result
        size = format_size(result.size)
        if result.signer:
            signed = _("signed with the key {name} ({id})").format(
                name=result.signer, id=result.signer_key_id
            )
        else:
            signed = _("not signed")
        texts = {
            "build": _("Built {file} ({size}, {signed})."),
            "export": _("Copied {file} ({size}, {signed}) and checked the copy."),
            "publish": _("Published {file} ({size}, {signed}); the catalog lists {packs}."),
        }
        n = result.catalog_packs
        packs = ngettext("{n} pack", "{n} packs", n).format(n=format_number(n))
        text = texts[self.action].format(file=result.path, size=size, signed=signed, packs=packs)
        if result.replaced:
            text += " " + _(
                "It replaced a different file of the same version: raise the version in "
                "pack.yaml so that people who have the old one get the update."
            )
        self.result_label.setText(text)
        self.show_button.show()

    def _failed(self, message: str) -> None:
        self.result_label.setText(message)

    def _cancelled(self) -> None:
        self.result_label.setText(_("Cancelled: nothing was written."))

    def _say(self, message: str) -> None:
        self.result_label.setText(message)

    def show_in_folder(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path.parent)))

    def reject(self) -> None:  # Close, Escape: Cancel while running
        if self.job is not None:
            self.job.cancel()
            self.close_button.setEnabled(False)
            self.phase_label.setText(_("Cancelling…"))
            return
        super().reject()


def open_publish(env: EditorEnv, action: str, parent: QWidget | None = None) -> PublishDialog:
    """Open the dialog for `action` ("build", "export" or "publish") and return it."""
    dialog = PublishDialog(env, action, parent)
    dialog.open()
    return dialog


__all__ = ["PublishDialog", "open_publish"]
