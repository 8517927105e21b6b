"""``performance_indicators``: the rows of 绩效目标表 forms, department-wide and per project.

These tables are forms: label/value cells on top (项目名称, 部门名称 …), then an indicator
grid whose own header row (一级指标, 二级指标, 三级指标 …) is found by its text, because
its position and column order differ between the department and the project form.
"""

import re
import unicodedata

from pipeline.catalogue.matching import assign_column_roles
from pipeline.catalogue.table_kinds import KINDS_BY_ID, ColumnRole
from pipeline.contract.datasets import PERFORMANCE_INDICATORS
from pipeline.extraction.tables import DocumentTable, SourceRow
from pipeline.inspection.document import DocumentInfo
from pipeline.normalization.records import Collector, Normalized
from pipeline.parsing.cell_text import fold_for_matching

_REQUIRED_FIELDS = {"level1", "level2", "level3"}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_CODED_NAME = re.compile(r"^([0-9A-Za-z]+)[-－—](.+)$")
_COMBINED_TARGET = re.compile(r"^(?P<operator>[≥≤=<>]|>=|<=)?(?P<number>-?\d+(?:\.\d+)?)(?:\((?P<unit>[^()]*)\))?$")
"""A target printed with its comparison and unit in one cell, as Shanghai's forms do: ``≥13459.00(平方米)``."""
_SCOPES = {"department_performance_targets": "department", "project_performance_targets": "project"}


def normalize_performance_indicators(tables: list[DocumentTable], document: DocumentInfo) -> Normalized:
    """Every indicator of the document's performance-target forms, with the issues met."""
    collector = Collector(PERFORMANCE_INDICATORS, document)
    for table in tables:
        kind = KINDS_BY_ID.get(table.kind or "")
        if kind is None or kind.dataset != "performance_indicators":
            continue
        header_at = _indicator_header(table.rows, kind.columns)
        if header_at is None:
            collector.add_issue("indicator_header", "no indicator header row (一级指标/二级指标/三级指标) found", table)
            continue
        fields = {
            role.key: position
            for position, role in assign_column_roles(
                [fold_for_matching(cell) for cell in table.rows[header_at].cells], kind.columns
            ).items()
        }
        subject = _form_value(table.rows[:header_at], kind.form_fields)
        project_code, project_name = (
            _split_coded_name(subject) if kind.id == "project_performance_targets" else (None, None)
        )
        for row in table.rows[header_at + 1 :]:
            values = {key: row.cells[position] for key, position in fields.items() if position < len(row.cells)}
            if not values.get("level3"):
                continue
            if not values.get("level1"):
                collector.add_issue("indicator", "indicator row without 一级指标", table, row)
                continue
            target = values.get("target_value", "")
            combined = _COMBINED_TARGET.match(unicodedata.normalize("NFKC", target).replace(" ", ""))
            collector.add_row(
                table,
                row,
                scope=_SCOPES[kind.id],
                project_code=project_code,
                project_name=project_name,
                level1=values["level1"],
                level2=values.get("level2") or None,
                level3=values["level3"],
                operator=_operator(
                    values.get("operator", "") or (combined.group("operator") if combined else "") or ""
                ),
                target_value=target or None,
                target_number=_number(combined.group("number") if combined else target),
                unit=values.get("unit") or (combined.group("unit") if combined else None) or None,
                weight=_number(values.get("weight", "")),
                is_core={"是": True, "否": False}.get(values.get("is_core", "")),
            )
    return collector.result()


def _indicator_header(rows: tuple[SourceRow, ...], columns: tuple[ColumnRole, ...]) -> int | None:
    for index, row in enumerate(rows):
        found = assign_column_roles([fold_for_matching(cell) for cell in row.cells], columns)
        if _REQUIRED_FIELDS <= {role.key for role in found.values()}:
            return index
    return None


def _form_value(rows: tuple[SourceRow, ...], fields: tuple[ColumnRole, ...]) -> str | None:
    """The value printed right of the first form label found (merged value cells repeat it)."""
    for row in rows:
        for position, cell in enumerate(row.cells):
            folded = fold_for_matching(cell)
            if any(re.search(pattern, folded) for field in fields for pattern in field.patterns):
                following = [value for value in row.cells[position + 1 :] if value and value != cell]
                return following[0] if following else None
    return None


def _split_coded_name(text: str | None) -> tuple[str | None, str | None]:
    """``50010922T000000095557-清扫保洁服务外包`` -> (project code, project name)."""
    if not text:
        return None, None
    match = _CODED_NAME.match(text)
    return (match.group(1), match.group(2)) if match else (None, text)


def _operator(text: str) -> str | None:
    """The comparison as printed, with full-width forms folded (＞＝ and >= become ≥)."""
    folded = unicodedata.normalize("NFKC", text).replace(" ", "")
    return {">=": "≥", "<=": "≤", "＝": "="}.get(folded, folded) or None


def _number(text: str) -> float | None:
    folded = unicodedata.normalize("NFKC", text).replace(",", "").strip()
    return float(folded) if _NUMBER.match(folded) else None
