"""Building, signing, exporting and publishing a pack source, for trainer mode's screens.

Each long one (build, export, publish) reports progress(done, total, phase) and honours
Cancel; phase is "build", "copy" or "verify" (see kit.core.authoring.publishing).
"""

from __future__ import annotations

from pathlib import Path

from kit.core.authoring.publishing import (
    PublisherKey,
    PublishResult,
    RemovableDrive,
    check_source,
    create_key,
    key_folders,
    list_keys,
    read_key,
    removable_drives,
)
from kit.core.authoring.publishing import build as build_source
from kit.core.authoring.publishing import export as export_source
from kit.core.authoring.publishing import publish as publish_source
from kit.core.packformat.problems import Problem
from kit.ui.context import AppContext
from kit.ui.operations.op import JobControl, Op

ACTIONS = ("build", "export", "publish")


def problems(ctx: AppContext, root: Path) -> Op[list[Problem]]:
    """The source's problems (errors first, then warnings), as a build would see them."""

    def work() -> list[Problem]:
        report = check_source(Path(root))
        return [*report.errors, *report.warnings]

    return Op(ctx, work)


def keys(ctx: AppContext, root: Path) -> Op[list[PublisherKey]]:
    """The trainer's signing keys, where the command line looks for them."""
    return Op(ctx, lambda: list_keys(key_folders(Path(root), ctx.data.keys)))


def new_key(ctx: AppContext, root: Path, name: str) -> Op[PublisherKey]:
    """Make NAME.key and NAME.pub beside the pack source folder."""
    return Op(ctx, lambda: create_key(key_folders(Path(root), ctx.data.keys)[0], name))


def key_from_file(ctx: AppContext, path: Path) -> Op[PublisherKey]:
    """The key in a NAME.key file chosen by hand (one sentence when it is not a key)."""
    return Op(ctx, lambda: read_key(Path(path)))


def drives(ctx: AppContext) -> Op[list[RemovableDrive]]:
    """The USB sticks and memory cards mounted now."""
    return Op(ctx, removable_drives)


def default_folder(root: Path) -> Path:
    """Where a built pack goes unless the trainer chooses: beside the source folder."""
    return Path(root).resolve().parent


def run_action(
    ctx: AppContext, action: str, root: Path, folder: Path, key: Path | None
) -> Op[PublishResult]:
    """Build into `folder`, export (a checked copy) to `folder`, or publish into the
    catalog folder `folder`; signed with `key` unless None."""
    fn = {"build": build_source, "export": export_source, "publish": publish_source}[action]

    def work(control: JobControl) -> PublishResult:
        return fn(
            Path(root),
            Path(folder),
            key,
            progress=lambda done, total, phase: control.progress(done, total, phase),
            cancel=control.cancelled,
        )

    return Op(ctx, work, control=True)


__all__ = [
    "ACTIONS",
    "Problem",
    "PublishResult",
    "PublisherKey",
    "RemovableDrive",
    "default_folder",
    "drives",
    "key_from_file",
    "keys",
    "new_key",
    "problems",
    "run_action",
]
