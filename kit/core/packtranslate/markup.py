"""Markdown that must survive translation: link targets, images, code spans, placeholders.

A translation may reword everything else, but a unit whose translation points to other
links, has more or fewer images (it may show its own image), changes `code` or drops a
{placeholder} is reported (by `kit pack
validate` for translation files, by `kit pack translate apply` for PO entries).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from kit.core.packformat.body import CODE_SPAN_RE, IMG_SRC_RE, LINK_RE
from kit.core.packformat.yamlio import split_front_matter
from kit.core.packtranslate.units import cut_body

PLACEHOLDER_RE = re.compile(r"\{\{[^{}\n]*\}\}|\{[A-Za-z_][\w.]*\}|%\([A-Za-z_]\w*\)[sd]|%[sd]")
_WHAT = {
    "link": "links",
    "image": "images",
    "code": "code spans",
    "placeholder": "placeholders",
}


def _marks(text: str) -> dict[str, Counter[str]]:
    spans = [m.group(0) for m in CODE_SPAN_RE.finditer(text)]
    outside = CODE_SPAN_RE.sub(" ", text)
    links: Counter[str] = Counter()
    images: Counter[str] = Counter()
    for m in LINK_RE.finditer(outside):
        (images if m.group(1).startswith("!") else links)[m.group(2).strip("<>")] += 1
    for m in IMG_SRC_RE.finditer(outside):
        images[m.group(2)] += 1
    return {
        "link": links,
        "image": images,
        "code": Counter(spans),
        "placeholder": Counter(PLACEHOLDER_RE.findall(outside)),
    }


def markup_problem(original: str, translation: str) -> str | None:
    """What a translation changes of the markup that must stay, in one sentence; or None."""
    want, got = _marks(original), _marks(translation)
    for kind, name in _WHAT.items():
        if kind == "image":  # a translation may show its own image (translated labels)
            if sum(want[kind].values()) != sum(got[kind].values()):
                return (
                    f"the translation must keep its {sum(want[kind].values())} image(s), "
                    f"found {sum(got[kind].values())}"
                )
            continue
        if want[kind] != got[kind]:
            expected = ", ".join(sorted(want[kind].elements())) or "none"
            found = ", ".join(sorted(got[kind].elements())) or "none"
            return f"the {name} must stay as in the original ({expected}), found {found}"
    return None


def check_translated_file(
    orig_rel: str, original: str, item: dict[str, Any], translated: str
) -> list[tuple[int, str]]:
    """(line, message) for each unit of a translated item file that breaks its markup.
    Units are matched by context, so a file with another structure is only partly checked."""
    kind, item_id = str(item.get("type")), str(item.get("id"))
    _h, _hl, body, body_line = split_front_matter(original)
    _h, _hl, tbody, tbody_line = split_front_matter(translated)
    units = {u.context: u for u in cut_body(orig_rel, item_id, kind, body, body_line).units}
    out = []
    for unit in cut_body(orig_rel, item_id, kind, tbody, tbody_line).units:
        source = units.get(unit.context)
        if source is None:
            continue
        problem = markup_problem(source.text, unit.text)
        if problem:
            out.append((unit.line, f"unit {unit.context}: {problem}"))
    return out
