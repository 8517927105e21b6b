"""What every normalised row and every issue carries: where it came from."""

from dataclasses import dataclass, field

import pandas as pd

from pipeline.contract.datasets import VALIDATION_ISSUES, Dataset
from pipeline.contract.frames import dataset_frame
from pipeline.extraction.tables import DocumentTable, SourceRow
from pipeline.inspection.document import DocumentInfo


@dataclass
class Normalized:
    """A dataset's rows for one document, and the issues met while producing them."""

    rows: pd.DataFrame
    issues: pd.DataFrame


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

    def result(self) -> Normalized:
        return Normalized(dataset_frame(self.dataset, self.rows), dataset_frame(VALIDATION_ISSUES, self.issues))
