"""Budget classification codes: functional (201/20101/2010101) and economic (301/30101).

Both classifications are hierarchical by prefix: a 类 has three digits, each 款 adds two and each
项 two more. Functional codes go down to 项 (7 digits); economic codes to 款 (5 digits) in the
national list, and some regions add a level below it (Chongqing prints 3010201 规范性津补贴 under
30102 津贴补贴), so both accept 7 digits.
"""

import re
import unicodedata

MAX_DIGITS = {"function": 7, "economic": 7}
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$", re.ASCII)
"""ASCII digits only: NFKC folds full-width digits, but other scripts' digits would stay as they are."""


class CodeError(ValueError):
    """A cell in a code column holds something that is not a classification code."""


def parse_code(text: str, classification: str) -> str:
    """Return the printed code as its digit string, checked against the classification's depth."""
    code = unicodedata.normalize("NFKC", text).replace(" ", "").strip()
    if not _CODE.match(code) or len(code) > MAX_DIGITS[classification]:
        raise CodeError(f"not a {classification} classification code: {text!r}")
    return code


def code_level(code: str) -> int:
    """1 for a 类 (3 digits), 2 for a 款 (5), 3 for a 项 (7)."""
    return (len(code) - 1) // 2


def parent_code(code: str) -> str | None:
    """The code one level up (``2010101`` -> ``20101``), None for a 类."""
    return code[:-2] if len(code) > 3 else None


def join_code_parts(parts: list[str]) -> str:
    """Join codes printed in separate 类/款/项 columns into the full code.

    Shanghai's tables print ``201 | 01 | 01`` in three columns, and a 款 row only ``201 | 01``;
    empty trailing parts are ignored. A 款 or 项 printed as one digit (``301 | 2``: a
    spreadsheet dropped the leading zero, seen in sh_putuo_wanli_street_2024_budget) is
    the two-digit ``02``.
    """
    cleaned = [part.strip() for part in parts if part.strip()]
    return "".join(part.zfill(2) if index and part.isdigit() else part for index, part in enumerate(cleaned))
