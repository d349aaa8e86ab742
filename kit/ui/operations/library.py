"""The library as the screens show it, installs (from a file, the bundled packs), search."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import JobControl, Op

if TYPE_CHECKING:  # the About page's: not imported at start-up
    from kit.core.about import Component


@dataclass(frozen=True)
class ContinueTarget:
    """What the "Continue" card opens; `started` is False for a first "Start"."""

    pack_id: str
    module_id: str
    item_id: str
    item_title: str
    module_title: str
    pack_title: str
    started: bool


@dataclass
class PackView:
    """A pack and the learner's progress in it. `pack` is a Library.get_pack dict (with
    modules) when `loaded`; the other packs of the list come as their Library.list_packs
    summary, and `load_pack` reads one in full when it is chosen."""

    pack: dict[str, Any]
    progress: dict[str, Any] = field(default_factory=dict)  # module id -> ModuleProgress

    @property
    def id(self) -> str:
        return str(self.pack["id"])

    @property
    def loaded(self) -> bool:
        return "modules" in self.pack

    def fraction(self) -> float:
        done = sum(p.done for p in self.progress.values())
        total = sum(p.total for p in self.progress.values())
        return done / total if total else 0.0


@dataclass
class LibraryView:
    packs: list[PackView]
    continue_to: ContinueTarget | None


def _titles(pack: Mapping[str, Any], module_id: str, item_id: str) -> tuple[str, str]:
    for module in pack.get("modules", []):
        if module.get("id") == module_id:
            for item in module.get("items", []):
                if item.get("id") == item_id:
                    return str(item.get("title", item_id)), str(module.get("title", module_id))
    return item_id, module_id


def _first_item(packs: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], str, str] | None:
    for pack in packs:
        for module in pack.get("modules", []):
            for item in module.get("items", []):
                return pack, str(module["id"]), str(item["id"])
    return None


def _continue_target(
    ctx: AppContext, touched: list[dict[str, Any]], in_order: Iterable[dict[str, Any]]
) -> ContinueTarget | None:
    """Continue among the packs the learner touched (no other pack holds an event), else
    a first "Start" at the first item of the first pack (in list order) that has one."""
    point = ctx.records.continue_point(ctx.profile_id, touched) if ctx.profile_id else None
    if point is not None:
        pack = next(p for p in touched if p["id"] == point.pack_id)
        found: tuple[dict[str, Any], str, str] | None = (pack, point.module_id, point.item_id)
        started = True
    else:
        found, started = _first_item(in_order), False
    if found is None:
        return None
    pack, module_id, item_id = found
    item_title, module_title = _titles(pack, module_id, item_id)
    return ContinueTarget(
        str(pack["id"]), module_id, item_id, item_title, module_title, str(pack["title"]), started
    )


def _pack_view(ctx: AppContext, pack: dict[str, Any]) -> PackView:
    progress: dict[str, Any] = {}
    if ctx.profile_id:
        progress = {p.module_id: p for p in ctx.records.pack_progress(ctx.profile_id, pack)}
    return PackView(pack, progress)


def read_library(ctx: AppContext, selected: str | None = None) -> LibraryView:
    """Runs on the worker: every pack of the list with the profile's progress.

    Only the packs the learner has touched (they have progress), and the one the page
    will show (`selected` if still installed, else the Continue pack, else the first),
    are read in full; the others are their summaries (nothing done in them), so the
    cost grows with what the learner did, not with the size of the library."""
    lang = ctx.language
    library = ctx.library
    summaries = library.list_packs(lang)
    touched_ids = ctx.records.touched_packs(ctx.profile_id) if ctx.profile_id else set()
    full: dict[str, dict[str, Any]] = {}

    def read(pack_id: str) -> dict[str, Any] | None:
        if pack_id not in full:
            pack = library.get_pack(pack_id, lang)
            if pack is None:
                return None
            full[pack_id] = pack
        return full[pack_id]

    touched = [p for s in summaries if s["id"] in touched_ids and (p := read(s["id"]))]

    def in_order() -> Iterator[dict[str, Any]]:
        for summary in summaries:
            pack = read(summary["id"])
            if pack is not None:
                yield pack

    continue_to = _continue_target(ctx, touched, in_order())
    ids = [str(s["id"]) for s in summaries]
    shown = selected if selected in ids else None
    if shown is None and continue_to is not None:
        shown = continue_to.pack_id
    if shown is None and ids:
        shown = ids[0]
    if shown is not None:
        read(shown)
    views = [_pack_view(ctx, full[s["id"]]) if s["id"] in full else PackView(s) for s in summaries]
    return LibraryView(views, continue_to)


def load_library(ctx: AppContext, selected: str | None = None) -> Op[LibraryView]:
    """The library page's view; `selected` is the pack the page shows (read in full)."""
    return Op(ctx, lambda: read_library(ctx, selected))


def load_pack(ctx: AppContext, pack_id: str) -> Op[PackView | None]:
    """One pack in full with the profile's progress (a pack chosen in the list), or None
    when it is no longer installed."""

    def work() -> PackView | None:
        pack = ctx.library.get_pack(pack_id, ctx.language)
        return None if pack is None else _pack_view(ctx, pack)

    return Op(ctx, work)


def _installing(ctx: AppContext, work: Callable[..., Any], **options: Any) -> Op[Any]:
    """An install with progress(done, total) and Cancel (JobControl)."""

    def run(control: JobControl) -> Any:
        return work(lambda done, total: control.progress(done, total), control.cancelled)

    return Op(ctx, run, Change.LIBRARY, control=True, **options)


def install_file(ctx: AppContext, path: Path | str) -> Op[Any]:
    """Install a .kitpack (-> InstallResult); progress in bytes; the job honours Cancel."""
    return _installing(
        ctx,
        lambda progress, cancel: ctx.library.install(Path(path), progress=progress, cancel=cancel),
    )


def install_bundled(ctx: AppContext) -> Op[list[Any]]:
    """Install the packs that ship with the app; progress(packs done, packs). The packs
    installed before a Cancel stay, and are announced."""

    def work(progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> list[Any]:
        from kit.core.bundled import install_bundled as install

        return install(ctx.library, progress=progress, cancel=cancel)

    return _installing(ctx, work, announce_cancelled=True)


def has_bundled_packs() -> bool:
    from kit.core.bundled import bundled_sources

    return bool(bundled_sources())


def bundled_credits(ctx: AppContext) -> Op[list[dict[str, Any]]]:
    """The installed packs that came with the app (their attribution, licence, authors)."""

    def work() -> list[dict[str, Any]]:
        return [p for p in ctx.library.list_packs(ctx.language) if p.get("origin") == "bundled"]

    return Op(ctx, work)


def software_components(ctx: AppContext) -> Op[list[Component]]:
    """The app's dependencies with their versions and licences (Help, About)."""
    from kit.core.about import components

    return Op(ctx, components)


def remove_pack(ctx: AppContext, pack_id: str) -> Op[str]:
    """Remove a pack's content and unused media; learners' records are kept."""

    def work() -> str:
        ctx.library.remove(pack_id)
        return pack_id

    return Op(ctx, work, Change.LIBRARY)


def media_file(ctx: AppContext, pack_id: str, rel_path: str) -> Op[Path | None]:
    """Where a pack's data file (a lesson's CSV, a spreadsheet) is in the media store."""
    return Op(ctx, lambda: ctx.library.media_path(pack_id, rel_path))
