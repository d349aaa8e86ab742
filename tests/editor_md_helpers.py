"""Shared set-up for the Markdown editor's tests: a real pack source and a real worker."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kit.core.paths import DataDir
from kit.ui.context import AppContext
from kit.ui.editor.contract import EditorEnv
from kit.ui.runners.worker import Worker

GETTING_STARTED = Path(__file__).resolve().parents[1] / "content_packs" / "getting-started"


def outline_items(root: Path) -> list[tuple[str, str]]:
    """(item file, title) in outline order, read the way a person would."""
    pack = yaml.safe_load((root / "pack.yaml").read_text(encoding="utf-8"))
    found = []
    for mdir in pack["modules"]:
        module = yaml.safe_load((root / "modules" / mdir / "module.yaml").read_text("utf-8"))
        for name in module["items"]:
            rel = f"modules/{mdir}/{name}"
            header = (root / rel).read_text(encoding="utf-8").split("\n---\n")[0]
            found.append((rel, str(yaml.safe_load(header.removeprefix("---\n"))["title"])))
    return found


@pytest.fixture
def source(tmp_path: Path) -> Path:
    root = tmp_path / "source"
    shutil.copytree(GETTING_STARTED, root)
    return root


@pytest.fixture
def ctx(data_dir: Path) -> Iterator[AppContext]:
    worker = Worker()
    context = AppContext(data=DataDir(data_dir).ensure(), worker=worker)
    yield context
    worker.stop()


@pytest.fixture
def added() -> list[str]:
    return []


@pytest.fixture
def env(source: Path, ctx: AppContext, added: list[str]) -> EditorEnv:
    return EditorEnv(source, ctx, items=lambda: outline_items(source), media_added=added.append)
