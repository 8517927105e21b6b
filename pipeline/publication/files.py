"""Writing one dataset as Parquet and CSV, byte for byte the same for the same rows.

Rows are put in the contract's order, the writers' settings are fixed, and no file holds a
timestamp, so a release can be checked by its hashes.
"""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.contract.datasets import Dataset
from pipeline.contract.frames import arrow_schema

PARQUET_OPTIONS = {"compression": "zstd", "compression_level": 9, "use_dictionary": True, "write_statistics": True}


def ordered(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame in the dataset's stable order (nulls last), with a fresh index."""
    return frame.sort_values(list(dataset.order_by), na_position="last", kind="stable").reset_index(drop=True)


def to_arrow(dataset: Dataset, frame: pd.DataFrame) -> pa.Table:
    """The frame as an Arrow table with the contract's schema (and its column descriptions)."""
    schema = arrow_schema(dataset)
    return pa.Table.from_pandas(
        frame[dataset.column_names], schema=schema, preserve_index=False
    ).replace_schema_metadata({"dataset": dataset.name, "description": dataset.en, "description_zh": dataset.zh})


def write_parquet(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, **PARQUET_OPTIONS)


def write_csv(table: pa.Table, path: Path) -> None:
    """UTF-8 with a byte-order mark, so that Excel opens the Chinese text correctly.

    Amounts are written with their two decimals (``33944100.00``), booleans as true/false and
    nulls as empty fields.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(table.column_names)
    for row in table.to_pylist():
        writer.writerow(_csv_value(value) for value in row.values())
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)
