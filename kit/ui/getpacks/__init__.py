"""The "Get packs" page (issue #6): sources, catalogs, downloads with pause and resume.

from kit.ui.getpacks import GetPacksPage
page = GetPacksPage(ctx)          # ctx.library opened on the worker
page.back_requested.connect(...)
page.shutdown()                   # at exit: pauses downloads, keeps partial files
"""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Imported lazily: importing the package (kit.ui.getpacks.texts, .style) need not
    # load the page and Qt's widgets.
    if name == "GetPacksPage":
        from kit.ui.getpacks.page import GetPacksPage

        return GetPacksPage
    raise AttributeError(name)


__all__ = ["GetPacksPage"]
