"""``published``: every document's latest outputs, validated and written as one release."""

import dagster as dg

from assets.datasets import DOCUMENT_DATASET_KEYS
from assets.documents import extracted_tables, raw_document
from assets.freshness import FINGERPRINT, PUBLISHED, publication_fingerprint
from assets.resources import ProjectPaths, code_commit
from pipeline.contract.datasets import DATASETS_BY_NAME
from pipeline.inspection.document import unprocessed_document
from pipeline.inspection.sources import read_sources
from pipeline.publication.assembly import DocumentOutputs, release_frames, release_inputs
from pipeline.publication.release import publish_release

_ALL_PARTITIONS = {"allow_missing_partitions": True}
"""A document whose run failed has no stored output; it is published as failed, not skipped."""


@dg.asset(
    key=PUBLISHED,
    group_name="publication",
    ins={
        "raw_document": dg.AssetIn(raw_document.key, metadata=_ALL_PARTITIONS),
        "extracted_tables": dg.AssetIn(extracted_tables.key, metadata=_ALL_PARTITIONS),
        **{key.path[-1]: dg.AssetIn(key, metadata=_ALL_PARTITIONS) for key in DOCUMENT_DATASET_KEYS},
    },
    kinds={"parquet", "csv"},
)
def published(
    context: dg.AssetExecutionContext,
    paths: ProjectPaths,
    raw_document: object,
    extracted_tables: object,
    budget_lines: object,
    three_public_expenses: object,
    performance_indicators: object,
    reconciliation: object,
) -> dg.MaterializeResult:
    """Write every dataset of the contract as Parquet and CSV, with datapackage.json, to the published folder.

    Every PDF of the raw folder is published: a document removed from the folder loses its rows,
    and one whose run did not complete is listed as failed.
    """
    fingerprint = publication_fingerprint(context.instance, paths, paths.document_versions())
    raw_document = _by_document(context, "raw_document", raw_document)
    extracted_tables = _by_document(context, "extracted_tables", extracted_tables)
    budget_lines = _by_document(context, "budget_lines", budget_lines)
    three_public_expenses = _by_document(context, "three_public_expenses", three_public_expenses)
    performance_indicators = _by_document(context, "performance_indicators", performance_indicators)
    findings = _by_document(context, "reconciliation", reconciliation)
    sources = read_sources(paths.raw_path() / "sources.csv")
    outputs = [
        DocumentOutputs(
            info=raw_document.get(document_id) or unprocessed_document(path),
            extracted=extracted_tables.get(document_id),
            normalized={
                name: frames[document_id]
                for name, frames in (
                    ("budget_lines", budget_lines),
                    ("three_public_expenses", three_public_expenses),
                    ("performance_indicators", performance_indicators),
                )
                if document_id in frames
            },
            source=sources.get(document_id, {}),
            findings=findings.get(document_id),
        )
        for document_id, path in paths.document_files().items()
    ]
    frames = release_frames(outputs)
    counts = publish_release(
        frames,
        paths.published_path(),
        release_inputs(outputs),
        code_commit(),
    )
    documents = frames["documents"]
    context.log.info(f"published {counts} for {len(outputs)} documents to {paths.published_path()}")
    return dg.MaterializeResult(
        metadata={
            FINGERPRINT: fingerprint,
            "published_dir": str(paths.published_path()),
            "documents": len(outputs),
            "documents_by_status": dg.MetadataValue.json(documents["status"].value_counts().sort_index().to_dict()),
            **{f"rows/{name}": count for name, count in counts.items()},
            "dagster/row_count": counts["budget_lines"],
            "dataset_columns": dg.MetadataValue.json({name: DATASETS_BY_NAME[name].column_names for name in counts}),
        }
    )


def _by_document(context: dg.AssetExecutionContext, name: str, loaded: object) -> dict:
    """The input as {document_id: value}.

    Dagster hands over a dict of partitions, except when the input spans exactly one
    partition: then it passes that partition's value itself.
    """
    if isinstance(loaded, dict):
        return loaded
    [document_id] = context.asset_partition_keys_for_input(name)
    return {document_id: loaded}
