"""The evaluation as a table a person reads: per document and in total."""

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
