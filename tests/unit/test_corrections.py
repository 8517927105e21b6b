from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from pipeline.contract.datasets import BUDGET_LINES, CORRECTIONS_LOG
from pipeline.contract.frames import dataset_frame
from pipeline.contract.schemas import schema_failures
from pipeline.corrections.apply import apply_corrections, corrections_for
from pipeline.corrections.model import CorrectionsError, document_version, read_corrections
from pipeline.validation.verification import with_verification

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


ADD_ROWS = """
corrections:
  - {action: add_row, table_kind: general_budget_expenditure_by_function, code: "2010199", row_label: 其他人大事务支出,
     measure: total, value: "1.10", page: 6, reason: printed over the page break and not read, author: desk}
  - {action: add_row, table_kind: general_budget_expenditure_by_function, code: "20101", measure: total,
     value: "4.90", page: 5, reason: already there, author: desk}
  - {action: add_row, table_kind: economic_basic_expenditure, code: "30101", measure: total,
     value: "4.90", page: 9, reason: table never read, author: desk}
  - {action: add_row, table_kind: general_budget_expenditure_by_function, code: "2010102", measure: basic,
     value: "4.90", page: 5, reason: no such column, author: desk}
"""


def test_an_added_row_takes_its_tables_context_and_says_where_it_is_printed(tmp_path: Path) -> None:
    rows, log = apply_corrections(
        dataset_frame(BUDGET_LINES, [ROW]), read_corrections(_write(tmp_path, ADD_ROWS)), "doc"
    )
    added = rows.iloc[1].to_dict()
    assert {
        key: added[key] for key in ("code", "code_level", "parent_code", "name", "amount_yuan", "amount_printed")
    } == {
        "code": "2010199",
        "code_level": 3,
        "parent_code": "20101",
        "name": "其他人大事务支出",
        "amount_yuan": Decimal("11000.00"),
        "amount_printed": "1.10",
    }
    assert (added["page"], pd.isna(added["row_index"]), added["column_index"], added["table_index"]) == (6, True, 3, 2)
    assert (added["unit_printed"], added["corrected"]) == ("万元", True)
    assert added["correction"] == "add_row: printed over the page break and not read (desk)"
    assert [(entry["status"], entry["rows_affected"]) for entry in log] == [
        ("applied", 1),
        ("invalid", 0),
        ("unmatched", 0),
        ("invalid", 0),
    ]
    assert log[1]["message"] == "a row with these keys is already published: correct it with set_amount"
    assert log[3]["message"] == "no row of this table prints the measure 'basic'"
    assert schema_failures("budget_lines", with_verification(rows, {})).empty
    assert schema_failures("corrections_log", dataset_frame(CORRECTIONS_LOG, log)).empty  # add_row is an action
    assert not schema_failures("budget_lines", rows.assign(correction=None)).empty


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
        (
            "corrections: [{action: add_row, table_kind: x, code: '1', measure: total, value: '1', reason: r, author: a}]",
            "add_row needs the 'page'",
        ),
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
