"""Reconciliation on the reference disclosure: its real rounding differences are warnings, and
every synthetic corruption of a correct table is an error that marks the amounts it involves
contradicted, while every row stays published."""

from decimal import Decimal

import pandas as pd
import pytest

from assets.resources import PROJECT_ROOT
from pipeline.extraction.document_tables import extract_document
from pipeline.inspection.document import inspect_document
from pipeline.normalization.budget_lines import normalize_budget_lines
from pipeline.normalization.three_public_expenses import normalize_three_public_expenses
from pipeline.validation.findings import Printed
from pipeline.validation.reconciliation import code_blocks, findings_frame, reconcile_outcomes
from pipeline.validation.verification import verification_by_cell, with_verification

REFERENCE = PROJECT_ROOT / "data" / "raw" / "chongqing_beibei_chaoyang_2023_budget.pdf"
FUNCTION = "general_budget_expenditure_by_function"


@pytest.fixture(scope="module")
def reference() -> dict:
    info = inspect_document(REFERENCE)
    extracted = extract_document(REFERENCE, info)
    tables = list(extracted.tables)
    return {
        "info": info,
        "narrative": extracted.narrative,
        "lines": normalize_budget_lines(tables, info).rows,
        "items": normalize_three_public_expenses(tables, info).rows,
    }


def _outcomes(reference: dict, lines: pd.DataFrame, items: pd.DataFrame | None = None) -> list:
    info = reference["info"]
    items = reference["items"] if items is None else items
    return reconcile_outcomes(info.document_id, info.sha256, lines, items, reference["narrative"], 2023)


def _reconcile(reference: dict, lines: pd.DataFrame, items: pd.DataFrame | None = None) -> pd.DataFrame:
    return findings_frame(_outcomes(reference, lines, items))


def test_the_reference_amounts_are_verified_where_an_identity_covers_them(reference: dict) -> None:
    verified = with_verification(reference["lines"], verification_by_cell(_outcomes(reference, reference["lines"])))
    function = verified[verified["table_kind"] == FUNCTION]
    assert set(function["verification"]) == {"verified"}
    assert "contradicted" not in set(verified["verification"])
    assert verified["finding_id"].isna().all()


def _function_table_index(lines: pd.DataFrame) -> int:
    return int(lines.loc[lines["table_kind"] == FUNCTION, "table_index"].iloc[0])


def test_the_reference_has_only_rounding_warnings(reference: dict) -> None:
    findings = _reconcile(reference, reference["lines"])
    assert set(findings["severity"]) == {"warning"}
    assert sorted(findings["check"]) == ["grand_total", "narrative", "row_total", "same_total"]


def _assert_caught(reference: dict, corrupted: pd.DataFrame, checks: set[str]) -> pd.DataFrame:
    """The corruption is an error finding; every row stays published, the function table's involved ones
    contradicted and pointing at a finding that exists."""
    outcomes = _outcomes(reference, corrupted)
    findings = findings_frame(outcomes)
    errors = findings[findings["severity"] == "error"]
    assert checks <= set(errors["check"])
    verified = with_verification(corrupted, verification_by_cell(outcomes))
    assert len(verified) == len(corrupted)  # nothing withheld
    function = verified[verified["table_index"] == _function_table_index(corrupted)]
    contradicted = function[function["verification"] == "contradicted"]
    assert not contradicted.empty
    assert set(contradicted["finding_id"]) <= set(errors["finding_id"])
    return verified


def test_a_changed_digit_is_caught(reference: dict) -> None:
    lines = reference["lines"].copy()
    changed = (lines["table_kind"] == FUNCTION) & (lines["code"] == "20101") & (lines["measure"] == "total")
    lines.loc[changed, ["amount_yuan", "amount_printed"]] = [Decimal("43000.00"), "4.30"]
    _assert_caught(reference, lines, {"hierarchy", "row_total"})


def test_a_dropped_row_is_caught(reference: dict) -> None:
    lines = reference["lines"]
    dropped = lines[~((lines["table_kind"] == FUNCTION) & (lines["code"] == "20103"))]
    _assert_caught(reference, dropped, {"hierarchy"})


def test_a_shifted_column_is_caught(reference: dict) -> None:
    lines = reference["lines"].copy()
    function = lines["table_kind"] == FUNCTION
    shift = {"total": "basic", "basic": "project", "project": None}
    lines.loc[function, "measure"] = lines.loc[function, "measure"].map(shift)
    lines = lines[lines["measure"].notna()].reset_index(drop=True)
    _assert_caught(reference, lines, {"same_total"})


def test_a_unit_wrong_by_ten_thousand_is_caught(reference: dict) -> None:
    lines = reference["lines"].copy()
    function = lines["table_kind"] == FUNCTION
    lines.loc[function, "amount_yuan"] = [amount / 10_000 for amount in lines.loc[function, "amount_yuan"]]
    lines.loc[function, "unit_printed"] = "元"
    _assert_caught(reference, lines, {"same_total"})


def test_a_wrong_three_public_item_is_caught(reference: dict) -> None:
    items = reference["items"].copy()
    items.loc[items["item"] == "reception", ["amount_yuan", "amount_printed"]] = [Decimal("80000.00"), "8.00"]
    findings = _reconcile(reference, reference["lines"], items)
    errors = findings[findings["severity"] == "error"]
    assert errors[["check", "measure"]].values.tolist() == [["three_public_total", "total"]]
    verified = with_verification(items, verification_by_cell(_outcomes(reference, reference["lines"], items)))
    by_item = dict(zip(verified["item"], verified["verification"], strict=True))
    assert by_item["reception"] == by_item["total"] == "contradicted"
    assert by_item["vehicle_total"] == "contradicted"  # a member of the failing total, verified by its own parts too


def test_a_narrative_published_apart_is_checked_against_its_tables(reference: dict) -> None:
    from dataclasses import replace

    from pipeline.extraction.document_tables import ExtractedDocument
    from pipeline.normalization.records import Normalized
    from pipeline.publication.assembly import DocumentOutputs, release_frames

    info = reference["info"]
    extracted = extract_document(REFERENCE, info)
    tables = DocumentOutputs(
        info,
        extracted,
        {
            "budget_lines": Normalized(reference["lines"], reference["lines"].iloc[0:0]),
            "three_public_expenses": Normalized(reference["items"], reference["items"].iloc[0:0]),
        },
        {},
    )
    narrative_info = replace(info, document_id="narrative_only", file_name="narrative_only.pdf", sha256="0" * 64)
    narrative = ExtractedDocument(
        narrative_info,
        extracted.facts,
        text_pages=1,
        pages_parsed=(),
        tables=(),
        narrative=((1, "一般公共预算财政拨款支出3,394.41万元。其中：基本支出999.00万元，项目支出2,168.63万元。"),),
    )
    frames = release_frames([tables, DocumentOutputs(narrative_info, narrative, {}, {})])
    documents = frames["documents"].set_index("document_id")
    assert documents.loc["narrative_only", "disclosure_id"] == info.document_id
    issues = frames["validation_issues"]
    found = issues[(issues["document_id"] == "narrative_only") & (issues["check"] == "narrative")]
    assert found[["measure", "actual", "expected", "severity"]].values.tolist() == [
        ["basic", "9990000.00", "12257800.00", "warning"]
    ]


def test_a_summary_whose_sides_do_not_meet_is_caught(reference: dict) -> None:
    lines = reference["lines"].copy()
    revenue_total = (
        (lines["table_kind"] == "appropriation_summary") & (lines["section"] == "revenue") & lines["is_total_row"]
    )
    lines.loc[revenue_total, ["amount_yuan", "amount_printed"]] = [Decimal("33844100.00"), "3,384.41"]
    findings = _reconcile(reference, lines)
    errors = findings[findings["severity"] == "error"]
    assert errors[["check", "table_kind", "measure"]].values.tolist() == [
        ["same_total", "appropriation_summary", "total"]
    ]


def test_the_function_table_is_reconciled_with_the_appropriation_summary(reference: dict) -> None:
    lines = reference["lines"].copy()
    general = (
        (lines["table_kind"] == "appropriation_summary")
        & (lines["measure"] == "general_budget")
        & lines["is_total_row"]
    )
    lines.loc[general, ["amount_yuan", "amount_printed"]] = [Decimal("33944200.00"), "3,394.42"]
    findings = _reconcile(reference, lines)
    same = findings[findings["check"] == "same_total"]
    assert ["warning", "appropriation_summary", "general_budget", "100.00"] in same[
        ["severity", "table_kind", "measure", "difference"]
    ].values.tolist()


def test_code_blocks_keep_a_split_line_together_and_start_a_block_when_the_codes_begin_again() -> None:
    def amount(yuan: str) -> Printed:
        return Printed(Decimal(yuan), yuan, "元", 1)

    rows = [
        ("301", amount("30")),
        ("30101", amount("10")),  # 基本工资 under 政府经济分类 50101
        ("30101", amount("5")),  # … and under 50501: the same line, split
        ("30102", amount("15")),
        ("301", amount("7")),  # the next unit's block
        ("30101", amount("7")),
    ]
    first, second = code_blocks(rows)
    assert {code: [p.yuan for p in printed] for code, printed in first.items()} == {
        "301": [Decimal(30)],
        "30101": [Decimal(10), Decimal(5)],
        "30102": [Decimal(15)],
    }
    assert list(second) == ["301", "30101"]


def test_a_three_public_gap_with_a_part_unread_is_a_warning_only_in_a_table_read_in_part(reference: dict) -> None:
    """A 三公 table whose vehicle cell could not be read (xian_petitions_2026_budget) must not contradict its total."""
    items = reference["items"]
    table_index = int(items["table_index"].iloc[0])
    without_reception = items[items["item"] != "reception"]
    outcomes = _outcomes(reference, reference["lines"], without_reception)
    assert any(o.contradicts and o.finding["check"] == "three_public_total" for o in outcomes)
    info = reference["info"]
    relaxed = reconcile_outcomes(
        info.document_id,
        info.sha256,
        reference["lines"],
        without_reception,
        reference["narrative"],
        2023,
        partly_read=frozenset({table_index}),
    )
    [gap] = [o for o in relaxed if o.finding is not None and o.finding["check"] == "three_public_total"]
    assert (gap.contradicts, gap.finding["severity"]) == (False, "warning")
