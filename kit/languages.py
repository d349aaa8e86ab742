"""The interface languages the app ships: one list, read wherever a language is chosen.

The first start, the profile form, the settings dialog, the workshop plan and `kit --lang`
offer the languages of this list that have a catalog in resources/translations (a new
language is listed once its catalog folder exists; see "Translating the interface" in the
README). Each carries its own name (the endonym shown in the choosers) and its script,
which says which bundled font draws it (kit.ui.fonts).

No Qt and no babel here: this is read at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ShippedLanguage:
    code: str  # the catalog folder's name, BCP 47 with "_" ("pt", "fr")
    endonym: str  # the language's name in itself, as CLDR writes it, capitalised
    script: str  # ISO 15924: Latn, Arab, Deva, Beng
    rtl: bool = False


# In the order the choosers list them.
SHIPPED: tuple[ShippedLanguage, ...] = (
    ShippedLanguage("en", "English", "Latn"),
    ShippedLanguage("es", "Español", "Latn"),
    ShippedLanguage("fr", "Français", "Latn"),
    ShippedLanguage("pt", "Português", "Latn"),
    ShippedLanguage("ar", "العربية", "Arab", rtl=True),
    ShippedLanguage("hi", "हिन्दी", "Deva"),
    ShippedLanguage("bn", "বাংলা", "Beng"),
)
BY_CODE = {lang.code: lang for lang in SHIPPED}
SHIPPED_CODES = tuple(lang.code for lang in SHIPPED)

# The pseudo-locale (kit.pseudo): accented, longer, bracketed English for finding strings
# that are not translated or do not fit. Chosen with KIT_LANG=qps or `kit --lang qps`;
# never offered in the choosers.
PSEUDO = "qps"


def base(code: str) -> str:
    """'pt_BR' -> 'pt', 'fr-CA' -> 'fr'."""
    return code.replace("-", "_").split("_")[0]


def endonym(code: str) -> str | None:
    """The language's own name when the app ships it ("Français"), else None."""
    lang = BY_CODE.get(code) or BY_CODE.get(base(code))
    return lang.endonym if lang else None


def script(code: str) -> str:
    """The script a language is written in ('Latn' for any language the app does not ship)."""
    lang = BY_CODE.get(code) or BY_CODE.get(base(code))
    return lang.script if lang else "Latn"


def ordered(codes: set[str] | list[str]) -> list[str]:
    """`codes` with the shipped languages first, in SHIPPED's order, then the rest sorted."""
    rank = {code: i for i, code in enumerate(SHIPPED_CODES)}
    return sorted(set(codes), key=lambda c: (rank.get(c, len(rank)), c))


def name_in_interface(code: str) -> str:
    """'es' -> 'Spanish' in the interface language (babel); unknown codes stay as they are."""
    from babel import Locale, UnknownLocaleError

    from kit.i18n import current_locale

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(current_locale())
    except (UnknownLocaleError, ValueError, TypeError):
        return code
    return (name[:1].upper() + name[1:]) if name else code
