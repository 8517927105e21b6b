"""Assembling page grids into the document's logical tables.

A grid takes the nearest catalogue title printed above it on its page (or, when a title ends
a page, the first grid of the next page). A grid with no title of its own continues the
previous table when it follows it directly and its column rules line up with the table's:
its repeated header rows are dropped and its rows appended, each cell spread over the table
columns it spans (a 合计 row merged across the code and name columns shows fewer rules).
"""

import re
from dataclasses import dataclass, field
from itertools import pairwise

from pipeline.catalogue.matching import header_labels, is_empty_table_notice, is_title, is_total_label, match_title
from pipeline.catalogue.recognition import MAX_TITLE_LENGTH, canonical_title, recognise
from pipeline.catalogue.table_kinds import KINDS_BY_ID
from pipeline.extraction.page_grids import PageGrid
from pipeline.extraction.tables import DocumentTable, GridReport, SourceRow
from pipeline.inspection.page_text import PageText, TextLine
from pipeline.parsing.amounts import find_unit, is_amount
from pipeline.parsing.cell_text import fold_for_matching

_CODE_LIKE = re.compile(r"^\d{2,7}$")
MAX_WRAPPED_TAIL = 8
"""A title wraps onto a second line only for its last few characters."""
EDGE_TOLERANCE = 3.0
"""Points by which the same column rule may move between pages of one table."""
_NOTE = re.compile(r"^(备注|注|说明)[:：]")
COLUMN_NUMBERS_LABEL = "栏次"


@dataclass
class _Title:
    """A printed title; ``kind`` is the one kind it names, None when it names several (recognition decides)."""

    page: int
    line: TextLine
    kind: str | None
    unit: str | None = None


@dataclass
class _Building:
    kind: str | None
    title: str
    unit: str | None
    header: list[list[str]]
    column_edges: tuple[float, ...]
    rows: list[SourceRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    grids: list[GridReport] = field(default_factory=list)


def assemble_tables(pages: list[PageText], grids: list[PageGrid]) -> list[DocumentTable]:
    """Type, title and stitch the document's grids into tables, in reading order."""
    titles = [title for title in _find_titles(pages) if not _inside_a_grid(title, grids)]
    lines_by_page = {page.page: page.lines for page in pages}
    tables: list[_Building] = []
    for position, grid in enumerate(grids):
        previous_grid = grids[position - 1] if position else None
        title = _title_for(grid, previous_grid, titles)
        title_rows = 0
        if title is None and (inside := _title_inside(grid)) is not None:
            title, title_rows = inside
        lines = lines_by_page.get(grid.page, ())
        repeated = (
            title is not None and not _is_form(tables[-1]) and _repeats_title(tables[-1], title) if tables else False
        )
        if tables and (
            (title is None and _continues(tables[-1], grid))
            or (repeated and _continues_under_its_title(tables[-1], grid))
        ):
            _append_continuation(tables[-1], grid, title_rows)
        else:
            tables.append(_start_table(grid, title, lines_by_page, title_rows))
        tables[-1].notes += _notes_below(grid, lines, grids[position + 1] if position + 1 < len(grids) else None)
    return [_recognised(index, table) for index, table in enumerate(tables, start=1)]


def _recognised(index: int, table: _Building) -> DocumentTable:
    """The finished table, its kind decided from its title, header and body together (see ``recognise``)."""
    labels = header_labels([row for row in table.header if not _numbers_columns_row(row)])
    recognition = recognise(table.title, labels, [row.cells for row in table.rows])
    return DocumentTable(
        table_index=index,
        kind=recognition.kind,
        title=table.title,
        unit=table.unit,
        header=tuple(tuple(row) for row in table.header),
        labels=tuple(labels),
        rows=tuple(table.rows),
        notes=tuple(table.notes),
        grids=tuple(table.grids),
        recognition=recognition,
    )


def _repeats_title(table: _Building, title: _Title) -> bool:
    """Whether a grid's title is its table's title printed again on the next page (Shenzhen prints the
    title, unit line and header on every page of a long table)."""
    return bool(table.title) and canonical_title(title.line.text) == canonical_title(table.title)


def _find_titles(pages: list[PageText]) -> list[_Title]:
    """Every catalogue title, including titles wrapped onto a second short line (…支出预 / 算表)."""
    found = []
    for page in pages:
        lines = page.lines
        skip = False
        for index, line in enumerate(lines):
            if skip:
                skip = False
                continue
            titled = is_title(line.text)
            following = lines[index + 1] if index + 1 < len(lines) else None
            if (
                not titled
                and following is not None
                and (len(following.text) <= MAX_WRAPPED_TAIL < len(line.text) or _ends_mid_title(line.text))
                and not is_title(following.text)
                and is_title(line.text + following.text)
            ):
                titled, skip = True, True
                line = TextLine(line.text + following.text, line.left, following.bottom, line.right, line.top)
            if titled:
                kind = match_title(line.text)
                found.append(_Title(page.page, line, kind.id if kind is not None else None))
            elif _looks_like_title(line.text):
                found.append(_Title(page.page, line, None))
    return found


def _inside_a_grid(title: _Title, grids: list[PageGrid]) -> bool:
    """Whether a title the catalogue does not know is text inside a ruled grid: a cell of a form that ends in
    表 (beijing_emergency_2026_budget_tables prints ``等级汇总表`` in an indicator's cell), not a title."""
    if is_title(title.line.text):
        return False
    x, y = (title.line.left + title.line.right) / 2, (title.line.bottom + title.line.top) / 2
    return any(
        grid.page == title.page and grid.bbox[0] <= x <= grid.bbox[2] and grid.bbox[1] <= y <= grid.bbox[3]
        for grid in grids
    )


_TITLE_LIKE = re.compile(r"^[^:,;。，；]{2,}表(\([^()]*\))?$")
"""A line that names a table the catalogue does not know: short, ending in 表 (and perhaps a parenthetical),
no sentence punctuation."""


def _looks_like_title(text: str) -> bool:
    """Whether a line is the title of some table, known to the catalogue or not.

    Such a title starts a table of its own even when its grid's rules line up with the table before it:
    guangzhou_petitions_2026_budget prints 表11 部门预算基本支出预算表 on the page after its empty
    国有资本经营预算支出情况表, with the same columns, and without its title the rows were read as a
    continuation of that table. The table is then listed as unrecognised, with its title as evidence.
    """
    folded = fold_for_matching(text)
    return len(folded) <= MAX_TITLE_LENGTH and not folded.startswith("注") and _TITLE_LIKE.match(folded) is not None


_JOINING_END = re.compile(r"(及|和|与|、|,)$")


def _ends_mid_title(text: str) -> bool:
    """Whether a line stops where no title ends, so that its title goes on on the next line, however long:
    inside a parenthetical it opened (xian_publicity_2021_budget: ``…支出明细表（按支出功能分类科`` /
    ``目-不含上年结转）``) or on a word that joins (xian_civil_affairs_2021_budget: ``…“三公”经费及`` /
    ``会议费、培训费支出预算表（不含上年结转）``)."""
    folded = fold_for_matching(text)
    return folded.rfind("(") > folded.rfind(")") or _JOINING_END.search(folded) is not None


def _title_for(grid: PageGrid, previous: PageGrid | None, titles: list[_Title]) -> _Title | None:
    """The title printed between the previous grid and this one, nearest to this grid.

    A title that is the last thing on its page belongs to the first grid of the next page.
    """
    top = grid.bbox[3]
    floor = previous.bbox[1] if previous is not None and previous.page == grid.page else float("inf")
    same_page = [t for t in titles if t.page == grid.page and top <= t.line.bottom + 1 and t.line.top <= floor + 1]
    if same_page:
        titles.remove(chosen := min(same_page, key=lambda t: t.line.bottom))
        return chosen
    first_on_page = previous is None or previous.page != grid.page
    carried = [
        t
        for t in titles
        if t.page == grid.page - 1 and (previous is None or previous.page < t.page or t.line.top < previous.bbox[1])
    ]
    if first_on_page and carried:
        titles.remove(chosen := min(carried, key=lambda t: t.line.bottom))
        return chosen
    return None


MAX_TITLE_ROWS = 4
"""How far down a grid a title printed inside it may be: below blank rows, above the header."""


def _title_inside(grid: PageGrid) -> tuple[_Title, int] | None:
    """A catalogue title printed inside the grid above its header, and how many rows it and its unit take.

    Shanghai's 财政项目支出绩效目标填报表 forms print the title alone in the first row; Beijing's
    spreadsheet exports rule the whole page, so a blank row, then ``预算05表 一般公共预算支出表``,
    then ``金额单位：万元`` in a row of its own (or in the title's row) come before the header.
    """
    title: _Title | None = None
    consumed = 0
    unit = None
    left, _, right, top = grid.bbox
    for position, row in enumerate(grid.cells[:MAX_TITLE_ROWS], start=1):
        texts = {cell for cell in row if cell}
        units = {text for text in texts if find_unit(text) is not None and not is_title(text)}
        rest = texts - units
        if units:
            unit = find_unit(next(iter(units)))
        if not rest:
            consumed = position
            continue
        if title is not None or len(rest) != 1 or not (is_title(text := rest.pop()) or _looks_like_title(text)):
            break
        kind = match_title(text)
        title = _Title(grid.page, TextLine(text, left, top, right, top), kind.id if kind is not None else None)
        consumed = position
    if title is None:
        return None
    title.unit = unit
    return title, consumed


def _start_table(
    grid: PageGrid, title: _Title | None, lines_by_page: dict[int, tuple[TextLine, ...]], title_rows: int = 0
) -> _Building:
    kind = KINDS_BY_ID[title.kind] if title is not None and title.kind is not None else None
    cells = [list(row) for row in grid.cells[title_rows:]]
    depth = 0 if kind is not None and kind.layout == "form" else header_depth(cells)
    table = _Building(
        kind=kind.id if kind is not None else None,
        title=title.line.text if title is not None else "",
        unit=title.unit if title is not None and title.unit else _unit_above(grid, title, lines_by_page),
        header=cells[:depth],
        column_edges=grid.column_edges,
    )
    _add_rows(table, grid, grid.cells, title_rows + depth)
    return table


def _is_form(table: _Building) -> bool:
    return table.kind is not None and KINDS_BY_ID[table.kind].layout == "form"


def _continues(table: _Building, grid: PageGrid) -> bool:
    """Whether an untitled grid right after the table continues it.

    It does when its column rules line up with the table's. A form (绩效目标表) continues
    whatever its columns, because its rows are read by their labels; so does any grid after a
    table whose page held only its header rows.
    """
    last = table.grids[-1]
    if grid.page not in (last.page, last.page + 1):
        return False
    return _is_form(table) or not table.rows or _column_spans(table.column_edges, grid) is not None


def _continues_under_its_title(table: _Building, grid: PageGrid) -> bool:
    """Whether a grid under the table's own title, printed again, continues it: when its rules line up, or
    when it has as many columns and repeats the header (xian_civil_affairs_2021_budget p47 prints the title
    and header of 一般公共预算支出明细表 again, its rules a few points off those of p46)."""
    if _continues(table, grid):
        return True
    if grid.page != table.grids[-1].page + 1 or grid.width != len(table.column_edges) - 1:
        return False
    depth = header_depth([list(row) for row in grid.cells])
    return depth > 0 and _repeated_header_depth(table.header, grid.cells[:depth]) == depth


def _column_spans(edges: tuple[float, ...], grid: PageGrid) -> list[tuple[int, int]] | None:
    """For each column of the grid, the range of table columns it covers; None when the rules differ."""
    if grid.width == len(edges) - 1 and len(grid.column_edges) != len(edges):
        return None
    positions = []
    for edge in grid.column_edges:
        nearest = min(range(len(edges)), key=lambda index: abs(edges[index] - edge))
        if abs(edges[nearest] - edge) > EDGE_TOLERANCE:
            return None
        positions.append(nearest)
    if positions[0] != 0 or positions[-1] != len(edges) - 1 or positions != sorted(set(positions)):
        return None
    return list(pairwise(positions))


def _append_continuation(table: _Building, grid: PageGrid, title_rows: int = 0) -> None:
    """Append a continuation grid, spread over the table's columns, without its repeated title and header rows.

    A grid whose rules do not line up (a form's page, or the page after a header-only start)
    keeps its own columns; after a header-only start its own header replaces the first one.
    """
    spans = _column_spans(table.column_edges, grid)
    if spans is not None:
        rows = [
            tuple(row[column] for column, (start, end) in enumerate(spans) for _ in range(start, end))
            for row in grid.cells
        ]
    else:
        rows = list(grid.cells)
    rows = rows[title_rows:]
    depth = 0 if _is_form(table) else header_depth([list(row) for row in rows])
    if spans is None and not table.rows and not _is_form(table):
        table.column_edges = grid.column_edges
        if depth:
            table.header = [list(row) for row in rows[:depth]]
    elif table.rows:
        depth = _repeated_header_depth(table.header, rows[:depth])
    _add_rows(table, grid, rows, depth, offset=title_rows)


def _repeated_header_depth(header: list[list[str]], leading: list[tuple[str, ...]]) -> int:
    """How many of a continuation's header-like leading rows repeat the table's header.

    A body row that prints no amount (a 收支总表's ``二、外交支出`` with a blank cell) looks
    like a header row; at the top of a page it is one only when its labels are the header's. A label
    may be part of a header cell: where the first page merges cells the next one rules apart
    (xian_finance_2026_budget: ``功能科目编码功能科目名称`` on p29, ``功能科目编码`` | ``功能科目名称`` on p30).
    """
    labels = {fold_for_matching(cell) for row in header for cell in row if cell}
    depth = 0
    for row in leading:
        texts = [fold_for_matching(cell) for cell in row if cell]
        if not all(text in labels or any(text in label for label in labels) for text in texts):
            break
        depth += 1
    return depth


def _add_rows(
    table: _Building,
    grid: PageGrid,
    rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...],
    skip: int,
    offset: int = 0,
) -> None:
    """Append the body rows (after ``skip`` header rows), dropping empty rows and printed-empty notices.

    ``offset`` rows of the page's grid (a title printed inside it) come before ``rows``, so that
    row indexes stay positions in the page's grid.
    """
    table.rows += [
        SourceRow(grid.page, index + offset, tuple(row))
        for index, row in enumerate(rows, start=1)
        if index > skip and any(row) and not _is_empty_notice(row)
    ]
    table.grids.append(
        GridReport(grid.page, grid.bbox, len(grid.cells), grid.width, grid.accuracy, grid.whitespace, grid.engine)
    )


def _is_empty_notice(row: tuple[str, ...]) -> bool:
    """A row whose only text says the table is empty (此表为空, 本部门无…故此表无数据)."""
    texts = {cell for cell in row if cell}
    return len(texts) == 1 and is_empty_table_notice(texts.pop())


def header_depth(rows: list[list[str]]) -> int:
    """How many leading rows are header rows.

    A header row has no amount and no classification code, and its labels are not only
    total labels: the body of a table printed empty still has its ``合计`` row.
    """
    depth = 0
    for row in rows:
        filled = [cell for cell in row if cell]
        if _numbers_columns_row(row):
            depth += 1  # a 栏次 row numbers the columns (1, 2, 3…): header, not body
            continue
        if any(is_amount(cell) or _CODE_LIKE.match(cell) for cell in filled):
            break
        if filled and all(is_total_label(cell) for cell in filled):
            break
        depth += 1
    return depth


MIN_COLUMN_NUMBERS = 3


def _numbers_columns_row(row: list[str] | tuple[str, ...]) -> bool:
    """Whether a row numbers the columns: it says 栏次, or its numbers are 1, 2, 3… in order, whatever labels
    them (``**``). It is header, but names no column: the labels are built without it, so that
    xian_emergency_2019_budget's ``合计`` over ``1`` reads as 合计, not ``合计/1``."""
    filled = [cell for cell in row if cell]
    if any(fold_for_matching(cell) == COLUMN_NUMBERS_LABEL for cell in filled):
        return True
    numbers = [cell for cell in filled if cell.isdigit()]
    return len(numbers) >= MIN_COLUMN_NUMBERS and numbers == [str(n) for n in range(1, len(numbers) + 1)]


def _unit_above(grid: PageGrid, title: _Title | None, lines_by_page: dict[int, tuple[TextLine, ...]]) -> str | None:
    """The unit of the 单位 line printed between the table's title and its grid.

    When the title ends the previous page, the unit line is searched below the title there
    and then above the grid on the grid's page.
    """
    if title is not None and title.page != grid.page:
        below_title = [line for line in lines_by_page.get(title.page, ()) if line.top <= title.line.top + 1]
        unit = _first_unit(sorted(below_title, key=lambda line: -line.top))
        if unit is not None:
            return unit
    ceiling = title.line.top if title is not None and title.page == grid.page else float("inf")
    above = [
        line for line in lines_by_page.get(grid.page, ()) if grid.bbox[3] <= line.bottom + 1 and line.top <= ceiling + 1
    ]
    return _first_unit(sorted(above, key=lambda line: line.bottom))


def _first_unit(lines: list[TextLine]) -> str | None:
    return next((unit for line in lines if (unit := find_unit(line.text)) is not None), None)


def _notes_below(grid: PageGrid, lines: tuple[TextLine, ...], following: PageGrid | None) -> list[str]:
    """备注/注 lines printed under the grid, before the next grid on the same page."""
    floor = following.bbox[3] if following is not None and following.page == grid.page else float("-inf")
    below = [line for line in lines if line.top <= grid.bbox[1] + 1 and line.bottom >= floor - 1]
    notes = []
    for line in sorted(below, key=lambda line: -line.top):
        if _NOTE.match(line.text):
            notes.append(line.text)
        elif notes:
            break
    return notes
