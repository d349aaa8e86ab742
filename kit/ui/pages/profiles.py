"""The start screen: who is learning? Profiles as large cards, PIN entry, first start."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _, available_languages
from kit.ui.context import AppContext
from kit.ui.operations import profiles as ops
from kit.ui.pages.profile_forms import CreateProfileForm, PinForm
from kit.ui.pages.profile_manage import ManageForm
from kit.ui.widgets.avatar import avatar_pixmap
from kit.ui.widgets.forms import button, label
from kit.ui.widgets.plain import plain_tooltip

CARD = QSize(176, 176)


def language_name(code: str) -> str:
    """The language's own name ("Español"), or the code when babel does not know it."""
    from babel import Locale, UnknownLocaleError

    from kit.languages import endonym

    if known := endonym(code):  # the shipped languages: kit.languages, no babel needed
        return known
    try:
        name = Locale.parse(code).get_display_name(code) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def _plus_icon(size: int = 64) -> QIcon:
    from PySide6.QtGui import QColor, QPen, QPixmap

    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#5d6877"), 4))
    painter.drawLine(size // 2, 14, size // 2, size - 14)
    painter.drawLine(14, size // 2, size - 14, size // 2)
    painter.end()
    return QIcon(pix)


class ProfilesPage(QWidget):
    """Emits `signed_in(profile)` once a learner has chosen (and unlocked) a profile."""

    signed_in = Signal(object)
    language_chosen = Signal(str)
    loaded = Signal()  # the list (or the first-start form) is on screen

    def __init__(self, ctx: AppContext, parent=None, first_start: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.ctx = ctx
        self.first_start = first_start
        self.profiles: list = []
        self.manage_mode = False
        self._pending = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack)
        self.list_view = self._build_list_view()
        self.stack.addWidget(self.list_view)
        self.form: QWidget | None = None

    # -- the list ----------------------------------------------------------------
    def _build_list_view(self) -> QWidget:
        view = QWidget()
        outer = QVBoxLayout(view)
        outer.setContentsMargins(40, 36, 40, 24)
        outer.setSpacing(8)
        self.title = label(_("Who is learning today?"), "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.title)
        self.subtitle = label(_("Choose your profile to continue where you stopped."), "muted")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.subtitle)
        self.notice = label("", "muted")  # what a facilitator just did
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.hide()
        outer.addWidget(self.notice)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.cards = QWidget()
        self.cards.setObjectName("page")
        self.grid = QGridLayout(self.cards)
        self.grid.setSpacing(18)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll.setWidget(self.cards)
        outer.addWidget(scroll, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.manage_button = button(_("Manage profiles"), slot=self.toggle_manage)
        self.manage_button.setCheckable(True)
        row.addWidget(self.manage_button)
        outer.addLayout(row)
        return view

    def reload(self) -> None:
        ops.list_profiles(self.ctx).success(self.show_profiles).run(self)

    def show_profiles(self, profiles: list) -> None:
        self.profiles = list(profiles)
        if not self.profiles:
            self.show_create(first=True)
            self.loaded.emit()
            return
        self._fill_grid()
        ids = {p.id for p in self.profiles}
        if getattr(getattr(self.form, "profile", None), "id", None) not in ids:
            self._close_form()  # a form of a listed profile stays open (a late reload)
        pending, self._pending = self._pending, None
        if pending is not None:
            self.choose(pending)
        self.loaded.emit()

    def _fill_grid(self) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)  # gone from card_for at once, not at the next loop
                widget.deleteLater()
        columns = 4
        cards = [self._card(p) for p in self.profiles] + [self._new_card()]
        for index, card in enumerate(cards):
            self.grid.addWidget(card, index // columns, index % columns)
        self.manage_button.setChecked(self.manage_mode)
        self.subtitle.setText(
            _("Choose the profile to change.")
            if self.manage_mode
            else _("Choose your profile to continue where you stopped.")
        )

    def _card(self, profile) -> QToolButton:
        card = QToolButton()
        card.setProperty("role", "profile")
        card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        card.setIcon(QIcon(avatar_pixmap(profile.name, profile.colour, 84, profile.has_pin)))
        card.setIconSize(QSize(84, 84))
        card.setFixedSize(CARD)
        metrics = card.fontMetrics()
        card.setText(
            metrics.elidedText(profile.name, Qt.TextElideMode.ElideRight, CARD.width() - 48)
        )
        card.setToolTip(plain_tooltip(profile.name))
        name = (
            _("{name}, protected by a PIN").format(name=profile.name)
            if profile.has_pin
            else profile.name
        )
        card.setAccessibleName(name)
        card.setProperty("profile_id", profile.id)
        card.clicked.connect(lambda _c=False, p=profile: self.choose(p))
        return card

    def _new_card(self) -> QToolButton:
        card = QToolButton()
        card.setProperty("role", "profile-new")
        card.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        card.setIcon(_plus_icon())
        card.setIconSize(QSize(64, 64))
        card.setFixedSize(CARD)
        card.setText(_("New profile"))
        card.setAccessibleName(_("Create a new profile"))
        card.clicked.connect(lambda: self.show_create(first=False))
        return card

    def card_for(self, name: str) -> QToolButton | None:
        """The card of the profile called `name` (for keyboard users and tests)."""
        for profile in self.profiles:
            if profile.name == name:
                for card in self.cards.findChildren(QToolButton):
                    if card.property("profile_id") == profile.id:
                        return card
        return None

    def toggle_manage(self) -> None:
        self.manage_mode = not self.manage_mode
        self._fill_grid()

    # -- choosing ----------------------------------------------------------------
    def choose(self, profile) -> None:
        if self.manage_mode:
            facilitators = [p for p in self.profiles if getattr(p, "is_facilitator", False)]
            self._open_form(ManageForm(self.ctx, profile, facilitators=facilitators))
            self.form.changed.connect(self._after_change)
            self.form.said.connect(self._say)
            return
        if not profile.has_pin:
            self.signed_in.emit(profile)
            return
        self._open_form(PinForm(self.ctx, profile))
        self.form.accepted.connect(self.signed_in.emit)

    def show_pin(self, profile) -> None:
        """Go to the PIN of `profile` once the list is loaded (start-up with --profile)."""
        self._pending = profile

    def _say(self, sentence: str) -> None:
        self.notice.setText(sentence)
        self.notice.setVisible(bool(sentence))

    def _after_change(self) -> None:
        self.manage_mode = False
        self._close_form()  # done with this profile: back to the list
        self.reload()

    def show_create(self, first: bool) -> None:
        if first and self.first_start and len(available_languages()) > 1:
            self.show_languages()
            return
        form = CreateProfileForm(self.ctx, first)
        self._open_form(form)
        form.created.connect(self._created)
        form.name.setFocus()

    def _created(self, profile) -> None:
        self.signed_in.emit(profile)

    # -- first start: the interface language ------------------------------------
    def show_languages(self) -> None:
        view = QWidget()
        column = QVBoxLayout(view)
        column.setContentsMargins(40, 40, 40, 40)
        column.addStretch(1)
        for text, role in ((_("Welcome to Training Kit"), "title"),
                           (_("Choose the language of the app."), "muted")):  # fmt: skip
            widget = label(text, role)
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(widget)
        for code in available_languages():
            choice = button(language_name(code), "primary" if code == self.ctx.language else "")
            choice.setMinimumSize(260, 48)
            choice.setProperty("language", code)
            choice.clicked.connect(lambda _c=False, c=code: self._language_picked(c))
            column.addWidget(choice, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(2)
        self._open_form(view)

    def _language_picked(self, code: str) -> None:
        self.first_start = False  # the language is chosen: next comes the profile form
        self.language_chosen.emit(code)  # the window switches language and rebuilds pages

    # -- forms -------------------------------------------------------------------
    def _open_form(self, form: QWidget) -> None:
        self._close_form()
        self.form = form
        self._form_frame = frame = QScrollArea()  # a small screen scrolls a long form
        frame.setWidgetResizable(True)
        frame.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        form.setObjectName("page")
        frame.setWidget(form)
        self.stack.addWidget(frame)
        self.stack.setCurrentWidget(frame)
        if hasattr(form, "back"):
            form.back.connect(self._back_to_list)
        if hasattr(form, "cancelled"):
            form.cancelled.connect(self._back_to_list)

    def _close_form(self) -> None:
        if self.form is not None:
            self.stack.removeWidget(self._form_frame)
            self._form_frame.deleteLater()
            self.form = None
        self.stack.setCurrentWidget(self.list_view)

    def _back_to_list(self) -> None:
        self.manage_mode = False
        if self.profiles:
            self._fill_grid()
            self._close_form()
        else:
            self.reload()
