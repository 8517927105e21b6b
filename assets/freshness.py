"""Whether a document's stored outputs are current: same PDF bytes, same code, nothing missing.

Used by the sensor (to launch runs only for new or changed documents) and by ``cnbudget run``
(to skip documents whose outputs are already up to date).
"""

import dagster as dg

from assets.datasets import DATASET_ASSETS, reconciliation
from assets.documents import extracted_tables, raw_document

DOCUMENT_ASSETS: tuple[dg.AssetsDefinition, ...] = (raw_document, extracted_tables, *DATASET_ASSETS, reconciliation)


def _latest(instance: dg.DagsterInstance, asset: dg.AssetsDefinition, document_id: str) -> dg.EventLogRecord | None:
    result = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=asset.key, asset_partitions=[document_id]), limit=1
    )
    return result.records[0] if result.records else None


def materialized_version(instance: dg.DagsterInstance, document_id: str) -> str | None:
    """The input version (PDF sha256, plus corrections) the latest ``raw_document`` materialization recorded."""
    record = _latest(instance, raw_document, document_id)
    return record.asset_materialization.tags.get("dagster/data_version") if record else None


def document_is_current(instance: dg.DagsterInstance, document_id: str, version: str) -> bool:
    """True when every per-document asset was materialized from these inputs by the current code.

    Each downstream output must be newer than the raw document it derives from, and carry its
    asset's current code version.
    """
    raw = _latest(instance, raw_document, document_id)
    if raw is None or raw.asset_materialization.tags.get("dagster/data_version") != version:
        return False
    for asset in DOCUMENT_ASSETS[1:]:
        record = _latest(instance, asset, document_id)
        if record is None or record.storage_id < raw.storage_id:
            return False
        expected = asset.code_versions_by_key.get(asset.key)
        if expected is not None and record.asset_materialization.tags.get("dagster/code_version") != expected:
            return False
    return True
