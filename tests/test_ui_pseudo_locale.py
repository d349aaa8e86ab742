"""Every screen under the pseudo-locale `qps` (kit.pseudo): each text a person sees comes
from the catalog (it carries the pseudo brackets; the user's own text, numbers and symbols
aside) and fits its widget, though every message is about 30% longer than in English."""

from __future__ import annotations

from pathlib import Path

import pytest
from pseudo_walk import cut_off, shown_texts, untranslated, words
from PySide6.QtWidgets import QApplication, QWidget
from ui_shell import GETTING_STARTED, add_profile, close, open_window, prepare, sign_in

import kit.i18n
from kit.core.paths import BUNDLED_PACKS_DIR, DataDir
from kit.core.records import Records
from kit.i18n import install_qt_translations, set_language
from kit.languages import PSEUDO
from kit.pseudo import is_pseudo, pseudo
from kit.ui.pages import kinds


def content_text() -> str:
    """The user's own text on these screens: the pack's words and the learner's name."""
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in GETTING_STARTED.rglob("*") if p.is_file() and p.suffix in {".md", ".yaml", ".yml", ".json"}]  # fmt: skip
    texts += [p.read_text(encoding="utf-8") for p in BUNDLED_PACKS_DIR.glob("*/pack.yaml")]
    return f" {words(' '.join([*texts, 'Ana', 'Training Kit']))} "


@pytest.fixture
def in_pseudo_locale():
    yield
    set_language("en")
    install_qt_translations(QApplication.instance(), "en")


def check(
    qtbot, screen: QWidget, name: str, problems: dict[str, list[str]], extra: str = ""
) -> None:
    qtbot.wait(50)  # layouts settle
    content = f"{CONTENT}{extra} "
    seen = [text for _w, _what, text in shown_texts(screen)]
    assert len(seen) >= 2, f"{name}: nothing on screen to check"  # the walk reached it
    assert any(is_pseudo(text) for text in seen), name
    for problem in untranslated(screen, content):
        problems.setdefault("not translated", []).append(f"{name}: {problem}")
    for problem in cut_off(screen):
        problems.setdefault("cut off", []).append(f"{name}: {problem}")


CONTENT = content_text()


def test_the_pseudo_locale_translates_every_message_longer_and_bracketed() -> None:
    assert set_language(PSEUDO) == PSEUDO
    assert kit.i18n._("Cancel") == pseudo("Cancel") and is_pseudo(kit.i18n._("Cancel"))
    shown = kit.i18n.ngettext("{n} pack", "{n} packs", 3).format(n=3)
    assert is_pseudo(shown) and "3" in shown
    assert kit.i18n._("not in the template") == "not in the template"
    for text in ("Search", "Choose a profile", "Lessons completed: {n}"):
        assert len(pseudo(text)) >= 1.3 * len(text)
    assert pseudo("{n} of {total}").count("{n}") == 1  # placeholders kept
    assert PSEUDO not in kit.i18n.available_languages()
    set_language("en")


def test_every_learner_screen_is_translated_and_fits(
    qtbot, data_dir, pack, tmp_path: Path, in_pseudo_locale
) -> None:
    prepare(data_dir, [pack])
    ana = add_profile(data_dir, "Ana")
    with Records(DataDir(data_dir)) as records:
        records.update_profile(ana.id, language=PSEUDO)  # or signing in switches to English
    window = open_window(qtbot, data_dir, language=PSEUDO)
    problems: dict[str, list[str]] = {}
    check(qtbot, window, "profiles", problems)
    library = sign_in(qtbot, window, "Ana")
    check(qtbot, window, "library", problems)
    for name, visit, kind in (
        ("search", lambda: window.search("profile"), kinds.SearchKind),
        ("get packs", window.show_get_packs, kinds.GetPacksKind),
        ("progress", window.show_progress, kinds.ProgressKind),
        ("reader", lambda: window.open_item("getting-started", "choose-a-profile"), kinds.ReaderKind),
    ):  # fmt: skip
        visit()
        qtbot.waitUntil(lambda kind=kind: window.current is kind, timeout=20_000)
        qtbot.wait(300)
        check(qtbot, window, name, problems)
    for name, opened in (
        ("pack details", lambda: window.pages[kinds.LibraryKind].show_details("getting-started")
         or window.pages[kinds.LibraryKind].details),
        ("sources", lambda: window.pages[kinds.GetPacksKind].open_sources()
         or window.pages[kinds.GetPacksKind].sources_dialog),
    ):  # fmt: skip
        window.show_library() if name == "pack details" else window.show_get_packs()
        qtbot.wait(300)
        dialog = opened()
        qtbot.waitUntil(dialog.isVisible)
        qtbot.wait(200)
        check(qtbot, dialog, name, problems)
        dialog.reject()
    for item in ("tour", "check-learning", "first-pack"):  # slides, a quiz, an activity
        window.open_item("getting-started", item)
        qtbot.waitUntil(lambda: window.current is kinds.ReaderKind, timeout=20_000)
        qtbot.wait(300)
        check(qtbot, window, f"reader {item}", problems)
    window.show_backups()
    qtbot.waitUntil(window.backups_dialog.isVisible)
    qtbot.wait(300)
    check(qtbot, window.backups_dialog, "backups", problems, extra=words(str(data_dir)))
    window.backups_dialog.reject()
    assert library is not None
    close(window)
    assert not problems, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())


def test_the_first_start_settings_and_help_screens_are_translated_and_fit(
    qtbot, data_dir, tmp_path: Path, monkeypatch, in_pseudo_locale
) -> None:
    import shutil

    from PySide6.QtWidgets import QPushButton

    from kit.languages import SHIPPED_CODES, endonym

    copy = tmp_path / "translations"  # every shipped language offered, as after the merges
    shutil.copytree(kit.i18n.TRANSLATIONS_DIR, copy, ignore=shutil.ignore_patterns("*.mo"))
    for code in SHIPPED_CODES[1:]:
        if not (copy / code).is_dir():
            shutil.copytree(copy / "es", copy / code)
    monkeypatch.setattr(kit.i18n, "TRANSLATIONS_DIR", copy)
    prepare(data_dir, [], first_start=True)
    window = open_window(qtbot, data_dir, language=PSEUDO)
    problems: dict[str, list[str]] = {}
    form = window.pages[kinds.ProfilesKind].form
    languages = [b for b in form.findChildren(QPushButton) if b.property("language")]
    assert [b.property("language") for b in languages] == list(SHIPPED_CODES)
    # the language choice: each language by its own name, as it is
    names = " ".join(endonym(b.property("language")) or "" for b in languages)
    check(qtbot, window, "first start", problems, extra=words(names))
    window.pages[kinds.ProfilesKind]._language_picked(PSEUDO)  # as a click on a language
    qtbot.waitUntil(lambda: hasattr(window.pages[kinds.ProfilesKind].form, "create_button"))
    check(qtbot, window, "first profile", problems)
    window.show_settings()
    qtbot.waitUntil(window.settings_dialog.isVisible)
    check(qtbot, window.settings_dialog, "settings", problems, extra=words(names))
    window.settings_dialog.reject()
    for name, visit, kind in (
        ("about", window.show_about, kinds.AboutKind),
        ("shortcuts", window.show_shortcuts, kinds.ShortcutsKind),
    ):
        visit()
        qtbot.waitUntil(lambda kind=kind: window.current is kind, timeout=20_000)
        check(qtbot, window, name, problems, extra=words(str(data_dir)))
    close(window)
    assert not problems, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())


def test_every_workshop_tab_and_the_kiosk_are_translated_and_fit(
    qtbot, data_dir, pack, in_pseudo_locale
) -> None:
    from test_presenter import add_facilitator, open_workshop
    from test_presenter import sign_in as facilitator_signs_in

    from kit.core.workshops.feedback import DEFAULT_SURVEY
    from kit.ui.kiosk.window import KioskWindow

    prepare(data_dir, [pack])
    add_facilitator(data_dir)
    set_language(PSEUDO)
    window = open_workshop(qtbot, data_dir)
    problems: dict[str, list[str]] = {}
    check(qtbot, window, "workshop sign-in", problems, extra=words("Rosa"))
    home = facilitator_signs_in(qtbot, window)
    for index in range(home.tabs.count()):
        home.tabs.setCurrentIndex(index)
        qtbot.wait(200)
        check(qtbot, window, f"workshop tab {index}", problems, extra=words("Rosa"))
    window.shutdown()
    window.ctx.worker.stop()
    kiosk = KioskWindow(
        kit.i18n._("Workshop feedback"),
        DEFAULT_SURVEY.questions,
        save=lambda answers: None,
        unlock=lambda pin: None,
        idle_ms=60_000,
    )
    qtbot.addWidget(kiosk)
    with qtbot.waitSignal(kiosk.start_shown):
        kiosk.start()
    check(qtbot, kiosk, "kiosk start", problems)
    kiosk.begin()
    qtbot.wait(200)
    check(qtbot, kiosk, "kiosk form", problems)
    kiosk.close()
    assert not problems, "\n".join(f"{k}:\n  " + "\n  ".join(v) for k, v in problems.items())


def test_the_cli_speaks_the_pseudo_locale_with_lang(run_kit, in_pseudo_locale) -> None:
    code, out, _err = run_kit("--lang", PSEUDO, "--help")
    assert code == 0
    assert "[ûûšåĝé:" in out  # argparse's own texts through the catalog too
    code, _out, err = run_kit("--lang", PSEUDO, "library", "install", "/no/such.kitpack")
    assert code == 1 and "Traceback" not in err
    assert is_pseudo(err) and "/no/such.kitpack" in err  # the error sentence, translated
