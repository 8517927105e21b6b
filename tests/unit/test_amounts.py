from decimal import Decimal

import pytest

from pipeline.parsing.amounts import AmountError, find_unit, is_amount, parse_amount, to_yuan


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("3,394.41", Decimal("3394.41")),
        ("11.00", Decimal("11.00")),
        ("0.5", Decimal("0.5")),
        ("122345", Decimal(122345)),
        ("156,211,123", Decimal(156211123)),
        ("-0.50", Decimal("-0.50")),
        ("(1,000.00)", Decimal("-1000.00")),
        ("３，３９４．４１", Decimal("3394.41")),
        (" 5.00 ", Decimal("5.00")),
    ],
)
def test_printed_amounts_parse_exactly(printed: str, expected: Decimal) -> None:
    assert parse_amount(printed) == expected


@pytest.mark.parametrize("printed", ["", "  ", "-", "—", "－", "/"])
def test_blank_and_placeholder_cells_have_no_amount(printed: str) -> None:
    assert parse_amount(printed) is None
    assert not is_amount(printed)


@pytest.mark.parametrize("printed", ["3,39.41", "1,2345.00", "12a", "2023年预算数", "合计", "1.2.3"])
def test_text_and_misplaced_separators_are_errors(printed: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(printed)


def test_wan_yuan_convert_to_yuan_exactly() -> None:
    assert to_yuan(Decimal("3394.41"), "万元") == Decimal("33944100.00")
    assert str(to_yuan(Decimal("0.5"), "万元")) == "5000.00"
    assert str(to_yuan(Decimal(76620), "元")) == "76620.00"


def test_sums_of_converted_amounts_stay_exact() -> None:
    parts = [to_yuan(Decimal(text), "万元") for text in ("1225.78", "2168.63")]
    assert sum(parts) == to_yuan(Decimal("3394.41"), "万元")


def test_precision_finer_than_a_fen_is_refused() -> None:
    with pytest.raises(AmountError):
        to_yuan(Decimal("1.001"), "元")


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(AmountError):
        to_yuan(Decimal(1), "美元")


@pytest.mark.parametrize(
    ("line", "unit"),
    [
        ("单位：万元", "万元"),
        ("金额单位:元", "元"),
        ("编制单位：某部门        单位：万元", "万元"),
        ("单位: 千元", "千元"),
    ],
)
def test_unit_lines_name_their_unit(line: str, unit: str) -> None:
    assert find_unit(line) == unit


def test_lines_without_unit_have_none() -> None:
    assert find_unit("编制单位： 502001-重庆市北碚区朝阳街道办事处（本级）") is None


@pytest.mark.parametrize("printed", ["…", "……", "———", "---", "-/-"])
def test_cells_of_filler_have_no_amount(printed: str) -> None:
    """NFKC turns … into "...", which the placeholder set did not hold; runs of dashes were refused too."""
    assert parse_amount(printed) is None
    assert not is_amount(printed)


@pytest.mark.parametrize(
    ("amount", "unit", "yuan"),
    [
        # 29 digits: the default 28-digit context rounded this to ...456.78 and called it exact.
        ("12345678901234567890123456.785", "元", None),
        # 10^29 yuan needs 32 digits with its fen: the default context raised InvalidOperation.
        ("1000000000000000000000", "亿元", "100000000000000000000000000000.00"),
    ],
)
def test_to_yuan_stays_exact_beyond_28_digits(amount: str, unit: str, yuan: str | None) -> None:
    if yuan is None:
        with pytest.raises(AmountError):
            to_yuan(Decimal(amount), unit)
    else:
        assert str(to_yuan(Decimal(amount), unit)) == yuan
