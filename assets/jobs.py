"""Jobs: everything for one document, and the publication of all documents."""

import dagster as dg

document_job = dg.define_asset_job(
    "document_job",
    selection=dg.AssetSelection.groups("documents", "datasets"),
    description="Inspect, extract and normalise one document (one partition), with its checks.",
)

publish_job = dg.define_asset_job(
    "publish_job",
    selection=dg.AssetSelection.groups("publication"),
    description="Write the release from every document's latest outputs.",
)
