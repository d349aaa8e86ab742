"""Numbers and percentages for the interface languages, without importing babel.

babel costs tens of milliseconds the first time it formats a number (its import and the
locale data), which the library page paid before its first paint. The languages the app
ships use CLDR's plain patterns ("#,##0.###" and "#,##0%" or "#,##0 %"), so a small table
of their symbols gives exactly babel's output (tests/test_i18n.py compares the two);
any other language is formatted by babel.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

# language -> (decimal sign, group sign, what follows a percentage), as CLDR has them
# with the latin digits babel uses for these languages.
STYLES: dict[str, tuple[str, str, str]] = {
    "en": (".", ",", "%"),
    "es": (",", ".", "\xa0%"),
    "ar": (".", ",", "%"),
}


def _grouped(digits: str, group: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return group.join(parts)


def _format(value: Decimal, places: int, style: tuple[str, str, str]) -> str | None:
    try:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    except InvalidOperation:  # more digits than the context holds: babel knows what to do
        return None
    whole, _dot, fraction = format(abs(rounded), "f").partition(".")
    fraction = fraction.rstrip("0")
    text = _grouped(whole, style[1]) + (style[0] + fraction if fraction else "")
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
