"""Parse the seed text of the disclosure into narrative paragraphs and tables.

The seed is the text of a real disclosure, as a person would copy it out of the published PDF:
the narrative as blank-line separated paragraphs, then one block per table whose rows are
tab-separated lines. Blank lines *inside* a block mark where the original PDF's pages broke; the
typesetter keeps those breaks, so they are kept here as one row tuple per original page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SEED_PATH = Path(__file__).with_name("chaoyang_2023_budget_disclosure.txt")

Row = tuple[str, ...]

_LABEL = re.compile(r"^表[一二三四五六七八九十]+$")
_UNIT = re.compile(r"^单位：")
_COMPILER = re.compile(r"^编制单位：")
_NOTE = re.compile(r"^备注：")
# A paragraph that ends like this was cut by a page break, not finished.
_FINISHED = ("。", "！", "？", "；", "：")
# Headings and the title are short; only long body paragraphs can be cut by a page break.
_MIN_BODY_CHARS = 40


@dataclass(frozen=True)
class SeedTable:
    """One table of the seed: the lines printed around it and its rows, page by page."""

    title: str
    """The title as printed, or "" for a block with no caption (a fragment of a table)."""
    caption: tuple[str, ...]
    """Lines printed above the grid, in order (label 表二, title, 编制单位 line, 单位 line)."""
    pages: tuple[tuple[Row, ...], ...]
    """The rows of each page of the original PDF; header rows appear once, on the first page."""
    notes: tuple[str, ...]
    """Lines printed below the grid (备注 …)."""

    @property
    def rows(self) -> tuple[Row, ...]:
        """All rows, the page breaks forgotten."""
        return tuple(row for page in self.pages for row in page)

    @property
    def columns(self) -> int:
        """Number of cells in every row of the block."""
        return len(self.pages[0][0])


@dataclass(frozen=True)
class SeedDocument:
    """The whole disclosure: the narrative's title and paragraphs, then the tables in order."""

    title: str
    paragraphs: tuple[str, ...]
    tables: tuple[SeedTable, ...]


def load_seed(path: Path = SEED_PATH) -> SeedDocument:
    """Read and parse the seed text shipped next to this module."""
    return parse_seed(path.read_text(encoding="utf-8"))


def parse_seed(text: str) -> SeedDocument:
    """Split the seed into narrative and tables.

    Raises ValueError on a line it cannot place (a caption line of unknown form, a row with a
    different number of cells than its block), so a changed seed fails loudly instead of
    silently losing text.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    blocks = _table_blocks(lines)
    if not blocks:
        raise ValueError("seed text contains no tab-separated table")

    tables: list[SeedTable] = []
    narrative: list[str] = []
    gap_start = 0
    for index, (start, end, pages) in enumerate(blocks):
        gap = [line for line in lines[gap_start:start] if line.strip()]
        if index == 0:
            caption_len = _trailing_caption_length(gap)
            narrative = gap[: len(gap) - caption_len]
            caption = gap[len(gap) - caption_len :]
        else:
            notes_len = 0
            while notes_len < len(gap) and _NOTE.match(gap[notes_len]):
                notes_len += 1
            tables[-1] = _with_notes(tables[-1], gap[:notes_len])
            caption = gap[notes_len:]
        tables.append(_make_table(caption, pages))
        gap_start = end
    trailing = [line for line in lines[gap_start:] if line.strip()]
    if any(not _NOTE.match(line) for line in trailing):
        raise ValueError(f"unexpected text after the last table: {trailing!r}")
    tables[-1] = _with_notes(tables[-1], trailing)

    paragraphs = _paragraphs(narrative)
    if not paragraphs:
        raise ValueError("seed text has no narrative title")
    return SeedDocument(title=paragraphs[0], paragraphs=tuple(paragraphs[1:]), tables=tuple(tables))


def _table_blocks(lines: list[str]) -> list[tuple[int, int, tuple[tuple[Row, ...], ...]]]:
    """Find the tab-separated blocks as (first line, line after the last row, pages).

    A blank line followed by a row with the same number of cells is a page break inside the
    block; a row with a different number of cells starts a new (captionless) block.
    """
    blocks: list[tuple[int, int, tuple[tuple[Row, ...], ...]]] = []
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            i += 1
            continue
        start = i
        width = len(lines[i].split("\t"))
        pages: list[list[Row]] = [[]]
        while True:
            pages[-1].append(tuple(lines[i].split("\t")))
            i += 1
            if i < len(lines) and "\t" in lines[i]:
                if len(lines[i].split("\t")) != width:
                    raise ValueError(f"line {i + 1}: row width differs from its block's {width}")
                continue
            j = i
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j > i and j < len(lines) and len(lines[j].split("\t")) == width:
                pages.append([])
                i = j
                continue
            break
        blocks.append((start, i, tuple(tuple(page) for page in pages)))
    return blocks


def _is_caption_line(line: str) -> bool:
    return bool(_LABEL.match(line) or _UNIT.match(line) or _COMPILER.match(line) or line.endswith("表"))


def _trailing_caption_length(gap: list[str]) -> int:
    """How many of the last lines before the first table are its caption, not narrative.

    The caption is [label] title [编制单位 line] [单位 line]: walk back over the unit and
    compiler lines, take the title, then an optional label.
    """
    n = len(gap)
    k = n
    while k > 0 and (_UNIT.match(gap[k - 1]) or _COMPILER.match(gap[k - 1])):
        k -= 1
    if k > 0 and gap[k - 1].endswith("表"):
        k -= 1
        if k > 0 and _LABEL.match(gap[k - 1]):
            k -= 1
    return n - k


def _make_table(caption: list[str], pages: tuple[tuple[Row, ...], ...]) -> SeedTable:
    for line in caption:
        if not _is_caption_line(line):
            raise ValueError(f"unexpected line above a table: {line!r}")
    titles = [line for line in caption if line.endswith("表") and not _LABEL.match(line)]
    if len(titles) > 1:
        raise ValueError(f"more than one title above a table: {titles!r}")
    return SeedTable(title=titles[0] if titles else "", caption=tuple(caption), pages=pages, notes=())


def _with_notes(table: SeedTable, notes: list[str]) -> SeedTable:
    return SeedTable(title=table.title, caption=table.caption, pages=table.pages, notes=tuple(notes))


def _paragraphs(lines: list[str]) -> list[str]:
    """Join the narrative back into paragraphs.

    The seed separates paragraphs by blank lines, but two body paragraphs were also cut where the
    original PDF's page broke (``…优抚安置、`` / ``扶贫济困…``). A long paragraph that does not end
    like a sentence is joined to the next one, so the reprint wraps it as one paragraph.
    """
    paragraphs: list[str] = []
    joinable = False
    for line in lines:
        text = line.strip()
        if joinable and paragraphs:
            paragraphs[-1] += text
        else:
            paragraphs.append(text)
        current = paragraphs[-1]
        joinable = len(current) >= _MIN_BODY_CHARS and not current.endswith(_FINISHED)
    return paragraphs
