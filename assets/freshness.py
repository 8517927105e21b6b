"""Whether a document's stored outputs are current: same PDF bytes, same code, nothing missing.

Used by the sensor (to launch runs only for new or changed documents) and by ``cnbudget run``
(to skip documents whose outputs are already up to date, and a publication that would write the
same release again).
"""

import hashlib
import json

import dagster as dg

from assets.datasets import normalized_datasets
from assets.documents import extracted_tables, raw_document
from assets.resources import ProjectPaths, code_commit
from pipeline import __version__
from pipeline.inspection.document import file_sha256

FINGERPRINT = "inputs_fingerprint"
"""The metadata key under which ``published`` records the fingerprint of what it was made from."""
PUBLISHED = dg.AssetKey("published")

CODE_VERSIONS: dict[dg.AssetKey, str | None] = {
    key: version
    for asset in (raw_document, extracted_tables, normalized_datasets)
    for key, version in asset.code_versions_by_key.items()
}
"""Every per-document asset, upstream first, with the version of the code that computes it."""


def _latest(instance: dg.DagsterInstance, key: dg.AssetKey, document_id: str) -> dg.EventLogRecord | None:
    result = instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=key, asset_partitions=[document_id]), limit=1
    )
    return result.records[0] if result.records else None


def materialized_version(instance: dg.DagsterInstance, document_id: str) -> str | None:
    """The input version (PDF sha256, plus corrections) the latest ``raw_document`` materialization recorded."""
    record = _latest(instance, raw_document.key, document_id)
    return record.asset_materialization.tags.get("dagster/data_version") if record else None


def document_is_current(instance: dg.DagsterInstance, document_id: str, version: str) -> bool:
    """True when every per-document asset was materialized from these inputs by the current code.

    Each downstream output must be newer than the raw document it derives from, and carry its
    asset's current code version.
    """
    raw = _latest(instance, raw_document.key, document_id)
    if raw is None or raw.asset_materialization.tags.get("dagster/data_version") != version:
        return False
    for key, expected in CODE_VERSIONS.items():
        if key == raw_document.key:
            continue
        record = _latest(instance, key, document_id)
        if record is None or record.storage_id < raw.storage_id:
            return False
        if expected is not None and record.asset_materialization.tags.get("dagster/code_version") != expected:
            return False
    return True


def publication_fingerprint(instance: dg.DagsterInstance, paths: ProjectPaths, versions: dict[str, str]) -> str:
    """What a release is made of: each document's input version (``versions``, every PDF of the raw
    folder) and the outputs it was published from, sources.csv, the release folder and the code.

    Two equal fingerprints mean publishing again would write the same files.
    """
    latest = {
        key.to_user_string(): instance.get_latest_storage_id_by_partition(
            key, dg.DagsterEventType.ASSET_MATERIALIZATION, set(versions)
        )
        for key in CODE_VERSIONS
    }
    sources = paths.raw_path() / "sources.csv"
    payload = {
        "documents": [
            [document_id, versions[document_id], [latest[key].get(document_id) for key in sorted(latest)]]
            for document_id in sorted(versions)
        ],
        "sources": file_sha256(sources) if sources.exists() else None,
        "published_dir": str(paths.published_path()),
        "code": [__version__, code_commit()],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def publication_is_current(instance: dg.DagsterInstance, paths: ProjectPaths, versions: dict[str, str]) -> bool:
    """True when the last release was made from exactly the current inputs and is still in its folder."""
    event = instance.get_latest_materialization_event(PUBLISHED)
    if event is None or not (paths.published_path() / "datapackage.json").exists():
        return False
    recorded = event.asset_materialization.metadata.get(FINGERPRINT)
    return recorded is not None and recorded.value == publication_fingerprint(instance, paths, versions)
