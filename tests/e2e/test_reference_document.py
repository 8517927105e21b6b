"""The reference disclosure, PDF in and datasets out, checked value by value against its printed text.

Expected values are the seed text's own cells (tests/fixtures/<document_id>/*.csv), as printed.
"""

import csv
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from tests.e2e.conftest import NOT_A_PDF_ID, REFERENCE_ID, Release

pytestmark = pytest.mark.e2e
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / REFERENCE_ID


def _expected(name: str) -> list[dict[str, str]]:
    with (FIXTURES / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _yuan(printed: str) -> Decimal:
    return (Decimal(printed.replace(",", "")) * 10_000).quantize(Decimal("0.01"))


def _lines(release: Release, table_kind: str) -> pd.DataFrame:
    lines = release.read("budget_lines")
    return lines[(lines["document_id"] == REFERENCE_ID) & (lines["table_kind"] == table_kind)]


def _printed_rows(lines: pd.DataFrame, measures: tuple[str, ...]) -> list[dict[str, str]]:
    """Long-form budget lines back into printed rows: code, name and each measure as printed ('' when blank)."""
    rows = []
    for (_page, _row), group in lines.groupby(["page", "row_index"], sort=True):
        first = group.iloc[0]
        printed = dict(zip(group["measure"], group["amount_printed"], strict=True))
        rows.append(
            {
                "code": "" if pd.isna(first["code"]) else first["code"],
                "name": first["name"],
                **{measure: printed.get(measure, "") for measure in measures},
            }
        )
    return rows


@pytest.mark.parametrize(
    ("table_kind", "measures", "rows"),
    [
        ("general_budget_expenditure_by_function", ("total", "basic", "project"), 101),
        ("general_budget_basic_expenditure_by_economic", ("total", "personnel", "public_operations"), 30),
    ],
)
def test_classification_table_is_published_line_by_line(
    release: Release, table_kind: str, measures: tuple[str, ...], rows: int
) -> None:
    lines = _lines(release, table_kind)
    expected = _expected(table_kind)
    assert len(expected) == rows
    assert _printed_rows(lines, measures) == expected
    for line in lines.itertuples():
        assert line.amount_yuan == _yuan(line.amount_printed)
        assert line.unit_printed == "万元"


def test_function_table_codes_levels_totals_and_pages(release: Release) -> None:
    lines = _lines(release, "general_budget_expenditure_by_function").set_index(["code", "measure"])
    total = release.read("budget_lines")
    total = total[(total["table_kind"] == "general_budget_expenditure_by_function") & total["is_total_row"]]
    assert dict(zip(total["measure"], total["amount_yuan"], strict=True)) == {
        "total": Decimal("33944100.00"),
        "basic": Decimal("12257800.00"),
        "project": Decimal("21686300.00"),
    }
    assert total["page"].unique().tolist() == [5]
    assert lines.loc[("201", "total")][["code_level", "name"]].tolist() == [1, "一般公共服务支出"]
    assert lines.loc[("20101", "project")][["code_level", "parent_code"]].tolist() == [2, "201"]
    assert lines.loc[("2010108", "project")][["code_level", "parent_code", "amount_yuan"]].tolist() == [
        3,
        "20101",
        Decimal("49000.00"),
    ]
    # The table runs over pages 5-7, broken where the original broke; rows keep their own page.
    assert lines.loc[("20703", "total"), "page"] == 5
    assert lines.loc[("2070308", "total"), "page"] == 6
    assert lines.loc[("21299", "total"), "page"] == 7
    assert lines.loc[("2070308", "total"), "row_index"] == 3  # after the two repeated header rows


def test_three_public_expenses_are_published_by_item(release: Release) -> None:
    items = release.read("three_public_expenses")
    items = items[items["document_id"] == REFERENCE_ID]
    published = dict(zip(items["item"], items["amount_printed"], strict=True))
    expected = {
        row["item"]: row["amount_printed"] for row in _expected("three_public_expenses") if row["amount_printed"]
    }
    assert published == expected
    assert dict(zip(items["item"], items["amount_yuan"], strict=True)) == {
        "total": Decimal("160000.00"),
        "vehicle_total": Decimal("110000.00"),
        "vehicle_operation": Decimal("110000.00"),
        "reception": Decimal("50000.00"),
    }
    assert set(items["page"]) == {9}


def test_every_performance_indicator_is_published(release: Release) -> None:
    indicators = release.read("performance_indicators")
    indicators = indicators[indicators["document_id"] == REFERENCE_ID]
    published = [
        {
            "scope": row.scope,
            "project_code": "" if pd.isna(row.project_code) else row.project_code,
            "project_name": "" if pd.isna(row.project_name) else row.project_name,
            "level1": row.level1,
            "level2": row.level2,
            "level3": row.level3,
            "unit": "" if pd.isna(row.unit) else row.unit,
            "operator": row.operator,
            "target_value": row.target_value,
            "weight": f"{row.weight:g}",
            "is_core": "是" if row.is_core else "否",
        }
        for row in indicators.itertuples()
    ]
    assert published == _expected("performance_indicators")
    numbers = dict(zip(indicators["level3"], indicators["target_number"], strict=False))
    assert numbers["单位面积服务费"] == 8.2
    assert pd.isna(numbers["群众生活环境改善程度"])
    assert sorted(indicators["page"].unique().tolist()) == [17, 18, 20]


def test_documents_say_what_each_file_is(release: Release) -> None:
    documents = release.read("documents").set_index("document_id")
    reference = documents.loc[REFERENCE_ID]
    assert reference["status"] == "ok"
    assert reference["department"] == "重庆市北碚区人民政府朝阳街道办事处"
    assert (reference["region"], reference["year"], reference["disclosure_kind"]) == ("重庆市北碚区", 2023, "budget")
    assert (reference["pages"], reference["tables_found"]) == (20, 12)
    broken = documents.loc[NOT_A_PDF_ID]
    assert broken["status"] == "not_a_pdf"
    assert broken["error"] == "the file is an HTML or XML page saved under a .pdf name, not a PDF"


def test_the_headerless_fragment_is_reported_not_dropped(release: Release) -> None:
    tables = release.read("tables")
    fragment = tables[(tables["document_id"] == REFERENCE_ID) & tables["table_kind"].isna()]
    assert fragment[["pages", "columns", "body_rows"]].values.tolist() == [["12", 10, 46]]
    issues = release.read("validation_issues")
    warning = issues[(issues["document_id"] == REFERENCE_ID) & (issues["check"] == "table_kind")]
    assert warning[["severity", "page"]].values.tolist() == [["warning", 12]]
    assert warning["row_text"].iloc[0].startswith("2082501 | 其他城市生活救助 | 8.00 | 8.00")


def test_schema_checks_ran_and_passed_for_each_dataset(release: Release) -> None:
    evaluations = release.document_results[REFERENCE_ID].get_asset_check_evaluations()
    assert sorted((e.check_name, e.passed, e.severity.value) for e in evaluations) == [
        ("budget_lines_schema", True, "ERROR"),
        ("numbers_reconcile", False, "WARN"),
        ("performance_indicators_schema", True, "ERROR"),
        ("three_public_expenses_schema", True, "ERROR"),
    ]


def test_basic_expenditure_printed_as_1225_78_and_1225_79_is_reported_as_rounding(release: Release) -> None:
    issues = release.read("validation_issues")
    findings = issues[(issues["document_id"] == REFERENCE_ID) & (issues["check"] != "table_kind")]
    assert findings[
        ["check", "severity", "table_kind", "measure", "expected", "actual", "difference", "pages"]
    ].values.tolist() == [
        [
            "narrative",
            "warning",
            "general_budget_expenditure_by_function",
            "basic",
            "12257800.00",
            "12257900.00",
            "100.00",
            "2,5",
        ],
        ["grand_total", "warning", "expenditure_summary", "basic", "12257800.00", "12257900.00", "100.00", "13,14,15"],
        ["row_total", "warning", "expenditure_summary", "total", "33944200.00", "33944100.00", "-100.00", "13"],
        ["same_total", "warning", "expenditure_summary", "basic", "12257800.00", "12257900.00", "100.00", "5,13"],
    ]
    documents = release.read("documents").set_index("document_id")
    assert documents.loc[REFERENCE_ID, "status"] == "ok"  # warnings withhold nothing


def test_summary_tables_are_published_by_side(release: Release) -> None:
    lines = _lines(release, "appropriation_summary")
    printed = {(row.section, row.name, row.measure): row.amount_printed for row in lines.itertuples()}
    assert printed[("revenue", "一般公共预算资金", "total")] == "3,394.41"
    assert printed[("expenditure", "国防支出", "total")] == "11.00"
    assert printed[("expenditure", "国防支出", "general_budget")] == "11.00"
    assert printed[("expenditure", "支出合计", "total")] == "3,394.41"
    assert len(lines) == 31
    summary = _lines(release, "revenue_expenditure_summary")
    assert summary.groupby("section").size().to_dict() == {"expenditure": 13, "revenue": 2}
    assert summary["page"].unique().tolist() == [11]


def test_materializations_carry_row_counts_schemas_and_column_lineage(release: Release) -> None:
    import dagster as dg

    [record] = release.instance.fetch_materializations(
        dg.AssetRecordsFilter(asset_key=dg.AssetKey("budget_lines"), asset_partitions=[REFERENCE_ID]), limit=1
    ).records
    metadata = record.asset_materialization.metadata
    assert metadata["dagster/row_count"].value == 541
    assert "amount_yuan" in [column.name for column in metadata["dagster/column_schema"].value.columns]
    lineage = metadata["dagster/column_lineage"].value.deps_by_column
    assert [(dep.asset_key.path[-1], dep.column_name) for dep in lineage["amount_yuan"]] == [
        ("extracted_tables", "cells"),
        ("extracted_tables", "unit"),
    ]
