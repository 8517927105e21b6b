"""All tables of one document: targeting pages from their cheap text, then camelot, then assembly."""

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pypdfium2 as pdfium

from pipeline.catalogue.matching import is_title
from pipeline.extraction.assembly import assemble_tables
from pipeline.extraction.page_grids import read_page_grids
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.inspection.facts import DocumentFacts, read_document_facts
from pipeline.inspection.page_text import PageText, read_page_texts
from pipeline.parsing.amounts import is_amount

_QUOTED_WAN = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)万元")
MIN_CONTINUATION_AMOUNTS = 2
"""A page without a title continues a table when it prints at least this many amounts."""
MIN_ROW_AMOUNTS = 2
MIN_TABLE_ROWS = 3
"""A page with this many lines of at least ``MIN_ROW_AMOUNTS`` bare amounts prints a table."""
_SENTENCE = re.compile(r"[，。；]|万元|亿元")


@dataclass(frozen=True)
class ExtractedDocument:
    """Everything read from one document before normalisation.

    ``text_pages`` counts pages with any text (0 for a scan); ``pages_parsed`` are the pages
    camelot was run on.
    """

    info: DocumentInfo
    facts: DocumentFacts
    text_pages: int
    pages_parsed: tuple[int, ...]
    tables: tuple[DocumentTable, ...]
    narrative: tuple[tuple[int, str], ...] = ()

    @property
    def narrative_amounts(self) -> frozenset[Decimal]:
        """Amounts the narrative quotes in 万元 (``支出预算20702.25万元``).

        They tie a narrative published as its own PDF to the PDF of its tables, whose totals it quotes.
        """
        return frozenset(
            Decimal(number.replace(",", "")) for _, line in self.narrative for number in _QUOTED_WAN.findall(line)
        )


def narrative_lines(pages: list[PageText], table_pages: list[int]) -> tuple[tuple[int, str], ...]:
    """The text lines of the pages camelot was not run on, with their page: the narrative (情况说明)."""
    return tuple(
        (page.page, line.text.replace(" ", "")) for page in pages if page.page not in table_pages for line in page.lines
    )


def table_pages(pages: list[PageText]) -> list[int]:
    """Pages worth the table parser: those printing a catalogue title, those whose lines read as
    table rows whatever their title (or none), and the pages that follow a chosen one while they
    print amounts (continuations of a long table)."""
    chosen: list[int] = []
    for page in pages:
        titles = [line.text.strip() for line in page.lines if is_title(line.text)]
        titled = bool(titles) and not _lists_contents(titles)
        continues = bool(chosen) and chosen[-1] == page.page - 1 and _amount_count(page) >= MIN_CONTINUATION_AMOUNTS
        if titled or continues or _prints_rows(page):
            chosen.append(page.page)
    return chosen


_CONTENTS_ENTRY = re.compile(r"^([(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)")
MIN_CONTENTS_ENTRIES = 3


def _lists_contents(titles: list[str]) -> bool:
    """Whether a page's titles are the entries of its 目录: several, each numbered as a list entry
    (``（七）一般公共预算支出表（按功能分类）``, ``一、收支总体情况表``). The contents page prints none of the tables
    and camelot would read it for nothing; a table's own title may be numbered so too
    (js_high_court_2017_budget: ``一、 2017年度江苏省高级人民法院部门收支预算总表``), but a page prints one or two."""
    return len(titles) >= MIN_CONTENTS_ENTRIES and all(_CONTENTS_ENTRY.match(title) for title in titles)


def _amount_count(page: PageText) -> int:
    return sum(is_amount(token) for line in page.lines for token in line.text.split())


def _prints_rows(page: PageText) -> bool:
    """Whether the page prints table rows: lines of several amounts that are not sentences.

    A narrative line quotes amounts too (``年初预算数 19,230.18 万元，其中：…15,958.96 万元``),
    but with a unit and sentence punctuation beside them; a table row prints bare amounts.
    """
    rows = 0
    for line in page.lines:
        if _SENTENCE.search(line.text):
            continue
        rows += sum(is_amount(token) for token in line.text.split()) >= MIN_ROW_AMOUNTS
    return rows >= MIN_TABLE_ROWS


def extract_document(path: Path, info: DocumentInfo) -> ExtractedDocument:
    """Read the page texts and the document's facts, then run camelot where tables are.

    A file that inspection found unreadable yields nothing, keeping its status.
    """
    if info.status != "ok":
        return ExtractedDocument(info, DocumentFacts(None, None, None), 0, (), ())
    pdf = pdfium.PdfDocument(path)
    try:
        pages = read_page_texts(pdf)
        targets = table_pages(pages)
        grids = read_page_grids(path, pdf, targets)
    finally:
        pdf.close()
    return ExtractedDocument(
        info=info,
        facts=read_document_facts(pages),
        text_pages=sum(1 for page in pages if page.lines),
        pages_parsed=tuple(targets),
        tables=tuple(assemble_tables(pages, grids)),
        narrative=narrative_lines(pages, targets),
    )
