"""Where this installation sends its statements: DATA/lrs.json (0600, never printed).

    {"endpoint": "https://lrs.example.org/xAPI/", "user": "...", "password": "...",
     "home_page": "https://example.org/"}

`home_page` names the installation or organisation in every actor's account; when
empty, an IRI made from this computer's device id is used.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit

from kit.core.errors import KitError
from kit.core.paths import DataDir, private_file
from kit.i18n import _

FILE_NAME = "lrs.json"
INSTALLATION_BASE = "https://training-kit.invalid/installations/"


class LrsError(KitError):
    """The Learning Record Store settings are unusable, or it could not be reached."""


def check_endpoint(url: str) -> str:
    """`url` as the statements base ("http(s)://host/.../xAPI/"); LrsError otherwise."""
    text = str(url).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LrsError(
            _("{url} is not the address of a Learning Record Store (http:// or https://).").format(
                url=text
            )
        )
    return text if text.endswith("/") else text + "/"


def check_home_page(url: str) -> str:
    text = str(url).strip()
    if text and (urlsplit(text).scheme not in ("http", "https") or not urlsplit(text).netloc):
        raise LrsError(_("The home page must be an http:// or https:// address."))
    return text


@dataclass
class LrsConfig:
    endpoint: str = ""
    user: str = ""
    password: str = ""
    home_page: str = ""

    @property
    def configured(self) -> bool:
        return bool(self.endpoint)

    def home_page_for(self, device_id: str) -> str:
        return self.home_page or f"{INSTALLATION_BASE}{device_id}"

    @staticmethod
    def path(data: DataDir) -> Path:
        return data.root / FILE_NAME

    @classmethod
    def load(cls, data: DataDir) -> LrsConfig:
        """The saved settings (empty when none or the file is damaged)."""
        try:
            raw = json.loads(cls.path(data).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        out = cls()
        for name in ("endpoint", "user", "password", "home_page"):
            if isinstance(raw.get(name), str):
                setattr(out, name, raw[name])
        return out

    def save(self, data: DataDir) -> None:
        from kit.core.fsutil import write_atomic

        self.endpoint = check_endpoint(self.endpoint)
        self.home_page = check_home_page(self.home_page)
        data.root.mkdir(parents=True, exist_ok=True)
        path = self.path(data)
        write_atomic(path, json.dumps(asdict(self), indent=1).encode("utf-8"), private=True)
        private_file(path)
