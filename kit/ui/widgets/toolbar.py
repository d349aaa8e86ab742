"""The window's toolbar: Library, search, the signed-in learner, and the app menu."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from kit.i18n import _
from kit.ui.widgets.avatar import avatar_pixmap
from kit.ui.widgets.enumkeys import set_enum, set_shortcut


class AppToolbar(QToolBar):
    search_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setMovable(False)
        self.setFloatable(False)
        self.setIconSize(QSize(28, 28))
        self.setAccessibleName(_("Main toolbar"))
        self.brand = QLabel(_("Training Kit"))
        self.brand.setStyleSheet(
            "font-weight: 700; font-size: 13pt; color: #1d2430; padding: 0 10px 0 4px;"
        )
        self.addWidget(self.brand)
        self.home = QAction(_("Library"), self)
        set_shortcut(self.home, QKeySequence("Alt+Home"))
        self.home.setToolTip(_("Back to the library (Alt+Home)"))
        self.addAction(self.home)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search lessons…"))
        self.search.setAccessibleName(_("Search the library"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(280)
        self.search.setMaximumWidth(520)
        self.search.returnPressed.connect(lambda: self.search_requested.emit(self.search.text()))
        self.search_action = self.addWidget(self.search)
        self.find = QAction(_("Search"), self)
        set_shortcut(self.find, QKeySequence(QKeySequence.StandardKey.Find))
        self.find.triggered.connect(self.focus_search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.install = QAction(_("Install from file…"), self)
        set_shortcut(self.install, QKeySequence(QKeySequence.StandardKey.Open))
        self.settings = QAction(_("Settings…"), self)
        self.backups = QAction(_("Backups…"), self)
        self.progress = QAction(_("My progress"), self)
        set_shortcut(self.progress, QKeySequence("Ctrl+Shift+P"))
        self.keys = QAction(_("Keyboard shortcuts"), self)
        self.keys.setShortcuts([QKeySequence("F1"), QKeySequence("Ctrl+?")])
        self.about = QAction(_("About Training Kit"), self)
        self.switch = QAction(_("Switch profile"), self)
        self.quit = QAction(_("Quit"), self)
        set_shortcut(self.quit, QKeySequence(QKeySequence.StandardKey.Quit))
        self.profile_button = QToolButton()
        set_enum(self.profile_button, "toolButtonStyle", "ToolButtonTextBesideIcon")
        self.profile_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.profile_button.setAutoRaise(True)
        self.profile_button.setIconSize(QSize(28, 28))
        self.profile_menu = QMenu(self.profile_button)
        self.profile_menu.addAction(self.progress)
        self.profile_menu.addAction(self.switch)
        self.profile_button.setMenu(self.profile_menu)
        self.profile_action = self.addWidget(self.profile_button)
        self.menu_button = QToolButton()
        self.menu_button.setText(_("Menu"))
        self.menu_button.setAccessibleName(_("Menu"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setAutoRaise(True)
        menu = QMenu(self.menu_button)
        for action in (self.progress, self.install, self.settings, self.backups):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.keys)
        menu.addAction(self.about)
        menu.addSeparator()
        menu.addAction(self.quit)
        self.menu_button.setMenu(menu)
        self.addWidget(self.menu_button)
        self.show_signed_in(None)

    def focus_search(self) -> None:
        if self.search_action.isVisible():
            self.search.setFocus()
            self.search.selectAll()

    def show_signed_in(self, profile) -> None:
        """Show the learner's name and the learner's tools (or hide them)."""
        signed_in = profile is not None
        for action in (self.home, self.search_action, self.profile_action, self.progress):
            action.setVisible(signed_in)
        if signed_in:
            self.profile_button.setText(profile.name)
            self.profile_button.setIcon(QIcon(avatar_pixmap(profile.name, profile.colour, 28)))
            self.profile_button.setAccessibleName(
                _("Signed in as {name}").format(name=profile.name)
            )

    def show_preview(self) -> None:
        """The library without a profile (screenshots): Library and search only."""
        for action in (self.home, self.search_action):
            action.setVisible(True)
        self.profile_action.setVisible(False)
        self.progress.setVisible(False)
