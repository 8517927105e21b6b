"""The classification code list (政府收支分类科目), kept as data in ``classification/``.

Disclosures print codes and names of two classifications: 支出功能分类 (function: 201 / 20101 / 2010101) and
支出经济分类 (economic: 部门预算 301 / 30101 and 政府预算 501 / 50101). Printed tables misspell names, wrap them, drop
codes (tables that print names only) and misprint code parts. Checking what is printed against one list of standard
codes and names lets the pipeline tell a printing variant from a different item, fill a code from its name under a
known parent, and repair a misprinted code from its context.

The list is built from the real disclosures of the corpus, each row with its source document and page:
``classification/SOURCES.md`` says which, for which year, and what is missing. This module only reads it; it needs
neither pandas nor dagster.
"""

import csv
import functools
import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Literal

from pipeline.parsing.cell_text import fold_for_matching

Classification = Literal["function", "economic"]
CLASSIFICATIONS: tuple[Classification, ...] = ("function", "economic")
SCHEMES = ("department", "government")
"""Economic schemes: 部门预算支出经济分类 (30x/31x/399) and 政府预算支出经济分类 (50x)."""

_DATA_DIR = "classification"
_FILES: dict[Classification, str] = {"function": "function_codes.csv", "economic": "economic_codes.csv"}
_BRACKETS = str.maketrans({"[": "(", "]": ")", "【": "(", "】": ")", "〔": "(", "〕": ")", "［": "(", "］": ")"})


def fold_name(text: str) -> str:
    """Fold a printed name for comparison with a standard one.

    Builds on ``fold_for_matching`` (NFKC, which turns （） into (), straight quotes, no whitespace), since the same
    typographic variants occur in names as in titles: 政府办公厅(室) and 政府办公厅（室）, 维修(护)费 and 维修（护）费.
    Other bracket shapes count as parentheses too.
    """
    return fold_for_matching(text).translate(_BRACKETS)


@dataclass(frozen=True)
class ClassificationCode:
    """One entry of the list.

    ``level`` is 1 for a 类 (3 digits), 2 for a 款 (5) and 3 for a 项 (7); ``parent_code`` is the code one level up
    (None for a 类). ``scheme`` tells the two economic classifications apart ("department" or "government") and is
    None for function codes. ``source`` is ``<source id>#p<page>``, the document and page the name was read from
    (see ``classification/SOURCES.md``).
    """

    code: str
    name: str
    level: int
    parent_code: str | None
    classification: Classification
    scheme: str | None
    source: str


class CodeList:
    """Standard codes and names of both classifications, indexed for lookups by code and by name under a parent."""

    def __init__(self, codes: Iterable[ClassificationCode]) -> None:
        self._by_code: dict[tuple[Classification, str], ClassificationCode] = {}
        self._children: dict[tuple[Classification, str | None], list[ClassificationCode]] = defaultdict(list)
        for entry in codes:
            key = (entry.classification, entry.code)
            if key in self._by_code:
                raise ValueError(f"duplicate {entry.classification} code {entry.code}")
            self._by_code[key] = entry
            self._children[(entry.classification, entry.parent_code)].append(entry)

    def __len__(self) -> int:
        return len(self._by_code)

    def __iter__(self) -> Iterator[ClassificationCode]:
        return iter(self._by_code.values())

    def get(self, code: str, classification: Classification) -> ClassificationCode | None:
        """The entry for a code (surrounding whitespace ignored), None when the list does not hold it.

        None means "not in this list", which covers only codes printed in the corpus, not "not a valid code".
        """
        return self._by_code.get((classification, code.strip()))

    def standard_name(self, code: str, classification: Classification) -> str | None:
        """The name the list gives a code, as printed (full-width parentheses), or None for an unknown code."""
        entry = self.get(code, classification)
        return entry.name if entry else None

    def children(
        self, parent_code: str | None, classification: Classification, scheme: str | None = None
    ) -> list[ClassificationCode]:
        """The entries one level below ``parent_code``; the level-1 entries (类) when it is None."""
        found = self._children.get((classification, parent_code.strip() if parent_code else None), [])
        return [entry for entry in found if scheme is None or entry.scheme == scheme]

    def name_matches(self, code: str, printed_name: str, classification: Classification) -> bool:
        """Whether a printed name is the code's standard name up to typography (see ``fold_name``).

        False for a code the list does not hold: there is nothing to agree with.
        """
        name = self.standard_name(code, classification)
        return name is not None and fold_name(printed_name) == fold_name(name)

    def code_for_name(
        self,
        printed_name: str,
        parent_code: str | None,
        classification: Classification,
        scheme: str | None = None,
    ) -> str | None:
        """The code of the one child of ``parent_code`` (a 类 when it is None) whose standard name is printed_name.

        Fills the codes of tables that print names only: under 20101 人大事务, 行政运行 is 2010101. Names repeat
        across parents (行政运行 is under most 款), so the parent is required; at level 1 the two economic schemes
        share names (对个人和家庭的补助 is 303 and 509), which ``scheme`` can settle. None when no child or more than
        one child matches: an ambiguous name is not guessed.
        """
        folded = fold_name(printed_name)
        children = self.children(parent_code, classification, scheme)
        matches = [entry.code for entry in children if fold_name(entry.name) == folded]
        return matches[0] if len(matches) == 1 else None

    def repair(
        self, code: str, printed_name: str, parent_code: str | None, classification: Classification
    ) -> str | None:
        """The code a misprinted code stands for, read from its name and its parent; None when there is nothing to fix.

        When the printed code is not in the list but the printed name is the standard name of exactly one child of
        ``parent_code`` (2010180 行政运行 printed under 20101: 2010101), that child's code. None when the printed code
        is in the list (nothing to repair) or when the name does not single out one child.
        """
        if self.get(code, classification) is not None:
            return None
        return self.code_for_name(printed_name, parent_code, classification)


def _read(classification: Classification) -> Iterator[ClassificationCode]:
    text = resources.files(__package__).joinpath(_DATA_DIR).joinpath(_FILES[classification]).read_text(encoding="utf-8")
    for row in csv.DictReader(io.StringIO(text)):
        yield ClassificationCode(
            code=row["code"],
            name=row["name"],
            level=int(row["level"]),
            parent_code=row["parent_code"] or None,
            classification=classification,
            scheme=row.get("scheme") or None,
            source=row["source"],
        )


@functools.cache
def load_code_list() -> CodeList:
    """The code list of ``classification/``, read once per process (the files do not change while it runs)."""
    return CodeList(entry for classification in CLASSIFICATIONS for entry in _read(classification))
