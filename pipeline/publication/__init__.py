"""Deterministic, atomic publication of the datasets as Parquet, CSV and datapackage.json."""
