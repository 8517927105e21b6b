"""Ruled tables found by camelot on the pages that hold them, one grid per table per page.

Camelot finds the grid (its rules, rows, columns and merged cells); the text of each cell is
then read from pdfium's characters, placed by their glyph outlines. This corrects two ways
camelot's own text placement goes wrong on real exports: a text run that crosses a cell rule
(WPS sets a whole table row as one line of text) lands in one cell, and fonts that declare
zero or tiny ascent and descent put text a row too low.
"""

from bisect import bisect_left
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import camelot
import pypdfium2 as pdfium

from pipeline.inspection.page_text import TextLine, read_page_chars
from pipeline.parsing.cell_text import clean_cell


@dataclass(frozen=True)
class PageGrid:
    """One ruled table as read from one page, with camelot's own quality figures.

    ``bbox`` is (left, bottom, right, top) in the displayed page's space; ``cells`` are cleaned
    texts, merged cells copied into every position they span; ``column_edges`` the x positions
    of the column rules, left to right, by which a continuation on the next page is matched.
    """

    page: int
    order: int
    bbox: tuple[float, float, float, float]
    cells: tuple[tuple[str, ...], ...]
    column_edges: tuple[float, ...]
    accuracy: float
    whitespace: float
    engine: str

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0


def read_page_grids(path: Path, pdf: pdfium.PdfDocument, pages: list[int]) -> list[PageGrid]:
    """Camelot lattice on the given pages, cells filled from pdfium, top to bottom within each page.

    The ``vector`` engine reads the drawn rules directly and is several times faster than
    rendering the page; pages where it finds no table are read again with the default
    engine, which also sees rules drawn as thin filled rectangles.
    """
    tables = _lattice(path, pages, engine="vector")
    missing = sorted(set(pages) - {int(table.page) for table, _ in tables})
    if missing:
        tables += _lattice(path, missing, engine="combined")
    chars: dict[int, list[TextLine]] = {}
    grids = []
    for table, engine in tables:
        page = int(table.page)
        if page not in chars:
            chars[page] = read_page_chars(pdf[page - 1])
        grids.append(_grid(table, engine, chars[page]))
    return sorted(grids, key=lambda grid: (grid.page, -grid.bbox[3]))


def _lattice(path: Path, pages: list[int], engine: str) -> list[tuple[camelot.core.Table, str]]:
    if not pages:
        return []
    tables = camelot.read_pdf(
        str(path),
        pages=",".join(str(page) for page in pages),
        flavor="lattice",
        engine=engine,
        suppress_stdout=True,
    )
    return [(table, engine) for table in tables]


def _grid(table: camelot.core.Table, engine: str, chars: list[TextLine]) -> PageGrid:
    _fill_cells(table, chars)
    table.copy_spanning_text(["h", "v"])
    report = table.parsing_report
    left, bottom, right, top = (float(value) for value in table._bbox)
    cells = [[clean_cell(cell.text) for cell in row] for row in table.cells]
    edges = [float(table.cols[0][0]), *(float(right) for _, right in table.cols)]
    for column in reversed(_phantom_columns(cells, edges)):
        for row in cells:
            del row[column]
        del edges[column if column == 0 else column + 1]
    return PageGrid(
        page=int(report["page"]),
        order=int(report["order"]),
        bbox=(left, bottom, right, top),
        cells=tuple(tuple(row) for row in cells),
        column_edges=tuple(edges),
        accuracy=float(report["accuracy"]),
        whitespace=float(report["whitespace"]),
        engine=engine,
    )


PHANTOM_COLUMN_WIDTH = 12.0
"""Columns narrower than this (in points) that print nothing are the gap between a table's rules and an
invisible frame around it, not columns of the table."""


def _phantom_columns(cells: list[list[str]], edges: list[float]) -> list[int]:
    """Positions of the empty slivers a frame drawn around the table adds to its grid.

    Beijing's exports set each page inside an outer box of white rules a few points outside the
    table's own (beijing_hrss_2026_budget_tables: a 7.7 pt column left of 科目编码 on the first page
    of 一般公共预算支出表 only), so the pages of one table would have different column counts and
    not be joined.
    """
    return [
        column
        for column in range(len(edges) - 1)
        if edges[column + 1] - edges[column] < PHANTOM_COLUMN_WIDTH and not any(row[column] for row in cells)
    ]


def _fill_cells(table: camelot.core.Table, chars: list[TextLine]) -> None:
    """Replace camelot's cell texts by the characters whose glyph centres fall in each cell.

    The characters of a merged cell (cells with no rule between them) are read together and
    given to its top-left cell, as the text is centred across the whole span; camelot's copy
    of spanning text then repeats it over the span.
    """
    column_rights = [right for _, right in table.cols]
    row_bottoms = [-bottom for _, bottom in table.rows]  # rows run top to bottom: y decreases
    region = _merged_regions(table)
    contents: dict[tuple[int, int], list[TextLine]] = {}
    for char in chars:
        x, y = (char.left + char.right) / 2, (char.bottom + char.top) / 2
        column, row = bisect_left(column_rights, x), bisect_left(row_bottoms, -y)
        if column < len(table.cols) and row < len(table.rows) and x >= table.cols[0][0] and y <= table.rows[0][0]:
            contents.setdefault(region[row, column], []).append(char)
    for row_index, row in enumerate(table.cells):
        for column_index, cell in enumerate(row):
            cell._text = cell_text(contents.get((row_index, column_index), []))  # the setter appends


def _merged_regions(table: camelot.core.Table) -> dict[tuple[int, int], tuple[int, int]]:
    """For every cell, the top-left cell of the merged region it belongs to."""
    parent = {(r, c): (r, c) for r in range(len(table.rows)) for c in range(len(table.cols))}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        first, second = sorted((root(a), root(b)))
        parent[second] = first

    for r, row in enumerate(table.cells):
        for c, cell in enumerate(row):
            if c + 1 < len(row) and not cell.right:
                join((r, c), (r, c + 1))
            if r + 1 < len(table.cells) and not cell.bottom:
                join((r, c), (r + 1, c))
    return {cell: root(cell) for cell in parent}


def cell_text(chars: list[TextLine]) -> str:
    """The text of one cell from its characters: lines top to bottom, wrapped lines joined.

    A character belongs to a line when its glyph box overlaps the line's vertical extent
    (commas and dots sit low, 一 sits high, but all overlap the line's taller glyphs: ``_overlaps``). A space
    is kept where two characters of a line stand further apart than half the line's height
    (two words), not between the glyphs of a word.
    """
    lines: list[list[TextLine]] = []
    for char in sorted(chars, key=lambda c: -c.top):
        line = next((line for line in lines if _overlaps(char, line)), None)
        if line is None:
            lines.append([char])
        else:
            line.append(char)
    texts = []
    for line in lines:
        line.sort(key=lambda c: c.left)
        height = _top(line) - _bottom(line)
        text = line[0].text
        for previous, char in pairwise(line):
            text += (" " if char.left - previous.right > height / 2 else "") + char.text
        texts.append(text)
    return "".join(texts)


LINE_OVERLAP = 0.5
"""Points by which a glyph must overlap a line's extent to belong to it, so that touching lines stay apart;
at most ``LINE_OVERLAP_SHARE`` of the line's height, so that the low period of 4-point digits (Beijing's
支出总表, beijing_audit_2026_budget_tables p3: ``28.771284``) stays in its line."""
LINE_OVERLAP_SHARE = 0.15


def _overlaps(char: TextLine, line: list[TextLine]) -> bool:
    top, bottom = _top(line), _bottom(line)
    margin = min(LINE_OVERLAP, LINE_OVERLAP_SHARE * (top - bottom))
    return char.bottom < top - margin and char.top > bottom + margin


def _top(line: list[TextLine]) -> float:
    return max(char.top for char in line)


def _bottom(line: list[TextLine]) -> float:
    return min(char.bottom for char in line)
