"""Settings of this computer's app (interface language before sign-in, text size).

Kept in DATA/settings.json, written atomically; a damaged file counts as empty.
Small and read once at start-up, so it is read on the GUI thread.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kit.core.paths import DataDir

TEXT_SCALES = (0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)  # steps of kit.ui.textsize


@dataclass
class UiSettings:
    language: str = ""  # chosen on the first start; "" = the system's
    text_scale: float = 1.0
    bundled_offered: bool = False  # the first-start install of the bundled packs ran
    content_language: str = ""  # the language to read packs in; "" = the interface's

    @staticmethod
    def path(data: DataDir) -> Path:
        return data.root / "settings.json"

    @classmethod
    def load(cls, data: DataDir) -> UiSettings:
        try:
            raw = json.loads(cls.path(data).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        out = cls()
        if isinstance(raw.get("language"), str):
            out.language = raw["language"]
        if raw.get("text_scale") in TEXT_SCALES:
            out.text_scale = float(raw["text_scale"])
        out.bundled_offered = raw.get("bundled_offered") is True
        if isinstance(raw.get("content_language"), str):
            out.content_language = raw["content_language"]
        return out

    def save(self, data: DataDir) -> None:
        from kit.core.fsutil import write_atomic  # not needed to start the app

        write_atomic(self.path(data), json.dumps(asdict(self), indent=1).encode("utf-8"))
