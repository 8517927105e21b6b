"""The row datasets again, split into Hive-style ``year=/region=`` folders.

An analyst querying one province's 2024 budgets over thousands of documents should read only
those files: DuckDB, Spark and pyarrow skip the other folders when a query filters on year or
region. The single files stay the canonical release; these hold exactly the same rows.
"""

import re
from pathlib import Path

import pandas as pd

from pipeline.contract.datasets import Dataset
from pipeline.publication.files import to_arrow, write_parquet

PARTITIONED_DATASETS = ("budget_lines", "three_public_expenses", "performance_indicators")
PARTITIONS_DIR = "partitioned"
UNKNOWN = "__HIVE_DEFAULT_PARTITION__"
"""The folder value Hive, Spark and DuckDB read back as null, for a document without a year or region."""
_UNSAFE = re.compile(r"[/\\=%]")


def partition_values(documents: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """Each document's (year, region) folder values."""
    return {
        row.document_id: (
            UNKNOWN if pd.isna(row.year) else str(int(row.year)),
            UNKNOWN if pd.isna(row.region) else _UNSAFE.sub(lambda match: f"%{ord(match.group()):02X}", row.region),
        )
        for row in documents.itertuples()
    }


def write_partitions(dataset: Dataset, rows: pd.DataFrame, documents: pd.DataFrame, root: Path) -> list[Path]:
    """Write ``rows`` (already in the dataset's order) as one Parquet file per year and region; returns them sorted.

    Every document of the release must be in ``documents``; the rows keep their order within each file.
    """
    values = partition_values(documents)
    keys = rows["document_id"].map(values)
    written = []
    for year, region in sorted(set(keys)):
        part = rows[keys == (year, region)].reset_index(drop=True)
        path = root / PARTITIONS_DIR / dataset.name / f"year={year}" / f"region={region}" / "part-0.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        write_parquet(to_arrow(dataset, part), path)
        written.append(path)
    return written
