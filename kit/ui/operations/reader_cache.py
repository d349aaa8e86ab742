"""What the reader keeps between openings: rendered text and decoded pictures.

Going back to an item (Previous, a link, the Continue card) renders the same Markdown
and decodes the same pictures again; both are pure functions of what they read, so the
last few answers are kept here, on the worker thread that makes them.

- Rendered HTML is keyed by the Markdown itself, its language and the renderer's words
  (which follow the interface language), so a changed text is never served stale.
- A picture is keyed by its file in the media store and that file's size and change time
  (the store names files by their SHA-256, and a repaired file gets a new change time),
  and kept only while the pictures held stay under PICTURE_BYTES.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from PySide6.QtGui import QImage

from kit.core.render import Labels, render_markdown

RENDERED = 256  # items' texts kept (a few kB of HTML each)
PICTURE_BYTES = 48 * 1024 * 1024  # decoded pictures kept, at most


@lru_cache(maxsize=RENDERED)
def rendered(text: str, lang: str, words: Labels) -> str:
    """render_markdown(text) with no solution revealed, from the cache when it was seen."""
    return render_markdown(text, lang=lang, labels=words)


class Pictures:
    """Decoded (and already scaled) pictures by media file, least recently used dropped."""

    def __init__(self, limit: int = PICTURE_BYTES) -> None:
        self.limit = limit
        self._held = 0
        self._lock = threading.Lock()
        self._images: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()

    def get(self, path: Path, make: Callable[[Path], QImage]) -> QImage:
        try:
            stat = path.stat()
        except OSError:
            return make(path)  # let the decoder meet the problem as before
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        with self._lock:
            image = self._images.get(key)
            if image is not None:
                self._images.move_to_end(key)
                return image
        image = make(path)
        size = int(image.sizeInBytes())
        if image.isNull() or size > self.limit:
            return image
        with self._lock:
            if key not in self._images:
                self._images[key] = image
                self._held += size
            while self._held > self.limit and self._images:
                _key, old = self._images.popitem(last=False)
                self._held -= int(old.sizeInBytes())
        return image

    def clear(self) -> None:
        with self._lock:
            self._images.clear()
            self._held = 0


PICTURES = Pictures()
