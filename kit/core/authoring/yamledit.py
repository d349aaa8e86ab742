"""Minimal text edits of a YAML mapping file (pack.yaml, module.yaml).

A form changes one field; the file should change by that field's lines only. Here a
top-level key's value is set, replaced or removed in the text, and every other line stays
byte-identical: comments, order, quoting, blank lines, line endings. A new key is put after
the key that comes before it in `order` (the format's field order), else at the end.
Values are dumped as the project's YAML writer does (kit.core.importers.common.dump_yaml:
keys in order, Unicode kept, block style), following the file's habits where it has them:
a flow list (`[en, es]`) stays a flow list, list entries keep the file's indentation, a
double-quoted text stays double-quoted, and a comment after a one-line value is kept.

Pure: text in, text out. A text that is not a YAML mapping raises YamlEditError.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from kit.core.errors import KitError
from kit.core.packformat.yamlio import strict_compose
from kit.i18n import _

REMOVE: Any = object()  # the value that removes a key in `apply`
_SIMPLE = (str, int, float, bool, type(None))


class YamlEditError(KitError):
    """The text is not a YAML mapping the editor can change line by line."""


@dataclass(frozen=True)
class _Span:
    key: str
    start: int  # index of the key's first line
    end: int  # index after its value's last line (trailing blanks and comments excluded)
    value: Any
    node: yaml.Node
    inline_comment: str  # "# ..." after a one-line value, else ""


class _IndentedDumper(yaml.SafeDumper):
    """Block lists indented under their key ("  - a"), as hand-written files often are."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(data: dict[str, Any], indented: bool) -> str:
    dumper = _IndentedDumper if indented else yaml.SafeDumper
    return yaml.dump(
        data,
        Dumper=dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def _is_top_line(line: str) -> bool:
    return bool(line) and line[0] not in " \t#-\r\n"


def _split(text: str) -> list[str]:
    """Lines with their endings, broken at "\\n" only (as the line numbers of problems)."""
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    return [*lines, parts[-1]] if parts[-1] else lines


def _spans(lines: list[str], text: str) -> dict[str, _Span]:
    if re.search("[\x85\u2028\u2029]|\r(?!\n)", text):
        raise YamlEditError(_("This file has unusual line breaks; edit it in the text below."))
    try:
        data, node = strict_compose(text)
    except yaml.YAMLError as exc:
        raise YamlEditError(_("This file is not valid YAML; fix it in the text below.")) from exc
    if data is None:
        return {}
    if not isinstance(node, yaml.MappingNode) or node.flow_style:
        raise YamlEditError(_("This file is not a list of 'key: value' lines."))
    starts: list[tuple[str, int, yaml.Node, yaml.Node]] = []
    for key_node, value_node in node.value:
        line = key_node.start_mark.line
        if key_node.start_mark.column != 0 or not isinstance(key_node.value, str):
            raise YamlEditError(_("This file is not a list of 'key: value' lines."))
        starts.append((key_node.value, line, key_node, value_node))
    out: dict[str, _Span] = {}
    for i, (key, start, _key_node, value_node) in enumerate(starts):
        end = starts[i + 1][1] if i + 1 < len(starts) else len(lines)
        while end > start + 1 and _is_trailer(lines[end - 1]):
            end -= 1
        comment = ""
        if value_node.end_mark.line == start and end == start + 1:
            rest = lines[start].rstrip("\r\n")[value_node.end_mark.column :].strip()
            if rest.startswith("#"):
                comment = rest
        value = data.get(key)
        out[key] = _Span(key, start, end, value, value_node, comment)
    return out


def _is_trailer(line: str) -> bool:
    stripped = line.strip()
    return not stripped or (line.startswith("#")) or stripped == "---" or stripped == "..."


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _uses_indented_lists(lines: list[str]) -> bool:
    for i, line in enumerate(lines[1:], start=1):
        if re.match(r"^ +- ", line) and _is_top_line(lines[i - 1]):
            return True
        if line.startswith("- ") and _is_top_line(lines[i - 1]):
            return False
    return True  # the project's own template and guide indent them


def render(key: str, value: Any, *, old: _Span | None = None, indented: bool = True) -> str:
    """The lines of `key: value` (ending in a newline), following the old value's style.

    Each styled form is used only when it reads back as `value`; else the plain dump.
    """
    node = old.node if old is not None else None
    for candidate in (_flow(key, value, node), _quoted(key, value, node), _block(key, value, node)):
        if candidate is not None and _reads_back(candidate, key, value):
            return _with_comment(candidate, old)
    return _with_comment(_dump({key: value}, indented), old)


def _reads_back(text: str, key: str, value: Any) -> bool:
    try:
        return bool(yaml.safe_load(text) == {key: value})
    except yaml.YAMLError:
        return False


def _flow(key: str, value: Any, node: yaml.Node | None) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, _SIMPLE) for v in value):
        return None
    if not (isinstance(node, yaml.SequenceNode) and node.flow_style) and not (
        node is None and key in _FLOW_KEYS
    ):
        return None
    out = f"{_key_text(key)}: [{', '.join(_flow_scalar(v) for v in value)}]\n"
    return out if len(out) <= 100 else None


def _quoted(key: str, value: Any, node: yaml.Node | None) -> str | None:
    if not isinstance(value, str) or "\n" in value:
        return None
    if not (isinstance(node, yaml.ScalarNode) and node.style == '"'):
        return None
    quoted = yaml.dump(
        value, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True, width=1000
    )
    quoted = quoted.split("\n...")[0].rstrip("\n")
    return None if "\n" in quoted else f"{_key_text(key)}: {quoted}\n"


def _block(key: str, value: Any, node: yaml.Node | None) -> str | None:
    """A folded (>-) text stays folded; a text of several lines becomes a literal (|) block."""
    if not isinstance(value, str) or not value.strip() or value != value.lstrip():
        return None
    style = node.style if isinstance(node, yaml.ScalarNode) else None
    long = len(key) + 2 + len(value) > 100  # a short text reads best on its key's line
    if "\n" not in value.rstrip("\n") and style == ">" and long:
        lines = _wrap(value.rstrip("\n"), 88)
        chomp = "" if value.endswith("\n") else "-"
        return f"{_key_text(key)}: >{chomp}\n" + "".join(f"  {line}\n" for line in lines)
    if "\n" in value.rstrip("\n") or style == "|":
        chomp = "" if value.endswith("\n") and not value.endswith("\n\n") else "-"
        body = value[:-1] if chomp == "" else value
        lines = body.split("\n")
        return f"{_key_text(key)}: |{chomp}\n" + "".join(
            f"  {line}\n" if line else "\n" for line in lines
        )
    return None


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split(" "):
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


_FLOW_KEYS = frozenset({"languages", "tags"})


def _key_text(key: str) -> str:
    return _dump({key: None}, False).rsplit(":", 1)[0]


def _flow_scalar(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[\w][\w.:/+-]*", value):
        try:  # plain when it reads back the same, as people write `[en, capx:training]`
            if yaml.safe_load(f"[{value}]") == [value]:
                return value
        except yaml.YAMLError:
            pass
    text = yaml.dump([value], Dumper=yaml.SafeDumper, default_flow_style=True, allow_unicode=True)
    return text.strip()[1:-1]


def _with_comment(out: str, old: _Span | None) -> str:
    if old is None or not old.inline_comment or out.count("\n") != 1:
        return out
    return f"{out.rstrip(chr(10))}  {old.inline_comment}\n"


def apply(text: str, changes: Mapping[str, Any], order: Sequence[str] = ()) -> str:
    """`text` with each key of `changes` set to its value (REMOVE: removed).

    A key whose value is already equal keeps its lines as they are; so does every key not
    in `changes`. New keys go after the nearest key before them in `order`.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom) :]
    newline = _newline(body)
    for key, value in changes.items():
        body = _apply_one(body, key, value, order, newline)
    return bom + body


def set_value(text: str, key: str, value: Any, order: Sequence[str] = ()) -> str:
    return apply(text, {key: value}, order)


def remove_key(text: str, key: str) -> str:
    return apply(text, {key: REMOVE})


def _apply_one(body: str, key: str, value: Any, order: Sequence[str], newline: str) -> str:
    lines = _split(body)
    spans = _spans(lines, body.replace("\r\n", "\n"))
    old = spans.get(key)
    if value is REMOVE:
        if old is None:
            return body
        return "".join(lines[: old.start] + lines[old.end :])
    if old is not None and old.value == value and type(old.value) is type(value):
        return body
    new = render(key, value, old=old, indented=_uses_indented_lists(lines))
    new_lines = _split(new.replace("\n", newline))
    if old is not None:
        return "".join(lines[: old.start] + new_lines + lines[old.end :])
    at = _insert_at(spans, key, order, len(lines))
    head = lines[:at]
    if head and not head[-1].endswith("\n"):
        head[-1] += newline
    return "".join(head + new_lines + lines[at:])


def _insert_at(spans: Mapping[str, _Span], key: str, order: Sequence[str], count: int) -> int:
    if key in order:
        index = list(order).index(key)
        for before in reversed(order[:index]):
            if before in spans:
                return spans[before].end
        following = [spans[k].start for k in order[index + 1 :] if k in spans]
        if following:
            return min(following)
    if not spans:
        return count
    last = max(spans.values(), key=lambda s: s.start)
    return last.end


def value_lines(text: str) -> dict[str, tuple[int, int]]:
    """Each top-level key's 1-based (first, last) line in `text`."""
    body = text.removeprefix("\ufeff")
    lines = _split(body)
    return {k: (s.start + 1, s.end) for k, s in _spans(lines, body.replace("\r\n", "\n")).items()}
