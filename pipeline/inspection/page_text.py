"""The cheap text layer of every page, as positioned lines and characters.

Read with pdfium, which takes milliseconds per page, so that the expensive table parser
only runs where a table title or a continuation of a table is. Coordinates are those of the
page as displayed: a page with /Rotate 90 (a portrait sheet printed landscape, as the Jiangsu
2018 PostScript exports are) is turned the way camelot turns it.
"""

from dataclasses import dataclass
from itertools import pairwise

import pypdfium2 as pdfium

from pipeline.parsing.cell_text import clean_cell


@dataclass(frozen=True)
class TextLine:
    """One printed line (or one character), in display space (origin bottom-left, y grows upwards)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float


@dataclass(frozen=True)
class PageText:
    """All text lines of one page, top to bottom."""

    page: int
    width: float
    height: float
    lines: tuple[TextLine, ...]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_page_texts(pdf: pdfium.PdfDocument) -> list[PageText]:
    """Positioned lines of every page of the PDF (pages numbered from 1)."""
    return [_page_text(pdf[index], index + 1) for index in range(len(pdf))]


def read_page_chars(page: pdfium.PdfPage) -> list[TextLine]:
    """Every printed character of a page, in display space: its advance across, its glyph up and down.

    The vertical extent is the tight glyph box, computed from the glyph outline rather than the
    font's declared ascent and descent, so it stays right where a font declares zero or tiny
    metrics (LibreOffice and ONLYOFFICE exports), which makes other readers place such text a
    row off. The horizontal extent is the glyph's advance (the loose box), so the glyphs of a
    word touch and only real gaps separate words, whatever the glyph's ink width (，or 1).
    Characters pdfium generates itself (line ends, inferred spaces) have no box and are skipped.
    """
    to_display = _display_transform(page)
    textpage = page.get_textpage()
    chars = []
    for index in range(textpage.count_chars()):
        tight = textpage.get_charbox(index)
        if tight[2] <= tight[0] and tight[3] <= tight[1]:
            continue
        text = textpage.get_text_range(index, 1)
        if text.strip():
            _, bottom, _, top = to_display(*tight)
            left, _, right, _ = to_display(*textpage.get_charbox(index, loose=True))
            chars.append(TextLine(text, left, bottom, right, top))
    return chars


def _display_transform(page: pdfium.PdfPage):
    """A function mapping a user-space box to the displayed page's space, per the page's /Rotate.

    The displayed page starts at its crop box's lower-left corner, which is not always the origin
    of user space: beijing_sasac_2026_budget_tables sets ``/MediaBox [-12.02 12.02 829.78 607.22]``,
    and camelot's rules are measured from that corner, so characters are moved there too.
    """
    rotation = page.get_rotation()
    width, height = page.get_size()
    if rotation in (90, 270):
        width, height = height, width
    origin_x, origin_y, _, _ = page.get_cropbox()

    def transform(left: float, bottom: float, right: float, top: float) -> tuple[float, float, float, float]:
        corners = [
            _rotate(x - origin_x, y - origin_y, rotation, width, height) for x, y in ((left, bottom), (right, top))
        ]
        xs, ys = [x for x, _ in corners], [y for _, y in corners]
        return min(xs), min(ys), max(xs), max(ys)

    return transform


def _rotate(x: float, y: float, rotation: int, width: float, height: float) -> tuple[float, float]:
    """A user-space point on the page turned clockwise by ``rotation`` degrees (page of width x height)."""
    if rotation == 90:
        return y, width - x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return height - y, x
    return x, y


def _page_text(page: pdfium.PdfPage, number: int) -> PageText:
    width, height = page.get_size()
    to_display = _display_transform(page)
    textpage = page.get_textpage()
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean_cell(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            runs.append(TextLine(text, *to_display(left, bottom, right, top)))
    return PageText(number, width, height, tuple(_join_into_lines(runs)))


def _join_into_lines(runs: list[TextLine]) -> list[TextLine]:
    """Group text runs whose vertical middles fall within a line's extent into lines, top to bottom."""
    lines: list[list[TextLine]] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        middle = (run.top + run.bottom) / 2
        for line in lines:
            if line[0].bottom <= middle <= line[0].top:
                line.append(run)
                break
        else:
            lines.append([run])
    joined = []
    for line in lines:
        line.sort(key=lambda r: r.left)
        joined.append(
            TextLine(
                _join_run_texts(line),
                min(run.left for run in line),
                min(run.bottom for run in line),
                max(run.right for run in line),
                max(run.top for run in line),
            )
        )
    return joined


def _join_run_texts(line: list[TextLine]) -> str:
    """Concatenate the runs of one line, with a space only where the gap is wider than a glyph.

    WPS exports place every character of letter-spaced text as its own run; a space between
    them would split words, while a real gap (between table cells) keeps its space.
    """
    text = line[0].text
    for previous, run in pairwise(line):
        height = max(previous.top - previous.bottom, run.top - run.bottom)
        text += (" " if run.left - previous.right > height else "") + run.text
    return text
