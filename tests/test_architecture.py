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


# Screens (everything in kit/ui but the operations layer, the runners and the context that
# holds the services) reach the core only through kit.ui.operations: they may use the
# core's pure parts (rendering, the item-type registry, marking, value types), never an
# object that holds a database or the network.
OPERATIONS_LAYER = ("operations", "runners", "context.py", "changes.py")
PURE_CORE = {
    "kit.core.render": None,
    "kit.core.direction": None,  # is_rtl, without the renderer (start-up)
    "kit.core.render_math": None,
    "kit.core.itemtypes": None,
    "kit.core.quiz": None,
    "kit.core.errors": None,
    "kit.core.paths": {"DataDir", "RESOURCES_DIR"},
    "kit.core.records": {"Profile", "Status", "ModuleProgress", "CertificateData", "QuizStats"},
    "kit.core.library.plaintext": None,  # markdown as plain text (pack descriptions)
    "kit.core.workshops.model": None,  # the workshop's frozen value types
    "kit.core.workshops.agenda": None,  # pure edits of them (the Plan tab's Undo keeps each)
    "kit.core.authoring.model": None,  # trainer mode: file kinds, outline, FileChange values
    "kit.core.authoring.yamledit": None,  # minimal text edits of a YAML mapping
    "kit.core.authoring.licences": None,  # the licences a pack may carry, explained
    "kit.core.authoring.packmeta": None,  # pack.yaml / module.yaml as form models
    "kit.core.authoring.questionform": None,  # quiz and survey files as forms, and back
    "kit.core.authoring.questionblock": None,  # one question's text as a draft, and back
    "kit.core.authoring.surveyform": None,  # survey attributes as form fields
    "kit.core.authoring.questioncheck": None,  # the validator on one item, for the forms
}
DATA_HOLDERS = {"library", "records", "packs"}


def _is_screen(path: Path, root: Path) -> bool:
    rel = path.relative_to(root / "ui").parts
    return rel[0] not in OPERATIONS_LAYER


def _core_import_offence(node: ast.AST) -> str | None:
    if isinstance(node, ast.Import):
        bad = [a.name for a in node.names if a.name.startswith("kit.core")]
        return f"imports {bad[0]}" if bad else None
    if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith("kit.core"):
        return None
    module = node.module or ""
    for alias in node.names:
        full = f"{module}.{alias.name}"
        if full in PURE_CORE and PURE_CORE[full] is None:
            continue  # `from kit.core import itemtypes`
        if module not in PURE_CORE:
            return f"imports {full}"
        allowed = PURE_CORE[module]
        if allowed is not None and alias.name not in allowed:
            return f"imports {full}"
    return None


def _holder_offence(node: ast.AST) -> str | None:
    """`ctx.library`, `self.ctx.records`, `services.packs`: a database reached directly."""
    if isinstance(node, ast.Attribute) and node.attr in DATA_HOLDERS:
        owner = node.value
        name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
        if name in ("ctx", "services", "_ctx", "_services"):
            return f"uses {name}.{node.attr}"
    return None


def screen_offences(root: Path = KIT) -> list[str]:
    found = []
    for path in sorted((root / "ui").rglob("*.py")):
        if not _is_screen(path, root):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            why = _core_import_offence(node) or _holder_offence(node)
            if why:
                found.append(f"{path.relative_to(root.parent)}:{node.lineno}: {why}")
    return found


def test_screens_reach_the_core_only_through_operations() -> None:
    assert screen_offences() == []


def test_the_screen_rule_sees_a_side_door(tmp_path: Path) -> None:
    (tmp_path / "kit" / "ui" / "pages").mkdir(parents=True)
    (tmp_path / "kit" / "ui" / "operations").mkdir()
    (tmp_path / "kit" / "ui" / "pages" / "x.py").write_text(
        "from kit.core.library import Library\n"
        "from kit.core.records import Records, Status\n"
        "from kit.core import itemtypes\n"
        "def f(self):\n    return self.ctx.records.events('a')\n"
    )
    (tmp_path / "kit" / "ui" / "operations" / "y.py").write_text(
        "from kit.core.library import Library\ndef g(ctx):\n    return ctx.library\n"
    )
    assert screen_offences(tmp_path / "kit") == [
        "kit/ui/pages/x.py:1: imports kit.core.library.Library",
        "kit/ui/pages/x.py:2: imports kit.core.records.Records",
        "kit/ui/pages/x.py:5: uses ctx.records",
    ]
