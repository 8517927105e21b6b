"""Hashes of a release's files, for tests that compare two releases byte for byte."""

import hashlib
from pathlib import Path

from pipeline.publication.database import DATABASE_FILE


def release_hashes(folder: Path) -> dict[str, str]:
    """Every file of a release by its relative path, but the DuckDB database, whose header DuckDB makes unique."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != DATABASE_FILE
    }
