"""Materialization metadata shared by the assets: row counts and column schemas for the UI."""

import dagster as dg
import pandas as pd

from pipeline.contract.datasets import COLUMN_SOURCES, EXTRACTED_TABLE_PARTS, Dataset


def frame_metadata(dataset: Dataset, frame: pd.DataFrame) -> dict[str, object]:
    """``dagster/row_count`` and ``dagster/column_schema`` of a dataset frame."""
    return {
        "dagster/row_count": len(frame),
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(column.name, column.kind, description=column.en) for column in dataset.columns]
        ),
    }


def extracted_table_schema() -> dg.TableSchema:
    """The parts of an extracted table, named so that dataset columns can point back to them."""
    return dg.TableSchema(
        columns=[dg.TableColumn(part, "object", description=text) for part, text in EXTRACTED_TABLE_PARTS.items()]
    )


def column_lineage(dataset: Dataset, upstream: dg.AssetKey) -> dg.TableColumnLineage:
    """``dagster/column_lineage`` of a dataset: each column back to the extracted-table parts it is read from."""
    return dg.TableColumnLineage(
        deps_by_column={
            column.name: [
                dg.TableColumnDep(asset_key=upstream, column_name=part) for part in COLUMN_SOURCES[column.name]
            ]
            for column in dataset.columns
            if column.name in COLUMN_SOURCES
        }
    )


def markdown_table(frame: pd.DataFrame, limit: int = 50) -> dg.MetadataValue:
    """A frame as a Markdown table for the UI, cut at ``limit`` rows with a note saying so."""
    shown = frame.head(limit).astype(str).to_markdown(index=False) if len(frame) else "(none)"
    more = f"\n\n… and {len(frame) - limit} more" if len(frame) > limit else ""
    return dg.MetadataValue.md(shown + more)
