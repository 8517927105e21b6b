import pytest

from pipeline.parsing.codes import CodeError, code_level, parent_code, parse_code


@pytest.mark.parametrize(("code", "level", "parent"), [("201", 1, None), ("20101", 2, "201"), ("2010101", 3, "20101")])
def test_function_code_levels_and_parents(code: str, level: int, parent: str | None) -> None:
    assert parse_code(code, "function") == code
    assert code_level(code) == level
    assert parent_code(code) == parent


def test_economic_codes_take_a_regional_level_below_kuan() -> None:
    """Chongqing prints 3010201 规范性津补贴 under 30102; nine digits is no code."""
    assert parse_code("30101", "economic") == "30101"
    assert parse_code("3010201", "economic") == "3010201"
    with pytest.raises(CodeError):
        parse_code("301020101", "economic")


@pytest.mark.parametrize("text", ["2011", "20", "201011", "合计", "2O1", ""])
def test_malformed_codes_are_errors(text: str) -> None:
    with pytest.raises(CodeError):
        parse_code(text, "function")


def test_full_width_digits_are_codes() -> None:
    assert parse_code("２０１０１", "function") == "20101"


@pytest.mark.parametrize("text", ["٢٠١", "0000᠐", "２０١"])
def test_digits_of_other_scripts_are_not_codes(text: str) -> None:
    """NFKC folds full-width digits only; Arabic-Indic or Mongolian ones would come back as non-ASCII codes."""
    with pytest.raises(CodeError):
        parse_code(text, "function")
