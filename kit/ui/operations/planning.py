"""What the Plan tab asks of the core: the workshops of this computer, saving one (details
or agenda), new, duplicate, archive, plan files in and out, and the installed packs'
modules and items to pick agenda items from (kit.core.workshops)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kit.ui.changes import Change
from kit.ui.context import AppContext
from kit.ui.operations.op import Op


@dataclass(frozen=True)
class Loaded:
    """A workshop as the Plan tab shows it: pack items the library lacks marked missing,
    with the reason per item id; warnings from a plan file it came from."""

    workshop: Any  # kit.core.workshops.Workshop
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    attended: dict[str, int] = field(default_factory=dict)  # session id -> people checked in


@dataclass(frozen=True)
class Pick:
    """One entry of the pack picker: a module (item_id "") or an item of one."""

    pack_id: str
    module_id: str
    item_id: str
    title: str
    minutes: int
    kind: str = ""  # the item's type (lesson, slides, quiz...), "" for a module


@dataclass(frozen=True)
class PackPicks:
    pack_id: str
    title: str
    modules: list[tuple[Pick, list[Pick]]]


def _shops(ctx: AppContext) -> Any:
    from kit.core.workshops import Workshops

    return Workshops(ctx.records.rdb)


def _content(ctx: AppContext) -> Any:
    from kit.core.workshops.content import LibraryContent

    return LibraryContent(ctx.library, ctx.language)


def _loaded(ctx: AppContext, shop: Any, warnings: list[str] | None = None) -> Loaded:
    from kit.core.workshops.agenda import mark_missing
    from kit.i18n import _

    shop = mark_missing(shop, _content(ctx))
    missing: dict[str, str] = {}
    for session in shop.sessions:
        for item in session.items:
            if not item.missing:
                continue
            if ctx.library.get_pack(item.pack_id) is None:
                reason = _("The pack {pack} is not installed.").format(pack=item.pack_id)
            else:
                reason = _("The installed pack {pack} has no {ref}.").format(
                    pack=item.pack_id, ref=item.item_id or item.module_id
                )
            missing[item.id] = reason
    attended: dict[str, int] = {}
    for checkin in _shops(ctx).checkins(shop.id):
        attended[checkin.session_id] = attended.get(checkin.session_id, 0) + 1
    return Loaded(shop, missing, list(warnings or []), attended)


def list_workshops(ctx: AppContext, archived: bool = False) -> Op[list[Any]]:
    """This computer's workshops (archived ones too when asked), by date then title."""
    return Op(ctx, lambda: _shops(ctx).list_workshops(archived=archived))


def load_workshop(ctx: AppContext, workshop_id: str) -> Op[Loaded]:
    return Op(ctx, lambda: _loaded(ctx, _shops(ctx).get(workshop_id)))


def save_workshop(ctx: AppContext, shop: Any) -> Op[Any]:
    """Store the workshop's details and whole agenda (durable when it succeeds)."""
    return Op(ctx, lambda: _shops(ctx).save(shop), Change.WORKSHOPS)


def new_workshop(ctx: AppContext, title: str, starts: str, days: int) -> Op[Any]:
    """A workshop of `days` days of the default day template."""

    def work() -> Any:
        from kit.core.workshops import Workshop
        from kit.core.workshops.agenda import days as template_days

        lang = ctx.language
        return _shops(ctx).save(
            Workshop(title=title, starts=starts, language=lang, sessions=template_days(days))
        )

    return Op(ctx, work, Change.WORKSHOPS)


def duplicate_workshop(ctx: AppContext, workshop_id: str) -> Op[Any]:
    return Op(ctx, lambda: _shops(ctx).duplicate(workshop_id), Change.WORKSHOPS)


def set_archived(ctx: AppContext, workshop_id: str, archived: bool) -> Op[Any]:
    return Op(ctx, lambda: _shops(ctx).set_archived(workshop_id, archived), Change.WORKSHOPS)


def import_plan_file(ctx: AppContext, path: Path) -> Op[Loaded]:
    """Read a plan file and keep its workshop; its warnings come with it."""

    def work() -> Loaded:
        from kit.core.workshops import WorkshopError
        from kit.i18n import _

        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise WorkshopError(
                _("The plan {file} is not UTF-8 text.").format(file=Path(path).name)
            ) from None
        except OSError as exc:
            raise WorkshopError(
                _("Could not read the plan {file}: {reason}.").format(
                    file=Path(path).name, reason=exc.strerror or exc
                )
            ) from None
        return _adopt_text(ctx, text)

    return Op(ctx, work, Change.WORKSHOPS)


def import_plan_text(ctx: AppContext, text: str) -> Op[Loaded]:
    """A plan file's text (say, one a pack carries) kept as a workshop."""
    return Op(ctx, lambda: _adopt_text(ctx, text), Change.WORKSHOPS)


def adopt_plan(ctx: AppContext, imported: Any) -> Op[Loaded]:
    """A loaded `plan.Imported` kept as a workshop, its warnings shown with it."""

    def work() -> Loaded:
        return _loaded(ctx, _shops(ctx).save(imported.workshop), imported.warnings)

    return Op(ctx, work, Change.WORKSHOPS)


def _adopt_text(ctx: AppContext, text: str) -> Loaded:
    from kit.core.workshops import plan

    imported = plan.load(text, _content(ctx))
    return _loaded(ctx, _shops(ctx).save(imported.workshop), imported.warnings)


def export_plan_file(ctx: AppContext, workshop_id: str, path: Path) -> Op[Path]:
    """Write the stored workshop's plan file (whole or not at all)."""

    def work() -> Path:
        from kit.core.fsutil import write_atomic
        from kit.core.workshops import WorkshopError, plan
        from kit.i18n import _

        text = plan.dump(_shops(ctx).get(workshop_id))
        try:
            write_atomic(Path(path), text.encode("utf-8"))
        except OSError as exc:
            raise WorkshopError(
                _("Could not write the plan to {file}: {reason}.").format(
                    file=str(path), reason=exc.strerror or exc
                )
            ) from None
        return Path(path)

    return Op(ctx, work)


def pack_picks(ctx: AppContext) -> Op[list[PackPicks]]:
    """The installed packs' modules and items, with minutes from the content."""

    def work() -> list[PackPicks]:
        content = _content(ctx)
        out = []
        for summary in ctx.library.list_packs(ctx.language):
            pack = ctx.library.get_pack(summary["id"], ctx.language) or summary
            pack_id = str(pack["id"])
            modules = []
            for module in pack.get("modules", []):
                module_id = str(module["id"])
                title, minutes = content.resolve(pack_id, "", module_id) or (module_id, 0)
                items = [
                    Pick(
                        pack_id,
                        module_id,
                        str(i["id"]),
                        str(i.get("title") or i["id"]),
                        int(i.get("minutes") or 0),
                        str(i.get("type") or ""),
                    )
                    for i in module.get("items", [])
                ]
                modules.append((Pick(pack_id, module_id, "", title, minutes), items))
            out.append(PackPicks(pack_id, str(pack.get("title") or pack_id), modules))
        return out

    return Op(ctx, work)
