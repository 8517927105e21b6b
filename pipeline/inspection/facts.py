"""Facts a document states about itself: department, year, budget or final accounts.

Disclosures name themselves in many ways: ``江苏省委办公厅 2017 年度部门预算`` (department
first), ``2017年度江苏省高级人民法院部门预算公开`` (year first), a title broken over two lines
(``2018年度江苏省高级`` / ``人民法院预算公开``), a cover that names only the region
(``上海市普陀区2025年区级部门预算``) with the department on a label line
(``预算主管部门：上海市普陀区商务委员会``), or a shortened name on the cover and the full
one inside (``社会工作部`` / ``中共上海市普陀区委社会工作部``). Every way yields candidates;
the longest clean name wins, as shortened names are prefixes or suffixes of the full one.
"""

import re
from dataclasses import dataclass
from itertools import pairwise

from pipeline.catalogue.matching import is_title
from pipeline.inspection.page_text import PageText
from pipeline.parsing.cell_text import fold_for_matching

TITLE_PAGES = 2
"""Titles are read from the cover and the page after it; label lines from every page."""

_PART = r"(?:第[一二三四五六七八九十]+部分)?"
_DEPARTMENT_FIRST = re.compile(rf"^{_PART}(?P<department>.*?)(?P<year>20\d{{2}})年度?(?P<rest>.*(?:预算|决算|报告).*)$")
_YEAR_FIRST = re.compile(
    rf"^{_PART}(?P<year>20\d{{2}})年度?(?P<department>.+?)(?:部门|单位)?(?P<rest>(?:预算|决算).*)$"
)
_LABEL = re.compile(
    r"(?:(?:预算主管部门|预算单位|编制部门|编制单位|部门名称|部门)[:]|^部门名称)(?P<name>.+?)(?:单位[:].*)?$"
)
"""``部门：…`` label lines; Beijing's 部门整体支出绩效目标表 prints ``部门名称 北京市审计局`` in a cell without a colon."""
_NUMBERING = re.compile(r"^(?:.*第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|\d+[.、]|\d+[-－])")
_REGION_ONLY = re.compile(r"^.{1,8}?(省|自治区|市|区|县)(.{1,6}?(市|区|县))?$")
_PLACEHOLDER = re.compile(r"[X×＊*]{2}")
_OWN_UNIT = re.compile(r"\((本级|本部|汇总)\)$")
MIN_NAME = 4
MAX_NAME = 30
DEPARTMENT_ENDINGS = (
    "厅",
    "局",
    "院",
    "委员会",
    "委",
    "办公室",
    "办",
    "部",
    "处",
    "政府",
    "中心",
    "所",
    "站",
    "队",
    "署",
    "会",
    "馆",
    "社",
    "团",
)
"""How the names of Chinese government bodies end; anything else read as a name is prose."""
_PROSE = re.compile(r"[。，,、；;…．.:()]|部分|情况|预算|决算|报告|表")


@dataclass(frozen=True)
class DocumentFacts:
    department: str | None
    year: int | None
    disclosure_kind: str | None


def read_document_facts(pages: list[PageText]) -> DocumentFacts:
    """Department, year and kind (budget / final_accounts) as the document states them, None where it does not."""
    names: list[str] = []
    year = kind = None
    for page in pages[:TITLE_PAGES]:
        texts = [fold_for_matching(line.text) for line in page.lines]
        for text in texts + [first + second for first, second in pairwise(texts)]:
            for pattern in (_DEPARTMENT_FIRST, _YEAR_FIRST):
                match = pattern.match(text)
                if match is None:
                    continue
                names.append(match.group("department"))
                year = year or int(match.group("year"))
                kind = kind or _kind(match.group("rest"))
    for page in pages:
        for line in page.lines:
            match = _LABEL.search(fold_for_matching(line.text))
            if match:
                names.append(match.group("name"))
        if year is None or kind is None:
            year, kind = _from_table_titles(page, year, kind)
    cleaned = [name for name in map(_clean_name, names) if name]
    department = max(cleaned, key=len) if cleaned else None
    return DocumentFacts(department, year, kind)


def _from_table_titles(page: PageText, year: int | None, kind: str | None) -> tuple[int | None, str | None]:
    """Year and kind from the catalogue's table titles (``2017年政府采购预算表``), for documents
    without a title page of their own (the Jiangsu tables-only PDFs)."""
    for line in page.lines:
        if not is_title(line.text):
            continue
        folded = fold_for_matching(line.text)
        found = re.search(r"(20\d{2})年", folded)
        year = year or (int(found.group(1)) if found else None)
        kind = kind or _kind(folded) or "budget"
    return year, kind


def _kind(text: str) -> str | None:
    if "决算" in text:
        return "final_accounts"
    if "预算" in text:
        return "budget"
    return None


def _clean_name(name: str) -> str | None:
    """A department name without numbering, codes, (本级) or trailing noise; None if it is not one.

    Department names hold no Arabic digits, so a name is cut at its first digit (a stray
    ``2厅`` overprinted on js_cpc_office_2018_budget_text's cover). Region names alone
    (上海市普陀区) and template placeholders (上海市XX局) are not departments.
    """
    name = _NUMBERING.sub("", name)
    name = re.split(r"\d", name, maxsplit=1)[0]
    name = _OWN_UNIT.sub("", name).strip(" :-")  # 西安市信访局（汇总）: the department with its units
    if not MIN_NAME <= len(name) <= MAX_NAME or _PROSE.search(name) or not name.endswith(DEPARTMENT_ENDINGS):
        return None
    if _REGION_ONLY.match(name) or _PLACEHOLDER.search(name):
        return None
    return name


_REGION = re.compile(
    r"^(?:中共|中国共产党)?(?P<region>"
    r"(?:[^省市区县州盟旗]{2,8}?(?:省|自治区))?"
    r"(?:[^省市区县州盟旗]{2,8}?(?:市|自治州|州|盟))?"
    r"(?:[^省市区县州盟旗]{1,8}?(?:区|县|旗))?)"
)


def region_of(department: str | None) -> str | None:
    """The administrative region a department's name starts with (上海市普陀区财政局 → 上海市普陀区).

    Chinese department names lead with their province, city and district, so the name is where
    a disclosure says its region; None when the name starts with no place name.
    """
    if not department:
        return None
    return _REGION.match(department).group("region") or None
