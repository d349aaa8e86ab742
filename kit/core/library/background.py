"""Work started on a thread of its own now, its result waited for later.

The installer's row thread holds the transaction; what does not need the connection
(counting a pack's words, making its item rows) is handed to such a thread, so that it
runs while the row thread waits in SQLite with the GIL released.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def started(work: Callable[[], T], name: str) -> Callable[[], T]:
    """Run `work` on a new daemon thread; the returned function waits for its result
    and raises what `work` raised. Left unwaited (the caller failed), the thread ends
    on its own and its result is dropped."""
    found: list[T] = []
    failed: list[BaseException] = []

    def run() -> None:
        try:
            found.append(work())
        except BaseException as exc:  # handed to the caller by wait()
            failed.append(exc)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()

    def wait() -> T:
        thread.join()
        if failed:
            raise failed[0]
        return found[0]

    return wait
