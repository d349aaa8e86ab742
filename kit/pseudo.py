"""The pseudo-locale `qps`: every message of kit.pot accented, about 30% longer, and
bracketed, so a glance (or tests/test_ui_pseudo_locale.py) shows text that does not go
through the catalog (no brackets) and text that does not fit (a bracket cut off).

"Search" becomes "[Šéééåŕçĥ·]". Placeholders ({n}, %(name)s, %s), HTML tags, entities and
the keyboard-mnemonic ampersand are kept as they are, so the text still formats and
renders. Built at run time from resources/translations/kit.pot when the language is chosen
(KIT_LANG=qps or `kit --lang qps`); only messages in the template are translated, as in a
real catalog. A development aid: no babel or Qt at import time.
"""

from __future__ import annotations

import gettext
import math
import re
from pathlib import Path

OPEN, CLOSE = "[", "]"
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
# Kept as written: placeholders, tags, entities, a mnemonic's ampersand.
_KEEP = re.compile(r"\{[^{}]*\}|%\([^)]*\)[a-z]|%[sdrif%]|<[^>]*>|&[a-zA-Z]+;|&#?\w+;|&(?=\w)|\n")
_VOWELS = set("aeiouAEIOU")
GROWTH = 1.3


def pseudo(text: str) -> str:
    """`text` accented, about 30% longer, between brackets (a blank text stays blank;
    spaces and line ends around it stay outside the brackets)."""
    core = text.strip()
    if not core:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return lead + _bracketed(core) + trail


def _bracketed(text: str) -> str:
    out, pos, letters, grown = [], 0, 0, 0
    for match in [*_KEEP.finditer(text), None]:
        end = match.start() if match else len(text)
        plain = _stretch(text[pos:end])
        out.append(plain)
        letters, grown = letters + end - pos, grown + len(plain)
        if match:
            out.append(match.group())
            pos = match.end()
    padding = max(0, math.ceil(letters * GROWTH) - grown)
    return OPEN + "".join(out) + "·" * padding + CLOSE


def _stretch(part: str) -> str:
    """Accented, with one vowel in three doubled (words grow, as translations do)."""
    out, seen = [], 0
    for ch in part:
        out.append(ch.translate(_ACCENTED))
        if ch in _VOWELS:
            seen += 1
            if seen % 3 == 1:
                out.append(ch.translate(_ACCENTED))
    return "".join(out)


def is_pseudo(text: str) -> bool:
    """Whether a shown text is one pseudo message (possibly holding others)."""
    stripped = text.strip()
    return stripped.startswith(OPEN) and stripped.endswith(CLOSE)


class PseudoTranslations(gettext.NullTranslations):
    """A catalog translating every message of the template with `pseudo`."""

    def __init__(self, messages: dict[tuple[str | None, str], str | tuple[str, str]]) -> None:
        super().__init__()
        self._messages = messages
        self._cache: dict[tuple[str | None, str], str] = {}

    @classmethod
    def from_template(cls, translations_dir: Path) -> PseudoTranslations:
        """From kit.pot in `translations_dir` (none or unreadable: nothing is translated)."""
        try:
            from babel.messages.pofile import read_po

            with (translations_dir / "kit.pot").open("rb") as fh:
                template = read_po(fh)
        except (OSError, ValueError, UnicodeError):
            return cls({})
        messages: dict[tuple[str | None, str], str | tuple[str, str]] = {}
        for message in template:
            if isinstance(message.id, tuple):
                messages[(message.context, message.id[0])] = (message.id[0], message.id[1])
            elif isinstance(message.id, str) and message.id:
                messages[(message.context, message.id)] = message.id
        return cls(messages)

    def _pseudo(self, context: str | None, message: str) -> str:
        key = (context, message)
        if key not in self._messages:
            return message
        if key not in self._cache:
            self._cache[key] = pseudo(message)
        return self._cache[key]

    def gettext(self, message: str) -> str:
        return self._pseudo(None, message)

    def pgettext(self, context: str, message: str) -> str:
        return self._pseudo(context, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        if (None, msgid1) not in self._messages:
            return msgid1 if n == 1 else msgid2
        return pseudo(msgid1 if n == 1 else msgid2)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        if (context, msgid1) not in self._messages:
            return msgid1 if n == 1 else msgid2
        return pseudo(msgid1 if n == 1 else msgid2)
