"""Facts a document states about itself: department, year, budget or final accounts."""

import re
from dataclasses import dataclass

from pipeline.inspection.page_text import PageText
from pipeline.parsing.cell_text import fold_for_matching

_TITLE = re.compile(r"^(?P<department>.*?)(?P<year>20\d{2})年度?(?:部门|单位)?(?P<kind>预算|决算)")
_SCAN_PAGES = 3


@dataclass(frozen=True)
class DocumentFacts:
    department: str | None
    year: int | None
    disclosure_kind: str | None


def read_document_facts(pages: list[PageText]) -> DocumentFacts:
    """Read the disclosure's own title line (``…办事处2023年部门预算情况说明``) on its first pages.

    The department is what precedes the year, when anything does; a title that starts with the
    year leaves the department unknown rather than guessed.
    """
    for page in pages[:_SCAN_PAGES]:
        for line in page.lines:
            match = _TITLE.match(fold_for_matching(line.text))
            if match:
                return DocumentFacts(
                    department=match.group("department") or None,
                    year=int(match.group("year")),
                    disclosure_kind="budget" if match.group("kind") == "预算" else "final_accounts",
                )
    return DocumentFacts(None, None, None)
