"""``datapackage.json``: a Frictionless description of the release that describes itself.

The CSV files are tabular resources with their Table Schema, which frictionless validates row by
row; the Parquet files and the data dictionary are file resources, validated by size and hash
(the Parquet files carry their own typed schema).

Every file with its sha256 and size, every column with its type and descriptions in English
and Chinese, and every input PDF with its sha256, so a reader can check what they downloaded
and where it came from.
"""

import hashlib
import json
from pathlib import Path

from pipeline import __version__
from pipeline.contract.datasets import Dataset
from pipeline.publication.database import DATABASE_FILE

FRICTIONLESS_TYPES = {
    "string": "string",
    "integer": "integer",
    "boolean": "boolean",
    "decimal": "number",
    "float": "number",
}


def _dimension(*columns: str, **extra: str) -> dict:
    return {**extra, "attributes": {column: {"source": column} for column in columns}, "primaryKey": [columns[0]]}


_DOCUMENT = _dimension("document_id", "source_sha256")
_PROVENANCE = _dimension("table_index", "page", "row_index", "column_index")
FISCAL_MODELS = {
    "budget_lines": {
        "measures": {"amount": {"source": "amount_yuan", "currency": "CNY", "title": "Amount (yuan)"}},
        "dimensions": {
            "document": _DOCUMENT,
            "table": _dimension("table_kind", "table_title"),
            "classification": _dimension(
                "code", "name", "parent_code", "code_level", "classification", dimensionType="classification"
            ),
            "budget_stage": _dimension("stage", dimensionType="other"),
            "measure": _dimension("measure", "measure_printed", "section", dimensionType="other"),
            "source": _PROVENANCE,
        },
    },
    "three_public_expenses": {
        "measures": {"amount": {"source": "amount_yuan", "currency": "CNY", "title": "Amount (yuan)"}},
        "dimensions": {
            "document": _DOCUMENT,
            "item": _dimension("item", "item_printed", dimensionType="classification"),
            "budget_stage": _dimension("stage", dimensionType="other"),
            "source": _PROVENANCE,
        },
    },
}
"""Fiscal Data Package style models of the amount datasets, so OpenSpending-style tools can load them:
amounts in CNY, functional and economic classification (the ``classification`` column says which),
budget stage and measure as dimensions."""


def table_schema(dataset: Dataset) -> dict:
    """The Frictionless Table Schema of a dataset."""
    fields = []
    for column in dataset.columns:
        field: dict = {
            "name": column.name,
            "type": FRICTIONLESS_TYPES[column.kind],
            "description": column.en,
            "description_zh": column.zh,
        }
        constraints: dict = {}
        if column.required:
            constraints["required"] = True
        if column.vocabulary:
            constraints["enum"] = list(column.vocabulary)
        if column.pattern:
            constraints["pattern"] = column.pattern
        if column.minimum is not None:
            constraints["minimum"] = column.minimum
        if constraints:
            field["constraints"] = constraints
        if column.kind == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def file_facts(path: Path) -> dict:
    data = path.read_bytes()
    return {"hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)}


def datapackage(
    release_dir: Path,
    datasets: tuple[Dataset, ...],
    inputs: list[dict],
    code_commit: str | None = None,
    partitions: list[Path] = (),
) -> dict:
    """The package descriptor for the files already written in ``release_dir``.

    ``code_commit`` names the code that made them (the git commit, ``+dirty`` when the checkout
    had uncommitted changes), so that the release can be reproduced. ``partitions`` are the
    year/region Parquet files, listed with their hashes like every other data file.
    """
    resources = []
    for dataset in datasets:
        csv_file, parquet_file = release_dir / f"{dataset.name}.csv", release_dir / f"{dataset.name}.parquet"
        resources.append(
            {
                "name": f"{dataset.name}-csv",
                "path": csv_file.name,
                "title": dataset.en,
                "description": dataset.en,
                "description_zh": dataset.zh,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                **file_facts(csv_file),
                "schema": table_schema(dataset),
                **({"model": FISCAL_MODELS[dataset.name]} if dataset.name in FISCAL_MODELS else {}),
            }
        )
        resources.append(
            {
                "name": f"{dataset.name}-parquet",
                "type": "file",
                "path": parquet_file.name,
                "title": dataset.en,
                "description": f"The rows of {dataset.name}-csv, typed (amounts as decimal128(18, 2)); the Parquet "
                "file carries its own schema with each column's description.",
                "description_zh": dataset.zh,
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                **file_facts(parquet_file),
            }
        )
    for number, path in enumerate(partitions, start=1):
        relative = path.relative_to(release_dir)
        dataset, year, region = relative.parts[1], relative.parts[2], relative.parts[3]
        resources.append(
            {
                "name": f"{dataset.replace('_', '-')}-part-{number:04d}",
                "type": "file",
                "path": relative.as_posix(),
                "title": f"The rows of {dataset}-parquet with {year} and {region}",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                **file_facts(path),
            }
        )
    database = release_dir / DATABASE_FILE
    resources.append(
        {
            "name": "duckdb-database",
            "type": "file",
            "path": database.name,
            "title": "Every dataset as a DuckDB table, built from the Parquet files of this release",
            "description": "DuckDB writes a random identifier into each database file, so this file alone has "
            "no hash: its tables hold exactly the rows of the Parquet files, whose hashes are listed.",
            "format": "duckdb",
            "mediatype": "application/vnd.duckdb",
        }
    )
    dictionary = release_dir / "data_dictionary.md"
    resources.append(
        {
            "name": "data-dictionary",
            "type": "file",
            "path": dictionary.name,
            "title": "Data dictionary: every dataset and column, in Chinese and English",
            "format": "md",
            "mediatype": "text/markdown",
            **file_facts(dictionary),
        }
    )
    return {
        "name": "cnbudget",
        "title": "Chinese government department budget disclosures, as open data",
        "title_zh": "中国政府部门预算公开数据",
        "version": __version__,
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "cnbudget": {"pipeline_version": __version__, "code_commit": code_commit, "inputs": inputs},
        "resources": resources,
    }


def write_datapackage(descriptor: dict, path: Path) -> None:
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
