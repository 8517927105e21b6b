from pipeline.extraction.assembly import assemble_tables, header_depth
from pipeline.extraction.page_grids import PageGrid
from pipeline.inspection.page_text import PageText, TextLine

HEADER = (("科目编码", "科目名称", "合计", "基本支出", "项目支出"),)


def _grid(page: int, top: float, rows: tuple[tuple[str, ...], ...]) -> PageGrid:
    width = len(rows[0])
    edges = tuple(50.0 + 500.0 * column / width for column in range(width + 1))
    return PageGrid(page, 1, (50.0, top - 20 * len(rows), 550.0, top), rows, edges, 99.0, 0.0, "vector")


def _page(page: int, *lines: tuple[str, float]) -> PageText:
    return PageText(page, 595.0, 842.0, tuple(TextLine(text, 50.0, y, 400.0, y + 12) for text, y in lines))


def test_header_depth_stops_at_amounts_codes_and_total_rows() -> None:
    assert (
        header_depth([["功能分类科目", "", "2023年预算数"], ["科目编码", "科目名称", "合计"], ["", "合计", "3,394.41"]])
        == 2
    )
    assert header_depth([["科目编码", "科目名称", "合计"], ["201", "一般公共服务支出", ""]]) == 1
    assert header_depth([["科目编码", "科目名称", "合计"], ["", "合计", ""]]) == 1


def test_a_long_table_is_stitched_across_pages_without_its_repeated_header() -> None:
    pages = [
        _page(5, ("某单位一般公共预算财政拨款支出预算表", 780.0), ("单位：万元", 760.0)),
        _page(6),
    ]
    grids = [
        _grid(
            5,
            740.0,
            (*HEADER, ("", "合计", "10.00", "4.00", "6.00"), ("201", "一般公共服务支出", "10.00", "4.00", "6.00")),
        ),
        _grid(6, 800.0, (*HEADER, ("20101", "人大事务", "10.00", "4.00", "6.00"))),
    ]
    [table] = assemble_tables(pages, grids)
    assert table.kind == "general_budget_expenditure_by_function"
    assert table.unit == "万元"
    assert table.pages == (5, 6)
    assert [row.cells[0] for row in table.rows] == ["", "201", "20101"]
    assert [(row.page, row.row_index) for row in table.rows] == [(5, 2), (5, 3), (6, 2)]


def test_a_grid_without_title_and_with_other_columns_is_a_table_of_its_own() -> None:
    pages = [_page(5, ("某单位一般公共预算财政拨款支出预算表", 780.0), ("单位：万元", 760.0)), _page(6)]
    grids = [
        _grid(5, 740.0, (*HEADER, ("201", "一般公共服务支出", "10.00", "4.00", "6.00"))),
        _grid(6, 800.0, (("2082501", "其他城市生活救助", "8.00", "8.00", "", "", ""),)),
    ]
    first, second = assemble_tables(pages, grids)
    assert second.kind is None and second.title == "" and second.unit is None
    assert first.pages == (5,) and second.pages == (6,)


def test_two_tables_on_one_page_take_the_title_above_each() -> None:
    page = _page(
        9,
        ("某单位一般公共预算“三公”经费支出表", 800.0),
        ("单位：万元", 785.0),
        ("某单位政府性基金预算支出表", 600.0),
        ("单位：元", 585.0),
    )
    grids = [
        _grid(9, 780.0, (("合计", "公务接待费"), ("16.00", "5.00"))),
        _grid(9, 580.0, (("科目编码", "科目名称", "合计"), ("", "合计", ""))),
    ]
    first, second = assemble_tables([page], grids)
    assert (first.kind, first.unit) == ("three_public_expenses", "万元")
    assert (second.kind, second.unit) == ("government_fund_expenditure", "元")
    assert not second.has_amounts


def test_a_title_ending_a_page_belongs_to_the_table_on_the_next() -> None:
    pages = [_page(3, ("正文最后一行", 200.0), ("某单位部门支出总表", 80.0), ("单位：万元", 60.0)), _page(4)]
    grids = [_grid(4, 800.0, (*HEADER, ("201", "一般公共服务支出", "10.00", "4.00", "6.00")))]
    [table] = assemble_tables(pages, grids)
    assert table.kind == "expenditure_summary"
    assert table.unit == "万元"
    assert table.pages == (4,)


def test_a_continuation_with_fewer_rules_is_spread_over_the_table_columns() -> None:
    """A 合计 row merged across the code and name columns shows one rule fewer on its page."""
    pages = [_page(5, ("某单位一般公共预算财政拨款支出预算表", 780.0), ("单位：元", 760.0)), _page(6)]
    first = _grid(5, 740.0, (*HEADER, ("201", "一般公共服务支出", "10.00", "4.00", "6.00")))
    merged = PageGrid(
        6,
        1,
        (50.0, 760.0, 550.0, 800.0),
        (("合计", "10.00", "4.00", "6.00"),),
        (50.0, 250.0, 350.0, 450.0, 550.0),
        99.0,
        0.0,
        "vector",
    )
    [table] = assemble_tables(pages, [first, merged])
    assert table.rows[-1].cells == ("合计", "合计", "10.00", "4.00", "6.00")
    assert table.pages == (5, 6)


def test_a_title_wrapped_onto_a_second_line_is_found() -> None:
    page = _page(
        16,
        ("十一、一般公共预算“三公”经费、会议费、培训费支出预", 604.0),
        ("算表", 582.0),
        ("部门：某院 单位：万元", 553.0),
    )
    grid = _grid(16, 540.0, (("合计", "公务接待费"), ("16.00", "5.00")))
    [table] = assemble_tables([page], [grid])
    assert (table.kind, table.unit) == ("three_public_expenses", "万元")


def test_a_title_printed_inside_the_grid_names_it() -> None:
    grid = _grid(31, 800.0, (("财政项目支出绩效目标填报表",) * 4, ("项目名称", "某项目", "某项目", "某项目")))
    [table] = assemble_tables([_page(31)], [grid])
    assert table.kind == "project_performance_targets"
    assert [row.row_index for row in table.rows] == [2]


def test_a_printed_empty_notice_inside_the_grid_is_not_a_row() -> None:
    page = _page(19, ("公开10表：政府性基金支出预算表", 780.0), ("单位：万元", 760.0))
    grid = _grid(19, 740.0, (("功能科目代码", "功能科目名称", "金额"), ("此表为空", "此表为空", "此表为空")))
    [table] = assemble_tables([page], [grid])
    assert table.rows == () and not table.has_amounts


def test_rows_without_amounts_at_the_top_of_a_continuation_are_body_rows() -> None:
    """A 收支总表 lists every 支出 category, most with a blank amount; when the page broke before them,
    they were taken for the continuation's header and dropped (js_npc_office_2017_budget, page 8)."""
    header = (("收入", "", "支出", ""), ("项目", "预算数", "项目", "预算数"))
    pages = [_page(7, ("某单位部门收支总表", 780.0), ("单位：万元", 760.0)), _page(8)]
    first = _grid(7, 740.0, (*header, ("一、一般公共预算拨款", "10.00", "一、一般公共服务支出", "10.00")))
    body = (("", "", "二、外交支出", ""), ("", "", "三、国防支出", ""), ("收入总计", "10.00", "支出总计", "10.00"))
    for repeated in (header, ()):
        [table] = assemble_tables(pages, [first, _grid(8, 800.0, (*repeated, *body))])
        assert table.header == header
        assert [row.cells for row in table.rows[1:]] == list(body)
        assert [row.row_index for row in table.rows[1:]] == [len(repeated) + 1, len(repeated) + 2, len(repeated) + 3]


def test_a_title_wrapped_inside_its_parenthetical_or_after_a_joining_word_is_read_whole() -> None:
    pages = [
        _page(24, ("2021年部门综合预算一般公共预算支出明细表（按支出功能分类科", 780.0), ("目-不含上年结转）", 766.0)),
        _page(
            77,
            ("2021年部门综合预算一般公共预算拨款“三公”经费及", 780.0),
            ("会议费、培训费支出预算表（不含上年结转）", 766.0),
        ),
    ]
    grids = [
        _grid(
            24,
            740.0,
            (*HEADER, ("", "合计", "10.00", "4.00", "6.00"), ("201", "一般公共服务支出", "10.00", "4.00", "6.00")),
        ),
        _grid(77, 740.0, (("合计", "因公出国（境）费用", "公务接待费"), ("10.00", "4.00", "6.00"))),
    ]
    function, three_public = assemble_tables(pages, grids)
    assert function.title == "2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）"
    assert function.kind == "general_budget_expenditure_by_function"
    assert (
        three_public.title == "2021年部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表（不含上年结转）"
    )
    assert three_public.kind == "three_public_expenses"


def test_a_column_numbers_row_is_header_but_names_no_column() -> None:
    rows = (
        ("功能科目编码", "功能科目名称", "合计", "人员经费支出", "专项业务经费支出"),
        ("**", "**", "1", "2", "3"),
        ("", "合计", "10.00", "4.00", "6.00"),
        ("201", "一般公共服务支出", "10.00", "4.00", "6.00"),
    )
    [table] = assemble_tables([_page(7, ("一般公共预算支出表", 780.0))], [_grid(7, 740.0, rows)])
    assert table.labels == ("功能科目编码", "功能科目名称", "合计", "人员经费支出", "专项业务经费支出")
    assert [row.cells[1] for row in table.rows] == ["合计", "一般公共服务支出"]


def test_a_title_the_catalogue_does_not_know_starts_a_table_of_its_own() -> None:
    """guangzhou_petitions_2026_budget: 部门预算基本支出预算表 follows an empty table with the same rules."""
    rows = (
        ("项目", "总计", "一般公共预算"),
        ("合计", "3,204.78", "3,204.78"),
        ("工资福利支出", "2,577.42", "2,577.42"),
    )
    pages = [
        _page(17, ("国有资本经营预算支出情况表", 780.0)),
        _page(18, ("表11", 790.0), ("部门预算基本支出预算表", 780.0)),
    ]
    first, second = assemble_tables(pages, [_grid(17, 740.0, rows[:2]), _grid(18, 740.0, rows)])
    assert (first.kind, [row.page for row in first.rows]) == ("state_capital_expenditure", [17])
    assert (second.title, second.kind, [row.page for row in second.rows]) == ("部门预算基本支出预算表", None, [18, 18])
