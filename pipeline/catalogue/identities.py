"""Arithmetic a correct disclosure satisfies, declared as data.

Each identity names a total and the parts that must add up to it. The reconciliation checks
in ``pipeline.validation`` evaluate them; a new identity needs an entry here only.
"""

ROW_IDENTITIES: dict[str, tuple[str, ...]] = {
    "total": (
        "basic",
        "project",
        "reserve",
        "carried_over",
        "remitted_to_superior",
        "operating_expenditure",
        "subsidies_to_subsidiaries",
    ),
    "basic": ("personnel", "public_operations"),
}
"""Within one row of a classification table: 合计 = 基本支出 + 项目支出 (+ the other uses printed), and
基本支出 = 人员经费 + 公用经费."""

BREAKDOWNS: dict[str, tuple[str, ...]] = {"basic": ("personnel", "public_operations")}
"""A part a table does not print stands for the parts it breaks down into, when those are printed:
Xi'an's function table prints 人员经费支出 | 公用经费支出 | 专项业务经费支出 and no 基本支出, and an
economic table 合计 | 人员经费 | 公用经费."""

THREE_PUBLIC_IDENTITIES: dict[str, tuple[str, ...]] = {
    "total": ("overseas_travel", "vehicle_total", "reception"),
    "vehicle_total": ("vehicle_purchase", "vehicle_operation"),
    "total_with_meeting_training": ("total", "meeting", "training"),
}
"""三公 total = 因公出国（境）+ 公务用车购置及运行 + 公务接待; the vehicle subtotal = 购置 + 运行."""

SAME_TOTALS: tuple[tuple[str, str, str], ...] = (
    ("general_budget_expenditure_by_function/basic", "general_budget_basic_expenditure_by_economic/total", "always"),
    ("general_budget_expenditure_by_function/total", "appropriation_summary/general_budget/expenditure", "always"),
    ("expenditure_summary/total", "revenue_expenditure_summary/total/expenditure", "always"),
    ("revenue_expenditure_summary/total/revenue", "revenue_expenditure_summary/total/expenditure", "sides"),
    ("appropriation_summary/total/revenue", "appropriation_summary/total/expenditure", "sides"),
    ("general_budget_expenditure_by_function/basic", "expenditure_summary/basic", "when_totals_agree"),
    ("general_budget_expenditure_by_function/project", "expenditure_summary/project", "when_totals_agree"),
)
"""Grand totals that two tables (or two sides of one summary table) print for the same money.

Amounts are named ``table_kind/measure`` or ``table_kind/measure/section`` (a side of a summary
table). ``always``: the same quantity by definition (the economic table breaks down the function
table's 基本支出; the 财政拨款收支总表's 一般公共预算 column restates the function table).
``sides``: a summary table's revenue and expenditure end on the same 总计 (its last total rows).
``when_totals_agree``: the department's whole budget is general-budget money (the two tables'
grand totals agree), so their breakdowns must agree too.
"""

ECONOMIC_VS_THREE_PUBLIC: tuple[tuple[str, str], ...] = (("30217", "reception"), ("30231", "vehicle_operation"))
"""Economic codes that pay for a 三公 item; they agree unless project money also pays for it (a warning)."""

_AMOUNT = r"(?P<amount>[\d,]+(\.\d+)?)万元"

NARRATIVE_FIGURES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (rf"收入预算:(\d{{4}}年)?(年初预算数)?{_AMOUNT}", ("revenue_expenditure_summary/total/revenue",)),
    (rf"支出预算:(\d{{4}}年)?(年初预算数)?{_AMOUNT}", ("revenue_expenditure_summary/total/expenditure",)),
    (rf"一般公共(预算)?(财政)?(拨款)?支出(预算)?(为)?{_AMOUNT}", ("general_budget_expenditure_by_function/total",)),
    (rf"其中:基本支出{_AMOUNT}", ("general_budget_expenditure_by_function/basic",)),
    (rf"项目支出{_AMOUNT}", ("general_budget_expenditure_by_function/project",)),
    (rf'"三公"经费(预算支出|支出预算|预算数|预算)?(为|数为)?{_AMOUNT}', ("three_public_expenses/total",)),
    (rf"因公出国\(境\)费(用)?{_AMOUNT}", ("three_public_expenses/overseas_travel",)),
    (rf"公务接待费{_AMOUNT}", ("three_public_expenses/reception",)),
    (rf"公务用车购置费{_AMOUNT}", ("three_public_expenses/vehicle_purchase",)),
    (rf"公务用?车(用车)?运行(维护)?费{_AMOUNT}", ("three_public_expenses/vehicle_operation",)),
    (
        rf"(财政拨款)?(的)?(机关)?运行经费(预算)?(为)?{_AMOUNT}",
        (
            "three_public_expenses/operating_costs",
            "operating_costs_by_economic/total",
            "general_budget_basic_expenditure_by_economic/public_operations",
        ),
    ),
)
"""Figures a narrative (情况说明) quotes, searched in its folded text, and where the tables print them.

Each entry: a pattern with an ``amount`` group (万元), and the table amounts it restates, tried in
order, as ``table_kind/measure`` (``/section`` for a side of a summary table); ``three_public_expenses/item``
for the 三公 table. 机关运行经费 is a column of Shanghai's 三公 table, a table of its own in Jiangsu,
and the 公用经费 of the economic table elsewhere.
"""

NARRATIVE_FUNCTION_ITEM = (
    r'"(?P<lei>[^"()]+)\(类\)(?P<kuan>[^"()]+)\(款\)(?P<xiang>[^"()]+)\(项\)"(?P<amount>[\d,]+(\.\d+)?)万元'
)
"""Shanghai narratives restate every function-table 项: “住房保障支出（类）住房改革支出（款）住房公积金（项）”12.34万元."""
NARRATIVE_PLANNED = r"(?P<year>20\d{2})年预算安排(?P<amount>[\d,]+(\.\d+)?)万元"
"""…then restate it as the year's plan: ``2024年预算安排352.67万元``."""
NARRATIVE_PREVIOUS = r"\d{4}年(当年)?预算执行数(为)?(?P<amount>[\d,]+(\.\d+)?)万元"
"""…last year's figure it compares with: ``2023年当年预算执行数为348.52万元``…"""
NARRATIVE_CHANGE = r"比\d{4}年(当年)?预算(执行数)?(?P<direction>增加|减少)(?P<percent>\d+(\.\d+)?)%"
"""…and the change: ``比2023年预算执行数增加0.53%``."""
