"""The Learning Record Store setting and "Send now" (kit.core.xapi), off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from kit.core.xapi import LrsConfig, Outbox, PushResult, push
from kit.ui.context import AppContext
from kit.ui.operations.op import Change, JobControl, Op


@dataclass(frozen=True)
class LrsState:
    config: LrsConfig
    waiting: int  # statements not yet delivered (0 when no LRS is set)


def _outbox(ctx: AppContext, config: LrsConfig) -> Outbox:
    rdb = ctx.records.rdb
    return Outbox(rdb, config.endpoint, config.home_page_for(rdb.device_id))


def _state(ctx: AppContext) -> LrsState:
    config = LrsConfig.load(ctx.data)
    waiting = _outbox(ctx, config).waiting().total if config.configured else 0
    return LrsState(config, waiting)


def load_lrs(ctx: AppContext) -> Op[LrsState]:
    """The saved LRS settings and how many statements wait for it."""
    return Op(ctx, lambda: _state(ctx))


def save_lrs(ctx: AppContext, endpoint: str, user: str, password: str) -> Op[LrsState]:
    """Save the LRS address and credentials (checked first; LrsError as one sentence)."""

    def work() -> LrsState:
        config = LrsConfig.load(ctx.data)
        config.endpoint, config.user, config.password = endpoint, user, password
        config.save(ctx.data)
        return _state(ctx)

    return Op(ctx, work)


def send_now(ctx: AppContext) -> Op[PushResult]:
    """Push everything waiting, with progress (sent, sent + waiting) and Cancel. Network
    work: it runs on the network runner (records.db serialises its own access)."""

    def work(control: JobControl) -> PushResult:
        config = LrsConfig.load(ctx.data)
        return push(
            _outbox(ctx, config),
            config,
            progress=lambda sent, waiting: control.progress(sent, sent + waiting),
            cancelled=control.cancelled,
        )

    return Op(ctx, work, Change.NONE, control=True, on_network=True)
