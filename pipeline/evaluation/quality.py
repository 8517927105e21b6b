"""A quality report that needs no labels: what a disclosure should print, what was found, what checks out.

A user who brings documents from a new province has no labels to score against. Each
document (or disclosure, when narrative and tables are two PDFs) still says a lot about how
well it was read: which of the standard tables its kind of disclosure must print were found,
how many of its published amounts an identity verifies or contradicts, and whether the grand
totals of its general-budget function table and its 三公 table equal the figures its own
narrative states. ``documents`` carries these columns and ``cnbudget evaluate`` prints them.
"""

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from pipeline.catalogue.table_kinds import FUNCTION_TABLE_KIND, STANDARD_TABLES
from pipeline.validation.findings import Printed
from pipeline.validation.reconciliation import agrees_at_precision, grand_total_of, stated_figure

FUNCTION_TOTAL = f"{FUNCTION_TABLE_KIND}/total"
THREE_PUBLIC_TOTAL = "three_public_expenses/total"


@dataclass(frozen=True)
class DisclosureQuality:
    """The truth-free quality figures of one document, read across its whole disclosure."""

    tables_expected: int | None
    tables_missing: str | None
    amounts: int
    amounts_verified: int
    amounts_contradicted: int
    function_total_yuan: Decimal | None
    narrative_function_total_yuan: Decimal | None
    function_total_agrees: bool | None
    three_public_total_yuan: Decimal | None
    narrative_three_public_total_yuan: Decimal | None
    three_public_total_agrees: bool | None

    def columns(self) -> dict[str, object]:
        return dict(self.__dict__)


def disclosure_quality(
    disclosure_kind: str | None,
    kinds_found: set[str],
    budget_lines: pd.DataFrame,
    three_public: pd.DataFrame,
    narrative: tuple[tuple[int, str], ...],
) -> DisclosureQuality:
    """The figures for one disclosure: its documents' table kinds, rows and narrative lines together."""
    expected = STANDARD_TABLES.get(disclosure_kind or "")
    missing = [kinds[0] for kinds in expected or () if not kinds_found.intersection(kinds)]
    verification = pd.concat([budget_lines["verification"], three_public["verification"]], ignore_index=True)
    function_total = grand_total_of(FUNCTION_TOTAL, budget_lines)
    three_public_total = _three_public_total(three_public)
    stated_function = stated_figure(narrative, FUNCTION_TOTAL)
    stated_three_public = stated_figure(narrative, THREE_PUBLIC_TOTAL)
    return DisclosureQuality(
        tables_expected=len(expected) if expected else None,
        tables_missing=", ".join(missing) or None,
        amounts=len(verification),
        amounts_verified=int((verification == "verified").sum()),
        amounts_contradicted=int((verification == "contradicted").sum()),
        function_total_yuan=function_total.yuan if function_total else None,
        narrative_function_total_yuan=stated_function.yuan if stated_function else None,
        function_total_agrees=_agrees(stated_function, function_total),
        three_public_total_yuan=three_public_total.yuan if three_public_total else None,
        narrative_three_public_total_yuan=stated_three_public.yuan if stated_three_public else None,
        three_public_total_agrees=_agrees(stated_three_public, three_public_total),
    )


def _three_public_total(items: pd.DataFrame) -> Printed | None:
    rows = items[(items["item"] == "total") & items["stage"].isin(["budget", "final"])]
    if rows.empty:
        return None
    row = rows.sort_values(["table_index", "page", "row_index"]).iloc[0]
    return Printed(row["amount_yuan"], row["amount_printed"], row["unit_printed"], int(row["page"]))


def _agrees(stated: Printed | None, printed: Printed | None) -> bool | None:
    if stated is None or printed is None:
        return None
    return agrees_at_precision(stated, printed)
