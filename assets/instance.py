"""The Dagster instance runs are recorded in: DAGSTER_HOME when set, else the project's own home.

The project-local home makes ``cnbudget run`` and ``dagster dev`` (started by ``make dev``)
share one instance, so runs from the shell show up in the UI.
"""

import os
from pathlib import Path

import dagster as dg
import yaml

from assets.resources import PROJECT_ROOT

PROJECT_DAGSTER_HOME = PROJECT_ROOT / ".dagster_home"
NO_COMPUTE_LOGS = {
    "module": "dagster._core.storage.noop_compute_log_manager",
    "class": "NoOpComputeLogManager",
}
"""Steps log through Dagster's structured log and print nothing; capturing their stdout and stderr
would start four helper processes for every run (two `tail`, two orphan watchers: 108 over the 26-document corpus)."""
INSTANCE_OVERRIDES = {"telemetry": {"enabled": False}, "compute_logs": NO_COMPUTE_LOGS}
"""The settings of every instance the project makes: the project's home and the throw-away ones of
``cnbudget evaluate`` and the tests (without them, each first run prints Dagster's telemetry notice)."""
INSTANCE_SETTINGS = yaml.safe_dump(INSTANCE_OVERRIDES, sort_keys=False)


def ensure_dagster_home() -> Path:
    """Set DAGSTER_HOME to the project-local home unless it is already set, creating it with telemetry off."""
    home = Path(os.environ.setdefault("DAGSTER_HOME", str(PROJECT_DAGSTER_HOME)))
    home.mkdir(parents=True, exist_ok=True)
    settings = home / "dagster.yaml"
    if not settings.exists():
        settings.write_text(INSTANCE_SETTINGS, encoding="utf-8")
    return home


def project_instance() -> dg.DagsterInstance:
    """The persistent instance of the DAGSTER_HOME chosen by ``ensure_dagster_home``."""
    ensure_dagster_home()
    return dg.DagsterInstance.get()
