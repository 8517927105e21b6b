import pytest

from pipeline.catalogue.matching import assign_column_roles, header_labels, is_total_label, match_title
from pipeline.catalogue.table_kinds import KINDS_BY_ID


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("重庆市北碚区朝阳街道办事处财政拨款收支总表", "appropriation_summary"),
        ("重庆市北碚区朝阳街道办事处一般公共预算财政拨款支出预算表", "general_budget_expenditure_by_function"),
        (
            "重庆市北碚区朝阳街道办事处一般公共预算财政拨款基本支出预算表",
            "general_budget_basic_expenditure_by_economic",
        ),
        ("重庆市北碚区朝阳街道办事处一般公共预算“三公”经费支出表", "three_public_expenses"),
        ('2025年部门"三公"经费和机关运行经费预算表', "three_public_expenses"),
        ("重庆市北碚区朝阳街道办事处政府性基金预算支出表", "government_fund_expenditure"),
        ("重庆市北碚区朝阳街道办事处部门收支总表", "revenue_expenditure_summary"),
        ("2025年部门财务收支预算总表", "revenue_expenditure_summary"),
        ("部 门 收 入 总 表", "revenue_summary"),
        ("重庆市北碚区朝阳街道办事处部门支出总表", "expenditure_summary"),
        ("重庆市北碚区朝阳街道办事处2023年采购预算明细表", "procurement"),
        ("2023年部门（单位）整体支出绩效目标表", "department_performance_targets"),
        ("2023年项目支出绩效目标表", "project_performance_targets"),
        ("2023年财政项目支出绩效目标填报表", "project_performance_targets"),
        ("2025年部门一般公共预算支出功能分类预算表", "general_budget_expenditure_by_function"),
    ],
)
def test_printed_titles_name_their_kind(title: str, kind: str) -> None:
    matched = match_title(title)
    assert matched is not None and matched.id == kind


@pytest.mark.parametrize(
    "line",
    [
        "备注：本部门无政府性基金收支，故此表无数据。",
        "本部门 2023 年无使用政府性基金预算拨款安排的支出。",
        (
            "2023年一般公共预算财政拨款收入 3,394.41 万元，一般公共预算财政拨款支出 3,394.41 万元，"
            "比 2022 年减少 133.02 万元。其中详见一般公共预算财政拨款支出预算表"
        ),
    ],
)
def test_narrative_lines_are_not_titles(line: str) -> None:
    assert match_title(line) is None


def test_merged_header_rows_become_one_label_per_column() -> None:
    header = [
        ["2023年预算数"] * 6,
        [
            "合计",
            "因公出国（境）费",
            "公务用车购置及运行费",
            "公务用车购置及运行费",
            "公务用车购置及运行费",
            "公务接待费",
        ],
        ["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费"],
    ]
    labels = header_labels(header)
    assert labels == [
        "2023年预算数/合计",
        "2023年预算数/因公出国(境)费",
        "2023年预算数/公务用车购置及运行费/小计",
        "2023年预算数/公务用车购置及运行费/公务用车购置费",
        "2023年预算数/公务用车购置及运行费/公务用车运行费",
        "2023年预算数/公务接待费",
    ]
    roles = assign_column_roles(labels, KINDS_BY_ID["three_public_expenses"].columns)
    assert [roles[position].key for position in range(6)] == [
        "total",
        "overseas_travel",
        "vehicle_total",
        "vehicle_purchase",
        "vehicle_operation",
        "reception",
    ]


def test_measure_columns_are_found_by_header_text_in_any_order() -> None:
    labels = ["科目名称", "项目支出", "科目编码", "基本支出", "合计"]
    roles = assign_column_roles(labels, KINDS_BY_ID["general_budget_expenditure_by_function"].columns)
    assert {position: role.key for position, role in roles.items()} == {
        0: "name",
        1: "project",
        2: "code",
        3: "basic",
        4: "total",
    }


def test_total_labels() -> None:
    assert is_total_label("合计") and is_total_label("合 计") and is_total_label("总计")
    assert not is_total_label("一般公共服务支出")
