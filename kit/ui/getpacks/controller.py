"""The page's downloads: start, pause, resume, cancel, and what each outcome shows."""

from __future__ import annotations

import time
from typing import Any

from kit.i18n import _
from kit.ui.context import AppContext
from kit.ui.getpacks.downloads import FAILED, PAUSED, DownloadRow
from kit.ui.runners.network import CANCELLED, DONE
from kit.ui.runners.network import PAUSED as TASK_PAUSED


class DownloadsMixin:
    """Mixed into GetPacksPage (which provides service, rows, tasks, jobs, cards, ctx)."""

    ctx: AppContext
    service: Any
    rows: dict[str, DownloadRow]
    tasks: dict[str, Any]
    jobs: dict[str, Any]
    retired: list[Any]
    cards: dict[str, Any]
    downloads_box: Any
    _closed: bool

    def download(self, offer: Any) -> None:
        """Download and install an offer (a new pack or an update)."""
        pack_id = offer.entry.id
        if pack_id in self.tasks or self._closed:
            return
        self.jobs.pop(pack_id, None)
        e = offer.entry
        self._row(pack_id, e.title, e.version, e.size).show_started()
        self._start(pack_id, self.service.download(offer))

    def pause(self, pack_id: str) -> None:
        task = self.tasks.get(pack_id)
        if task is not None:
            task.pause()
            row = self.rows[pack_id]
            row.pause_button.setEnabled(False)
            row.detail.setText(_("Pausing…"))

    def resume(self, pack_id: str) -> None:
        """Resume a paused download, or try a failed one again."""
        if pack_id in self.tasks or self._closed:
            return
        job = self.jobs.pop(pack_id, None)
        if job is None:  # it failed before it began: start afresh from the offer
            card = self.cards.get(pack_id)
            if card is not None:
                self.download(card.offer)
            return
        self.rows[pack_id].show_started()
        self._start(pack_id, self.service.resume(job))

    def cancel(self, pack_id: str) -> None:
        task = self.tasks.get(pack_id)
        if task is not None:
            task.cancel()
            row = self.rows[pack_id]
            row.cancel_button.setEnabled(False)
            row.detail.setText(_("Cancelling…"))
            return
        job = self.jobs.pop(pack_id, None)
        if job is None:
            self._drop_row(pack_id)
            return
        self.rows[pack_id].cancel_button.setEnabled(False)
        self.service.discard(job).success(lambda _r: self._drop_row(pack_id)).failure(
            lambda m: self.say(m, error=True)
        ).run(self)

    def _row(self, pack_id: str, title: str, version: str, size: int) -> DownloadRow:
        row = self.rows.get(pack_id)
        if row is None:
            row = DownloadRow(pack_id, title, version, size)
            row.pause_button.clicked.connect(lambda: self.pause(pack_id))
            row.resume_button.clicked.connect(lambda: self.resume(pack_id))
            row.retry_button.clicked.connect(lambda: self.resume(pack_id))
            row.cancel_button.clicked.connect(lambda: self.cancel(pack_id))
            self.rows[pack_id] = row
            self.downloads_box.addWidget(row)
        row.cancel_button.setEnabled(True)
        self._mark_card(pack_id)
        self._update_sections()
        return row

    def _drop_row(self, pack_id: str) -> None:
        row = self.rows.pop(pack_id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self._mark_card(pack_id)
        self._update_sections()

    def _busy_text(self, pack_id: str) -> str:
        row = self.rows.get(pack_id)
        if row is None:
            return ""
        return {PAUSED: _("Paused"), FAILED: _("Stopped")}.get(row.state, _("Downloading…"))

    def _mark_card(self, pack_id: str) -> None:
        card = self.cards.get(pack_id)
        if card is not None:
            card.set_busy(self._busy_text(pack_id))

    def _add_pending(self, pending: Any) -> None:
        """An unfinished download from an earlier run of the app, ready to resume."""
        e = pending.job.entry
        if e.id in self.tasks or e.id in self.jobs:
            return
        self.jobs[e.id] = pending.job
        self._row(e.id, e.title, e.version, e.size).show_paused(pending.received)
        self._mark_card(e.id)

    def _start(self, pack_id: str, task: Any) -> None:
        # The task is not a child of the page, so closing the page never deletes a QObject
        # that a download thread is still using.
        task.progressed.connect(self._progressed)
        task.finished.connect(self._finished)
        self.tasks[pack_id] = task
        task.start()

    def _progressed(self, p: Any) -> None:
        row = self.rows.get(p.pack_id)
        pausing = row is not None and not row.pause_button.isEnabled() and p.phase == "download"
        if row is not None and p.pack_id in self.tasks and not pausing:
            row.show_progress(p)

    def _finished(self, pack_id: str, outcome: str, payload: Any) -> None:
        task = self.tasks.pop(pack_id, None)
        row = self.rows.get(pack_id)
        if task is None or row is None:
            return
        # Drop our reference only once its thread has ended, so that the task is always
        # destroyed here on the GUI thread, never on the download thread.
        self.retired = [t for t in self.retired if t.running]
        self.retired.append(task)
        if outcome == DONE:
            self._drop_row(pack_id)
            self._installed(payload)
        elif outcome == CANCELLED:
            self._drop_row(pack_id)
            self.say(_("The download of {title} was cancelled.").format(title=row.title_text))
        elif outcome == TASK_PAUSED:
            self.jobs[pack_id] = task.job
            row.show_paused(int(payload or 0))
        else:
            if task.job is not None:
                self.jobs[pack_id] = task.job
            row.show_failed(str(payload))  # the core names the pack by its title
        self._mark_card(pack_id)

    def _installed(self, result: Any) -> None:
        card = self.cards.get(result.pack_id)
        title = card.offer.entry.title if card is not None else result.pack_id
        if result.action == "updated" and result.previous_version:
            text = _("Updated {title} from {old} to {new}.").format(
                title=title, old=result.previous_version, new=result.version
            )
        else:
            text = _("Installed {title} {version}.").format(title=title, version=result.version)
        self.say(text)  # the runner announced the library change (kit.ui.operations.getpacks)

    def shutdown(self) -> None:
        """Pause every download (partial files are kept for next time) and stop the threads."""
        if self._closed:
            return
        self._closed = True
        tasks = list(self.tasks.values())
        for task in tasks:
            task.pause()
        deadline = time.monotonic() + 5.0  # a stalled server may hold a read until timeout
        for task in tasks:
            task.wait(max(0.0, deadline - time.monotonic()))
        self.service.close()
