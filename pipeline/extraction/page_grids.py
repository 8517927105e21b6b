"""Ruled tables found by camelot on the pages that hold them, one grid per table per page."""

from dataclasses import dataclass
from pathlib import Path

import camelot

from pipeline.parsing.cell_text import clean_cell


@dataclass(frozen=True)
class PageGrid:
    """One ruled table as camelot read it from one page, with camelot's own parsing report.

    ``bbox`` is (left, bottom, right, top) in PDF user space; ``cells`` are cleaned texts, merged
    cells copied into every position they span.
    """

    page: int
    order: int
    bbox: tuple[float, float, float, float]
    cells: tuple[tuple[str, ...], ...]
    accuracy: float
    whitespace: float
    engine: str

    @property
    def width(self) -> int:
        return len(self.cells[0]) if self.cells else 0


def read_page_grids(path: Path, pages: list[int]) -> list[PageGrid]:
    """Camelot lattice on the given pages, top to bottom within each page.

    The ``vector`` engine reads the drawn rules directly and is several times faster than
    rendering the page; pages where it finds no table are read again with the default
    engine, which also sees rules drawn as thin filled rectangles.
    """
    grids = _lattice(path, pages, engine="vector")
    missing = sorted(set(pages) - {grid.page for grid in grids})
    if missing:
        grids += _lattice(path, missing, engine="combined")
    return sorted(grids, key=lambda grid: (grid.page, -grid.bbox[3]))


def _lattice(path: Path, pages: list[int], engine: str) -> list[PageGrid]:
    if not pages:
        return []
    tables = camelot.read_pdf(
        str(path),
        pages=",".join(str(page) for page in pages),
        flavor="lattice",
        copy_text=["h", "v"],
        engine=engine,
        suppress_stdout=True,
    )
    grids = []
    for table in tables:
        report = table.parsing_report
        left, bottom, right, top = (float(value) for value in table._bbox)
        cells = tuple(tuple(clean_cell(value) for value in row) for row in table.df.itertuples(index=False))
        grids.append(
            PageGrid(
                page=int(report["page"]),
                order=int(report["order"]),
                bbox=(left, bottom, right, top),
                cells=cells,
                accuracy=float(report["accuracy"]),
                whitespace=float(report["whitespace"]),
                engine=engine,
            )
        )
    return grids
