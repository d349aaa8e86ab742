"""The reader page with real widgets, a real pack in a real Library and real Records:
lessons with images (from the media store only), links, right-to-left text, text size,
slides, activities and keyboard navigation."""

from __future__ import annotations

import sqlite3

import ui_reader_pack
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from ui_reader_pack import PACK_ID, open_page
from ui_shell import activate

from kit.ui.reader import ReaderPage
from kit.ui.reader import browser as browser_module

reader_env = ui_reader_pack.reader_env  # the fixture


def viewed(env) -> list[str]:
    with sqlite3.connect(env.ctx.data.records_db) as conn:
        rows = conn.execute("SELECT item_id FROM events WHERE verb = 'viewed'").fetchall()
    return [r[0] for r in rows]


def test_lesson_image_comes_from_the_media_store_only(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    browser = page.views["lesson"].browser
    assert page.stack.currentWidget() is page.views["lesson"]
    assert "Welcome" in browser.toPlainText()
    assert browser.loaded_resources == ["media/sea.png"]
    image = browser.document().resource(
        QTextDocument.ResourceType.ImageResource, QUrl("media/sea.png")
    )
    assert image is not None and image.width() == 320
    assert page.header.title.text() == "Welcome to the reader"
    # The remote picture is a link, never an image; asking for it directly gives nothing.
    assert "A picture on the internet" in browser.toPlainText()
    remote = QUrl(reader_env.server.url("/remote.png"))
    image_kind = QTextDocument.ResourceType.ImageResource.value
    assert browser.loadResource(image_kind, remote).isNull()
    assert browser.loadResource(image_kind, QUrl("/etc/passwd")).isNull()
    assert browser.loadResource(image_kind, QUrl("file:///etc/passwd")).isNull()
    assert reader_env.server.requests == []
    # Opening recorded "viewed" (after the item appeared, as its own durable write).
    qtbot.waitUntil(lambda: viewed(reader_env) == ["welcome"], timeout=10_000)


def click_link(qtbot, page, browser, href: str) -> None:
    """Activate a link the way a click does (anchorClicked with its URL)."""
    assert href in browser.toHtml()
    browser.anchorClicked.emit(QUrl(href))


def test_internal_link_opens_the_item(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    moves = []
    page.item_requested.connect(lambda p, i: moves.append((p, i)))
    with qtbot.waitSignal(page.item_shown, timeout=10_000) as shown:
        click_link(qtbot, page, page.views["lesson"].browser, "item:deck")
    assert shown.args == [PACK_ID, "deck"]
    assert moves == [(PACK_ID, "deck")]
    assert page.stack.currentWidget() is page.views["slides"]


def test_external_link_asks_first(qtbot, reader_env, monkeypatch):
    page = open_page(qtbot, reader_env, "welcome")
    browser = page.views["lesson"].browser
    asked, opened = [], []
    answer = {"value": False}

    def confirm(parent, url):
        asked.append(url.toString())
        return answer["value"]

    monkeypatch.setattr(browser_module, "confirm_external", confirm)
    monkeypatch.setattr(
        browser_module.QDesktopServices,
        "openUrl",
        lambda url: opened.append(url.toString()) or True,
    )
    click_link(qtbot, page, browser, "https://example.org/more")
    assert asked == ["https://example.org/more"] and opened == []
    answer["value"] = True
    click_link(qtbot, page, browser, "https://example.org/more")
    assert opened == ["https://example.org/more"]
    assert page.view.item["id"] == "welcome"  # the reader stayed where it was


def test_arabic_lesson_is_right_to_left(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome", language="ar")
    browser = page.views["lesson"].browser
    assert "مرحبا" in browser.toPlainText()
    assert page.header.title.text() == "مرحبا بك في القارئ"
    assert "الأساسيات" in page.header.crumbs.text()
    assert browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert browser.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    block = browser.document().firstBlock()
    assert block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert browser.loaded_resources == ["media/sea.png"]
    # An untranslated item falls back to English, left to right.
    with qtbot.waitSignal(page.item_shown, timeout=10_000):
        page.go_next()
    slides = page.views["slides"].browser
    assert "First slide" in slides.toPlainText()
    assert slides.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_slides_one_at_a_time(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "deck")
    slides = page.views["slides"]
    text = slides.browser.toPlainText
    assert "First slide" in text() and "Second slide" not in text()
    assert slides.counter.text() == "Slide 1 of 3"
    assert not slides.previous_button.isEnabled()
    qtbot.mouseClick(slides.next_button, Qt.MouseButton.LeftButton)
    assert "Second slide" in text() and "First slide" not in text()
    assert slides.counter.text() == "Slide 2 of 3"
    slides.browser.setFocus()
    qtbot.keyClick(slides.browser, Qt.Key.Key_PageDown)
    assert "Third slide" in text() and slides.counter.text() == "Slide 3 of 3"
    qtbot.keyClick(slides.browser, Qt.Key.Key_Left)
    assert slides.counter.text() == "Slide 2 of 3"
    # Reaching the last slide completed the deck.
    qtbot.waitUntil(lambda: page.footer.done.text() == "✓ Done", timeout=10_000)
    qtbot.waitUntil(lambda: "1 of 4 done" in page.header.progress_text.text(), timeout=10_000)


def test_activity_shows_facts_and_reveals_the_solution(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "pairs")
    browser = page.views["activity"].browser
    text = browser.toPlainText()
    assert "Discussion" in text and "20 minutes" in text
    assert "paper" in text and "coloured pens" in text
    assert "Any honest answer" not in text and "Show solution" in text
    click_link(qtbot, page, browser, "kit-reveal:1")
    assert "Any honest answer is a good one." in browser.toPlainText()


def test_lesson_solution_is_revealed_on_demand(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    browser = page.views["lesson"].browser
    assert "forty-two" not in browser.toPlainText()
    click_link(qtbot, page, browser, "kit-reveal:1")
    assert "The answer is forty-two." in browser.toPlainText()


def test_keyboard_next_and_previous(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    activate(qtbot, page)
    page.views["lesson"].browser.setFocus()
    with qtbot.waitSignal(page.item_shown, timeout=10_000) as shown:
        qtbot.keyClick(
            page.views["lesson"].browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
        )
    assert shown.args == [PACK_ID, "deck"]
    assert page.footer.position.text() == "Item 2 of 5"
    with qtbot.waitSignal(page.item_shown, timeout=10_000) as shown:
        qtbot.keyClick(
            page.views["slides"].browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier
        )
    assert shown.args == [PACK_ID, "welcome"]
    assert not page.footer.previous.isEnabled()
    # Next marked the lesson as done before moving on.
    qtbot.waitUntil(lambda: page.footer.done.text() == "✓ Done", timeout=10_000)


def test_text_size_changes(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    browser = page.views["lesson"].browser
    before = browser.point_size()
    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(browser, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert browser.point_size() > before
    assert reader_env.ctx.text_scale == 1.3  # two steps of the Settings scale: Large, Larger
    qtbot.mouseClick(page.header.smaller, Qt.MouseButton.LeftButton)
    assert reader_env.ctx.text_scale == 1.15
    qtbot.keyClick(browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert browser.point_size() == before


def test_every_control_has_an_accessible_name(qtbot, reader_env):
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QTextBrowser

    page = open_page(qtbot, reader_env, "welcome")
    for kind in (QAbstractButton, QTextBrowser, QLineEdit):
        for widget in page.findChildren(kind):
            assert widget.accessibleName() or (
                isinstance(widget, QAbstractButton) and widget.text()
            ), widget
    assert all(isinstance(w, QLabel) for w in [page.header.title, page.header.crumbs])


def test_finish_on_the_last_item_goes_back_to_the_library(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "feedback")
    assert page.footer.next.text() == "Finish"
    assert not page.footer.done.isVisible()  # surveys do not count towards the module
    with qtbot.waitSignal(page.back_requested, timeout=5_000):
        qtbot.mouseClick(page.footer.next, Qt.MouseButton.LeftButton)


def test_back_button_and_missing_item(qtbot, reader_env):
    page = open_page(qtbot, reader_env, "welcome")
    with qtbot.waitSignal(page.back_requested, timeout=5_000):
        qtbot.mouseClick(page.header.back, Qt.MouseButton.LeftButton)
    page2 = ReaderPage(reader_env.ctx)
    qtbot.addWidget(page2)
    page2.open_item(PACK_ID, "no-such-item")
    qtbot.waitUntil(lambda: "not in the library" in page2.message.label.text(), timeout=10_000)
    assert page2.stack.currentWidget() is page2.message


def test_text_size_steps_are_the_ones_settings_names(qtbot, reader_env):
    from kit.ui.dialogs.settings import SettingsDialog
    from kit.ui.operations.settings import TEXT_SCALES

    page = open_page(qtbot, reader_env, "welcome")
    seen = []
    for _step in range(len(TEXT_SCALES) + 2):  # past the end: stays at the largest
        qtbot.mouseClick(page.header.larger, Qt.MouseButton.LeftButton)
        seen.append(reader_env.ctx.text_scale)
    assert set(seen) <= set(TEXT_SCALES) and seen[-1] == TEXT_SCALES[-1]
    assert not page.header.larger.isEnabled()
    for _step in range(3):
        qtbot.mouseClick(page.header.smaller, Qt.MouseButton.LeftButton)
    assert reader_env.ctx.text_scale == 1.3
    dialog = SettingsDialog("en", reader_env.ctx.text_scale)
    qtbot.addWidget(dialog)
    assert dialog.size.currentText() == "Larger"  # not "Small", as a free value used to give
    with qtbot.waitSignal(dialog.applied) as applied:
        dialog._accept()
    assert applied.args == ["en", 1.3]
    # A size that is not a step (an old settings file, another version) reads as the nearest.
    other = SettingsDialog("en", 1.2)
    qtbot.addWidget(other)
    assert other.size.currentText() == "Large"
