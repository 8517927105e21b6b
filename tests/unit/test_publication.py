import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
import pytest

from pipeline.contract.datasets import BUDGET_LINES, DATASETS, DOCUMENTS
from pipeline.contract.frames import dataset_frame
from pipeline.publication.assembly import originals
from pipeline.publication.database import DATABASE_FILE
from pipeline.publication.release import publish_release
from tests.hashing import release_hashes

SHA = "a" * 64


def _line(code: str | None, measure: str, printed: str, row: int, column: int) -> dict:
    return {
        "document_id": "doc",
        "table_kind": "general_budget_expenditure_by_function",
        "table_title": "表",
        "classification": "function",
        "code": code,
        "code_level": None if code is None else (len(code) - 1) // 2,
        "parent_code": None if code is None or len(code) == 3 else code[:-2],
        "name": "合计" if code is None else "一般公共服务支出",
        "stage": "budget",
        "measure": measure,
        "measure_printed": measure,
        "amount_yuan": Decimal(printed.replace(",", "")) * 10_000,
        "amount_printed": printed,
        "unit_printed": "万元",
        "is_total_row": code is None,
        "verification": "verified",
        "source_sha256": SHA,
        "page": 5,
        "table_index": 2,
        "row_index": row,
        "column_index": column,
        "corrected": False,
    }


def _frames(lines: list[dict]) -> dict[str, pd.DataFrame]:
    frames = {dataset.name: dataset_frame(dataset, []) for dataset in DATASETS}
    frames["budget_lines"] = dataset_frame(BUDGET_LINES, lines)
    frames["documents"] = dataset_frame(
        DOCUMENTS,
        [
            {
                "document_id": "doc",
                "file_name": "doc.pdf",
                "disclosure_id": "doc",
                "sha256": SHA,
                "status": "ok",
                "tables_found": 1,
            }
        ],
    )
    return frames


LINES = [
    _line("201", "total", "867.69", 4, 3),
    _line(None, "total", "3,394.41", 3, 3),
    _line(None, "basic", "1,225.78", 3, 4),
]


def test_parquet_and_csv_hold_the_same_rows(tmp_path: Path) -> None:
    publish_release(_frames(LINES), tmp_path, [])
    parquet = pd.read_parquet(tmp_path / "budget_lines.parquet")
    csv = pd.read_csv(tmp_path / "budget_lines.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert parquet["amount_yuan"].tolist() == [Decimal("33944100.00"), Decimal("12257800.00"), Decimal("8676900.00")]
    assert csv["amount_yuan"].tolist() == ["33944100.00", "12257800.00", "8676900.00"]
    assert csv["is_total_row"].tolist() == ["true", "true", "false"]
    assert csv["code"].tolist() == ["", "", "201"]
    assert csv.columns.tolist() == parquet.columns.tolist() == BUDGET_LINES.column_names
    assert (tmp_path / "budget_lines.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_same_rows_in_any_order_give_byte_identical_files(tmp_path: Path) -> None:
    publish_release(_frames(LINES), tmp_path / "first", [])
    publish_release(_frames(list(reversed(LINES))), tmp_path / "second", [])
    assert release_hashes(tmp_path / "first") == release_hashes(tmp_path / "second")


def test_datapackage_records_every_file_hash_and_input(tmp_path: Path) -> None:
    publish_release(_frames(LINES), tmp_path, [{"document_id": "doc", "path": "doc.pdf", "sha256": SHA}])
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    files = release_hashes(tmp_path)
    hashed = [resource for resource in package["resources"] if resource["path"] != DATABASE_FILE]
    assert {resource["path"] for resource in hashed} == set(files) - {"datapackage.json"}
    for resource in hashed:
        assert resource["hash"] == f"sha256:{files[resource['path']]}"
    assert [resource.get("hash") for resource in package["resources"] if resource["path"] == DATABASE_FILE] == [None]
    amount = next(f for f in package["resources"][4]["schema"]["fields"] if f["name"] == "amount_yuan")
    assert amount["type"] == "number" and amount["description_zh"].startswith("金额")
    assert package["cnbudget"]["inputs"] == [{"document_id": "doc", "path": "doc.pdf", "sha256": SHA}]


def test_a_frame_that_breaks_the_contract_leaves_the_previous_release_untouched(tmp_path: Path) -> None:
    publish_release(_frames(LINES), tmp_path, [])
    before = release_hashes(tmp_path)
    broken = [{**LINES[0], "code": "2011"}]
    with pytest.raises(pa.errors.SchemaErrors):
        publish_release(_frames(broken), tmp_path, [])
    assert release_hashes(tmp_path) == before
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".staging")]


def test_schema_rules_across_columns_catch_inconsistent_codes_and_negative_spending() -> None:
    from pipeline.contract.schemas import schema_failures

    good = dataset_frame(BUDGET_LINES, [_line("20101", "total", "4.90", 4, 3)])
    good["parent_code"] = "201"
    assert schema_failures("budget_lines", good).empty
    bad = dataset_frame(
        BUDGET_LINES,
        [
            {
                **_line("20101", "total", "4.90", 4, 3),
                "parent_code": "202",
                "code_level": 3,
                "amount_yuan": Decimal("-1.00"),
            }
        ],
    )
    failed = set(schema_failures("budget_lines", bad)["check"])
    assert {"code_level_matches_code", "parent_code_matches_code", "amount_not_negative"} <= failed


def test_the_data_dictionary_describes_every_column_and_is_hashed(tmp_path: Path) -> None:
    publish_release(_frames(LINES), tmp_path, [])
    page = (tmp_path / "data_dictionary.md").read_text(encoding="utf-8")
    for dataset in DATASETS:
        assert f"## `{dataset.name}`" in page
        for column in dataset.columns:
            assert f"| `{column.name}` |" in page
    assert "| `amount_yuan` | exact decimal, yuan, 2 places (decimal128(18, 2)) (required) |" in page
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    dictionary = next(resource for resource in package["resources"] if resource["path"] == "data_dictionary.md")
    assert dictionary["hash"] == "sha256:" + hashlib.sha256(page.encode("utf-8")).hexdigest()


def test_the_copy_whose_id_sorts_first_is_the_original_of_the_same_bytes() -> None:
    assert originals({"b_copy": "1", "a": "1", "c": "2", "b": "1"}) == {"a": "a", "b": "a", "b_copy": "a", "c": "c"}
