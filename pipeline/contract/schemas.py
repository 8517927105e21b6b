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


SIGNED_MEASURES = ("opening_balance", "closing_balance", "carried_forward", "carried_over")
"""Balances and carry-overs may be negative; every other budget amount is spent or received money."""


def _levels_match_codes(frame: pd.DataFrame) -> pd.Series:
    return frame["code"].isna() | (frame["code"].str.len() == 2 * frame["code_level"].astype("float") + 1)


def _parents_match_codes(frame: pd.DataFrame) -> pd.Series:
    expected = frame["code"].str[:-2].where(frame["code"].str.len() > 3)
    return (frame["parent_code"].isna() & expected.isna()) | (frame["parent_code"] == expected)


def _amounts_not_negative(frame: pd.DataFrame) -> pd.Series:
    signed = frame["measure"].isin(SIGNED_MEASURES) if "measure" in frame else False
    return signed | (frame["amount_yuan"] >= 0)


DATASET_CHECKS: dict[str, list[pa.Check]] = {
    "budget_lines": [
        pa.Check(_levels_match_codes, name="code_level_matches_code"),
        pa.Check(_parents_match_codes, name="parent_code_matches_code"),
        pa.Check(_amounts_not_negative, name="amount_not_negative"),
    ],
    "three_public_expenses": [pa.Check(_amounts_not_negative, name="amount_not_negative")],
}
"""Rules across columns of one row, beyond each column's own type and domain: code_level is
(digits - 1) / 2, parent_code is the code without its last two digits, and only balances and
carry-overs may be negative."""


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
        checks=DATASET_CHECKS.get(name, []),
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
