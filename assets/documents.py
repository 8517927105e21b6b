"""Per-document assets up to the typed tables: ``raw_document`` and ``extracted_tables``."""

import dagster as dg

from assets.metadata import extracted_table_schema
from assets.partitions import documents
from assets.resources import DocumentLimits, ProjectPaths
from pipeline.code_versions import EXTRACTION_PACKAGES, code_version
from pipeline.extraction.document_tables import ExtractedDocument
from pipeline.extraction.limits import extract_within_limits
from pipeline.inspection.document import DocumentInfo, inspect_document

EXTRACTION_VERSION = code_version(*EXTRACTION_PACKAGES)
"""Bump when a change to page targeting, camelot options or assembly changes what is extracted."""


@dg.asset(partitions_def=documents, group_name="documents", kinds={"pdf"})
def raw_document(context: dg.AssetExecutionContext, paths: ProjectPaths) -> dg.Output[DocumentInfo]:
    """The source PDF's identity: sha256 (its data version), size, page count, readability."""
    info = inspect_document(paths.document_path(context.partition_key))
    if info.status != "ok":
        context.log.error(f"{info.file_name}: {info.status}: {info.error}")
    return dg.Output(
        info,
        data_version=dg.DataVersion(paths.document_version(context.partition_key)),
        metadata={
            "sha256": info.sha256,
            "size_bytes": info.size_bytes,
            "pages": info.pages if info.pages is not None else -1,
            "status": info.status,
            "producer": info.producer,
            "error": info.error or "",
        },
    )


@dg.asset(partitions_def=documents, group_name="documents", code_version=EXTRACTION_VERSION, kinds={"camelot"})
def extracted_tables(
    context: dg.AssetExecutionContext, paths: ProjectPaths, limits: DocumentLimits, raw_document: DocumentInfo
) -> dg.Output[ExtractedDocument]:
    """The document's tables found by camelot on the pages that hold them, typed by the catalogue.

    Extraction runs in a child process under the document limits; a document stopped at one
    has no tables and a status saying which limit it reached.
    """
    path = paths.document_path(context.partition_key)
    run = extract_within_limits(path, raw_document, limits.limits())
    extracted = run.extracted
    if extracted.info.status != raw_document.status:
        context.log.error(f"{extracted.info.file_name}: {extracted.info.status}: {extracted.info.error}")
    inventory = [
        {
            "table": table.table_index,
            "kind": table.kind or "(not in catalogue)",
            "pages": ",".join(map(str, table.pages)),
            "unit": table.unit or "",
            "rows": len(table.rows),
            "accuracy": min(grid.accuracy for grid in table.grids),
            "engine": ",".join(sorted({grid.engine for grid in table.grids})),
        }
        for table in extracted.tables
    ]
    return dg.Output(
        extracted,
        metadata={
            "source_sha256": raw_document.sha256,
            "dagster/column_schema": extracted_table_schema(),
            "pages_parsed": ",".join(map(str, extracted.pages_parsed)),
            "tables_found": len(extracted.tables),
            "tables_recognised": sum(1 for table in extracted.tables if table.kind),
            "text_pages": extracted.text_pages,
            "extraction_seconds": round(run.seconds, 2),
            "extraction_peak_rss_mib": round(run.peak_rss_mib, 1),
            "year": extracted.facts.year or 0,
            "department": extracted.facts.department or "",
            "tables": dg.MetadataValue.table(
                records=[dg.TableRecord(row) for row in inventory],
                schema=dg.TableSchema(
                    columns=[
                        dg.TableColumn("table", "int"),
                        dg.TableColumn("kind", "string"),
                        dg.TableColumn("pages", "string"),
                        dg.TableColumn("unit", "string"),
                        dg.TableColumn("rows", "int"),
                        dg.TableColumn("accuracy", "float"),
                        dg.TableColumn("engine", "string"),
                    ]
                ),
            ),
        },
    )
