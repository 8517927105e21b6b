import pytest

from pipeline.catalogue.matching import assign_column_roles, header_labels, is_total_label, match_title
from pipeline.catalogue.recognition import title_candidates
from pipeline.catalogue.table_kinds import KINDS_BY_ID, TABLE_KINDS, TitleExample

EXAMPLES = [(example, kind.id) for kind in TABLE_KINDS for example in kind.examples]


@pytest.mark.parametrize(("example", "kind"), EXAMPLES, ids=[f"{e.document}:{e.title}" for e, _ in EXAMPLES])
def test_every_catalogue_example_names_exactly_its_kind(example: TitleExample, kind: str) -> None:
    """No order dependence: each example title matches one kind and no other."""
    assert [candidate.id for candidate in title_candidates(example.title)] == [kind]


def test_every_kind_has_examples() -> None:
    assert [kind.id for kind in TABLE_KINDS if not kind.examples] == []


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
