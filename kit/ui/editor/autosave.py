"""Nothing typed is lost: every edit goes to the recovery journal at once (debounced a
little) and to its file once the person pauses, switches file, presses Ctrl+S or closes.

The texts not yet in their files are `unsaved` (relative path -> text); the window
shows a dirty marker while there are any. Journaling and saving run on the worker
through the window's callables (operations), in the order they were asked for.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

JOURNAL_DELAY_MS = 250
SAVE_DELAY_MS = 2000

Record = Callable[[str, str], None]  # journal (rel, text)
Save = Callable[[str, str, Callable[[], None]], None]  # save (rel, text, done)


class Autosave(QObject):
    """The unsaved texts of one open pack, journaled soon and saved when idle."""

    dirty_changed = Signal(bool)
    saved = Signal(str)  # a file was written (its relative path)

    def __init__(self, record: Record, save: Save, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.record = record
        self.save = save
        self.unsaved: dict[str, str] = {}
        self._to_journal: dict[str, str] = {}
        self._saving: dict[str, str] = {}  # asked for, not confirmed yet
        self.journal_timer = QTimer(self, singleShot=True, interval=JOURNAL_DELAY_MS)
        self.journal_timer.timeout.connect(self.journal_now)
        self.save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self.save_timer.timeout.connect(self.save_all)

    @property
    def dirty(self) -> bool:
        return bool(self.unsaved)

    def edited(self, rel: str, text: str) -> None:
        """The person changed `rel` to `text`."""
        was = self.dirty
        self.unsaved[rel] = text
        self._to_journal[rel] = text
        if not self.journal_timer.isActive():  # at most 250 ms behind, even while typing on
            self.journal_timer.start()
        self.save_timer.start()
        if not was:
            self.dirty_changed.emit(True)

    def recovered(self, texts: dict[str, str]) -> None:
        """Texts from the journal: unsaved again, saved when the person next pauses."""
        if not texts:
            return
        was = self.dirty
        self.unsaved.update(texts)
        self.save_timer.start()
        if not was:
            self.dirty_changed.emit(True)

    def journal_now(self) -> None:
        self.journal_timer.stop()
        texts, self._to_journal = self._to_journal, {}
        for rel, text in texts.items():
            self.record(rel, text)

    def save_all(self) -> None:
        """Write every unsaved text to its file (the journal first, so a crash in between
        loses nothing)."""
        self.save_timer.stop()
        self.journal_now()
        for rel, text in list(self.unsaved.items()):
            if self._saving.get(rel) == text:
                continue
            self._saving[rel] = text
            self.save(rel, text, lambda rel=rel, text=text: self._saved(rel, text))

    def _saved(self, rel: str, text: str) -> None:
        if self._saving.get(rel) == text:
            del self._saving[rel]
        if self.unsaved.get(rel) == text:  # not typed on since
            del self.unsaved[rel]
            self.saved.emit(rel)
            if not self.unsaved:
                self.dirty_changed.emit(False)

    def save_failed(self, rel: str) -> None:
        """Saving `rel` failed: it stays unsaved, and the next save tries again."""
        self._saving.pop(rel, None)

    def forget(self, rel: str) -> None:
        """Drop an unsaved text (its file was deleted or replaced by an undo)."""
        self.unsaved.pop(rel, None)
        self._to_journal.pop(rel, None)
        if not self.unsaved:
            self.dirty_changed.emit(False)

    def stop(self) -> None:
        self.journal_timer.stop()
        self.save_timer.stop()
