"""Extraction of one document in a child process, stopped at a time and a memory limit.

One pathological PDF (a page camelot spends minutes on, a file that makes pdfium allocate
gigabytes, a crash in native code) must not stall or kill a scheduled run over thousands of
documents. The child is stopped when it reaches a limit, and the document gets a status saying
which one; every other document, and the run itself, carry on.
"""

import multiprocessing
import time
import traceback
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path

import psutil

from pipeline.extraction.document_tables import ExtractedDocument, extract_document
from pipeline.inspection.document import DocumentInfo
from pipeline.inspection.facts import DocumentFacts

POLL_SECONDS = 0.05


@dataclass(frozen=True)
class ExtractionLimits:
    """How long, and with how much resident memory, one document's extraction may run."""

    seconds: float = 300.0
    memory_mib: int = 1024


@dataclass(frozen=True)
class LimitedExtraction:
    """The extraction, and what it cost: wall seconds and the child's peak resident memory."""

    extracted: ExtractedDocument
    seconds: float
    peak_rss_mib: float


class ExtractionError(RuntimeError):
    """The extraction raised in its child process; the message carries the child's traceback."""


def extract_within_limits(path: Path, info: DocumentInfo, limits: ExtractionLimits) -> LimitedExtraction:
    """``extract_document`` in a forked child, polled for its time and resident memory.

    A fork shares the caller's loaded libraries and pages, so the child costs only the memory
    the extraction itself allocates, and nothing to start.

    A document stopped at a limit, or whose child was killed by a signal (a crash in native code,
    the system's out-of-memory killer), comes back with no tables and a status (time_limit,
    memory_limit, crashed) and error saying so. An exception inside the child, or a child that
    exits without an answer, is raised here as ExtractionError, failing the step as it would in-process.
    """
    if info.status != "ok":
        return LimitedExtraction(extract_document(path, info), 0.0, 0.0)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_extract_into, args=(sender, path, info), daemon=True)
    started = time.monotonic()
    child.start()
    sender.close()
    peak = 0
    try:
        while not receiver.poll(POLL_SECONDS):
            elapsed = time.monotonic() - started
            peak = max(peak, _resident_bytes(child.pid))
            if elapsed > limits.seconds:
                return _stopped(
                    info, "time_limit", f"extraction stopped after {limits.seconds:g} s, its time limit", elapsed, peak
                )
            if peak > limits.memory_mib * 2**20:
                return _stopped(
                    info,
                    "memory_limit",
                    f"extraction stopped at {peak / 2**20:.0f} MiB resident, over its {limits.memory_mib} MiB limit",
                    elapsed,
                    peak,
                )
        try:
            outcome, value = receiver.recv()
        except EOFError:
            child.join()
            if child.exitcode is not None and child.exitcode < 0:
                return _stopped(info, "crashed", _crash_message(child.exitcode), time.monotonic() - started, peak)
            outcome, value = "error", _crash_message(child.exitcode)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if outcome == "error":
        raise ExtractionError(f"extraction of {info.file_name} failed in its child process:\n{value}")
    return LimitedExtraction(value, time.monotonic() - started, peak / 2**20)


def _extract_into(sender: Connection, path: Path, info: DocumentInfo) -> None:
    try:
        outcome = ("ok", extract_document(path, info))
    except Exception:  # noqa: BLE001 - every failure is carried to the parent, which raises it
        outcome = ("error", traceback.format_exc())
    sender.send(outcome)
    sender.close()


def _resident_bytes(pid: int) -> int:
    """Resident memory of the child and anything it started; 0 once it is gone."""
    try:
        process = psutil.Process(pid)
        return sum(member.memory_info().rss for member in (process, *process.children(recursive=True)))
    except psutil.Error:
        return 0


def _crash_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        return f"extraction died from signal {-exitcode} (a crash in native PDF code, or killed by the system)"
    return f"extraction exited with code {exitcode} without a result"


def _stopped(info: DocumentInfo, status: str, error: str, seconds: float, peak: int) -> LimitedExtraction:
    stopped = replace(info, status=status, error=error)
    return LimitedExtraction(
        ExtractedDocument(stopped, DocumentFacts(None, None, None), 0, (), ()), seconds, peak / 2**20
    )
