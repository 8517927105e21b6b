"""How many labelled lines and amounts a release reproduces exactly.

An amount is exact when the published row for its code (or total), stage and measure has
the same printed text, the same unit, the right value in yuan, and the right page. A line
(a printed table row) is exact when all of its amounts are and its name is the printed one.
"""

from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from pipeline.catalogue.table_kinds import FUNCTION_TABLE_KIND
from pipeline.evaluation.labels import ExpectedAmount, ExpectedDocument
from pipeline.parsing.amounts import UNIT_FACTORS
from pipeline.parsing.cell_text import fold_for_matching

FACTS = ("department", "year", "disclosure_kind", "status")


@dataclass
class DocumentScore:
    document_id: str
    lines: int = 0
    lines_exact: int = 0
    amounts: int = 0
    amounts_exact: int = 0
    three_public: int = 0
    three_public_exact: int = 0
    facts_wrong: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)


def score_document(
    expected: ExpectedDocument,
    budget_lines: pd.DataFrame,
    three_public: pd.DataFrame,
    document: pd.Series | None,
    disclosures: dict[str, str],
) -> DocumentScore:
    """Compare one document's published rows and facts with its labels.

    A code printed more than once (Beijing stacks its units' blocks without naming them) is matched
    in printed order: the n-th labelled occurrence with the n-th published one.

    ``disclosures`` maps every published document id to its disclosure id: a labelled
    companion must share it, and a document standing alone must share it with no other.
    """
    score = DocumentScore(expected.document_id)
    published = _first_table(budget_lines, expected.document_id, FUNCTION_TABLE_KIND)
    by_key: dict[tuple[str, str, str], list] = {}
    for row in published.itertuples():
        by_key.setdefault((_code(row.code), row.stage, row.measure), []).append(row)
    rows: dict[tuple[str, str], list[bool]] = {}
    for amount in expected.function_lines:
        printed = by_key.get((amount.code, amount.stage, amount.key))
        row = printed.pop(0) if printed else None
        exact = _amount_exact(amount, row, score) and (amount.code == "" or _same_name(amount.name, row.name))
        rows.setdefault((amount.code, amount.name), []).append(exact)
        score.amounts += 1
        score.amounts_exact += exact
    score.lines = len(rows)
    score.lines_exact = sum(all(flags) for flags in rows.values())
    items = three_public[three_public["document_id"] == expected.document_id]
    items_by_key = {
        (row.stage, row.item): row for row in items.sort_values(["table_index", "page", "row_index"]).itertuples()
    }
    for amount in expected.three_public_expenses:
        exact = _amount_exact(amount, items_by_key.get((amount.stage, amount.key)), score)
        score.three_public += 1
        score.three_public_exact += exact
    if document is None:
        score.facts_wrong.append("not in documents")
        return score
    own, partner = disclosures[expected.document_id], expected.companion
    sharing = sorted(other for other, disclosure in disclosures.items() if disclosure == own)
    if sharing != sorted({expected.document_id, partner} - {None}):
        score.facts_wrong.append(f"disclosure_id {own!r} is shared by {sharing}, expected companion {partner!r}")
    for fact in FACTS:
        if fact == "status" and expected.status is None:
            continue  # the labeller did not judge how completely the document can be read
        published_value = None if pd.isna(document[fact]) else document[fact]
        if published_value != getattr(expected, fact):
            score.facts_wrong.append(f"{fact}: {published_value!r} != {getattr(expected, fact)!r}")
    return score


def _first_table(lines: pd.DataFrame, document_id: str, kind: str) -> pd.DataFrame:
    rows = lines[(lines["document_id"] == document_id) & (lines["table_kind"] == kind)]
    if rows.empty:
        return rows
    return rows[rows["table_index"] == rows["table_index"].min()].sort_values(["page", "row_index", "column_index"])


def _code(value: object) -> str:
    return "" if pd.isna(value) else str(value)


def _same_name(expected: str, printed: object) -> bool:
    return not pd.isna(printed) and fold_for_matching(expected) == fold_for_matching(str(printed))


def _amount_exact(amount: ExpectedAmount, row: object | None, score: DocumentScore) -> bool:
    what = f"p{amount.page} {amount.code or amount.name} {amount.stage}/{amount.key} {amount.amount_printed}"
    if row is None:
        score.mismatches.append(f"missing {what}")
        return False
    yuan = Decimal(amount.amount_printed.replace(",", "")) * UNIT_FACTORS[amount.unit]
    found = (row.amount_printed, row.unit_printed, row.amount_yuan, row.page)
    if found != (amount.amount_printed, amount.unit, yuan, amount.page):
        score.mismatches.append(f"wrong {what}: found {found[0]} {found[1]} {found[2]} p{found[3]}")
        return False
    return True
