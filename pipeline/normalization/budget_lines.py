"""``budget_lines``: one row per printed amount of every classification table.

Columns are found by their header text through the catalogue, never by position, so a
template that orders or names its columns differently needs only catalogue entries.
"""

import re
from dataclasses import dataclass

from pipeline.catalogue.code_list import load_code_list
from pipeline.catalogue.matching import Column, is_final_accounts_title, is_total_label, read_columns
from pipeline.catalogue.table_kinds import KINDS_BY_ID, ColumnRole
from pipeline.contract.datasets import BUDGET_LINES
from pipeline.extraction.tables import DocumentTable, SourceRow
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.amounts import is_amount, is_placeholder
from pipeline.parsing.codes import CodeError, code_level, join_code_parts, parent_code, parse_code

_CODE_PARTS = ("lei", "kuan", "xiang")


_FUSED_CODE = re.compile(r"^\[?(?P<code>\d{3}(\d{2}){0,2})\]?\s*(?P<name>[^\d\s.,].*)$")
"""A code printed in the name's cell: ``[2010501]行政运行`` (Guangzhou), ``2010501 行政运行``."""
_UNIT_CODE = re.compile(r"^\d{6}$")
"""A budget unit's code (``121001`` 西安市信访局): a row that starts the block of one unit."""
_LABELLED_CODE = re.compile(r"^(?P<code>\d{3,7})\s+(?P<name>\D.*)$")
"""A code and its name in the code cell: ``114 西安市人民政府办公厅`` (Xi'an's department and unit rows)."""
_CLASSIFICATION_PREFIXES = {"function": ("2",), "economic": ("3", "5")}


def _is_unit_code(code: str, classification: str) -> bool:
    """A budget unit's code rather than a classification code: six digits, or a code of the wrong class
    (Xi'an numbers its department 114 and its units 114001, beside function codes 2xx)."""
    if _UNIT_CODE.match(code):
        return True
    prefixes = _CLASSIFICATION_PREFIXES.get(classification)
    return bool(code) and code.isdigit() and prefixes is not None and not code.startswith(prefixes)


_BARE_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_CODE_PART = re.compile(r"^(\d{1,2}|类|款|项)$")
MIN_CODE_SHARE = 0.6
"""Share of a column's filled cells that must be codes for the column to be read as the code column."""


@dataclass
class _Layout:
    """Where a table keeps its codes, row labels, budget units and amounts."""

    code: int | None
    code_parts: dict[str, int]
    name: int | None
    amounts: list[Column]
    budget_unit: int | None = None


def normalize_budget_lines(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """The document's classification-table amounts in long form, with the issues met."""
    collector = Collector(BUDGET_LINES, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "budget_lines" or not table.rows:
            continue
        if kind.layout == "two_sided":
            _add_two_sided(collector, table, kind.columns)
            continue
        columns = read_columns(list(table.labels), kind.columns, is_final_accounts_title(table.title))
        layout = _code_column_by_content(
            table,
            _Layout(
                code=next((c.position for c in columns if c.role.role == "code"), None),
                code_parts={c.role.key: c.position for c in columns if c.role.role == "code_part"},
                name=next((c.position for c in columns if c.role.role == "name"), None),
                amounts=[c for c in columns if c.role.role == "measure"],
                budget_unit=next((c.position for c in columns if c.role.role == "budget_unit"), None),
            ),
        )
        if not layout.amounts:
            if table.has_amounts:
                for row in table.rows:
                    collector.add_issue(
                        "column_roles",
                        f"row not read: no amount column recognised in header {table.labels}",
                        table,
                        row,
                    )
            continue
        if collector.lacks_unit(table):
            continue
        positions = (layout.code, layout.name, layout.budget_unit, *layout.code_parts.values())
        collector.report_unread_columns(
            table, {position for position in positions if position is not None} | {c.position for c in layout.amounts}
        )
        carried: dict[str, str] = {}
        for row in table.rows:
            _add_row(collector, table, row, layout, kind.classification, carried)
    return collector.result()


def _split_code_columns(table: DocumentTable, layout: _Layout) -> _Layout:
    """类|款|项 columns under one merged 科目编码 header (sh_putuo_finance_2024_final's 收入决算表 prints
    ``201 | 06 | 01``): the code column's right neighbours with its label, holding 2-digit parts, are its 款 and 项."""
    code = layout.code
    if code is None:
        return layout
    following = [
        position
        for position in (code + 1, code + 2)
        if position < len(table.labels) and table.labels[position] == table.labels[code]
    ]
    parts = [row.cells[position] for row in table.rows for position in following if row.cells[position]]
    if not following or not parts or not all(_CODE_PART.match(part) for part in parts):
        return layout
    code_parts = dict(zip(_CODE_PARTS, (code, *following), strict=False))
    return _Layout(None, code_parts, layout.name, layout.amounts, layout.budget_unit)


def _code_column_by_content(table: DocumentTable, layout: _Layout) -> _Layout:
    """The code column found by what its cells hold, where the header does not name one.

    Xi'an heads its code and name columns with one merged label (功能科目编码功能科目名称), which
    reads as a name column: the column whose cells are mostly bare codes is the code column, and
    the name is the next column with the same label.
    """
    if layout.code is not None and not layout.code_parts:
        return _split_code_columns(table, layout)
    if layout.code is not None or layout.code_parts or layout.name is None:
        return layout
    cells = [row.cells[layout.name] for row in table.rows if row.cells[layout.name]]
    codes = sum(bool(_BARE_CODE.match(cell)) for cell in cells)
    following = layout.name + 1
    if (
        not cells
        or codes / len(cells) < MIN_CODE_SHARE
        or following >= len(table.labels)
        or table.labels[following] != table.labels[layout.name]
    ):
        return layout
    return _Layout(layout.name, {}, following, layout.amounts, layout.budget_unit)


def _add_two_sided(collector: Collector, table: DocumentTable, roles: tuple[ColumnRole, ...]) -> None:
    """Rows of a summary table: each side (收入, 支出, 支出用途) is a label column and its amounts.

    A side starts at each row-label column; the header above that column names the side.
    """
    final = is_final_accounts_title(table.title)
    labels = list(table.labels)
    names = [position for position, label in enumerate(labels) if _matches(label, roles, "name")]
    if not names or collector.lacks_unit(table):
        return
    measures = tuple(role for role in roles if role.role == "measure")
    for start, end in zip(names, [*names[1:], len(labels)], strict=True):
        section = next(
            (role.key for role in roles if role.role == "section" and _matches(labels[start], (role,), "section")), None
        )
        amounts = [
            Column(column.position + start + 1, column.role, column.stage, column.label)
            for column in read_columns(labels[start + 1 : end], measures, final)
        ]
        for row in table.rows:
            name = row.cells[start]
            if not name or is_placeholder(name):
                continue
            row_labels = {row.cells[position] for position in names}
            for column in amounts:
                if row.cells[column.position] in row_labels:
                    continue  # a label cell merged across its amount column, copied there by the span
                collector.add_amount(
                    table,
                    row,
                    column,
                    classification="none",
                    name=name,
                    section=section,
                    measure=column.role.key,
                    measure_printed=table.labels[column.position],
                    is_total_row=is_total_label(name),
                )


def _row_text(row: SourceRow, layout: _Layout) -> str:
    """The row's label when no name column holds one: its text cells outside the amount columns.

    Procurement tables label a row by several columns (采购品目大类 / 专项名称 / 采购物品名称);
    a row of amounts alone (the one-row 支出预算总表) has no label and is the table's total.
    """
    amount_positions = {column.position for column in layout.amounts}
    texts: list[str] = []
    for position, cell in enumerate(row.cells):
        if cell and position not in amount_positions and not is_amount(cell) and cell not in texts:
            texts.append(cell)
    return " / ".join(texts)


def _matches(label: str, roles: tuple[ColumnRole, ...], role: str) -> bool:
    return any(
        re.search(pattern, label) for candidate in roles if candidate.role == role for pattern in candidate.patterns
    )


_CODE_SUFFIX = re.compile(r"^\d{2}$")


def _expanded_suffix(suffix: str, name: str, classification: str, previous: str) -> str:
    """The full code of a 款 or 项 printed as its last two digits in the code column, under the codes above it.

    xian_emergency_2019_budget prints ``208`` 社会保障和就业支出, ``05`` 行政事业单位离退休, ``2080505`` …: the
    ``05`` is 款 20805. After a 款 the two digits may be one of its 项 as well; the code list decides where
    the printed name is the standard name of one reading, else where only one reading is a listed code,
    else the level below the previous code (a 项 after a 款, a 款 after a 类 or a 项). A suffix with no
    code above it stays as printed.
    """
    parents = [code for code in (previous[:3], previous[:5] if len(previous) >= 5 else "") if code]
    readings = [parent + suffix for parent in parents]
    if not readings or classification not in ("function", "economic"):
        return suffix
    codes = load_code_list()
    for known in (
        [code for code in readings if codes.name_matches(code, name, classification)],
        [code for code in readings if codes.get(code, classification) is not None],
    ):
        if len(known) == 1:
            return known[0]
    return readings[-1] if len(previous) == 5 else readings[0]


def _code_text(row: SourceRow, layout: _Layout, carried: dict[str, str]) -> str:
    """The row's printed code; codes split into 类/款/项 columns are joined into the full code.

    A 款 or 项 row that leaves its 类 (or 款) cell blank inherits it from the rows above.
    """
    if layout.code is not None:
        return "" if is_placeholder(row.cells[layout.code]) else row.cells[layout.code]
    if not layout.code_parts:
        return ""
    parts = {key: row.cells[position] for key, position in layout.code_parts.items()}
    printed = [key for key in _CODE_PARTS if parts.get(key)]
    if not printed:
        return ""
    deepest = _CODE_PARTS.index(printed[-1])
    for key in _CODE_PARTS[:deepest]:
        if parts.get(key):
            carried[key] = parts[key]
        else:
            parts[key] = carried.get(key, "")
    carried[printed[-1]] = parts[printed[-1]]
    return join_code_parts([parts.get(key, "") for key in _CODE_PARTS[: deepest + 1]])


_SPILLED = re.compile(r"^(?P<text>[^\d\-,.]*[\u4e00-\u9fff）)])\s?(?P<amount>-?\d[\d,]*(\.\d+)?)$")
"""An amount cell that starts with the end of the row's name: ``缴费支出43608.96`` or ``出 1090.22``
(xian_meteorology_2022_budget, whose long names overflow their cell into the next one in the text layer)."""


def _spilled_text_moved(collector: Collector, table: DocumentTable, row: SourceRow, layout: _Layout) -> SourceRow:
    """The row with text that spilled into its first amount cell moved back to the end of its name, with a warning."""
    if layout.name is None or not layout.amounts:
        return row
    first = min(column.position for column in layout.amounts)
    match = _SPILLED.match(row.cells[first])
    if match is None:
        return row
    cells = list(row.cells)
    cells[layout.name] += match.group("text")
    cells[first] = match.group("amount")
    collector.add_issue(
        "spilled_text",
        f"the name's end {match.group('text')!r} is printed in the first amount cell; read as part of the name",
        table,
        row,
        severity="warning",
        actual=row.cells[first],
    )
    return SourceRow(row.page, row.row_index, tuple(cells))


def _merged_amounts_split(collector: Collector, table: DocumentTable, row: SourceRow, layout: _Layout) -> SourceRow:
    """A row whose amount columns are one merged cell, printing one amount per column, read column by column.

    guangzhou_sasac_2026_budget continues its function table on p13 with one row (2210203 购房补贴) whose
    grid has no column rules: the cell over 小计 | 基本支出 | 项目支出 reads ``1,493.12 1,493.12 0.00``. When
    the merged cell prints exactly as many amounts as the columns it covers, in order, each is its column's;
    a warning says the cells were split.
    """
    positions = sorted(column.position for column in layout.amounts)
    texts = {row.cells[position] for position in positions}
    if len(positions) < 2 or len(texts) != 1:
        return row
    parts = texts.pop().split()
    if len(parts) != len(positions) or not all(is_amount(part) for part in parts):
        return row
    cells = list(row.cells)
    for position, part in zip(positions, parts, strict=True):
        cells[position] = part
    collector.add_issue(
        "merged_amounts",
        f"one merged cell over {len(positions)} amount columns prints {len(parts)} amounts; read one per column",
        table,
        row,
        severity="warning",
        actual=" ".join(parts),
    )
    return SourceRow(row.page, row.row_index, tuple(cells))


def _add_row(
    collector: Collector,
    table: DocumentTable,
    row: SourceRow,
    layout: _Layout,
    classification: str,
    carried: dict[str, str],
) -> None:
    if not any(row.cells[column.position] for column in layout.amounts):
        return  # no amount printed (a repeated header row, a heading): nothing to publish or misread
    row = _spilled_text_moved(collector, table, _merged_amounts_split(collector, table, row, layout), layout)
    code_text = _code_text(row, layout, carried)
    name = row.cells[layout.name] if layout.name is not None else ""
    if not code_text and (fused := _FUSED_CODE.match(name)) is not None:
        code_text, name = fused.group("code"), fused.group("name").strip()
    if (labelled := _LABELLED_CODE.match(code_text)) is not None:
        code_text, name = labelled.group("code"), labelled.group("name")
    if _CODE_SUFFIX.match(code_text) and layout.code is not None:
        code_text = _expanded_suffix(code_text, name, classification, carried.get("code", ""))
    if layout.budget_unit is not None and row.cells[layout.budget_unit]:
        carried["budget_unit"] = row.cells[layout.budget_unit]
    if _is_unit_code(code_text, classification):
        carried["budget_unit"] = f"{code_text} {name}".strip()
        code_text, name = "", name or code_text
    if not name and not code_text:
        name = _row_text(row, layout)
    is_total = is_total_label(name) or is_total_label(code_text) or (not code_text and not name)
    unit_subtotal = not code_text and carried.get("budget_unit", "").endswith(name) and bool(name)
    code = None
    if code_text and not is_total:
        try:
            code = parse_code(code_text, classification)
        except CodeError as error:
            collector.add_issue("code", str(error), table, row, actual=code_text)
            return
    if is_total and not name and is_total_label(code_text):
        name = code_text
    if code:
        carried["code"] = code
    for column in layout.amounts:
        collector.add_amount(
            table,
            row,
            column,
            classification=classification,
            budget_unit=carried.get("budget_unit"),
            code=code,
            code_level=code_level(code) if code else None,
            parent_code=parent_code(code) if code else None,
            name=name or None,
            standard_name=load_code_list().standard_name(code, classification) if code else None,
            measure=column.role.key,
            measure_printed=table.labels[column.position],
            is_total_row=is_total or unit_subtotal,
        )
