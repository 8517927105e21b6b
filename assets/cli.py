"""The ``cnbudget`` command.

``cnbudget run`` registers the raw documents, materializes every partition, then publishes.
Runs are recorded in the Dagster instance (see ``assets.instance``), exactly as if launched
from the UI, so their logs, checks and lineage can be inspected there afterwards.
``cnbudget evaluate`` runs the same jobs on a folder of labelled PDFs, in a throw-away
instance, and prints how many labelled lines and amounts came out exact.
"""

import argparse
import multiprocessing
import os
import sys
import tempfile
import threading
import time
import warnings
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from queue import SimpleQueue

import dagster as dg
import pandas as pd
from dagster._core.instance.ref import InstanceRef

from assets.definitions import build_definitions
from assets.freshness import document_is_current, publication_is_current
from assets.instance import INSTANCE_OVERRIDES, project_instance
from assets.partitions import documents
from assets.resources import PROJECT_ROOT, ProjectPaths
from pipeline.evaluation.labels import read_labels
from pipeline.evaluation.report import evaluation_report
from pipeline.inspection.document import file_sha256
from pipeline.publication.assembly import originals

QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
"""Run logs stay complete in the instance; the terminal shows only warnings and the summary."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cnbudget", description="Open data from budget disclosure PDFs.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process every PDF of the raw folder and publish the datasets")
    run.add_argument("--raw-dir", default="data/raw", help="folder of source PDFs (default: data/raw)")
    run.add_argument("--published-dir", default="data/published", help="release folder (default: data/published)")
    run.add_argument("--force", action="store_true", help="run every document again, changed or not")
    run.add_argument("--jobs", type=int, default=None, help="documents run at once (default: one per CPU)")
    evaluate = commands.add_parser("evaluate", help="score the pipeline on labelled PDFs")
    evaluate.add_argument(
        "--corpus", default=str(PROJECT_ROOT.parent / "shared" / "corpus"), help="folder of PDFs (searched recursively)"
    )
    evaluate.add_argument(
        "--labels", default=str(PROJECT_ROOT / "tests" / "fixtures" / "corpus"), help="folder of labels"
    )
    evaluate.add_argument("--details", action="store_true", help="list every amount that is not exact")
    args = parser.parse_args(argv)
    for category in (dg.BetaWarning, dg.PreviewWarning):
        warnings.filterwarnings("ignore", category=category)
    if args.command == "run":
        return run_all(
            Path(args.raw_dir).resolve(), Path(args.published_dir).resolve(), project_instance(), args.force, args.jobs
        )
    return evaluate_corpus(Path(args.corpus).resolve(), Path(args.labels).resolve(), args.details)


def run_all(
    raw_dir: Path, published_dir: Path, instance: dg.DagsterInstance, force: bool = False, jobs: int | None = None
) -> int:
    """Process and publish; 0 when the release was written, 1 when the run could not proceed.

    Documents whose PDF and code are unchanged since their last complete run are not run again
    (unless ``force``), nor are later copies of a PDF already in the folder under another name;
    the others run ``jobs`` at a time (default: one per CPU), each in its own Dagster run.
    Publication then runs from every document's latest outputs, unless nothing ran and the
    release in the folder was made from exactly these inputs.
    """
    started = time.perf_counter()
    if not raw_dir.is_dir():
        print(f"cnbudget: raw folder {raw_dir} does not exist", file=sys.stderr)
        return 1
    paths = ProjectPaths(raw_dir=str(raw_dir), published_dir=str(published_dir))
    defs = build_definitions(paths)
    document_files = paths.document_files()
    known = set(instance.get_dynamic_partitions(documents.name))
    instance.add_dynamic_partitions(documents.name, [key for key in document_files if key not in known])
    print(
        f"cnbudget: {_count(len(document_files), 'document')} in {raw_dir}; runs recorded in {instance.root_directory} "
        f"({type(instance.run_storage).__name__})"
    )
    sha256s = {document_id: file_sha256(path) for document_id, path in document_files.items()}
    versions = {document_id: paths.document_version(document_id, sha256) for document_id, sha256 in sha256s.items()}
    pending = []
    for document_id, original in originals(sha256s).items():
        if original != document_id:
            print(f"  {document_id}: same bytes as {original}, published once (as {original}), not run")
        elif not force and document_is_current(instance, document_id, versions[document_id]):
            print(f"  {document_id}: unchanged since its last run, skipped")
        else:
            pending.append(document_id)
    document_job = defs.resolve_job_def("document_job")
    for document_id, success, run_id, seconds in run_documents(
        pending, document_job, paths, instance, jobs or os.cpu_count() or 1
    ):
        outcome = "run succeeded" if success else "run FAILED (see it in Dagster)"
        print(f"  {document_id}: {outcome} in {seconds:.1f} s (run {run_id[:8]})")
    if not pending and not force and publication_is_current(instance, paths, versions):
        print(f"cnbudget: the release in {published_dir} was made from exactly these inputs; not published again")
        print_summary(published_dir, started)
        return 0
    publication = defs.resolve_job_def("publish_job").execute_in_process(
        instance=instance, raise_on_error=False, run_config=QUIET
    )
    if not publication.success:
        print(
            f"cnbudget: publication failed (run {publication.run_id}); the previous release is unchanged",
            file=sys.stderr,
        )
        return 1
    print_summary(published_dir, started)
    return 0


DocumentRun = tuple[str, bool, str, float]
"""A finished document run: document id, success, run id, seconds."""


def run_documents(
    document_ids: list[str], job: dg.JobDefinition, paths: ProjectPaths, instance: dg.DagsterInstance, jobs: int
) -> Iterator[DocumentRun]:
    """Run ``document_job`` for each document, ``jobs`` at a time, yielding each run as it finishes.

    This process runs documents itself while ``jobs - 1`` worker processes run others, each
    document its own Dagster run recorded in the same instance; one loaded pipeline fewer than
    a worker per job, and this process does not sit waiting. A thread per worker hands it the
    next document the moment it finishes one.
    """
    _worker.update(instance=instance, job=job)
    pending = deque(document_ids)
    workers = min(jobs, len(pending)) - 1
    if workers < 1:
        yield from map(_run_document, pending)
        return
    lock = threading.Lock()
    finished: SimpleQueue[DocumentRun | BaseException] = SimpleQueue()

    def next_document() -> str | None:
        with lock:
            return pending.popleft() if pending else None

    def feed(pool: ProcessPoolExecutor) -> None:
        try:
            while (document_id := next_document()) is not None:
                finished.put(pool.submit(_run_document, document_id).result())
        except BaseException as error:  # noqa: BLE001 - raised again in the caller's thread
            finished.put(error)

    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(instance.get_ref(), paths.raw_dir, paths.published_dir),
    ) as pool:
        feeders = [threading.Thread(target=feed, args=(pool,), daemon=True) for _ in range(workers)]
        for feeder in feeders:
            feeder.start()
        done = 0
        while (document_id := next_document()) is not None:
            yield _run_document(document_id)
            done += 1
            while not finished.empty():
                yield _raised(finished.get())
                done += 1
        while done < len(document_ids):
            yield _raised(finished.get())
            done += 1
        for feeder in feeders:
            feeder.join()


def _raised(outcome: DocumentRun | BaseException) -> DocumentRun:
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


_worker: dict[str, object] = {}
"""The instance and job documents run with: set by a worker process when it starts, and by run_documents here."""


def _start_worker(instance_ref: InstanceRef, raw_dir: str, published_dir: str) -> None:
    for category in (dg.BetaWarning, dg.PreviewWarning):
        warnings.filterwarnings("ignore", category=category)
    defs = build_definitions(ProjectPaths(raw_dir=raw_dir, published_dir=published_dir))
    _worker["instance"] = dg.DagsterInstance.from_ref(instance_ref)
    _worker["job"] = defs.resolve_job_def("document_job")


def _run_document(document_id: str) -> DocumentRun:
    started = time.perf_counter()
    result = _worker["job"].execute_in_process(
        instance=_worker["instance"], partition_key=document_id, raise_on_error=False, run_config=QUIET
    )
    return document_id, result.success, result.run_id, time.perf_counter() - started


def print_summary(published_dir: Path, started: float | None = None) -> None:
    """Per-document status, what each PDF holds and row counts, read back from the release just written,
    then the totals: documents by status, rows, warnings, errors and (for a run) the time it took."""
    documents_frame = pd.read_parquet(published_dir / "documents.parquet")
    counts = {
        name: pd.read_parquet(published_dir / f"{name}.parquet", columns=["document_id"])["document_id"].value_counts()
        for name in ("budget_lines", "three_public_expenses", "performance_indicators", "validation_issues")
    }
    summary = documents_frame[["document_id", "status", "content", "tables_found"]].copy()
    for name, series in counts.items():
        summary[name] = summary["document_id"].map(series).fillna(0).astype(int)
    print(f"\nPublished to {published_dir}:")
    print(summary.to_string(index=False))
    failed = documents_frame[documents_frame["error"].notna()]
    for row in failed.itertuples():
        print(f"  {row.document_id}: {row.status}: {row.error}")
    severities = pd.read_parquet(published_dir / "validation_issues.parquet", columns=["severity"])["severity"]
    statuses = ", ".join(f"{count} {status}" for status, count in documents_frame["status"].value_counts().items())
    rows = ", ".join(f"{int(summary[name].sum())} {name}" for name in counts if name != "validation_issues")
    print(
        f"Total: {_count(len(documents_frame), 'document')} ({statuses}); {rows}; "
        f"{int((severities == 'warning').sum())} warnings, {int((severities == 'error').sum())} errors"
        + (f"; {time.perf_counter() - started:.0f} s" if started is not None else "")
    )


def _count(number: int, noun: str) -> str:
    """``1 document``, ``2 documents``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def evaluate_corpus(corpus: Path, labels_dir: Path, details: bool) -> int:
    """Run the pipeline on every PDF under ``corpus`` and print its score against the labels."""
    if not corpus.is_dir():
        print(f"cnbudget: corpus folder {corpus} does not exist", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="cnbudget-evaluate-") as scratch:
        root = Path(scratch)
        raw = root / "raw"
        raw.mkdir()
        for pdf in sorted(corpus.rglob("*.pdf")):
            (raw / pdf.name).symlink_to(pdf)
        (root / "home").mkdir()
        instance = dg.DagsterInstance.local_temp(str(root / "home"), overrides=INSTANCE_OVERRIDES)
        code = run_all(raw, root / "published", instance)
        if code:
            return code
        release = {
            name: pd.read_parquet(root / "published" / f"{name}.parquet")
            for name in ("documents", "budget_lines", "three_public_expenses")
        }
    print()
    print(evaluation_report(read_labels(labels_dir), release, details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
