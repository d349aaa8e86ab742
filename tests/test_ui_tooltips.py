"""Tooltips show a pack's or a learner's text literally: Qt renders a tooltip that looks
like HTML, so a name such as `<img src=/etc/x>` would be drawn (and the file read)."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtGui import QTextDocument

from kit.ui.widgets.plain import plain_tooltip

UI = Path(__file__).resolve().parents[1] / "kit" / "ui"
TRANSLATORS = {"_", "N_", "ngettext", "pgettext"}


def _fixed_text(node: ast.expr) -> bool:
    """A literal, or a translated literal with no placeholders filled in."""
    if isinstance(node, ast.Constant):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in TRANSLATORS | {"plain_tooltip"}
    )


def tooltip_offences(root: Path = UI) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "setToolTip"
                and node.args
                and not _fixed_text(node.args[0])
            ):
                found.append(f"{path.relative_to(root.parent.parent)}:{node.lineno}")
    return found


def test_every_tooltip_with_changing_text_goes_through_plain_tooltip() -> None:
    assert tooltip_offences() == []


def test_the_scan_sees_a_raw_tooltip(tmp_path: Path) -> None:
    (tmp_path / "kit" / "ui").mkdir(parents=True)
    (tmp_path / "kit" / "ui" / "x.py").write_text(
        "w.setToolTip(_('Fixed'))\nw.setToolTip(profile.name)\n"
        "w.setToolTip(_('Open {t}').format(t=title))\nw.setToolTip(plain_tooltip(name))\n"
    )
    assert tooltip_offences(tmp_path / "kit" / "ui") == ["kit/ui/x.py:2", "kit/ui/x.py:3"]


def test_a_plain_tooltip_shows_markup_as_typed(qapp) -> None:
    name = "<b>Ana</b> <img src='/etc/hostname'> & co"
    doc = QTextDocument()
    doc.setHtml(plain_tooltip(name))
    assert doc.toPlainText() == name
