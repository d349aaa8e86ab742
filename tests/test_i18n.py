"""Interface translations: the template follows the code, catalogs are complete and
correct, switching the language changes what the CLI and the window say, and no widget
text slips past `_()`."""

from __future__ import annotations

import ast
import gettext
import io
import shutil
import string
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import kit.i18n
import kit.languages
import kit.number_format
from kit.ui.pages import kinds

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
# Every shipped language but English (the source), from the one list the app offers.
SHIPPED = [code for code in kit.languages.SHIPPED_CODES if code != "en"]
# The catalogs held to be complete (a language's folder makes the app offer it, so a new
# language is added here once its catalog is translated).
COMPLETE = {"es", "ar", "fr", "pt", "hi", "bn"}
LANGUAGES = [code for code in SHIPPED if code in COMPLETE]
FIX = "run `make messages` and translate the new strings in resources/translations/*/kit.po"


def read_catalog(path: Path):
    with path.open("rb") as fh:
        return read_po(fh)


def po_path(lang: str) -> Path:
    return TRANSLATIONS / lang / "LC_MESSAGES" / "kit.po"


def keys(catalog) -> set[tuple[str | None, str]]:
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}


@pytest.fixture(autouse=True)
def english_afterwards():
    yield
    kit.i18n.set_language("en")


# -- the template and the catalogs ---------------------------------------------------------
def test_the_template_is_up_to_date_with_the_code(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    fresh = tmp_path / "kit.pot"
    CommandLineInterface().run(
        ["pybabel", "-q", "extract", "-F", "babel.cfg", "-o", str(fresh), "--no-location", "."]
    )
    extracted, committed = read_catalog(fresh), read_catalog(TRANSLATIONS / "kit.pot")
    new = sorted(m for _c, m in keys(extracted) - keys(committed))
    gone = sorted(m for _c, m in keys(committed) - keys(extracted))
    assert not new and not gone, (
        f"resources/translations/kit.pot is out of date ({len(new)} new strings, e.g. "
        f"{new[:3]}; {len(gone)} no longer in the code, e.g. {gone[:3]}): {FIX}"
    )
    plurals = {m.id for m in extracted if isinstance(m.id, tuple)}
    assert plurals == {m.id for m in committed if isinstance(m.id, tuple)}, FIX


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_has_a_translation(lang: str) -> None:
    template, catalog = read_catalog(TRANSLATIONS / "kit.pot"), read_catalog(po_path(lang))
    missing = keys(template) - keys(catalog)
    assert not missing, f"{lang}: {len(missing)} strings missing, e.g. {sorted(missing)[:3]}: {FIX}"
    untranslated = []
    for message in catalog:
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(f.strip() for f in forms):
            untranslated.append(message.id)
        if isinstance(message.id, tuple):
            assert len(forms) == catalog.num_plurals, (lang, message.id)
    assert not untranslated, f"{lang}: untranslated or fuzzy: {untranslated[:5]}"
    assert len(keys(catalog)) >= 500  # the whole interface, not a sample


def fields(text: str) -> set[str]:
    """The {placeholders} of a str.format template (ValueError when braces are broken)."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


# A count may be spelt out in a plural form (Arabic "حزمتان" for "2 packs"), so it may be left
# out of a form; every other placeholder must be kept.
COUNTS = {"n", "h"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_in_translations_match_the_original(lang: str) -> None:
    problems = []
    for message in read_catalog(po_path(lang)):
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            allowed = fields(message.id[0]) | fields(message.id[1])
            needed = allowed - COUNTS
            for form in message.string:
                got = fields(form)
                if not needed <= got <= allowed:
                    problems.append((message.id[0], form))
                form.format(**dict.fromkeys(allowed, "x"))
        elif fields(message.string) != fields(message.id):
            problems.append((message.id, message.string))
    assert not problems, f"{lang}: placeholders differ: {problems[:5]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogs_compile_without_errors(lang: str) -> None:
    catalog = read_catalog(po_path(lang))
    errors = [(m.id, errs) for m, errs in catalog.check()]
    assert not errors, errors[:5]
    buf = io.BytesIO()
    write_mo(buf, catalog)
    buf.seek(0)
    translations = gettext.GNUTranslations(buf)
    assert translations.info()["language"] == lang
    assert translations.gettext("Cancel") != "Cancel"


def test_arabic_has_six_plural_forms_as_cldr_counts_them() -> None:
    """0, 1, 2, 3-10, 11-99 and 100-102 each have their own form (babel's own table
    swaps the last two: python-babel/babel#816, so the header is written by hand)."""
    catalog = read_catalog(po_path("ar"))
    assert catalog.num_plurals == 6
    plural = gettext.c2py(catalog.plural_expr)
    assert [plural(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 111, 1000)] == [
        0, 1, 2, 3, 3, 4, 4, 5, 5, 5, 4, 5,
    ]  # fmt: skip
    kit.i18n.set_language("ar")
    shown = [kit.i18n.ngettext("{n} pack", "{n} packs", n).format(n=n) for n in (1, 2, 5, 11, 100)]
    assert shown == ["حزمة واحدة", "حزمتان", "5 حزم", "11 حزمة", "100 حزمة"]


# -- switching the language ------------------------------------------------------------------
def test_set_language_translates_and_falls_back() -> None:
    assert kit.i18n.set_language("es") == "es"
    assert kit.i18n._("Nothing found.") == "No se encontró nada."
    assert kit.i18n.ngettext("{n} module", "{n} modules", 3).format(n=3) == "3 módulos"
    assert kit.i18n.set_language("es_MX") == "es"  # a regional variant: its base language
    assert kit.i18n.set_language("ar") == "ar"
    assert kit.i18n._("Cancel") == "إلغاء"
    assert kit.i18n.set_language("xx") == "en"
    assert kit.i18n._("Nothing found.") == "Nothing found."


def test_a_catalog_without_mo_is_compiled_in_memory(tmp_path: Path, monkeypatch) -> None:
    copy = tmp_path / "translations"
    shutil.copytree(TRANSLATIONS, copy, ignore=shutil.ignore_patterns("*.mo"))
    monkeypatch.setattr(kit.i18n, "TRANSLATIONS_DIR", copy)
    assert kit.i18n.set_language("ar") == "ar"
    assert kit.i18n._("Search") == "بحث"
    mo = copy / "ar" / "LC_MESSAGES" / "kit.mo"  # kept for the next start
    (copy / "ar" / "LC_MESSAGES" / "kit.po").write_text("not a catalog", encoding="utf-8")
    mo.touch()  # newer than the .po: the saved .mo is read, not the .po
    assert kit.i18n.set_language("ar") == "ar"
    assert kit.i18n._("Search") == "بحث"
    assert not list(mo.parent.glob(".*.tmp"))


def test_a_damaged_catalog_falls_back_to_english(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "kit.mo").write_bytes(b"not a catalog")
    monkeypatch.setattr(kit.i18n, "TRANSLATIONS_DIR", tmp_path)
    assert kit.i18n.set_language("es") == "en"
    assert kit.i18n._("Cancel") == "Cancel"


def write_bad_source(folder: Path) -> Path:
    folder.mkdir()
    (folder / "pack.yaml").write_text("id: bad-pack\n", encoding="utf-8")
    return folder


def test_the_cli_speaks_spanish_with_lang(run_kit, tmp_path: Path) -> None:
    source = write_bad_source(tmp_path / "src")
    code, out, err = run_kit("--lang", "es", "pack", "validate", source)
    assert code == 1
    assert "Se encontraron 5 problemas." in out + err
    code, out, _err = run_kit("--lang", "es", "--help")
    assert code == 0 and "Ejecútalo sin un comando para abrir la aplicación" in " ".join(
        out.split()
    )
    code, _out, err = run_kit("--lang", "es", "pack", "validate")  # argparse's own texts too
    assert code == 2 and "se requieren los siguientes argumentos: SRC" in err
    assert err.startswith("uso: kit pack validate")
    kit.i18n.set_language("en")
    code, out, err = run_kit("pack", "validate", source)
    assert "5 problems found." in out + err
    code, _out, err = run_kit("pack", "validate")
    assert "the following arguments are required: SRC" in err


def test_pack_validate_problems_are_spanish_with_lang(run_kit, tmp_path: Path) -> None:
    source = write_bad_source(tmp_path / "src")
    (source / "pack.yaml").write_text("id: bad-pack\ncolour: red\n", encoding="utf-8")
    code, out, err = run_kit("--lang", "es", "pack", "validate", source)
    assert code == 1
    assert "campo desconocido 'colour'" in out + err
    assert "unknown field" not in out + err
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run_kit("--lang", "es", "pack", "validate", empty)
    assert code == 1
    assert "no es la fuente de un paquete: no se encontró pack.yaml" in out + err
    kit.i18n.set_language("en")


def test_the_cli_speaks_arabic_in_a_fresh_process(kit_exe, tmp_path: Path) -> None:
    import subprocess

    source = write_bad_source(tmp_path / "src")
    done = subprocess.run(
        [*kit_exe, "--lang", "ar", "pack", "validate", str(source)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "عُثر على 5 مشكلات." in done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_the_first_start_offers_every_shipped_language_with_a_catalog(
    tmp_path: Path, monkeypatch
) -> None:
    from kit.ui.pages.profiles import language_name

    assert {"en", *COMPLETE} <= set(kit.i18n.available_languages())
    copy = tmp_path / "translations"
    for code in SHIPPED:  # as after the translators' branches are merged
        folder = copy / code / "LC_MESSAGES"
        folder.mkdir(parents=True)
        shutil.copy(po_path("es"), folder / "kit.po")
    monkeypatch.setattr(kit.i18n, "TRANSLATIONS_DIR", copy)
    offered = kit.i18n.available_languages()
    assert offered == ["en", "es", "fr", "pt", "ar", "hi", "bn"]
    assert [language_name(code) for code in offered] == [
        "English", "Español", "Français", "Português", "العربية", "हिन्दी", "বাংলা",
    ]  # fmt: skip
    assert kit.languages.PSEUDO not in offered  # a development aid, chosen by hand only


def test_first_start_in_arabic_with_the_real_catalogs(qtbot, data_dir, tmp_path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton
    from ui_shell import build_getting_started, close, open_window, prepare

    prepare(data_dir, [build_getting_started(tmp_path / "packs")], first_start=True)
    (data_dir / "settings.json").write_text('{"bundled_offered": true}', encoding="utf-8")
    window = open_window(qtbot, data_dir)
    form = window.pages[kinds.ProfilesKind].form
    choices = {b.property("language"): b for b in form.findChildren(QPushButton)
               if b.property("language")}  # fmt: skip
    assert {code: b.text() for code, b in choices.items()} == {
        code: kit.languages.endonym(code) for code in kit.i18n.available_languages()
    }
    assert {"en": "English", "es": "Español", "ar": "العربية"}.items() <= {
        code: b.text() for code, b in choices.items()
    }.items()
    qtbot.mouseClick(choices["ar"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: hasattr(window.pages.get(kinds.ProfilesKind) and window.pages[kinds.ProfilesKind].form,
                                    "create_button"))  # fmt: skip
    texts = [w.text() for w in window.pages[kinds.ProfilesKind].form.findChildren(QLabel)]
    assert "مرحبًا! أنشئ ملفك الشخصي" in texts
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    finally:
        close(window)
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_numbers_and_percentages_follow_the_language() -> None:
    kit.i18n.set_language("es")
    assert kit.i18n.format_number(1234.5) == "1.234,5"
    assert kit.i18n.format_number(0.5) == "0,5"
    assert kit.i18n.format_size(1_500_000) == "1,5 MB"
    assert kit.i18n.format_percent(0.42).replace("\xa0", " ") == "42 %"
    kit.i18n.set_language("en")
    assert kit.i18n.format_number(1234.5) == "1,234.5"
    assert kit.i18n.format_percent(0.42) == "42%"


def test_numbers_dates_and_durations_follow_each_shipped_language(monkeypatch) -> None:
    from datetime import date, timedelta

    from kit.ui.getpacks.texts import language_name

    expected = {  # CLDR's patterns, through babel (kit.number_format for numbers)
        "fr": ("1\u202f234\u202f567,5", "42\xa0%", "2 déc. 2026"),
        "pt": ("1.234.567,5", "42%", "2 de dez. de 2026"),
        "hi": ("12,34,567.5", "42%", "2 दिस॰ 2026"),
        "bn": ("12,34,567.5", "42%", "2 ডিসে, 2026"),
    }
    for lang, (number, percent, day) in expected.items():
        monkeypatch.setattr(kit.i18n, "_locale_name", lang)
        assert kit.i18n.format_number(1234567.5) == number, lang
        assert kit.i18n.format_percent(0.42) == percent, lang
        assert kit.i18n.format_date(date(2026, 12, 2)) == day, lang
        assert language_name("es") != "Spanish", lang  # other languages named in this one
    monkeypatch.setattr(kit.i18n, "_locale_name", "hi")
    from babel.dates import format_timedelta

    assert format_timedelta(timedelta(minutes=5), locale=kit.i18n.current_locale()) == "5 मिनट"


NUMBERS = [0, 7, -3, 999, 1234, 1000000, 12.5, 1.25, 0.5, 2.675, 0.0015, -0.0001, -1234.5678,
           1e20, 1e-7, 0.075, 0.125, 0.42, 1, 0.999, 10**22]  # fmt: skip


@pytest.mark.parametrize("lang", kit.languages.SHIPPED_CODES)
def test_quick_number_formats_match_babel(lang: str, monkeypatch) -> None:
    """kit.number_format (no babel import at start-up) writes what babel writes."""
    monkeypatch.setattr(kit.i18n, "_locale_name", lang)  # the catalog may not be merged yet
    assert lang in kit.number_format.STYLES  # the quick path is the one taken
    sizes = [0, 999, 1000, 1234, 15_300, 1_500_000, 987_654_321, 12 * 10**12]
    formats = (kit.i18n.format_number, kit.i18n.format_percent)

    def shown() -> list[str]:
        return [f(v) for f in formats for v in NUMBERS] + [kit.i18n.format_size(n) for n in sizes]

    quick = shown()
    monkeypatch.setattr(kit.number_format, "STYLES", {})  # babel for every language
    assert quick == shown()


def test_numbers_rounded_on_their_digits_are_rounded_as_decimal_rounds_them() -> None:
    """kit.number_format rounds the usual numbers without decimal (start-up): the same text."""
    import random
    from decimal import Decimal

    rng = random.Random(18)
    values = [*NUMBERS, -0.0, 0.295, 0.285, 0.005, -0.005, 1 / 3, 10**30, float("inf")]
    values += [k / 100 for k in range(-120, 301)] + [k / 1000 for k in range(2001)]
    values += [rng.uniform(-1e7, 1e7) for _ in range(500)] + [rng.random() for _ in range(500)]
    nf = kit.number_format
    for style in nf.STYLES.values():
        for value in values:
            number = nf._decimal(value)
            for shift, places, scale in ((0, 3, 1), (2, 0, 100)):
                plain = nf._plain(value, shift, places, style)
                if plain is not None:  # else the Decimal way is taken
                    assert number is not None
                    assert plain == nf._format(number * Decimal(scale), places, style), value


# -- no widget text without _() ----------------------------------------------------------
# Calls whose string arguments are shown to the user. For the project's helpers, only the
# text arguments are checked (label(text, role), button(text, role, accessible)).
TEXT_METHODS = {
    "setText", "setWindowTitle", "setToolTip", "setPlaceholderText", "setStatusTip",
    "setWhatsThis", "addAction", "addTab", "addItem", "addItems", "insertItem", "setTitle",
    "setLabelText", "setHeaderLabels", "setHorizontalHeaderLabels", "setAccessibleName",
    "setAccessibleDescription", "showMessage", "setInformativeText", "setDetailedText",
    "setTabText", "setTabToolTip", "setButtonText", "setSuffix", "setPrefix",
    "setSpecialValueText", "addButton", "addRow", "setFormat", "information", "warning",
    "critical", "question", "about", "getText", "getItem", "getOpenFileName",
    "getOpenFileNames", "getSaveFileName", "getExistingDirectory", "setNameFilter",
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolButton", "QMenu", "QCommandLinkButton", "QMessageBox",
}  # fmt: skip
HELPER_TEXT_ARGS = {"label": (0,), "button": (0, 2), "pin_edit": (0,), "MessageBar": ()}
TEXT_KEYWORDS = {"text", "title", "toolTip", "accessible", "placeholderText", "caption"}
# Literal strings that are not words: symbols and separators around translated text.
ALLOWED = {"", " ", "—", "–", "%", "·", " · ", "…", "×", "✔ ", "← ", "→ ", "  ›  ", ", ", ": "}


def _literals(node: ast.AST):
    """String literals in an argument, outside _()/ngettext()/pgettext() calls."""
    if isinstance(node, ast.Call):  # another call's arguments are not shown as they are,
        if _name(node.func) not in {"_", "ngettext", "pgettext"}:  # but "...".format() is
            yield from _literals(node.func)
        return
    if isinstance(node, ast.Subscript):  # item["title"]: a key, not a text
        yield from _literals(node.value)
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node, node.value
        return
    if isinstance(node, ast.JoinedStr):  # an f-string: its words are its constant parts
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        yield node, _strip_tags(text)
        return
    for child in ast.iter_child_nodes(node):
        yield from _literals(child)


def _strip_tags(text: str) -> str:
    import re

    return re.sub(r"<[^>]*>", "", text)


def _name(func: ast.AST) -> str:
    return getattr(func, "attr", None) or getattr(func, "id", "")


def _text_arguments(call: ast.Call) -> list[ast.AST]:
    name = _name(call.func)
    if name in HELPER_TEXT_ARGS:
        positions = HELPER_TEXT_ARGS[name]
        args = [a for i, a in enumerate(call.args) if i in positions]
    elif name in TEXT_METHODS:
        args = list(call.args)
    else:
        return []
    return args + [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]


def untranslated_widget_texts(folder: Path, root: Path = ROOT) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for arg in _text_arguments(node):
                for literal, text in _literals(arg):
                    if text not in ALLOWED and any(c.isalpha() for c in text):
                        found.append(f"{path.relative_to(root)}:{literal.lineno}: {text!r}")
    return found


def test_widget_texts_go_through_gettext() -> None:
    found = untranslated_widget_texts(ROOT / "kit" / "ui")
    assert not found, "wrap these in _() (from kit.i18n import _):\n" + "\n".join(found)


def test_the_widget_text_check_finds_a_bare_string(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text(
        "from kit.i18n import _\n"
        "b = QPushButton('Save')\n"
        "b.setToolTip(_('Save the file'))\n"
        "t = label(f'Hello {name}', 'muted')\n"
        "b.setText('✔ ')\n",
        encoding="utf-8",
    )
    found = [line.split(": ", 1)[1] for line in untranslated_widget_texts(tmp_path, tmp_path)]
    assert found == ["'Save'", "'Hello '"]


def test_no_translation_call_inside_an_f_string() -> None:
    """pybabel does not look inside f-strings (Python 3.11): `f"<h2>{_('Title')}</h2>"`
    would never reach the catalogs, so the text stays English in every language."""
    found = []
    for path in sorted((ROOT / "kit").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                for call in ast.walk(node):
                    if isinstance(call, ast.Call) and _name(call.func) in {
                        "_", "ngettext", "pgettext", "N_",
                    }:  # fmt: skip
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, f"move the _() call out of the f-string: {found}"
