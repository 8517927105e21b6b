"""``cnbudget`` run in this process, with the time of its work recorded apart from the imports.

``python -m bench.timed_cli OUT.json run --raw-dir ...`` calls ``assets.cli.main`` exactly as
the ``cnbudget`` console script does, and writes to OUT.json how long importing it took and
how long ``main`` took. The benchmark compares the latter with the direct path's work time, so
that interpreter start and import time do not count as orchestration.
"""

import time

STARTED = time.perf_counter()

import json
import sys
from pathlib import Path

from assets.cli import main

IMPORTED = time.perf_counter()


def timed_main(argv: list[str]) -> int:
    """Run the CLI with ``argv[1:]`` and write its timings to ``argv[0]``; returns the CLI's exit code."""
    started = time.perf_counter()
    code = main(argv[1:])
    timings = {"import_seconds": IMPORTED - STARTED, "work_seconds": time.perf_counter() - started, "returncode": code}
    Path(argv[0]).write_text(json.dumps(timings), encoding="utf-8")
    return code


if __name__ == "__main__":
    sys.exit(timed_main(sys.argv[1:]))
