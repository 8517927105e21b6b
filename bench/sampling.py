"""Wall time, CPU and memory of a command and every process it starts.

The pipeline fans out into worker and helper processes, so a figure taken from the parent
alone would miss most of the work: the whole process tree is sampled instead.

Memory: at each sample, the sum over the live processes of the tree of their PSS (proportional
set size: a page shared by n processes counts 1/n in each, so forked children and shared
libraries are not counted several times) and, as an upper bound, of their RSS. CPU: the larger
of ``getrusage(RUSAGE_CHILDREN)`` around the wait and the sum of the last-seen CPU times of
every process the samples saw; the first misses descendants that outlive their parent (a
forkserver, reparented to init), the second misses the last interval of a short process. The
machine's total CPU over the run is recorded too, so that load from other programs shows.
"""

import os
import resource
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field, fields
from pathlib import Path

import psutil

BUSY_CORES_THRESHOLD = 1.5
"""An interval counts as "both cores busy" when the tree used more than 1.5 cores' worth of CPU in it."""


@dataclass
class Measurement:
    """One sampled command: what a user waits for and what the machine spent on it."""

    label: str
    returncode: int
    wall_seconds: float
    cpu_seconds: float
    rusage_cpu_seconds: float
    sampled_cpu_seconds: float
    machine_busy_cores: float
    peak_pss_bytes: int
    peak_rss_bytes: int
    peak_processes: int
    processes_started: Counter = field(default_factory=Counter)
    busy_share: float = 0.0
    samples: int = 0
    stdout: str = ""
    stderr: str = ""

    @property
    def cores_busy(self) -> float:
        """Average cores busy over the run: total CPU seconds of the tree over wall seconds."""
        return self.cpu_seconds / self.wall_seconds if self.wall_seconds else 0.0

    @property
    def other_load_cores(self) -> float:
        """Cores the rest of the machine kept busy meanwhile (other programs, the sampler itself)."""
        return max(0.0, self.machine_busy_cores - self.cores_busy)

    def figures(self) -> dict:
        """The numbers of the measurement, without its output, for the JSON report."""
        figures = {
            field.name: getattr(self, field.name) for field in fields(self) if field.name not in ("stdout", "stderr")
        }
        return figures | {
            "processes_started": dict(self.processes_started),
            "cores_busy": self.cores_busy,
            "other_load_cores": self.other_load_cores,
        }


def process_kind(process: psutil.Process) -> str:
    """A short name for what a process of the tree is, to count them by kind."""
    try:
        command = " ".join(process.cmdline())
    except psutil.Error:
        return "gone"
    for marker, kind in (
        ("watch_orphans", "dagster watch_orphans"),
        ("forkserver", "forkserver or its child"),
        ("spawn_main", "spawned worker"),
        ("multiprocessing", "multiprocessing child"),
    ):
        if marker in command:
            return kind
    return process.name()


class TreeSampler:
    """Samples memory and CPU times of a process and its descendants, remembering processes that exited."""

    def __init__(self, pid: int) -> None:
        self.root = psutil.Process(pid)
        self.cpu_by_process: dict[tuple[int, float], float] = {}
        self.kinds: Counter = Counter()
        self.peak_pss = self.peak_rss = self.peak_processes = 0

    def sample(self) -> float:
        """Take one sample; returns the tree's CPU seconds so far, as far as samples can see."""
        try:
            processes = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            processes = []
        pss = rss = alive = 0
        for process in processes:
            try:
                with process.oneshot():
                    key = (process.pid, process.create_time())
                    times = process.cpu_times()
                    memory = process.memory_full_info()
            except psutil.Error:
                continue
            if key not in self.cpu_by_process:
                self.kinds[process_kind(process) if process != self.root else "command"] += 1
            self.cpu_by_process[key] = times.user + times.system
            pss += memory.pss
            rss += memory.rss
            alive += 1
        self.peak_pss = max(self.peak_pss, pss)
        self.peak_rss = max(self.peak_rss, rss)
        self.peak_processes = max(self.peak_processes, alive)
        return sum(self.cpu_by_process.values())


def _machine_busy_seconds() -> float:
    times = psutil.cpu_times()
    return sum(times) - times.idle - getattr(times, "iowait", 0.0)


def run_sampled(
    label: str, command: list[str], env: dict[str, str], cwd: Path, scratch: Path, interval: float = 0.05
) -> Measurement:
    """Run ``command`` to completion, sampling its process tree every ``interval`` seconds.

    Output goes to files in ``scratch`` (a pipe could fill and block the command) and is
    returned with the figures.
    """
    stdout_path, stderr_path = scratch / f"{label}.stdout", scratch / f"{label}.stderr"
    before, machine_before = resource.getrusage(resource.RUSAGE_CHILDREN), _machine_busy_seconds()
    with stdout_path.open("wb") as stdout, stderr_path.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **env}, stdout=stdout, stderr=stderr)
        sampler = TreeSampler(process.pid)
        busy_time = sampled_time = 0.0
        previous_time, previous_cpu = started, 0.0
        samples = 0
        while process.poll() is None:
            cpu = sampler.sample()
            now = time.perf_counter()
            samples += 1
            if samples > 1 and now > previous_time:
                sampled_time += now - previous_time
                if (cpu - previous_cpu) / (now - previous_time) >= BUSY_CORES_THRESHOLD:
                    busy_time += now - previous_time
            previous_time, previous_cpu = now, cpu
            time.sleep(interval)
        wall = time.perf_counter() - started
    after, machine_after = resource.getrusage(resource.RUSAGE_CHILDREN), _machine_busy_seconds()
    rusage_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    sampled_cpu = sum(sampler.cpu_by_process.values())
    return Measurement(
        label=label,
        returncode=process.returncode,
        wall_seconds=wall,
        cpu_seconds=max(rusage_cpu, sampled_cpu),
        rusage_cpu_seconds=rusage_cpu,
        sampled_cpu_seconds=sampled_cpu,
        machine_busy_cores=(machine_after - machine_before) / wall,
        peak_pss_bytes=sampler.peak_pss,
        peak_rss_bytes=sampler.peak_rss,
        peak_processes=sampler.peak_processes,
        processes_started=sampler.kinds,
        busy_share=busy_time / sampled_time if sampled_time else 0.0,
        samples=samples,
        stdout=stdout_path.read_text(encoding="utf-8", errors="replace"),
        stderr=stderr_path.read_text(encoding="utf-8", errors="replace"),
    )
