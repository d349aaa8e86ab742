"""A pack's details: licence, attribution, authors, publisher, size, languages."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from kit.core.library.plaintext import readable_text
from kit.i18n import _, format_number, format_size
from kit.ui.widgets.forms import button, label


def _authors(pack: dict) -> str:
    names = []
    for author in pack.get("authors") or []:
        if isinstance(author, dict) and author.get("name"):
            names.append(str(author["name"]))
        elif isinstance(author, str):
            names.append(author)
    return ", ".join(names)


class PackDetailsDialog(QDialog):
    """The pack's details, and "Remove from this computer…" (after a confirmation)."""

    remove_confirmed = Signal(str)  # pack id

    def __init__(self, pack: dict, parent=None) -> None:
        super().__init__(parent)
        self.pack_id = str(pack.get("id"))
        title = str(pack.get("title") or pack.get("id"))
        self.setWindowTitle(_("About {pack}").format(pack=title))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(label(title, "title"))
        if pack.get("description"):
            layout.addWidget(label(readable_text(str(pack["description"])), "muted"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(8)
        if pack.get("verified"):
            publisher = _("{name} (verified signature)").format(name=pack.get("publisher"))
        elif pack.get("origin") == "bundled":
            publisher = _("Included with Training Kit")
        else:
            publisher = _("Unverified publisher: nobody on this computer has vouched for it.")
        rows = [
            (_("Publisher"), publisher),
            (_("Licence"), str(pack.get("license") or _("not stated"))),
            (_("Attribution"), str(pack.get("attribution") or "")),
            (_("Authors"), _authors(pack)),
            (_("Version"), str(pack.get("version") or "")),
            (_("Languages"), ", ".join(pack.get("languages") or [pack.get("language") or ""])),
            (_("Modules"), format_number(len(pack.get("modules", [])))),
            (_("Size"), format_size(int(pack.get("size") or 0))),
        ]
        self.fields: dict[str, str] = {}
        for name, value in rows:
            if not value:
                continue
            shown = label(value)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setAccessibleName(name)
            if name == _("Publisher") and not pack.get("verified"):
                bundled = pack.get("origin") == "bundled"
                shown.setProperty("role", "badge-neutral" if bundled else "badge-warn")
            form.addRow(name, shown)
            self.fields[name] = value
        layout.addLayout(form)
        layout.addWidget(self._removal(title))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _removal(self, title: str) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 10, 0, 0)
        self.remove_button = button(_("Remove from this computer…"), "danger", slot=self.ask_remove)
        column.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm = QWidget()
        row = QHBoxLayout(self.confirm)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label(_("Remove {pack}? Learners keep their progress: installing the "
                              "pack again brings it back.").format(pack=title)), 1)  # fmt: skip
        self.confirm_button = button(_("Yes, remove"), "danger", slot=self._confirmed)
        row.addWidget(self.confirm_button)
        row.addWidget(button(_("Keep it"), slot=self.confirm.hide))
        self.confirm.hide()
        column.addWidget(self.confirm)
        self.status = label("", "muted")
        self.status.hide()
        column.addWidget(self.status)
        return box

    def ask_remove(self) -> None:
        self.confirm.show()
        self.confirm_button.setFocus()

    def _confirmed(self) -> None:
        self.confirm.hide()
        self.remove_button.setEnabled(False)
        self.status.setText(_("Removing…"))
        self.status.show()
        self.remove_confirmed.emit(self.pack_id)

    def removal_failed(self, message: str) -> None:
        self.remove_button.setEnabled(True)
        self.status.setText(message)
        self.status.setProperty("role", "error")
        self.status.style().polish(self.status)
