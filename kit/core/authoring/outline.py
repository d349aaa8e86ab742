"""Minimal text edits of pack sources: a YAML list entry added, removed or moved, one
`key: value` line changed, file names made from titles.

Pure (no file I/O). Every edit touches only the lines it must: comments, order, quoting
and spacing of the rest of the file stay byte for byte as they were, so a trainer who
diffs the folder with git sees exactly the change they made.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from kit.core.errors import KitError
from kit.i18n import _

_ENTRY = re.compile(r"^(?P<indent>[ \t]*)-(?P<gap>[ \t]+)(?P<value>.*?)(?P<trail>[ \t]+#.*)?$")
_PLAIN_SAFE = re.compile(r"^[^\W_][\w .()/'&,!?+-]*$")
_NUMBERED = re.compile(r"^(\d+)([a-z]*)-")


@dataclass(frozen=True)
class ListSpan:
    """Where a top-level YAML list lives in a text: its entries' line numbers (0-based).

    `flow` is set for `key: [a, b]` on one line (then `lines` is that one line)."""

    key_line: int
    lines: tuple[int, ...]
    values: tuple[str, ...]
    flow: bool = False


def _split(text: str) -> list[str]:
    return text.split("\n")


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return str(json.loads(value))
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def find_list(text: str, key: str) -> ListSpan | None:
    """The block or flow list under the top-level `key:`; None when there is no such key."""
    lines = _split(text)
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:(?P<rest>.*)$")
    for i, line in enumerate(lines):
        m = pattern.match(line)
        if not m:
            continue
        rest = m.group("rest").strip()
        if rest.startswith("["):
            inner = rest[1 : rest.rfind("]")] if "]" in rest else rest[1:]
            values = tuple(_unquote(v) for v in inner.split(",") if v.strip())
            return ListSpan(i, (i,), values, flow=True)
        entries: list[int] = []
        values_l: list[str] = []
        j = i + 1
        while j < len(lines):
            cur = lines[j]
            stripped = cur.strip()
            em = _ENTRY.match(cur)
            if em:
                entries.append(j)
                values_l.append(_unquote(em.group("value")))
            elif stripped and not stripped.startswith("#"):
                break
            j += 1
        return ListSpan(i, tuple(entries), tuple(values_l))
    return None


def _format_flow(line: str, values: list[str]) -> str:
    head = line[: line.index(":") + 1]
    return f"{head} [{', '.join(scalar(v) for v in values)}]"


def _entry_prefix(lines: list[str], span: ListSpan) -> str:
    if span.lines:
        m = _ENTRY.match(lines[span.lines[0]])
        if m:
            return f"{m.group('indent')}-{m.group('gap')}"
    return "  - "


def _require(text: str, key: str) -> ListSpan:
    span = find_list(text, key)
    if span is None:
        raise KitError(_("The file has no '{key}:' list.").format(key=key))
    return span


def list_insert(text: str, key: str, value: str, index: int | None = None) -> str:
    """`value` added to the list `key` at `index` (None: at the end)."""
    lines = _split(text)
    span = _require(text, key)
    count = len(span.values)
    index = count if index is None else max(0, min(index, count))
    if span.flow:
        values = list(span.values)
        values.insert(index, value)
        lines[span.key_line] = _format_flow(lines[span.key_line], values)
        return "\n".join(lines)
    new_line = _entry_prefix(lines, span) + scalar(value)
    if index < count:
        at = span.lines[index]
    elif span.lines:
        at = span.lines[-1] + 1
    else:
        at = span.key_line + 1
        # `key:` with nothing (or `[]`) after it becomes a block list
        lines[span.key_line] = lines[span.key_line][: lines[span.key_line].index(":") + 1]
    lines.insert(at, new_line)
    return "\n".join(lines)


def list_remove(text: str, key: str, value: str) -> str:
    """The entry `value` taken out of the list `key` (its line deleted)."""
    lines = _split(text)
    span = _require(text, key)
    if value not in span.values:
        raise KitError(_("'{value}' is not in the '{key}:' list.").format(value=value, key=key))
    index = span.values.index(value)
    if span.flow:
        values = list(span.values)
        del values[index]
        lines[span.key_line] = _format_flow(lines[span.key_line], values)
    else:
        del lines[span.lines[index]]
    return "\n".join(lines)


def list_move(text: str, key: str, value: str, to_index: int) -> str:
    """The entry `value` moved to position `to_index`; its line is kept as written."""
    lines = _split(text)
    span = _require(text, key)
    if value not in span.values:
        raise KitError(_("'{value}' is not in the '{key}:' list.").format(value=value, key=key))
    index = span.values.index(value)
    to_index = max(0, min(to_index, len(span.values) - 1))
    if index == to_index:
        return text
    if span.flow:
        values = list(span.values)
        values.insert(to_index, values.pop(index))
        lines[span.key_line] = _format_flow(lines[span.key_line], values)
        return "\n".join(lines)
    entry = lines[span.lines[index]]
    order = list(span.lines)
    texts = [lines[n] for n in order]
    texts.pop(index)
    texts.insert(to_index, entry)
    for n, t in zip(order, texts, strict=True):
        lines[n] = t
    return "\n".join(lines)


def scalar(value: str, like: str = "") -> str:
    """`value` as a YAML scalar: plain when that reads back the same, else quoted in the
    style of `like` (the value it replaces) or double quotes."""
    quoted = like.startswith(("'", '"'))
    plain = _PLAIN_SAFE.match(value) and not value.endswith(" ") and not _looks_typed(value)
    if plain and not quoted:
        return value
    if like.startswith("'") and "\n" not in value:
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


def _looks_typed(value: str) -> bool:
    """Whether YAML would read the plain `value` as something else (a number, a date...)."""
    import yaml

    from kit.core.packformat.yamlio import strict_load

    try:
        return strict_load(f"k: {value}") != {"k": value}
    except yaml.YAMLError:
        return True


def set_scalar(text: str, key: str, value: str, start: int = 0, end: int | None = None) -> str:
    """The top-level `key:` line (lines start..end) given `value`; a value written over
    several lines (`>-` and its indented lines) is replaced whole. Added before `end`
    (or at the end) when the key is missing."""
    lines = _split(text)
    stop = len(lines) if end is None else end
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:(?P<sep>[ \t]*)(?P<rest>.*)$")
    for i in range(start, stop):
        m = pattern.match(lines[i])
        if not m:
            continue
        rest = m.group("rest")
        comment = ""
        cm = re.search(r"[ \t]+#.*$", rest)
        if cm and not rest.lstrip().startswith(("'", '"')):
            comment, rest = cm.group(0), rest[: cm.start()]
        j = i + 1
        while j < stop and lines[j][:1] in (" ", "\t") and lines[j].strip():
            j += 1  # continuation lines of a folded or multi-line value
        head = lines[i][: m.start("sep")]
        lines[i : j if j > i + 1 else i + 1] = [f"{head} {scalar(value, rest.strip())}{comment}"]
        return "\n".join(lines)
    at = stop
    while at > start and not lines[at - 1].strip() and at == len(lines):
        at -= 1
    lines.insert(at, f"{key}: {scalar(value)}")
    return "\n".join(lines)


def header_end(text: str) -> int | None:
    """The line index of the `---` closing an item's header, None when there is none."""
    lines = _split(text)
    if not lines or lines[0].rstrip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            return i
    return None


def set_header_field(text: str, key: str, value: str) -> str:
    """An item file with its header's `key:` set to `value` (body untouched)."""
    end = header_end(text)
    if end is None:
        raise KitError(_("This item file has no header ('---' lines at the top)."))
    return set_scalar(text, key, value, 1, end)


def slugify(title: str, fallback: str = "untitled") -> str:
    """Lowercase ASCII words joined by '-', for ids and file names ("Café & Tea" -> "cafe-tea")."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60].strip("-")
    return slug or fallback


def unique(base: str, taken: Iterable[str]) -> str:
    """`base`, or `base-2`, `base-3`... the first not in `taken`."""
    used = set(taken)
    if base not in used:
        return base
    n = 2
    while f"{base}-{n}" in used:
        n += 1
    return f"{base}-{n}"


def numbered(names: Iterable[str]) -> bool:
    """Whether the names are numbered like the bundled packs (`01-welcome.md`)."""
    names = list(names)
    return bool(names) and all(_NUMBERED.match(n) for n in names)


def next_number_name(names: Iterable[str], slug: str, suffix: str = "", width: int = 2) -> str:
    """`NN-slug{suffix}` with NN one more than the highest number used."""
    names = list(names)
    numbers = [int(m.group(1)) for n in names if (m := _NUMBERED.match(n))]
    widths = [len(m.group(1)) for n in names if (m := _NUMBERED.match(n))]
    width = max(widths or [width])
    return f"{(max(numbers or [0]) + 1):0{width}d}-{slug}{suffix}"


def insert_number_name(names: list[str], index: int | None, slug: str, suffix: str = "") -> str:
    """A numbered name for a file inserted at `index` among `names` (None: at the end),
    numbered so that the names stay in their order without renaming any other file.

    At the end: one more than the highest number (`07-slug`). Between two names with a free
    number between them (`02-`, `04-`): that number (`03-slug`); at the start before `02-`:
    `01-slug`. Otherwise the previous name's number with the next free letter (between
    `02-` and `03-`: `02a-slug`, then `02b-slug`). When even that has no room, as at the end."""
    if index is None or index >= len(names):
        return next_number_name(names, slug, suffix)
    prefixes = [m.group(1) + m.group(2) if (m := _NUMBERED.match(n)) else "" for n in names]
    prev, nxt = (prefixes[index - 1] if index > 0 else ""), prefixes[index]
    low, high = _order_key(prev) if prev else (-1, ""), _order_key(nxt)
    width = len(nxt) - len(high[1]) or 2
    if high[0] - low[0] > 1:
        number = low[0] + 1 if prev else high[0] - 1
        return f"{number:0{width}d}-{slug}{suffix}"
    digits = prev[: len(prev) - len(low[1])]
    for base in (digits, prev):
        for letter in "abcdefghijklmnopqrstuvwxyz":
            key = _order_key(base + letter)
            if base and base + letter not in prefixes and low < key < high:
                return f"{base}{letter}-{slug}{suffix}"
    return next_number_name(names, slug, suffix)


def _order_key(prefix: str) -> tuple[int, str]:
    """`02b` -> (2, "b"): how numbered prefixes sort."""
    digits = prefix.rstrip("abcdefghijklmnopqrstuvwxyz")
    return int(digits or 0), prefix[len(digits) :]
