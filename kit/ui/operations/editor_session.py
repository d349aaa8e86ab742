"""What trainer mode's window asks of the core for one open pack source: open it (with
the journal's texts a crash left), read a file with the kind of editor it needs, plan
and apply an outline change, save, journal, validate (kit.core.authoring).

The PackProject and RecoveryJournal objects are used only inside this module's work,
on the worker; the window holds them as opaque handles (`Session`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass
class Opened:
    """An open pack source: `project` and `journal` are the core's (worker-only) objects."""

    project: Any  # kit.core.authoring.project.PackProject
    journal: Any  # kit.core.authoring.recovery.RecoveryJournal
    outline: Any  # kit.core.authoring.project.Outline
    pending: dict[str, str] = field(default_factory=dict)  # journal texts not in the files

    @property
    def root(self) -> Path:
        return Path(self.project.root)


@dataclass(frozen=True)
class Changed:
    """An outline change done: `forward` applied, `backward` undoes it; the new outline."""

    forward: Any  # FileChange
    backward: Any  # FileChange
    outline: Any

    @property
    def files(self) -> set[str]:
        return set(self.forward.writes) | set(self.backward.writes)


@dataclass(frozen=True)
class FileText:
    rel: str
    text: str
    kind: str  # kit.core.authoring.project.file_kind


def _opened(ctx: AppContext, project: Any) -> Opened:
    from kit.core.authoring.recovery import RecoveryJournal

    journal = RecoveryJournal(ctx.data.root, Path(project.root))
    return Opened(project, journal, project.outline(), dict(journal.pending()))


def open_source(ctx: AppContext, root: Path) -> Op[Opened]:
    """Open the pack source folder `root` (a KitError if it is not one)."""

    def work() -> Opened:
        from kit.core.authoring.project import PackProject

        return _opened(ctx, PackProject.open(Path(root)))

    return Op(ctx, work)


def create_source(ctx: AppContext, target: Path, title: str) -> Op[Opened]:
    """A new pack source at `target` from the template, titled `title`."""

    def work() -> Opened:
        from kit.core.authoring.project import PackProject

        return _opened(ctx, PackProject.create(Path(target), title))

    return Op(ctx, work)


def opened(ctx: AppContext, project: Any) -> Op[Opened]:
    """A project made by another operation (a remix), opened like the others."""
    return Op(ctx, lambda: _opened(ctx, project))


def read_file(ctx: AppContext, session: Opened, rel: str) -> Op[FileText]:
    def work() -> FileText:
        from kit.core.authoring.project import file_kind

        text = session.project.read(rel)
        return FileText(rel, text, file_kind(rel, text))

    return Op(ctx, work)


def plan_change(ctx: AppContext, session: Opened, plan: str, *args: Any) -> Op[Changed]:
    """Plan `plan_<plan>(*args)` on the project (add_module, rename_item, move_item...)
    and apply it; the inverse comes back for Undo."""

    def work() -> Changed:
        project = session.project
        forward = getattr(project, f"plan_{plan}")(*args)
        backward = project.apply(forward)
        return Changed(forward, backward, project.outline())

    return Op(ctx, work)


def apply_change(ctx: AppContext, session: Opened, change: Any) -> Op[Changed]:
    """Apply a change kept by Undo/Redo; returns it with its new inverse."""

    def work() -> Changed:
        backward = session.project.apply(change)
        return Changed(change, backward, session.project.outline())

    return Op(ctx, work)


def load_outline(ctx: AppContext, session: Opened) -> Op[Any]:
    return Op(ctx, lambda: session.project.outline())


def save_text(ctx: AppContext, session: Opened, rel: str, text: str) -> Op[bool]:
    """Write `text` to `rel` (nothing when it is what the file holds), then drop its
    journal entry."""

    def work() -> bool:
        written = bool(session.project.save(rel, text))
        session.journal.forget(rel)
        return written

    return Op(ctx, work)


def journal_text(ctx: AppContext, session: Opened, rel: str, text: str) -> Op[None]:
    """Keep `text` in the recovery journal (on disk before the work ends)."""
    return Op(ctx, lambda: session.journal.record(rel, text))


def forget_texts(ctx: AppContext, session: Opened, rels: list[str]) -> Op[None]:
    def work() -> None:
        for rel in rels:
            session.journal.forget(rel)

    return Op(ctx, work)


def check(ctx: AppContext, session: Opened, overrides: Mapping[str, str]) -> Op[Any]:
    """Validate the pack with the unsaved texts in place of their files."""
    texts = dict(overrides)
    return Op(ctx, lambda: session.project.validate(texts))
