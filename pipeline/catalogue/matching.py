"""Recognising catalogue entries in printed text: table titles and column header labels."""

import re

from pipeline.catalogue.table_kinds import (
    TABLE_KINDS,
    TOTAL_LABELS,
    ColumnRole,
    TableKind,
)
from pipeline.parsing.cell_text import fold_for_matching

MAX_TITLE_LENGTH = 80
"""Longer lines are sentences of the narrative, even when they name a table."""

HEADER_JOINER = "/"


def match_title(line: str) -> TableKind | None:
    """The table kind a printed line is the title of, or None for any other line."""
    folded = fold_for_matching(line)
    if len(folded) > MAX_TITLE_LENGTH:
        return None
    for kind in TABLE_KINDS:
        if any(re.search(pattern, folded) for pattern in kind.titles):
            return kind
    return None


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
    """Map column positions to roles by their header labels, each role used at most once.

    Roles are tried in catalogue order, so a more specific role (公务用车购置费) listed before a
    general one (合计) claims its column first; of several columns matching one role the
    leftmost wins, as the printed order puts the main column first.
    """
    assigned: dict[int, ColumnRole] = {}
    for role in roles:
        for position, label in enumerate(labels):
            if position in assigned or not label:
                continue
            if any(re.search(pattern, label) for pattern in role.patterns):
                assigned[position] = role
                break
    return dict(sorted(assigned.items()))


def is_total_label(text: str) -> bool:
    """Whether a row label marks a total (合计, 总计, 支出合计…) rather than a classification line."""
    return fold_for_matching(text) in TOTAL_LABELS
