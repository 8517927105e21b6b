"""The tables of a document as readers see them: titled, typed, stitched across pages."""

import re
from dataclasses import dataclass

from pipeline.catalogue.recognition import Recognition
from pipeline.parsing.amounts import is_amount

_CODE = re.compile(r"^(\d{3}(\d{2}){0,2}|\d{6})$")
"""Classification codes (3, 5 or 7 digits) and budget-unit codes (6 digits): numbers that are not amounts."""


@dataclass(frozen=True)
class SourceRow:
    """One printed row and where to find it: page, and its 1-based position in that page's grid."""

    page: int
    row_index: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class GridReport:
    """Camelot's account of one page's part of a table, kept for lineage and quality figures."""

    page: int
    bbox: tuple[float, float, float, float]
    rows: int
    columns: int
    accuracy: float
    whitespace: float
    engine: str


@dataclass(frozen=True)
class DocumentTable:
    """One logical table of a document.

    ``kind`` is a catalogue id, or None when no title of the catalogue names the table.
    ``header`` holds the printed header rows (once, even when repeated on every page) and
    ``labels`` one folded label per column built from them; ``rows`` are the body rows of all
    pages in order. ``unit`` is the unit printed in the table's own 单位 line. ``recognition``
    says how ``kind`` was decided and how sure that is.
    """

    table_index: int
    kind: str | None
    title: str
    unit: str | None
    header: tuple[tuple[str, ...], ...]
    labels: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    notes: tuple[str, ...]
    grids: tuple[GridReport, ...]
    recognition: Recognition | None = None

    @property
    def pages(self) -> tuple[int, ...]:
        return tuple(sorted({grid.page for grid in self.grids}))

    @property
    def has_amounts(self) -> bool:
        """Whether any body cell holds an amount; a table printed empty (此表无数据) has none.

        Cells that read as classification codes (3, 5 or 7 digits) or budget-unit codes (6) do not
        count: a template lists codes but no amounts.
        """
        return any(self.amounts_in(position) for position in range(len(self.labels)))

    def amounts_in(self, position: int) -> list[str]:
        """The amounts the body prints in one column (classification and budget-unit codes not counted)."""
        return [
            cell
            for row in self.rows
            if position < len(row.cells) and is_amount(cell := row.cells[position]) and not _CODE.match(cell)
        ]
