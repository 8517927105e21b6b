"""Exact parsing of printed money amounts and their units.

Money is never a float here: a printed amount becomes a ``Decimal`` with the digits it was
printed with, and conversion to yuan multiplies by the unit's exact factor.
"""

import re
import unicodedata
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Decimal, InvalidOperation, localcontext

UNIT_FACTORS: dict[str, Decimal] = {
    "元": Decimal(1),
    "千元": Decimal(1_000),
    "万元": Decimal(10_000),
    "亿元": Decimal(100_000_000),
}
"""Yuan per printed unit, for the units disclosures print in their 单位 lines."""

PLACEHOLDERS = frozenset({"-", "--", "—", "——", "－", "/", "／", "…"})
"""Cell contents that mean 'nothing printed here' in Chinese budget tables."""

_AMOUNT = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_UNIT_LINE = re.compile(r"(?:金额)?单位\s*[:：]\s*(亿元|万元|千元|元)")
YUAN_QUANTUM = Decimal("0.01")


class AmountError(ValueError):
    """A cell that should hold an amount holds text that is not one."""


def parse_amount(text: str) -> Decimal | None:
    """Parse a printed amount (``3,394.41``, ``11.00``, ``-0.5``) exactly.

    Returns None when nothing is printed (blank or a placeholder dash). Thousands separators
    must sit at every third digit, so a misread ``3,39.41`` is an error rather than 339.41.
    """
    folded = unicodedata.normalize("NFKC", text).replace(" ", "").strip()
    # is_placeholder reads the printed text: NFKC turns the placeholder … into "...".
    if not folded or folded in PLACEHOLDERS or is_placeholder(text):
        return None
    negative = folded.startswith("(") and folded.endswith(")")
    if negative:
        folded = "-" + folded[1:-1]
    if not _AMOUNT.match(folded):
        raise AmountError(f"not an amount: {text!r}")
    try:
        return Decimal(folded.replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the regex admits only valid decimals
        raise AmountError(f"not an amount: {text!r}") from error


def is_placeholder(text: str) -> bool:
    """Whether a cell holds only filler (…, ——, -): printed, but saying nothing."""
    return bool(text.strip()) and not text.strip().strip("".join(PLACEHOLDERS))


def is_amount(text: str) -> bool:
    """Whether the text is a printed amount (not blank, not a placeholder, not words)."""
    try:
        return parse_amount(text) is not None
    except AmountError:
        return False


def to_yuan(amount: Decimal, unit: str) -> Decimal:
    """Convert an amount printed in ``unit`` to yuan, exactly, with two decimal places.

    Raises AmountError when the printed precision is finer than a fen, which no real amount is.
    """
    try:
        factor = UNIT_FACTORS[unit]
    except KeyError as error:
        raise AmountError(f"unknown unit {unit!r}; known: {', '.join(UNIT_FACTORS)}") from error
    # Exact whatever the number of digits: the default 28-digit context would round the product.
    with localcontext(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN):
        yuan = amount * factor
        quantized = yuan.quantize(YUAN_QUANTUM)
    if quantized != yuan:
        raise AmountError(f"{amount} {unit} is finer than one fen")
    return quantized


def find_unit(text: str) -> str | None:
    """The unit named by a 单位 line (``单位：万元``, ``金额单位:元``) in the text, if any."""
    match = _UNIT_LINE.search(unicodedata.normalize("NFKC", text))
    return match.group(1) if match else None
