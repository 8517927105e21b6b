"""Materialization metadata shared by the assets: row counts and column schemas for the UI."""

import dagster as dg
import pandas as pd

from pipeline.contract.datasets import Dataset


def frame_metadata(dataset: Dataset, frame: pd.DataFrame) -> dict[str, object]:
    """``dagster/row_count`` and ``dagster/column_schema`` of a dataset frame."""
    return {
        "dagster/row_count": len(frame),
        "dagster/column_schema": dg.TableSchema(
            columns=[dg.TableColumn(column.name, column.kind, description=column.en) for column in dataset.columns]
        ),
    }


def markdown_table(frame: pd.DataFrame, limit: int = 50) -> dg.MetadataValue:
    """A frame as a Markdown table for the UI, cut at ``limit`` rows with a note saying so."""
    shown = frame.head(limit).astype(str).to_markdown(index=False) if len(frame) else "(none)"
    more = f"\n\n… and {len(frame) - limit} more" if len(frame) > limit else ""
    return dg.MetadataValue.md(shown + more)
