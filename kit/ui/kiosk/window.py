"""Pass-the-laptop kiosk: anonymous answers from one person after another, full screen.

A neutral start screen comes back after each respondent and after `idle_ms` without a
touch or key; every respondent gets a form built afresh (no earlier answer is visible
anywhere and there is no way back to it); leaving needs a facilitator's PIN. The kiosk
knows nothing of what it asks for: `save(answers)` and `unlock(pin)` return operations
(kit.ui.operations), so the needs-assessment survey (issue 13) reuses it as it is.

    kiosk = KioskWindow(_("Workshop feedback"), survey.questions,
                        save=lambda answers: ops.record_response(ctx, shop_id, survey, answers),
                        unlock=lambda pin: ops.unlock(ctx, pin))
    kiosk.start()
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kit.i18n import _
from kit.ui.kiosk.form import KioskForm
from kit.ui.operations.kiosk import Question

IDLE_MS = 90_000
STYLE = """
#kioskWindow { background: #ffffff; }
#kioskWindow QWidget { font-size: 22pt; }
#kioskWindow QLabel#kioskTitle { font-size: 30pt; font-weight: bold; }
#kioskWindow QLabel#kioskStartText { font-size: 36pt; }
#kioskWindow QLabel#kioskPrompt { font-weight: bold; }
#kioskWindow QLabel#kioskMessage { color: #a4262c; }
#kioskWindow QPushButton { padding: 12px 28px; }
#kioskWindow QPushButton:checked { background: #1f5fa8; color: white; }
#kioskWindow QPushButton:focus, #kioskWindow QRadioButton:focus,
#kioskWindow QCheckBox:focus, #kioskWindow QLineEdit:focus,
#kioskWindow QPlainTextEdit:focus { border: 3px solid #1f5fa8; }
#kioskWindow QPushButton#kioskLeave { font-size: 12pt; }
#kioskWindow QPushButton#kioskPoint { font-size: 15pt; padding: 6px 8px; }
#kioskWindow QLabel#kioskNote { font-size: 14pt; color: #57606a; }
#kioskWindow QRadioButton::indicator, #kioskWindow QCheckBox::indicator { width: 28px; height: 28px; }
#kioskWindow QRadioButton, #kioskWindow QCheckBox { padding: 6px 0; }
"""
_INPUT_EVENTS = (
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
)


class KioskWindow(QWidget):
    start_shown = Signal()  # the neutral start screen is up (after each respondent, idle)
    form_shown = Signal()  # a blank form for the next respondent
    saved = Signal(int)  # a respondent's answers are on disk (how many)
    pin_refused = Signal(str)  # the sentence shown
    left = Signal()  # the facilitator's PIN was right: the kiosk is closed

    def __init__(
        self,
        title: str,
        questions: tuple[Question, ...],
        save: Callable[[dict[str, Any]], Any],
        unlock: Callable[[str], Any],
        *,
        idle_ms: int = IDLE_MS,
        rtl: bool = False,
        start_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("kioskWindow")
        self.setWindowTitle(title)
        self.setStyleSheet(STYLE)
        self.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        self.title = title
        self.questions = questions
        self._save = save
        self._unlock = unlock
        self.form: KioskForm | None = None
        self.unlocked = False
        self.start_text = start_text or _("Tap Start to give your feedback")
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(idle_ms)
        self.idle.timeout.connect(self._idle)
        self.pages = QStackedWidget()
        self.start_page = self._start_page()
        self.pin_page = self._pin_page()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.pin_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.pages)
        QApplication.instance().installEventFilter(self)

    # -- pages ------------------------------------------------------------------------------
    def _start_page(self) -> QWidget:
        page = QWidget()
        text = QLabel(self.start_text)
        text.setObjectName("kioskStartText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton(_("Start"))
        self.start_button.setObjectName("kioskStart")
        self.start_button.setMinimumSize(320, 110)
        self.start_button.clicked.connect(self.begin)
        self.leave_button = QPushButton(_("Facilitator: leave the kiosk"))
        self.leave_button.setObjectName("kioskLeave")
        self.leave_button.clicked.connect(self.ask_pin)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addSpacing(32)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        # A line for the facilitator (how many answers so far); never one person's.
        self.note = QLabel()
        self.note.setObjectName("kioskNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget()
        heading = QLabel(_("A facilitator's PIN is needed to leave the kiosk."))
        heading.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(_("Facilitator PIN"))
        self.pin.returnPressed.connect(self.try_pin)
        self.pin_message = QLabel()
        self.pin_message.setObjectName("kioskMessage")
        self.pin_message.setWordWrap(True)
        self.pin_button = QPushButton(_("Leave the kiosk"))
        self.pin_button.clicked.connect(self.try_pin)
        back = QPushButton(_("Back to the start screen"))
        back.clicked.connect(self.show_start)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        for widget in (heading, self.pin, self.pin_message, self.pin_button, back):
            layout.addWidget(widget)
        layout.addStretch(1)
        return page

    def set_note(self, text: str) -> None:
        """The small line on the start screen (e.g. how many responses so far)."""
        self.note.setText(text)

    # -- the round --------------------------------------------------------------------------
    def start(self) -> None:
        """Full screen on the laptop (the primary screen, not the projector), on the
        start screen."""
        laptop = QGuiApplication.primaryScreen()
        if laptop is not None:
            self.setScreen(laptop)
            self.setGeometry(laptop.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.show_start()

    def show_start(self) -> None:
        """The neutral start screen; any unsent form is dropped with what it held."""
        self._drop_form()
        self.pin.clear()
        self.pin_message.clear()
        self.pages.setCurrentWidget(self.start_page)
        self.start_button.setFocus()
        self.idle.stop()
        self.start_shown.emit()

    def begin(self) -> None:
        """A blank form, made afresh, for the next respondent."""
        self._drop_form()
        self.form = KioskForm(self.title, self.questions)
        self.form.send_button.clicked.connect(self.send)
        self.form.cancel_button.clicked.connect(self.show_start)
        self.pages.addWidget(self.form)
        self.pages.setCurrentWidget(self.form)
        # Laid out now, so form_shown means every answer can be tapped where it is drawn.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        first = self.form.first_input()
        if first is not None:
            first.setFocus()
        self.idle.start()
        self.form_shown.emit()

    def send(self) -> None:
        form = self.form
        if form is None or self.pages.currentWidget() is not form:
            return
        answers = form.answers()
        if not answers:
            form.message.setText(_("Answer at least one question, or tap Cancel."))
            return
        form.send_button.setEnabled(False)

        def done(count: int) -> None:
            if self.form is form:
                self.show_start()
            self.saved.emit(int(count))

        def failed(text: str) -> None:
            form.send_button.setEnabled(True)
            form.message.setText(_("Not saved: {reason}").format(reason=text))

        self._save(answers).success(done).failure(failed).run(self)

    def _drop_form(self) -> None:
        if self.form is not None:
            self.pages.removeWidget(self.form)
            self.form.hide()
            self.form.setParent(None)  # out of the window at once, not at the next event loop
            self.form.deleteLater()
            self.form = None

    def _idle(self) -> None:
        if self.pages.currentWidget() is not self.start_page:
            self.show_start()

    # -- leaving ----------------------------------------------------------------------------
    def ask_pin(self) -> None:
        self._drop_form()
        self.pin.clear()
        self.pin_message.clear()
        self.pages.setCurrentWidget(self.pin_page)
        self.pin.setFocus()
        self.idle.start()

    def try_pin(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        self._unlock(pin).success(self._unlocked).failure(self._refused).run(self)

    def _refused(self, text: str) -> None:
        self.pin_message.setText(text)
        self.pin.setFocus()
        self.pin_refused.emit(text)

    def _unlocked(self, _profile: Any) -> None:
        self.unlocked = True
        self.idle.stop()
        QApplication.instance().removeEventFilter(self)
        self.close()
        self.left.emit()

    # -- events -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any touch or key in the kiosk keeps it awake; Esc asks for the PIN and
        Ctrl+Enter sends, whichever widget has the focus."""
        if event.type() not in _INPUT_EVENTS or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self:
            return False
        if self.idle.isActive():
            self.idle.start()  # someone is still answering
        if event.type() == QEvent.Type.KeyPress:
            return self._key(event)
        return False

    def _key(self, event: Any) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and self.pages.currentWidget() is not self.pin_page:
            self.ask_pin()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            mods & Qt.KeyboardModifier.ControlModifier
        ):
            self.send()
            return True
        return False

    def closeEvent(self, event: Any) -> None:
        if self.unlocked:
            super().closeEvent(event)
            return
        event.ignore()  # only the facilitator's PIN closes the kiosk
        self.ask_pin()
