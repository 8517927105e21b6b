"""pandera schemas derived from the contract: what a published frame must satisfy."""

from collections.abc import Callable
from functools import cache

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.contract.datasets import DATASETS_BY_NAME, Column
from pipeline.contract.frames import PANDAS_DTYPES


def _field(column: Column) -> object:
    """The pandera Field of a contract column: nullability, domain, and its descriptions."""
    return pa.Field(
        nullable=not column.required,
        isin=list(column.vocabulary) if column.vocabulary else None,
        str_matches=column.pattern,
        ge=column.minimum,
        description=column.en,
        title=column.zh,
    )


SIGNED_MEASURES = ("opening_balance", "closing_balance", "carried_forward", "carried_over")
"""Balances and carry-overs may be negative; every other budget amount is spent or received money."""


def _code_level_matches_code(frame: pd.DataFrame) -> pd.Series:
    return frame["code"].isna() | (frame["code"].str.len() == 2 * frame["code_level"].astype("float") + 1)


def _parent_code_matches_code(frame: pd.DataFrame) -> pd.Series:
    expected = frame["code"].str[:-2].where(frame["code"].str.len() > 3)
    return (frame["parent_code"].isna() & expected.isna()) | (frame["parent_code"] == expected)


def _amount_not_negative(frame: pd.DataFrame) -> pd.Series:
    signed = frame["measure"].isin(SIGNED_MEASURES) if "measure" in frame else False
    return signed | (frame["amount_yuan"] >= 0)


def _row_index_unless_added(frame: pd.DataFrame) -> pd.Series:
    added = frame["correction"].str.startswith("add_row:").fillna(False) if "correction" in frame else False
    return frame["row_index"].notna() | added


DATASET_CHECKS = {
    "budget_lines": (
        _code_level_matches_code,
        _parent_code_matches_code,
        _amount_not_negative,
        _row_index_unless_added,
    ),
    "three_public_expenses": (_amount_not_negative, _row_index_unless_added),
    "performance_indicators": (_row_index_unless_added,),
}
"""Rules across columns of one row, beyond each column's own type and domain: code_level is
(digits - 1) / 2, parent_code is the code without its last two digits, only balances and
carry-overs may be negative, and only a row added by a correction lacks a row_index."""


@cache
def dataset_model(name: str) -> type[pa.DataFrameModel]:
    """The pandera DataFrameModel of a published dataset, generated from its contract declaration.

    Exact columns in order (strict), dtypes, nullability, vocabularies, patterns and minimums
    per column, and the dataset's rules across columns as dataframe checks.
    """
    dataset = DATASETS_BY_NAME[name]
    namespace: dict[str, object] = {
        "__annotations__": {column.name: Series[PANDAS_DTYPES[column.kind]] for column in dataset.columns},
        "__module__": __name__,
        "__doc__": dataset.en,
        "Config": type("Config", (), {"strict": True, "ordered": True, "name": name, "title": dataset.zh}),
        **{column.name: _field(column) for column in dataset.columns},
    }
    for rule in DATASET_CHECKS.get(name, ()):
        namespace[rule.__name__.strip("_")] = pa.dataframe_check(_as_check(rule))
    model_name = "".join(part.capitalize() for part in name.split("_"))
    return type(model_name, (pa.DataFrameModel,), namespace)


def _as_check(rule: Callable[[pd.DataFrame], pd.Series]) -> Callable[..., pd.Series]:
    """A rule as the method pandera's dataframe_check expects (it binds it to the model class)."""

    def check(cls: type, frame: pd.DataFrame) -> pd.Series:
        return rule(frame)

    check.__name__ = rule.__name__.strip("_")
    return check


def dataset_schema(name: str) -> pa.DataFrameSchema:
    """The schema object of a dataset's model (what pandera validates with)."""
    return dataset_model(name).to_schema()


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
