"""Cell text and grid columns as ``page_grids`` reads them from pdfium's characters and camelot's rules."""

import pypdfium2 as pdfium
import pytest

from pipeline.extraction.page_grids import _phantom_columns, cell_text
from pipeline.inspection.page_text import TextLine, _display_transform


def test_the_low_period_of_tiny_digits_stays_in_its_line() -> None:
    """beijing_audit_2026_budget_tables p3 prints 4-point digits whose period overlaps them by 0.49 pt."""
    glyphs = [("2", 681.25, 684.20), ("8", 681.21, 684.20), (".", 681.19, 681.70), ("7", 681.21, 684.17)]
    chars = [
        TextLine(text, 339.4 + 2.16 * i, bottom, 341.6 + 2.16 * i, top) for i, (text, bottom, top) in enumerate(glyphs)
    ]
    assert cell_text(chars) == "28.7"


def test_wrapped_lines_of_a_cell_stay_apart_and_are_joined_in_order() -> None:
    first = [TextLine(text, 100 + 9 * i, 500, 109 + 9 * i, 509) for i, text in enumerate("其他社会")]
    second = [TextLine(text, 100 + 9 * i, 490.5, 109 + 9 * i, 499.5) for i, text in enumerate("保障")]
    assert cell_text(second + first) == "其他社会保障"


def test_empty_slivers_of_a_frame_around_the_table_are_not_columns() -> None:
    cells = [["", "2050803", "培训支出", "307.969170", ""], ["", "", "合 计", "1.00", ""]]
    edges = [51.7, 59.4, 119.8, 277.7, 781.7, 789.8]
    assert _phantom_columns(cells, edges) == [0, 4]
    assert _phantom_columns([["x", "2050803"]], [51.7, 59.4, 119.8]) == []


def test_characters_are_placed_from_the_corner_of_the_crop_box() -> None:
    """beijing_sasac_2026_budget_tables sets /MediaBox [-12.02 12.02 829.78 607.22]: camelot measures from its corner."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(841.8, 595.2)
    page.set_mediabox(-12.02, 12.02, 829.78, 607.22)
    moved = (77.1 + 12.02, 413.0 - 12.02, 80.5 + 12.02, 419.2 - 12.02)
    assert _display_transform(page)(77.1, 413.0, 80.5, 419.2) == pytest.approx(moved, abs=1e-3)
