"""Per-document normalised datasets, one asset each, validated by the checks in ``checks.py``."""

from collections.abc import Callable, Iterator

import dagster as dg
import pandas as pd

from assets.checks import (
    RECONCILIATION_CHECK,
    reconciliation_check_result,
    schema_check_result,
    schema_check_spec,
)
from assets.metadata import column_lineage, frame_metadata
from assets.partitions import documents
from assets.resources import ProjectPaths
from pipeline.contract.datasets import (
    BUDGET_LINES,
    CORRECTIONS_LOG,
    PERFORMANCE_INDICATORS,
    THREE_PUBLIC_EXPENSES,
    VALIDATION_ISSUES,
    Dataset,
)
from pipeline.contract.frames import dataset_frame
from pipeline.corrections.apply import apply_corrections, corrections_for
from pipeline.corrections.model import read_corrections
from pipeline.extraction.document_tables import ExtractedDocument
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.budget_lines import normalize_budget_lines
from pipeline.normalization.performance_indicators import normalize_performance_indicators
from pipeline.normalization.records import Normalized
from pipeline.normalization.three_public_expenses import normalize_three_public_expenses
from pipeline.validation.reconciliation import reconcile_document

NORMALIZATION_VERSION = "2"
"""Bump when a change to the normalisers or the catalogue changes published rows."""

Normalizer = Callable[[list[DocumentTable], DocumentInfo], Normalized]


def dataset_asset(dataset: Dataset, normalize: Normalizer, description: str) -> dg.AssetsDefinition:
    """A partitioned asset holding one dataset's rows and issues for one document.

    The document's corrections file (if any) is applied to the rows it addresses, and each of
    its corrections logged.
    """

    @dg.asset(
        name=dataset.name,
        partitions_def=documents,
        group_name="datasets",
        code_version=NORMALIZATION_VERSION,
        description=description,
        kinds={"pandas"},
        check_specs=[schema_check_spec(dataset.name)],
    )
    def _normalized(
        context: dg.AssetExecutionContext, paths: ProjectPaths, extracted_tables: ExtractedDocument
    ) -> Iterator[dg.Output[Normalized] | dg.AssetCheckResult]:
        normalized = normalize(list(extracted_tables.tables), extracted_tables.info)
        corrections = corrections_for(dataset.name, read_corrections(paths.corrections_path(context.partition_key)))
        if corrections:
            rows, log = apply_corrections(normalized.rows, corrections, extracted_tables.info.document_id)
            normalized = Normalized(rows, normalized.issues, dataset_frame(CORRECTIONS_LOG, log))
        yield dg.Output(
            normalized,
            metadata={
                **frame_metadata(dataset, normalized.rows),
                "dagster/column_lineage": column_lineage(dataset, dg.AssetKey("extracted_tables")),
                "issues": len(normalized.issues),
                "corrections": len(corrections),
                "source_sha256": extracted_tables.info.sha256,
            },
        )
        yield schema_check_result(dataset.name, normalized.rows)

    return _normalized


budget_lines = dataset_asset(
    BUDGET_LINES, normalize_budget_lines, "Amounts of the classification tables, one row per printed amount."
)
three_public_expenses = dataset_asset(
    THREE_PUBLIC_EXPENSES, normalize_three_public_expenses, "The 三公经费 table, one row per printed item."
)
performance_indicators = dataset_asset(
    PERFORMANCE_INDICATORS, normalize_performance_indicators, "Department and project performance targets."
)
DATASET_ASSETS = (budget_lines, three_public_expenses, performance_indicators)


@dg.asset(
    partitions_def=documents,
    group_name="datasets",
    code_version=NORMALIZATION_VERSION,
    kinds={"pandas"},
    check_specs=[RECONCILIATION_CHECK],
)
def reconciliation(
    extracted_tables: ExtractedDocument, budget_lines: Normalized, three_public_expenses: Normalized
) -> Iterator[dg.Output[pd.DataFrame] | dg.AssetCheckResult]:
    """Every reconciliation finding of the document: sums, cross-table totals, 三公, narrative figures.

    Errors (gaps beyond printed rounding) quarantine their tables at publication; warnings are
    reported only.
    """
    findings = reconcile_document(
        extracted_tables.info.document_id,
        extracted_tables.info.sha256,
        budget_lines.rows,
        three_public_expenses.rows,
        extracted_tables.narrative,
        extracted_tables.facts.year,
    )
    yield dg.Output(
        findings,
        metadata={
            **frame_metadata(VALIDATION_ISSUES, findings),
            "errors": int((findings["severity"] == "error").sum()),
            "warnings": int((findings["severity"] == "warning").sum()),
        },
    )
    yield reconciliation_check_result(findings)
