"""Typeset the seed text as the disclosure PDF a government office would publish.

``python -m reference.typeset [OUTPUT]`` writes data/raw/chongqing_beibei_chaoyang_2023_budget.pdf
(or OUTPUT). The narrative comes first on A4 portrait pages; then every table starts on a new
page, in the seed's order, portrait or landscape as its layout says, and breaks over pages exactly
where the original did, repeating its header rows. Everything is vector text and rules, and the
bytes are the same on every run (reportlab invariant mode, fixed document info), so the committed
PDF can be checked by regenerating it.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import textsplit as rl_textsplit
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus import paragraph as rl_paragraph

from reference.fonts import FONT_NAME, register_font
from reference.grid import build_grid, paginate
from reference.layouts import TableLayout, layout_for
from reference.seed_text import SeedDocument, SeedTable, load_seed

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "data" / "raw" / "chongqing_beibei_chaoyang_2023_budget.pdf"
AUTHOR = "重庆市北碚区人民政府朝阳街道办事处"
CREATOR = "cnbudget reference typesetter"

PORTRAIT_MARGINS = (50.0, 40.0)  # (left/right, top/bottom), points
LANDSCAPE_MARGINS = (40.0, 24.0)

_HEADING = re.compile(r"^[一二三四五六七八九十]+、")
_SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_MAX_HEADING_CHARS = 20
# Full-width punctuation that Chinese typesetting (and Word) never puts at the start of a line;
# reportlab's own list has the Japanese set but lacks these.
_CANNOT_START_LINE = "，。、；：？！）》」』”’"


@dataclass(frozen=True)
class Placement:
    """Where one page of one table landed in the PDF (1-based page number)."""

    table: int
    """Index of the table in the seed (two tables share the title 2023年项目支出绩效目标表)."""
    title: str
    part: int
    """1 for the table's first page, 2 for its first continuation page, …"""
    page: int


class _Document(BaseDocTemplate):
    """Portrait and landscape page templates; records the page every table part lands on."""

    def __init__(self, output: str, title: str) -> None:
        super().__init__(
            output,
            pagesize=A4,
            title=title,
            author=AUTHOR,
            creator=CREATOR,
            subject=title,
            invariant=1,
            # reportlab starts every page with a Helvetica Tf; naming our font keeps the PDF's only
            # font the embedded one (no unembedded base-14 reference for font checks to flag).
            initialFontName=FONT_NAME,
            initialFontSize=9,
            initialLeading=10.8,
        )
        self.placements: list[tuple[tuple[int, int], int]] = []
        templates = []
        for name, size, (side, top) in (
            ("portrait", A4, PORTRAIT_MARGINS),
            ("landscape", landscape(A4), LANDSCAPE_MARGINS),
        ):
            frame = Frame(
                side,
                top,
                size[0] - 2 * side,
                size[1] - 2 * top,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=name,
            )
            templates.append(PageTemplate(id=name, frames=[frame], pagesize=size))
        self.addPageTemplates(templates)

    def afterFlowable(self, flowable: Flowable) -> None:
        """reportlab's hook after each flowable is drawn: note the page of tagged table parts."""
        key = getattr(flowable, "reference_part", None)
        if key is not None:
            self.placements.append((key, self.page))


def frame_size(landscape_page: bool) -> tuple[float, float]:
    """Width and height available to a table on a portrait or landscape page."""
    if landscape_page:
        (width, height), (side, top) = landscape(A4), LANDSCAPE_MARGINS
    else:
        (width, height), (side, top) = A4, PORTRAIT_MARGINS
    return width - 2 * side, height - 2 * top


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=font, wordWrap="CJK", alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", base, fontSize=16, leading=24, alignment=TA_CENTER, spaceAfter=18),
        "heading": ParagraphStyle(
            "heading", base, fontSize=12.5, leading=22, spaceBefore=8, spaceAfter=4, keepWithNext=1
        ),
        "subheading": ParagraphStyle("subheading", base, fontSize=11, leading=20, firstLineIndent=22, keepWithNext=1),
        "body": ParagraphStyle("body", base, fontSize=11, leading=20, firstLineIndent=22, spaceAfter=2),
        "label": ParagraphStyle("label", base, fontSize=11, leading=16, spaceAfter=4),
        "table_title": ParagraphStyle("table_title", base, fontSize=15, leading=22, alignment=TA_CENTER, spaceAfter=8),
        "compiler": ParagraphStyle("compiler", base, fontSize=9.5, leading=14),
        "unit": ParagraphStyle("unit", base, fontSize=9.5, leading=14, alignment=TA_RIGHT, spaceAfter=2),
        "note": ParagraphStyle("note", base, fontSize=9.5, leading=14, spaceBefore=4),
    }


def narrative_story(seed: SeedDocument, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    """The title and paragraphs; short numbered lines (一、… / （一）…) set as headings."""
    story: list[Flowable] = [Paragraph(escape(seed.title), styles["title"])]
    for text in seed.paragraphs:
        short = len(text) <= _MAX_HEADING_CHARS
        if short and _HEADING.match(text):
            style = styles["heading"]
        elif short and _SUBHEADING.match(text):
            style = styles["subheading"]
        else:
            style = styles["body"]
        story.append(Paragraph(escape(text), style))
    return story


def table_story(
    index: int, table: SeedTable, layout: TableLayout, styles: dict[str, ParagraphStyle], font: str
) -> list[Flowable]:
    """One table, each of its original pages on a fresh page; captions on the first only."""
    _check_captions(table, layout)
    width, _ = frame_size(layout.landscape)
    template = "landscape" if layout.landscape else "portrait"
    story: list[Flowable] = []
    for part, page in enumerate(paginate(table, layout), start=1):
        parts: list[Flowable] = []
        if page.is_first:
            if layout.label:
                parts.append(Paragraph(escape(layout.label), styles["label"]))
            if layout.title:
                parts.append(Paragraph(escape(layout.title), styles["table_title"]))
            if layout.compiler:
                parts.append(Paragraph(escape(layout.compiler), styles["compiler"]))
            if layout.unit:
                parts.append(Paragraph(escape(layout.unit), styles["unit"]))
        parts.append(build_grid(page, layout, width, font))
        if page.is_last and layout.note:
            parts.append(Paragraph(escape(layout.note), styles["note"]))
        for flowable in parts:
            flowable.reference_part = (index, part)  # type: ignore[attr-defined]
        story += [NextPageTemplate(template), PageBreak(), *parts]
    return story


def _check_captions(table: SeedTable, layout: TableLayout) -> None:
    """The layout's framing lines must be the seed's, so the layout data cannot drift from it."""
    printed = tuple(line for line in (layout.label, layout.title or None, layout.compiler, layout.unit) if line)
    if printed != table.caption:
        raise ValueError(f"layout caption {printed!r} differs from the seed's {table.caption!r}")
    notes = (layout.note,) if layout.note else ()
    if notes != table.notes:
        raise ValueError(f"layout note {notes!r} differs from the seed's {table.notes!r}")


def build_story(seed: SeedDocument, font: str) -> tuple[list[Flowable], list[tuple[int, int]]]:
    """All flowables, and the (table index, part) keys of every table page in order."""
    styles = _styles(font)
    story = narrative_story(seed, styles)
    parts: list[tuple[int, int]] = []
    for index, table in enumerate(seed.tables):
        layout = layout_for(table.title, table.columns)
        story += table_story(index, table, layout, styles, font)
        parts += [(index, n) for n in range(1, len(table.pages) + 1)]
    return story, parts


def typeset(output: Path, seed: SeedDocument | None = None) -> list[Placement]:
    """Write the PDF to output and return where each table page landed.

    Raises ValueError when a table page did not land whole on one page of its own (its content
    is too tall for the page): the original page breaks are part of what is reproduced.
    """
    seed = seed or load_seed()
    font = register_font()
    story, parts = build_story(seed, font)
    output.parent.mkdir(parents=True, exist_ok=True)
    doc = _Document(str(output), seed.title)
    with _chinese_line_breaking():
        doc.build(story)

    pages: dict[tuple[int, int], set[int]] = {}
    for key, page in doc.placements:
        pages.setdefault(key, set()).add(page)
    placements: list[Placement] = []
    used: set[int] = set()
    for key in parts:
        landed = pages.get(key, set())
        title = seed.tables[key[0]].title
        if len(landed) != 1 or next(iter(landed)) in used:
            raise ValueError(f"table {title!r} part {key[1]} was not set on one page of its own: {sorted(landed)}")
        page = landed.pop()
        used.add(page)
        placements.append(Placement(table=key[0], title=title, part=key[1], page=page))
    return placements


@contextmanager
def _chinese_line_breaking() -> Iterator[None]:
    """Let narrative paragraphs hang ，。、 etc. instead of starting a line with them.

    reportlab reads the list from module globals (one per wrapping routine); they are extended only
    while our document builds.
    """
    modules = (rl_paragraph, rl_textsplit)
    saved = [module.ALL_CANNOT_START for module in modules]
    for module, old in zip(modules, saved, strict=True):
        module.ALL_CANNOT_START = old + "".join(c for c in _CANNOT_START_LINE if c not in old)
    try:
        yield
    finally:
        for module, old in zip(modules, saved, strict=True):
            module.ALL_CANNOT_START = old


def main(argv: list[str] | None = None) -> int:
    """Command line: typeset to OUTPUT (default: the committed data/raw path)."""
    parser = argparse.ArgumentParser(prog="python -m reference.typeset", description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args(argv)
    placements = typeset(args.output)
    for placement in placements:
        title = placement.title or "(untitled fragment)"
        print(f"page {placement.page:>2}: {title} [{placement.part}]")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
