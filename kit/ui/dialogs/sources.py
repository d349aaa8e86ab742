"""The Sources dialog: web addresses and folders (a USB stick) that packs come from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_date, format_time
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, current_locale, ngettext
from kit.ui.widgets.forms import no_default_button
from kit.ui.widgets.plain import plain_tooltip


def when_text(when: datetime) -> str:
    """'Nov 24, 2026, 5:34 AM' in the locale's own order (no seconds)."""
    locale = current_locale()
    pattern = str(locale.datetime_formats["medium"])
    date = format_date(when, "medium", locale=locale)
    return pattern.replace("{1}", date).replace("{0}", format_time(when, "short", locale=locale))


def source_detail(source: Any) -> str:
    kind = _("Web address") if source.remote else _("Folder")
    if not source.checked_at:
        return _("{kind} · not read yet").format(kind=kind)
    when = datetime.fromtimestamp(source.checked_at)
    checked = when_text(when)
    return _("{kind} · catalog read {when}").format(kind=kind, when=checked)


class SourcesDialog(QDialog):
    changed = Signal()  # a source was added or removed

    def __init__(self, service: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.busy = False
        self.setWindowTitle(_("Sources"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        intro_text = _(
            "Packs come from a web address or a folder, such as a USB stick, that holds a catalog.json."
        )
        intro = QLabel(intro_text)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Sources"))
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        layout.addWidget(self.list, 1)
        self.empty = QLabel(_("There are no sources yet."))
        self.empty.setObjectName("muted")
        layout.addWidget(self.empty)
        layout.addLayout(self._add_row())
        layout.addWidget(self._http_warning())
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("dialogMessage")
        self.message.setAccessibleName(_("Message"))
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.remove_button = QPushButton(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove the selected source"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        no_default_button(self)  # Return in the address adds it, once
        self.reload()

    def _add_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.address = QLineEdit()
        self.address.setPlaceholderText(_("https://example.org/packs/"))
        self.address.setAccessibleName(_("Web address of a catalog"))
        self.address.returnPressed.connect(self.add_address)
        self.address.textChanged.connect(lambda _text: self._update_buttons())
        self.add_button = QPushButton(_("Add address"))
        self.add_button.setAccessibleName(_("Add the web address"))
        self.add_button.clicked.connect(self.add_address)
        self.folder_button = QPushButton(_("Add folder…"))
        self.folder_button.setAccessibleName(_("Add a folder or USB stick"))
        self.folder_button.clicked.connect(self.choose_folder)
        row.addWidget(self.address, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.folder_button)
        return row

    def _http_warning(self) -> QWidget:
        """Shown before a plain http:// address is added: what could go wrong, and a choice."""
        self.http_confirm = QWidget()
        column = QVBoxLayout(self.http_confirm)
        column.setContentsMargins(0, 0, 0, 0)
        self.http_text = QLabel()
        self.http_text.setWordWrap(True)
        self.http_text.setTextFormat(Qt.TextFormat.PlainText)
        self.http_text.setObjectName("dialogMessage")
        self.http_text.setProperty("error", True)
        column.addWidget(self.http_text)
        row = QHBoxLayout()
        row.addStretch(1)
        self.http_add_button = QPushButton(_("Add it anyway"))
        self.http_add_button.clicked.connect(self._http_confirmed)
        self.http_cancel_button = QPushButton(_("Do not add"))
        self.http_cancel_button.clicked.connect(self._http_cancelled)
        row.addWidget(self.http_cancel_button)
        row.addWidget(self.http_add_button)
        column.addLayout(row)
        self.http_confirm.hide()
        self._http_pending = ""
        return self.http_confirm

    def _check_http(self, location: str) -> None:
        """Plain http: a catalog signed by a trusted publisher is added at once; any other
        is added only once the learner has read why it is risky."""
        self._set_busy(True, _("Reading the catalog…"))

        def checked(trusted: bool) -> None:
            self._set_busy(False)
            if trusted:
                self._add(location)
            else:
                self._say("", error=False)
                self._ask_http(location)

        self.service.catalog_is_trusted(location).success(checked).failure(self._failed).run(self)

    def _ask_http(self, location: str) -> None:
        self._http_pending = location
        self.http_text.setText(
            _(
                "{where} is a plain http:// address: anyone on the network between here and "
                "it (a public Wi-Fi, a shared router) could change its catalog and packs on "
                "the way. Only packs signed by a publisher you trust can be checked; the others "
                "would install as unverified. Use https:// if the site has it."
            ).format(where=location)
        )
        self.http_confirm.show()
        self.http_cancel_button.setFocus()

    def _http_confirmed(self) -> None:
        location, self._http_pending = self._http_pending, ""
        self.http_confirm.hide()
        if location and not self.busy:
            self._add(location)

    def _http_cancelled(self) -> None:
        self._http_pending = ""
        self.http_confirm.hide()
        self.address.setFocus()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(not self.busy and bool(self.address.text().strip()))
        self.folder_button.setEnabled(not self.busy)
        self.remove_button.setEnabled(not self.busy and self.list.currentItem() is not None)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if text:
            self._say(text, error=False)
        self._update_buttons()

    def _say(self, text: str, error: bool) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(text))

    def reload(self) -> None:
        self.service.list_sources().success(self._show_sources).failure(
            lambda m: self._say(m, error=True)
        ).run(self)

    def _show_sources(self, sources: list[Any]) -> None:
        self.list.clear()
        for source in sources:
            item = QListWidgetItem(f"{source.location}\n{source_detail(source)}")
            item.setData(Qt.ItemDataRole.UserRole, source.location)
            item.setToolTip(plain_tooltip(source.location))
            self.list.addItem(item)
        self.empty.setVisible(not sources)
        self._update_buttons()

    def add_address(self) -> None:
        text = self.address.text().strip()
        if not text or self.busy:
            return
        if text.lower().startswith("http://"):
            self._check_http(text)
        else:
            self._add(text)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, _("Choose the folder or USB stick that holds the packs")
        )
        if folder and not self.busy:
            self._add(folder)

    def _add(self, location: str) -> None:
        self._set_busy(True, _("Reading the catalog…"))
        self.service.add_source(location).success(self._added).failure(self._failed).run(self)

    def _added(self, result: tuple[Any, int]) -> None:
        source, count = result
        self.address.clear()
        self._set_busy(False)
        packs = ngettext("{n} pack", "{n} packs", count).format(n=count)
        self._say(_("Added {where}: {packs}.").format(where=source.location, packs=packs), False)
        self.changed.emit()
        self.reload()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self._say(message, error=True)

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None or self.busy:
            return
        location = item.data(Qt.ItemDataRole.UserRole)
        self._set_busy(True)
        self.service.remove_source(location).success(self._removed).failure(self._failed).run(self)

    def _removed(self, source: Any) -> None:
        self._set_busy(False)
        self._say(
            _("Removed the source {where}; installed packs stay.").format(where=source.location),
            False,
        )
        self.changed.emit()
        self.reload()
