"""The "Get packs" page against real catalogs: nginx on 127.0.0.1 and a folder (a USB stick).

Packs are built from sources written in tmp, published with build_catalog, and downloaded,
paused, resumed, cancelled and installed through the page's buttons like a user would.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel
from webservers import SLOW_FIRST_REQUEST, Nginx, free_port

from kit.core.catalog.catalog import build_catalog
from kit.core.catalog.get import Packs
from kit.core.library import Library
from kit.core.packformat.build import build_pack
from kit.core.packformat.scaffold import new_pack_source
from kit.core.paths import DataDir
from kit.core.signing import new_key
from kit.ui.context import AppContext
from kit.ui.getpacks import GetPacksPage
from kit.ui.worker import Worker

BIG = 300_000  # bytes of media in a "big" pack: ~9 s at 32 KB/s, so a pause is observable


def make_pack(work: Path, out: Path, pack_id: str, version: str = "1.0.0", *, title: str, languages: tuple[str, ...] = ("en", "es"), description: str = "", media: int = 0, min_app: str = "") -> Path:  # fmt: skip
    """Build PACK_ID-VERSION.kitpack from a fresh example source (optionally `media` bytes)."""
    src = work / f"src-{pack_id}-{version}"
    new_pack_source(src, pack_id)
    yaml = (src / "pack.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("\nversion: 0.1.0", f"\nversion: {version}")
    yaml = yaml.replace("title: My first pack", f"title: {title}")
    if description:
        yaml = yaml.replace("An example pack; change everything you like.", description)
    if min_app:
        yaml = yaml.replace("min_app_version: 0.1.0", f"min_app_version: {min_app}")
    if languages != ("en", "es"):
        yaml = yaml.replace("language: en", f"language: {languages[0]}")
        yaml = yaml.replace("languages: [en, es]", f"languages: [{', '.join(languages)}]")
        for path in sorted((src / "translations").rglob("*"), reverse=True):
            path.unlink() if path.is_file() else path.rmdir()
        (src / "translations").rmdir()
    (src / "pack.yaml").write_text(yaml, encoding="utf-8")
    if media:
        (src / "media" / "talk.mp3").write_bytes(os.urandom(media))
        lesson = src / "modules" / "basics" / "01-welcome.md"
        lesson.write_text(lesson.read_text() + "\n[Listen](../../media/talk.mp3)\n")
    out.mkdir(parents=True, exist_ok=True)
    return build_pack(src, out)


@pytest.fixture
def ctx(data_dir: Path):
    """An AppContext like the app's: the library opened on the worker thread."""
    worker = Worker()
    data = DataDir(data_dir).ensure()
    context = AppContext(data=data, worker=worker)
    context.library = worker.call(lambda: Library(data))
    yield context
    worker.call(context.library.close)
    worker.stop()


@pytest.fixture
def open_page(ctx, qtbot):
    """Opens pages; shuts them down (as the app does at exit) before qtbot deletes them."""
    pages: list[GetPacksPage] = []

    def open_() -> GetPacksPage:
        page = GetPacksPage(ctx)
        qtbot.addWidget(page)
        pages.append(page)
        page.resize(900, 700)
        page.show()
        qtbot.waitUntil(lambda: page.loading == 0 and page.listing is not None)
        return page

    yield open_
    for page in pages:
        page.shutdown()


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A web site with two packs: First aid (en, es) and Clean water (fr, sw)."""
    folder = tmp_path / "site"
    make_pack(tmp_path, folder, "first-aid", title="First aid", description="Help someone who is hurt.")  # fmt: skip
    make_pack(tmp_path, folder, "clean-water", title="Clean water", languages=("fr", "sw"), description="Safe water at home.")  # fmt: skip
    build_catalog(folder)
    return folder


@pytest.fixture
def nginx(site: Path, tmp_path: Path):
    with Nginx(site, tmp_path / "nginx") as server:
        yield server


@pytest.fixture
def slow_nginx(tmp_path: Path):
    folder = tmp_path / "slow-site"
    make_pack(tmp_path, folder, "big-course", title="Big course", media=BIG)
    build_catalog(folder)
    with Nginx(folder, tmp_path / "nginx-slow", extra=SLOW_FIRST_REQUEST) as server:
        yield server


def add_source(ctx, location: str) -> None:
    Packs(ctx.data, ctx.library).sources.add(location)


def installed(ctx) -> list[tuple[str, str]]:
    return [(p["id"], p["version"]) for p in ctx.worker.call(ctx.library.list_packs)]


def leftovers(ctx) -> list[str]:
    folder = ctx.data.downloads
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != "queue.json")


def queued(ctx) -> list[str]:
    path = ctx.data.downloads / "queue.json"
    return [j["id"] for j in json.loads(path.read_text())["jobs"]] if path.exists() else []


def click(qtbot, button) -> None:
    # A widget added to a shown layout is shown by a queued event: wait for it like a user.
    qtbot.waitUntil(lambda: button.isVisible() and button.isEnabled())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def start_download(qtbot, page, pack_id: str) -> None:
    click(qtbot, page.cards[pack_id].button)
    qtbot.waitUntil(lambda: pack_id in page.rows)


def wait_installed(qtbot, ctx, page, pack_id: str, version: str) -> None:
    qtbot.waitUntil(lambda: pack_id not in page.rows, timeout=20_000)
    assert (pack_id, version) in installed(ctx)


# -- browsing ------------------------------------------------------------------------------
def test_no_sources_shows_how_to_add_one(open_page) -> None:
    page = open_page()
    assert page.empty.state == "no-sources" and page.empty.add_button.isVisible()
    assert page.cards == {} and not page.source_warning.isVisible()


def test_a_plain_http_source_is_not_added_when_the_learner_declines(
    ctx, open_page, qtbot, nginx
) -> None:
    page = open_page()
    click(qtbot, page.empty.add_button)
    dialog = page.sources_dialog
    qtbot.keyClicks(dialog.address, nginx.url("/"))
    qtbot.keyClick(dialog.address, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.http_confirm.isVisible)
    assert "could change its catalog and packs on the way" in dialog.http_text.text()
    click(qtbot, dialog.http_cancel_button)
    assert not dialog.http_confirm.isVisible() and not dialog.busy
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.empty.isVisible())
    assert dialog.list.count() == 0  # the sources as kept on disk: none
    dialog.close()


def test_a_plain_http_catalog_signed_by_a_trusted_key_is_added_without_asking(
    ctx, open_page, qtbot, tmp_path: Path
) -> None:
    key, public = new_key(tmp_path / "keys", "ngo")
    site = tmp_path / "signed-site"
    make_pack(tmp_path, site, "maths", title="Everyday maths")
    build_catalog(site, sign_key=key)
    ctx.worker.call(lambda: ctx.library.trust_key(public, "Health NGO"))
    with Nginx(site, tmp_path / "nginx-signed") as server:
        page = open_page()
        click(qtbot, page.empty.add_button)
        dialog = page.sources_dialog
        qtbot.keyClicks(dialog.address, server.url("/"))
        click(qtbot, dialog.add_button)
        qtbot.waitUntil(lambda: not dialog.busy and dialog.list.count() == 1)
        assert not dialog.http_confirm.isVisible()
        assert dialog.message.text() == f"Added {server.url('/')}: 1 pack."
        dialog.close()


def test_sources_dialog_adds_a_web_source_and_a_folder_then_lists_offers(
    ctx, open_page, qtbot, nginx, tmp_path: Path, monkeypatch
) -> None:
    usb = tmp_path / "usb"
    make_pack(tmp_path, usb, "maths", title="Everyday maths", languages=("sw",))
    build_catalog(usb)
    page = open_page()
    click(qtbot, page.empty.add_button)
    dialog = page.sources_dialog
    qtbot.keyClicks(dialog.address, nginx.url("/"))
    click(qtbot, dialog.add_button)
    # Plain http, unsigned: the risk is explained first and nothing is added until confirmed.
    qtbot.waitUntil(dialog.http_confirm.isVisible)
    assert "plain http://" in dialog.http_text.text()
    assert not dialog.busy and dialog.list.count() == 0
    click(qtbot, dialog.http_add_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.list.count() == 1)
    assert not dialog.http_confirm.isVisible()
    assert dialog.message.text() == f"Added {nginx.url('/')}: 2 packs."
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    click(qtbot, dialog.folder_button)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.list.count() == 2)
    assert f"{usb}\nFolder · catalog read " in dialog.list.item(1).text()

    # A folder without a catalog is refused in one sentence and not kept.
    empty = tmp_path / "empty-stick"
    empty.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(empty))
    click(qtbot, dialog.folder_button)
    qtbot.waitUntil(lambda: dialog.message.property("error") is True)
    assert dialog.message.text() == f"There is no catalog.json in {empty}; is the USB stick plugged in?"  # fmt: skip
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.list.count() == 2
    dialog.close()

    qtbot.waitUntil(lambda: sorted(page.cards) == ["clean-water", "first-aid", "maths"])
    qtbot.waitUntil(lambda: page.loading == 0)
    card = page.cards["first-aid"]
    assert card.status.text() == "Not installed" and card.button.text() == "Download"
    assert page.count.text() == "3 packs"


def test_statuses_and_filters(ctx, open_page, qtbot, nginx, tmp_path: Path) -> None:
    add_source(ctx, nginx.url("/"))
    ctx.worker.call(lambda: ctx.library.install(nginx.root / "first-aid-1.0.0.kitpack"))
    page = open_page()
    assert page.cards["first-aid"].status.text() == "Installed"
    assert not page.cards["first-aid"].button.isEnabled()
    assert page.cards["clean-water"].button.isEnabled()
    languages = [page.language.itemText(i) for i in range(page.language.count())]
    assert languages == ["All languages", "English", "French", "Spanish", "Swahili"]

    page.language.setCurrentIndex(page.language.findData("fr"))
    assert page.visible_offers() == ["clean-water"] and page.count.text() == "1 pack"
    page.language.setCurrentIndex(0)
    qtbot.keyClicks(page.search, "hurt")
    assert page.visible_offers() == ["first-aid"]
    page.search.clear()
    qtbot.keyClicks(page.search, "no such thing")
    assert page.visible_offers() == [] and page.empty.state == "no-match"
    page.search.clear()
    assert sorted(page.visible_offers()) == ["clean-water", "first-aid"]


def test_a_usb_stick_signed_by_a_trusted_key_is_verified_and_installs(
    ctx, open_page, qtbot, tmp_path: Path
) -> None:
    key, public = new_key(tmp_path / "keys", "ngo")
    usb = tmp_path / "usb"
    make_pack(tmp_path, usb, "maths", title="Everyday maths", languages=("sw",))
    make_pack(tmp_path, usb, "future", title="From the future", min_app="99.0.0")
    build_catalog(usb, sign_key=key)
    ctx.worker.call(lambda: ctx.library.trust_key(public, "Health NGO"))
    add_source(ctx, str(usb))
    page = open_page()
    maths, future = page.cards["maths"], page.cards["future"]
    assert maths.findChild(QLabel, "verified").text() == "✔ Verified publisher"
    assert future.status.text() == "Needs Training Kit 99.0.0 or newer"
    assert future.button.text() == "Unavailable" and not future.button.isEnabled()
    assert list(page.cards) == ["maths", "future"]  # what can be had comes first
    start_download(qtbot, page, "maths")
    wait_installed(qtbot, ctx, page, "maths", "1.0.0")


def test_an_unsigned_catalog_has_no_verified_mark(ctx, open_page, nginx) -> None:
    add_source(ctx, nginx.url("/"))
    page = open_page()
    assert page.cards["first-aid"].findChild(QLabel, "verified") is None


def test_an_unreachable_source_is_reported_in_one_sentence(ctx, open_page, nginx) -> None:
    dead = f"http://127.0.0.1:{free_port()}/packs/"
    add_source(ctx, nginx.url("/"))
    add_source(ctx, dead)
    page = open_page()
    warning = page.source_warning.text()
    assert page.source_warning.isVisible() and warning.startswith("Cannot fetch the catalog at")
    assert dead in warning and warning.count("\n") == 0
    assert sorted(page.cards) == ["clean-water", "first-aid"]  # the other source still shows


# -- downloads -----------------------------------------------------------------------------
def test_download_installs_the_pack_and_says_so(ctx, open_page, qtbot, nginx) -> None:
    add_source(ctx, nginx.url("/"))
    page = open_page()
    with qtbot.waitSignal(ctx.changes.library_changed, timeout=20_000):
        start_download(qtbot, page, "clean-water")
    wait_installed(qtbot, ctx, page, "clean-water", "1.0.0")
    assert page.notice.text() == "Installed Clean water 1.0.0."
    qtbot.waitUntil(lambda: page.cards["clean-water"].status.text() == "Installed")
    assert leftovers(ctx) == [] and queued(ctx) == []


def test_pause_and_resume_without_downloading_a_byte_twice(ctx, open_page, qtbot, slow_nginx) -> None:  # fmt: skip
    add_source(ctx, slow_nginx.url("/"))
    page = open_page()
    start_download(qtbot, page, "big-course")
    row = page.rows["big-course"]
    qtbot.waitUntil(
        lambda: "left" in row.detail.text()
    )  # e.g. "40 KB of 302.8 KB · 32 KB/s · about 9 seconds left"
    assert " of 302.8 KB · " in row.detail.text() and "/s · about " in row.detail.text()
    click(qtbot, row.pause_button)
    qtbot.waitUntil(lambda: row.state == "paused")
    job = page.jobs["big-course"]
    kept = job.download.partial_size()
    assert 0 < kept < job.entry.size
    assert row.detail.text().startswith("Paused · ") and row.resume_button.isVisible()
    assert page.cards["big-course"].button.text() == "Paused"
    assert installed(ctx) == [] and queued(ctx) == ["big-course"]

    click(qtbot, row.resume_button)
    wait_installed(qtbot, ctx, page, "big-course", "1.0.0")
    assert job.download.bytes_received == job.entry.size  # the resumed part only
    assert leftovers(ctx) == [] and queued(ctx) == []


def test_cancel_removes_the_partial_download(ctx, open_page, qtbot, slow_nginx) -> None:
    add_source(ctx, slow_nginx.url("/"))
    page = open_page()
    start_download(qtbot, page, "big-course")
    row = page.rows["big-course"]
    qtbot.waitUntil(lambda: row.bar.value() > 0)
    assert any(name.endswith(".part") for name in leftovers(ctx))
    click(qtbot, row.cancel_button)
    qtbot.waitUntil(lambda: "big-course" not in page.rows)
    assert page.notice.text() == "The download of Big course was cancelled."
    assert leftovers(ctx) == [] and queued(ctx) == [] and installed(ctx) == []
    assert page.cards["big-course"].button.text() == "Download"


def test_unfinished_download_is_offered_again_after_a_restart(ctx, open_page, qtbot, slow_nginx) -> None:  # fmt: skip
    add_source(ctx, slow_nginx.url("/"))
    first = open_page()
    start_download(qtbot, first, "big-course")
    qtbot.waitUntil(lambda: first.rows["big-course"].bar.value() > 0)
    first.shutdown()  # the app closes: the download pauses, its partial file stays
    first.close()

    second = open_page()  # the app starts again
    qtbot.waitUntil(lambda: "big-course" in second.rows)
    row = second.rows["big-course"]
    assert row.state == "paused" and row.detail.text().startswith("Paused · ")
    assert row.bar.value() > 0
    click(qtbot, row.resume_button)
    wait_installed(qtbot, ctx, second, "big-course", "1.0.0")
    assert leftovers(ctx) == [] and queued(ctx) == []


def test_a_remembered_download_can_be_cancelled(ctx, open_page, qtbot, slow_nginx) -> None:
    add_source(ctx, slow_nginx.url("/"))
    first = open_page()
    start_download(qtbot, first, "big-course")
    qtbot.waitUntil(lambda: first.rows["big-course"].bar.value() > 0)
    first.shutdown()
    second = open_page()
    qtbot.waitUntil(lambda: "big-course" in second.rows)
    click(qtbot, second.rows["big-course"].cancel_button)
    qtbot.waitUntil(lambda: "big-course" not in second.rows)
    assert leftovers(ctx) == [] and queued(ctx) == []


def test_a_tampered_pack_is_refused_and_nothing_is_installed(ctx, open_page, qtbot, nginx) -> None:  # fmt: skip
    pack = nginx.root / "first-aid-1.0.0.kitpack"
    data = bytearray(pack.read_bytes())
    data[len(data) // 2] ^= 0xFF  # same size, different bytes: only the SHA-256 can tell
    pack.write_bytes(bytes(data))
    add_source(ctx, nginx.url("/"))
    page = open_page()
    start_download(qtbot, page, "first-aid")
    row = page.rows["first-aid"]
    qtbot.waitUntil(lambda: row.state == "failed", timeout=20_000)
    assert row.detail.text() == (
        "First aid 1.0.0 was damaged on the way (its SHA-256 does not match the catalog);"
        " it was deleted, try again."
    )
    assert row.retry_button.isVisible() and row.cancel_button.text() == "Remove"
    assert installed(ctx) == [] and leftovers(ctx) == []
    click(qtbot, row.cancel_button)
    qtbot.waitUntil(lambda: "first-aid" not in page.rows)
    assert queued(ctx) == [] and page.cards["first-aid"].button.text() == "Download"


def test_an_update_shows_what_is_new_and_installs(ctx, open_page, qtbot, nginx, tmp_path: Path) -> None:  # fmt: skip
    add_source(ctx, nginx.url("/"))
    page = open_page()
    start_download(qtbot, page, "first-aid")
    wait_installed(qtbot, ctx, page, "first-aid", "1.0.0")

    make_pack(tmp_path, nginx.root, "first-aid", "1.1.0", title="First aid")
    build_catalog(nginx.root)
    qtbot.waitUntil(lambda: page.loading == 0)
    click(qtbot, page.refresh_button)
    card = lambda: page.cards["first-aid"]  # noqa: E731  (cards are rebuilt on refresh)
    qtbot.waitUntil(lambda: card().offer.status == "update")
    assert card().status.text() == "Update available: 1.0.0 → 1.1.0"
    assert card().button.text() == "Update" and next(iter(page.cards)) == "first-aid"
    start_download(qtbot, page, "first-aid")
    wait_installed(qtbot, ctx, page, "first-aid", "1.1.0")
    assert installed(ctx).count(("first-aid", "1.1.0")) == 1
    assert page.notice.text() == "Updated First aid from 1.0.0 to 1.1.0."
    qtbot.waitUntil(lambda: card().status.text() == "Installed")
