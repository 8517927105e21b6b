"""``python -m bench``: the whole pipeline against plain camelot, on a folder of PDFs, in one run.

Runs, one after the other, each in its own process tree sampled by ``bench.sampling``:

1. ``cnbudget run`` on the corpus, fresh Dagster instance, default ``--jobs``: pages per
   second, peak memory, cores busy; its release is scored against the labels;
2. the same command again, nothing changed: every document should be skipped;
3. again with one document's bytes changed: only that document should run;
4. ``cnbudget run --jobs 1`` on a fresh instance (when the CLI has ``--jobs``; otherwise run 1
   already is sequential) and ``bench.direct``, the same functions called without Dagster:
   their difference is Dagster's orchestration overhead;
5. ``bench.baseline``: camelot lattice with default options on every page of every file.

Every figure is printed next to its target; ``--json PATH`` also writes them all as JSON.
Nothing is written inside the repository: the raw folders are symlinks to the corpus in a
temporary directory, and the changed document is a temporary copy.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from bench.accuracy import Score, baseline_found, load_labels, pipeline_exact, pipeline_found, read_release
from bench.corpus import CorpusFile, find_corpus, link_corpus, replace_with_changed_copy
from bench.report import GIB, Check, checks_table, mib, table
from bench.sampling import BUSY_CORES_THRESHOLD, Measurement, run_sampled
from pipeline.contract.datasets import DATASETS

REPO = Path(__file__).resolve().parents[1]
SPEEDUP_TARGET = 3.0
OVERHEAD_TARGET = 0.20
RERUN_TARGET = 0.10
MEMORY_TARGET = 1 * GIB
COMPARED_DATASETS = tuple(dataset.name for dataset in DATASETS)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0].strip("`"))
    parser.add_argument(
        "--corpus", type=Path, default=REPO.parent / "shared" / "corpus", help="folder of PDFs, searched recursively"
    )
    parser.add_argument("--labels", type=Path, default=REPO / "tests" / "fixtures" / "corpus", help="folder of labels")
    parser.add_argument("--json", type=Path, help="also write every figure as JSON to this file")
    parser.add_argument("--jobs", type=int, help="cnbudget run --jobs for the full run (default: the CLI's default)")
    parser.add_argument("--skip-baseline", action="store_true", help="do not run the camelot baseline (slow)")
    parser.add_argument("--change", help="document id of the document changed in the third run (default: median size)")
    parser.add_argument("--interval", type=float, default=0.05, help="sampling interval in seconds (default 0.05)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    return parser.parse_args(argv)


class Bench:
    """The runs of one benchmark, sharing a temporary folder and the environment of their commands."""

    def __init__(self, scratch: Path, interval: float) -> None:
        self.scratch = scratch
        self.interval = interval
        self.logs = scratch / "logs"
        self.logs.mkdir()
        self.timings: dict[str, dict] = {}
        self.measurements: dict[str, Measurement] = {}

    def run(self, label: str, module: str, args: list[str], home: Path | None = None) -> Measurement:
        """Run ``python -m module OUT.json args…`` sampled; its in-process timings land in ``self.timings``."""
        timings_path = self.logs / f"{label}.json"
        env = {"GIT_OPTIONAL_LOCKS": "0", "PYTHONUNBUFFERED": "1"}  # read-only git: the index is never touched
        if home is not None:
            env["DAGSTER_HOME"] = str(home)
        command = [sys.executable, "-m", module, str(timings_path), *args]
        print(f"[bench] {label}: {' '.join(command[2:4])} ...", file=sys.stderr, flush=True)
        measurement = run_sampled(label, command, env, REPO, self.logs, self.interval)
        if measurement.returncode != 0:
            raise RuntimeError(
                f"{label} exited with {measurement.returncode}:\n{measurement.stdout[-3000:]}\n{measurement.stderr[-3000:]}"
            )
        self.timings[label] = json.loads(timings_path.read_text(encoding="utf-8"))
        self.measurements[label] = measurement
        print(
            f"[bench] {label}: {measurement.wall_seconds:.1f} s, peak {mib(measurement.peak_pss_bytes)} PSS",
            file=sys.stderr,
            flush=True,
        )
        return measurement

    def cnbudget(self, label: str, raw: Path, published: Path, home: Path, extra: list[str]) -> Measurement:
        args = ["run", "--raw-dir", str(raw), "--published-dir", str(published), *extra]
        return self.run(label, "bench.timed_cli", args, home)

    def work_seconds(self, label: str) -> float:
        return float(self.timings[label]["work_seconds"])


def cli_has_jobs() -> bool:
    """Whether ``cnbudget run`` accepts ``--jobs`` (it is being added; the bench works either way)."""
    help_text = subprocess.run(
        [sys.executable, "-m", "assets.cli", "run", "--help"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return "--jobs" in help_text


def environment(jobs_supported: bool) -> dict:
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "camelot": version("camelot-py"),
        "dagster": version("dagster"),
        "pypdfium2": version("pypdfium2"),
        "platform": platform.platform(),
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "cli_jobs_option": jobs_supported,
        "load_average_at_start": os.getloadavg(),
    }


def skipped_documents(output: str) -> int:
    """How many documents ``cnbudget run`` reported as unchanged and skipped."""
    return len(re.findall(r"unchanged since its last run, skipped", output))


def failed_documents(output: str) -> int:
    """How many document runs ``cnbudget run`` reported as failed: their times are not those of a success."""
    return len(re.findall(r"run FAILED", output))


def chosen_document(files: list[CorpusFile], document_id: str | None) -> CorpusFile:
    """The document changed in the third run: the one asked for, else the median by pages."""
    if document_id is not None:
        [file] = [file for file in files if file.document_id == document_id]
        return file
    readable = sorted((file for file in files if file.pages), key=lambda file: (file.pages, file.document_id))
    return readable[len(readable) // 2]


def releases_differ(left: Path, right: Path) -> list[str]:
    """The datasets whose published rows differ between two releases (empty when identical)."""
    return [
        name
        for name in COMPARED_DATASETS
        if not pd.read_parquet(left / f"{name}.parquet").equals(pd.read_parquet(right / f"{name}.parquet"))
    ]


def rate(pages: int, measurement: Measurement) -> float:
    return pages / measurement.wall_seconds


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    files = find_corpus(args.corpus.resolve())
    if not files:
        print(f"bench: no PDF under {args.corpus}", file=sys.stderr)
        return 1
    pages = sum(file.pages for file in files)
    labels = load_labels(args.labels.resolve(), {file.document_id for file in files})
    jobs_supported = cli_has_jobs()
    env = environment(jobs_supported)
    if args.jobs is not None and not jobs_supported:
        print("[bench] cnbudget run has no --jobs option yet: --jobs ignored", file=sys.stderr)
    full_jobs = ["--jobs", str(args.jobs)] if args.jobs is not None and jobs_supported else []
    jobs_label = (
        str(args.jobs) if full_jobs else f"default ({env['cpus']} CPUs)" if jobs_supported else "sequential (no --jobs)"
    )
    changed = chosen_document(files, args.change)

    scratch = Path(tempfile.mkdtemp(prefix="cnbudget-bench-"))
    if scratch.resolve().is_relative_to(REPO):
        raise RuntimeError(f"temporary folder {scratch} is inside the repository")
    try:
        bench = Bench(scratch, args.interval)
        raw, home, published = link_corpus(files, scratch / "raw"), scratch / "home", scratch / "published"
        home.mkdir()
        full = bench.cnbudget("full", raw, published, home, full_jobs)
        shutil.copytree(published, scratch / "published-full")
        release = read_release(published)
        exact, found = pipeline_exact(labels, release), pipeline_found(labels, release)
        unchanged = bench.cnbudget("rerun_unchanged", raw, published, home, full_jobs)
        replace_with_changed_copy(changed, raw, scratch / "changed")
        one_changed = bench.cnbudget("rerun_one_changed", raw, published, home, full_jobs)

        if jobs_supported:
            raw_seq, home_seq = link_corpus(files, scratch / "raw-seq"), scratch / "home-seq"
            home_seq.mkdir()
            bench.cnbudget("dagster_jobs_1", raw_seq, scratch / "published-seq", home_seq, ["--jobs", "1"])
            sequential_label = "dagster_jobs_1"
        else:
            raw_seq, sequential_label = link_corpus(files, scratch / "raw-seq"), "full"
        bench.run("direct", "bench.direct", [str(raw_seq), str(scratch / "published-direct")])
        differing = releases_differ(scratch / "published-full", scratch / "published-direct")

        baseline, baseline_score, baseline_failures = None, None, {}
        if not args.skip_baseline:
            baseline = bench.run("baseline", "bench.baseline", [str(path) for path in sorted(raw_seq.iterdir())])
            result = json.loads((bench.logs / "baseline.json").read_text(encoding="utf-8"))
            baseline_score, baseline_failures = baseline_found(labels, result["documents"]), result["failures"]
    finally:
        if args.keep:
            print(f"[bench] temporary folder kept: {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)

    sequential = bench.measurements[sequential_label]
    direct_work, dagster_work = bench.work_seconds("direct"), bench.work_seconds(sequential_label)
    overhead = 1 - direct_work / dagster_work
    overhead_wall = 1 - bench.measurements["direct"].wall_seconds / sequential.wall_seconds
    pages_by_id = {file.document_id: file.pages for file in files}
    failures = {
        label: failed_documents(measurement.stdout)
        for label, measurement in bench.measurements.items()
        if label not in ("direct", "baseline")
    }
    failures["direct"] = len(bench.timings["direct"]["failures"])
    checks = summary_checks(
        pages=pages,
        documents=len(files),
        failures=failures,
        full=full,
        baseline=baseline,
        exact=exact,
        baseline_score=baseline_score,
        overhead=overhead,
        direct_work=direct_work,
        dagster_work=dagster_work,
        sequential_label=sequential_label,
        unchanged=unchanged,
        one_changed=one_changed,
        changed=changed,
    )

    print(
        f"cnbudget bench, {env['date']}: {env['cpus']} CPUs, Python {env['python']}, camelot {env['camelot']}, "
        f"dagster {env['dagster']}, pypdfium2 {env['pypdfium2']}; load average at start "
        + "/".join(f"{load:.1f}" for load in env["load_average_at_start"])
    )
    print(
        f"corpus {args.corpus}: {len(files)} PDFs, {pages} pages; labels for {len(labels)} documents "
        f"({exact.amounts} amounts); full run --jobs: {jobs_label}"
    )
    print()
    print(checks_table(checks))
    print()
    print(runs_table(bench, pages, pages_by_id, changed))
    print()
    print(details(bench, exact, found, baseline_score, baseline_failures, pages_by_id, differing, overhead_wall))

    if args.json:
        figures = {
            "environment": env,
            "corpus": {"folder": str(args.corpus), "documents": len(files), "pages": pages, "labelled": len(labels)},
            "full_run_jobs": jobs_label,
            "checks": [check.figures() for check in checks],
            "runs": {
                label: {**measurement.figures(), **bench.timings[label], "pages_per_second": rate(pages, measurement)}
                for label, measurement in bench.measurements.items()
                if label != "baseline"
            }
            | (
                {"baseline": {**baseline.figures(), "pages_per_second": rate(pages, baseline)}}
                if baseline is not None
                else {}
            ),
            "direct_steps_seconds": bench.timings["direct"]["steps"],
            "accuracy": {
                "pipeline_exact": exact.figures(),
                "pipeline_found_on_page": found.figures(),
                "baseline_found_on_page": baseline_score.figures() if baseline_score else None,
                "baseline_failed_files": baseline_failures,
            },
            "orchestration": {
                "sequential_dagster_run": sequential_label,
                "overhead_work": overhead,
                "overhead_process_wall": overhead_wall,
                "direct_release_differs_in": differing,
            },
            "changed_document": {"document_id": changed.document_id, "pages": changed.pages},
            "failed_document_runs": failures,
            "skipped": {
                "rerun_unchanged": skipped_documents(unchanged.stdout),
                "rerun_one_changed": skipped_documents(one_changed.stdout),
            },
        }
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


def summary_checks(
    *,
    pages: int,
    documents: int,
    failures: dict[str, int],
    full: Measurement,
    baseline: Measurement | None,
    exact: Score,
    baseline_score: Score | None,
    overhead: float,
    direct_work: float,
    dagster_work: float,
    sequential_label: str,
    unchanged: Measurement,
    one_changed: Measurement,
    changed: CorpusFile,
) -> list[Check]:
    """The spec's targets, each with its measured figure."""
    cpus = os.cpu_count() or 1
    busy_target = min(cpus, 2) - 0.5
    checks = []
    if baseline is not None and baseline_score is not None:
        speedup = rate(pages, full) / rate(pages, baseline)
        checks += [
            Check(
                "speed: pipeline / baseline pages/s",
                f"{rate(pages, full):.2f} / {rate(pages, baseline):.2f} = {speedup:.2f}x",
                f">= {SPEEDUP_TARGET:.0f}x",
                speedup >= SPEEDUP_TARGET,
            ),
            Check(
                "accuracy: labelled amounts",
                f"pipeline {exact.correct}/{exact.amounts} exact ({exact.share:.1%}); "
                f"baseline {baseline_score.correct}/{baseline_score.amounts} found on page ({baseline_score.share:.1%})",
                "pipeline >= baseline",
                exact.share >= baseline_score.share,
            ),
        ]
    else:
        checks.append(
            Check(
                "speed: pipeline pages/s",
                f"{rate(pages, full):.2f} (baseline skipped)",
                f">= {SPEEDUP_TARGET:.0f}x",
                None,
            )
        )
        checks.append(
            Check("accuracy: labelled amounts", f"{exact.correct}/{exact.amounts} exact", "(baseline skipped)", None)
        )
    sequential = "--jobs 1" if sequential_label != "full" else "sequential"
    skipped_unchanged, skipped_one_changed = skipped_documents(unchanged.stdout), skipped_documents(one_changed.stdout)
    checks += [
        Check(
            "Dagster orchestration overhead",
            f"{overhead:.1%} (direct {direct_work:.1f} s vs cnbudget run {sequential} {dagster_work:.1f} s)",
            f"< {OVERHEAD_TARGET:.0%} of wall",
            overhead < OVERHEAD_TARGET,
        ),
        Check(
            "re-run, nothing changed",
            f"{unchanged.wall_seconds:.1f} s = {unchanged.wall_seconds / full.wall_seconds:.1%} of full run "
            f"({skipped_unchanged}/{documents} skipped)",
            f"< {RERUN_TARGET:.0%} of full run",
            unchanged.wall_seconds / full.wall_seconds < RERUN_TARGET,
        ),
        Check(
            "re-run, one document changed",
            f"{one_changed.wall_seconds:.1f} s = {one_changed.wall_seconds / full.wall_seconds:.1%} of full run "
            f"({documents - skipped_one_changed}/{documents} run: {changed.document_id}, {changed.pages} p)",
            "(no target)",
            None,
        ),
        Check(
            "peak memory, full run",
            f"{mib(full.peak_pss_bytes)} PSS ({mib(full.peak_rss_bytes)} RSS sum) in {full.peak_processes} processes",
            "< 1 GiB (PSS)",
            full.peak_pss_bytes < MEMORY_TARGET,
        ),
        Check(
            "cores busy, full run",
            f"{full.cores_busy:.2f} on average; >= {BUSY_CORES_THRESHOLD} busy {full.busy_share:.0%} of the time",
            f">= {busy_target} of {cpus} on average",
            full.cores_busy >= busy_target,
        ),
        Check(
            "document runs that failed",
            ", ".join(f"{label} {count}" for label, count in failures.items()),
            "0 (else the times above are not those of a correct run)",
            not any(failures.values()),
        ),
    ]
    return checks


def runs_table(bench: Bench, pages: int, pages_by_id: dict[str, int], changed: CorpusFile) -> str:
    """One row per sampled run: process wall, in-process work, imports, CPU, cores, memory."""
    rows = []
    for label, measurement in bench.measurements.items():
        timings = bench.timings.get(label, {})
        rows.append(
            [
                label,
                f"{measurement.wall_seconds:.1f}",
                f"{timings.get('work_seconds', float('nan')):.1f}",
                f"{timings.get('import_seconds', float('nan')):.1f}",
                f"{rate(pages, measurement):.2f}",
                f"{measurement.cpu_seconds:.1f}",
                f"{measurement.cores_busy:.2f}",
                f"{measurement.busy_share:.0%}",
                f"{measurement.other_load_cores:.2f}",
                mib(measurement.peak_pss_bytes),
                mib(measurement.peak_rss_bytes),
                f"{measurement.peak_processes}/{sum(measurement.processes_started.values())}",
            ]
        )
    return table(
        [
            "run",
            "wall s",
            "work s",
            "import s",
            "pages/s",
            "CPU s",
            "cores",
            f">={BUSY_CORES_THRESHOLD} cores",
            "other load",
            "peak PSS",
            "peak RSS",
            "procs live/all",
        ],
        rows,
    )


def details(
    bench: Bench,
    exact: Score,
    found: Score,
    baseline_score: Score | None,
    baseline_failures: dict[str, str],
    pages_by_id: dict[str, int],
    differing: list[str],
    overhead_wall: float,
) -> str:
    """How the figures were obtained, and what the steps of the direct path cost."""
    steps = bench.timings["direct"]["steps"]
    total = sum(steps.values())
    lines = [
        (
            "wall s: the process tree from start to exit (interpreter start and imports included); work s: time inside "
            "the process after imports (cnbudget: assets.cli.main; direct: run_direct; baseline: the read loop)."
        ),
        (
            "peak PSS / RSS: largest sum over the live processes of the tree at one sample "
            f"(every {bench.interval * 1000:.0f} ms; PSS shares pages among the processes using them, RSS counts "
            "them in each); CPU s: the larger of getrusage of the children and the sampled CPU times of every "
            "process seen; cores: CPU s / wall s; other load: cores the rest of the machine used meanwhile (other "
            "programs, the sampler); procs: most alive at once / all started."
        ),
        (
            f"Dagster overhead = 1 - direct work s / cnbudget work s; by process wall instead: {overhead_wall:.1%}. "
            f"Direct release identical to the Dagster release: {'yes' if not differing else 'NO, differs in ' + ', '.join(differing)}."
        ),
        "processes started: "
        + "; ".join(
            f"{label}: " + ", ".join(f"{count} {kind}" for kind, count in measurement.processes_started.most_common())
            for label, measurement in bench.measurements.items()
        ),
        "direct path by step: "
        + ", ".join(f"{step} {seconds:.1f} s ({seconds / total:.0%})" for step, seconds in steps.items()),
        (
            f"pipeline (project evaluation): lines {exact.lines_exact}/{exact.lines} exact, amounts and 三公 items "
            f"{exact.correct}/{exact.amounts} exact, documents with every fact right {exact.facts_right}/{exact.documents}; "
            f"by the baseline's lenient test (printed amount on the labelled page): {found.correct}/{found.amounts}."
        ),
    ]
    if baseline_score is not None:
        failed_pages = sum(pages_by_id.get(document_id, 0) for document_id in baseline_failures)
        lines.append(
            "baseline accuracy: a labelled amount (function table or 三公) counts as found when its printed text, "
            "without separators and whitespace, is a whole cell of a camelot table on its page: "
            f"{baseline_score.correct}/{baseline_score.amounts}; files on which camelot raised: "
            f"{len(baseline_failures)} ({failed_pages} pages)"
            + "".join(f"\n  {document_id}: {error[:200]}" for document_id, error in baseline_failures.items())
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
