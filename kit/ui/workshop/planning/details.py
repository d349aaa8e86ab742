"""A workshop's details in the Plan tab: title, dates, place, language, facilitators,
description and whether it will create wiki accounts (with the wikis' warning)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kit.core.workshops.model import Workshop
from kit.i18n import _, available_languages
from kit.ui.getpacks.texts import language_name


class DetailsForm(QWidget):
    save_requested = Signal(object)  # the workshop with these details

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop: Workshop | None = None
        self.title = QLineEdit()
        self.starts = QLineEdit()
        self.ends = QLineEdit()
        for field in (self.starts, self.ends):
            field.setPlaceholderText(_("YYYY-MM-DD"))
        self.place = QLineEdit()
        self.language = QComboBox()
        self.language.setEditable(True)
        self.language.setToolTip(_("One of the app's languages, or another by its code"))
        for code in available_languages():
            self.language.addItem(f"{language_name(code)} ({code})", code)
        self.facilitators = QLineEdit()
        self.facilitators.setPlaceholderText(_("Names, separated by commas"))
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.accounts = QCheckBox(_("This workshop will create wiki acco&unts"))
        self.banner = QLabel()
        self.banner.setObjectName("accountsWarning")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "QLabel { background: #fff4e5; color: #5f3700; border: 1px solid #e0a040;"
            " padding: 8px; }"
        )
        self.banner.hide()
        self.accounts.toggled.connect(self._show_banner)
        self.save_button = QPushButton(_("Sa&ve details"))
        self.save_button.setToolTip(_("Ctrl+S"))
        self.save_button.clicked.connect(self.save)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        form = QFormLayout()
        form.addRow(_("&Title:"), self.title)
        form.addRow(_("&Starts on:"), self.starts)
        form.addRow(_("&Ends on:"), self.ends)
        form.addRow(_("&Place:"), self.place)
        form.addRow(_("&Language:"), self.language)
        form.addRow(_("&Facilitators:"), self.facilitators)
        form.addRow(_("&Description:"), self.description)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.accounts)
        layout.addWidget(self.banner)
        layout.addWidget(self.save_button)
        layout.addStretch(1)
        self.setEnabled(False)

    def show_workshop(self, shop: Workshop | None) -> None:
        self.shop = shop
        self.setEnabled(shop is not None)
        shop = shop or Workshop(title="")
        self.title.setText(shop.title)
        self.starts.setText(shop.starts)
        self.ends.setText(shop.ends)
        self.place.setText(shop.place)
        index = self.language.findData(shop.language)
        if index >= 0:
            self.language.setCurrentIndex(index)
        else:
            self.language.setEditText(shop.language)
        self.facilitators.setText(", ".join(shop.facilitators))
        self.description.setPlainText(shop.description)
        self.accounts.setChecked(shop.creates_accounts)
        self._show_banner(shop.creates_accounts)

    def _show_banner(self, on: bool) -> None:
        self.banner.setText(replace(Workshop(title=""), creates_accounts=on).accounts_warning())
        self.banner.setVisible(on)

    def edited(self, shop: Workshop) -> Workshop:
        """`shop` (its agenda as it is) with the details in the form."""
        return replace(
            shop,
            title=self.title.text(),
            starts=self.starts.text().strip(),
            ends=self.ends.text().strip(),
            place=self.place.text(),
            language=self.language_code(),
            facilitators=tuple(
                name for name in (f.strip() for f in self.facilitators.text().split(",")) if name
            ),
            description=self.description.toPlainText(),
            creates_accounts=self.accounts.isChecked(),
        )

    def language_code(self) -> str:
        """The chosen language's code: one of the list's, or the code typed in."""
        text = self.language.currentText().strip()
        index = self.language.findText(text)
        return str(self.language.itemData(index)) if index >= 0 else (text or "en")

    def save(self) -> None:
        if self.shop is not None:
            self.save_requested.emit(self.edited(self.shop))
