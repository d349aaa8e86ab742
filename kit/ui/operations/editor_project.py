"""What trainer mode's screens ask of the core about a pack source: open, create or remix
one, read and save its files, edit its outline (with undo), validate it with the texts
not saved yet, and keep those texts in the recovery journal (kit.core.authoring)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class InstalledPack:
    """An installed pack as the "start from an installed pack" list shows it."""

    pack_id: str
    title: str
    version: str
    license: str
    attribution: str
    remixable: bool  # False when the licence allows no changed versions (…-ND)


@dataclass(frozen=True)
class LoadedFile:
    rel: str
    text: str
    kind: str  # kit.core.authoring.model.file_kind: "pack", "module", "quiz", ...


@dataclass(frozen=True)
class Edited:
    """An outline edit carried out: the change that undoes it and the outline now."""

    undo: Any  # kit.core.authoring.model.FileChange
    outline: Any  # kit.core.authoring.model.Outline


@dataclass(frozen=True)
class Opened:
    """A project opened: the project, its outline and the unsaved texts a crash left."""

    project: Any  # kit.core.authoring.project.PackProject
    outline: Any
    journal: Any  # kit.core.authoring.recovery.RecoveryJournal
    pending: dict[str, str]


def _opened(ctx: AppContext, project: Any) -> Opened:
    from kit.core.authoring.recovery import RecoveryJournal

    journal = RecoveryJournal(ctx.data.root, project.root)
    return Opened(project, project.outline(), journal, journal.pending())


def open_project(ctx: AppContext, root: Path) -> Op[Opened]:
    """Open a pack source folder (KitError when it is none)."""

    def work() -> Opened:
        from kit.core.authoring.project import PackProject

        return _opened(ctx, PackProject.open(Path(root)))

    return Op(ctx, work)


def create_project(ctx: AppContext, target: Path, title: str) -> Op[Opened]:
    """A new pack source at `target` (missing or empty) from the template."""

    def work() -> Opened:
        from kit.core.authoring.project import PackProject

        return _opened(ctx, PackProject.create(Path(target), title))

    return Op(ctx, work)


def installed_packs(ctx: AppContext) -> Op[list[InstalledPack]]:
    """The installed packs a trainer may start from, by title."""

    def work() -> list[InstalledPack]:
        from kit.core.authoring.remix import forbids_derivatives

        out = []
        for pack in ctx.library.list_packs():
            license = str(pack.get("license") or "")
            out.append(
                InstalledPack(
                    str(pack["id"]),
                    str(pack.get("title") or pack["id"]),
                    str(pack.get("version") or ""),
                    license,
                    str(pack.get("attribution") or ""),
                    not forbids_derivatives(license),
                )
            )
        return out

    return Op(ctx, work)


def remix_installed(
    ctx: AppContext, pack_id: str, target: Path, title: str | None = None
) -> Op[Opened]:
    """A new source at `target` from an installed pack: new id, "(remix)" title, licence
    kept, attribution extended. Fails with one sentence when the licence forbids it.
    Reports progress per file written; Cancel leaves nothing behind."""

    def work(control: Any) -> Opened:
        from kit.core.authoring.outline import slugify, unique
        from kit.core.authoring.project import PackProject
        from kit.core.authoring.unbuild import installed_source

        files = installed_source(ctx.library, pack_id)
        taken = [str(p["id"]) for p in ctx.library.list_packs()]
        new_id = unique(slugify(f"{pack_id}-remix", "remix"), taken)
        project = PackProject.remix(
            files,
            Path(target),
            pack_id=new_id,
            title=title,
            progress=lambda done, total: control.progress(done, total),
            cancel=control.cancelled,
        )
        return _opened(ctx, project)

    return Op(ctx, work, control=True)


def load_file(ctx: AppContext, project: Any, rel: str) -> Op[LoadedFile]:
    """A file's text and the kind of editor it needs."""

    def work() -> LoadedFile:
        from kit.core.authoring.model import file_kind

        text = project.read(rel)
        return LoadedFile(rel, text, file_kind(rel, text))

    return Op(ctx, work)


def load_outline(ctx: AppContext, project: Any) -> Op[Any]:
    return Op(ctx, project.outline)


def save_file(
    ctx: AppContext, project: Any, rel: str, text: str, journal: Any | None = None
) -> Op[bool]:
    """Write the file (False when it already held the text); its recovery entry is dropped."""

    def work() -> bool:
        saved = bool(project.save(rel, text))
        if journal is not None:
            journal.forget(rel)
        return saved

    return Op(ctx, work, Change.NONE)


def edit_outline(ctx: AppContext, project: Any, plan: Callable[[Any], Any]) -> Op[Edited]:
    """Plan a change with the project (`lambda p: p.plan_add_module("Basics")`), carry it
    out; the result holds its undo and the new outline."""

    def work() -> Edited:
        undo = project.apply(plan(project))
        return Edited(undo, project.outline())

    return Op(ctx, work)


def apply_change(ctx: AppContext, project: Any, change: Any) -> Op[Edited]:
    """Carry out a FileChange (an undo or a redo); the result holds its own inverse."""

    def work() -> Edited:
        inverse = project.apply(change)
        return Edited(inverse, project.outline())

    return Op(ctx, work)


def validate(ctx: AppContext, project: Any, overrides: Mapping[str, str]) -> Op[list[Any]]:
    """Every problem (kit.core.packformat.problems.Problem: path, line, message, warning),
    errors first, reading the unsaved texts instead of the files."""
    texts = dict(overrides)

    def work() -> list[Any]:
        report = project.validate(texts)
        return [*report.errors, *report.warnings]

    return Op(ctx, work)


def journal_record(ctx: AppContext, journal: Any, rel: str, text: str) -> Op[None]:
    """Keep an unsaved text durably (recovery after a crash)."""
    return Op(ctx, lambda: journal.record(rel, text))


def journal_forget(ctx: AppContext, journal: Any, rel: str) -> Op[None]:
    return Op(ctx, lambda: journal.forget(rel))


def journal_pending(ctx: AppContext, journal: Any) -> Op[dict[str, str]]:
    return Op(ctx, journal.pending)
