"""The checks each document's datasets carry: a blocking schema check per dataset, and the reconciliation.

They are declared as check specs of the assets they check and evaluated in the same step, on the
frame just computed: a separate check step would load that frame again and record a dozen more
events per document, which on a corpus is a large share of the run's time.
"""

import warnings

import dagster as dg
import pandas as pd

from assets.metadata import markdown_table
from assets.partitions import documents
from pipeline.contract.schemas import schema_failures


def _document_check(name: str, asset: str, blocking: bool, description: str) -> dg.AssetCheckSpec:
    """A check per document partition, which the UI must show; Dagster 1.13 calls these a preview."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return dg.AssetCheckSpec(
            name, asset=asset, partitions_def=documents, blocking=blocking, description=description
        )


def schema_check_spec(dataset: str) -> dg.AssetCheckSpec:
    return _document_check(
        f"{dataset}_schema",
        dataset,
        True,
        f"Every row of {dataset} satisfies the published schema (types, codes, vocabularies).",
    )


def schema_check_result(dataset: str, rows: pd.DataFrame) -> dg.AssetCheckResult:
    """Pandera's verdict on one partition's rows, with the failure cases in its metadata."""
    failures = schema_failures(dataset, rows)
    return dg.AssetCheckResult(
        asset_key=dataset,
        check_name=f"{dataset}_schema",
        passed=failures.empty,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={"rows": len(rows), "failures": len(failures), "failure_cases": markdown_table(failures)},
    )


RECONCILIATION_CHECK = _document_check(
    "numbers_reconcile",
    "reconciliation",
    False,
    "Row totals, 类/款/项 sums, grand totals, totals across tables, 三公 and the narrative's "
    "figures agree; errors (beyond printed rounding) mark the amounts involved contradicted.",
)


def reconciliation_check_result(findings: pd.DataFrame) -> dg.AssetCheckResult:
    """Passed when nothing was found; the findings as a table (warning severity)."""
    errors = int((findings["severity"] == "error").sum())
    shown = findings[["severity", "check", "table_kind", "code", "measure", "difference", "pages", "message"]]
    return dg.AssetCheckResult(
        asset_key=RECONCILIATION_CHECK.asset_key,
        check_name=RECONCILIATION_CHECK.name,
        passed=findings.empty,
        severity=dg.AssetCheckSeverity.WARN,
        metadata={"errors": errors, "warnings": len(findings) - errors, "findings": markdown_table(shown)},
    )
