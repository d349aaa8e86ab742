"""What Help, About shows about the software: each dependency's version and licence, read from the installed packages' metadata
(importlib.metadata; the desktop bundle carries that metadata, see build/training-kit.spec).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

APP_DISTRIBUTION = "training-kit"
# What the app runs on, beside its own distribution's requirements (read below).
RUNTIME = ("PySide6-Essentials", "shiboken6")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str


def _licence(meta: Any) -> str:  # email.message.Message-like
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    classifiers = [
        c.split("::")[-1].strip()
        for c in meta.get_all("Classifier") or []
        if c.startswith("License ::") and c.count("::") >= 2
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = str(meta.get("License") or "").strip()
    return text.splitlines()[0][:80] if text else ""


def _requirement_names() -> list[str]:
    from importlib import metadata  # here: importing it costs the app's start-up ~8 ms

    try:
        requires = metadata.requires(APP_DISTRIBUTION) or []
    except metadata.PackageNotFoundError:
        return []
    names = []
    for requirement in requires:
        if "extra ==" in requirement:
            continue
        found = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
        if found:
            names.append(found[0])
    return names


def components() -> list[Component]:
    """The app's dependencies that are installed, sorted by name, with their licences."""
    from importlib import metadata

    seen: dict[str, Component] = {}
    for name in [*_requirement_names(), *RUNTIME]:
        try:
            meta: Any = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        shown = str(meta.get("Name") or name)
        seen.setdefault(shown.lower(), Component(shown, str(meta.get("Version")), _licence(meta)))
    return sorted(seen.values(), key=lambda c: c.name.lower())
