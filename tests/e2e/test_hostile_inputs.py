"""Every bad file fails alone and clearly: a status and an error in ``documents``, no rows, and
nothing else disturbed, neither the other documents nor what was already published."""

import contextlib
import hashlib
import io
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pandas as pd
import psutil
import pytest

from assets.cli import run_all
from assets.instance import INSTANCE_OVERRIDES
from assets.resources import PROJECT_ROOT, DocumentLimits
from pipeline.extraction.limits import ExtractionLimits, extract_within_limits
from pipeline.inspection.document import inspect_document
from tests.e2e import hostile_files
from tests.e2e.conftest import REFERENCE_ID, REFERENCE_PDF, materialize_folder

pytestmark = pytest.mark.e2e

RENAMED_ID = "北碚区朝阳街道2023年部门预算（重新下载）"
COPY_ID = "reference_copy"


@dataclass
class HostileRun:
    """A release of the reference alone, then the release after the bad files were added beside it."""

    before: dict[str, pd.DataFrame]
    after: dict[str, pd.DataFrame]
    printed: str
    published_dir: Path

    def document(self, document_id: str) -> pd.Series:
        return self.after["documents"].set_index("document_id").loc[document_id]


def _read(published: Path) -> dict[str, pd.DataFrame]:
    names = (
        "documents",
        "tables",
        "budget_lines",
        "three_public_expenses",
        "performance_indicators",
        "validation_issues",
    )
    return {name: pd.read_parquet(published / f"{name}.parquet") for name in names}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    root = tmp_path_factory.mktemp("hostile")
    raw, published = root / "raw", root / "published"
    raw.mkdir()
    shutil.copy(REFERENCE_PDF, raw)
    shutil.copy(PROJECT_ROOT / "data" / "raw" / "sources.csv", raw)
    (root / "home").mkdir()
    instance = dg.DagsterInstance.local_temp(str(root / "home"), overrides=INSTANCE_OVERRIDES)
    with contextlib.redirect_stdout(io.StringIO()):
        assert run_all(raw, published, instance, jobs=2) == 0
    before = _read(published)

    (raw / "empty.pdf").write_bytes(b"")
    hostile_files.write_truncated(REFERENCE_PDF, raw / "truncated.pdf")
    hostile_files.write_html_error_page(raw / "404.pdf")
    hostile_files.write_random_bytes(raw / "random.pdf")
    hostile_files.write_password_protected(raw / "encrypted.pdf")
    hostile_files.write_scan(raw / "scan.pdf", pages=3)
    hostile_files.write_prose(raw / "meeting_notice.pdf", pages=2)
    hostile_files.write_prose(raw / "annual_report.pdf", pages=300)
    hostile_files.write_malformed_table(raw / "malformed.pdf")
    hostile_files.write_renamed_copy(REFERENCE_PDF, raw / f"{RENAMED_ID}.pdf")
    shutil.copy(REFERENCE_PDF, raw / f"{COPY_ID}.pdf")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert run_all(raw, published, instance, jobs=2) == 0
    return HostileRun(before, _read(published), printed.getvalue(), published)


STATUSES = {
    "empty": ("empty_file", "the file is empty (0 bytes): an interrupted or failed download"),
    "404": ("not_a_pdf", "the file is an HTML or XML page saved under a .pdf name, not a PDF"),
    "random": ("not_a_pdf", "the file does not start like a PDF (no %PDF- header in its first KiB); it begins "),
    "truncated": (
        "truncated_pdf",
        (
            "the PDF ends before its %%EOF marker: a truncated download; "
            "pdfium: Failed to load document (PDFium: Data format error)."
        ),
    ),
    "encrypted": (
        "encrypted",
        "the PDF is password-protected; pdfium: Failed to load document (PDFium: Incorrect password error).",
    ),
    "scan": ("no_text_layer", "none of its 3 pages has a text layer: a scan, which needs OCR first"),
    "meeting_notice": (
        "not_a_budget_disclosure",
        "no page of its 2 names a standard budget table or a budget or final-accounts title",
    ),
    "annual_report": (
        "not_a_budget_disclosure",
        "no page of its 300 names a standard budget table or a budget or final-accounts title",
    ),
    "malformed": ("partial", "4 validation errors withheld rows; see validation_issues"),
    COPY_ID: (
        "duplicate",
        f"same bytes as {REFERENCE_ID}.pdf (sha256 be404430d8a3…): published once, as {REFERENCE_ID}",
    ),
}


@pytest.mark.parametrize("document_id", sorted(STATUSES))
def test_each_bad_file_has_its_status_and_error_and_no_rows(hostile: HostileRun, document_id: str) -> None:
    status, error = STATUSES[document_id]
    document = hostile.document(document_id)
    assert document["status"] == status
    assert document["error"].startswith(error) if document_id == "random" else document["error"] == error
    for dataset in ("budget_lines", "three_public_expenses", "performance_indicators"):
        assert not (hostile.after[dataset]["document_id"] == document_id).any()
    assert f"  {document_id}: {status}: {document['error']}" in hostile.printed


def test_page_counts_are_reported_for_readable_files(hostile: HostileRun) -> None:
    pages = hostile.after["documents"].set_index("document_id")["pages"]
    assert {name: pages[name] for name in ("scan", "meeting_notice", "annual_report", "malformed")} == {
        "scan": 3,
        "meeting_notice": 2,
        "annual_report": 300,
        "malformed": 1,
    }
    assert all(pd.isna(pages[name]) for name in ("empty", "404", "random", "truncated", "encrypted"))


def test_the_good_document_is_not_rerun_and_its_rows_are_unchanged(hostile: HostileRun) -> None:
    assert f"  {REFERENCE_ID}: unchanged since its last run, skipped" in hostile.printed
    for dataset in ("budget_lines", "three_public_expenses", "performance_indicators"):
        before = hostile.before[dataset]
        after = hostile.after[dataset]
        pd.testing.assert_frame_equal(
            after[after["document_id"] == REFERENCE_ID].reset_index(drop=True), before.reset_index(drop=True)
        )
    assert hostile.document(REFERENCE_ID)["status"] == "ok"


def test_identical_files_are_published_once(hostile: HostileRun) -> None:
    sha256 = hashlib.sha256(REFERENCE_PDF.read_bytes()).hexdigest()
    lines = hostile.after["budget_lines"]
    assert lines[lines["source_sha256"] == sha256]["document_id"].unique().tolist() == [REFERENCE_ID]
    assert f"  {COPY_ID}: same bytes as {REFERENCE_ID}, published once (as {REFERENCE_ID}), not run" in hostile.printed


def test_a_non_ascii_file_name_is_a_document_like_any_other(hostile: HostileRun) -> None:
    lines = hostile.after["budget_lines"]
    renamed = lines[lines["document_id"] == RENAMED_ID]
    reference = lines[lines["document_id"] == REFERENCE_ID]
    assert len(renamed) == 541
    assert renamed["amount_yuan"].tolist() == reference["amount_yuan"].tolist()
    assert hostile.document(RENAMED_ID)["file_name"] == f"{RENAMED_ID}.pdf"
    assert hostile.document(RENAMED_ID)["status"] == "ok"
    assert (hostile.published_dir / "budget_lines.csv").read_text(encoding="utf-8").count(RENAMED_ID) == 541


def test_a_malformed_table_is_listed_and_its_rows_kept_as_issues(hostile: HostileRun) -> None:
    issues = hostile.after["validation_issues"]
    malformed = issues[issues["document_id"] == "malformed"]
    assert malformed["check"].tolist() == ["column_roles"] * 4
    # Ragged rows are read on the union of every row's column rules: a cell spanning several
    # columns is repeated in each, as merged cells are everywhere else.
    assert malformed["row_text"].tolist() == [
        "201 | 201 | 201 | 一般公共服务支出 | 一般公共服务支出 | 一般公共服务支出 | 一般公共服务支出 | 12.50 | 12.50 | 12.50",
        "20101 |  |  |  | abc | abc | 1,2,3 | 1,2,3 | 1,2,3 | 7",
        " |  |  |  |  | 合计 | 合计 | 合计 | 合计 | 合计",
        "2010101 | 2010101 | 行政运行 | 行政运行 | 行政运行 | — | — | — | 4.00 | 4.00",
    ]
    assert malformed["row_index"].tolist() == [2, 3, 4, 5]
    tables = hostile.after["tables"]
    assert tables[tables["document_id"] == "malformed"][["table_kind", "header", "body_rows"]].values.tolist() == [
        ["general_budget_expenditure_by_function", " |  |  |  |  |  |  |  |  | ", 4]
    ]


@pytest.mark.parametrize(
    ("limits", "status", "error"),
    [
        (DocumentLimits(seconds=0.2), "time_limit", "extraction stopped after 0.2 s, its time limit"),
        (DocumentLimits(memory_mib=20), "memory_limit", "extraction stopped at "),
    ],
)
def test_a_document_over_its_limits_is_stopped_and_says_which(
    tmp_path: Path, limits: DocumentLimits, status: str, error: str
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_PDF, raw)
    release = materialize_folder(raw, tmp_path, limits)
    document = release.read("documents").set_index("document_id").loc[REFERENCE_ID]
    assert (document["status"], document["error"][: len(error)]) == (status, error)
    assert release.read("budget_lines").empty
    assert release.document_results[REFERENCE_ID].success


def test_an_extraction_killed_by_a_signal_is_reported_as_crashed() -> None:
    """The extraction child is killed from outside, as the kernel's out-of-memory killer would."""
    info = inspect_document(REFERENCE_PDF)
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    with ThreadPoolExecutor(max_workers=1) as pool:
        running = pool.submit(extract_within_limits, REFERENCE_PDF, info, ExtractionLimits())
        victim = None
        while victim is None and not running.done():
            children = psutil.Process().children(recursive=True)
            victim = next((child for child in children if child.pid not in before), None)
            time.sleep(0.01)
        assert victim is not None, "the extraction finished before its child could be found"
        victim.send_signal(signal.SIGKILL)
        extracted = running.result().extracted
    assert (extracted.info.status, extracted.tables) == ("crashed", ())
    assert extracted.info.error == (
        "extraction died from signal 9 (a crash in native PDF code, or killed by the system)"
    )
