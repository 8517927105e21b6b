"""Properties of table assembly, checked on generated page grids.

Grids are built as camelot would give them (rectangular, cleaned cells, column rules evenly
spread over the table's width) on pages whose text holds titles, 单位 lines and notes, so no
PDF is needed. The properties are what readers of the published data rely on: assembly never
fails, no printed row or note is lost, duplicated or reordered, only a grid's leading header
rows are dropped, and a table split over two pages reads the same as when printed on one.
"""

import tempfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.configuration import set_hypothesis_home_dir

from pipeline.catalogue.matching import is_empty_table_notice, is_title
from pipeline.extraction.assembly import MAX_TITLE_ROWS, assemble_tables
from pipeline.extraction.page_grids import PageGrid
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.page_text import PageText, TextLine
from pipeline.parsing.amounts import UNIT_FACTORS, is_amount

# Reproducible in CI, and nothing written into the checkout: without an example database Hypothesis
# still caches Unicode tables and source constants in ./.hypothesis/, so they go to the temp dir.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "cnbudget-hypothesis")
PROPERTY = settings(max_examples=150, derandomize=True, database=None, deadline=None)

LEFT, RIGHT, ROW_HEIGHT = 50.0, 550.0, 20.0
TITLES = (
    "某单位一般公共预算财政拨款支出预算表",
    "某单位部门支出总表",
    "某单位一般公共预算“三公”经费支出表",
    "某单位政府性基金预算支出表",
    "某单位部门收支总表",
    "财政项目支出绩效目标填报表",
)
"""Catalogue titles, one of them (绩效目标填报表) of a form, whose rows are read by label."""

AMOUNTS = st.builds(
    lambda cents, grouped: f"{Decimal(cents).scaleb(-2):{',' if grouped else ''}.2f}",
    st.integers(min_value=0, max_value=10**10),
    st.booleans(),
)
CODES = st.builds(
    lambda head, pairs: str(head) + "".join(f"{pair:02d}" for pair in pairs),
    st.integers(min_value=201, max_value=235),
    st.lists(st.integers(min_value=1, max_value=99), max_size=2),
)
NAMES = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)
"""Row labels: any CJK text."""

CELLS = st.one_of(
    st.just(""),
    AMOUNTS,
    CODES,
    NAMES,
    st.sampled_from(["科目编码", "科目名称", "合计", "总计", "基本支出", "项目支出", "-", "—", "此表为空", "无"]),
    st.sampled_from(TITLES),
    st.text(max_size=4),
)
"""Any cell: blank, amount, code, label, total, placeholder, empty notice, title or arbitrary text."""


def edges(width: int) -> tuple[float, ...]:
    """Column rules evenly spread over the table's width, so a grid of 2 columns lines up with one of 4."""
    return tuple(LEFT + (RIGHT - LEFT) * column / width for column in range(width + 1))


def grid_at(page: int, order: int, top: float, rows: list[tuple[str, ...]]) -> PageGrid:
    """A page grid as read_page_grids gives it, its top edge at ``top``."""
    bbox = (LEFT, top - ROW_HEIGHT * len(rows), RIGHT, top)
    return PageGrid(page, order, bbox, tuple(rows), edges(len(rows[0])), 99.0, 0.0, "vector")


def line_at(text: str, top: float) -> TextLine:
    """One printed line of page text whose top is at ``top``."""
    return TextLine(text, LEFT, top - 12.0, 400.0, top)


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[PageText], list[PageGrid], list[str]]:
    """Pages of up to two grids each, every grid possibly titled, with a 单位 line above and notes below.

    Also returns the note lines printed, each directly under its grid.
    """
    pages, grids, notes = [], [], []
    for page in range(1, draw(st.integers(min_value=1, max_value=3)) + 1):
        lines, top = [], 820.0
        for order in range(1, draw(st.integers(min_value=0, max_value=2)) + 1):
            if draw(st.booleans()):
                lines.append(line_at(draw(st.sampled_from(TITLES)), top))
                top -= 18.0
            if draw(st.booleans()):
                lines.append(line_at("单位：" + draw(st.sampled_from(sorted(UNIT_FACTORS))), top))
                top -= 18.0
            width = draw(st.integers(min_value=1, max_value=5))
            rows = draw(st.lists(st.tuples(*[CELLS] * width), min_size=1, max_size=6))
            grids.append(grid := grid_at(page, order, top, rows))
            top = grid.bbox[1] - 4.0
            if draw(st.booleans()):
                notes.append(note := "注：" + draw(NAMES))
                lines.append(line_at(note, top))
                top -= 18.0
            top -= 12.0
        pages.append(PageText(page, 595.0, 842.0, tuple(lines)))
    return pages, grids, notes


def _dedupe(cells: tuple[str, ...]) -> tuple[str, ...]:
    """The cells with consecutive repeats dropped: a row spread over more columns dedupes to the same."""
    return tuple(cell for index, cell in enumerate(cells) if index == 0 or cells[index - 1] != cell)


def _is_blank_or_notice(cells: tuple[str, ...]) -> bool:
    """Rows assembly drops by design wherever they are: blank ones and printed-empty notices."""
    texts = {cell for cell in cells if cell}
    return not texts or (len(texts) == 1 and is_empty_table_notice(texts.pop()))


def _kept_rows(grids: list[PageGrid], tables: list[DocumentTable]) -> set[tuple[int, int]]:
    """Match the output rows, in order, to the input rows: (grid position, row index) of each kept row.

    Fails when an output row matches no input row left, i.e. when a row was invented,
    duplicated or moved. Matching greedily is exact here: equal keys are interchangeable.
    """
    printed = [
        ((grid.page, index, _dedupe(cells)), (position, index))
        for position, grid in enumerate(grids)
        for index, cells in enumerate(grid.cells, start=1)
    ]
    kept, cursor = set(), 0
    for row in (row for table in tables for row in table.rows):
        key = (row.page, row.row_index, _dedupe(row.cells))
        while cursor < len(printed) and printed[cursor][0] != key:
            cursor += 1
        assert cursor < len(printed), f"{row} is not a printed row, or comes out of order"
        kept.add(printed[cursor][1])
        cursor += 1
    return kept


@PROPERTY
@given(documents())
def test_assembly_keeps_every_grid_and_every_body_row_in_order(document: tuple) -> None:
    pages, grids, notes = document
    tables = assemble_tables(pages, grids)

    assert [table.table_index for table in tables] == list(range(1, len(tables) + 1))
    reported = [(grid.page, grid.bbox, grid.rows, grid.columns) for table in tables for grid in table.grids]
    assert reported == [(grid.page, grid.bbox, len(grid.cells), grid.width) for grid in grids]

    kept = _kept_rows(grids, tables)
    for position, grid in enumerate(grids):
        rows = [(index, cells) for index, cells in enumerate(grid.cells, start=1) if not _is_blank_or_notice(cells)]
        dropped = [index for index, cells in rows if (position, index) not in kept]
        assert dropped == [index for index, _ in rows[: len(dropped)]], "only leading header rows are dropped"
        for index, cells in rows:
            if any(is_amount(cell) for cell in cells):
                assert (position, index) in kept, f"the amounts of row {index} on page {grid.page} were lost"
    assert all(any(row.cells) for table in tables for row in table.rows)

    assert Counter(note for table in tables for note in table.notes) == Counter(notes)
    units = {line.text.removeprefix("单位：") for page in pages for line in page.lines}
    assert all(table.unit is None or table.unit in units for table in tables)
    printed_titles = Counter(line.text for page in pages for line in page.lines if is_title(line.text))
    printed_titles += Counter(
        cell for grid in grids for cell in {c for row in grid.cells[:MAX_TITLE_ROWS] for c in row} if is_title(cell)
    )
    assert Counter(table.title for table in tables if table.title) <= printed_titles, "a title is used once"


HEADER_LABELS = ("科目编码", "科目名称", "合计", "基本支出", "项目支出")


@st.composite
def long_tables(draw: st.DrawFn) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """A classification table's header rows and body rows.

    The body starts with its 合计 row, as printed tables do, so that it cannot be taken for a
    header; further rows may print no amount at all (a 收支总表's 二、外交支出 with a blank cell).
    """
    measures = draw(st.integers(min_value=1, max_value=3))
    header = [HEADER_LABELS[: 2 + measures]]
    if draw(st.booleans()):
        header.insert(0, ("功能分类科目", "功能分类科目", *["本年预算"] * measures))
    total = ("", "合计", draw(AMOUNTS), *draw(st.lists(AMOUNTS, min_size=measures - 1, max_size=measures - 1)))
    amount_cells = st.one_of(AMOUNTS, st.sampled_from(["", "", "-"]))
    body_row = st.tuples(st.one_of(st.just(""), CODES), NAMES, *[amount_cells] * measures)
    return header, [total, *draw(st.lists(body_row, min_size=1, max_size=12))]


@PROPERTY
@given(long_tables(), st.data())
def test_a_table_split_over_two_pages_reads_as_when_printed_on_one(table: tuple, data: st.DataObject) -> None:
    """Wherever the page breaks, and whether or not the header is repeated, the rows are the same."""
    header, body = table
    split = data.draw(st.integers(min_value=0, max_value=len(body)), label="split")
    repeated = data.draw(st.booleans(), label="header repeated") or split == len(body)
    kind, title, unit = "general_budget_expenditure_by_function", "某单位一般公共预算财政拨款支出预算表", "万元"
    first_page = PageText(5, 595.0, 842.0, (line_at(title, 820.0), line_at("单位：" + unit, 802.0)))
    printed = [cells for cells in body if not _is_blank_or_notice(cells)]

    [whole] = assemble_tables([first_page], [grid_at(5, 1, 780.0, [*header, *body])])
    first = grid_at(5, 1, 780.0, [*header, *body[:split]])
    second = grid_at(6, 1, 800.0, [*(header if repeated else []), *body[split:]])
    [parts] = assemble_tables([first_page, PageText(6, 595.0, 842.0, ())], [first, second])

    for assembled in (whole, parts):
        assert (assembled.kind, assembled.title, assembled.unit) == (kind, title, unit)
        assert assembled.header == tuple(header)
        assert [row.cells for row in assembled.rows] == printed
    assert [row.page for row in parts.rows] == sorted(row.page for row in parts.rows)
