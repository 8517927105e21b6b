"""cnbudget's domain library: from a budget disclosure PDF to validated open datasets.

Nothing here imports dagster; the orchestration layer lives in the ``assets`` package.
"""

__version__ = "0.1.0"
