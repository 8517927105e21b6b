"""The evaluation as tables a person reads: the truth-free quality of every document, then the score
of the labelled ones; per document and in total."""

from decimal import Decimal

import pandas as pd

from pipeline.evaluation.labels import ExpectedDocument
from pipeline.evaluation.score import DocumentScore, score_document


def score_release(labels: dict[str, ExpectedDocument], release: dict[str, pd.DataFrame]) -> list[DocumentScore]:
    """Score every labelled document against a release's documents, budget_lines and three_public_expenses."""
    documents = release["documents"].set_index("document_id")
    disclosures = documents["disclosure_id"].to_dict()
    return [
        score_document(
            expected,
            release["budget_lines"],
            release["three_public_expenses"],
            documents.loc[document_id] if document_id in documents.index else None,
            disclosures,
        )
        for document_id, expected in sorted(labels.items())
    ]


def evaluation_report(
    labels: dict[str, ExpectedDocument], release: dict[str, pd.DataFrame], details: bool = False
) -> str:
    """The quality report of every document, then the labelled documents (those in the release) scored."""
    published = set(release["documents"]["document_id"])
    labelled = {document_id: expected for document_id, expected in labels.items() if document_id in published}
    parts = [quality_report(release["documents"])]
    if labelled:
        parts += ["", label_report(labelled, release, details)]
    return "\n".join(parts)


TABLE_CONTENT = ("tables", "tables_and_narrative")


def quality_report(documents: pd.DataFrame) -> str:
    """Per document and in total, what needs no labels: tables missing, amounts verified, totals against
    the narrative's figures (in 万元)."""
    table = pd.DataFrame(
        [
            {
                "document": row.document_id,
                "holds": row.content,
                "status": row.status,
                "missing tables": row.tables_missing if isinstance(row.tables_missing, str) else "",
                "verified": f"{row.amounts_verified}/{row.amounts}",
                "contradicted": row.amounts_contradicted,
                "function total": _wan(row.function_total_yuan),
                "narrative": _wan(row.narrative_function_total_yuan),
                "agrees": _flag(row.function_total_agrees),
                "三公 total": _wan(row.three_public_total_yuan),
                "三公 narrative": _wan(row.narrative_three_public_total_yuan),
                "三公 agrees": _flag(row.three_public_total_agrees),
            }
            for row in documents.sort_values("document_id").itertuples()
        ]
    )
    with_tables = documents[documents["content"].isin(TABLE_CONTENT)]
    tables = len(with_tables)
    function = int(with_tables["function_total_yuan"].notna().sum())
    three = int(with_tables["three_public_total_yuan"].notna().sum())
    verified, amounts = int(documents["amounts_verified"].sum()), int(documents["amounts"].sum())
    share = 100 * verified / amounts if amounts else 0.0
    missing = int(with_tables["tables_missing"].notna().sum())
    totals = [
        f"documents with tables: {tables} of {len(documents)}",
        f"general-budget function table published: {function}/{tables}",
        f"  its total equals the narrative's figure: {_agreeing(with_tables['function_total_agrees'])}",
        f"三公 table published: {three}/{tables}",
        f"  its total equals the narrative's figure: {_agreeing(with_tables['three_public_total_agrees'])}",
        f"amounts verified: {verified}/{amounts} ({share:.1f}%); contradicted: {int(documents['amounts_contradicted'].sum())}",
        f"documents missing a standard table: {missing}/{tables}",
    ]
    return "\n".join([table.to_string(index=False), "", *totals])


def _agreeing(flags: pd.Series) -> str:
    stated = flags.dropna()
    return f"{int(stated.astype(bool).sum())}/{len(stated)} (where the narrative states one)"


def _wan(yuan: object) -> str:
    return "" if yuan is None or pd.isna(yuan) else f"{Decimal(yuan) / 10_000:,.2f}"


def _flag(value: object) -> str:
    return "" if value is None or pd.isna(value) else ("yes" if value else "NO")


def label_report(labels: dict[str, ExpectedDocument], release: dict[str, pd.DataFrame], details: bool = False) -> str:
    """Every labelled document scored: lines, amounts, 三公 items and facts exact."""
    scores = score_release(labels, release)
    table = pd.DataFrame(
        [
            {
                "document": score.document_id,
                "lines": f"{score.lines_exact}/{score.lines}",
                "amounts": f"{score.amounts_exact}/{score.amounts}",
                "三公": f"{score.three_public_exact}/{score.three_public}",
                "facts": "ok" if not score.facts_wrong else "; ".join(score.facts_wrong),
            }
            for score in scores
        ]
    )
    totals = {
        name: (sum(getattr(s, f"{name}_exact") for s in scores), sum(getattr(s, name) for s in scores))
        for name in ("lines", "amounts", "three_public")
    }
    facts_ok = sum(not s.facts_wrong for s in scores)
    lines = [table.to_string(index=False), ""]
    for name, (exact, expected) in totals.items():
        share = 100 * exact / expected if expected else 100.0
        lines.append(f"{name}: {exact}/{expected} exact ({share:.1f}%)")
    lines.append(f"documents with every fact right: {facts_ok}/{len(scores)}")
    if details:
        for score in scores:
            lines += [f"{score.document_id}: {mismatch}" for mismatch in score.mismatches]
    return "\n".join(lines)
