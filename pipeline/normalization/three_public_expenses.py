"""``three_public_expenses``: the 三公经费 table, one row per printed item.

The table is one row of amounts under a two- or three-row merged header; which amount is
which item is read from the rebuilt column labels (公务用车购置及运行费/小计 is the vehicle
total, 公务用车购置费 its purchase part), not from column positions.
"""

from pipeline.catalogue.matching import is_final_accounts_title, read_columns
from pipeline.catalogue.table_kinds import KINDS_BY_ID
from pipeline.contract.datasets import THREE_PUBLIC_EXPENSES
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.amounts import is_amount


def normalize_three_public_expenses(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """The document's 三公 amounts, with the issues met."""
    collector = Collector(THREE_PUBLIC_EXPENSES, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "three_public_expenses":
            continue
        items = read_columns(list(table.labels), kind.columns, is_final_accounts_title(table.title))
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
