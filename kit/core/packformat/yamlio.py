"""YAML and front matter reading that remembers line numbers for error messages.

`StrictLoader` is the one YAML loader for files from strangers (pack sources, imported
lessons): PyYAML's SafeLoader turns `.inf` and 1e999 into infinity, raises ValueError
deep inside int() on a 5000-digit number, recurses until the stack runs out on deep
nesting, and expands aliases into structures far larger than the text ("billion laughs").
Here each of those is a yaml.YAMLError with the line it is on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError
from yaml.events import AliasEvent

from kit.core.strictjson import MAX_DEPTH, MAX_INT, MAX_NUMBER_CHARS


class StrictLoader(yaml.SafeLoader):
    """SafeLoader with bounded numbers and nesting, and no aliases."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise yaml.composer.ComposerError(
                    None,
                    None,
                    f"it is nested too deeply (more than {MAX_DEPTH} levels)",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = str(node.value).replace("_", "")
        if len(digits) > MAX_NUMBER_CHARS:
            raise _bad_number(node)
        value = super().construct_yaml_int(node)
        if abs(value) > MAX_INT:
            raise _bad_number(node)
        return value

    def construct_yaml_float(self, node: yaml.ScalarNode) -> float:
        value = super().construct_yaml_float(node)
        if len(str(node.value)) > MAX_NUMBER_CHARS or not math.isfinite(value):
            raise _bad_number(node)
        return value

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):  # 9999-99-99 looks like a date but is none
            raise ConstructorError(
                None, None, f"'{node.value}' is not a valid date", node.start_mark
            ) from None


def _bad_number(node: yaml.Node) -> ConstructorError:
    return ConstructorError(
        None,
        None,
        "a number is out of range (.inf, .nan or too many digits)",
        node.start_mark,
    )


StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
StrictLoader.add_constructor("tag:yaml.org,2002:float", StrictLoader.construct_yaml_float)
StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", StrictLoader.construct_yaml_timestamp)


def strict_compose(text: str) -> tuple[Any, yaml.Node | None]:
    """(data, root node) of one YAML document; raises yaml.YAMLError on anything refused."""
    loader = StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
        return data, node
    finally:
        loader.dispose()


def strict_load(text: str) -> Any:
    """Like yaml.safe_load, with StrictLoader's limits."""
    return strict_compose(text)[0]


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
        data, node = strict_compose(text)
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
