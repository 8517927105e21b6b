"""Recognising catalogue entries in printed text: table titles and column header labels."""

import re
from dataclasses import dataclass

from pipeline.catalogue.table_kinds import (
    EMPTY_TABLE_NOTICES,
    FINAL_ACCOUNTS_TITLE,
    STAGES,
    TABLE_KINDS,
    TOTAL_LABELS,
    ColumnRole,
    TableKind,
)
from pipeline.parsing.cell_text import fold_for_matching

MAX_TITLE_LENGTH = 80
"""Longer lines are sentences of the narrative, even when they name a table."""

HEADER_JOINER = "/"
_TRAILING_PARENTHETICAL = re.compile(r"\([^()]*\)$")


@dataclass(frozen=True)
class Column:
    """What one printed amount or label column means: its role, and for amounts, its budget stage."""

    position: int
    role: ColumnRole
    stage: str
    label: str


def match_title(line: str) -> TableKind | None:
    """The table kind a printed line is the title of, or None for any other line."""
    folded = fold_for_matching(line)
    if len(folded) > MAX_TITLE_LENGTH:
        return None
    folded = _TRAILING_PARENTHETICAL.sub("", folded)
    for kind in TABLE_KINDS:
        if any(re.search(pattern, folded) for pattern in kind.titles):
            return kind
    return None


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
    staged = [_split_stage(label) if final_accounts else (label, "budget") for label in labels]
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
