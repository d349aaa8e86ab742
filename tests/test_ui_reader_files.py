"""A link to a lesson's data file in the reader asks for it to be saved (never opened)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl

from kit.core.render import render_markdown
from kit.ui.reader import browser as browser_module
from kit.ui.reader.browser import ContentBrowser, save_pack_file


def test_a_data_file_link_asks_for_the_file(qtbot) -> None:
    browser = ContentBrowser()
    qtbot.addWidget(browser)
    browser.show_html(render_markdown("Get [the data](media/data/lesson-data.zip)."))
    assert 'href="media/data/lesson-data.zip"' in browser.toHtml()
    with qtbot.waitSignal(browser.file_requested, timeout=5_000) as asked:
        browser.anchorClicked.emit(QUrl("media/data/lesson-data.zip"))
    assert asked.args == ["media/data/lesson-data.zip"]
    with qtbot.assertNotEmitted(browser.file_requested):
        browser.anchorClicked.emit(QUrl("media/../../etc/passwd"))


def test_saving_copies_the_file_where_the_learner_chose(qtbot, tmp_path: Path, monkeypatch):
    source = tmp_path / "store" / "lesson-data.zip"
    source.parent.mkdir()
    source.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    chosen = tmp_path / "Downloads" / "my-data.zip"
    chosen.parent.mkdir()
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    assert save_pack_file(None, source) == chosen
    assert chosen.read_bytes() == source.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert save_pack_file(None, source) is None


def test_a_failed_save_says_so(qtbot, tmp_path: Path, monkeypatch):
    source = tmp_path / "lesson-data.zip"
    source.write_bytes(b"data")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "no" / "x.zip"), "")
    )
    said = []
    monkeypatch.setattr(browser_module.QMessageBox, "warning", lambda *a: said.append(a[2]))
    assert save_pack_file(None, source) is None
    assert len(said) == 1 and "lesson-data.zip could not be saved" in said[0]
