"""Per-document normalised datasets and their reconciliation: four assets materialized by one step.

One step rather than four: the extracted document is loaded once, and a document run records a
few dozen events fewer, which on a corpus is a large share of Dagster's time. Each dataset is
still its own asset, with its own lineage, metadata and checks.
"""

from collections.abc import Iterator

import dagster as dg

from assets.checks import (
    RECONCILIATION_CHECK,
    reconciliation_check_result,
    schema_check_result,
    schema_check_spec,
)
from assets.metadata import column_lineage, frame_metadata
from assets.partitions import documents
from assets.resources import ProjectPaths
from pipeline.code_versions import NORMALIZATION_PACKAGES, code_version
from pipeline.contract.datasets import DATASETS_BY_NAME, VALIDATION_ISSUES
from pipeline.corrections.model import read_corrections
from pipeline.extraction.document_tables import ExtractedDocument
from pipeline.normalization.document import NORMALIZERS, normalize_document

NORMALIZATION_VERSION = code_version(*NORMALIZATION_PACKAGES)
"""Bump when a change to the normalisers, the catalogue or reconciliation changes published rows."""

DESCRIPTIONS = {
    "budget_lines": "Amounts of the classification tables, one row per printed amount.",
    "three_public_expenses": "The 三公经费 table, one row per printed item.",
    "performance_indicators": "Department and project performance targets.",
    "reconciliation": "Every reconciliation finding of the document: sums, cross-table totals, 三公, narrative "
    "figures. Errors (gaps beyond printed rounding) mark the amounts involved contradicted; warnings are reported.",
}
DATASET_NAMES = tuple(NORMALIZERS)
DOCUMENT_DATASET_KEYS = tuple(dg.AssetKey(name) for name in (*DATASET_NAMES, "reconciliation"))


@dg.multi_asset(
    outs={
        name: dg.AssetOut(
            group_name="datasets", code_version=NORMALIZATION_VERSION, description=description, kinds={"pandas"}
        )
        for name, description in DESCRIPTIONS.items()
    },
    partitions_def=documents,
    check_specs=[*(schema_check_spec(name) for name in DATASET_NAMES), RECONCILIATION_CHECK],
    # Every asset of the step depends on extracted_tables alone. Reconciliation reads the step's own
    # budget_lines and three_public_expenses, but a dependency inside one step of a partitioned asset makes
    # Dagster take the input's data version from the asset's latest materialization of any partition: with
    # documents run at once, another document's, and a "Data version mismatch" warning. extracted_tables
    # (whose raw_document version covers the corrections file) decides all four.
    internal_asset_deps={name: {dg.AssetKey("extracted_tables")} for name in DESCRIPTIONS},
)
def normalized_datasets(
    context: dg.AssetExecutionContext, paths: ProjectPaths, extracted_tables: ExtractedDocument
) -> Iterator[dg.Output | dg.AssetCheckResult]:
    """The document's datasets, its corrections file (if any) applied and logged, then reconciled."""
    corrections = read_corrections(paths.corrections_path(context.partition_key))
    result = normalize_document(extracted_tables, corrections)
    for name, normalized in result.datasets.items():
        dataset = DATASETS_BY_NAME[name]
        yield dg.Output(
            normalized,
            output_name=name,
            metadata={
                **frame_metadata(dataset, normalized.rows),
                "dagster/column_lineage": column_lineage(dataset, dg.AssetKey("extracted_tables")),
                "issues": len(normalized.issues),
                "corrections": result.corrections[name],
                "source_sha256": extracted_tables.info.sha256,
            },
        )
        yield schema_check_result(name, normalized.rows)
    findings = result.findings
    yield dg.Output(
        findings,
        output_name="reconciliation",
        metadata={
            **frame_metadata(VALIDATION_ISSUES, findings),
            "errors": int((findings["severity"] == "error").sum()),
            "warnings": int((findings["severity"] == "warning").sum()),
        },
    )
    yield reconciliation_check_result(findings)
