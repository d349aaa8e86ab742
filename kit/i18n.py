"""Translation of user-visible strings (gettext catalogs managed with babel).

Import what you need explicitly::

    from kit.i18n import _, ngettext, pgettext, N_

`N_` only marks a constant for extraction; translate it with `_` where it is shown.
Catalogs live in resources/translations/<lang>/LC_MESSAGES/kit.po; the compiled
.mo is used when present and not older, otherwise the .po is compiled and the .mo written
next to it for the next start (when that folder is writable).
"""

from __future__ import annotations

import contextlib
import gettext
import locale
import os
from pathlib import Path
from typing import TYPE_CHECKING

from kit import languages, number_format

if TYPE_CHECKING:  # babel is imported when a number or date is formatted (start-up time)
    from babel import Locale

DOMAIN = "kit"
TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "translations"

_current: gettext.NullTranslations = gettext.NullTranslations()
_locale_name = "en"


def _load(lang: str) -> gettext.NullTranslations:
    """The catalog for `lang`; a missing or unreadable one gives no translation, never a crash."""
    try:
        return _read_catalog(TRANSLATIONS_DIR / lang / "LC_MESSAGES")
    except (OSError, ValueError, UnicodeError):
        return gettext.NullTranslations()


def _read_catalog(folder: Path) -> gettext.NullTranslations:
    """The compiled .mo unless the .po is newer (a fresh clone, or after a pull)."""
    mo, po = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    if po.is_file():
        import io

        data = _compile(po)
        _save_quietly(mo, data)  # the next start reads the .mo (about 50 ms less)
        return gettext.GNUTranslations(io.BytesIO(data))
    return gettext.NullTranslations()


def _compile(po: Path) -> bytes:
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)  # plural forms from its header
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def _save_quietly(mo: Path, data: bytes) -> None:
    """Write the compiled catalog next to its .po (git ignores it); a read-only install
    keeps compiling in memory. Written under a unique name, then renamed, so a reader never
    sees half a file."""
    tmp = mo.with_name(f".{mo.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, mo)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def available_languages() -> list[str]:
    """Interface languages that have a catalog, plus English (the source language), in the
    order of kit.languages.SHIPPED (then any other catalog found, by code)."""
    langs = {"en"}
    if TRANSLATIONS_DIR.is_dir():
        for child in TRANSLATIONS_DIR.iterdir():
            folder = child / "LC_MESSAGES"
            if (folder / f"{DOMAIN}.po").is_file() or (folder / f"{DOMAIN}.mo").is_file():
                langs.add(child.name)
    return languages.ordered(langs)


def system_language() -> str:
    for var in ("KIT_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return value.split(":")[0].split(".")[0] or "en"
    try:
        return (locale.getlocale()[0] or "en").split(".")[0]
    except ValueError:
        return "en"


def set_language(lang: str | None) -> str:
    """Switch the interface language; returns the locale actually used.

    A language without a catalog falls back to its base language ('es_MX' -> 'es'),
    then to English.
    """
    global _current, _locale_name
    lang = (lang or system_language()).replace("-", "_")
    if lang in ("C", "POSIX", ""):
        lang = "en"
    _current, _locale_name = gettext.NullTranslations(), "en"
    if lang == languages.PSEUDO:  # development: kit.pseudo, English numbers and dates
        from kit.pseudo import PseudoTranslations

        _current, _locale_name = PseudoTranslations.from_template(TRANSLATIONS_DIR), lang
        return _locale_name
    for cand in (lang, lang.split("_")[0]):
        trans = _load(cand)
        if isinstance(trans, gettext.GNUTranslations) or cand == "en":
            _current, _locale_name = trans, cand
            break
    return _locale_name


# Qt's own texts (OK, Cancel, Yes, No in dialogs; the line edit's context menu) come from
# Qt's catalogs, qtbase_LANG.qm, in PySide6's translations folder. Only the interface
# languages' catalogs are shipped (build/bundle_files.py).
QT_CATALOG = "qtbase"
_qt_translators: list = []


def qt_translations_dirs() -> list[Path]:
    """Where Qt's catalogs are: Qt's own idea, then next to PySide6 (a frozen bundle)."""
    import PySide6
    from PySide6.QtCore import QLibraryInfo

    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    folders.append(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return folders


def install_qt_translations(app, lang: str | None = None) -> bool:
    """Make Qt's own buttons and menus speak `lang` (the current language by default).

    Replaces the catalog installed before; English needs none. Returns whether Qt has a
    catalog for the language (False leaves Qt's English texts, never an error).
    """
    from PySide6.QtCore import QTranslator

    lang = (lang or _locale_name).replace("-", "_")
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    if lang.split("_")[0] == "en":
        return True
    for folder in qt_translations_dirs():
        for name in (lang, lang.split("_")[0]):
            translator = QTranslator(app)
            if translator.load(f"{QT_CATALOG}_{name}", str(folder)):
                app.installTranslator(translator)
                _qt_translators.append(translator)
                return True
    return False


# Languages written in Arabic script: their letters are small for a given point size and
# their marks above and below need room between lines (kit.ui.widgets.style).
ARABIC_SCRIPT = frozenset({"ar", "fa", "ur", "ps", "sd", "ug", "ckb"})


def current_language() -> str:
    """The interface language in use ('en', 'es', 'ar', ...)."""
    return _locale_name


def uses_arabic_script(lang: str | None = None) -> bool:
    return (lang or _locale_name).replace("-", "_").split("_")[0] in ARABIC_SCRIPT


def current_locale() -> Locale:
    """The babel Locale to format dates and numbers with."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse("en" if _locale_name == languages.PSEUDO else _locale_name)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:
    return message


def format_number(value: float | int) -> str:
    quick = number_format.format_number(value, _locale_name)  # babel only when needed
    if quick is not None:
        return quick
    from babel.numbers import format_decimal

    return format_decimal(value, locale=current_locale())


def format_percent(fraction: float) -> str:
    """A fraction as a percentage in the locale's style: 0.42 -> '42%' (en), '42 %' (es)."""
    quick = number_format.format_percent(fraction, _locale_name)
    if quick is not None:
        return quick
    from babel.numbers import format_percent as _fp

    return _fp(fraction, locale=current_locale())


def format_size(num_bytes: int) -> str:
    """Human-readable size, e.g. '1.5 MB', with the locale's number format."""
    units = [N_("{n} B"), N_("{n} KB"), N_("{n} MB"), N_("{n} GB")]
    value = float(num_bytes)
    for unit in units:
        if value < 1000 or unit is units[-1]:
            shown = format_number(
                round(value, 1) if value >= 10 or unit is units[0] else round(value, 2)
            )
            return _(unit).format(n=shown)
        value /= 1000
    raise AssertionError("unreachable")


def format_date(value, fmt: str = "medium") -> str:
    from babel.dates import format_date as _fd

    return _fd(value, format=fmt, locale=current_locale())


def format_datetime(value, fmt: str = "medium") -> str:
    from babel.dates import format_datetime as _fdt

    return _fdt(value, format=fmt, locale=current_locale())


set_language(None)


# argparse's own texts (usage, headings, errors) in `kit`'s help and messages; marked here
# for extraction, translated through `translate_argparse`.
_ARGPARSE_TEXTS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("ignored explicit argument %r"),
)


def translate_argparse() -> None:
    """Let argparse's own texts follow the interface language.

    argparse calls the module-level `_`/`ngettext` it imported from gettext each time it
    formats a text, so pointing them at this module's catalog is enough.
    """
    import argparse

    argparse._ = lambda message: message and _(message)  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
