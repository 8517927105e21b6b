"""``three_public_expenses``: the 三公经费 table, one row per printed item.

Most templates print one row of amounts under a two- or three-row merged header; which amount
is which item is read from the rebuilt column labels (公务用车购置及运行费/小计 is the vehicle
total, 公务用车购置费 its purchase part), not from column positions. Guangzhou turns the table
round: one row per item (``项目 | 合计 | 一般公共预算 | …``), so when the header names no item,
each row's label is matched against the same item patterns and the amount read from its 合计.
"""

import re

from pipeline.catalogue.matching import Column, is_final_accounts_title, read_columns
from pipeline.catalogue.table_kinds import KINDS_BY_ID, PREVIOUS_YEAR_STAGE
from pipeline.contract.datasets import THREE_PUBLIC_EXPENSES
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.amounts import is_amount
from pipeline.parsing.cell_text import fold_for_matching, row_label_core


def normalize_three_public_expenses(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """The document's 三公 amounts, with the issues met."""
    collector = Collector(THREE_PUBLIC_EXPENSES, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "three_public_expenses":
            continue
        labels = _general_budget_labels(collector, table)
        items = read_columns(labels, kind.columns, is_final_accounts_title(table.title))
        if len(items) < MIN_ITEM_COLUMNS and _add_item_rows(collector, table, kind.columns):
            continue
        if not items:
            collector.add_issue("column_roles", f"no 三公 item recognised in header {table.labels}", table)
            continue
        if collector.lacks_unit(table):
            continue
        other_funds = {position for position, label in enumerate(labels) if not label and table.labels[position]}
        collector.report_unread_columns(table, {column.position for column in items} | other_funds)
        stages = _row_stages(table)
        for row in table.rows:
            if not any(is_amount(cell) for cell in row.cells):
                continue
            stage = stages.get((row.page, row.row_index))
            if stage == _CHANGE:
                collector.add_issue(
                    "three_public_change_row",
                    "a row of changes on last year (增减) restates other rows: not published as items",
                    table,
                    row,
                    severity="warning",
                )
                continue
            for column in items:
                if stage is not None:
                    column = Column(column.position, column.role, stage, column.label)
                collector.add_amount(table, row, column, item=column.role.key, item_printed=column.label)
    return collector.result()


_FUND = re.compile(r"/(?P<fund>一般公共预算|政府性基金预算|国有资本经营预算)(拨款)?$")
_GENERAL_BUDGET = "一般公共预算"
_ROW_YEAR = re.compile(r"^(?P<year>20\d{2})年(度)?$")
_CHANGE_ROW = re.compile(r"^增减")
_CHANGE = "change"


def _general_budget_labels(collector: Collector, table: DocumentTable) -> list[str]:
    """The labels with each item's general-budget column read as the item, where a table splits every item
    by fund (Shenzhen: 因公出国(境)费/一般公共预算 | …/政府性基金预算 | …/国有资本经营预算).

    三公 spending is general-budget money; the other funds' columns are not read, and a warning says so
    when any of them prints a non-zero amount.
    """
    labels = list(table.labels)
    funds = [_FUND.search(label) for label in labels]
    if sum(match is not None for match in funds) < MIN_ITEM_COLUMNS:
        return labels
    unread = []
    for position, match in enumerate(funds):
        if match is None:
            continue
        if match.group("fund") == _GENERAL_BUDGET:
            labels[position] = labels[position][: match.start()]
        else:
            labels[position] = ""
            unread += [row.cells[position] for row in table.rows if _nonzero(row.cells[position])]
    if unread:
        collector.add_issue(
            "column_roles",
            f"三公 columns of other funds (政府性基金, 国有资本经营) print amounts that are not published: {unread}",
            table,
            severity="warning",
        )
    return labels


def _nonzero(cell: str) -> bool:
    return is_amount(cell) and cell.replace(",", "").replace(".", "").strip("0") != ""


def _row_stages(table: DocumentTable) -> dict[tuple[int, int], str]:
    """Stages of rows labelled by year (Shenzhen prints a 2025年 row, a 2026年 row and an 增减变化 row):
    the latest year is the budget, earlier years last year's, a change row is marked to be skipped."""
    labelled: dict[tuple[int, int], str] = {}
    years: dict[tuple[int, int], str] = {}
    for row in table.rows:
        for cell in row.cells:
            text = fold_for_matching(cell)
            if match := _ROW_YEAR.match(text):
                years[(row.page, row.row_index)] = match.group("year")
                break
            if _CHANGE_ROW.match(text):
                labelled[(row.page, row.row_index)] = _CHANGE
                break
    if not years:
        return labelled
    latest = max(years.values())
    for key, year in years.items():
        labelled[key] = "budget" if year == latest else PREVIOUS_YEAR_STAGE
    return labelled


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
        role = next((role for role in roles if any(re.search(p, row_label_core(label)) for p in role.patterns)), None)
        if role is not None:
            matched.append((row, role, label))
    if len({role.key for _, role, _ in matched}) < MIN_ITEM_COLUMNS or collector.lacks_unit(table):
        return False
    for row, role, label in matched:
        column = Column(amount, role, "budget", table.labels[amount])
        collector.add_amount(table, row, column, item=role.key, item_printed=label)
    return True
