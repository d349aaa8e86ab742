"""Which languages are written right to left.

Its own small module so that the main window can set the interface's direction before
the first paint without importing kit.core.render (Markdown, math, pack bodies).
"""

from __future__ import annotations

RTL_LANGUAGES = {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ku", "ps", "sd", "ug", "ur", "yi"}


def is_rtl(lang: str | None) -> bool:
    """Whether `lang` ("ar", "fa-IR", "ur_PK") is written right to left."""
    return bool(lang) and str(lang).split("-")[0].split("_")[0].lower() in RTL_LANGUAGES
