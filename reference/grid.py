"""Turn one page's rows of a seed table into a ruled reportlab Table.

Cells are plain strings, wrapped here rather than by reportlab Paragraphs: a wrapped cell is then
exactly the seed text with line breaks inserted (as Word/Excel exports print it), every glyph is
drawn as text, and nothing in a cell is read as markup (the forms print ``<p>…</p>`` literally).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table, TableStyle

from reference.layouts import TO_LAST_ROW, Span, TableLayout
from reference.seed_text import Row, SeedTable

H_PADDING = 6.0
"""Space left and right of a cell's text. Wider than one CJK glyph is tall (9 pt) plus slack, so
text extractors that merge glyphs closer than about one character width never join the texts of
two neighbouring cells into one line."""
LEADING_RATIO = 1.2
RULE_WIDTH = 0.5

_AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2}$")
# Runs that must not be broken across lines unless they alone are wider than the cell.
_TOKEN = re.compile(r"[0-9A-Za-z.,%/<>=+\-_]+| +|.", re.DOTALL)
_NO_LINE_START = frozenset("，。、；：？！）》」』”’%)],.;:")
_NO_LINE_END = frozenset("（《「『“‘([")


@dataclass(frozen=True)
class PageRows:
    """The rows printed on one page of a table and the merges that apply to them."""

    rows: tuple[Row, ...]
    spans: tuple[Span, ...]
    row_numbers: tuple[int, ...]
    """For each printed row, its row number in the whole seed table (header repeats included)."""
    is_first: bool
    is_last: bool


def paginate(table: SeedTable, layout: TableLayout) -> list[PageRows]:
    """Split a seed table into its original pages, repeating the header rows on each continuation.

    Spans given in whole-table rows are moved to page rows and clipped at page breaks.
    """
    total = len(table.rows)
    header = table.pages[0][: layout.header_rows]
    pages: list[PageRows] = []
    start = 0
    for index, page in enumerate(table.pages):
        if index == 0:
            rows = tuple(page)
            numbers = tuple(range(len(page)))
        else:
            rows = tuple(header) + tuple(page)
            numbers = tuple(range(layout.header_rows)) + tuple(range(start, start + len(page)))
        end = start + len(page)
        spans = []
        for span in layout.spans:
            last = total if span.rowspan == TO_LAST_ROW else span.row + span.rowspan
            if span.row < layout.header_rows:
                spans.append(span)
                continue
            lo, hi = max(span.row, start), min(last, end)
            if lo >= hi:
                continue
            local = numbers.index(lo)
            spans.append(Span(local, span.col, hi - lo, span.colspan))
        pages.append(
            PageRows(
                rows=rows,
                spans=tuple(s for s in spans if s.rowspan > 1 or s.colspan > 1),
                row_numbers=numbers,
                is_first=index == 0,
                is_last=index == len(table.pages) - 1,
            )
        )
        start = end
    return pages


def wrap_text(text: str, width: float, font: str, size: float) -> list[str]:
    """Break text into lines no wider than width, the way a spreadsheet wraps a cell.

    CJK text breaks between any two characters; runs of digits and Latin letters (amounts, codes,
    ``<p>``) stay whole unless wider than the cell; closing punctuation never starts a line and
    opening punctuation never ends one. Spaces stay at the end of their line, so deleting the
    inserted line breaks gives back the text exactly.
    """
    tokens: list[str] = []
    for token in _TOKEN.findall(text):
        if tokens and (token[0] in _NO_LINE_START or token.isspace() or tokens[-1][-1] in _NO_LINE_END):
            tokens[-1] += token
        else:
            tokens.append(token)

    def fits(candidate: str) -> bool:
        return stringWidth(candidate.rstrip(" "), font, size) <= width

    lines: list[str] = []
    line = ""
    for token in tokens:
        if fits(line + token):
            line += token
            continue
        if line:
            lines.append(line)
            line = ""
        for char in token:  # only a token wider than the whole cell is cut inside
            if line and not fits(line + char):
                lines.append(line)
                line = ""
            line += char
    if line or not lines:
        lines.append(line)
    return lines


def build_grid(page: PageRows, layout: TableLayout, width: float, font: str) -> Table:
    """A fully ruled Table for one page: wrapped cells, merged cells, aligned amounts."""
    widths = [fraction * width for fraction in layout.col_widths]
    anchors = {(s.row, s.col): s for s in page.spans}
    covered = {
        (s.row + r, s.col + c)
        for s in page.spans
        for r in range(s.rowspan)
        for c in range(s.colspan)
        if (r, c) != (0, 0)
    }
    leading = layout.font_size * LEADING_RATIO
    data: list[list[str]] = []
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), font, layout.font_size, leading),
        ("GRID", (0, 0), (-1, -1), RULE_WIDTH, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), H_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), H_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), layout.v_padding),
        ("BOTTOMPADDING", (0, 0), (-1, -1), layout.v_padding),
    ]
    for r, row in enumerate(page.rows):
        is_header = r < layout.header_rows
        centred_row = is_header or page.row_numbers[r] in layout.centred_rows
        cells: list[str] = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                if text:
                    raise ValueError(f"{layout.title!r}: text {text!r} under a merged cell at {r},{c}")
                cells.append("")
                continue
            span = anchors.get((r, c))
            colspan = span.colspan if span else 1
            available = sum(widths[c : c + colspan]) - 2 * H_PADDING
            cells.append(_layout_text(text, available, font, layout, is_header))
            if centred_row or c in layout.centred_cols:
                align = "CENTRE"
            elif _AMOUNT.match(text):
                align = "RIGHT"
            else:
                align = "LEFT"
            commands.append(("ALIGN", (c, r), (c, r), align))
        data.append(cells)
    for s in page.spans:
        commands.append(("SPAN", (s.col, s.row), (s.col + s.colspan - 1, s.row + s.rowspan - 1)))
    return Table(data, colWidths=widths, style=TableStyle(commands))


def _layout_text(text: str, width: float, font: str, layout: TableLayout, is_header: bool) -> str:
    pieces = [text]
    if is_header and layout.hard_breaks_at_spaces and " " in text:
        words = text.split(" ")
        pieces = [word + " " for word in words[:-1]] + [words[-1]]
    lines: list[str] = []
    for piece in pieces:
        lines.extend(wrap_text(piece, width, font, layout.font_size))
    return "\n".join(lines)
