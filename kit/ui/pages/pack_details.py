"""A pack's details: licence, attribution, authors, publisher, size, languages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QVBoxLayout

from kit.core.library.search import readable_text
from kit.i18n import _, format_number, format_size
from kit.ui.widgets.forms import label


def _authors(pack: dict) -> str:
    names = []
    for author in pack.get("authors") or []:
        if isinstance(author, dict) and author.get("name"):
            names.append(str(author["name"]))
        elif isinstance(author, str):
            names.append(author)
    return ", ".join(names)


class PackDetailsDialog(QDialog):
    def __init__(self, pack: dict, parent=None) -> None:
        super().__init__(parent)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
