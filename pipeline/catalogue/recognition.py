"""Deciding a table's kind from every signal it carries, and saying how sure the decision is.

A title alone misleads: Shenzhen prints ``一般公共预算支出表（按经济分类）`` beside
``…（按功能分类）``, Xi'an ``…基本支出明细表（按支出功能分类科目）``, Beijing numbers its tables
``预算05表`` inside the grid, Chongqing and Guangzhou end them in ``情况表``. So a title is first
brought to a canonical form (numbering, ``情况``/``明细`` and unrelated parentheticals removed,
a classification qualifier kept as ``(功能分类)`` or ``(经济分类)``), the catalogue's patterns name
the kinds it can be, and then what the table holds speaks: the classification of the codes in
its body (2xx function, 3xx/5xx economic) and the classification its header names. Evidence that
contradicts the title's kind re-reads the title with the classification the body shows, which
is how an economic table under a generic title finds its kind.

Each decision is a ``Recognition``: the kind (or None), how it was reached, a confidence, and
the evidence in words, which ``tables`` publishes. Ambiguity is reported, never settled by the
order of the catalogue: two kinds that match one title are both listed and neither is chosen.
"""

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.catalogue.table_kinds import CLASSIFICATION_WORDS, TABLE_KINDS, TableKind
from pipeline.parsing.cell_text import fold_for_matching

MAX_TITLE_LENGTH = 80
"""Longer lines are sentences of the narrative, even when they name a table."""

_NUMBERING = re.compile(
    r"^(预算|公开|附)?(表([0-9]{1,3}(-[0-9]{1,2})?|[二三四五六七八九十]?[一二三四五六七八九十](?!般))"
    r"|([0-9]{1,3}|[一二三四五六七八九十]{1,3})表)[:.、]?"
)
"""Table numbering printed before a title: 预算01表, 预算表12, 公开表3, 表一, 表1-1, 附表2."""
_QUALIFIER = re.compile(r"\(按?(支出)?(?P<word>功能|经济)(分类)?(科目)?([-－—][^()]*)?\)$")
"""A classification qualifier after a title: （按功能分类科目）, （按支出经济分类科目）, （经济科目）, and
with what the table leaves out: （按支出功能分类科目-不含上年结转）."""
_TRAILING_PARENTHETICAL = re.compile(r"\([^()]*\)$")
_SUFFIXES = ((re.compile(r"总体情况表$"), "总表"), (re.compile(r"(情况|明细)表$"), "表"))
"""Wordings that say nothing about the kind: 收支总体情况表 is a 收支总表, 支出情况表 a 支出表."""
_UNIT_TEXT = re.compile(r"(金额)?单位[:：]?(元|千元|万元|亿元)$")
_BODY_CODE = re.compile(r"^\[?(?P<code>\d{3}(\d{2}){0,2})\]?(?![\d.,])")
MIN_BODY_CODES = 3
"""Fewer printed codes than this say nothing about a table's classification."""
BODY_MAJORITY = 0.8
"""Share of its codes one classification must hold for the body to speak for it."""


@dataclass(frozen=True)
class Recognition:
    """How a table's kind was decided.

    ``method`` lists the signals that decided it (``title``, ``qualifier``, ``header``, ``body``),
    joined with ``+``; ``none`` when no kind was chosen. ``confidence`` is 0 for no kind, 0.5 for
    a title its content contradicts, 0.8 for a title alone, and rises with every signal that
    agrees. ``candidates`` are the kinds the title could name, for an ambiguous one.
    """

    kind: str | None
    method: str
    confidence: float
    evidence: tuple[str, ...]
    candidates: tuple[str, ...] = ()


def canonical_title(line: str) -> str:
    """The title as the catalogue's patterns read it: folded, numbering and filler removed,
    a classification qualifier normalised to ``(功能分类)`` or ``(经济分类)``."""
    folded = _NUMBERING.sub("", fold_for_matching(line))
    folded = _UNIT_TEXT.sub("", folded)
    qualifier = _QUALIFIER.search(folded)
    suffix = ""
    if qualifier is not None:
        suffix = f"({qualifier.group('word')}分类)"
        folded = folded[: qualifier.start()]
    folded = _TRAILING_PARENTHETICAL.sub("", folded)
    for pattern, replacement in _SUFFIXES:
        folded = pattern.sub(replacement, folded)
    return folded + suffix


def title_candidates(line: str) -> tuple[TableKind, ...]:
    """Every catalogue kind a printed line can be the title of (empty for any other line)."""
    if len(fold_for_matching(line)) > MAX_TITLE_LENGTH:
        return ()
    return _kinds_for(canonical_title(line))


def _kinds_for(canonical: str) -> tuple[TableKind, ...]:
    """Kinds whose patterns match the canonical title; a qualifier must agree with a kind's classification.

    A pattern may name the qualifier itself (the economic variant of the general-budget table is
    ``…支出表(经济分类)``); otherwise it is matched on the title without it, and the qualifier must
    be the kind's own classification.
    """
    qualifier = _QUALIFIER.search(canonical)
    bare = canonical[: qualifier.start()] if qualifier else canonical
    said = CLASSIFICATION_WORDS[qualifier.group("word")] if qualifier else None
    found = []
    for kind in TABLE_KINDS:
        if any(re.search(pattern, canonical) for pattern in kind.titles) or (
            (said is None or said == kind.classification) and any(re.search(pattern, bare) for pattern in kind.titles)
        ):
            found.append(kind)
    return tuple(found)


def body_classification(rows: list[tuple[str, ...]]) -> tuple[str | None, str]:
    """The classification the body's codes belong to, and the count that says so.

    A code is a leading 3, 5 or 7 digit number of a cell, bracketed or not (``[2010501]行政运行``);
    2xx codes are functions, 3xx and 5xx economic. Other numbers (6-digit budget-unit codes,
    revenue codes 1xx) are not counted.
    """
    counts: Counter[str] = Counter()
    for cells in rows:
        for cell in cells[:4]:
            match = _BODY_CODE.match(cell.strip())
            if match is None:
                continue
            first = match.group("code")[0]
            if first == "2":
                counts["function"] += 1
            elif first in "35":
                counts["economic"] += 1
            break
    total = sum(counts.values())
    if total < MIN_BODY_CODES:
        return None, f"{total} classification codes in the body"
    classification, count = counts.most_common(1)[0]
    summary = ", ".join(f"{count} {name}" for name, count in sorted(counts.items()))
    if count / total < BODY_MAJORITY:
        return None, f"body codes mixed: {summary}"
    return classification, f"body codes: {summary}"


def header_classification(labels: list[str]) -> str | None:
    """The classification the header names (功能分类科目, 经济分类科目), when it names exactly one."""
    named = {CLASSIFICATION_WORDS[word] for label in labels for word in CLASSIFICATION_WORDS if word + "分类" in label}
    named |= {CLASSIFICATION_WORDS[word] for label in labels for word in CLASSIFICATION_WORDS if word + "科目" in label}
    return named.pop() if len(named) == 1 else None


def recognise(title: str, labels: list[str], rows: list[tuple[str, ...]]) -> Recognition:
    """Decide the kind of a table from its printed title, header labels and body rows."""
    if not title:
        body, counted = body_classification(rows)
        return Recognition(None, "none", 0.0, ("no title printed", counted))
    canonical = canonical_title(title)
    candidates = _kinds_for(canonical)
    evidence = [f"title {canonical!r}"]
    if not candidates:
        return Recognition(None, "none", 0.0, (*evidence, "no catalogue kind has this title"))
    body, counted = body_classification(rows)
    header = header_classification(labels)
    evidence.append(counted)
    if header is not None:
        evidence.append(f"header names the {header} classification")
    said = body or header
    agreeing = [kind for kind in candidates if said is None or kind.classification in (said, "none")]
    if not agreeing and said is not None:
        reread = _kinds_for(_QUALIFIER.sub("", canonical) + f"({_WORDS[said]}分类)")
        if len(reread) == 1:
            kind = reread[0]
            evidence.append(f"title names {', '.join(k.id for k in candidates)}; content says {said}: {kind.id}")
            return Recognition(
                kind.id,
                _method("title", _QUALIFIER.search(canonical) is not None, body, header, kind),
                0.85,
                tuple(evidence),
            )
        evidence.append(f"content says {said}, which no kind of this title is")
        return Recognition(candidates[0].id if len(candidates) == 1 else None, "title", 0.5, tuple(evidence))
    if len(agreeing) > 1:
        names = tuple(kind.id for kind in agreeing)
        return Recognition(None, "none", 0.0, (*evidence, f"ambiguous: {', '.join(names)}"), names)
    kind = agreeing[0]
    method = _method("title", _QUALIFIER.search(canonical) is not None, body, header, kind)
    confidence = 0.8 + 0.1 * (body == kind.classification) + 0.05 * (header == kind.classification)
    if _QUALIFIER.search(canonical):
        confidence += 0.04
    return Recognition(kind.id, method, round(min(confidence, 0.99), 2), tuple(evidence))


_WORDS = {classification: word for word, classification in CLASSIFICATION_WORDS.items()}


def _method(first: str, qualified: bool, body: str | None, header: str | None, kind: TableKind) -> str:
    signals = [first]
    if qualified:
        signals.append("qualifier")
    if header is not None and header == kind.classification:
        signals.append("header")
    if body is not None and body == kind.classification:
        signals.append("body")
    return "+".join(signals)
