"""The cheap text layer of every page, as positioned lines.

Read with pdfium, which takes milliseconds per page, so that the expensive table parser
only runs where a table title or a continuation of a table is.
"""

from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.parsing.cell_text import clean_cell


@dataclass(frozen=True)
class TextLine:
    """One printed line, in PDF user space (origin bottom-left, y grows upwards)."""

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


def read_page_texts(path: Path) -> list[PageText]:
    """Positioned lines of every page of the PDF (pages numbered from 1)."""
    pdf = pdfium.PdfDocument(path)
    try:
        return [_page_text(pdf[index], index + 1) for index in range(len(pdf))]
    finally:
        pdf.close()


def _page_text(page: pdfium.PdfPage, number: int) -> PageText:
    width, height = page.get_size()
    textpage = page.get_textpage()
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = clean_cell(textpage.get_text_bounded(left, bottom, right, top))
        if text:
            runs.append(TextLine(text, left, bottom, right, top))
    return PageText(number, width, height, tuple(_join_runs_into_lines(runs)))


def _join_runs_into_lines(runs: list[TextLine]) -> list[TextLine]:
    """Group text runs whose vertical extents overlap by half their height into lines."""
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
