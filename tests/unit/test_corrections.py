from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.contract.datasets import BUDGET_LINES
from pipeline.contract.frames import dataset_frame
from pipeline.corrections.apply import apply_corrections, corrections_for
from pipeline.corrections.model import CorrectionsError, document_version, read_corrections

ROW = {
    "document_id": "doc",
    "table_kind": "general_budget_expenditure_by_function",
    "table_title": "表",
    "classification": "function",
    "code": "20101",
    "code_level": 2,
    "parent_code": "201",
    "name": "人大事务",
    "stage": "budget",
    "measure": "total",
    "measure_printed": "合计",
    "amount_yuan": Decimal("49000.00"),
    "amount_printed": "4.90",
    "unit_printed": "万元",
    "is_total_row": False,
    "source_sha256": "a" * 64,
    "page": 5,
    "table_index": 2,
    "row_index": 5,
    "column_index": 3,
    "corrected": False,
}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_corrections_are_keyed_by_business_keys_and_flag_what_they_change(tmp_path: Path) -> None:
    corrections = read_corrections(
        _write(
            tmp_path,
            """
corrections:
  - {action: set_amount, table_kind: general_budget_expenditure_by_function, code: "20101", measure: total,
     value: "5.90", reason: misprint, author: desk}
  - {action: drop_row, table_kind: general_budget_expenditure_by_function, code: "20199", reason: gone, author: desk}
""",
        )
    )
    rows, log = apply_corrections(dataset_frame(BUDGET_LINES, [ROW]), corrections, "doc")
    assert rows[["amount_printed", "amount_yuan", "corrected"]].values.tolist() == [["5.90", Decimal("59000.00"), True]]
    assert rows["correction"].tolist() == ["set_amount: misprint (desk)"]
    assert [(entry["status"], entry["rows_affected"]) for entry in log] == [("applied", 1), ("unmatched", 0)]


def test_a_correction_with_an_impossible_value_is_logged_invalid_and_changes_nothing(tmp_path: Path) -> None:
    corrections = read_corrections(
        _write(
            tmp_path,
            """
corrections:
  - {action: set_code, table_kind: general_budget_expenditure_by_function, row_label: 人大事务, value: "2O101",
     reason: typo, author: desk}
""",
        )
    )
    rows, log = apply_corrections(dataset_frame(BUDGET_LINES, [ROW]), corrections, "doc")
    assert rows["code"].tolist() == ["20101"] and not rows["corrected"].any()
    assert log[0]["status"] == "invalid" and "2O101" in log[0]["message"]


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("corrections: [{action: rename, table_kind: x, code: '1', reason: r, author: a}]", "action must be one of"),
        ("corrections: [{action: drop_row, table_kind: x, code: '1', author: a}]", "'reason' is required"),
        ("corrections: [{action: drop_row, table_kind: x, reason: r, author: a}]", "'code' or 'row_label'"),
        ("corrections: [{action: set_amount, table_kind: x, code: '1', reason: r, author: a}]", "needs a 'value'"),
        (
            "corrections: [{action: drop_row, table_kind: x, code: '1', reason: r, author: a, cell: B4}]",
            "unknown fields",
        ),
        ("- just a list", "'corrections' list"),
    ],
)
def test_malformed_corrections_files_say_what_is_wrong(tmp_path: Path, text: str, complaint: str) -> None:
    with pytest.raises(CorrectionsError, match=complaint):
        read_corrections(_write(tmp_path, text))


def test_the_document_version_changes_with_its_corrections(tmp_path: Path) -> None:
    assert read_corrections(tmp_path / "absent.yaml") == []
    assert document_version("f" * 64, None) == "f" * 64
    assert document_version("f" * 64, "0123456789abcdef" * 4) == "f" * 64 + "+corrections:0123456789abcdef"


def test_three_public_corrections_go_to_their_own_dataset(tmp_path: Path) -> None:
    corrections = read_corrections(
        _write(
            tmp_path,
            """
corrections:
  - {action: set_amount, table_kind: three_public_expenses, row_label: x, item: reception, value: "5", reason: r, author: a}
""",
        )
    )
    assert corrections_for("budget_lines", corrections) == []
    assert corrections_for("three_public_expenses", corrections) == corrections
    assert corrections_for("performance_indicators", corrections) == []
