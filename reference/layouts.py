"""How each table of the reference disclosure is laid out, as data.

The seed text gives every cell but not the look of the page: which header cells are merged, how
wide the columns are, whether the page is turned, which lines frame the grid. Those are the
choices a government office's Excel/Word export makes, and the extractor must cope with all of
them, so they are written down here, one entry per table keyed by its title as printed, and the
typesetter only follows them. Spans use whole-table row numbers (all pages of the seed block
counted together); the typesetter clips them to each page.
"""

from __future__ import annotations

from dataclasses import dataclass

UNIT = "单位：万元"
COMPILER = "编制单位： 502001-重庆市北碚区朝阳街道办事处（本级）"
TO_LAST_ROW = 0
"""A rowspan of TO_LAST_ROW runs the span down to the table's last row (forms of varying length)."""


@dataclass(frozen=True)
class Span:
    """A merged cell: its text sits in (row, col) and covers rowspan x colspan grid cells."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True)
class TableLayout:
    """Everything about one printed table that the seed text does not say."""

    title: str
    """The title as printed (the key); "" for the headerless fragment, which has none."""
    columns: int
    col_widths: tuple[float, ...]
    """Fractions of the frame width; they sum to 1."""
    header_rows: int = 0
    """Rows repeated at the top of every continuation page, and centred."""
    spans: tuple[Span, ...] = ()
    landscape: bool = False
    label: str | None = None
    """Line printed above the title (表二, 表三)."""
    compiler: str | None = None
    """The 编制单位 line printed under the title."""
    unit: str | None = UNIT
    """Printed right-aligned just above the grid."""
    note: str | None = None
    """The 备注 line printed under the grid, after the last page."""
    centred_rows: tuple[int, ...] = ()
    """Body rows centred like headers (the indicator header row of the performance forms)."""
    centred_cols: tuple[int, ...] = ()
    """Columns centred in every row (the row labels of the performance forms)."""
    hard_breaks_at_spaces: bool = False
    """Header text has a line break where the seed shows a space (``一般公共预算 拨款收入``)."""
    font_size: float = 9.0
    v_padding: float = 2.5
    """Space above and below a cell's text; small enough for the longest page to fit."""

    def __post_init__(self) -> None:
        if len(self.col_widths) != self.columns:
            raise ValueError(f"{self.title!r}: {len(self.col_widths)} widths for {self.columns} columns")
        if abs(sum(self.col_widths) - 1.0) > 1e-9:
            raise ValueError(f"{self.title!r}: column widths sum to {sum(self.col_widths)}")
        for span in self.spans:
            if span.col + span.colspan > self.columns:
                raise ValueError(f"{self.title!r}: {span} runs past the last column")


_PREFIX = "重庆市北碚区朝阳街道办事处"
_CODE_NAME_AMOUNTS = (0.15, 0.43, 0.14, 0.14, 0.14)
"""科目编码 | 科目名称 | three amount columns."""

_FORM_OVERALL_SPANS = (
    Span(0, 1, colspan=2),  # 部门名称's value
    Span(0, 6, colspan=3),  # 归口管理科室's value
    Span(1, 1, colspan=8),  # 当年整体绩效目标 text
    Span(2, 0, rowspan=TO_LAST_ROW),  # 绩效指标 over the indicator header and every indicator
)
_FORM_PROJECT_SPANS = (
    Span(0, 1, colspan=2),  # 项目名称's value
    Span(0, 4, colspan=5),  # 业务主管部门's value
    Span(1, 1, colspan=2),  # 预算执行率权重's value
    Span(1, 4, colspan=5),  # 项目分类's value
    Span(2, 0, rowspan=2),  # 当年预算（万元） over the 本级安排 and 上级补助 rows
    Span(2, 1, rowspan=2, colspan=2),  # its amount
    Span(2, 4, colspan=5),  # 本级安排's value
    Span(3, 4, colspan=5),  # 上级补助's value
    Span(4, 1, colspan=8),  # 项目概述
    Span(5, 1, colspan=8),  # 立项依据
    Span(6, 1, colspan=8),  # 当年绩效目标
    Span(7, 0, rowspan=TO_LAST_ROW),  # 绩效指标
)

LAYOUTS: tuple[TableLayout, ...] = (
    TableLayout(
        title=f"{_PREFIX}财政拨款收支总表",
        columns=7,
        col_widths=(0.20, 0.11, 0.23, 0.11, 0.12, 0.12, 0.11),
        header_rows=2,
        spans=(Span(0, 0, colspan=2), Span(0, 2, colspan=5)),
        landscape=True,
    ),
    TableLayout(
        title=f"{_PREFIX}一般公共预算财政拨款支出预算表",
        columns=5,
        col_widths=_CODE_NAME_AMOUNTS,
        header_rows=2,
        spans=(Span(0, 0, colspan=2), Span(0, 2, colspan=3)),
        label="表二",
        note="备注：本表反映2023年当年一般公共预算财政拨款支出情况。",
    ),
    TableLayout(
        title=f"{_PREFIX}一般公共预算财政拨款基本支出预算表",
        columns=5,
        col_widths=_CODE_NAME_AMOUNTS,
        header_rows=2,
        spans=(Span(0, 0, colspan=2), Span(0, 2, colspan=3)),
        label="表三",
    ),
    TableLayout(
        title=f"{_PREFIX}一般公共预算“三公”经费支出表",
        columns=6,
        col_widths=(0.14, 0.19, 0.14, 0.18, 0.18, 0.17),
        header_rows=3,
        spans=(
            Span(0, 0, colspan=6),  # 2023年预算数
            Span(1, 0, rowspan=2),  # 合计
            Span(1, 1, rowspan=2),  # 因公出国（境）费
            Span(1, 2, colspan=3),  # 公务用车购置及运行费
            Span(1, 5, rowspan=2),  # 公务接待费
        ),
    ),
    TableLayout(
        title=f"{_PREFIX}政府性基金预算支出表",
        columns=5,
        col_widths=_CODE_NAME_AMOUNTS,
        header_rows=2,
        spans=(Span(0, 0, rowspan=2), Span(0, 1, rowspan=2), Span(0, 2, colspan=3)),
        note="备注：本部门无政府性基金收支，故此表无数据。",
    ),
    TableLayout(
        title=f"{_PREFIX}部门收支总表",
        columns=4,
        col_widths=(0.30, 0.20, 0.30, 0.20),
        header_rows=2,
        spans=(Span(0, 0, colspan=2), Span(0, 2, colspan=2)),
    ),
    TableLayout(
        # The seed's 部门收支总表 stops after 其他支出 and is followed by this 10-column block
        # without title or header: the tail of a table whose head is missing from the text.
        # Printed as it is, nothing invented; small type so its 46 rows fit one page.
        title="",
        columns=10,
        col_widths=(0.10, 0.26) + (0.08,) * 8,
        landscape=True,
        unit=None,
        font_size=8.0,
        v_padding=1.0,
    ),
    TableLayout(
        title=f"{_PREFIX}部门支出总表",
        columns=5,
        col_widths=_CODE_NAME_AMOUNTS,
        header_rows=1,
    ),
    TableLayout(
        title=f"{_PREFIX}2023年采购预算明细表",
        columns=11,
        col_widths=(0.10, 0.08) + (0.82 / 9,) * 9,
        header_rows=1,
        landscape=True,
        note="备注：本部门无政府采购预算，故此表无数据。",
        hard_breaks_at_spaces=True,
    ),
    TableLayout(
        title="2023年部门（单位）整体支出绩效目标表",
        columns=9,
        col_widths=(0.12, 0.10, 0.13, 0.25, 0.09, 0.09, 0.08, 0.06, 0.08),
        spans=_FORM_OVERALL_SPANS,
        landscape=True,
        centred_rows=(2,),
        centred_cols=(0,),
    ),
    TableLayout(
        title="2023年项目支出绩效目标表",
        columns=9,
        col_widths=(0.11, 0.09, 0.13, 0.24, 0.08, 0.08, 0.08, 0.09, 0.10),
        spans=_FORM_PROJECT_SPANS,
        landscape=True,
        compiler=COMPILER,
        centred_rows=(7,),
        centred_cols=(0,),
    ),
)


def layout_for(title: str, columns: int) -> TableLayout:
    """The layout of the table printed with this title (and this many columns).

    Raises KeyError when the seed has a table no layout describes, so a new table is never
    typeset with guessed merges.
    """
    for layout in LAYOUTS:
        if layout.title == title and layout.columns == columns:
            return layout
    raise KeyError(f"no layout for table {title!r} with {columns} columns")
