"""Each published amount's verification status, from the identities it takes part in.

A number the document prints is published whatever reconciliation finds: the status says how
far to trust it. ``verified``: part of an identity that holds (exactly or within printed
rounding); ``contradicted``: part of one that fails beyond rounding, with that finding's id;
``unverified``: no identity covers it. A contradiction wins over any agreement, since one
failing identity is enough to doubt an amount.
"""

import pandas as pd

from pipeline.validation.findings import Outcome

Cell = tuple[int, int, int, int]


def verification_by_cell(outcomes: list[Outcome]) -> dict[Cell, tuple[str, str | None]]:
    """(status, finding id) of every table cell some identity involves."""
    status: dict[Cell, tuple[str, str | None]] = {}
    for outcome in outcomes:
        for member in outcome.members:
            cell = member.cell
            if cell is None:
                continue
            if outcome.contradicts and outcome.finding is not None:
                if status.get(cell, ("",))[0] != "contradicted":
                    status[cell] = ("contradicted", outcome.finding["finding_id"])
            elif not outcome.beyond_rounding:
                status.setdefault(cell, ("verified", None))
    return status


def with_verification(rows: pd.DataFrame, by_cell: dict[Cell, tuple[str, str | None]]) -> pd.DataFrame:
    """The rows with their ``verification`` and ``finding_id`` set from the outcomes' statuses."""
    statuses = [
        by_cell.get(_cell(table, page, row, column), ("unverified", None))
        for table, page, row, column in zip(
            rows["table_index"], rows["page"], rows["row_index"], rows["column_index"], strict=True
        )
    ]
    verified = rows.copy()
    verified["verification"] = pd.Series([status for status, _ in statuses], index=rows.index, dtype="str")
    verified["finding_id"] = pd.Series([finding for _, finding in statuses], index=rows.index, dtype="str")
    return verified


def _cell(table: object, page: object, row: object, column: object) -> Cell | None:
    values = (table, page, row, column)
    return None if any(pd.isna(value) for value in values) else tuple(int(value) for value in values)
