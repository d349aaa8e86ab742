"""Which of a pack's translations to read for a wanted language, in fallback order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def language_chain(pack: Mapping[str, Any], wanted: str | None) -> list[str]:
    """The pack's translations to try for `wanted`, best first; the pack's own language
    (the last resort) is not in the list.

    >>> language_chain({"language": "en", "languages": ["en", "fr", "fr-CA"]}, "fr_CA")
    ['fr-CA', 'fr']
    >>> language_chain({"language": "en", "languages": ["en", "fr"]}, "en")
    []
    """
    if not wanted:
        return []
    langs = [str(x) for x in pack.get("languages") or []]
    default = str(pack.get("language") or "")
    parts = wanted.replace("_", "-").split("-")
    out: list[str] = []
    for n in range(len(parts), 0, -1):
        cand = "-".join(parts[:n]).lower()
        if cand == default.lower():
            break  # the original is as good as any less specific translation
        for lang in langs:
            if lang.replace("_", "-").lower() == cand and lang != default and lang not in out:
                out.append(lang)
    return out
