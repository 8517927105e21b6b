"""A release: all datasets written to a staging folder, then moved over the previous files.

Every file is written and validated before any published file is touched, so a failure leaves
the previous release as it was; each file (and the partitioned folder) is then replaced by an
atomic rename, and datapackage.json, which lists the hashes of all the others, comes last.
"""

import shutil
import tempfile
from pathlib import Path

import pandas as pd

from pipeline.contract.datasets import DATASETS
from pipeline.contract.schemas import dataset_schema
from pipeline.publication.database import write_database
from pipeline.publication.datapackage import datapackage, write_datapackage
from pipeline.publication.dictionary import data_dictionary
from pipeline.publication.files import ordered, to_arrow, write_csv, write_parquet
from pipeline.publication.partitions import PARTITIONED_DATASETS, write_partitions


def publish_release(
    frames: dict[str, pd.DataFrame], published_dir: Path, inputs: list[dict], code_commit: str | None = None
) -> dict[str, int]:
    """Validate and write every dataset of the contract; returns the row count of each.

    Raises pandera's SchemaErrors before anything is replaced when a frame breaks the contract.
    """
    for dataset in DATASETS:
        dataset_schema(dataset.name).validate(frames[dataset.name], lazy=True)
    published_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=published_dir))
    try:
        counts = {}
        partitions = []
        for dataset in DATASETS:
            rows = ordered(dataset, frames[dataset.name])
            table = to_arrow(dataset, rows)
            write_parquet(table, staging / f"{dataset.name}.parquet")
            write_csv(table, staging / f"{dataset.name}.csv")
            counts[dataset.name] = table.num_rows
            if dataset.name in PARTITIONED_DATASETS:
                partitions += write_partitions(dataset, rows, frames["documents"], staging)
        write_database(staging, DATASETS)
        (staging / "data_dictionary.md").write_text(data_dictionary(DATASETS), encoding="utf-8")
        write_datapackage(
            datapackage(staging, DATASETS, sorted(inputs, key=lambda item: item["path"]), code_commit, partitions),
            staging / "datapackage.json",
        )
        _swap_in(staging, published_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return counts


def _swap_in(staging: Path, published_dir: Path) -> None:
    """Move the staged files over the published ones, datapackage.json last, and drop stale ones.

    The partitioned folder is swapped whole: the new one is renamed into place right after the
    old one is renamed away, so no reader sees a mix of two releases' partitions.
    """
    staged = sorted(staging.iterdir(), key=lambda path: path.name == "datapackage.json")
    names = {path.name for path in staged}
    for path in staged:
        target = published_dir / path.name
        if path.is_dir():
            previous = Path(tempfile.mkdtemp(prefix=".previous-", dir=published_dir)) / path.name
            if target.exists():
                target.rename(previous)
            path.rename(target)
            shutil.rmtree(previous.parent)
        else:
            path.replace(target)
    staging.rmdir()
    for stale in published_dir.glob("*"):
        if stale.suffix in {".parquet", ".csv", ".duckdb"} and stale.name not in names:
            stale.unlink()
