"""Code versions computed from the code and the catalogue, so that no one has to remember to bump them.

A document's outputs are stale when the code that made them changed: Dagster compares each asset's
``code_version`` with the one its last materialization recorded, and ``cnbudget run`` re-runs a
document whose versions differ. A version is a digest of every file of the packages a step runs,
the catalogue's data files (the classification code list) included, so any change to how tables are
recognised, read or checked makes exactly the steps it touches stale.
"""

import hashlib
from pathlib import Path

PIPELINE = Path(__file__).resolve().parent
DIGEST_LENGTH = 12


def code_version(*packages: str) -> str:
    """A digest of every ``.py``, ``.csv`` and ``.md`` file under the named packages of ``pipeline/``, by path and bytes."""
    digest = hashlib.sha256()
    for package in sorted(packages):
        for path in sorted((PIPELINE / package).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".csv", ".md"} and "__pycache__" not in path.parts:
                digest.update(path.relative_to(PIPELINE).as_posix().encode("utf-8") + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:DIGEST_LENGTH]


EXTRACTION_PACKAGES = ("inspection", "extraction", "parsing", "catalogue")
"""What ``extracted_tables`` runs: page text, camelot grids, table assembly, recognition by the catalogue."""
NORMALIZATION_PACKAGES = (*EXTRACTION_PACKAGES, "normalization", "validation", "corrections", "contract")
"""What the datasets step runs, on top of what shaped its input."""
