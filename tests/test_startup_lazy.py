"""What the start leaves to first use still works the first time it is used.

The app's start does not import the About page's software list, OpenSSL (PIN hashing)
or the certificate and restore code (bench/startup.py); each is imported when asked for.
"""

from __future__ import annotations

import gc
import subprocess
import sys

from ui_shell import add_profile, close, open_window, prepare, sign_in

from kit.core.records import CertificateData, RestoreLoss, RestoreResult


def test_about_lists_the_software_the_first_time_it_is_opened(qtbot, data_dir) -> None:
    prepare(data_dir)
    add_profile(data_dir, "Ana")
    window = open_window(qtbot, data_dir)
    sign_in(qtbot, window, "Ana")
    page = window.show_about()
    qtbot.waitUntil(lambda: any(row.startswith("PySide6") for row in page.component_rows))
    close(window)


def test_a_profile_with_a_pin_signs_in_after_a_start_without_openssl(qtbot, data_dir) -> None:
    prepare(data_dir)
    add_profile(data_dir, "Ben", pin="4821")
    window = open_window(qtbot, data_dir)
    library = sign_in(qtbot, window, "Ben", pin="4821")
    assert window.ctx.profile is not None and window.ctx.profile.name == "Ben"
    assert library.isVisible()
    close(window)


def test_the_records_package_still_offers_its_certificate_and_restore_types() -> None:
    assert CertificateData.__name__ == "CertificateData"
    assert {RestoreLoss.__name__, RestoreResult.__name__} == {"RestoreLoss", "RestoreResult"}
    found = subprocess.run(
        [sys.executable, "-c", "import kit.core.records as r; r.NoSuchName"],
        capture_output=True,
        text=True,
    )
    assert "has no attribute 'NoSuchName'" in found.stderr


def test_the_garbage_collector_runs_again_once_the_app_has_painted(
    qtbot, data_dir, monkeypatch, capsys
) -> None:
    """kit.app.main turns it off for the start only (a long session must not grow)."""
    from kit.app import main

    prepare(data_dir)
    add_profile(data_dir, "Ana")
    monkeypatch.setenv("KIT_EXIT_WHEN_READY", "1")  # prints "ready" at the first paint, closes
    try:
        assert main.run_app(data_dir=str(data_dir), profile="Ana") == 0
        assert "ready" in capsys.readouterr().out
        assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()
