"""YAML and front matter reading that remembers line numbers for error messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml


class YamlProblem(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass
class Doc:
    """A parsed YAML mapping with the line of each top-level key."""

    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)
    first_line: int = 1

    def line(self, key: str | None = None) -> int:
        if key is None:
            return self.first_line
        return self.lines.get(key, self.first_line)


def load_mapping(text: str, first_line: int = 1) -> Doc:
    """Parse YAML text that must be a mapping; raises YamlProblem with a line number."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = (mark.line + first_line) if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise YamlProblem(line, f"invalid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        raise YamlProblem(first_line, "expected a YAML mapping of 'key: value' lines")
    lines: dict[str, int] = {}
    if node is not None:
        for key_node, _value in node.value:
            if not isinstance(key_node.value, str):
                continue
            line = key_node.start_mark.line + first_line
            if key_node.value in lines:
                # YAML would silently keep the last one; a trainer should know.
                raise YamlProblem(line, f"'{key_node.value}' is given twice")
            lines[key_node.value] = line
    return Doc({str(k): v for k, v in data.items()}, lines, first_line)


def split_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """Split '---' front matter from a Markdown body.

    Returns (header_text or None, header's first line, body, body's first line).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, 1, text, 1
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            header = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1 :])
            return header, 2, body, i + 2
    return None, 1, text, 1
