"""What every normalised row and every issue carries: where it came from."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

import pandas as pd

from pipeline.catalogue.matching import Column
from pipeline.contract.datasets import VALIDATION_ISSUES, Dataset
from pipeline.contract.frames import dataset_frame
from pipeline.extraction.tables import DocumentTable, SourceRow
from pipeline.inspection.document import DocumentInfo
from pipeline.parsing.amounts import AmountError, parse_amount, to_yuan

UNREAD_LABELS = r"^(序号|行次|栏次|编号)$"
"""Columns whose numbers count rows, not money."""
MAX_SHOWN = 5


@dataclass
class Normalized:
    """A dataset's rows for one document, the issues met producing them, and the corrections log."""

    rows: pd.DataFrame
    issues: pd.DataFrame
    corrections: pd.DataFrame | None = None


@dataclass
class Collector:
    """Accumulates rows and issues for one dataset of one document."""

    dataset: Dataset
    document: DocumentInfo
    rows: list[dict] = field(default_factory=list)
    issues: list[dict] = field(default_factory=list)

    def add_row(self, table: DocumentTable, row: SourceRow, **values: object) -> None:
        self.rows.append(
            {
                "document_id": self.document.document_id,
                "table_kind": table.kind,
                "table_title": table.title,
                **values,
                **({"corrected": False} if "corrected" in self.dataset.column_names else {}),
                "source_sha256": self.document.sha256,
                "page": row.page,
                "table_index": table.table_index,
                "row_index": row.row_index,
            }
        )

    def add_issue(
        self,
        check: str,
        message: str,
        table: DocumentTable | None = None,
        row: SourceRow | None = None,
        severity: str = "error",
        **details: object,
    ) -> None:
        self.issues.append(
            {
                "document_id": self.document.document_id,
                "check": check,
                "severity": severity,
                "table_kind": table.kind if table is not None else None,
                "message": message,
                "row_text": " | ".join(row.cells) if row is not None else None,
                "source_sha256": self.document.sha256,
                "page": row.page
                if row is not None
                else (table.pages[0] if table is not None and table.pages else None),
                "table_index": table.table_index if table is not None else None,
                "row_index": row.row_index if row is not None else None,
                **{key: None if value is None else str(value) for key, value in details.items()},
            }
        )

    def report_unread_columns(self, table: DocumentTable, read: set[int]) -> None:
        """One warning for a table's columns outside ``read`` that print amounts: what a table prints and the
        catalogue gives no meaning to is said, never dropped in silence. Row numbers (序号) are not amounts."""
        unread = []
        for position, label in enumerate(table.labels):
            amounts = table.amounts_in(position)
            if position in read or not amounts or re.search(UNREAD_LABELS, label):
                continue
            shown = ", ".join(amounts[:MAX_SHOWN]) + (", …" if len(amounts) > MAX_SHOWN else "")
            unread.append(f"column {position + 1} ({label or 'no header'}): {len(amounts)} amounts, {shown}")
        if unread:
            self.add_issue(
                "column_roles",
                "amounts in columns no catalogue role reads, not published: " + "; ".join(unread),
                table,
                severity="warning",
            )

    def lacks_unit(self, table: DocumentTable) -> bool:
        """Record an error and say so when a table prints amounts without a 单位 line to read them in."""
        if table.unit is None and table.has_amounts:
            self.add_issue("unit", "the table prints amounts but no 单位 line was found", table)
            return True
        return False

    def yuan_at(
        self, table: DocumentTable, row: SourceRow, position: int, measure: str, code: str | None = None
    ) -> Decimal | None:
        """The amount printed in a cell, in yuan; None for a blank cell or one recorded as an issue."""
        printed = row.cells[position]
        try:
            amount = parse_amount(printed)
            return None if amount is None else to_yuan(amount, table.unit or "")
        except AmountError as error:
            self.add_issue("amount", str(error), table, row, code=code, measure=measure, actual=printed)
            return None

    def add_amount(self, table: DocumentTable, row: SourceRow, column: Column, **values: object) -> None:
        """One row for the amount printed in ``column`` of ``row``, with its stage, unit and cell position.

        A blank cell adds nothing; an unreadable one adds an issue instead.
        """
        code = values.get("code")
        yuan = self.yuan_at(table, row, column.position, column.role.key, code if isinstance(code, str) else None)
        if yuan is None:
            return
        self.add_row(
            table,
            row,
            **values,
            stage=column.stage,
            amount_yuan=yuan,
            amount_printed=row.cells[column.position],
            unit_printed=table.unit,
            column_index=column.position + 1,
        )

    def result(self) -> Normalized:
        return Normalized(dataset_frame(self.dataset, self.rows), dataset_frame(VALIDATION_ISSUES, self.issues))
