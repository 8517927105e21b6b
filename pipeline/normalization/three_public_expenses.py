"""``three_public_expenses``: the 三公经费 table, one row per printed item.

Most templates print one row of amounts under a two- or three-row merged header; which amount
is which item is read from the rebuilt column labels (公务用车购置及运行费/小计 is the vehicle
total, 公务用车购置费 its purchase part), not from column positions. Guangzhou turns the table
round: one row per item (``项目 | 合计 | 一般公共预算 | …``), so when the header names no item,
each row's label is matched against the same item patterns and the amount read from its 合计.
"""

import re

from pipeline.catalogue.matching import Column, is_final_accounts_title, read_columns
from pipeline.catalogue.table_kinds import KINDS_BY_ID
from pipeline.contract.datasets import THREE_PUBLIC_EXPENSES
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.amounts import is_amount
from pipeline.parsing.cell_text import fold_for_matching


def normalize_three_public_expenses(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """The document's 三公 amounts, with the issues met."""
    collector = Collector(THREE_PUBLIC_EXPENSES, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "three_public_expenses":
            continue
        items = read_columns(list(table.labels), kind.columns, is_final_accounts_title(table.title))
        if len(items) < MIN_ITEM_COLUMNS and _add_item_rows(collector, table, kind.columns):
            continue
        if not items:
            collector.add_issue("column_roles", f"no 三公 item recognised in header {table.labels}", table)
            continue
        if collector.lacks_unit(table):
            continue
        for row in table.rows:
            if not any(is_amount(cell) for cell in row.cells):
                continue
            for column in items:
                collector.add_amount(table, row, column, item=column.role.key, item_printed=column.label)
    return collector.result()


MIN_ITEM_COLUMNS = 2
"""A header naming fewer items than this is not a row of items: the items may be the rows."""
_AMOUNT_COLUMN = re.compile(r"^(合计|小计|金额|预算数?)$")


def _add_item_rows(collector: Collector, table: DocumentTable, roles: tuple) -> bool:
    """Read a table that prints one item per row; False when its rows name fewer than two items."""
    amount = next((position for position, label in enumerate(table.labels) if _AMOUNT_COLUMN.match(label)), None)
    if amount is None:
        return False
    matched = []
    for row in table.rows:
        label = next((cell for cell in row.cells[:amount] if cell and not is_amount(cell)), "")
        role = next(
            (role for role in roles if any(re.search(p, fold_for_matching(label)) for p in role.patterns)), None
        )
        if role is not None:
            matched.append((row, role, label))
    if len({role.key for _, role, _ in matched}) < MIN_ITEM_COLUMNS or collector.lacks_unit(table):
        return False
    for row, role, label in matched:
        column = Column(amount, role, "budget", table.labels[amount])
        collector.add_amount(table, row, column, item=role.key, item_printed=label)
    return True
