"""Helpers for the app shell tests: real data folders, real packs, the real window."""

from __future__ import annotations

import json
from pathlib import Path

from kit.core.library import Library
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir
from kit.core.records import Records
from kit.ui.pages import kinds

GETTING_STARTED = BUNDLED_PACKS_DIR / "getting-started"


def build_getting_started(folder: Path) -> Path:
    from kit.core.packformat.build import build_pack

    folder.mkdir(parents=True, exist_ok=True)
    return build_pack(GETTING_STARTED, folder)


def prepare(data_dir: Path, packs: list[Path] = (), first_start: bool = False) -> DataDir:
    """A data folder with `packs` installed; unless first_start, the bundled offer is done."""
    data = DataDir(data_dir).ensure()
    if not first_start:
        (data_dir / "settings.json").write_text(
            json.dumps({"language": "en", "bundled_offered": True}), encoding="utf-8"
        )
    with Library(data) as lib:
        for pack in packs:
            lib.install(pack)
    return data


def add_profile(data_dir: Path, name: str, pin: str | None = None):
    with Records(DataDir(data_dir)) as records:
        return records.create_profile(name, pin=pin)


def add_events(data_dir: Path, profile_id: str, pack_id: str, items: list[str], verb="completed"):
    with Records(DataDir(data_dir)) as records:
        for item in items:
            records.append_event(profile_id, pack_id, item, verb)


def open_window(qtbot, data_dir: Path, **options):
    """The real main window on `data_dir`, shown and active; waits for its first painted screen."""
    from kit.ui.main_window import MainWindow, StartOptions

    window = MainWindow(DataDir(data_dir), StartOptions(**options))
    qtbot.addWidget(window)
    window.resize(1100, 720)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    activate(qtbot, window)
    return window


def activate(qtbot, window) -> None:
    """Make `window` the active one, as a learner's is: shortcuts reach the active window only."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def sign_in(qtbot, window, name: str, pin: str | None = None):
    """Click the profile's card (and type its PIN); returns the library page once loaded."""
    from PySide6.QtCore import Qt

    profiles = window.pages[kinds.ProfilesKind]
    qtbot.waitUntil(lambda: profiles.card_for(name) is not None)
    qtbot.mouseClick(profiles.card_for(name), Qt.MouseButton.LeftButton)
    if pin is not None:
        qtbot.waitUntil(lambda: getattr(profiles.form, "pin", None) is not None)
        form = profiles.form
        qtbot.waitUntil(form.pin.isEnabled)
        qtbot.keyClicks(form.pin, pin)
        qtbot.keyClick(form.pin, Qt.Key.Key_Return)
    return wait_library(qtbot, window)


def wait_library(qtbot, window):
    qtbot.waitUntil(
        lambda: window.current is kinds.LibraryKind and kinds.LibraryKind in window.pages
    )
    page = window.pages[kinds.LibraryKind]
    qtbot.waitUntil(lambda: page.view is not None and not page.dirty)
    return page


def announce(changes, kinds, profile_id: str | None = None) -> None:
    """What the operation runner says after a write elsewhere (another window, the CLI)."""
    from kit.ui.changes import OpChanges

    changes.operation_did_execute.emit(OpChanges(kinds, profile_id), None)


def library_changed(changes) -> dict:
    """For qtbot.waitSignal(**library_changed(changes)): a library change was announced."""
    from kit.ui.changes import Change

    return {
        "signal": changes.operation_did_execute,
        "check_params_cb": lambda c, _initiator: c.touches(Change.LIBRARY),
    }


def close(window) -> None:
    window.close()
    window.shutdown()


def spanish_catalog(monkeypatch, folder: Path, messages: dict[str, str]) -> None:
    """Point kit.i18n at a catalog folder holding a Spanish .po with `messages`."""
    import kit.i18n

    lc = folder / "es" / "LC_MESSAGES"
    lc.mkdir(parents=True)
    entries = "".join(f'msgid "{k}"\nmsgstr "{v}"\n\n' for k, v in messages.items())
    (lc / "kit.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + entries,
        encoding="utf-8",
    )
    monkeypatch.setattr(kit.i18n, "TRANSLATIONS_DIR", folder)
