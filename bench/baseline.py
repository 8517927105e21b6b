"""The script a user would write without this project: camelot lattice, default options, every page.

``python -m bench.baseline OUT.json PDF...`` reads each PDF in turn with
``camelot.read_pdf(path, pages="all")`` (lattice is camelot's default flavour) and keeps, per
page, the set of cell texts camelot returned, with thousands separators and whitespace
removed: enough to tell afterwards whether a labelled amount was found, without holding every
table in memory. A file on which camelot raises yields nothing and is listed with its error.
"""

import time

STARTED = time.perf_counter()

import json
import sys
from pathlib import Path

import camelot

from bench.cells import cell_key

IMPORTED = time.perf_counter()


def read_cells(path: Path) -> dict[int, list[str]]:
    """Every non-empty cell text of every camelot table of the file, by 1-based page."""
    cells: dict[int, set[str]] = {}
    for table in camelot.read_pdf(str(path), pages="all"):
        texts = (cell_key(str(value)) for value in table.df.to_numpy().ravel())
        cells.setdefault(int(table.page), set()).update(text for text in texts if text)
    return {page: sorted(texts) for page, texts in cells.items()}


def main(argv: list[str]) -> int:
    out, paths = Path(argv[0]), [Path(arg) for arg in argv[1:]]
    started = time.perf_counter()
    documents, failures = {}, {}
    for path in paths:
        try:
            documents[path.stem] = read_cells(path)
        except Exception as error:  # noqa: BLE001 - a user's loop would skip the file and go on
            failures[path.stem] = f"{type(error).__name__}: {error}"
    result = {
        "import_seconds": IMPORTED - STARTED,
        "work_seconds": time.perf_counter() - started,
        "documents": documents,
        "failures": failures,
    }
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
