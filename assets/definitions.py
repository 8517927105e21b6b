"""The Definitions object that ``workspace.yaml``, ``dagster`` commands and ``cnbudget run`` load."""

import dagster as dg

from assets.automation import daily_publication, raw_folder_sensor
from assets.datasets import normalized_datasets
from assets.documents import extracted_tables, raw_document
from assets.jobs import document_job, publish_job
from assets.publication import published
from assets.resources import DocumentLimits, ProjectPaths


def build_definitions(paths: ProjectPaths | None = None, limits: DocumentLimits | None = None) -> dg.Definitions:
    """Definitions with the given folders (by default those of the environment or the project).

    Each run executes in one process: steps are short, and parallelism comes from running
    documents as separate runs.
    """
    return dg.Definitions(
        assets=[raw_document, extracted_tables, normalized_datasets, published],
        jobs=[document_job, publish_job],
        sensors=[raw_folder_sensor],
        schedules=[daily_publication],
        resources={"paths": paths or ProjectPaths(), "limits": limits or DocumentLimits()},
        executor=dg.in_process_executor,
    )


defs = build_definitions()
