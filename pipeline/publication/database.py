"""A DuckDB database with every dataset as a table, for analysts who want SQL without setting anything up.

It is built from the release's own Parquet files, so its rows and types are theirs. DuckDB writes
a random database identifier into every file header, so the database is the one file of the
release whose bytes differ between two builds of the same rows: it is listed without a hash,
and its content is checked against the Parquet files instead.
"""

from pathlib import Path

import duckdb

from pipeline.contract.datasets import Dataset

DATABASE_FILE = "cnbudget.duckdb"


def write_database(release_dir: Path, datasets: tuple[Dataset, ...]) -> Path:
    """Create ``cnbudget.duckdb`` in ``release_dir`` from its ``<dataset>.parquet`` files, with table and column comments."""
    path = release_dir / DATABASE_FILE
    connection = duckdb.connect(str(path))
    try:
        for dataset in datasets:
            table = _identifier(dataset.name)
            parquet = release_dir / f"{dataset.name}.parquet"
            connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_parquet(?)", [str(parquet)])
            connection.execute(f"COMMENT ON TABLE {table} IS {_literal(f'{dataset.en} / {dataset.zh}')}")
            for column in dataset.columns:
                comment = _literal(f"{column.en} / {column.zh}")
                connection.execute(f"COMMENT ON COLUMN {table}.{_identifier(column.name)} IS {comment}")
        connection.execute("CHECKPOINT")
    finally:
        connection.close()
    return path


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
