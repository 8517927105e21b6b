"""Operating the pipeline: the cnbudget command, the sensor, and the release read back."""

import csv
import hashlib
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path

import dagster as dg
import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from assets.automation import raw_folder_sensor
from assets.cli import main
from assets.definitions import build_definitions
from assets.resources import PROJECT_ROOT, ProjectPaths
from pipeline.contract.datasets import DATASETS
from pipeline.publication.database import DATABASE_FILE
from tests.e2e.conftest import NOT_A_PDF_ID, REFERENCE_ID, REFERENCE_PDF, Release
from tests.hashing import release_hashes

pytestmark = pytest.mark.e2e


def test_published_parquet_and_csv_read_back_equal(release: Release) -> None:
    for dataset in DATASETS:
        parquet = pq.read_table(release.published_dir / f"{dataset.name}.parquet")
        with (release.published_dir / f"{dataset.name}.csv").open(encoding="utf-8-sig", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        assert header == parquet.column_names == dataset.column_names
        assert rows == [[_csv_text(value) for value in row.values()] for row in parquet.to_pylist()], dataset.name
        assert len(rows) > 0 or dataset.name == "corrections_log"


def _csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return f"{value:f}"
    return str(value)


def test_republishing_the_same_outputs_gives_byte_identical_files(release: Release, tmp_path: Path) -> None:
    before = release_hashes(release.published_dir)
    paths = ProjectPaths(raw_dir=str(release.published_dir.parent / "raw"), published_dir=str(tmp_path / "again"))
    build_definitions(paths).resolve_job_def("publish_job").execute_in_process(instance=release.instance)
    assert release_hashes(tmp_path / "again") == before
    assert len(before) == 2 * len(DATASETS) + 2 + 3  # Parquet and CSV, dictionary, datapackage, 3 partitions


def test_the_duckdb_database_holds_every_dataset_as_published(release: Release) -> None:
    with duckdb.connect(str(release.published_dir / DATABASE_FILE), read_only=True) as database:
        for dataset in DATASETS:
            table = database.sql(f"SELECT * FROM {dataset.name}").arrow().read_all()
            parquet = pq.read_table(release.published_dir / f"{dataset.name}.parquet")
            assert table.column_names == parquet.column_names
            assert table.to_pylist() == parquet.to_pylist(), dataset.name
        comment = database.sql("SELECT comment FROM duckdb_columns() WHERE column_name = 'amount_yuan'").fetchall()
    assert comment[0] == ("Amount in yuan, exact, converted from the printed unit / 金额（元），由印刷单位精确换算",)


def test_partitioned_parquet_holds_the_same_rows_under_year_and_region(release: Release) -> None:
    folder = release.published_dir / "partitioned" / "budget_lines"
    assert [path.relative_to(folder).as_posix() for path in folder.rglob("*.parquet")] == [
        "year=2023/region=重庆市北碚区/part-0.parquet"
    ]
    with duckdb.connect() as database:
        partitioned = (
            database.sql(
                f"SELECT * FROM read_parquet('{folder}/*/*/*.parquet', hive_partitioning = true) WHERE year = 2023"
            )
            .arrow()
            .read_all()
        )
    assert set(partitioned.column("region").to_pylist()) == {"重庆市北碚区"}
    single = pq.read_table(release.published_dir / "budget_lines.parquet")
    assert partitioned.select(single.column_names).to_pylist() == single.to_pylist()


def _command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, other_files: dict[str, bytes]) -> list[str]:
    """``cnbudget run`` arguments for a raw folder holding the reference PDF and ``other_files``,
    with runs recorded in a DAGSTER_HOME of the test's own."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_PDF, raw)
    for name, content in other_files.items():
        (raw / name).write_bytes(content)
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    return ["run", "--raw-dir", str(raw), "--published-dir", str(tmp_path / "published")]


def test_cnbudget_run_processes_a_folder_and_prints_a_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(_command_line(tmp_path, monkeypatch, {f"{NOT_A_PDF_ID}.pdf": b""}))
    out = capsys.readouterr().out
    assert code == 0
    assert f"runs recorded in {tmp_path / 'home'}" in out
    summary = {
        line.split()[0]: line.split()[1:]
        for line in out.splitlines()
        if line.strip().startswith((REFERENCE_ID, NOT_A_PDF_ID))
    }
    assert summary[REFERENCE_ID] == ["ok", "tables_and_narrative", "12", "541", "4", "26", "5"]
    assert summary[NOT_A_PDF_ID][:3] == ["empty_file", "none", "0"]
    assert out.splitlines()[-1].startswith(
        "Total: 2 documents (1 ok, 1 empty_file); 541 budget_lines, 4 three_public_expenses, "
        "26 performance_indicators; 5 warnings, 0 errors; "
    )
    runs = dg.DagsterInstance.from_config(str(tmp_path / "home")).get_runs()
    assert sorted(run.job_name for run in runs) == ["document_job", "document_job", "publish_job"]


def test_cnbudget_run_fails_when_the_raw_folder_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAGSTER_HOME", str(tmp_path / "home"))
    assert main(["run", "--raw-dir", str(tmp_path / "absent"), "--published-dir", str(tmp_path / "published")]) == 1
    assert not (tmp_path / "published").exists()


def test_sensor_runs_new_and_changed_documents_only(release: Release, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(REFERENCE_PDF, raw)
    (raw / "new_document.pdf").write_bytes(REFERENCE_PDF.read_bytes()[:1000])
    context = dg.build_sensor_context(instance=release.instance, resources={"paths": ProjectPaths(raw_dir=str(raw))})
    result = raw_folder_sensor(context)
    sha = hashlib.sha256((raw / "new_document.pdf").read_bytes()).hexdigest()
    assert [(r.partition_key, r.run_key) for r in result.run_requests] == [("new_document", f"new_document:{sha}")]
    assert [request.partition_keys for request in result.dynamic_partitions_requests] == [["new_document"]]


def test_cnbudget_run_skips_unchanged_documents_and_reruns_a_replaced_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _command_line(tmp_path, monkeypatch, {"replaced.pdf": b"first version"})
    raw = tmp_path / "raw"
    assert main(arguments) == 0
    first = (tmp_path / "published" / "budget_lines.parquet").read_bytes()
    capsys.readouterr()
    assert main(arguments) == 0
    assert "was made from exactly these inputs; not published again" in capsys.readouterr().out
    shutil.copy(PROJECT_ROOT / "data" / "raw" / "sources.csv", raw)
    assert main(arguments) == 0
    assert "not published again" not in capsys.readouterr().out
    (raw / "replaced.pdf").write_bytes(b"second version")
    capsys.readouterr()
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert f"{REFERENCE_ID}: unchanged since its last run, skipped" in out
    assert "replaced: run succeeded" in out
    runs = dg.DagsterInstance.from_config(str(tmp_path / "home")).get_runs()
    partitions = sorted(run.tags.get("dagster/partition", "") for run in runs if run.job_name == "document_job")
    assert partitions == [REFERENCE_ID, "replaced", "replaced"]
    assert sorted(run.job_name for run in runs).count("publish_job") == 3
    assert (tmp_path / "published" / "budget_lines.parquet").read_bytes() == first


def test_datapackage_names_the_code_and_every_input(release: Release) -> None:
    package = json.loads((release.published_dir / "datapackage.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{40}(\+dirty)?", package["cnbudget"]["code_commit"])
    inputs = {item["document_id"]: item["sha256"] for item in package["cnbudget"]["inputs"]}
    assert inputs[REFERENCE_ID] == hashlib.sha256(REFERENCE_PDF.read_bytes()).hexdigest()
    assert set(inputs) == {REFERENCE_ID, NOT_A_PDF_ID}
    models = {resource["name"]: resource["model"] for resource in package["resources"] if "model" in resource}
    assert sorted(models) == ["budget_lines-csv", "three_public_expenses-csv"]
    lines = models["budget_lines-csv"]
    assert lines["measures"] == {"amount": {"source": "amount_yuan", "currency": "CNY", "title": "Amount (yuan)"}}
    assert lines["dimensions"]["classification"]["attributes"]["code"] == {"source": "code"}
    columns = {
        field["name"]
        for field in next(r for r in package["resources"] if r["name"] == "budget_lines-csv")["schema"]["fields"]
    }
    sources = {a["source"] for d in lines["dimensions"].values() for a in d["attributes"].values()}
    assert sources <= columns


def test_datapackage_is_valid_by_frictionless(release: Release) -> None:
    import frictionless

    report = frictionless.validate(str(release.published_dir / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "type", "note"])
    # 8 CSV tables row by row; 8 Parquet files, 3 partition files and the dictionary by hash; the database
    assert len(report.tasks) == 21


CORRECTIONS = """\
corrections:
  - action: set_amount
    table_kind: expenditure_summary
    row_label: 合计
    measure: basic
    value: "1,225.78"
    reason: 部门支出总表 prints 1,225.79; the function and economic tables and the sum of 类 give 1,225.78
    author: data desk
  - action: set_name
    table_kind: general_budget_expenditure_by_function
    code: "2019998"
    value: 不存在的科目
    reason: a correction whose row is gone
    author: data desk
"""


def test_editing_one_documents_corrections_reruns_only_it_and_flags_and_logs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = _command_line(tmp_path, monkeypatch, {"other.pdf": b"not a pdf"})
    assert main(arguments) == 0
    corrections = tmp_path / "raw" / "corrections"
    corrections.mkdir()
    (corrections / f"{REFERENCE_ID}.yaml").write_text(CORRECTIONS, encoding="utf-8")
    capsys.readouterr()
    assert main(arguments) == 0
    out = capsys.readouterr().out
    assert "other: unchanged since its last run, skipped" in out
    assert f"{REFERENCE_ID}: run succeeded" in out
    published = tmp_path / "published"
    lines = pd.read_parquet(published / "budget_lines.parquet")
    corrected = lines[lines["corrected"]]
    assert corrected[["table_kind", "name", "measure", "amount_printed", "amount_yuan"]].values.tolist() == [
        ["expenditure_summary", "合计", "basic", "1,225.78", Decimal("12257800.00")]
    ]
    assert corrected["correction"].iloc[0].startswith("set_amount: 部门支出总表 prints 1,225.79")
    log = pd.read_parquet(published / "corrections_log.parquet")
    assert log[["correction_index", "status", "rows_affected"]].values.tolist() == [
        [1, "applied", 1],
        [2, "unmatched", 0],
    ]
    issues = pd.read_parquet(published / "validation_issues.parquet")
    assert issues.loc[issues["check"] == "correction", "message"].tolist() == [
        "correction 2 (set_name) unmatched: no published row has these keys any more; the correction was not applied"
    ]
    # with the 部门支出总表 corrected, only the narrative still quotes 1,225.79
    remaining = issues[(issues["document_id"] == REFERENCE_ID) & (issues["measure"] == "basic")]
    assert remaining["check"].tolist() == ["narrative"]
