"""Properties of the amount, unit, code and cell-text parsers, checked on generated input.

The example tests (test_amounts.py, test_codes.py) pin down known printings; these state the
invariants those examples are instances of: what a government PDF can print parses back to
exactly the number printed, anything else is refused with the module's own error rather than
misread or crashed on, and money is never rounded.
"""

import math
import tempfile
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from pipeline.parsing.amounts import (
    PLACEHOLDERS,
    UNIT_FACTORS,
    AmountError,
    find_unit,
    is_amount,
    is_placeholder,
    parse_amount,
    to_yuan,
)
from pipeline.parsing.cell_text import clean_cell, fold_for_matching
from pipeline.parsing.codes import MAX_DIGITS, CodeError, code_level, join_code_parts, parent_code, parse_code

# Reproducible in CI, and nothing written into the checkout: without an example database Hypothesis
# still caches Unicode tables and source constants in ./.hypothesis/, so they go to the temp dir.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "cnbudget-hypothesis")
PROPERTY = settings(max_examples=300, derandomize=True, database=None, deadline=None)

_FULL_WIDTH = str.maketrans({chr(code): chr(code + 0xFEE0) for code in range(0x21, 0x7F)})
SPACES = st.sampled_from(["", " ", "  ", "\u3000", "\xa0", "\t"])
"""What a cell's text can be padded with: ASCII, ideographic and no-break spaces, a tab."""


def full_width(text: str) -> str:
    """The text as a CJK typesetter may print it, in full-width forms (３，３９４．４１)."""
    return text.translate(_FULL_WIDTH)


@st.composite
def printed_amounts(draw: st.DrawFn) -> tuple[str, Decimal]:
    """A two-decimal amount and a way a disclosure may print it: grouping, width, sign, padding."""
    cents = draw(st.integers(min_value=0, max_value=10**15))
    magnitude = Decimal(cents).scaleb(-2)
    digits = f"{magnitude:,.2f}" if draw(st.booleans()) else f"{magnitude:.2f}"
    sign = draw(st.sampled_from(["", "+", "-", "()"]))
    text = f"({digits})" if sign == "()" else sign + digits
    if draw(st.booleans()):
        text = full_width(text)
    value = -magnitude if sign in ("-", "()") else magnitude
    return draw(SPACES) + text + draw(SPACES), value


@PROPERTY
@given(printed_amounts())
def test_a_printed_amount_parses_back_to_exactly_its_value(printed: tuple[str, Decimal]) -> None:
    text, value = printed
    parsed = parse_amount(text)
    assert isinstance(parsed, Decimal)
    assert parsed == value
    assert parsed.as_tuple().exponent == -2, "the printed precision (two decimals) is kept"
    assert is_amount(text)


AMOUNT_LIKE = st.text(alphabet="0123456789,.-+() \u3000０１２３，．－（）…—/eE_", max_size=14)
"""Text made of what amounts are made of, so that near-misses are generated, not only noise."""


@PROPERTY
@given(st.one_of(st.text(max_size=20), AMOUNT_LIKE))
def test_parse_amount_returns_a_finite_decimal_none_or_its_own_error(text: str) -> None:
    try:
        parsed = parse_amount(text)
    except AmountError:
        assert not is_amount(text)
        return
    if parsed is not None:
        assert parsed.is_finite()
        assert any(unicodedata.digit(char, None) is not None for char in text), "an amount has digits"
        assert is_amount(text)


@PROPERTY
@given(st.text(alphabet="".join(PLACEHOLDERS) + " \u3000", min_size=1, max_size=6))
def test_a_cell_of_filler_is_no_amount(text: str) -> None:
    """Whatever is_placeholder calls filler (…, ———, -/-) parse_amount must read as blank, not refuse."""
    if is_placeholder(text):
        assert parse_amount(text) is None
        assert not is_amount(text)


@PROPERTY
@given(st.integers(min_value=0, max_value=10**12), st.data())
def test_thousands_separators_are_accepted_only_at_every_third_digit(whole: int, data: st.DataObject) -> None:
    """A misplaced comma is a misreading (3,39.41): refusing it beats returning another number."""
    digits = str(whole)
    commas = data.draw(st.sets(st.integers(min_value=1, max_value=max(len(digits) - 1, 1))))
    text = "".join(
        ("," if index in commas and index < len(digits) else "") + digit for index, digit in enumerate(digits)
    )
    grouped = f"{whole:,}"
    try:
        parsed = parse_amount(text + ".50")
    except AmountError:
        assert text not in (digits, grouped)
        return
    assert parsed == Decimal(whole) + Decimal("0.50")
    assert text in (digits, grouped)


DECIMALS = st.builds(
    lambda digits, places, negative: Decimal(f"{'-' if negative else ''}{digits}").scaleb(-places),
    st.integers(min_value=0, max_value=10**40),
    st.integers(min_value=0, max_value=6),
    st.booleans(),
)
"""Amounts as parse_amount can return them, with up to 41 digits and six decimals."""


@PROPERTY
@given(DECIMALS, st.sampled_from(sorted(UNIT_FACTORS)))
def test_to_yuan_is_exact_or_refuses(amount: Decimal, unit: str) -> None:
    """Money is never rounded: the result is the exact product, or an AmountError when that is finer than a fen."""
    exact = Fraction(amount) * Fraction(UNIT_FACTORS[unit])
    try:
        yuan = to_yuan(amount, unit)
    except AmountError:
        assert (exact * 100).denominator != 1
        return
    assert Fraction(yuan) == exact
    assert yuan.as_tuple().exponent == -2


@PROPERTY
@given(
    st.sampled_from(sorted(UNIT_FACTORS)),
    st.sampled_from(["单位", "金额单位"]),
    st.sampled_from([":", "：", " : ", "： "]),
    st.text(alphabet=st.characters(exclude_characters="位"), max_size=12),
    st.text(max_size=12),
)
def test_find_unit_reads_the_unit_of_any_unit_line(unit: str, label: str, colon: str, before: str, after: str) -> None:
    line = f"{before} {label}{colon}{unit}{after}"
    assert find_unit(line) == unit
    assert find_unit(full_width(line)) == unit
    assert find_unit(before) is None


CODES = st.builds(
    lambda head, pairs: str(head) + "".join(f"{pair:02d}" for pair in pairs),
    st.integers(min_value=100, max_value=999),
    st.lists(st.integers(min_value=0, max_value=99), max_size=2),
)
"""Classification codes: a three-digit 类, then a two-digit 款 and 项."""


@PROPERTY
@given(CODES, SPACES, st.booleans())
def test_a_printed_code_parses_to_itself_and_its_parents_are_its_prefixes(code: str, padding: str, wide: bool) -> None:
    printed = padding + (full_width(code) if wide else code) + padding
    assert parse_code(printed, "function") == code
    level = code_level(code)
    assert level == {3: 1, 5: 2, 7: 3}[len(code)]
    chain = [code]
    while (parent := parent_code(chain[-1])) is not None:
        assert chain[-1].startswith(parent)
        assert code_level(parent) == code_level(chain[-1]) - 1
        chain.append(parent)
    assert len(chain) == level and len(chain[-1]) == 3


@PROPERTY
@given(
    st.one_of(st.text(max_size=12), st.text(alphabet=st.characters(categories=["Nd", "Zs"]), max_size=9)),
    st.sampled_from(sorted(MAX_DIGITS)),
)
def test_parse_code_returns_ascii_digits_of_a_valid_depth_or_refuses(text: str, classification: str) -> None:
    """Whatever the cell holds, the result is a code the rest of the pipeline can compare with "201"."""
    try:
        code = parse_code(text, classification)
    except CodeError:
        return
    assert code.isascii() and code.isdigit()
    assert len(code) in (3, 5, 7) and len(code) <= MAX_DIGITS[classification]


@PROPERTY
@given(CODES.filter(lambda code: len(code) > 3), st.booleans(), st.integers(min_value=0, max_value=2))
def test_codes_printed_in_separate_columns_join_back(code: str, drop_zero: bool, trailing_blanks: int) -> None:
    """Shanghai prints 201 | 01 | 01; a spreadsheet may have dropped a part's leading zero (301 | 2)."""
    parts = [code[:3], *(code[start : start + 2] for start in range(3, len(code), 2))]
    if drop_zero:
        parts = [parts[0], *(str(int(part)) for part in parts[1:])]
    assert join_code_parts([*parts, *[" "] * trailing_blanks]) == code


@PROPERTY
@given(st.one_of(st.text(), st.text(alphabet="本年收入合计\n\r \t\u3000\xa0ab")))
def test_clean_cell_is_idempotent_and_keeps_every_printed_character(text: str) -> None:
    cleaned = clean_cell(text)
    assert clean_cell(cleaned) == cleaned
    assert "\n" not in cleaned and "\r" not in cleaned and cleaned == cleaned.strip()
    assert [char for char in cleaned if not char.isspace()] == [char for char in text if not char.isspace()]


def test_clean_cell_turns_missing_cells_into_blanks() -> None:
    assert clean_cell(None) == "" and clean_cell(math.nan) == ""


REALISTIC_TEXT = st.text(alphabet=st.characters(categories=["L", "N", "P", "Sm", "Sc", "So", "Zs"]))
"""Letters, digits, punctuation, symbols and spaces, but no marks and no spacing accents (¯ ´ ¨, category Sk).

NFKC turns a spacing accent into a space and a combining mark, and once fold_for_matching has
removed the space a second fold composes the mark with the letter before it (``E¯`` folds to
``E\u0304``, which folds to ``Ē``). Disclosures print neither, so the property leaves them out
rather than the code growing a second normalisation.
"""


@PROPERTY
@given(REALISTIC_TEXT)
def test_fold_for_matching_is_idempotent_and_leaves_no_whitespace(text: str) -> None:
    folded = fold_for_matching(text)
    assert fold_for_matching(folded) == folded
    assert not any(char.isspace() for char in folded)


@PROPERTY
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)), st.text(alphabet="三公经费 "))
def test_full_width_and_curly_quoted_variants_fold_alike(ascii_text: str, words: str) -> None:
    assert fold_for_matching(full_width(ascii_text)) == fold_for_matching(ascii_text)
    assert fold_for_matching(f"“{words}”") == fold_for_matching(f'"{words}"') == fold_for_matching(f"＂{words}＂")
