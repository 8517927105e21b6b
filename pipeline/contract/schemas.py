"""pandera schemas derived from the contract: what a published frame must satisfy."""

from functools import cache

import pandas as pd
import pandera.pandas as pa

from pipeline.contract.datasets import DATASETS_BY_NAME, Column
from pipeline.contract.frames import PANDAS_DTYPES


def _checks(column: Column) -> list[pa.Check]:
    checks = []
    if column.vocabulary:
        checks.append(pa.Check.isin(column.vocabulary))
    if column.pattern:
        checks.append(pa.Check.str_matches(column.pattern))
    if column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum))
    return checks


@cache
def dataset_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of a published dataset: exact columns and order, dtypes, domains."""
    dataset = DATASETS_BY_NAME[name]
    return pa.DataFrameSchema(
        {
            column.name: pa.Column(
                PANDAS_DTYPES[column.kind],
                checks=_checks(column),
                nullable=not column.required,
                description=column.en,
                title=column.zh,
            )
            for column in dataset.columns
        },
        strict=True,
        ordered=True,
        name=name,
    )


def schema_failures(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Every schema violation of the frame, one row per failing value (empty when valid).

    Validation is lazy so that all failures are reported at once, with pandera's own columns
    (schema_context, column, check, check_number, failure_case, index).
    """
    try:
        dataset_schema(name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return errors.failure_cases
    return pd.DataFrame(columns=["schema_context", "column", "check", "check_number", "failure_case", "index"])
