"""Learner records as xAPI 1.0.3 statements, queued and sent to a Learning Record Store.

`statements` maps each event and check-in to a statement (its id derived from the
record's id, so sending twice is harmless); `outbox` tells what has not yet gone to the
configured LRS and records deliveries (append-only); `client` pushes batches with HTTP
basic auth and retries with backoff; `config` keeps the LRS address and credentials in
the data folder. See docs/xapi.md.
"""

from kit.core.xapi.client import PushResult, push
from kit.core.xapi.config import LrsConfig
from kit.core.xapi.outbox import Outbox

__all__ = ["LrsConfig", "Outbox", "PushResult", "push"]
