"""Comparing a printed total with what its parts add up to, and saying how serious a gap is.

A disclosure prints rounded numbers: 1,225.78 and 1,225.79 can both be right. A gap no larger
than the rounding of the printed amounts involved (half a unit of each one's last printed
digit) is a warning; a larger one is an error.
"""

from dataclasses import dataclass
from decimal import Decimal

from pipeline.parsing.amounts import UNIT_FACTORS

FEN = Decimal("0.01")


@dataclass(frozen=True)
class Printed:
    """An amount as printed, with its value in yuan and where it is."""

    yuan: Decimal
    printed: str
    unit: str
    page: int
    table_index: int | None = None
    row_index: int | None = None


def rounding(printed: Printed) -> Decimal:
    """Half a unit of the amount's last printed digit, in yuan."""
    digits = printed.printed.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Decimal(1).scaleb(-decimals) / 2 * UNIT_FACTORS[printed.unit]


def compare(
    check: str,
    total: Printed,
    parts: list[Printed],
    *,
    document_id: str,
    source_sha256: str,
    table_kind: str | None,
    code: str | None,
    measure: str,
    what: str,
) -> list[dict]:
    """The finding, as a one-item list, when the parts do not add up to the total; [] when they do exactly."""
    expected = sum((part.yuan for part in parts), Decimal(0))
    difference = total.yuan - expected
    if difference == 0:
        return []
    tolerance = rounding(total) + sum((rounding(part) for part in parts), Decimal(0))
    severity = "warning" if abs(difference) <= tolerance else "error"
    pages = sorted({total.page, *(part.page for part in parts)})
    return [
        {
            "document_id": document_id,
            "check": check,
            "severity": severity,
            "table_kind": table_kind,
            "code": code,
            "measure": measure,
            "expected": f"{expected:f}",
            "actual": f"{total.yuan:f}",
            "difference": f"{difference:f}",
            "pages": ",".join(map(str, pages)),
            "tables": ",".join(map(str, sorted({p.table_index for p in (total, *parts) if p.table_index is not None})))
            or None,
            "message": f"{what}: printed {total.printed} {total.unit}, parts add up to {expected:f} yuan "
            f"({'within' if severity == 'warning' else 'beyond'} printed rounding of {tolerance.quantize(FEN):f} yuan)",
            "source_sha256": source_sha256,
            "page": total.page,
            "table_index": total.table_index,
            "row_index": total.row_index,
        }
    ]
