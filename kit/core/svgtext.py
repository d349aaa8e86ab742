"""Make the text of an SVG drawable by QtSvg (SVG Tiny 1.2), which silently leaves out
text written in ways common in exported diagrams:

- labels in ``<foreignObject>`` HTML (Mermaid, draw.io without a fallback): not drawn;
- CSS ``font:`` shorthand, ``em``/``rem``/``%`` font sizes, ``var(--x)``: the size or
  colour is lost, so labels come out at a few pixels, or not at all;
- a nested ``<svg>`` element: skipped with everything in it;
- ``<textPath>``: not drawn.

`drawable_svg` rewrites those into plain ``<text>``, sizes in px and ``<g>`` groups; any
other SVG comes back unchanged, and so does one that cannot be parsed (never an error).
Example: ``QImage.fromData(drawable_svg(data), "SVG")``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_BYTES = 8 * 1024 * 1024
BASE_PX = 16.0  # what 1em is taken as (the CSS default)
LABEL_PX = 14.0  # a foreignObject label's size when it names none
_S = f"{{{SVG_NS}}}"
_SNIFF = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b", re.S)
_FONT = re.compile(r"(?<![-\w])font\s*:\s*([^;}]+)")
_SIZE_TOKEN = re.compile(r"^(\d*\.?\d+)(px|pt|em|rem|%)?(?:/\S+)?$")
_REL_SIZE = re.compile(r"(font-size\s*:\s*)(\d*\.?\d+)(em|rem|%)")
_VAR_DEF = re.compile(r"(?<![-\w])(--[\w-]+)\s*:\s*([^;}]+);?")
_VAR_USE = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^)]+))?\)")
_PX = re.compile(r"font-size\s*:\s*(\d*\.?\d+)px")
_COLOR = re.compile(r"(?<![-\w])color\s*:\s*([^;}\s]+)")
_MOVE = re.compile(r"^\s*[Mm]\s*(-?\d*\.?\d+)[\s,]+(-?\d*\.?\d+)")
_STYLES = {"italic", "oblique"}
_WEIGHTS = {"bold", "bolder", "lighter"}

for _prefix, _uri in (("", SVG_NS), ("xlink", XLINK_NS)):
    ET.register_namespace(_prefix, _uri)


def is_svg(data: bytes) -> bool:
    return bool(_SNIFF.match(data[:4096]))


def drawable_svg(data: bytes) -> bytes:
    """`data` with its text in forms QtSvg draws (see the module docstring)."""
    if len(data) > MAX_BYTES or not is_svg(data) or b"<!ENTITY" in data:
        return data
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return data
    variables = _variables(root)
    changed = _fix_css(root, variables)
    changed = _fix_nested_svg(root) or changed
    changed = _fix_text_paths(root) or changed
    changed = _fix_foreign_objects(root) or changed
    return ET.tostring(root, encoding="utf-8") if changed else data


def _px(value: float, unit: str) -> str:
    if unit in ("em", "rem"):
        value *= BASE_PX
    elif unit == "%":
        value = value / 100 * BASE_PX
    elif unit == "pt":
        value *= 4 / 3
    return f"{value:g}px"


def expand_font(value: str) -> str:
    """The CSS ``font`` shorthand as separate properties QtSvg reads."""
    tokens = value.replace(",", " , ").split()
    parts: list[str] = []
    for n, token in enumerate(tokens):
        size = _SIZE_TOKEN.match(token)
        if size:
            parts.append(f"font-size:{_px(float(size.group(1)), size.group(2) or 'px')}")
            family = " ".join(tokens[n + 1 :]).replace(" , ", ",").strip()
            if family:
                parts.append(f"font-family:{family}")
            break
        if token in _STYLES:
            parts.append(f"font-style:{token}")
        elif token in _WEIGHTS or re.fullmatch(r"[1-9]00", token):
            parts.append(f"font-weight:{token}")
    return ";".join(parts)


def _css(text: str, variables: dict[str, str]) -> str:
    def var(m: re.Match[str]) -> str:
        return variables.get(m.group(1)) or (m.group(2) or "").strip() or "initial"

    for _round in range(3):  # a variable may name another
        if "var(" not in text:
            break
        text = _VAR_USE.sub(var, text)
    if "--" in text:  # custom properties, once resolved: QtSvg's CSS parser stops at them
        text = _VAR_DEF.sub("", text).replace(";;", ";")
    text = _FONT.sub(lambda m: expand_font(m.group(1)), text)
    return _REL_SIZE.sub(lambda m: m.group(1) + _px(float(m.group(2)), m.group(3)), text)


def _variables(root: ET.Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter():
        text = element.text if element.tag == _S + "style" else element.get("style")
        for name, value in _VAR_DEF.findall(text or ""):
            found.setdefault(name, value.strip())
    return found


def _fix_css(root: ET.Element, variables: dict[str, str]) -> bool:
    changed = False
    for element in root.iter():
        if element.tag == _S + "style" and element.text:
            fixed = _css(element.text, variables)
            changed |= fixed != element.text
            element.text = fixed
        style = element.get("style")
        if style:
            fixed = _css(style, variables)
            if fixed != style:
                element.set("style", fixed)
                changed = True
        size = _SIZE_TOKEN.match(element.get("font-size") or "")
        if size and size.group(2) in ("em", "rem", "%"):
            element.set("font-size", _px(float(size.group(1)), size.group(2)))
            changed = True
    return changed


def _number(element: ET.Element, name: str, default: float = 0.0) -> float:
    try:
        return float(re.sub(r"[a-z%]+$", "", element.get(name) or "") or default)
    except ValueError:
        return default


def _fix_nested_svg(root: ET.Element) -> bool:
    """An inner <svg> becomes a group moved (and scaled) to where it sits."""
    changed = False
    for element in root.iter():
        if element is root or element.tag != _S + "svg":
            continue
        x, y = _number(element, "x"), _number(element, "y")
        transform = f"translate({x:g},{y:g})"
        box = (element.get("viewBox") or "").replace(",", " ").split()
        width, height = _number(element, "width"), _number(element, "height")
        if len(box) == 4 and width and height:
            try:
                bx, by, bw, bh = (float(v) for v in box)
            except ValueError:
                bx = by = bw = bh = 0.0
            if bw and bh:
                scale = min(width / bw, height / bh)
                transform += f" scale({scale:g}) translate({-bx:g},{-by:g})"
        for name in ("x", "y", "width", "height", "viewBox", "preserveAspectRatio"):
            element.attrib.pop(name, None)
        element.tag = _S + "g"
        element.set("transform", (transform + " " + element.get("transform", "")).strip())
        changed = True
    return changed


def _fix_text_paths(root: ET.Element) -> bool:
    """<textPath> text is written at the start of its path (straight, not along it)."""
    paths = {e.get("id"): e for e in root.iter(_S + "path") if e.get("id")}
    changed = False
    for text in root.iter(_S + "text"):
        for tpath in list(text.findall(_S + "textPath")):
            ref = (tpath.get("href") or tpath.get(f"{{{XLINK_NS}}}href") or "").lstrip("#")
            start = _MOVE.match(paths[ref].get("d") or "") if ref in paths else None
            if start and text.get("x") is None:
                text.set("x", start.group(1))
                text.set("y", start.group(2))
            words = "".join(tpath.itertext())
            index = list(text).index(tpath)
            text.remove(tpath)
            if index == 0:
                text.text = (text.text or "") + words + (tpath.tail or "")
            else:
                before = text[index - 1]
                before.tail = (before.tail or "") + words + (tpath.tail or "")
            changed = True
    return changed


def _label(fo: ET.Element) -> ET.Element | None:
    words = " ".join("".join(fo.itertext()).split())
    if not words:
        return None
    styles = " ".join(e.get("style") or "" for e in fo.iter())
    size = _PX.search(styles)
    colour = _COLOR.search(styles)
    label = ET.Element(_S + "text")
    label.set("x", f"{_number(fo, 'x') + _number(fo, 'width') / 2:g}")
    label.set("y", f"{_number(fo, 'y') + _number(fo, 'height') / 2:g}")
    label.set("text-anchor", "middle")
    label.set("dominant-baseline", "central")
    label.set("font-size", f"{float(size.group(1)) if size else LABEL_PX:g}px")
    label.set("font-family", "sans-serif")
    label.set("fill", colour.group(1) if colour else "#000000")
    if fo.get("transform"):
        label.set("transform", fo.get("transform", ""))
    label.text = words
    label.tail = fo.tail
    return label


def _fix_foreign_objects(root: ET.Element) -> bool:
    """HTML labels become <text> (or are dropped where a <switch> has a fallback)."""
    changed = False
    for parent in list(root.iter()):
        for index, child in reversed(list(enumerate(parent))):
            if child.tag != _S + "foreignObject":
                continue
            has_fallback = parent.tag == _S + "switch" and any(
                c.tag != _S + "foreignObject" for c in parent
            )
            label = None if has_fallback else _label(child)
            parent.remove(child)
            if label is not None:
                parent.insert(index, label)
            changed = True
    return changed
