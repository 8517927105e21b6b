"""``data/raw/sources.csv``: where each raw document came from, as its curator recorded it."""

import csv
from pathlib import Path

SOURCE_COLUMNS = ("document_id", "title", "publisher", "region", "year", "url", "retrieved", "note")


def read_sources(path: Path) -> dict[str, dict[str, str]]:
    """Rows of sources.csv by document id; an absent file means no recorded sources."""
    if not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = set(SOURCE_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: missing columns {sorted(missing)}")
        return {row["document_id"]: row for row in reader}
