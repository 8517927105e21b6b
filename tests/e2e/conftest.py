"""Materialize the real Dagster assets once per session, on real PDFs, in throw-away instances."""

import shutil
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from assets.definitions import build_definitions
from assets.instance import INSTANCE_OVERRIDES
from assets.partitions import documents
from assets.resources import PROJECT_ROOT, DocumentLimits, ProjectPaths

REFERENCE_ID = "chongqing_beibei_chaoyang_2023_budget"
REFERENCE_PDF = PROJECT_ROOT / "data" / "raw" / f"{REFERENCE_ID}.pdf"
NOT_A_PDF_ID = "saved_error_page"
CORPUS = PROJECT_ROOT.parent / "shared" / "corpus"
LABELS = PROJECT_ROOT / "tests" / "fixtures" / "corpus"


@dataclass
class Release:
    """A release produced by the real jobs, and what the runs reported."""

    published_dir: Path
    instance: dg.DagsterInstance
    document_results: dict[str, dg.ExecuteInProcessResult]

    def read(self, dataset: str) -> pd.DataFrame:
        return pd.read_parquet(self.published_dir / f"{dataset}.parquet")


def materialize_folder(raw: Path, root: Path, limits: DocumentLimits | None = None) -> Release:
    """Run document_job for every PDF of ``raw``, then publish_job, in a new instance under ``root``."""
    paths = ProjectPaths(raw_dir=str(raw), published_dir=str(root / "published"))
    defs = build_definitions(paths, limits)
    (root / "dagster_home").mkdir()
    instance = dg.DagsterInstance.local_temp(str(root / "dagster_home"), overrides=INSTANCE_OVERRIDES)
    keys = list(paths.document_files())
    instance.add_dynamic_partitions(documents.name, keys)
    results = {
        key: defs.resolve_job_def("document_job").execute_in_process(instance=instance, partition_key=key)
        for key in keys
    }
    defs.resolve_job_def("publish_job").execute_in_process(instance=instance)
    return Release(root / "published", instance, results)


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """The reference PDF and an HTML error page saved as .pdf, run through document_job and publish_job."""
    root = tmp_path_factory.mktemp("release")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_PDF, raw)
    shutil.copy(PROJECT_ROOT / "data" / "raw" / "sources.csv", raw)
    (raw / f"{NOT_A_PDF_ID}.pdf").write_text("<html><body>502 Bad Gateway</body></html>", encoding="utf-8")
    return materialize_folder(raw, root)


@pytest.fixture(scope="session")
def corpus_release(tmp_path_factory: pytest.TempPathFactory) -> Release:
    """Every PDF of ../shared/corpus (linked, never copied), run through the real jobs."""
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not present: the corpus tests need the real disclosures beside the project")
    root = tmp_path_factory.mktemp("corpus")
    raw = root / "raw"
    raw.mkdir()
    for pdf in sorted(CORPUS.rglob("*.pdf")):
        (raw / pdf.name).symlink_to(pdf)
    return materialize_folder(raw, root)
