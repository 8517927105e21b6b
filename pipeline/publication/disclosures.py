"""Which documents belong to one disclosure.

A department sometimes publishes its disclosure as two PDFs: the narrative (情况说明) and the
tables (公开表格), as the Jiangsu provincial offices did in 2017 and 2018. Both then get the
same ``disclosure_id``: the curator's, when sources.csv gives one; otherwise the tables PDF's
document id, for a narrative-only PDF of the same year and kind that quotes the tables'
general-budget total, or that names the same department.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class DisclosureFacts:
    """What linking needs to know of one document."""

    document_id: str
    department: str | None
    year: int | None
    disclosure_kind: str | None
    has_tables: bool
    function_total: Decimal | None
    narrative_amounts: frozenset[Decimal]
    curated_id: str | None


def disclosure_ids(documents: list[DisclosureFacts]) -> dict[str, str]:
    """The disclosure id of every document (its own document id when it stands alone)."""
    ids = {document.document_id: document.curated_id or document.document_id for document in documents}
    with_tables = [document for document in documents if document.has_tables and not document.curated_id]
    for narrative in documents:
        if narrative.has_tables or narrative.curated_id or narrative.disclosure_kind is None:
            continue
        partners = [
            tables
            for tables in with_tables
            if (tables.year, tables.disclosure_kind) == (narrative.year, narrative.disclosure_kind)
            and (
                (tables.function_total is not None and tables.function_total in narrative.narrative_amounts)
                or (tables.department is not None and tables.department == narrative.department)
            )
        ]
        if len(partners) == 1:
            ids[narrative.document_id] = partners[0].document_id
    return ids
