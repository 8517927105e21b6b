"""How much of the labelled truth each contender recovers.

The pipeline is scored by the project's own evaluation (``pipeline.evaluation``): an amount
is exact when its published row has the right code, stage, measure, printed text, unit, value
in yuan and page. The baseline has no rows, codes or units, only cells, so it is given a far
more lenient test: a labelled amount counts as found when its printed text appears as a whole
cell of some camelot table on the labelled page. The same lenient test is applied to the
pipeline's published rows too, so the two can also be compared like for like.
"""

from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from bench.cells import cell_key
from pipeline.evaluation.labels import ExpectedAmount, ExpectedDocument, read_labels
from pipeline.evaluation.report import score_release

RELEASE_DATASETS = ("documents", "budget_lines", "three_public_expenses")


@dataclass
class Score:
    """Labelled amounts (function-table amounts plus 三公 items) and how many came out right."""

    amounts: int
    correct: int
    lines: int = 0
    lines_exact: int = 0
    facts_right: int = 0
    documents: int = 0

    @property
    def share(self) -> float:
        return self.correct / self.amounts if self.amounts else 1.0

    def figures(self) -> dict:
        return {**asdict(self), "share": self.share}


def labelled_amounts(labels: dict[str, ExpectedDocument]) -> list[tuple[str, ExpectedAmount]]:
    """Every labelled amount with its document id: the function table's and the 三公 table's."""
    return [
        (document_id, amount)
        for document_id, expected in sorted(labels.items())
        for amount in (*expected.function_lines, *expected.three_public_expenses)
    ]


def load_labels(folder: Path, document_ids: set[str]) -> dict[str, ExpectedDocument]:
    """The labels of the documents in the corpus (labels of absent documents would score as misses)."""
    return {document_id: label for document_id, label in read_labels(folder).items() if document_id in document_ids}


def read_release(published_dir: Path) -> dict[str, pd.DataFrame]:
    return {name: pd.read_parquet(published_dir / f"{name}.parquet") for name in RELEASE_DATASETS}


def pipeline_exact(labels: dict[str, ExpectedDocument], release: dict[str, pd.DataFrame]) -> Score:
    """The project's evaluation of a release: exact amounts and 三公 items, exact lines, documents' facts."""
    scores = score_release(labels, release)
    return Score(
        amounts=sum(score.amounts + score.three_public for score in scores),
        correct=sum(score.amounts_exact + score.three_public_exact for score in scores),
        lines=sum(score.lines for score in scores),
        lines_exact=sum(score.lines_exact for score in scores),
        facts_right=sum(not score.facts_wrong for score in scores),
        documents=len(scores),
    )


def pipeline_found(labels: dict[str, ExpectedDocument], release: dict[str, pd.DataFrame]) -> Score:
    """The baseline's lenient test applied to the release: the printed amount is in some row of that page."""
    printed = pd.concat(
        [release[name][["document_id", "page", "amount_printed"]] for name in ("budget_lines", "three_public_expenses")]
    ).dropna()
    seen = {(row.document_id, int(row.page), cell_key(str(row.amount_printed))) for row in printed.itertuples()}
    amounts = labelled_amounts(labels)
    return Score(
        amounts=len(amounts),
        correct=sum(
            (document_id, amount.page, cell_key(amount.amount_printed)) in seen for document_id, amount in amounts
        ),
    )


def baseline_found(labels: dict[str, ExpectedDocument], cells: dict[str, dict[str, list[str]]]) -> Score:
    """Labelled amounts whose printed text is a whole cell of a camelot table on the labelled page."""
    pages = {
        (document_id, int(page)): set(texts)
        for document_id, by_page in cells.items()
        for page, texts in by_page.items()
    }
    amounts = labelled_amounts(labels)
    return Score(
        amounts=len(amounts),
        correct=sum(
            cell_key(amount.amount_printed) in pages.get((document_id, amount.page), set())
            for document_id, amount in amounts
        ),
    )
