"""Skill tags for imported modules: the skills directory keys a module teaches, found
from words in its pack id, module id and title (importers add them to module.yaml)."""

from __future__ import annotations

import re

# (pattern over "pack-id module-id title", lowercased; the keys it gives), in tag order.
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"wikidata|sparql|linked data|querying", ("capx:wikidata",)),
    (r"commons|images?\b|media|illustration", ("capx:commons",)),
    (r"glam", ("capx:glam",)),
    (r"translat", ("capx:translation",)),
    (r"instructor|teach|designing .*assignment|assigning|facilitator|trainer", ("capx:training",)),
    (r"workshop|facilitat", ("capx:facilitation",)),
    (r"\bpresentation", ("capx:public-speaking",)),
    (r"communicat|talk pages", ("Q11024",)),
    (r"representation|content.gap", ("capx:inclusion",)),
    (r"peer.review", ("capx:mentorship",)),
    (r"dashboard|wikicode|visual editor|\bai\b|language models", ("capx:wikimedia-tools",)),
    (
        r"edit|sandbox|draft|mainspace|moving|working live|article|citation|sources|"
        r"bibliograph|plagiarism|policies|wikipedia",
        ("capx:editing",),
    ),
)


def skill_tags(pack_id: str, module_id: str, title: str = "") -> list[str]:
    """The skill tags for one module (possibly none), each once, in RULES order."""
    text = " ".join((pack_id, module_id, title)).lower().replace("-", " ").replace("_", " ")
    tags: list[str] = []
    for pattern, keys in RULES:
        if re.search(pattern, text):
            tags.extend(k for k in keys if k not in tags)
    return tags
