"""The bundled fonts (resources/fonts, Noto under the SIL OFL): Arabic, Devanagari and
Bengali text renders on a computer that has no font for them.

The interface language's own script's font is registered with Qt when the style is
applied; the others (about 3 ms for the six files) once the first screen has painted
(`register_the_rest`, kit.app.main). Each is named in the application font's family
list, as it is registered, after the system's own font,
so Latin text, digits and punctuation keep the system's font and metrics (and its "…"
when a text is elided), and Qt draws each letter the system's font lacks with the first
family that has it: the interface language's own script's font first, then the others.
A system font that has the script (DejaVu Sans has Arabic) keeps drawing it, as before.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from kit import languages
from kit.core.paths import RESOURCES_DIR

FONTS_DIR = RESOURCES_DIR / "fonts"
# script (ISO 15924) -> the bundled family and its files
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Arab": ("Noto Sans Arabic UI", ("NotoSansArabicUI-Regular.ttf", "NotoSansArabicUI-Bold.ttf")),
    "Deva": (
        "Noto Sans Devanagari UI",
        ("NotoSansDevanagariUI-Regular.ttf", "NotoSansDevanagariUI-Bold.ttf"),
    ),
    "Beng": (
        "Noto Sans Bengali UI",
        ("NotoSansBengaliUI-Regular.ttf", "NotoSansBengaliUI-Bold.ttf"),
    ),
}
_registered: dict[str, bool] = {}


def register(scripts: tuple[str, ...] | None = None) -> list[str]:
    """Register the bundled fonts of `scripts` (all when None) once; the families Qt now
    knows (a missing or damaged file leaves its script to the system's fonts, never an
    error)."""
    for script, (_family, files) in FAMILIES.items():
        if script in _registered or (scripts is not None and script not in scripts):
            continue
        ok = False
        for name in files:
            path = FONTS_DIR / name
            if path.is_file() and QFontDatabase.addApplicationFont(str(path)) >= 0:
                ok = True
        _registered[script] = ok
    return [FAMILIES[s][0] for s, ok in _registered.items() if ok]


def families_for(language: str, system_family: str) -> list[str]:
    """The font families, in order, for the interface in `language`: the system's, the
    language's own script's (registered now) and the other bundled ones registered so far."""
    script = languages.script(language)
    bundled = register((script,))
    own = FAMILIES.get(script, (None, ()))[0]
    first = [own] if own in bundled else []
    return [system_family, *first, *(f for f in bundled if f != own)]


def register_the_rest(app: QGuiApplication, language: str) -> None:
    """Register every bundled font not registered yet and name them in the application
    font (Qt lays out and repaints the widgets for the new font): run after the first
    paint, before a pack's text in another script needs them."""
    before = len(register((languages.script(language),)))
    if len(register()) > before:
        app.setFont(with_bundled_families(app.font(), language))


def with_bundled_families(font: QFont, language: str) -> QFont:
    """`font` drawing every shipped language's script (see the module's note)."""
    bundled = {family for family, _files in FAMILIES.values()}
    system = next((f for f in font.families() if f not in bundled), font.family())
    # The family Qt really draws with: an alias such as "Sans Serif" is matched when it is
    # the only family, but skipped in a list (the next family would draw Latin text too).
    system = QFontInfo(QFont(system)).family() or system
    font = QFont(font)
    font.setFamilies(families_for(language, system))
    return font
