"""Withholding the rows of tables that fail reconciliation, with a trace of every row withheld.

An error-severity finding (a gap beyond printed rounding) means a table holds a wrong
number, from the source or from extraction; until someone corrects it, none of that table's
rows is published as data. Each withheld row is kept in ``validation_issues`` with the
finding that withheld it.
"""

import pandas as pd

from pipeline.contract.datasets import VALIDATION_ISSUES
from pipeline.contract.frames import dataset_frame, text_or_none


def quarantine(rows: pd.DataFrame, findings: pd.DataFrame, dataset: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows to publish, issues for the rows withheld) for one document's rows of one dataset.

    A disagreement between two tables withholds both: which of them is wrong is for a person to say.
    """
    errors = findings[(findings["severity"] == "error") & findings["tables"].notna()]
    reasons: dict[int, str] = {}
    for finding in errors.itertuples():
        for table_index in finding.tables.split(","):
            reasons.setdefault(int(table_index), f"{finding.check}: {finding.message}")
    withheld = rows["table_index"].isin(list(reasons))
    issues = [
        {
            "document_id": row.document_id,
            "check": "quarantined",
            "severity": "error",
            "table_kind": row.table_kind,
            "code": text_or_none(getattr(row, "code", None)),
            "measure": text_or_none(getattr(row, "measure", None) or getattr(row, "item", None)),
            "actual": row.amount_printed,
            "message": f"{dataset} row withheld because its table failed reconciliation ({reasons[int(row.table_index)]})",
            "source_sha256": row.source_sha256,
            "page": row.page,
            "table_index": row.table_index,
            "row_index": row.row_index,
        }
        for row in rows[withheld].itertuples()
    ]
    return rows[~withheld].reset_index(drop=True), dataset_frame(VALIDATION_ISSUES, issues)
