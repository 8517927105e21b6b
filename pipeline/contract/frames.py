"""Building dataset frames with the contract's dtypes, so every step sees the same types."""

from collections.abc import Iterable, Mapping

import pandas as pd
import pyarrow as pa

from pipeline.contract.datasets import Dataset

ARROW_TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "decimal": pa.decimal128(18, 2),
    "float": pa.float64(),
}
"""The Parquet (Arrow) type of each column kind; money is decimal128(18, 2), never a float."""

PANDAS_DTYPES = {
    "string": "str",
    "integer": "Int64",
    "boolean": "boolean",
    "decimal": pd.ArrowDtype(ARROW_TYPES["decimal"]),
    "float": "Float64",
}


def arrow_schema(dataset: Dataset) -> pa.Schema:
    """The dataset's Arrow schema, with each column's English description as field metadata."""
    return pa.schema(
        [
            pa.field(
                column.name,
                ARROW_TYPES[column.kind],
                nullable=not column.required,
                metadata={"description": column.en, "description_zh": column.zh},
            )
            for column in dataset.columns
        ]
    )


def dataset_frame(dataset: Dataset, records: Iterable[Mapping[str, object]]) -> pd.DataFrame:
    """A frame with exactly the dataset's columns, in order, typed as the contract says.

    Going through Arrow keeps Decimal amounts exact (no float on the way) and missing values
    as proper nulls for every kind.
    """
    table = pa.Table.from_pylist(list(records), schema=arrow_schema(dataset).remove_metadata())
    frame = table.to_pandas(types_mapper={ARROW_TYPES["decimal"]: PANDAS_DTYPES["decimal"]}.get)
    return frame.astype({column.name: PANDAS_DTYPES[column.kind] for column in dataset.columns})


def text_or_none(value: object) -> str | None:
    """A frame value as text for a record, with pandas' missing values (NaN, NA) as None."""
    return None if value is None or pd.isna(value) else str(value)
