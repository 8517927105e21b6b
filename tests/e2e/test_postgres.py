"""The scale-out path, for real: ``cnbudget run`` on a PostgreSQL-backed instance configured by deploy/postgres.

A local PostgreSQL server is started for the test (skipped, saying what to install, where its binaries are
missing); the example dagster.yaml is used unchanged, with its connection settings in the environment.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

from assets.resources import PROJECT_ROOT
from tests.e2e.conftest import REFERENCE_ID, REFERENCE_PDF
from tests.e2e.postgres_server import INSTALL_HINT, PostgresServer, find_server_binaries, running_postgres

pytestmark = pytest.mark.e2e
EXAMPLE_INSTANCE = PROJECT_ROOT / "deploy" / "postgres" / "dagster.yaml"
RUN_SECONDS = 300
SQLITE_FOLDERS = ("history", "schedules")
"""Where a SQLite-backed instance keeps runs, events and schedules under DAGSTER_HOME."""


@pytest.fixture
def postgres() -> Iterator[PostgresServer]:
    """A fresh PostgreSQL server with an empty ``cnbudget`` database, stopped (and checked gone) afterwards."""
    binaries = find_server_binaries()
    if binaries is None:
        pytest.skip(INSTALL_HINT)
    with running_postgres(binaries) as server:
        yield server


def _cnbudget_run(home: Path, raw: Path, published: Path, server: PostgresServer) -> subprocess.CompletedProcess:
    """The installed ``cnbudget run`` command, as an operator would start it: a process whose instance is
    whatever ``$DAGSTER_HOME/dagster.yaml`` says, its PostgreSQL settings read from the environment."""
    environment = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "DAGSTER_PG_HOST": server.host,
        "DAGSTER_PG_PORT": str(server.port),
        "DAGSTER_PG_DB": server.database,
        "DAGSTER_PG_USERNAME": server.username,
        "DAGSTER_PG_PASSWORD": server.password,
    }
    command = [str(Path(sys.executable).parent / "cnbudget"), "run", "--raw-dir", str(raw)]
    return subprocess.run(
        [*command, "--published-dir", str(published)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=RUN_SECONDS,
        check=False,
    )


def _runs(server: PostgresServer) -> list[tuple[str, str, str | None]]:
    """(job, status, partition) of every run recorded in PostgreSQL's ``runs`` table, sorted."""
    with server.connect() as connection, connection.cursor() as cursor:
        cursor.execute("SELECT pipeline_name, status, partition FROM runs")
        rows = cursor.fetchall()
    connection.close()
    return sorted(rows, key=lambda row: (row[0], row[1], row[2] or ""))


def _materializations(server: PostgresServer, asset: str) -> list[str | None]:
    """The partitions of the asset's materialization events stored in PostgreSQL's ``event_logs`` table."""
    with server.connect() as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT partition FROM event_logs WHERE dagster_event_type = 'ASSET_MATERIALIZATION' AND asset_key = %s",
            (f'["{asset}"]',),
        )
        rows = cursor.fetchall()
    connection.close()
    return sorted((row[0] for row in rows), key=lambda partition: partition or "")


def test_cnbudget_run_records_runs_in_postgres_and_skips_the_unchanged_document_after(
    postgres: PostgresServer, tmp_path: Path
) -> None:
    home, raw, published = tmp_path / "home", tmp_path / "raw", tmp_path / "published"
    home.mkdir()
    raw.mkdir()
    shutil.copy(EXAMPLE_INSTANCE, home / "dagster.yaml")
    shutil.copy(REFERENCE_PDF, raw)
    shutil.copy(REFERENCE_PDF.parent / "sources.csv", raw)

    first = _cnbudget_run(home, raw, published, postgres)
    assert first.returncode == 0, first.stdout + first.stderr
    assert f"runs recorded in {home}" in first.stdout
    assert len(pd.read_parquet(published / "budget_lines.parquet")) == 541
    assert _runs(postgres) == [("document_job", "SUCCESS", REFERENCE_ID), ("publish_job", "SUCCESS", None)]
    assert _materializations(postgres, "raw_document") == [REFERENCE_ID]
    assert _materializations(postgres, "published") == [None]
    assert not [name for name in SQLITE_FOLDERS if (home / name).exists()], "the instance used SQLite, not PostgreSQL"
    release = (published / "budget_lines.parquet").read_bytes()

    second = _cnbudget_run(home, raw, published, postgres)
    assert second.returncode == 0, second.stdout + second.stderr
    assert f"{REFERENCE_ID}: unchanged since its last run, skipped" in second.stdout
    assert "was made from exactly these inputs; not published again" in second.stdout
    assert _runs(postgres) == [("document_job", "SUCCESS", REFERENCE_ID), ("publish_job", "SUCCESS", None)]
    assert _materializations(postgres, "raw_document") == [REFERENCE_ID]
    assert not [name for name in SQLITE_FOLDERS if (home / name).exists()]
    assert (published / "budget_lines.parquet").read_bytes() == release
