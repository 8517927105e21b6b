"""The catalogue of standard table kinds: how each is titled, what its columns mean.

This is the one place where knowledge about disclosure templates lives. Supporting a new
region's wording means adding a pattern here, not a branch in the code.

Patterns are regular expressions searched in *folded* text (see
``pipeline.parsing.cell_text.fold_for_matching``: NFKC, straight quotes, no whitespace).
A column's header label is the texts of its header cells from top to bottom, merged cells
repeated, joined with ``/`` (e.g. ``2023年预算数/公务用车购置及运行费/小计``).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnRole:
    """A meaning a printed column can have, and the header labels that give it that meaning.

    ``role`` is one of: ``code`` (classification code), ``name`` (row label), ``measure``
    (an amount column; ``key`` is the published measure), ``item`` (a 三公 amount; ``key`` is the
    published item) or ``field`` (a performance-indicator attribute; ``key`` is the column name).
    """

    role: str
    key: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class TableKind:
    """One standard table of a disclosure.

    ``layout`` says how rows are read: ``grid`` (header rows, then one row per classification
    line), ``single_row`` (header rows, then one row of amounts, each column an item), or
    ``form`` (label/value cells, then an indicator grid).
    """

    id: str
    name_zh: str
    titles: tuple[str, ...]
    dataset: str | None
    classification: str
    layout: str
    columns: tuple[ColumnRole, ...] = ()
    form_fields: tuple[ColumnRole, ...] = ()


TOTAL_LABELS = ("合计", "总计", "小计", "本年支出合计", "支出合计", "收入合计")
"""Row labels that mark a total row rather than a classification line."""

_CODE = ColumnRole("code", "code", (r"(科目)?(编码|代码)$", r"^科目编码", r"分类科目编码"))
_NAME = ColumnRole("name", "name", (r"科目名称$", r"^项目(名称)?$", r"(功能|经济)分类科目$"))

_TOTAL = ColumnRole("measure", "total", (r"(^|/)(合计|总计)$",))
_BASIC = ColumnRole("measure", "basic", (r"基本支出$",))
_PROJECT = ColumnRole("measure", "project", (r"项目支出$",))

_SOURCE_MEASURES = (
    _TOTAL,
    ColumnRole("measure", "carried_forward", (r"上年结转",)),
    ColumnRole("measure", "general_budget", (r"一般公共预算",)),
    ColumnRole("measure", "government_fund", (r"政府性基金",)),
    ColumnRole("measure", "state_capital", (r"国有资本经营",)),
    ColumnRole("measure", "fiscal_special_account", (r"财政专户",)),
    ColumnRole("measure", "operating_income", (r"事业单位经营",)),
    ColumnRole("measure", "business_income", (r"事业收入",)),
    ColumnRole("measure", "superior_subsidy", (r"上级补助",)),
    ColumnRole("measure", "subsidiary_remittance", (r"附属单位上缴",)),
    ColumnRole("measure", "other_income", (r"其他收入",)),
)
"""Revenue-source columns shared by the revenue and procurement tables."""

_INDICATOR_FIELDS = (
    ColumnRole("field", "level1", (r"一级指标$",)),
    ColumnRole("field", "level2", (r"二级指标$",)),
    ColumnRole("field", "level3", (r"三级指标$", r"^指标名称$")),
    ColumnRole("field", "unit", (r"(计量|度量)单位$",)),
    ColumnRole("field", "operator", (r"指标性质$", r"^(运算|比较)符号?$")),
    ColumnRole("field", "target_value", (r"指标值$", r"^目标值$")),
    ColumnRole("field", "weight", (r"权重$",)),
    ColumnRole("field", "is_core", (r"是否(是)?核心指标$",)),
)

TABLE_KINDS: tuple[TableKind, ...] = (
    TableKind(
        "appropriation_summary",
        "财政拨款收支总表",
        (r"财政拨款收支(预算)?总表$",),
        dataset=None,
        classification="none",
        layout="two_sided",
    ),
    TableKind(
        "revenue_expenditure_summary",
        "部门收支总表",
        (r"(?<!拨款)收支(预算)?总表$", r"财务收支预算总表$"),
        dataset=None,
        classification="none",
        layout="two_sided",
    ),
    TableKind(
        "revenue_summary",
        "部门收入总表",
        (r"收入(预算)?总表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(_CODE, _NAME, *_SOURCE_MEASURES),
    ),
    TableKind(
        "expenditure_summary",
        "部门支出总表",
        (r"支出(预算)?总表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(_CODE, _NAME, _TOTAL, _BASIC, _PROJECT),
    ),
    TableKind(
        "general_budget_basic_expenditure_by_economic",
        "一般公共预算财政拨款基本支出预算表",
        (r"一般公共预算(财政拨款)?基本支出(部门预算)?(经济分类)?(预算)?表$",),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=(
            _CODE,
            _NAME,
            _TOTAL,
            ColumnRole("measure", "personnel", (r"人员经费$",)),
            ColumnRole("measure", "public_operations", (r"公用经费$",)),
        ),
    ),
    TableKind(
        "general_budget_expenditure_by_function",
        "一般公共预算财政拨款支出预算表",
        (r"一般公共预算(财政拨款)?支出(功能分类)?(预算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(_CODE, _NAME, _TOTAL, _BASIC, _PROJECT),
    ),
    TableKind(
        "three_public_expenses",
        '"三公"经费表',
        (r'"三公"经费.*表$',),
        dataset="three_public_expenses",
        classification="none",
        layout="single_row",
        columns=(
            ColumnRole("item", "vehicle_purchase", (r"公务用车购置费?$",)),
            ColumnRole("item", "vehicle_operation", (r"公务用车运行(维护)?费?$",)),
            ColumnRole("item", "vehicle_total", (r"公务用车购置及运行(维护)?费(/小计)?$",)),
            ColumnRole("item", "overseas_travel", (r"因公出国\(境\)费(用)?$",)),
            ColumnRole("item", "reception", (r"公务接待费$",)),
            ColumnRole("item", "meeting", (r"会议费$",)),
            ColumnRole("item", "training", (r"培训费$",)),
            ColumnRole("item", "operating_costs", (r"机关运行经费$",)),
            ColumnRole("item", "total", (r"(^|/)(合计|总计)$", r'"三公"经费合计$')),
        ),
    ),
    TableKind(
        "government_fund_expenditure",
        "政府性基金预算支出表",
        (r"政府性基金(预算)?(财政拨款)?支出(预算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(_CODE, _NAME, _TOTAL, _BASIC, _PROJECT),
    ),
    TableKind(
        "state_capital_expenditure",
        "国有资本经营预算支出表",
        (r"国有资本经营预算(财政拨款)?支出(预算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(_CODE, _NAME, _TOTAL, _BASIC, _PROJECT),
    ),
    TableKind(
        "procurement",
        "政府采购预算明细表",
        (r"采购预算(明细)?表$",),
        dataset="budget_lines",
        classification="none",
        layout="grid",
        columns=(_NAME, *_SOURCE_MEASURES),
    ),
    TableKind(
        "department_performance_targets",
        "部门（单位）整体支出绩效目标表",
        (r"(部门|单位)(\((单位|部门)\))?整体支出绩效目标表$",),
        dataset="performance_indicators",
        classification="none",
        layout="form",
        columns=_INDICATOR_FIELDS,
        form_fields=(ColumnRole("form", "department", (r"^部门(\((单位|部门)\))?名称$",)),),
    ),
    TableKind(
        "project_performance_targets",
        "项目支出绩效目标表",
        (r"项目支出绩效目标(填报)?表$",),
        dataset="performance_indicators",
        classification="none",
        layout="form",
        columns=_INDICATOR_FIELDS,
        form_fields=(ColumnRole("form", "project", (r"^项目名称$",)),),
    ),
)

KINDS_BY_ID = {kind.id: kind for kind in TABLE_KINDS}
