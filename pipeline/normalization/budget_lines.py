"""``budget_lines``: one row per printed amount of every classification table.

Columns are found by their header text through the catalogue, never by position, so a
template that orders or names its columns differently needs only catalogue entries.
"""

from pipeline.catalogue.matching import assign_column_roles, is_total_label
from pipeline.catalogue.table_kinds import KINDS_BY_ID, ColumnRole
from pipeline.contract.datasets import BUDGET_LINES
from pipeline.extraction.tables import DocumentTable, SourceRow
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.codes import CodeError, code_level, parent_code, parse_code


def normalize_budget_lines(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """The document's classification-table amounts in long form, with the issues met."""
    collector = Collector(BUDGET_LINES, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "budget_lines" or not table.rows:
            continue
        roles = assign_column_roles(list(table.labels), kind.columns)
        measures = {position: role for position, role in roles.items() if role.role == "measure"}
        if not measures:
            collector.add_issue("column_roles", f"no amount column recognised in header {table.labels}", table)
            continue
        if collector.lacks_unit(table):
            continue
        positions = {role.role: position for position, role in roles.items()}
        for row in table.rows:
            _add_row(collector, table, row, positions, measures, kind.classification)
    return collector.result()


def _add_row(
    collector: Collector,
    table: DocumentTable,
    row: SourceRow,
    positions: dict[str, int],
    measures: dict[int, ColumnRole],
    classification: str,
) -> None:
    code_text = row.cells[positions["code"]] if "code" in positions else ""
    name = row.cells[positions["name"]] if "name" in positions else ""
    is_total = is_total_label(name) or is_total_label(code_text)
    code = None
    if code_text and not is_total:
        try:
            code = parse_code(code_text, classification)
        except CodeError as error:
            collector.add_issue("code", str(error), table, row, actual=code_text)
            return
    if is_total and name == "":
        name = code_text
    for position, role in measures.items():
        yuan = collector.yuan_at(table, row, position, role.key, code)
        if yuan is None:
            continue
        collector.add_row(
            table,
            row,
            classification=classification,
            code=code,
            code_level=code_level(code) if code else None,
            parent_code=parent_code(code) if code else None,
            name=name,
            measure=role.key,
            measure_printed=table.labels[position],
            amount_yuan=yuan,
            amount_printed=row.cells[position],
            unit_printed=table.unit,
            column_index=position + 1,
            is_total_row=is_total,
        )
