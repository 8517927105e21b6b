"""Blocking schema checks: each document's rows of each dataset against the contract's pandera schema."""

import warnings

import dagster as dg
import pandas as pd

from assets.datasets import DATASET_ASSETS, reconciliation
from assets.metadata import markdown_table
from assets.partitions import documents
from pipeline.contract.schemas import schema_failures
from pipeline.normalization.records import Normalized


def schema_check(asset: dg.AssetsDefinition) -> dg.AssetChecksDefinition:
    """A check that validates one partition's rows of a dataset with pandera, failures in its metadata."""
    name = asset.key.path[-1]

    @dg.asset_check(
        asset=asset,
        name=f"{name}_schema",
        partitions_def=documents,
        blocking=True,
        description=f"Every row of {name} satisfies the published schema (types, codes, vocabularies).",
    )
    def _check(normalized: Normalized) -> dg.AssetCheckResult:
        failures = schema_failures(name, normalized.rows)
        return dg.AssetCheckResult(
            passed=failures.empty,
            severity=dg.AssetCheckSeverity.ERROR,
            metadata={
                "rows": len(normalized.rows),
                "failures": len(failures),
                "failure_cases": markdown_table(failures),
            },
        )

    return _check


def reconciliation_check() -> dg.AssetChecksDefinition:
    """Sums, cross-table totals, 三公 and narrative figures reconcile; findings shown as a table (warning severity)."""

    @dg.asset_check(
        asset=reconciliation,
        name="numbers_reconcile",
        partitions_def=documents,
        blocking=False,
        description="Row totals, 类/款/项 sums, grand totals, totals across tables, 三公 and the narrative's "
        "figures agree; errors (beyond printed rounding) quarantine their tables at publication.",
    )
    def _check(reconciliation: pd.DataFrame) -> dg.AssetCheckResult:
        errors = int((reconciliation["severity"] == "error").sum())
        shown = reconciliation[["severity", "check", "table_kind", "code", "measure", "difference", "pages", "message"]]
        return dg.AssetCheckResult(
            passed=reconciliation.empty,
            severity=dg.AssetCheckSeverity.WARN,
            metadata={"errors": errors, "warnings": len(reconciliation) - errors, "findings": markdown_table(shown)},
        )

    return _check


with warnings.catch_warnings():
    # Checks per document partition are what the UI must show; Dagster 1.13 calls them a preview.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    SCHEMA_CHECKS = tuple(schema_check(asset) for asset in DATASET_ASSETS)
    RECONCILIATION_CHECK = reconciliation_check()
