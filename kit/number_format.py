"""Numbers and percentages for the interface languages, without importing babel.

babel costs tens of milliseconds the first time it formats a number (its import and the
locale data), which the library page paid before its first paint. The languages the app
ships use CLDR's plain patterns ("#,##0.###" and "#,##0%" or "#,##0 %", or the Indian
"#,##,##0.###" that groups by two above the thousands), so a small table of their symbols
gives exactly babel's output (tests/test_i18n.py compares the two);
any other language is formatted by babel.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

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
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def format_number(value: float | int, lang: str) -> str | None:
    """`value` with up to three decimals in `lang`'s style; None when babel must do it."""
    style, number = STYLES.get(lang), _decimal(value)
    if style is None or number is None:
        return None
    return _format(number, 3, style)


def format_percent(fraction: float, lang: str) -> str | None:
    """`fraction` as a whole percentage in `lang`'s style; None when babel must do it."""
    style, number = STYLES.get(lang), _decimal(fraction)
    if style is None or number is None:
        return None
    text = _format(number * 100, 0, style)
    return None if text is None else text + style[2]
