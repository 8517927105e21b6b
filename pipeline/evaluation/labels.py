"""Hand-verified expected values, one folder per document (``tests/fixtures/corpus/<document_id>/``).

``document.json`` holds what the document says about itself; ``function_lines.csv`` every
printed amount of its general-public-budget expenditure table by function; and
``three_public_expenses.csv`` every printed amount of its 三公 table. Amounts are kept as
printed, with their page and unit, so that a label can be checked against the page image.
"""

import csv
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pipeline.parsing.amounts import UNIT_FACTORS


@dataclass(frozen=True)
class ExpectedAmount:
    """One printed amount: where it is, what it is, and its text."""

    page: int
    code: str
    name: str
    stage: str
    key: str
    amount_printed: str
    unit: str


@dataclass(frozen=True)
class StatedFigure:
    """A figure the narrative states, as printed, with its page (of ``document_id`` when another PDF)."""

    amount_printed: str
    unit: str
    page: int
    quote: str
    document_id: str | None = None

    @property
    def yuan(self) -> Decimal:
        return Decimal(self.amount_printed.replace(",", "")) * UNIT_FACTORS[self.unit]


@dataclass(frozen=True)
class ExpectedDocument:
    document_id: str
    department: str | None
    year: int | None
    disclosure_kind: str | None
    status: str | None
    companion: str | None
    function_lines: tuple[ExpectedAmount, ...]
    three_public_expenses: tuple[ExpectedAmount, ...]
    narrative: dict[str, StatedFigure | None] = field(default_factory=dict)
    """``general_budget_expenditure`` and ``three_public_total`` as the narrative states them, where labelled."""


def read_labels(folder: Path) -> dict[str, ExpectedDocument]:
    """Every labelled document under ``folder``, by document id."""
    labels = {}
    for document_json in sorted(folder.glob("*/document.json")):
        facts = json.loads(document_json.read_text(encoding="utf-8"))
        labels[facts["document_id"]] = ExpectedDocument(
            document_id=facts["document_id"],
            department=facts["department"],
            year=facts["year"],
            disclosure_kind=facts["disclosure_kind"],
            status=facts["status"],
            companion=facts["companion"],
            function_lines=_amounts(document_json.parent / "function_lines.csv", "measure"),
            three_public_expenses=_amounts(document_json.parent / "three_public_expenses.csv", "item"),
            narrative={
                name: StatedFigure(**figure) if figure else None for name, figure in facts.get("narrative", {}).items()
            },
        )
    return labels


def _amounts(path: Path, key: str) -> tuple[ExpectedAmount, ...]:
    if not path.exists():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(
            ExpectedAmount(
                page=int(row["page"]),
                code=row.get("code", ""),
                name=row.get("name", ""),
                stage=row["stage"],
                key=row[key],
                amount_printed=row["amount_printed"],
                unit=row["unit"],
            )
            for row in csv.DictReader(handle)
        )
