"""Telling web addresses from local files."""

from __future__ import annotations

import urllib.request
from pathlib import Path


def is_remote(url: str) -> bool:
    return url.startswith(("http://", "https://"))


def local_path(url: str) -> Path:
    if url.startswith("file:"):
        return Path(urllib.request.url2pathname(url[5:].removeprefix("//")))
    return Path(url)
