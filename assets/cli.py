"""The ``cnbudget`` command.

``cnbudget run`` registers the raw documents, materializes every partition, then publishes.
Runs are recorded in the Dagster instance (see ``assets.instance``), exactly as if launched
from the UI, so their logs, checks and lineage can be inspected there afterwards.
``cnbudget evaluate`` runs the same jobs on a folder of labelled PDFs, in a throw-away
instance, and prints how many labelled lines and amounts came out exact.
"""

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

import dagster as dg
import pandas as pd

from assets.definitions import build_definitions
from assets.freshness import document_is_current
from assets.instance import project_instance
from assets.partitions import documents
from assets.resources import PROJECT_ROOT, ProjectPaths
from pipeline.evaluation.labels import read_labels
from pipeline.evaluation.report import evaluation_report

QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
"""Run logs stay complete in the instance; the terminal shows only warnings and the summary."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cnbudget", description="Open data from budget disclosure PDFs.")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="process every PDF of the raw folder and publish the datasets")
    run.add_argument("--raw-dir", default="data/raw", help="folder of source PDFs (default: data/raw)")
    run.add_argument("--published-dir", default="data/published", help="release folder (default: data/published)")
    run.add_argument("--force", action="store_true", help="run every document again, changed or not")
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
        return run_all(Path(args.raw_dir).resolve(), Path(args.published_dir).resolve(), project_instance(), args.force)
    return evaluate_corpus(Path(args.corpus).resolve(), Path(args.labels).resolve(), args.details)


def run_all(raw_dir: Path, published_dir: Path, instance: dg.DagsterInstance, force: bool = False) -> int:
    """Process and publish; 0 when the release was written, 1 when the run could not proceed.

    Documents whose PDF and code are unchanged since their last complete run are not run again
    (unless ``force``); publication always runs, from every document's latest outputs.
    """
    if not raw_dir.is_dir():
        print(f"cnbudget: raw folder {raw_dir} does not exist", file=sys.stderr)
        return 1
    paths = ProjectPaths(raw_dir=str(raw_dir), published_dir=str(published_dir))
    defs = build_definitions(paths)
    document_ids = list(paths.document_files())
    known = set(instance.get_dynamic_partitions(documents.name))
    instance.add_dynamic_partitions(documents.name, [key for key in document_ids if key not in known])
    document_job = defs.resolve_job_def("document_job")
    print(f"cnbudget: {len(document_ids)} documents in {raw_dir}; runs recorded in {instance.root_directory}")
    for document_id in document_ids:
        if not force and document_is_current(instance, document_id, paths.document_version(document_id)):
            print(f"  {document_id}: unchanged since its last run, skipped")
            continue
        started = time.perf_counter()
        result = document_job.execute_in_process(
            instance=instance, partition_key=document_id, raise_on_error=False, run_config=QUIET
        )
        outcome = "run succeeded" if result.success else "run FAILED (see it in Dagster)"
        print(f"  {document_id}: {outcome} in {time.perf_counter() - started:.1f} s (run {result.run_id[:8]})")
    publication = defs.resolve_job_def("publish_job").execute_in_process(
        instance=instance, raise_on_error=False, run_config=QUIET
    )
    if not publication.success:
        print(
            f"cnbudget: publication failed (run {publication.run_id}); the previous release is unchanged",
            file=sys.stderr,
        )
        return 1
    print_summary(published_dir)
    return 0


def print_summary(published_dir: Path) -> None:
    """Per-document status and row counts, read back from the release just written."""
    documents_frame = pd.read_parquet(published_dir / "documents.parquet")
    counts = {
        name: pd.read_parquet(published_dir / f"{name}.parquet", columns=["document_id"])["document_id"].value_counts()
        for name in ("budget_lines", "three_public_expenses", "performance_indicators", "validation_issues")
    }
    summary = documents_frame[["document_id", "status", "tables_found"]].copy()
    for name, series in counts.items():
        summary[name] = summary["document_id"].map(series).fillna(0).astype(int)
    print(f"\nPublished to {published_dir}:")
    print(summary.to_string(index=False))
    failed = documents_frame[documents_frame["error"].notna()]
    for row in failed.itertuples():
        print(f"  {row.document_id}: {row.status}: {row.error}")


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
        code = run_all(raw, root / "published", dg.DagsterInstance.local_temp(str(root / "home")))
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
