"""What the command line writes: every character a terminal would act on is shown escaped.

Pack titles, entry names, catalog fields and file names come from strangers; written raw,
an escape sequence in one can recolour the terminal, move the cursor, rewrite earlier
lines or set the window title, and a bidi override can make a name read backwards. While
a command runs, stdout and stderr pass through `EscapingWriter`, so this holds for every
line and error sentence, not only those we remembered to clean. Escapes use the form
\\u001b, which also keeps JSON output valid JSON.

Kept: newline and tab, and the direction marks (U+200E, U+200F, U+061C) that right-to-left
translations use. Escaped: the other C0 controls (carriage return too), DEL, the C1
controls, and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

from kit.core.errors import KitError
from kit.i18n import _

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape_match(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def safe_text(text: str) -> str:
    """`text` with every character a terminal would act on written as \\uXXXX."""
    return UNSAFE.sub(_escape_match, text)


class EscapingWriter:
    """A text stream that escapes unsafe characters on their way to the real one."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(safe_text(text))
        return len(text)

    def write_raw(self, text: str) -> None:
        """For our own control characters (the progress line's carriage return)."""
        self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


@contextlib.contextmanager
def escaping_output() -> Iterator[None]:
    """Route sys.stdout and sys.stderr through EscapingWriter for the block."""
    saved = sys.stdout, sys.stderr
    sys.stdout = EscapingWriter(saved[0])  # type: ignore[assignment]
    sys.stderr = EscapingWriter(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def write_raw(text: str, stream: TextIO | None = None) -> None:
    """Write our own control characters (\\r for a progress line) unescaped."""
    stream = stream or sys.stderr
    raw = getattr(stream, "write_raw", None)
    if raw is not None:
        raw(text)
    else:
        stream.write(text)
    stream.flush()


def print_json(value: Any, **options: Any) -> None:
    """Print JSON that is always valid: NaN or Infinity are refused, not written."""
    try:
        text = json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False, **options)
    except ValueError:
        raise KitError(
            _(
                "This cannot be printed as JSON: it holds a number out of range (NaN or "
                "Infinity); install the pack again from a corrected file."
            )
        ) from None
    print(text)


def read_secret(prompt: str) -> str:
    """A PIN typed without echo, or one line of standard input when it is not a terminal
    (a PIN never goes on the command line, where `ps` shows it)."""
    import getpass

    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise KitError(_("No PIN was given (type it, or give it on standard input)."))
    return line.rstrip("\r\n")
