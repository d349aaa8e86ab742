"""Numbers and percentages for the interface languages, without importing babel.

babel costs tens of milliseconds the first time it formats a number (its import and the
locale data), which the library page paid before its first paint. The languages the app
ships use CLDR's plain patterns ("#,##0.###" and "#,##0%" or "#,##0 %", or the Indian
"#,##,##0.###" that groups by two above the thousands), so a small table of their symbols
gives exactly babel's output (tests/test_i18n.py compares the two);
any other language is formatted by babel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # decimal is imported for what the plain digits below cannot say
    from decimal import Decimal

# language -> (decimal sign, group sign, what follows a percentage, size of the groups above
# the first three digits), as CLDR has them with the latin digits babel uses for these
# languages (Arabic and Bengali too, whose CLDR default digits are their own: babel formats
# with "latn" unless told otherwise, and the app follows it, as it always has for Arabic).
Style = tuple[str, str, str, int]
STYLES: dict[str, Style] = {
    "en": (".", ",", "%", 3),
    "es": (",", ".", "\xa0%", 3),
    "fr": (",", "\u202f", "\xa0%", 3),
    "pt": (",", ".", "%", 3),
    "ar": (".", ",", "%", 3),
    "hi": (".", ",", "%", 2),
    "bn": (".", ",", "%", 2),
}


def _grouped(digits: str, group: str, size: int) -> str:
    if len(digits) <= 3:
        return digits
    head, tail = digits[:-3], digits[-3:]
    first = len(head) % size or size
    parts = [head[:first]] + [head[i : i + size] for i in range(first, len(head), size)]
    return group.join([*parts, tail])


def _format(value: Decimal, places: int, style: Style) -> str | None:
    from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    except InvalidOperation:  # more digits than the context holds: babel knows what to do
        return None
    whole, _dot, fraction = format(abs(rounded), "f").partition(".")
    fraction = fraction.rstrip("0")
    text = _grouped(whole, style[1], style[3]) + (style[0] + fraction if fraction else "")
    return "-" + text if rounded.is_signed() else text


def _decimal(value: float | int) -> Decimal | None:
    """`value` as babel reads it (from its str()), or None when it is not a finite number."""
    from decimal import Decimal, InvalidOperation

    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


# The usual numbers (counts, "30% done") are rounded here on the digits of their str(),
# as Decimal rounds them, without importing decimal at start-up; an exponent ("1e-07"),
# inf, nan or a very long number goes the Decimal way (tests/test_i18n.py compares them).
_PLAIN_DIGITS = 20


def _plain(value: float | int, shift: int, places: int, style: Style) -> str | None:
    """`value` times 10**shift, rounded half to even to `places` decimals, in `style`;
    None when the Decimal way must do it."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    text = str(value)
    negative = text.startswith("-")
    whole, _dot, fraction = text.removeprefix("-").partition(".")
    if not whole.isascii() or not whole.isdigit() or (fraction and not fraction.isdigit()):
        return None
    if len(whole) + len(fraction) > _PLAIN_DIGITS:
        return None
    whole, fraction = whole + fraction[:shift].ljust(shift, "0"), fraction[shift:]
    scaled = int(whole + fraction[:places].ljust(places, "0"))
    rest = fraction[places:]
    if rest and (rest[0] > "5" or (rest[0] == "5" and (rest[1:].strip("0") or scaled % 2))):
        scaled += 1
    digits = str(scaled).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :].rstrip("0")
    text = _grouped(whole, style[1], style[3]) + (style[0] + fraction if fraction else "")
    return "-" + text if negative else text


def format_number(value: float | int, lang: str) -> str | None:
    """`value` with up to three decimals in `lang`'s style; None when babel must do it."""
    style = STYLES.get(lang)
    if style is None:
        return None
    plain = _plain(value, 0, 3, style)
    if plain is not None:
        return plain
    number = _decimal(value)
    return None if number is None else _format(number, 3, style)


def format_percent(fraction: float, lang: str) -> str | None:
    """`fraction` as a whole percentage in `lang`'s style; None when babel must do it."""
    style = STYLES.get(lang)
    if style is None:
        return None
    text = _plain(fraction, 2, 0, style)
    if text is None:
        number = _decimal(fraction)
        text = None if number is None else _format(number * 100, 0, style)
    return None if text is None else text + style[2]
