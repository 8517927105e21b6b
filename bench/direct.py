"""The pipeline without Dagster: the functions the assets wrap, called in one process, in order.

This is the reference for Dagster's orchestration overhead. Each step calls exactly what its
asset calls (``assets/documents.py``, ``assets/datasets.py``, ``assets/publication.py``), in
the same order, document after document, then publishes once; only what exists for Dagster's
sake is left out: asset metadata, storing outputs through the IO manager, run records, and the
freshness check of ``cnbudget run``. A document whose step raises is published as a failed run
would be, from the steps it completed.

``python -m bench.direct OUT.json RAW_DIR PUBLISHED_DIR`` writes the release to PUBLISHED_DIR
and to OUT.json the import time, the work time and the time spent in each step.
"""

import time

STARTED = time.perf_counter()

import json
import sys
import traceback
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from assets.resources import DocumentLimits, ProjectPaths, code_commit
from pipeline.corrections.model import read_corrections
from pipeline.extraction.limits import extract_within_limits
from pipeline.inspection.document import inspect_document, unprocessed_document
from pipeline.inspection.sources import read_sources
from pipeline.normalization.document import normalize_document
from pipeline.publication.assembly import DocumentOutputs, release_frames, release_inputs
from pipeline.publication.release import publish_release

IMPORTED = time.perf_counter()


class StepClock:
    """Seconds spent in each named step, summed over documents."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] += time.perf_counter() - started


def process_document(document_id: str, path: Path, paths: ProjectPaths, clock: StepClock, outputs: dict) -> None:
    """The per-document assets (``document_job``) for one PDF, storing in ``outputs`` what publication reads.

    Outputs are stored as each step completes, so a step that raises leaves those before it.
    """
    with clock.step("inspect"):
        info = outputs["info"] = inspect_document(path)
    with clock.step("extract"):
        extracted = outputs["extracted"] = extract_within_limits(path, info, DocumentLimits().limits()).extracted
    corrections = read_corrections(paths.corrections_path(document_id))
    with clock.step("normalize and reconcile"):
        result = normalize_document(extracted, corrections)
    outputs["normalized"], outputs["findings"] = result.datasets, result.findings


def run_direct(raw_dir: Path, published_dir: Path) -> dict:
    """Process every PDF of ``raw_dir`` and publish to ``published_dir``; returns step timings and failures."""
    clock = StepClock()
    failures = {}
    per_document: dict[str, dict] = {}
    paths = ProjectPaths(raw_dir=str(raw_dir), published_dir=str(published_dir))
    files = paths.document_files()
    for document_id, path in files.items():
        per_document[document_id] = {}
        try:
            process_document(document_id, path, paths, clock, per_document[document_id])
        except Exception:  # noqa: BLE001 - like a failed Dagster run, the document is published as failed
            failures[document_id] = traceback.format_exc(limit=3)

    with clock.step("release_frames"):
        sources = read_sources(raw_dir / "sources.csv")
        outputs = [
            DocumentOutputs(
                info=per_document[document_id].get("info") or unprocessed_document(path),
                extracted=per_document[document_id].get("extracted"),
                normalized=per_document[document_id].get("normalized", {}),
                source=sources.get(document_id, {}),
                findings=per_document[document_id].get("findings"),
            )
            for document_id, path in files.items()
        ]
        frames = release_frames(outputs)
    with clock.step("publish_release"):
        counts = publish_release(frames, published_dir, release_inputs(outputs), code_commit())
    return {"steps": dict(clock.seconds), "failures": failures, "rows": counts}


def main(argv: list[str]) -> int:
    out, raw_dir, published_dir = (Path(arg) for arg in argv)
    started = time.perf_counter()
    result = run_direct(raw_dir, published_dir)
    result.update(import_seconds=IMPORTED - STARTED, work_seconds=time.perf_counter() - started)
    out.write_text(json.dumps(result), encoding="utf-8")
    print(pd.Series(result["rows"]).to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
