"""Comparing a printed total with what its parts add up to, and saying how serious a gap is.

A disclosure prints rounded numbers: 1,225.78 and 1,225.79 can both be right. A gap no larger
than the rounding of the printed amounts involved (half a unit of each one's last printed
digit) is a warning; a larger one is an error.

Every comparison is an ``Outcome``, whether it holds or not: the amounts of an identity that
holds are verified by it, those of one that fails beyond rounding are contradicted.
"""

import hashlib
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
    column_index: int | None = None

    @property
    def cell(self) -> tuple[int, int, int, int] | None:
        """(table_index, page, row_index, column_index) of a table cell; None for a figure outside tables."""
        if self.table_index is None or self.row_index is None or self.column_index is None:
            return None
        return (self.table_index, self.page, self.row_index, self.column_index)


@dataclass(frozen=True)
class Outcome:
    """One identity evaluated over printed amounts.

    ``finding`` is the ``validation_issues`` row when the amounts do not add up exactly, None when
    they do. ``binding`` is False for comparisons whose sides may differ legitimately (a narrative
    quoting another scope, project money paying for a 三公 item): they verify what they confirm
    but contradict nothing.
    """

    members: tuple[Printed, ...]
    finding: dict | None
    beyond_rounding: bool
    binding: bool = True

    @property
    def contradicts(self) -> bool:
        return self.binding and self.beyond_rounding

    def relaxed(self, severity: str = "warning") -> "Outcome":
        """The same outcome, non-binding, its finding (if any) at ``severity``."""
        finding = None if self.finding is None else {**self.finding, "severity": severity}
        return Outcome(self.members, finding, self.beyond_rounding, binding=False)


def finding_id(finding: dict) -> str:
    """A stable id for a finding, from what it says: rows of datasets refer to it by this id."""
    key = "|".join(
        str(finding.get(name)) for name in ("document_id", "check", "table_kind", "code", "measure", "pages", "message")
    )
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


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
) -> Outcome:
    """The outcome of ``total = Σ parts``, with a finding when the parts do not add up to the total exactly."""
    expected = sum((part.yuan for part in parts), Decimal(0))
    difference = total.yuan - expected
    members = (total, *parts)
    if difference == 0:
        return Outcome(members, None, beyond_rounding=False)
    tolerance = rounding(total) + sum((rounding(part) for part in parts), Decimal(0))
    severity = "warning" if abs(difference) <= tolerance else "error"
    pages = sorted({total.page, *(part.page for part in parts)})
    finding = {
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
        "tables": ",".join(map(str, sorted({p.table_index for p in members if p.table_index is not None}))) or None,
        "message": f"{what}: printed {total.printed} {total.unit}, parts add up to {expected:f} yuan "
        f"({'within' if severity == 'warning' else 'beyond'} printed rounding of {tolerance.quantize(FEN):f} yuan)",
        "source_sha256": source_sha256,
        "page": total.page,
        "table_index": total.table_index,
        "row_index": total.row_index,
    }
    return Outcome(members, {**finding, "finding_id": finding_id(finding)}, beyond_rounding=severity == "error")
