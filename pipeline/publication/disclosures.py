"""Which documents belong to one disclosure.

A department sometimes publishes its disclosure as two PDFs: the narrative (情况说明) and the
tables (公开表格), as the Jiangsu provincial offices did in 2017 and 2018. Both then get the
same ``disclosure_id``: the curator's, when sources.csv gives one; otherwise the tables PDF's
document id, for a narrative-only PDF of the same year and kind that quotes one of the tables'
grand totals at its own precision, or that names the same department. A tables PDF that prints
no year (Beijing's 预算01表… exports) matches a narrative of any year.
"""

from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class DisclosureFacts:
    """What linking needs to know of one document."""

    document_id: str
    department: str | None
    year: int | None
    disclosure_kind: str | None
    has_tables: bool
    totals_wan: frozenset[Decimal]
    """The grand totals its tables print, in 万元 (narratives quote 万元)."""
    narrative_amounts: frozenset[Decimal]
    curated_id: str | None


def disclosure_ids(documents: list[DisclosureFacts]) -> dict[str, str]:
    """The disclosure id of every document (its own document id when it stands alone)."""
    ids = {document.document_id: document.curated_id or document.document_id for document in documents}
    with_tables = [document for document in documents if document.has_tables and not document.curated_id]
    for narrative in documents:
        if narrative.has_tables or narrative.curated_id or narrative.disclosure_kind is None:
            continue
        scores = {
            tables.document_id: _tie_strength(narrative, tables)
            for tables in with_tables
            if tables.year in (narrative.year, None) and tables.disclosure_kind == narrative.disclosure_kind
        }
        best = max(scores.values(), default=0)
        chosen = [document_id for document_id, score in scores.items() if score == best]
        if best and len(chosen) == 1:
            ids[narrative.document_id] = chosen[0]
    return ids


def _tie_strength(narrative: DisclosureFacts, tables: DisclosureFacts) -> int:
    """How many of the tables' grand totals the narrative quotes, plus one when both name the same department.

    Eight Beijing tables PDFs without a year compete for each narrative: the one whose totals the
    narrative quotes most is its own.
    """
    same_department = tables.department is not None and tables.department == narrative.department
    return _quoted_totals(narrative.narrative_amounts, tables.totals_wan) + same_department


def _quoted_totals(quoted: frozenset[Decimal], totals: frozenset[Decimal]) -> int:
    """How many quoted amounts are one of the totals at the quote's precision (rounded or cut off).

    Zero and small round numbers are quoted everywhere (0万元), so only amounts of at least 100万元 count.
    """
    return sum(
        any(
            amount in {total.quantize(amount, rounding=ROUND_HALF_UP), total.quantize(amount, rounding=ROUND_DOWN)}
            for total in totals
        )
        for amount in quoted
        if amount >= MIN_TYING_AMOUNT
    )


MIN_TYING_AMOUNT = Decimal(100)
