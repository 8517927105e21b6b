"""``documents`` and ``tables``: what each document is, what was found in it, and its status."""

import pandas as pd

from pipeline.contract.datasets import DOCUMENTS, TABLES
from pipeline.contract.frames import dataset_frame
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.inspection.facts import DocumentFacts, region_of


def document_status(
    info: DocumentInfo,
    text_pages: int,
    tables: list[DocumentTable],
    facts: DocumentFacts,
    withheld_issues: int,
    contradictions: int = 0,
) -> tuple[str, str | None]:
    """The document's status and, when it is not ok, why in words, from the most to the least fundamental problem.

    A readable PDF with no text on any page is a scan (no_text_layer); one that names no
    catalogue table and no budget or final-accounts title is not a disclosure at all, and
    neither is one whose standard tables print no amount anywhere (a publication template,
    like sh_final_accounts_template with its …/XXX placeholders); one with printed rows that
    could not be read as data is partial; one whose published amounts contradict each other
    beyond rounding is contradictory.
    """
    if info.status != "ok":
        return info.status, info.error
    if text_pages == 0:
        return "no_text_layer", f"none of its {info.pages} pages has a text layer: a scan, which needs OCR first"
    standard = [table for table in tables if table.kind]
    if not standard and facts.disclosure_kind is None:
        return "not_a_budget_disclosure", (
            f"no page of its {info.pages} names a standard budget table or a budget or final-accounts title"
        )
    if standard and not any(table.has_amounts for table in standard):
        return "not_a_budget_disclosure", "its standard tables print no amount: a blank template"
    if withheld_issues:
        return "partial", f"{withheld_issues} validation errors withheld rows; see validation_issues"
    if contradictions:
        return "contradictory", (
            f"{contradictions} reconciliation errors: amounts that contradict each other beyond rounding are "
            "published with verification = contradicted; see validation_issues"
        )
    return "ok", None


def document_frame(
    info: DocumentInfo, facts: DocumentFacts, source: dict[str, str], status: str, error: str | None, tables_found: int
) -> pd.DataFrame:
    """The document's one row of ``documents``; recorded facts in sources.csv fill what the PDF does not say.

    The region is the one recorded in sources.csv, else the place name the department's name starts with.
    """
    year = facts.year or (int(source["year"]) if source.get("year", "").isdigit() else None)
    department = facts.department or source.get("publisher") or None
    return dataset_frame(
        DOCUMENTS,
        [
            {
                "document_id": info.document_id,
                "file_name": info.file_name,
                "disclosure_id": info.document_id,
                "sha256": info.sha256,
                "size_bytes": info.size_bytes,
                "pages": info.pages,
                "department": department,
                "region": source.get("region") or region_of(department),
                "year": year,
                "disclosure_kind": facts.disclosure_kind if status != "not_a_budget_disclosure" else None,
                "status": status,
                "error": error,
                "tables_found": tables_found,
            }
        ],
    )


def tables_frame(info: DocumentInfo, tables: list[DocumentTable]) -> pd.DataFrame:
    """One row per table of the document, with its pages and camelot's lowest accuracy."""
    return dataset_frame(
        TABLES,
        [
            {
                "document_id": info.document_id,
                "table_index": table.table_index,
                "table_kind": table.kind,
                "table_title": table.title or None,
                "recognised_by": table.recognition.method if table.recognition else "none",
                "confidence": table.recognition.confidence if table.recognition else 0.0,
                "evidence": "; ".join(table.recognition.evidence) if table.recognition else None,
                "unit_printed": table.unit,
                "pages": ",".join(str(page) for page in table.pages),
                "columns": len(table.labels) or (len(table.rows[0].cells) if table.rows else 0),
                "body_rows": len(table.rows),
                "header": " | ".join(table.labels) or None,
                "notes": " ".join(table.notes) or None,
                "accuracy": min(grid.accuracy for grid in table.grids),
                "source_sha256": info.sha256,
            }
            for table in tables
        ],
    )
