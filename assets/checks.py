"""Blocking schema checks: each document's rows of each dataset against the contract's pandera schema."""

import warnings

import dagster as dg

from assets.datasets import DATASET_ASSETS
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


with warnings.catch_warnings():
    # Checks per document partition are what the UI must show; Dagster 1.13 calls them a preview.
    warnings.simplefilter("ignore", dg.PreviewWarning)
    SCHEMA_CHECKS = tuple(schema_check(asset) for asset in DATASET_ASSETS)
