"""Send waiting statements to a Learning Record Store: POST {endpoint}statements.

Batches of `batch_size` statements, HTTP basic auth, ``X-Experience-API-Version:
1.0.3``. 200 and 204 mean stored; 409 (a statement with that id is already there)
counts as delivered too: a batch answered 409 is sent again one statement at a time
so the others are not lost. A network failure or 5xx is retried after 1, 2, 4 ...
seconds (`retries` times), then the push stops with one sentence and the rest waits
for the next push; 401/403 and other 4xx stop at once (retrying will not help).
"""

from __future__ import annotations

import base64
import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kit.core.xapi.config import LrsConfig, LrsError
from kit.core.xapi.outbox import Outbox
from kit.i18n import _

BATCH_SIZE = 200
TIMEOUT_S = 30.0
Progress = Callable[[int, int], None]  # (sent so far, still waiting)


@dataclass(frozen=True)
class PushResult:
    sent: int
    waiting: int
    error: str = ""
    cancelled: bool = False


class _Retry(Exception):
    pass


class Sender:
    """POSTs JSON arrays of statements to one LRS."""

    def __init__(self, config: LrsConfig, timeout: float = TIMEOUT_S) -> None:
        self.url = config.endpoint + "statements"
        token = base64.b64encode(f"{config.user}:{config.password}".encode()).decode("ascii")
        self.headers = {
            "Content-Type": "application/json",
            "X-Experience-API-Version": "1.0.3",
            "Authorization": f"Basic {token}",
        }
        self.timeout = timeout

    def post(self, body: bytes) -> int:
        """The HTTP status (200, 204, 409); _Retry on failures worth retrying, LrsError
        on the others."""
        request = urllib.request.Request(self.url, data=body, headers=self.headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
                return int(response.status)
        except urllib.error.HTTPError as exc:
            if exc.code == 409:
                return 409
            if exc.code in (401, 403):
                raise LrsError(
                    _("The Learning Record Store refused the user name or password.")
                ) from exc
            if exc.code >= 500 or exc.code == 429:
                raise _Retry(_("the store answered {code}").format(code=exc.code)) from exc
            raise LrsError(
                _("The Learning Record Store refused the statements (HTTP {code}).").format(
                    code=exc.code
                )
            ) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise _Retry(str(reason)) from exc


def encode(statements: list[dict[str, Any]]) -> bytes:
    return json.dumps(statements, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def push(
    outbox: Outbox,
    config: LrsConfig,
    *,
    batch_size: int = BATCH_SIZE,
    retries: int = 3,
    backoff: float = 1.0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """Send everything waiting in `outbox`; what was delivered is recorded batch by batch."""
    sender = Sender(config)
    total = outbox.waiting().total  # counted once: recounting per batch is O(n) each time
    sent = 0
    error = ""
    stopped = False
    while True:
        if cancelled():
            stopped = True
            break
        batch = outbox.next_batch(batch_size)
        if not batch:
            break
        try:
            _send_batch(sender, batch, retries, backoff, sleep, cancelled)
        except _Retry as exc:
            error = _("The Learning Record Store could not be reached ({reason}).").format(
                reason=exc.args[0] if exc.args else ""
            )
            break
        except LrsError as exc:
            error = str(exc)
            break
        outbox.mark_delivered(key for key, _statement in batch)
        sent += len(batch)
        if progress is not None:
            progress(sent, max(total - sent, 0))
    waiting = outbox.waiting().total
    outbox.log_attempt(sent, error)
    return PushResult(sent, waiting, error, stopped)


def _send_batch(
    sender: Sender,
    batch: list[tuple[str, dict[str, Any]]],
    retries: int,
    backoff: float,
    sleep: Callable[[float], None],
    cancelled: Callable[[], bool],
) -> None:
    body = encode([statement for _key, statement in batch])
    for attempt in range(retries + 1):
        try:
            status = sender.post(body)
            break
        except _Retry:
            if attempt >= retries or cancelled():
                raise
            sleep(backoff * (2**attempt))
    if status == 409 and len(batch) > 1:
        for one in batch:
            _send_batch(sender, [one], retries, backoff, sleep, cancelled)
