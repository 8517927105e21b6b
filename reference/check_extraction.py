"""Check that camelot reads every table page of the reference PDF back to the seed's cells.

The reference PDF exists so the pipeline has an input whose every cell is known; this proves it:
each table page is parsed with camelot's lattice flavour and compared cell by cell with the seed
(after removing the line breaks that wrapping put inside cells). Merged cells are expected where
camelot puts them: with ``copy_text=["h", "v"]`` the merged area repeats its text, without it the
text sits in the top-left cell only, which is how the seed prints it. A grid line that no row on
the page draws cannot be seen, so seed columns (or rows) that are merged on every row of a page
are compared as one. Slow (camelot renders every page): run it by hand after changing the
typesetting, not in the test suite::

    python -m reference.check_extraction [PDF] [--engine combined|raster|vector] [--line-scale N]

With camelot 2.0's default engine ("combined": raster plus the PDF's vector rules) and with
"vector" every page is exact. The "raster" engine alone, at the default line_scale=15, misses
rules shorter than 1/15 of the page (the one-row verticals of the 三公 table, the whole
政府性基金 table, the first row of the 整体 performance form); line_scale=40 sees them.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from pathlib import Path

from reference.grid import PageRows, paginate
from reference.layouts import layout_for
from reference.seed_text import load_seed
from reference.typeset import DEFAULT_OUTPUT, typeset


def expected_cells(page: PageRows, copy_text: bool) -> list[list[str]]:
    """The grid camelot should return for one printed page of a seed table."""
    grid = [list(row) for row in page.rows]
    if copy_text:
        for span in page.spans:
            text = grid[span.row][span.col]
            for r in range(span.row, span.row + span.rowspan):
                for c in range(span.col, span.col + span.colspan):
                    grid[r][c] = text
    n_rows, n_cols = len(grid), len(grid[0])
    col_kept = [True] + [_boundary_drawn(page, b, vertical=True) for b in range(1, n_cols)]
    row_kept = [True] + [_boundary_drawn(page, b, vertical=False) for b in range(1, n_rows)]
    return [[grid[r][c] for c in range(n_cols) if col_kept[c]] for r in range(n_rows) if row_kept[r]]


def _boundary_drawn(page: PageRows, index: int, vertical: bool) -> bool:
    """Whether the rule before column (or row) index is drawn anywhere on the page."""
    other = len(page.rows[0]) if not vertical else len(page.rows)
    for k in range(other):
        inside = False
        for s in page.spans:
            lo, hi = (s.col, s.col + s.colspan) if vertical else (s.row, s.row + s.rowspan)
            a, b = (s.row, s.row + s.rowspan) if vertical else (s.col, s.col + s.colspan)
            if a <= k < b and lo < index < hi:
                inside = True
                break
        if not inside:
            return True
    return False


def check(pdf: Path, engine: str, line_scale: int = 15) -> int:
    """Compare every table page; print one line per page and return the number that differ."""
    import camelot  # heavy; only this checker needs it

    seed = load_seed()
    with tempfile.TemporaryDirectory() as tmp:
        placements = {(p.table, p.part): p.page for p in typeset(Path(tmp) / "layout.pdf", seed)}
    failures = 0
    for copy_text in (True, False):
        print(f"== engine={engine} line_scale={line_scale} copy_text={['h', 'v'] if copy_text else None}")
        for index, table in enumerate(seed.tables):
            layout = layout_for(table.title, table.columns)
            for part, page in enumerate(paginate(table, layout), start=1):
                number = placements[(index, part)]
                kwargs: dict = {"line_scale": line_scale}
                if copy_text:
                    kwargs["copy_text"] = ["h", "v"]
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    found = camelot.read_pdf(str(pdf), pages=str(number), flavor="lattice", engine=engine, **kwargs)
                want = expected_cells(page, copy_text)
                if len(found) != 1:
                    verdict = f"{len(found)} tables found"
                else:
                    got = [[str(v).replace("\n", "") for v in row] for row in found[0].df.values.tolist()]
                    diffs = [
                        (r, c, want[r][c], got[r][c])
                        for r in range(min(len(want), len(got)))
                        for c in range(min(len(want[0]), len(got[0])))
                        if want[r][c] != got[r][c]
                    ]
                    shape = (len(got), len(got[0]) if got else 0)
                    verdict = "exact" if shape == (len(want), len(want[0])) and not diffs else f"{shape}: {diffs[:5]}"
                failures += verdict != "exact"
                name = table.title or "(headerless fragment)"
                print(f"  page {number:>2} {name} [{part}] {len(want)}x{len(want[0])}: {verdict}")
    return failures


def main(argv: list[str] | None = None) -> int:
    """Command line; exit status 1 when any page differs."""
    parser = argparse.ArgumentParser(prog="python -m reference.check_extraction")
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--engine", default="combined", choices=("combined", "raster", "vector"))
    parser.add_argument(
        "--line-scale",
        type=int,
        default=15,
        help="camelot's line_scale; the raster engine needs about 40 to see the one-row rules of small tables",
    )
    args = parser.parse_args(argv)
    failures = check(args.pdf, args.engine, args.line_scale)
    print(f"{failures} page(s) differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
