"""The reader page: one item of a module at a time, with Previous/Next and progress.

Embedded by the app shell. The page opens items itself (Next/Previous, links inside the
pack) and reports each move with `item_requested`; `back_requested` asks the shell to go
back to the library; `certificate_requested` is emitted when the learner asks for the
certificate of a module just completed (when nothing is connected to it, the page saves
the certificate itself).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMetaMethod, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kit.core.itemtypes import ACTIVITY, LESSON, QUIZ, SLIDES, SURVEY
from kit.i18n import _
from kit.ui import textsize
from kit.ui.context import AppContext
from kit.ui.operations import reader as ops
from kit.ui.operations.op import Op
from kit.ui.operations.reader import ItemView, ProgressChange
from kit.ui.reader.activity import ActivityView
from kit.ui.reader.chrome import Banner, Footer, Header, MessagePanel, reader_style
from kit.ui.reader.lesson import LessonView
from kit.ui.reader.quiz import QuizView
from kit.ui.reader.slides import SlidesView
from kit.ui.reader.survey import SurveyView
from kit.ui.widgets.afterpaint import AfterPaint
from kit.ui.widgets.plain import plain_message


class ReaderPage(QWidget):
    back_requested = Signal()
    item_requested = Signal(str, str)  # pack id, item id: the page moved there
    certificate_requested = Signal(str, str)  # pack id, module id
    item_shown = Signal(str, str)  # an item is on screen (tests, benchmarks)
    progress_changed = Signal(object)  # ProgressChange after a write that may move progress
    text_scale_chosen = Signal(float)  # A-/A+ chose a text size step (the shell saves it)
    file_saved = Signal(object)  # where a pack's data file was saved (None: not saved)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view: ItemView | None = None
        self._token = 0
        self._finishing = False  # "Finish" pressed on the last item, write pending
        self._after_paint = AfterPaint(self)
        self.setObjectName("readerPage")
        self.setAccessibleName(_("Reader"))
        self.header = Header(self)
        self.banner = Banner(self)
        self.footer = Footer(self)
        self.stack = QStackedWidget(self)
        self.message = MessagePanel(self)
        self.views: dict[str, QWidget] = {
            LESSON: LessonView(ctx, self),
            SLIDES: SlidesView(ctx, self),
            ACTIVITY: ActivityView(ctx, self),
            QUIZ: QuizView(ctx, self),
            SURVEY: SurveyView(ctx, self),
        }
        self.stack.addWidget(self.message)
        for view in self.views.values():
            self.stack.addWidget(view)
            if hasattr(view, "item_link"):
                view.item_link.connect(self._follow_link)
            if hasattr(view, "file_requested"):
                view.file_requested.connect(self.save_file)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.footer)
        self._connect()
        self._shortcuts()
        self.set_text_scale(getattr(ctx, "text_scale", 1.0) or 1.0)

    # -- wiring --------------------------------------------------------------
    def _connect(self) -> None:
        self.header.back.clicked.connect(self.back_requested)
        self.header.smaller.clicked.connect(lambda: self.change_text_size(-1))
        self.header.larger.clicked.connect(lambda: self.change_text_size(+1))
        self.footer.previous.clicked.connect(self.go_previous)
        self.footer.next.clicked.connect(self.go_next)
        self.footer.done.clicked.connect(self.mark_done)
        self.banner.certificate.clicked.connect(self._certificate_clicked)
        slides: SlidesView = self.views[SLIDES]  # type: ignore[assignment]
        slides.reached_end.connect(self.mark_done)
        slides.past_end.connect(self.go_next)
        slides.before_start.connect(self.go_previous)
        quiz: QuizView = self.views[QUIZ]  # type: ignore[assignment]
        quiz.progress_changed.connect(self._on_progress)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        bindings = [
            ("Alt+Right", self.go_next),
            ("Ctrl+PgDown", self.go_next),
            ("Alt+Left", self.go_previous),
            ("Ctrl+PgUp", self.go_previous),
            ("Alt+Up", self.back_requested.emit),
            ("Ctrl+=", lambda: self.change_text_size(+1)),
            ("Ctrl++", lambda: self.change_text_size(+1)),
            ("Ctrl+-", lambda: self.change_text_size(-1)),
            ("Ctrl+0", lambda: self.choose_text_scale(textsize.NORMAL)),
        ]
        for keys, slot in bindings:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    def set_back_to(self, target: str) -> None:
        """Where Back (and Alt+Up) leads, as the shell will do it: "library" or "search"."""
        self.header.set_back_to(target)

    # -- opening items -------------------------------------------------------
    def open_item(self, pack_id: str, item_id: str) -> None:
        """Show an item of an installed pack (loaded on the worker; viewed is recorded)."""
        self._finishing = False
        self._token += 1
        token = self._token
        if self.view is None:
            self.message.show_text(_("Opening…"))
            self.stack.setCurrentWidget(self.message)
        load, viewed = ops.load_item(self.ctx, pack_id, item_id)
        load.success(lambda view: self._loaded(token, view, viewed)).failure(
            lambda error: self._failed(token, error)
        ).run(self)

    def _loaded(self, token: int, view: ItemView, viewed: Op[None] | None = None) -> None:
        if token != self._token:
            if viewed is not None:
                viewed.run(self)
            return  # the learner already moved on
        if viewed is not None:
            # The "viewed" write (then the next item's head start) is queued once the item
            # is painted: run behind the reading job, or during the paint, the worker
            # would hold the GIL while this thread waits for it (up to the 5 ms switch
            # interval of the interpreter). It is still written if the learner moves on.
            self._after_paint.post(lambda: self._after_shown(view, viewed))
        self.view = view
        widget = self.views.get(view.kind, self.views[LESSON])
        widget.show_view(view)  # type: ignore[attr-defined]
        self.stack.setCurrentWidget(widget)
        self.header.show_view(view)
        self.footer.show_view(view)
        self.banner.hide()
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if view.rtl else self._app_dir())
        if self.isVisible() and not self.focusWidget():
            widget.focus_target().setFocus()  # type: ignore[attr-defined]
        self.item_shown.emit(str(view.pack["id"]), str(view.item["id"]))

    def _after_shown(self, view: ItemView, viewed: Op[None]) -> None:
        with self.ctx.services.worker.together():
            viewed.run(self)
            ops.prefetch_next(self.ctx, view).run(self)

    @staticmethod
    def _app_dir() -> Qt.LayoutDirection:
        from PySide6.QtWidgets import QApplication

        return QApplication.layoutDirection()

    def _failed(self, token: int, error: str) -> None:
        if token != self._token:
            return
        self.view = None
        self.message.show_text(error, error=True)
        self.stack.setCurrentWidget(self.message)

    def current_widget(self) -> QWidget:
        return self.stack.currentWidget()

    # -- moving --------------------------------------------------------------
    def _move_to(self, item_id: str | None) -> None:
        if self.view is None or item_id is None:
            return
        pack_id = str(self.view.pack["id"])
        self.open_item(pack_id, item_id)
        self.item_requested.emit(pack_id, item_id)

    def go_next(self) -> None:
        """Next item; on the last one "Finish": back to the library, unless finishing
        completes the module (then the page stays to offer the certificate)."""
        if self.view is None:
            return
        following = self.view.neighbour(+1)
        if following is not None:
            self.mark_done()
            self._move_to(following)
        elif self.banner.isVisible():
            return
        elif self.mark_done():
            self._finishing = True  # decided when the write returns (_on_progress)
        else:
            self.back_requested.emit()

    def go_previous(self) -> None:
        if self.view is not None:
            self._move_to(self.view.neighbour(-1))

    def _follow_link(self, item_id: str, fragment: str) -> None:
        if self.view is not None and item_id:
            self._move_to(item_id)

    # -- data files ------------------------------------------------------------
    def save_file(self, rel_path: str) -> None:
        """A link to one of the pack's data files: find it in the media store (on the
        worker), then ask where to save a copy."""
        if self.view is None:
            return
        from kit.ui.operations.library import media_file

        media_file(self.ctx, str(self.view.pack["id"]), rel_path).success(
            lambda path: self._offer_file(rel_path, path)
        ).failure(self.message_box).run(self)

    def _offer_file(self, rel_path: str, path: Path | None) -> None:
        from kit.ui.reader.browser import save_pack_file

        name = rel_path.rsplit("/", 1)[-1]
        if path is None:
            self.message_box(_("{name} is not in this pack.").format(name=name))
            return
        self.file_saved.emit(save_pack_file(self, path, name))

    # -- progress ------------------------------------------------------------
    def mark_done(self) -> bool:
        """Record the current lesson, slide deck or activity as completed (once).

        Returns whether a write was started.
        """
        view = self.view
        if view is None or not view.completable or self.ctx.profile_id is None:
            return False
        if self.footer.is_done():
            return False
        self.footer.set_done(True)
        ops.complete_item(
            self.ctx, str(view.pack["id"]), str(view.module["id"]), view.item
        ).success(self._on_progress).failure(self._write_failed).run(self)
        return True

    def _write_failed(self, error: str) -> None:
        self._finishing = False
        self.footer.set_done(False)
        self.message_box(error)

    def message_box(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        plain_message(self, QMessageBox.Icon.Warning, _("Not saved"), text).exec()

    def _on_progress(self, change: ProgressChange) -> None:
        if change.after is not None:
            self.header.show_progress(change.after)
        finishing, self._finishing = self._finishing, False
        if self.view is not None and change.became_complete:
            self.banner.offer(str(self.view.module.get("title") or ""))
        elif finishing:
            self.back_requested.emit()
        self.progress_changed.emit(change)

    def _certificate_clicked(self) -> None:
        if self.view is None:
            return
        pack_id, module_id = str(self.view.pack["id"]), str(self.view.module["id"])
        signal = QMetaMethod.fromSignal(self.certificate_requested)
        if self.isSignalConnected(signal):
            self.certificate_requested.emit(pack_id, module_id)
        else:
            from kit.ui.reader.certificate import save_certificate

            save_certificate(self, self.ctx, pack_id, module_id)

    # -- text size -----------------------------------------------------------
    def change_text_size(self, steps: int) -> None:
        """A-/A+: the next text size step, the same steps as in Settings."""
        self.choose_text_scale(textsize.step(float(self.ctx.text_scale or 1.0), steps))

    def choose_text_scale(self, scale: float) -> None:
        """The learner chose a size: the shell applies it everywhere and saves it (it calls
        set_text_scale back); a page on its own applies it to itself."""
        scale = textsize.nearest(scale)
        if scale == self.ctx.text_scale:
            return
        if self.isSignalConnected(QMetaMethod.fromSignal(self.text_scale_chosen)):
            self.text_scale_chosen.emit(scale)
        else:
            self.set_text_scale(scale)

    def set_text_scale(self, scale: float) -> None:
        scale = textsize.nearest(scale)
        self.ctx.text_scale = scale
        self.setStyleSheet(reader_style(scale))
        for view in self.views.values():
            view.set_scale(scale)  # type: ignore[attr-defined]
        self.header.smaller.setEnabled(not textsize.is_smallest(scale))
        self.header.larger.setEnabled(not textsize.is_largest(scale))
