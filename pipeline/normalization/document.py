"""One document's datasets: each normaliser, its corrections applied, then the reconciliation of the whole.

The Dagster step that materializes them and the benchmark's run without Dagster both call this,
so the two compute exactly the same thing.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from pipeline.contract.datasets import BUDGET_LINES, CORRECTIONS_LOG, PERFORMANCE_INDICATORS, THREE_PUBLIC_EXPENSES
from pipeline.contract.frames import dataset_frame
from pipeline.corrections.apply import apply_corrections, corrections_for
from pipeline.corrections.model import Correction
from pipeline.extraction.document_tables import ExtractedDocument
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.budget_lines import normalize_budget_lines
from pipeline.normalization.performance_indicators import normalize_performance_indicators
from pipeline.normalization.records import Normalized
from pipeline.normalization.three_public_expenses import normalize_three_public_expenses
from pipeline.validation.reconciliation import findings_frame, reconcile_outcomes
from pipeline.validation.verification import verification_by_cell, with_verification

Normalizer = Callable[[list[DocumentTable], DocumentInfo], Normalized]
NORMALIZERS: dict[str, Normalizer] = {
    BUDGET_LINES.name: normalize_budget_lines,
    THREE_PUBLIC_EXPENSES.name: normalize_three_public_expenses,
    PERFORMANCE_INDICATORS.name: normalize_performance_indicators,
}


PARTLY_READ_CHECKS = ("amount", "column_roles")
"""Issues that say a table printed amounts the normaliser did not read: an unreadable cell, a column without a role."""


def partly_read_tables(issues: pd.DataFrame) -> frozenset[int]:
    """The tables some of whose printed amounts were not read, by their issues."""
    chosen = issues[issues["check"].isin(PARTLY_READ_CHECKS) & issues["table_index"].notna()]
    return frozenset(int(index) for index in chosen["table_index"])


@dataclass(frozen=True)
class NormalizedDocument:
    """The document's rows and issues by dataset, how many corrections each took, and the reconciliation findings."""

    datasets: dict[str, Normalized]
    corrections: dict[str, int]
    findings: pd.DataFrame


def normalize_document(extracted: ExtractedDocument, corrections: list[Correction]) -> NormalizedDocument:
    """Every dataset of the document, corrected, and the findings of reconciling them.

    Reconciliation reads the corrected rows, so a correction that fixes a misprint also clears
    the finding it caused; each amount of budget_lines and three_public_expenses then carries
    the verification status the identities it takes part in give it.
    """
    datasets, applied = {}, {}
    for name, normalize in NORMALIZERS.items():
        normalized = normalize(list(extracted.tables), extracted.info)
        chosen = corrections_for(name, corrections)
        if chosen:
            rows, log = apply_corrections(normalized.rows, chosen, extracted.info.document_id)
            normalized = Normalized(rows, normalized.issues, dataset_frame(CORRECTIONS_LOG, log))
        datasets[name], applied[name] = normalized, len(chosen)
    outcomes = reconcile_outcomes(
        extracted.info.document_id,
        extracted.info.sha256,
        datasets[BUDGET_LINES.name].rows,
        datasets[THREE_PUBLIC_EXPENSES.name].rows,
        extracted.narrative,
        extracted.facts.year,
        partly_read=partly_read_tables(datasets[THREE_PUBLIC_EXPENSES.name].issues),
    )
    by_cell = verification_by_cell(outcomes)
    for name in (BUDGET_LINES.name, THREE_PUBLIC_EXPENSES.name):
        normalized = datasets[name]
        datasets[name] = Normalized(
            with_verification(normalized.rows, by_cell), normalized.issues, normalized.corrections
        )
    return NormalizedDocument(datasets, applied, findings_frame(outcomes))
