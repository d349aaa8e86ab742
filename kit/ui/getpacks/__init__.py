"""The "Get packs" page (issue #6): sources, catalogs, downloads with pause and resume.

from kit.ui.getpacks import GetPacksPage
page = GetPacksPage(ctx)          # ctx.library opened on the worker
page.back_requested.connect(...)
page.shutdown()                   # at exit: pauses downloads, keeps partial files
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Imported lazily: kit.ui.operations.getpacks uses kit.ui.getpacks.jobs, and the
    # page uses the operations, so importing the page here would make a cycle.
    if name == "GetPacksPage":
        from kit.ui.getpacks.page import GetPacksPage

        return GetPacksPage
    raise AttributeError(name)


__all__ = ["GetPacksPage"]
