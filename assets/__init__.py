"""cnbudget's Dagster layer: partitions, assets, checks, sensors and schedules wired to ``pipeline``.

Nothing here parses a PDF or a table; every step calls a function of the ``pipeline`` package.
"""
