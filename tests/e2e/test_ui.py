"""The Dagster UI, for real: `dagster dev` on a free port, asked over GraphQL, shut down cleanly."""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest

from assets.resources import PROJECT_ROOT
from tests.e2e.local_servers import free_port, group_alive

pytestmark = pytest.mark.e2e
STARTUP_SECONDS = 120
SHUTDOWN_SECONDS = 120
"""Each service stops on SIGTERM within seconds; a code server caught starting up may only stop when its
heartbeat to dagster dev times out (45 s), so the bound leaves room for that."""
QUERY = """
{
  assetNodes { assetKey { path } isPartitioned partitionStats { numPartitions }
    assetChecksOrError { ... on AssetChecks { checks { name blocking } } } }
  repositoriesOrError { ... on RepositoryConnection { nodes { name
    sensors { name } schedules { name cronSchedule } } } }
}
"""


def _graphql(port: int, query: str) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["data"]


@pytest.fixture
def dagster_dev(tmp_path: Path) -> Iterator[int]:
    """``dagster dev`` in its own process group, with SIGINT restored (a background job may inherit it ignored).

    It is stopped with SIGTERM to the whole group, which each of its services handles as a shutdown,
    and must leave no process behind.
    """
    home, raw = tmp_path / "home", tmp_path / "raw"
    home.mkdir()
    raw.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    dg.DagsterInstance.from_config(str(home)).add_dynamic_partitions("documents", ["one_document"])
    port = free_port()
    environment = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "CNBUDGET_RAW_DIR": str(raw),
        "CNBUDGET_PUBLISHED_DIR": str(tmp_path / "published"),
    }
    server = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "dagster"),
            "dev",
            "-w",
            "workspace.yaml",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
        ],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=(tmp_path / "dev.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509 - before exec only
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            try:
                _graphql(port, "{ version }")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail(f"dagster dev did not answer: {(tmp_path / 'dev.log').read_text()[-2000:]}")
                time.sleep(1)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # dagster dev and each of its services shut down on SIGTERM
        deadline = time.monotonic() + SHUTDOWN_SECONDS
        while time.monotonic() < deadline:
            server.poll()  # reap dagster dev itself, or its zombie would count as alive
            if not group_alive(server.pid):
                break
            time.sleep(0.5)
        leftover = group_alive(server.pid)
        if leftover:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        assert not leftover, "dagster dev left processes behind after SIGTERM"


def test_the_ui_shows_the_asset_graph_partitions_checks_sensor_and_schedule(dagster_dev: int) -> None:
    data = _graphql(dagster_dev, QUERY)
    nodes = {"/".join(node["assetKey"]["path"]): node for node in data["assetNodes"]}
    assert set(nodes) == {
        "raw_document",
        "extracted_tables",
        "budget_lines",
        "three_public_expenses",
        "performance_indicators",
        "reconciliation",
        "published",
    }
    assert nodes["budget_lines"]["isPartitioned"] and not nodes["published"]["isPartitioned"]
    assert nodes["extracted_tables"]["partitionStats"]["numPartitions"] == 1
    checks = {
        check["name"]: check["blocking"] for node in nodes.values() for check in node["assetChecksOrError"]["checks"]
    }
    assert checks == {
        "budget_lines_schema": True,
        "three_public_expenses_schema": True,
        "performance_indicators_schema": True,
        "numbers_reconcile": False,
    }
    [repository] = data["repositoriesOrError"]["nodes"]
    assert [sensor["name"] for sensor in repository["sensors"]] == ["raw_folder_sensor"]
    assert [(s["name"], s["cronSchedule"]) for s in repository["schedules"]] == [("daily_publication", "0 6 * * *")]
