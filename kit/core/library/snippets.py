"""Search snippets made in Python from an item's indexed text.

FTS5's snippet() must re-run the MATCH for each row, which for a prefix query costs
milliseconds per row; here words are folded roughly as the tokenizer folds them
(case, Latin diacritics) and the first match is shown with a few words around it.
"""

from __future__ import annotations

import re
import unicodedata

START, END = "\x02", "\x03"
WINDOW = 12  # words shown
LEAD_CHARS = 30  # shown before the first match (a few words)
_LATIN_MARKS = re.compile("[\u0300-\u036f]")
_SPACES = re.compile(r"\s+")
# Letters and digits ([^\W_]) plus the combining-mark blocks of the scripts we serve
# (Latin, Cyrillic, Hebrew, Arabic, the Indic scripts minus their dandas, and the
# generic combining blocks): a regex is much faster than testing each character.
WORD = re.compile(
    "(?:[^\\W_]|[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f"
    "\u0670\u06d6-\u06ed\u0900-\u0963\u0966-\u0dff\u1ab0-\u1aff\u1dc0-\u1dff"
    "\u20d0-\u20ff\ufe20-\ufe2f])+"
)


def is_word_char(c: str) -> bool:
    category = unicodedata.category(c)
    return category[0] in "LNM" or category == "Co"


def fold(word: str) -> str:
    if word.isascii():
        return word.casefold()
    return _LATIN_MARKS.sub("", unicodedata.normalize("NFD", word.casefold()))


# In ASCII text a word (WORD) is a run of ASCII letters and digits, and folding it is
# lowercasing it: the fast paths below give exactly what the general ones give.
ASCII_WORD = re.compile("[A-Za-z0-9]+")
_ASCII_FOLD = bytes(
    (c | 0x20 if 65 <= c <= 90 else c) if c < 128 and chr(c).isalnum() else 32 for c in range(256)
)


def ascii_folded(text: str) -> bytes:
    """An ASCII text as bytes, letters lowercased, every other byte but digits a space."""
    return text.encode("ascii").translate(_ASCII_FOLD)


def ascii_words(text: str) -> list[bytes]:
    """The words of an ASCII text folded (lowercased), as bytes: bytes.translate and
    split, several times faster than a regex."""
    return ascii_folded(text).split()


class Matcher:
    """Which words of a text match the query's words (the last maybe as a prefix)."""

    def __init__(self, terms: list[str], prefix: str | None) -> None:
        self.terms = {fold(t) for t in terms}
        self.prefix = fold(prefix) if prefix else None
        wanted = sorted(self.terms | ({self.prefix} if self.prefix else set()))
        # Query words hold only word characters, so an ASCII one is letters and digits.
        self.ascii = all(t.isascii() for t in wanted)
        self._needles = [(t, False) for t in sorted(self.terms)]
        if self.prefix:
            self._needles.append((self.prefix, True))

    def matches(self, word: str) -> bool:
        folded = word.lower() if word.isascii() else fold(word)
        return folded in self.terms or (self.prefix is not None and folded.startswith(self.prefix))

    def locate(self, text: str) -> int:
        """Where the first matching word starts (0 if none)."""
        if self.ascii and text.isascii():
            return self._locate_ascii(text.lower())
        for m in WORD.finditer(text):
            if self.matches(m.group()):
                return m.start()
        return 0

    def _locate_ascii(self, low: str) -> int:
        """locate() in lowercased ASCII text: each query word looked for with str.find
        (no regex over the text), only before the best place found so far."""
        best = end = len(low)
        for needle, is_prefix in self._needles:
            size = len(needle)
            at = low.find(needle, 0, best + size)
            while 0 <= at < best:
                after = at + size
                if (at == 0 or not low[at - 1].isalnum()) and (
                    is_prefix or after == end or not low[after].isalnum()
                ):
                    best = at
                    break
                at = low.find(needle, after, best + size)
        return best if best < end else 0


def make_snippet(text: str, matcher: Matcher) -> str:
    """About WINDOW words from a little before the first match; matches marked."""
    begin = max(0, matcher.locate(text) - LEAD_CHARS)
    if text.isascii():
        return _ascii_snippet(text, begin, matcher)
    spans: list[tuple[int, int]] = []
    for m in WORD.finditer(text, begin):
        if not (m.start() == begin > 0 and WORD.match(text, begin - 1)):  # a cut word
            spans.append(m.span())
        if len(spans) > WINDOW:
            break
    out = ["…"] if begin > 0 else []
    pos = spans[0][0] if spans else 0
    for a, b in spans[:WINDOW]:
        out.append(_SPACES.sub(" ", text[pos:a]))
        word = text[a:b]
        out.append(f"{START}{word}{END}" if matcher.matches(word) else word)
        pos = b
    if len(spans) > WINDOW:
        out.append("…")
    return "".join(out).strip()


def _ascii_snippet(text: str, begin: int, matcher: Matcher) -> str:
    """make_snippet for ASCII text: the same words and marks, found with a plain regex."""
    spans: list[tuple[int, int]] = []
    cut = begin > 0 and text[begin - 1].isalnum()
    for m in ASCII_WORD.finditer(text, begin):
        if cut and m.start() == begin:
            continue  # the end of a word cut by `begin`
        spans.append(m.span())
        if len(spans) > WINDOW:
            break
    out = ["…"] if begin > 0 else []
    pos = spans[0][0] if spans else 0
    terms, prefix = matcher.terms, matcher.prefix
    for a, b in spans[:WINDOW]:
        gap = text[pos:a]
        out.append(gap if gap == " " else _SPACES.sub(" ", gap))
        word = text[a:b]
        low = word.lower()
        if low in terms or (prefix is not None and low.startswith(prefix)):
            out.append(f"{START}{word}{END}")
        else:
            out.append(word)
        pos = b
    if len(spans) > WINDOW:
        out.append("…")
    return "".join(out).strip()
