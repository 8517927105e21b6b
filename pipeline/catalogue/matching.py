"""Recognising catalogue entries in printed text: table titles and column header labels."""

import re
from dataclasses import dataclass

from pipeline.catalogue.recognition import title_candidates
from pipeline.catalogue.table_kinds import (
    EMPTY_TABLE_NOTICES,
    FINAL_ACCOUNTS_TITLE,
    PREVIOUS_YEAR_STAGE,
    STAGES,
    TOTAL_LABELS,
    ColumnRole,
    TableKind,
)
from pipeline.parsing.cell_text import fold_for_matching

HEADER_JOINER = "/"
_LEADING_YEAR = re.compile(r"^((?P<year>20\d{2})年|(?P<relative>上|本|当)年)(度)?(预算数?|预算执行数)?")


@dataclass(frozen=True)
class Column:
    """What one printed amount or label column means: its role, and for amounts, its budget stage."""

    position: int
    role: ColumnRole
    stage: str
    label: str


def match_title(line: str) -> TableKind | None:
    """The one table kind a printed line is the title of; None for any other line, or an ambiguous one."""
    candidates = title_candidates(line)
    return candidates[0] if len(candidates) == 1 else None


def is_title(line: str) -> bool:
    """Whether a printed line names at least one catalogue kind (it may name several)."""
    return bool(title_candidates(line))


def is_final_accounts_title(title: str) -> bool:
    return re.search(FINAL_ACCOUNTS_TITLE, fold_for_matching(title)) is not None


def header_labels(header_rows: list[list[str]]) -> list[str]:
    """One label per column from a multi-row header whose merged cells were copied into each span.

    Each column's texts from top to bottom, consecutive repeats (vertical merges) and blanks
    dropped, joined with ``/``.
    """
    width = max((len(row) for row in header_rows), default=0)
    labels = []
    for column in range(width):
        parts: list[str] = []
        for row in header_rows:
            text = fold_for_matching(row[column]) if column < len(row) else ""
            if text and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append(HEADER_JOINER.join(parts))
    return labels


def assign_column_roles(labels: list[str], roles: tuple[ColumnRole, ...]) -> dict[int, ColumnRole]:
    """Map column positions to roles by their header labels, each role used at most once."""
    return {column.position: column.role for column in read_columns(labels, roles, final_accounts=False)}


def read_columns(labels: list[str], roles: tuple[ColumnRole, ...], final_accounts: bool) -> list[Column]:
    """The meaning of each column, from its header label.

    Roles are tried in catalogue order and each role's patterns in order, so a more specific
    role or pattern claims its column first; of several columns matching one pattern the
    leftmost wins, as the printed order puts the main column first. In final accounts a
    trailing stage (…/预算数, …/决算数) is read off the label first, and a role is used once
    per stage.
    """
    staged = [_split_stage(label) for label in labels] if final_accounts else _year_stages(labels)
    taken: dict[int, Column] = {}
    used: set[tuple[str, str]] = set()
    for role in roles:
        for pattern in role.patterns:
            for position, (label, stage) in enumerate(staged):
                if position in taken or not label or (role.key, stage) in used:
                    continue
                if re.search(pattern, label):
                    taken[position] = Column(position, role, stage, labels[position])
                    used.add((role.key, stage))
    return [taken[position] for position in sorted(taken)]


def _year_stages(labels: list[str]) -> list[tuple[str, str]]:
    """(label without its year, stage) for a budget's columns: a column headed by an earlier year
    than the latest one the header names is last year's budget, printed for comparison.

    Chongqing prints ``2025年预算数`` beside ``2026年预算数/总计 …``: the first is last year's total;
    Xi'an heads its 三公 columns ``上年/…`` and ``本年/…`` or ``当年/…``. A label that is only a year and 预算数 is
    that year's total.
    """
    matches = [_LEADING_YEAR.match(label) for label in labels]
    latest = max((match.group("year") for match in matches if match and match.group("year")), default=None)
    staged = []
    for label, match in zip(labels, matches, strict=True):
        if match is None:
            staged.append((label, "budget"))
            continue
        rest = label[match.end() :].lstrip(HEADER_JOINER)
        earlier = match.group("relative") == "上" or (match.group("year") or latest) != latest
        staged.append((rest or "合计", PREVIOUS_YEAR_STAGE if earlier else "budget"))
    return staged


def _split_stage(label: str) -> tuple[str, str]:
    """(label without its stage part, stage) for a final-accounts column label.

    A column whose whole label is a stage (决算数) is the table's one amount column: its total.
    """
    parts = label.split(HEADER_JOINER)
    for stage in STAGES:
        if any(re.search(pattern, parts[-1]) for pattern in stage.patterns):
            rest = HEADER_JOINER.join(parts[:-1])
            return (rest or "合计"), stage.key
    return label, "final"


def is_total_label(text: str) -> bool:
    """Whether a row label marks a total (合计, 总计, 支出合计, 人员经费合计…) rather than a classification line."""
    folded = fold_for_matching(text)
    return folded in TOTAL_LABELS or folded.endswith(("合计", "总计"))


def is_empty_table_notice(text: str) -> bool:
    """Whether a text says that its table is printed empty (此表为空, 本表无数据…)."""
    return any(re.search(pattern, fold_for_matching(text)) for pattern in EMPTY_TABLE_NOTICES)
