"""Each shipped language renders with the app's fonts: no letter of its catalog (or of a
sample, before its catalog is merged) or of its name in the choosers lacks a glyph, on a
computer with no font of its own for Arabic, Devanagari or Bengali; and each language has
the layout direction of its script."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtWidgets import QApplication

import kit.i18n
from kit import languages
from kit.core.render import is_rtl
from kit.ui import fonts
from kit.ui.widgets.style import apply_style

TRANSLATIONS = Path(kit.i18n.TRANSLATIONS_DIR)
# Used while a language's catalog is not merged: its letters, marks and punctuation.
SAMPLES = {
    "en": "Welcome! Create your profile. Lessons done: 3 of 12 — “Try again”…",
    "es": "¡Bienvenido! Crea tu perfil. ¿Lecciones terminadas? año, acción, pingüino",
    "fr": "Bienvenue ! Créez votre profil. « Réessayer » ; à è ê ë î ï ô ù û ü ÿ æ œ ç É",
    "pt": "Bem-vindo! Crie o seu perfil. Lições concluídas: ã õ ç á é í ó ú â ê ô à",
    "ar": "مرحبًا! أنشئ ملفك الشخصي. الدروس المكتملة: ٣ من ١٢؟",
    "hi": "स्वागत है! अपनी प्रोफ़ाइल बनाएँ। पूरे हुए पाठ: ३ में से १२",
    "bn": "স্বাগতম! আপনার প্রোফাইল তৈরি করুন। সম্পন্ন পাঠ: ১২টির মধ্যে ৩টি",
}


def shown_text(code: str) -> str:
    po = TRANSLATIONS / code / "LC_MESSAGES" / "kit.po"
    text = SAMPLES[code]
    if po.is_file():
        with po.open("rb") as fh:
            catalog = read_po(fh)
        for message in catalog:
            forms = message.string if isinstance(message.string, tuple) else (message.string,)
            text += "".join(f for f in forms if f)
    return text + languages.endonym(code)


def drawn(ch: str) -> bool:
    """Whether a character needs a glyph (not a space, a control or a joiner)."""
    return not ch.isspace() and unicodedata.category(ch) not in {"Cc", "Cf"}


@pytest.mark.parametrize("code", languages.SHIPPED_CODES)
def test_every_letter_of_the_language_has_a_glyph_in_the_apps_fonts(
    qapp, code, monkeypatch
) -> None:
    if kit.i18n.set_language(code) != code:  # its catalog is not merged yet
        monkeypatch.setattr(kit.i18n, "_locale_name", code)
    apply_style(QApplication.instance(), 1.0)
    families = QApplication.font().families()
    raw = {family: QRawFont.fromFont(QFont(family)) for family in families}
    assert all(r.isValid() for r in raw.values()), families
    missing = sorted(
        {ch for ch in shown_text(code) if drawn(ch)}
        - {ch for ch in shown_text(code) if any(r.supportsCharacter(ord(ch)) for r in raw.values())}
    )
    assert not missing, f"{code}: no glyph for {missing[:10]} in {families}"
    own = fonts.FAMILIES.get(languages.script(code))
    if own:  # the bundled font of the language's script, right after the system's font
        assert families[1] == own[0]
        assert raw[own[0]].familyName() == own[0]


def test_the_bundled_fonts_are_registered_and_licensed(qapp) -> None:
    assert sorted(fonts.register()) == sorted(family for family, _f in fonts.FAMILIES.values())
    assert "SIL Open Font License" in (fonts.FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("code", languages.SHIPPED_CODES)
def test_each_language_has_the_direction_of_its_script(code) -> None:
    assert is_rtl(code) == languages.BY_CODE[code].rtl == (languages.script(code) == "Arab")


def test_the_other_scripts_fonts_come_once_the_first_screen_has_painted(qapp, monkeypatch) -> None:
    # A fresh start in English: the first screen paints with the system's font alone (no
    # bundled font is read, kit.app.main); right after, every bundled font is named, so a
    # pack in Bengali or Arabic is drawn in its script.
    monkeypatch.setattr(fonts, "_registered", {})
    kit.i18n.set_language("en")
    app = QApplication.instance()
    apply_style(app, 1.0)
    bundled = [family for family, _f in fonts.FAMILIES.values()]
    assert not set(bundled) & set(QApplication.font().families())
    size = QApplication.font().pointSizeF()
    fonts.register_the_rest(app, "en")
    families = QApplication.font().families()
    assert families[1:] == bundled and QApplication.font().pointSizeF() == size
    bengali = QRawFont.fromFont(QFont(fonts.FAMILIES["Beng"][0]))
    assert bengali.familyName() == fonts.FAMILIES["Beng"][0] and bengali.supportsCharacter(0x09B8)
