"""Settings: the interface language, the language packs are read in, the text size, and the
way to the Learning Record Store setting (kit.ui.dialogs.lrs)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
)

from kit.i18n import N_, _, available_languages
from kit.ui.operations.settings import TEXT_SCALES
from kit.ui.pages.profiles import language_name
from kit.ui.textsize import nearest_index
from kit.ui.widgets.forms import label
from kit.ui.widgets.plain import plain_tooltip

SCALE_NAMES = (
    N_("Small"), N_("Normal"), N_("Large"), N_("Larger"), N_("Very large"), N_("Extra large"),
    N_("Largest"),
)  # fmt: skip


class SettingsDialog(QDialog):
    applied = Signal(str, float)  # language, text scale
    content_chosen = Signal(str)  # the content language; "" = the interface language
    lrs_requested = Signal()  # "Learning Record Store…": the window opens kit.ui.dialogs.lrs

    def __init__(self, language: str, scale: float, parent=None, content: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(label(_("Settings"), "title"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setAccessibleName(_("Language of the app"))
        for code in available_languages():
            self.language.addItem(language_name(code), code)
        index = self.language.findData(language)
        self.language.setCurrentIndex(max(index, 0))
        form.addRow(_("Language of the app"), self.language)
        self.content = QComboBox()
        self.content.setAccessibleName(_("Language of the lessons"))
        self.content.addItem(_("Same as the app"), "")
        codes = list(available_languages())
        if content and content not in codes:
            codes.append(content)
        for code in codes:
            self.content.addItem(language_name(code), code)
        self.content.setCurrentIndex(max(self.content.findData(content), 0))
        self.content.setToolTip(
            plain_tooltip(
                _(
                    "Packs translated into this language are shown in it; "
                    "what is not translated yet is shown in the pack's own language."
                )
            )
        )
        form.addRow(_("Language of the lessons"), self.content)
        self.size = QComboBox()
        self.size.setAccessibleName(_("Text size"))
        for value, name in zip(TEXT_SCALES, SCALE_NAMES, strict=True):
            self.size.addItem(_(name), value)
        self.size.setCurrentIndex(nearest_index(scale))  # what A+/A- chose, by its name
        form.addRow(_("Text size"), self.size)
        layout.addLayout(form)
        self.lrs_button = QPushButton(_("Learning Record Store…"))
        self.lrs_button.setAccessibleName(_("Learning Record Store"))
        self.lrs_button.setAutoDefault(False)
        self.lrs_button.clicked.connect(self.lrs_requested)
        layout.addWidget(self.lrs_button)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        self.content_chosen.emit(str(self.content.currentData() or ""))
        self.applied.emit(str(self.language.currentData()), float(self.size.currentData()))
        self.accept()
