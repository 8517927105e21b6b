"""The sensor that picks up PDFs in the raw folder, and the daily schedule that republishes."""

import dagster as dg

from assets.freshness import materialized_version
from assets.jobs import document_job, publish_job
from assets.partitions import documents
from assets.resources import ProjectPaths


@dg.sensor(
    job=document_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Registers every PDF of the raw folder as a document partition and runs the documents whose "
    "inputs (PDF bytes or corrections file) differ from their last materialization; the run key carries that version.",
)
def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: ProjectPaths) -> dg.SensorResult:
    versions = paths.document_versions()
    known = set(context.instance.get_dynamic_partitions(documents.name))
    new = sorted(set(versions) - known)
    requests = []
    for document_id, version in versions.items():
        if document_id in new or materialized_version(context.instance, document_id) != version:
            requests.append(dg.RunRequest(partition_key=document_id, run_key=f"{document_id}:{version}"))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[documents.build_add_request(new)] if new else [],
    )


daily_publication = dg.ScheduleDefinition(
    name="daily_publication",
    job=publish_job,
    cron_schedule="0 6 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Republishes every morning from the latest outputs of all documents.",
)
