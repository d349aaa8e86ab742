"""The core never imports Qt: it must run and be tested without a display."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "kit" / "core"


def test_no_core_module_imports_qt() -> None:
    offenders = []
    for path in sorted(CORE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(
                n.split(".")[0] in ("PySide6", "PyQt5", "PyQt6", "shiboken6")
                or n.startswith("kit.ui")
                for n in names
            ):
                offenders.append(f"{path.relative_to(CORE.parent.parent)}:{node.lineno}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        ".".join(p.relative_to(CORE.parent.parent).with_suffix("").parts)
        for p in CORE.rglob("*.py")
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "import kit.cli\nkit.cli.build_parser()\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


KIT = CORE.parent

# Which part of kit/ may import which: the core is plain Python for everyone; the UI never
# reaches the command line; the command line never the UI (it starts the app through
# kit.app, named here).
FORBIDDEN = {
    "core": ("kit.ui", "kit.cli", "kit.app"),
    "ui": ("kit.cli",),
    "cli": ("kit.ui.pages", "kit.ui.reader", "kit.ui.getpacks", "kit.ui.widgets"),
}


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a file, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(root.parent).with_suffix("").parts[:-1])
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, module] if module else base)
            found.append((node.lineno, module))
    return found


def import_rule_offences(root: Path = KIT) -> list[str]:
    offences = []
    for part, banned in FORBIDDEN.items():
        for path in sorted((root / part).rglob("*.py")):
            for line, module in imported_modules(path, root):
                if any(module == b or module.startswith(b + ".") for b in banned):
                    offences.append(f"{path.relative_to(root.parent)}:{line}: imports {module}")
    return offences


def test_each_part_imports_only_what_it_may() -> None:
    assert import_rule_offences() == []


def test_the_import_rule_sees_relative_and_lazy_imports(tmp_path: Path) -> None:
    """The scan must catch `from ..cli import x` inside a function, or it proves nothing."""
    (tmp_path / "kit" / "ui").mkdir(parents=True)
    sample = tmp_path / "kit" / "ui" / "_rule_sample.py"
    sample.write_text("def f():\n    from ..cli import main\n    import kit.cli.pack\n")
    assert import_rule_offences(tmp_path / "kit") == [
        "kit/ui/_rule_sample.py:2: imports kit.cli",
        "kit/ui/_rule_sample.py:3: imports kit.cli.pack",
    ]


def _imports(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("kit"):
            yield node


def test_no_private_name_is_imported_from_another_module() -> None:
    """A name starting with _ is its module's own (gettext's `_` and `N_` aside)."""
    offenders = [
        f"{path.relative_to(KIT.parent)}:{node.lineno} {alias.name}"
        for path in sorted(KIT.rglob("*.py"))
        for node in _imports(path)
        for alias in node.names
        if alias.name.startswith("_")
        and alias.name not in ("_", "N_")
        and not alias.name.endswith("__")
    ]
    assert offenders == []


def test_no_two_public_classes_share_a_name() -> None:
    where: dict[str, list[str]] = {}
    for path in sorted(KIT.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                where.setdefault(node.name, []).append(str(path.relative_to(KIT.parent)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


def test_the_ui_never_imports_the_cli_and_only_kit_app_builds_services() -> None:
    offenders = []
    for path in sorted((KIT / "ui").rglob("*.py")):
        for node in _imports(path):
            if node.module.startswith(("kit.cli", "kit.app")):
                offenders.append(f"{path.relative_to(KIT.parent)}:{node.lineno} {node.module}")
    assert offenders == []
