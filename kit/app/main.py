"""Start the Qt application (and `kit --screenshot FILE`).

Which screen comes first, on a shared computer:
- `kit` opens the start screen ("Who is learning today?"): nobody's records are shown
  until a learner picks a profile (and types its PIN, if it has one). On the very first
  start, with an empty library, the packs that ship with the app are installed with a
  progress window (Cancel leaves what was installed so far).
- `kit --profile NAME` (or KIT_PROFILE=NAME) opens NAME's library directly, for a laptop
  used by one learner or a facilitator's projector; a profile with a PIN still asks for it.
- `kit --screenshot FILE` saves a PNG once the first screen has really painted, then
  exits: the library of --profile/KIT_PROFILE if given and that profile has no PIN (one
  with a PIN shows its PIN prompt: a screenshot never skips a PIN), otherwise the library
  as a preview without anyone's progress (a facilitator's handout must not show a
  learner's records). KIT_SCREENSHOT_START=profiles shoots the start screen instead;
  getpacks, about or shortcuts that page, and progress the learner's Progress page.
- KIT_MODE=workshop opens workshop mode instead (kit.ui.modes.workshop: a facilitator
  signs in with their PIN and presents on the projector); KIT_MODE=editor opens trainer
  mode (kit.ui.modes.editor: write and package a pack source).
- KIT_EXIT_WHEN_READY=1 prints "ready" on stdout at the first paint and exits
  (bench/startup.py measures start-up with it).
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from kit.i18n import _


def run_app(
    data_dir: str | None = None,
    screenshot: str | None = None,
    lang: str | None = None,
    profile: str | None = None,
) -> int:
    gc.disable()  # until the first paint (_collect_after_start)
    _import_core_before_qt()
    from PySide6.QtCore import QTimer

    _mark_modules_without_features()
    from PySide6.QtWidgets import QApplication

    from kit.app import App
    from kit.core.paths import resolve_data_dir
    from kit.ui.main_window import START_PAGES, StartOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Training Kit")
    app.setApplicationDisplayName(_("Training Kit"))
    app.setDesktopFileName("org.trainingkit.TrainingKit")  # Wayland matches the .desktop file
    _set_icon(app)
    try:
        data = resolve_data_dir(data_dir).ensure()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(_("The data folder cannot be used: {reason}.").format(reason=reason), file=sys.stderr)
        _collect_after_start()
        return 1
    start = os.environ.get("KIT_SCREENSHOT_START", "") if screenshot else ""
    options = StartOptions(
        profile=profile or os.environ.get("KIT_PROFILE") or None,
        preview=bool(screenshot) and start != "profiles",
        language=lang,
        page=start if start in START_PAGES else "library",
    )
    mode = None
    if os.environ.get("KIT_MODE") == "workshop":
        from kit.ui.modes.workshop import WorkshopMode

        mode = WorkshopMode
    elif os.environ.get("KIT_MODE") == "editor":
        from kit.ui.modes.editor import EditorMode

        mode = EditorMode
    app_root = App(data, options, mode)
    window = app_root.start()[0]  # the mode's first window
    ready = getattr(window, "ready", None)
    if ready is not None:
        ready.connect(_collect_after_start)
        ready.connect(_make_qt_namespace_soon)
        ready.connect(_register_fonts_soon)
    else:
        _register_fonts_soon()
    QTimer.singleShot(GC_AT_THE_LATEST_MS, _collect_after_start)  # if ready never comes
    code = {"value": 0}
    if screenshot:

        def shoot() -> None:
            code["value"] = 0 if save_screenshot(window, Path(screenshot)) else 1
            window.close()

        window.ready.connect(lambda: QTimer.singleShot(100, shoot))
    elif os.environ.get("KIT_EXIT_WHEN_READY"):

        def report() -> None:
            print("ready", flush=True)
            window.close()

        window.ready.connect(report)
    result = app.exec()
    _collect_after_start()
    app_root.shutdown()
    return code["value"] or result


GC_AT_THE_LATEST_MS = 5000


def _collect_after_start() -> None:
    """Turn the garbage collector back on once the first screen has painted.

    The start allocates hundreds of thousands of objects that live as long as the app
    (modules, classes, Qt's enums); the collector would walk them again and again while
    they are made (~5% of the start, bench/startup.py). Frozen, later collections skip them.
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _make_qt_namespace_soon() -> None:
    """The first screen paints without Qt's namespace (kit.ui.widgets.enumkeys); it is
    made right after, before the learner's first click needs it."""
    from PySide6.QtCore import QTimer

    from kit.ui.widgets.enumkeys import make_qt_namespace

    QTimer.singleShot(0, make_qt_namespace)


def _register_fonts_soon() -> None:
    """The first screen paints with the bundled font of its language's script only
    (kit.ui.fonts); the others are registered right after, for packs in other scripts."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kit.i18n import current_language
    from kit.ui.fonts import register_the_rest

    QTimer.singleShot(0, lambda: register_the_rest(QApplication.instance(), current_language()))


def _import_core_before_qt() -> None:
    """Import the databases' modules (opened on the worker) before Qt: PySide6 reads the
    source of every module imported after it, looking for `from __feature__`; these never
    use Qt, and the start is ~9 ms shorter (bench/startup.py)."""
    import kit.core.library
    import kit.core.records  # noqa: F401


def _mark_modules_without_features() -> None:
    """Tell PySide6 that the modules imported so far select none of its `__feature__`s.

    Once imported, PySide6 reads the source of each module an import statement names the
    first time (typing, dataclasses, os... and the app's own), looking for "PySide6", to
    know whether its attribute lookups must follow a `from __feature__ import snake_case`
    (tests/test_startup_imports.py: no module of the app has one). Some 60 files read
    at every start (bench/startup.py). The modules imported so far and the app's own
    (kit.ui's come next) are marked here in PySide6's own table as it marks a module
    that selects nothing: 0 (uses PySide6, no feature), -1 (does not use it). Another
    PySide6, without that table, reads them as before.
    """
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    if not isinstance(table, dict):
        return
    for name in list(sys.modules):
        table.setdefault(name, 0 if name.startswith("PySide6") else -1)
    _mark_package(table, os.path.join(os.path.dirname(os.path.dirname(__file__)), "ui"), "kit.ui")


def _mark_package(table: dict, folder: str, package: str) -> None:
    """Mark the modules of `package` (in `folder`) as using PySide6 without features."""
    table[package] = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:  # a frozen build keeps its modules in an archive, not in folders
        return
    for entry in entries:
        if entry.name.endswith(".py"):
            table[f"{package}.{entry.name[:-3]}"] = 0
        elif entry.is_dir() and not entry.name.startswith(("_", ".")):
            _mark_package(table, entry.path, f"{package}.{entry.name}")


def _set_icon(app) -> None:
    """The window icon, from the hicolor sizes; each file is read when a size is first
    drawn (its size is its folder's name, so none is read at start: ~1 ms)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from kit.core.paths import RESOURCES_DIR

    icon = QIcon()
    for png in sorted((RESOURCES_DIR / "icons" / "hicolor").glob("*/apps/*.png")):
        width, _x, height = png.parent.parent.name.partition("x")
        if width.isdigit() and height.isdigit():
            icon.addFile(str(png), QSize(int(width), int(height)))
        else:
            icon.addFile(str(png))
    app.setWindowIcon(icon)


def show_main_window(data, options):
    """The learner's main window on its own services, sized to the screen's free area
    (MainWindow.fit_to_screen), shown (tests/screen_fit.py)."""
    from kit.ui.main_window import MainWindow

    window = MainWindow(data, options)
    window.show()
    return window


def save_screenshot(window, path: Path) -> bool:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = window.grab()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        ok = image.save(str(path), "PNG")
    except OSError:
        ok = False
    if not ok:
        print(_("Could not save the screenshot to {path}.").format(path=path), file=sys.stderr)
    return ok
