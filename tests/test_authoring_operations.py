"""The operations trainer mode's screens call (kit.ui.operations.editor_project), their
work run directly on real files, a real library and a real data folder; and built packs
written back as sources that read exactly like the originals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kit.core.authoring.unbuild import source_from_content
from kit.core.errors import Cancelled, KitError
from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.source import load_source
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir
from kit.ui.context import AppContext
from kit.ui.operations import editor_project as ops


class Control:
    """What the worker hands a long job (kit.ui.runners.worker.JobControl), recorded."""

    def __init__(self, cancel_after: int | None = None) -> None:
        self.done: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def progress(self, done: int, total: int, text: str = "") -> None:
        self.done.append((done, total))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.done) >= self.cancel_after


@pytest.fixture
def ctx(qtbot, data_dir: Path):
    context = AppContext(DataDir(data_dir).ensure(), worker=object())  # type: ignore[arg-type]
    yield context
    if context.services.library is not None:
        context.services.library.close()


def test_create_edit_undo_and_recover(ctx: AppContext, tmp_path: Path) -> None:
    opened = ops.create_project(ctx, tmp_path / "pack", "Hand washing").work()
    project = opened.project
    assert opened.outline.title == "Hand washing" and opened.pending == {}
    edited = ops.edit_outline(ctx, project, lambda p: p.plan_add_module("Soap")).work()
    assert [m.title for m in edited.outline.modules] == ["The basics", "Soap"]
    back = ops.apply_change(ctx, project, edited.undo).work()
    assert [m.title for m in back.outline.modules] == ["The basics"]
    loaded = ops.load_file(ctx, project, "modules/basics/03-check.md").work()
    assert loaded.kind == "quiz"
    broken = loaded.text.replace("- [x] Blue", "- [ ] Blue")
    problems = ops.validate(ctx, project, {loaded.rel: broken}).work()
    assert [p.path for p in problems if not p.warning] == [loaded.rel]
    ops.journal_record(ctx, opened.journal, loaded.rel, broken).work()
    again = ops.open_project(ctx, tmp_path / "pack").work()
    assert again.pending == {loaded.rel: broken}
    assert ops.save_file(ctx, project, loaded.rel, broken, again.journal).work() is True
    assert ops.journal_pending(ctx, again.journal).work() == {}


def test_remix_of_installed_packs_and_a_licence_that_forbids_it(
    ctx: AppContext, tmp_path: Path, data_dir: Path
) -> None:
    closed = ops.create_project(ctx, tmp_path / "closed", "Closed pack").work().project
    closed.save("pack.yaml", closed.read("pack.yaml").replace("CC-BY-SA-4.0", "CC-BY-ND-4.0"))
    ctx.library = Library(DataDir(data_dir))
    ctx.library.install(build_pack(closed.root, tmp_path / "closed.kitpack"))
    ctx.library.install(build_pack(BUNDLED_PACKS_DIR / "getting-started", tmp_path / "gs.kitpack"))
    packs = {p.pack_id: p for p in ops.installed_packs(ctx).work()}
    assert packs["getting-started"].remixable and not packs["closed-pack"].remixable
    with pytest.raises(KitError, match="does not allow changed versions"):
        ops.remix_installed(ctx, "closed-pack", tmp_path / "r1").work(Control())
    with pytest.raises(Cancelled):
        ops.remix_installed(ctx, "getting-started", tmp_path / "r2").work(Control(3))
    assert not (tmp_path / "r2").exists()
    control = Control()
    remixed = ops.remix_installed(ctx, "getting-started", tmp_path / "r2").work(control)
    assert remixed.outline.pack_id == "getting-started-remix"
    assert remixed.project.validate().errors == []
    assert control.done[-1][0] == control.done[-1][1] == len(remixed.project.files())


@pytest.mark.parametrize("name", ["getting-started", "needs-assessment", "carpentries-lc-wikidata"])
def test_a_built_pack_written_back_reads_as_the_original(name: str, tmp_path: Path) -> None:
    original = load_source(BUNDLED_PACKS_DIR / name)
    media = {rel: path.read_bytes() for rel, path in original.media.items()}
    for rel, data in source_from_content(original.content, media).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(data)
    again = load_source(tmp_path)
    assert again.report.problems == []
    assert json.dumps(again.content, sort_keys=True) == json.dumps(original.content, sort_keys=True)
