"""The catalogue of standard table kinds: how each is titled, what its columns mean.

This is the one place where knowledge about disclosure templates lives. Supporting a new
region's wording means adding a pattern here, not a branch in the code.

Patterns are regular expressions searched in *folded* text (see
``pipeline.parsing.cell_text.fold_for_matching``: NFKC, straight quotes, no whitespace).
A column's header label is the texts of its header cells from top to bottom, merged cells
repeated, joined with ``/`` (e.g. ``2023年预算数/公务用车购置及运行费/小计``). A title is
matched with any trailing parenthetical removed (``…支出预算表（功能科目）``).

The same kind serves a budget (预算) and a final-accounts (决算) document: the stage of each
amount column is read from its header (``STAGES``) in final accounts, and is ``budget``
otherwise.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ColumnRole:
    """A meaning a printed column can have, and the header labels that give it that meaning.

    ``role`` is one of: ``code`` (a full classification code), ``code_part`` (one of the
    类/款/项 columns Shanghai splits codes into; ``key`` is lei, kuan or xiang), ``name`` (row
    label), ``measure`` (an amount column; ``key`` is the published measure), ``item`` (a 三公
    amount; ``key`` is the published item), ``field`` (a performance-indicator attribute),
    ``form`` (a label cell of a form) or ``stage`` (a budget stage of final accounts).
    Patterns are tried in order: an earlier pattern wins over a later one for the same role.
    """

    role: str
    key: str
    patterns: tuple[str, ...]


@dataclass(frozen=True)
class TitleExample:
    """A title as one document prints it, which must be recognised as exactly its kind."""

    title: str
    document: str


@dataclass(frozen=True)
class TableKind:
    """One standard table of a disclosure.

    ``layout`` says how rows are read: ``grid`` (header rows, then one row per classification
    line), ``single_row`` (header rows, then one row of amounts, each column an item),
    ``two_sided`` (revenue on the left, expenditure on the right) or ``form`` (label/value
    cells, then an indicator grid). ``examples`` are titles the kind was learned from, each with
    the document that prints it; the catalogue's test recognises each as exactly this kind.
    """

    id: str
    name_zh: str
    titles: tuple[str, ...]
    dataset: str | None
    classification: str
    layout: str
    columns: tuple[ColumnRole, ...] = ()
    form_fields: tuple[ColumnRole, ...] = ()
    examples: tuple[TitleExample, ...] = ()


CLASSIFICATION_WORDS = {"功能": "function", "经济": "economic"}
"""The word a title, qualifier or header uses for each classification (功能分类科目, 按经济分类)."""


TOTAL_LABELS = ("合计", "总计", "小计", "本年支出合计", "支出合计", "收入合计", "本年收入合计", "收入总计", "支出总计")
"""Row labels that mark a total row rather than a classification line."""

EMPTY_TABLE_NOTICES = (
    r"(此|本)表(为空|无数据)",
    r"故(此|本)表(为空|无数据)",
    r"^无$",
    r"^(本部门|本单位)?无(相关)?(收支|数据)",
)
"""Texts printed inside or under an empty table to say so; the table is then valid and empty."""

STAGES = (
    ColumnRole("stage", "final", (r"^决算数?$",)),
    ColumnRole("stage", "adjusted_budget", (r"^调整(后)?预算数?$", r"^全年预算数?$")),
    ColumnRole("stage", "initial_budget", (r"^(年初)?预算数?$",)),
)
"""Budget stages a final-accounts column can report; a column without one reports the 决算."""

PREVIOUS_YEAR_STAGE = "previous_year"
"""The stage of a budget's column headed by an earlier year (``2025年预算数`` in a 2026 budget)."""

FINAL_ACCOUNTS_TITLE = r"决算"
"""A table whose title says 决算 belongs to final accounts, whose stages come from ``STAGES``."""

_CODE_PARTS = (
    ColumnRole("code_part", "lei", (r"(编码|代码)/类$", r"^类$")),
    ColumnRole("code_part", "kuan", (r"(编码|代码)/款$", r"^款$")),
    ColumnRole("code_part", "xiang", (r"(编码|代码)/项$", r"^项$")),
)
_CODE = ColumnRole("code", "code", (r"(科目)?(编码|代码)$", r"^科目编码"))
_NAME = ColumnRole("name", "name", (r"科目名称$", r"^项目(名称)?$", r"(功能|经济)(分类)?科目$"))
_TOTAL = ColumnRole(
    "measure",
    "total",
    (
        r"^(合计|总计|小计|金额|预算数?|支出总计)$",
        r"(^|/)(合计|总计|小计|金额)$",
        r"本年支出合计$",
        r"本年收入合计$",
    ),
)
"""The total column: a bare label first (总计 beside ``2026年政府采购项目/小计``), then any ending in 合计."""
_BASIC = ColumnRole("measure", "basic", (r"基本支出(/小计)?$",))
_PROJECT = ColumnRole("measure", "project", (r"项目支出(/项目支出总数|/小计)?$", r"专项业务经费(支出)?$"))
_PROJECT_EXCLUDING_CAPITAL = ColumnRole("measure", "project_excluding_capital", (r"扣除基建项目后预算数$",))
_PERSONNEL = ColumnRole("measure", "personnel", (r"人员经费(支出)?$",))
_PUBLIC_OPERATIONS = ColumnRole("measure", "public_operations", (r"公用经费(支出)?$",))
_BUDGET_UNIT = ColumnRole("budget_unit", "budget_unit", (r"^预算单位$", r"^单位名称$", r"^单位编码单位名称$"))
_RESERVE = ColumnRole("measure", "reserve", (r"预留机动经费$",))
_CARRIED_OVER = ColumnRole("measure", "carried_over", (r"结转下年(资金)?$",))
_SOURCE_MEASURES = (
    _TOTAL,
    ColumnRole("measure", "carried_forward", (r"上年结转",)),
    ColumnRole("measure", "appropriation", (r"^(收入预算/)?财政拨款(收入)?$",)),
    ColumnRole("measure", "general_budget", (r"一般公共预算", r"(^|/)公共预算拨款(/小计)?$")),
    ColumnRole("measure", "government_fund", (r"政府性基金",)),
    ColumnRole("measure", "state_capital", (r"国有资本经营",)),
    ColumnRole("measure", "fiscal_special_account", (r"财政专户",)),
    ColumnRole("measure", "operating_income", (r"(事业单位)?经营收入",)),
    ColumnRole("measure", "business_income", (r"事业收入",)),
    ColumnRole("measure", "superior_subsidy", (r"上级补助",)),
    ColumnRole("measure", "subsidiary_remittance", (r"附属单位上缴",)),
    ColumnRole("measure", "other_income", (r"其他(收入|资金)",)),
)
"""Revenue-source columns shared by the revenue and procurement tables."""
_FUND_BALANCES = (
    ColumnRole("measure", "opening_balance", (r"年初结转和结余$",)),
    ColumnRole("measure", "revenue", (r"本年收入$",)),
    ColumnRole("measure", "closing_balance", (r"年末结转和结余$",)),
)
"""Balance columns of the final-accounts government fund and state capital tables."""
_BREAKDOWN = (_BASIC, _PROJECT, _PROJECT_EXCLUDING_CAPITAL, _PERSONNEL, _PUBLIC_OPERATIONS)
"""基本支出 (人员经费 + 公用经费) and 项目支出 columns; tried before 合计, whose ``小计`` pattern would
otherwise claim Beijing's ``基本支出/小计``."""
_FUNCTION_COLUMNS = (_BUDGET_UNIT, *_CODE_PARTS, _CODE, _NAME, *_BREAKDOWN, _TOTAL)
_ECONOMIC_COLUMNS = _FUNCTION_COLUMNS

_TWO_SIDED_COLUMNS = (
    ColumnRole("section", "revenue", (r"收入",)),
    ColumnRole("section", "expenditure_by_purpose", (r"支出用途",)),
    ColumnRole("section", "expenditure", (r"支出",)),
    _NAME,
    ColumnRole("name", "name", (r"科目名称$", r"项目(名称)?$")),
    _BASIC,
    _PROJECT,
    _PERSONNEL,
    _PUBLIC_OPERATIONS,
    *_SOURCE_MEASURES[1:],
    _TOTAL,
    ColumnRole("measure", "total", (r"(预算|决算)数$", r"^(本年)?(收入|支出)$")),
)
"""Summary tables print revenue on the left and expenditure on the right, each side a row label
column (its section named by the header above it) followed by its amount columns."""

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
        "three_public_expenses",
        '"三公"经费表',
        (r'"三公"经费.*表$',),
        dataset="three_public_expenses",
        classification="none",
        layout="single_row",
        columns=(
            ColumnRole("item", "vehicle_total", (r"公务用车购置及运行(维护)?(费|支出)(/小计)?$",)),
            ColumnRole("item", "vehicle_purchase", (r"(公务用车)?购置费?$",)),
            ColumnRole("item", "vehicle_operation", (r"(公务用车)?运行(维护)?费?$",)),
            ColumnRole("item", "overseas_travel", (r"因公出国\(境\)(费(用)?|支出)$",)),
            ColumnRole("item", "reception", (r"公务接待费(支出)?$",)),
            ColumnRole("item", "meeting", (r"会议费$",)),
            ColumnRole("item", "training", (r"培训费$",)),
            # Guangzhou's table of 行政经费及“三公”经费 prints 机关运行经费 as 行政经费 (its narrative: 行政经费（机关运行经费）).
            ColumnRole("item", "operating_costs", (r"机关运行经费(预算数)?$", r"^行政经费$")),
            ColumnRole(
                "item",
                "total",
                (
                    r'"三公"经费(预算)?/(小计|合计)$',
                    r'"三公"经费(财政拨款预算总额|合计|小计)$',
                    r'^"三公"经费(预算)?$',
                    r"(^|/)(合计|总计)$",
                ),
            ),
            ColumnRole("item", "total_with_meeting_training", (r"^(合计|总计)$",)),
        ),
        examples=(
            TitleExample(
                "重庆市北碚区朝阳街道办事处一般公共预算“三公”经费支出表", "chongqing_beibei_chaoyang_2023_budget"
            ),
            TitleExample("2025年部门“三公”经费和机关运行经费预算表", "sh_putuo_commerce_2025_dept_budget"),
            TitleExample("财政拨款“三公”经费支出决算表", "sh_putuo_cpc_social_work_2024_final"),
            TitleExample(
                "公开 09 表：一般公共预算“三公”经费、会议费、培训费支出预算表", "js_procuratorate_2018_budget"
            ),
            TitleExample("2026年财政拨款“三公”经费支出情况表", "chongqing_commerce_2026_budget"),
            TitleExample("财政拨款安排的行政经费及“三公”经费预算表", "guangzhou_gov_office_2026_budget"),
            TitleExample(
                "2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）",
                "xian_meteorology_2022_budget",
            ),
            TitleExample("预算09表 财政拨款“三公”经费支出表", "beijing_audit_2026_budget_tables"),
        ),
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
        examples=(
            TitleExample("2023年部门（单位）整体支出绩效目标表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("部门整体支出绩效目标表", "xian_finance_2026_budget"),
        ),
    ),
    TableKind(
        "project_performance_targets",
        "项目支出绩效目标表",
        (
            r"项目支出绩效目标(填报)?表$",
            r"专项业务经费绩效目标表$",
            r"专项资金总体绩效目标表$",
            r"转移支付(资金)?绩效目标表$",
        ),
        dataset="performance_indicators",
        classification="none",
        layout="form",
        columns=_INDICATOR_FIELDS,
        form_fields=(ColumnRole("form", "project", (r"^项目名称$",)),),
        examples=(
            TitleExample("2023年项目支出绩效目标表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("2023年财政项目支出绩效目标填报表", "sh_putuo_wanli_street_2023_budget"),
            TitleExample("预算12表 项目支出绩效目标表", "beijing_gov_office_2026_budget_tables"),
            TitleExample("表14 部门专项业务经费绩效目标表", "xian_finance_2026_budget"),
            TitleExample("专项资金总体绩效目标表", "xian_finance_2026_budget"),
            TitleExample("预算14表社会保障和就业共同财政事权转移支付资金绩效目标表", "beijing_hrss_2026_budget_tables"),
        ),
    ),
    TableKind(
        "appropriation_summary",
        "财政拨款收支总表",
        (r"财政拨款收支(预算)?总表$", r"财政拨款收入支出决算总表$"),
        dataset="budget_lines",
        classification="none",
        layout="two_sided",
        columns=_TWO_SIDED_COLUMNS,
        examples=(
            TitleExample("重庆市北碚区朝阳街道办事处财政拨款收支总表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("部门综合预算财政拨款收支总表", "xian_finance_2026_budget"),
            TitleExample("表4 财政拨款收支总体情况表", "guangzhou_petitions_2026_budget"),
            TitleExample("预算04表 财政拨款收支总表", "beijing_audit_2026_budget_tables"),
        ),
    ),
    TableKind(
        "revenue_expenditure_summary",
        "部门收支总表",
        (r"(?<!拨款|基金)收支(预算)?总表$", r"财务收支预算总表$", r"(?<!拨款)收入支出决算总表$"),
        dataset="budget_lines",
        classification="none",
        layout="two_sided",
        columns=_TWO_SIDED_COLUMNS,
        examples=(
            TitleExample("重庆市北碚区朝阳街道办事处部门收支总表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("2025年部门财务收支预算总表", "sh_putuo_commerce_2025_dept_budget"),
            TitleExample("预算01表 收支总表", "beijing_audit_2026_budget_tables"),
            TitleExample("2026年部门收支总体情况表", "chongqing_gov_office_2026_budget"),
            TitleExample("部门综合预算收支总表", "xian_finance_2026_budget"),
        ),
    ),
    TableKind(
        "general_budget_basic_expenditure_by_economic",
        "一般公共预算财政拨款基本支出预算表",
        (r"一般公共预算(财政拨款)?基本支出(部门预算)?(经济分类)?(预算|决算)?表$",),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=_ECONOMIC_COLUMNS,
        examples=(
            TitleExample(
                "重庆市北碚区朝阳街道办事处一般公共预算财政拨款基本支出预算表", "chongqing_beibei_chaoyang_2023_budget"
            ),
            TitleExample("一般公共预算基本支出表", "suzhou_audit_2026_budget"),
            TitleExample("表6 一般公共预算基本支出情况表（按经济分类科目）", "guangzhou_petitions_2026_budget"),
            TitleExample("部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）", "xian_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "general_budget_expenditure_by_function",
        "一般公共预算财政拨款支出预算表",
        (r"一般公共预算(财政拨款)?支出(功能分类)?(预算|决算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=_FUNCTION_COLUMNS,
        examples=(
            TitleExample(
                "重庆市北碚区朝阳街道办事处一般公共预算财政拨款支出预算表", "chongqing_beibei_chaoyang_2023_budget"
            ),
            TitleExample("2025年部门一般公共预算支出功能分类预算表", "sh_putuo_commerce_2025_dept_budget"),
            TitleExample("一般公共预算财政拨款支出决算表", "sh_putuo_cpc_social_work_2024_final"),
            TitleExample("八、2017 年度江苏省高级人民法院部门一般公共预算支出预算表", "js_high_court_2017_budget"),
            TitleExample("一般公共预算支出预算表（功能科目）", "js_npc_office_2018_budget"),
            TitleExample("一般公共预算支出表（按功能分类）", "shenzhen_audit_2026_budget"),
            TitleExample("预算05表 一般公共预算支出表", "beijing_audit_2026_budget_tables"),
            TitleExample("2026年一般公共预算支出情况表", "chongqing_gov_office_2026_budget"),
            TitleExample("表5 一般公共预算支出情况表（按功能分类科目）", "guangzhou_petitions_2026_budget"),
            TitleExample("部门综合预算一般公共预算支出明细表（按支出功能分类科目）", "xian_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "general_budget_expenditure_by_economic",
        "一般公共预算支出表（按经济分类）",
        (
            r"一般公共预算(财政拨款)?支出(预算|决算)?表\(经济分类\)$",
            r"一般公共预算(财政拨款)?支出经济分类(预算|决算)?表$",
        ),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=_ECONOMIC_COLUMNS,
        examples=(
            TitleExample("一般公共预算支出表（按经济分类）", "shenzhen_audit_2026_budget"),
            TitleExample("部门综合预算一般公共预算支出明细表（按支出经济分类科目）", "xian_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "general_budget_basic_expenditure_by_function",
        "一般公共预算基本支出表（按功能分类）",
        (r"一般公共预算(财政拨款)?基本支出(预算|决算)?表\(功能分类\)$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=_FUNCTION_COLUMNS,
        examples=(
            TitleExample("部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）", "xian_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "general_budget_project_expenditure_by_economic",
        "一般公共预算项目支出表（按经济分类）",
        (r"一般公共预算(财政拨款)?项目支出(预算|决算)?表(\(经济分类\))?$",),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=_ECONOMIC_COLUMNS,
        examples=(TitleExample("表7 一般公共预算项目支出情况表（按经济分类科目）", "guangzhou_petitions_2026_budget"),),
    ),
    TableKind(
        "government_fund_expenditure",
        "政府性基金预算支出表",
        (r"政府性基金(预算)?(财政拨款)?(收入)?支出(功能分类)?(预算|决算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(*_FUNCTION_COLUMNS, *_FUND_BALANCES),
        examples=(
            TitleExample("重庆市北碚区朝阳街道办事处政府性基金预算支出表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("预算07表 政府性基金预算支出表", "beijing_audit_2026_budget_tables"),
            TitleExample("表9 政府性基金预算支出情况表", "guangzhou_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "state_capital_expenditure",
        "国有资本经营预算支出表",
        (r"国有资本经营预算(财政拨款)?(收入)?支出(功能分类)?(预算|决算)?表$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(*_FUNCTION_COLUMNS, *_FUND_BALANCES),
        examples=(
            TitleExample("国有资本经营预算支出预算表", "suzhou_audit_2026_budget"),
            TitleExample("表10 国有资本经营预算支出情况表", "guangzhou_petitions_2026_budget"),
        ),
    ),
    TableKind(
        "appropriation_basic_expenditure_by_economic",
        "财政拨款基本支出预算表",
        (r"(?<!一般公共预算)财政拨款基本支出(经济分类)?(预算)?表(\(经济分类\))?$",),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=_ECONOMIC_COLUMNS,
        examples=(TitleExample("财政拨款基本支出表（经济科目）", "suzhou_audit_2026_budget"),),
    ),
    TableKind(
        "operating_costs_by_economic",
        "机关运行经费预算表",
        (r"(?<!和)机关运行经费(支出)?(预算)?(明细)?表$",),
        dataset="budget_lines",
        classification="economic",
        layout="grid",
        columns=(*_CODE_PARTS, _CODE, _NAME, _TOTAL, ColumnRole("measure", "total", (r"机关运行经费(支出)?$",))),
        examples=(TitleExample("一般公共预算机关运行经费支出预算表", "suzhou_audit_2026_budget"),),
    ),
    TableKind(
        "appropriation_expenditure",
        "财政拨款支出预算表",
        (r"(?<!一般公共预算)财政拨款支出(预算)?表(\(功能分类\))?$",),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=_FUNCTION_COLUMNS,
        examples=(TitleExample("财政拨款支出表（功能科目）", "suzhou_audit_2026_budget"),),
    ),
    TableKind(
        "revenue_summary",
        "部门收入总表",
        (r"收入(预算)?总表$", r"收入决算表$"),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(*_CODE_PARTS, _CODE, _NAME, *_SOURCE_MEASURES),
        examples=(
            TitleExample("部 门 收 入 总 表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("预算02表 收入总表", "beijing_audit_2026_budget_tables"),
            TitleExample("表2 收入总体情况表", "guangzhou_petitions_2026_budget"),
            TitleExample("2021年部综合预算收入总表", "xian_publicity_2021_budget"),
        ),
    ),
    TableKind(
        "expenditure_summary",
        "部门支出总表",
        (r"(?<![本目])支出(预算)?总表$", r"(?<![款费])支出决算表$"),
        dataset="budget_lines",
        classification="function",
        layout="grid",
        columns=(
            *_FUNCTION_COLUMNS,
            _RESERVE,
            _CARRIED_OVER,
            ColumnRole("measure", "remitted_to_superior", (r"上缴上级支出$",)),
            ColumnRole("measure", "operating_expenditure", (r"经营支出$",)),
            ColumnRole("measure", "subsidies_to_subsidiaries", (r"对附属单位补助支出$",)),
        ),
        examples=(
            TitleExample("重庆市北碚区朝阳街道办事处部门支出总表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("预算03表 支出总表", "beijing_audit_2026_budget_tables"),
            TitleExample("表3 本年支出总体情况表", "guangzhou_petitions_2026_budget"),
            TitleExample("部门综合预算支出总表", "xian_finance_2026_budget"),
        ),
    ),
    TableKind(
        "procurement",
        "政府采购预算明细表",
        (r"采购(支出)?预算(明细)?表$",),
        dataset="budget_lines",
        classification="none",
        layout="grid",
        columns=(_NAME, *_SOURCE_MEASURES),
        examples=(
            TitleExample("重庆市北碚区朝阳街道办事处2023年采购预算明细表", "chongqing_beibei_chaoyang_2023_budget"),
            TitleExample("预算10表 政府采购预算明细表", "beijing_sasac_2026_budget_tables"),
            TitleExample("2026年政府采购预算明细表", "chongqing_commerce_2026_budget"),
        ),
    ),
)

KINDS_BY_ID = {kind.id: kind for kind in TABLE_KINDS}

FUNCTION_TABLE_KIND = "general_budget_expenditure_by_function"
"""The general-public-budget expenditure table by function: the table that labels, disclosure ties
and reconciliation treat as the document's central one."""

_CORE_TABLES: tuple[tuple[str, ...], ...] = (
    ("revenue_expenditure_summary",),
    ("revenue_summary",),
    ("expenditure_summary",),
    ("appropriation_summary",),
    (FUNCTION_TABLE_KIND,),
    ("general_budget_basic_expenditure_by_economic", "general_budget_expenditure_by_economic"),
    ("three_public_expenses",),
    ("government_fund_expenditure",),
)
STANDARD_TABLES: dict[str, tuple[tuple[str, ...], ...]] = {"budget": _CORE_TABLES, "final_accounts": _CORE_TABLES}
"""The tables every disclosure of a kind prints (the national 部门预算/部门决算 templates' core set), each
with the kinds that stand for it in regional templates (Shenzhen's 一般公共预算支出表（按经济分类）
covers basic and project spending where others print a 基本支出 table). A table printed empty
(此表为空) counts as printed. The quality report names the ones not found."""
