from decimal import Decimal

from pipeline.catalogue.matching import header_labels
from pipeline.extraction.tables import DocumentTable, GridReport, SourceRow
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.budget_lines import normalize_budget_lines
from pipeline.normalization.performance_indicators import normalize_performance_indicators
from pipeline.normalization.three_public_expenses import normalize_three_public_expenses

DOCUMENT = DocumentInfo("doc", "doc.pdf", "b" * 64, 1, 3, "", "", "ok", None)


def _table(kind: str, header: list[list[str]], rows: list[list[str]], unit: str | None = "万元") -> DocumentTable:
    return DocumentTable(
        table_index=1,
        kind=kind,
        title="标题",
        unit=unit,
        header=tuple(tuple(row) for row in header),
        labels=tuple(header_labels(header)),
        rows=tuple(SourceRow(2, index + len(header) + 1, tuple(row)) for index, row in enumerate(rows)),
        notes=(),
        grids=(GridReport(2, (0, 0, 1, 1), len(rows), len(header[0]) if header else 0, 99.0, 0.0, "vector"),),
    )


FUNCTION_HEADER = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"]]


def test_each_printed_amount_becomes_one_row_and_blanks_none() -> None:
    table = _table(
        "general_budget_expenditure_by_function",
        FUNCTION_HEADER,
        [["合计", "", "3,394.41", "1,225.78", "2,168.63"], ["2010108", "代表工作", "4.90", "", "4.90"]],
    )
    result = normalize_budget_lines([table], DOCUMENT)
    assert result.issues.empty
    rows = result.rows
    assert (
        rows[["code", "measure", "amount_yuan", "is_total_row", "column_index"]].values.tolist()
        == [
            [None, "total", Decimal("33944100.00"), True, 3],
            [None, "basic", Decimal("12257800.00"), True, 4],
            [None, "project", Decimal("21686300.00"), True, 5],
            ["2010108", "total", Decimal("49000.00"), False, 3],
            ["2010108", "project", Decimal("49000.00"), False, 5],
        ]
        or rows["code"].isna().sum() == 3
    )
    assert rows.loc[rows["code"] == "2010108", ["code_level", "parent_code"]].iloc[0].tolist() == [3, "20101"]
    assert rows.loc[rows["is_total_row"], "name"].unique().tolist() == ["合计"]


def test_unreadable_cells_become_issues_and_the_rest_of_the_row_is_kept() -> None:
    table = _table(
        "general_budget_expenditure_by_function",
        FUNCTION_HEADER,
        [["201", "一般公共服务支出", "86.7.69", "538.14", ""], ["2O1", "一般公共服务支出", "1.00", "", "1.00"]],
    )
    result = normalize_budget_lines([table], DOCUMENT)
    assert result.rows[["code", "measure"]].values.tolist() == [["201", "basic"]]
    columns = ["check", "severity", "code", "measure", "actual", "page", "row_index"]
    assert result.issues[columns].fillna("").values.tolist() == [
        ["amount", "error", "201", "total", "86.7.69", 2, 2],
        ["code", "error", "", "", "2O1", 2, 3],
    ]


def test_a_table_with_amounts_but_no_unit_is_not_guessed() -> None:
    table = _table(
        "general_budget_expenditure_by_function", FUNCTION_HEADER, [["201", "一般", "1.00", "", "1.00"]], unit=None
    )
    result = normalize_budget_lines([table], DOCUMENT)
    assert result.rows.empty
    assert result.issues[["check", "table_kind"]].values.tolist() == [
        ["unit", "general_budget_expenditure_by_function"]
    ]


def test_three_public_items_come_from_the_merged_header() -> None:
    header = [
        [
            "“三公”经费合计",
            "因公出国（境）费",
            "公务用车购置及运行维护费",
            "公务用车购置及运行维护费",
            "公务用车购置及运行维护费",
            "公务接待费",
        ],
        ["“三公”经费合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行维护费", "公务接待费"],
    ]
    table = _table("three_public_expenses", header, [["16.00", "0", "11.00", "", "11.00", "5.00"]])
    rows = normalize_three_public_expenses([table], DOCUMENT).rows
    assert dict(zip(rows["item"], rows["amount_yuan"], strict=True)) == {
        "total": Decimal("160000.00"),
        "overseas_travel": Decimal("0.00"),
        "vehicle_total": Decimal("110000.00"),
        "vehicle_operation": Decimal("110000.00"),
        "reception": Decimal("50000.00"),
    }


def test_three_public_items_printed_one_per_row_are_read_by_their_numbered_labels() -> None:
    """Guangzhou's 财政拨款安排的行政经费及“三公”经费预算表 (guangzhou_petitions_2026_budget p15)."""
    header = [["项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"]]
    printed = [
        ("行政经费", "444.39"),
        ("“三公”经费", "4.80"),
        ("其中：（一）因公出国（境）支出", "0.00"),
        ("（二）公务用车购置及运行维护支出", "2.50"),
        ("1.公务用车购置费", "0.00"),
        ("2.公务用车运行维护费", "2.50"),
        ("（三）公务接待费支出", "2.30"),
    ]
    table = _table(
        "three_public_expenses", header, [[label, amount, amount, "0.00", "0.00"] for label, amount in printed]
    )
    rows = normalize_three_public_expenses([table], DOCUMENT).rows
    assert list(zip(rows["item"], rows["amount_printed"], strict=True)) == [
        ("operating_costs", "444.39"),
        ("total", "4.80"),
        ("overseas_travel", "0.00"),
        ("vehicle_total", "2.50"),
        ("vehicle_purchase", "0.00"),
        ("vehicle_operation", "2.50"),
        ("reception", "2.30"),
    ]


def test_project_form_fields_and_indicators_are_read_by_their_labels() -> None:
    rows = [
        ["项目名称", "500109-清扫保洁", "500109-清扫保洁", "业务主管部门", "某办事处"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标权重", "计量单位", "指标性质", "指标值", "是否核心指标"],
        ["绩效指标", "产出指标", "成本指标", "单位面积服务费", "10", "元/年", "=", "8.2", "否"],
        ["绩效指标", "效益指标", "生态效益指标", "群众生活环境改善程度", "20", "", "定性", "良", "是"],
    ]
    table = _table("project_performance_targets", [], rows)
    result = normalize_performance_indicators([table], DOCUMENT)
    assert result.issues.empty
    indicators = result.rows
    columns = ["project_code", "project_name", "level3", "operator", "target_value", "unit"]
    assert indicators[columns].fillna("").values.tolist() == [
        ["500109", "清扫保洁", "单位面积服务费", "=", "8.2", "元/年"],
        ["500109", "清扫保洁", "群众生活环境改善程度", "定性", "良", ""],
    ]
    assert indicators["target_number"].tolist()[0] == 8.2
    assert indicators["weight"].tolist() == [10.0, 20.0]
    assert indicators["is_core"].tolist() == [False, True]


def test_a_target_printed_with_its_comparison_and_unit_is_split() -> None:
    rows = [
        ["项目名称", "新建社区中心", "新建社区中心"],
        ["一级指标", "二级指标", "三级指标", "年度(/项目)指标值"],
        ["产出指标", "数量指标", "规划建筑面积", "≥13459.00(平方米)"],
        ["产出指标", "质量指标", "完工及时率", "及时率"],
    ]
    indicators = normalize_performance_indicators([_table("project_performance_targets", [], rows)], DOCUMENT).rows
    assert indicators[["operator", "target_value", "unit"]].fillna("").values.tolist() == [
        ["≥", "≥13459.00(平方米)", "平方米"],
        ["", "及时率", ""],
    ]
    assert indicators["target_number"].tolist()[0] == 13459.0
    assert indicators["project_name"].tolist() == ["新建社区中心", "新建社区中心"]


def test_a_kuan_printed_as_its_last_two_digits_takes_its_lei_from_the_rows_above() -> None:
    """xian_emergency_2019_budget p7: 208 / 05 行政事业单位离退休 / 2080505 … / 99 其他社会保障和就业支出 / 2089901 …"""
    rows = [
        ["208", "社会保障和就业支出", "115.11", "115.11", ""],
        ["05", "行政事业单位离退休", "113.28", "113.28", ""],
        ["2080505", "机关事业单位基本养老保险缴费支出", "81.23", "81.23", ""],
        ["2080506", "机关事业单位职业年金缴费支出", "32.05", "32.05", ""],
        ["99", "其他社会保障和就业支出", "1.83", "1.83", ""],
        ["2089901", "其他社会保障和就业支出", "1.83", "1.83", ""],
    ]
    table = _table("general_budget_expenditure_by_function", FUNCTION_HEADER, rows)
    lines = normalize_budget_lines([table], DOCUMENT).rows
    assert list(dict.fromkeys(lines["code"])) == ["208", "20805", "2080505", "2080506", "20899", "2089901"]


def test_amounts_in_a_column_without_a_role_are_reported_not_dropped_in_silence() -> None:
    header = [["序号", "科目编码", "科目名称", "合计", "基本支出", "项目支出", "增减变化"]]
    rows = [["1", "201", "一般公共服务支出", "10.00", "4.00", "6.00", "-2.00"]]
    table = _table("general_budget_expenditure_by_function", header, rows)
    normalized = normalize_budget_lines([table], DOCUMENT)
    assert sorted(normalized.rows["measure"]) == ["basic", "project", "total"]
    [issue] = [issue for issue in normalized.issues.to_dict("records") if issue["check"] == "column_roles"]
    assert issue["severity"] == "warning"
    assert issue["message"] == (
        "amounts in columns no catalogue role reads, not published: column 7 (增减变化): 1 amounts, -2.00"
    )


def test_the_end_of_a_long_name_printed_in_the_first_amount_cell_goes_back_to_the_name() -> None:
    """xian_meteorology_2022_budget p22: ``其他社会保障和就业支`` | ``出 1090.22`` | 1090.22 | 0 | 0."""
    header = [["功能科目编码", "功能科目名称", "合计", "人员经费支出", "公用经费支出", "专项业务经费支出"]]
    rows = [["20899", "其他社会保障和就业支", "出 1090.22", "1090.22", "0", "0"]]
    normalized = normalize_budget_lines(
        [_table("general_budget_expenditure_by_function", header, rows, "元")], DOCUMENT
    )
    lines = normalized.rows
    assert set(lines["name"]) == {"其他社会保障和就业支出"}
    assert dict(zip(lines["measure"], lines["amount_printed"], strict=True)) == {
        "total": "1090.22",
        "personnel": "1090.22",
        "public_operations": "0",
        "project": "0",
    }
    assert list(normalized.issues["check"]) == ["spilled_text"]


def test_three_public_columns_of_this_year_and_last_year_are_told_apart_by_their_heading() -> None:
    """xian_petitions_2026_budget p32 heads its column groups 上年 | 当年 | 增减变化情况."""
    header = [["上年", "上年", "当年", "当年"], ["合计", "公务接待费", "合计", "公务接待费"]]
    table = _table("three_public_expenses", header, [["242,000.00", "20,000.00", "320,800.00", "10,000.00"]], "元")
    rows = normalize_three_public_expenses([table], DOCUMENT).rows
    assert list(zip(rows["stage"], rows["item"], rows["amount_printed"], strict=True)) == [
        ("previous_year", "total", "242,000.00"),
        ("previous_year", "reception", "20,000.00"),
        ("budget", "total", "320,800.00"),
        ("budget", "reception", "10,000.00"),
    ]


def test_a_merged_cell_printing_one_amount_per_column_it_covers_is_read_column_by_column() -> None:
    """guangzhou_sasac_2026_budget p13: a one-row continuation without column rules."""
    header = [["科目编码", "科目名称", "小计", "基本支出", "项目支出"]]
    merged = "1,493.12 1,493.12 0.00"
    normalized = normalize_budget_lines(
        [_table("general_budget_expenditure_by_function", header, [["2210203", "购房补贴", merged, merged, merged]])],
        DOCUMENT,
    )
    assert dict(zip(normalized.rows["measure"], normalized.rows["amount_printed"], strict=True)) == {
        "total": "1,493.12",
        "basic": "1,493.12",
        "project": "0.00",
    }
    assert list(normalized.issues["check"]) == ["merged_amounts"]
