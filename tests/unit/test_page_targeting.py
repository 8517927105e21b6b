"""Which pages camelot is run on: ``table_pages`` reads only the cheap text layer."""

from pipeline.extraction.document_tables import table_pages
from pipeline.inspection.page_text import PageText, TextLine


def _page(number: int, *texts: str) -> PageText:
    lines = tuple(
        TextLine(text, 50.0, 800.0 - 14 * index, 500.0, 812.0 - 14 * index) for index, text in enumerate(texts)
    )
    return PageText(number, 595.0, 842.0, lines)


def test_a_titled_page_and_its_continuation_are_read_but_not_the_contents() -> None:
    pages = [
        _page(3, "二、表格部分", "（一）收支总表", "（二）收入总表", "（七）一般公共预算支出表（按功能分类）"),
        _page(4, "一般公共预算支出表", "单位：万元", "201 一般公共服务支出 10.00 4.00 6.00"),
        _page(5, "20101 人大事务 10.00 4.00 6.00", "2010101 行政运行 4.00 4.00"),
        _page(6, "第三部分 2026年部门预算情况说明", "本部门收入预算174,177.85万元，比上年增加6,255.04万元。"),
        _page(8, "一、 2017年度江苏省高级人民法院部门收支预算总表"),
    ]
    assert table_pages(pages) == [4, 5, 8]
