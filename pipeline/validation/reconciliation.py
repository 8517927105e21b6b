"""Reconciliation checks over one document's published rows.

Every check is a pure function from the document's ``budget_lines`` and
``three_public_expenses`` (and its narrative lines) to findings, rows of
``validation_issues``. The identities they test are declared in
``pipeline.catalogue.identities``.
"""

import re
from collections.abc import Iterator
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

import pandas as pd

from pipeline.catalogue.identities import (
    BREAKDOWNS,
    ECONOMIC_VS_THREE_PUBLIC,
    NARRATIVE_CHANGE,
    NARRATIVE_FIGURES,
    NARRATIVE_FUNCTION_ITEM,
    NARRATIVE_PLANNED,
    NARRATIVE_PREVIOUS,
    ROW_IDENTITIES,
    SAME_TOTALS,
    THREE_PUBLIC_IDENTITIES,
)
from pipeline.catalogue.table_kinds import FUNCTION_TABLE_KIND, PREVIOUS_YEAR_STAGE, TOTAL_LABELS
from pipeline.contract.datasets import VALIDATION_ISSUES
from pipeline.contract.frames import dataset_frame
from pipeline.parsing.amounts import UNIT_FACTORS
from pipeline.parsing.cell_text import fold_for_matching, row_label_core
from pipeline.validation.findings import Outcome, Printed, compare, finding_id, rounding

SUMMARY_TABLE = "appropriation_summary"


def reconcile_outcomes(
    document_id: str,
    source_sha256: str,
    budget_lines: pd.DataFrame,
    three_public: pd.DataFrame,
    narrative: tuple[tuple[int, str], ...] = (),
    year: int | None = None,
    partly_read: frozenset[int] = frozenset(),
) -> list[Outcome]:
    """Every identity of one document evaluated, those that hold and those that do not.

    ``partly_read`` are the 三公 tables some of whose printed amounts were not read (an unreadable cell, a
    column without a role): see ``three_public_identities``.
    """
    context = {"document_id": document_id, "source_sha256": source_sha256}
    lines = budget_lines[budget_lines["section"].isna()]
    return [
        *row_identities(lines, context),
        *hierarchy(lines, context),
        *repeated_codes(lines, context),
        *three_public_identities(three_public, context, partly_read),
        *same_totals(budget_lines, context),
        *summary_items_vs_function(budget_lines, context),
        *economic_vs_three_public(lines, three_public, context),
        *narrative_figures(narrative, budget_lines, three_public, year, context),
    ]


def findings_frame(outcomes: list[Outcome]) -> pd.DataFrame:
    """The findings of the outcomes that did not hold exactly, as ``validation_issues`` rows."""
    return dataset_frame(VALIDATION_ISSUES, [outcome.finding for outcome in outcomes if outcome.finding is not None])


def _printed(row: object) -> Printed:
    """A row's amount and its cell; a row a correction added (add_row) has no grid row, so no cell."""
    row_index = None if pd.isna(row.row_index) else int(row.row_index)
    return Printed(
        row.amount_yuan, row.amount_printed, row.unit_printed, row.page, row.table_index, row_index, row.column_index
    )


def row_identities(lines: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """合计 = 基本支出 + 项目支出 (or 人员经费 + 公用经费 + 项目支出), 基本支出 = 人员经费 + 公用经费,
    in every row of every classification table."""
    for (table_index, stage), table in lines.groupby(["table_index", "stage"], sort=True):
        printed_measures = set(table["measure"])
        for total_measure, parts in ROW_IDENTITIES.items():
            present = _printed_parts(parts, printed_measures)
            if total_measure not in printed_measures or not present:
                continue
            for (_page, _row), row in table.groupby(["page", "row_index"], sort=True):
                by_measure = {line.measure: _printed(line) for line in row.itertuples()}
                if total_measure not in by_measure:
                    continue
                first = row.iloc[0]
                yield compare(
                    "row_total",
                    by_measure[total_measure],
                    [by_measure[part] for part in present if part in by_measure],
                    table_kind=first["table_kind"],
                    code=None if pd.isna(first["code"]) else first["code"],
                    measure=total_measure,
                    what=f"{first['name']}: {total_measure} ≠ {' + '.join(present)} ({stage}, table {table_index})",
                    **context,
                )


def _printed_parts(parts: tuple[str, ...], printed: set[str]) -> list[str]:
    """The parts of an identity the table prints, a part it does not print replaced by its printed breakdown."""
    present = []
    for part in parts:
        if part in printed:
            present.append(part)
        elif part in BREAKDOWNS and all(piece in printed for piece in BREAKDOWNS[part]):
            present.extend(BREAKDOWNS[part])
    return present


def hierarchy(lines: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """Each 类 = Σ its 款, each 款 = Σ its 项, and the grand total = Σ 类, per measure, stage and budget unit
    (a table that stacks its units' blocks repeats their codes), within each block of ``code_blocks``."""
    coded = lines[lines["classification"] != "none"].assign(unit=lambda frame: frame["budget_unit"].fillna(""))
    for (table_index, stage, measure, _unit), table in coded.groupby(
        ["table_index", "stage", "measure", "unit"], sort=True
    ):
        kind, classification = table["table_kind"].iloc[0], table["classification"].iloc[0]
        ordered = table[table["code"].notna()].sort_values(["page", "row_index"])
        blocks = code_blocks([(row.code, _printed(row)) for row in ordered.itertuples()])
        for by_code in blocks:
            for parent, amounts in by_code.items():
                children = [
                    child
                    for code, printed in by_code.items()
                    if len(code) > len(parent) and _printed_parent(code, by_code, classification) == parent
                    for child in printed
                ]
                if children and len(amounts) == 1:
                    yield compare(
                        "hierarchy",
                        amounts[0],
                        children,
                        table_kind=kind,
                        code=parent,
                        measure=measure,
                        what=f"{parent} ≠ Σ its sub-items ({stage}, table {table_index})",
                        **context,
                    )
        totals = table[table["is_total_row"]]
        top = [
            amount for code, amounts in (blocks[0] if blocks else {}).items() if len(code) == 3 for amount in amounts
        ]
        if len(totals) and top:
            yield compare(
                "grand_total",
                _printed(totals.iloc[0]),
                top,
                table_kind=kind,
                code=None,
                measure=measure,
                what=f"grand total ≠ Σ 类 ({stage}, table {table_index})",
                **context,
            )


STANDARD_DEPTH = {"function": 7, "economic": 5}
"""Digits of the deepest level of each classification: function 项 (2010101), economic 款 (30101)."""


def _printed_parent(code: str, printed: dict[str, list[Printed]], classification: str) -> str | None:
    """The code one level above ``code``, or, for a code below its classification's standard levels whose own
    parent is not printed, the nearest printed one: xian_emergency_2019_budget lists 3010201 津贴补贴 and
    3010202 改革性补贴 (local sub-items of 30102) under 301 without 30102. A standard code keeps its own
    parent, so that a 款 missing from the rows read is still caught by its 类's sum."""
    ancestor = code[:-2]
    if len(code) <= STANDARD_DEPTH.get(classification, 7):
        return ancestor
    while len(ancestor) >= 3:
        if ancestor in printed:
            return ancestor
        ancestor = ancestor[:-2]
    return None


def code_blocks(rows: list[tuple[str, Printed]]) -> list[dict[str, list[Printed]]]:
    """A table's coded amounts in printed order, cut into the blocks that each list the classification once.

    A code printed again on the next row splits one line by a second classification (Xi'an prints
    ``30101 基本工资`` once per 政府经济分类 code, 50101 and 50501): its amounts are parts of the same
    line and are kept together. A code printed again further down starts a new block: the next unit of
    a table that stacks its units without naming them (Beijing's 一般公共预算支出表 lists 2080101 行政运行
    once per unit), or a 汇总 block followed by its units'.
    """
    blocks: list[dict[str, list[Printed]]] = []
    previous = None
    for code, amount in rows:
        if not blocks or (code in blocks[-1] and code != previous):
            blocks.append({})
        blocks[-1].setdefault(code, []).append(amount)
        previous = code
    return blocks


def repeated_codes(lines: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """A code printed on rows of different names within one table and unit: the codes were misread
    (a 款 and its 项 given their 类's code) or misprinted, and the hierarchy cannot be checked."""
    coded = lines[lines["code"].notna() & (lines["measure"] == "total")]
    for (table_index, code), rows in coded.groupby(["table_index", "code"], sort=True):
        names = rows.groupby(rows["budget_unit"].fillna(""))["name"].agg(lambda printed: sorted(set(printed.dropna())))
        for unit, printed in names.items():
            if len(printed) < 2:
                continue
            first = rows.iloc[0]
            finding = {
                **context,
                "check": "repeated_code",
                "severity": "warning",
                "table_kind": first["table_kind"],
                "code": code,
                "measure": "total",
                "actual": " / ".join(printed),
                "pages": ",".join(map(str, sorted(set(rows["page"])))),
                "tables": str(table_index),
                "message": f"code {code} is printed on rows named {' / '.join(printed)}"
                + (f" ({unit})" if unit else "")
                + ": a code names one item, so the codes of this table cannot be checked",
                "page": int(first["page"]),
                "table_index": int(table_index),
                "row_index": None,
            }
            yield Outcome((), {**finding, "finding_id": finding_id(finding)}, beyond_rounding=False, binding=False)


def three_public_identities(
    items: pd.DataFrame, context: dict, partly_read: frozenset[int] = frozenset()
) -> Iterator[Outcome]:
    """三公 total = 因公出国 + 公务用车 + 公务接待; vehicle subtotal = 购置 + 运行.

    A part missing from a row counts as printed blank (0). In a table ``partly_read``, a part may be missing
    because its amount was not read (xian_petitions_2026_budget prints two amounts in one vehicle cell;
    xian_emergency_2019_budget's vehicle header is garbled): there a gap with a part missing is a warning
    that says so, and contradicts nothing, since the amounts printed may well be right.
    """
    for (table_index, stage), table in items.groupby(["table_index", "stage"], sort=True):
        for group in _item_groups(table):
            for outcome, complete in _three_public_group(group, table_index, stage, context):
                relax = table_index in partly_read and not complete and outcome.finding is not None
                yield outcome.relaxed() if relax else outcome


def _item_groups(table: pd.DataFrame) -> list[pd.DataFrame]:
    """The sets of items that belong together: the table's, or each printed row's when rows repeat the items
    (Xi'an prints the department's 三公 row and then one per unit)."""
    if not table["item"].duplicated().any():
        return [table]
    return [group for _, group in table.groupby(["page", "row_index"], sort=True)]


def _three_public_group(
    table: pd.DataFrame, table_index: int, stage: str, context: dict
) -> Iterator[tuple[Outcome, bool]]:
    """Each identity over one set of items, and whether every one of its parts is printed."""
    by_item = {row.item: _printed(row) for row in table.itertuples()}
    for total, parts in THREE_PUBLIC_IDENTITIES.items():
        present = [part for part in parts if part in by_item]
        if total in by_item and present:
            outcome = compare(
                "three_public_total",
                by_item[total],
                [by_item[part] for part in present],
                table_kind="three_public_expenses",
                code=None,
                measure=total,
                what=f"三公 {total} ≠ {' + '.join(present)} ({stage}, table {table_index})",
                **context,
            )
            yield outcome, len(present) == len(parts)


def _grand_total(lines: pd.DataFrame, kind: str, measure: str, last: bool = False) -> Printed | None:
    """The first (or last) grand-total amount of the first table of a kind."""
    rows = lines[
        (lines["table_kind"] == kind)
        & (lines["measure"] == measure)
        & lines["is_total_row"]
        & (lines["stage"] != PREVIOUS_YEAR_STAGE)
    ]
    rows = rows[
        [
            pd.isna(name) or fold_for_matching(name) in TOTAL_LABELS or _is_unit_total(name, unit)
            for name, unit in zip(rows["name"], rows["budget_unit"], strict=True)
        ]
    ]
    rows = rows[rows["table_index"] == rows["table_index"].min()] if len(rows) else rows
    return _printed(rows.sort_values(["page", "row_index"]).iloc[-1 if last else 0]) if len(rows) else None


def _is_unit_total(name: object, unit: object) -> bool:
    """A row that names the budget unit it totals (Shenzhen starts a table with the unit's own row)."""
    return isinstance(name, str) and isinstance(unit, str) and unit.endswith(name)


def same_totals(budget_lines: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """Grand totals that two tables (or the two sides of a summary table) print for the same money agree."""
    for spec_a, spec_b, condition in SAME_TOTALS:
        last = condition == "sides"
        first, second = grand_total_of(spec_a, budget_lines, last), grand_total_of(spec_b, budget_lines, last)
        if first is None or second is None:
            continue
        if condition == "when_totals_agree":
            total_a = grand_total_of(_with_measure(spec_a, "total"), budget_lines)
            total_b = grand_total_of(_with_measure(spec_b, "total"), budget_lines)
            if (
                total_a is None
                or total_b is None
                or abs(total_a.yuan - total_b.yuan) > rounding(total_a) + rounding(total_b)
            ):
                continue
        kind_b, measure_b, *_ = spec_b.split("/")
        yield compare(
            "same_total",
            second,
            [first],
            table_kind=kind_b,
            code=None,
            measure=measure_b,
            what=f"{spec_b} ≠ {spec_a}",
            **context,
        )


def _with_measure(spec: str, measure: str) -> str:
    kind, _, *section = spec.split("/")
    return "/".join([kind, measure, *section])


def grand_total_of(spec: str, budget_lines: pd.DataFrame, last: bool = False) -> Printed | None:
    """The grand total named ``table_kind/measure[/section]`` (its first total row, or its last: 总计)."""
    kind, measure, *section = spec.split("/")
    sided = (
        budget_lines[budget_lines["section"] == section[0]] if section else budget_lines[budget_lines["section"].isna()]
    )
    return _grand_total(sided, kind, measure, last)


def summary_items_vs_function(budget_lines: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """Each 类 the 财政拨款收支总表 lists under 一般公共预算 against the function table's 类 of the same name."""
    summary = budget_lines[
        (budget_lines["table_kind"] == SUMMARY_TABLE)
        & (budget_lines["section"] == "expenditure")
        & (budget_lines["measure"] == "general_budget")
        & ~budget_lines["is_total_row"]
    ]
    function = budget_lines[
        (budget_lines["table_kind"] == FUNCTION_TABLE_KIND)
        & (budget_lines["code_level"] == 1)
        & (budget_lines["measure"] == "total")
        & (budget_lines["stage"] != PREVIOUS_YEAR_STAGE)
    ]
    by_name = {fold_for_matching(str(row.name)): row for row in function.itertuples()}
    for row in summary.itertuples():
        category = by_name.get(row_label_core(str(row.name)))
        if category is None or category.stage != row.stage:
            continue
        yield compare(
            "summary_vs_function",
            _printed(row),
            [_printed(category)],
            table_kind=SUMMARY_TABLE,
            code=category.code,
            measure="general_budget",
            what=f"{row.name} in the 财政拨款收支总表 ≠ 类 {category.code} of the function table",
            **context,
        )


def economic_vs_three_public(lines: pd.DataFrame, items: pd.DataFrame, context: dict) -> Iterator[Outcome]:
    """公务接待费 (30217) and 公务用车运行维护费 (30231) of the economic table against the 三公 table (warnings)."""
    economic = lines[
        (lines["table_kind"] == "general_budget_basic_expenditure_by_economic") & (lines["measure"] == "total")
    ]
    for code, item in ECONOMIC_VS_THREE_PUBLIC:
        spent = economic[economic["code"] == code]
        restated = items[(items["item"] == item) & (items["stage"].isin(["budget", "final"]))]
        if spent.empty or restated.empty:
            continue
        yield compare(
            "economic_vs_three_public",
            _printed(restated.iloc[0]),
            [_printed(spent.iloc[0])],
            table_kind="three_public_expenses",
            code=code,
            measure=item,
            what=f"三公 {item} ≠ economic {code} (they differ when project money also pays for it)",
            **context,
        ).relaxed()


def narrative_figures(
    narrative: tuple[tuple[int, str], ...], lines: pd.DataFrame, items: pd.DataFrame, year: int | None, context: dict
) -> Iterator[Outcome]:
    """Figures the narrative quotes (in 万元) against the tables they restate; mismatches are warnings.

    A page's lines are read as one text, since a sentence wraps mid-number. Shanghai narratives
    restate each function 项 twice: “…（类）…（款）…（项）”N万元, then …年预算安排N万元; both
    are compared (sh_putuo_wanli_street_2024_budget quotes 350.35 and then 352.67 for 住房公积金).
    """
    for page, text in sorted(_narrative_pages(narrative).items()):
        for pattern, sources in NARRATIVE_FIGURES:
            for match in re.finditer(pattern, text):
                kind, key, table_value = _first_source(sources, lines, items)
                yield from _narrative_finding(page, match, table_value, kind, key, None, context)
        quotes = list(re.finditer(NARRATIVE_FUNCTION_ITEM, text))
        for quote, following in zip(quotes, [*quotes[1:], None], strict=False):
            code, row = _function_item(lines, quote.group("lei"), quote.group("kuan"), quote.group("xiang"))
            yield from _narrative_finding(page, quote, row, FUNCTION_TABLE_KIND, "total", code, context)
            paragraph = text[quote.end() : following.start() if following else len(text)]
            for planned in re.finditer(NARRATIVE_PLANNED, paragraph):
                if year is not None and int(planned.group("year")) == year:
                    yield from _narrative_finding(page, planned, row, FUNCTION_TABLE_KIND, "total", code, context)
            yield from _year_on_year(page, paragraph, row, code, context)


def _narrative_pages(narrative: tuple[tuple[int, str], ...]) -> dict[int, str]:
    """Each narrative page's lines as one folded text, since a sentence wraps mid-number."""
    pages: dict[int, str] = {}
    for page, text in narrative:
        pages[page] = pages.get(page, "") + fold_for_matching(text)
    return pages


def stated_figure(narrative: tuple[tuple[int, str], ...], source: str) -> Printed | None:
    """The first figure the narrative states for a table amount (``general_budget_expenditure_by_function/total``,
    ``three_public_expenses/total``), as printed in 万元, with its page; None when it states none."""
    patterns = [pattern for pattern, sources in NARRATIVE_FIGURES if sources[0] == source]
    for page, text in sorted(_narrative_pages(narrative).items()):
        for pattern in patterns:
            match = re.search(pattern, text)
            if match is not None:
                amount = match.group("amount")
                return Printed(Decimal(amount.replace(",", "")) * 10_000, amount, "万元", page)
    return None


def agrees_at_precision(quoted: Printed, table_value: Printed) -> bool:
    """Whether a narrative's figure is the table's amount at the narrative's precision, rounded or cut off."""
    amount = Decimal(quoted.printed.replace(",", ""))
    in_unit = table_value.yuan / UNIT_FACTORS[quoted.unit]
    return amount in {in_unit.quantize(amount, rounding=ROUND_HALF_UP), in_unit.quantize(amount, rounding=ROUND_DOWN)}


def _year_on_year(
    page: int, paragraph: str, current: Printed | None, code: str | None, context: dict
) -> Iterator[Outcome]:
    """The change the narrative states (比上年执行数增加0.53%) against last year's quoted figure and the table.

    The stated percentage must lie within what the rounding of both amounts allows; a
    percentage computed from another figure (a copied one) falls outside.
    """
    previous, change = re.search(NARRATIVE_PREVIOUS, paragraph), re.search(NARRATIVE_CHANGE, paragraph)
    if current is None or previous is None or change is None:
        return
    last = Decimal(previous.group("amount").replace(",", "")) * 10_000
    if last == 0:
        return
    stated = Decimal(change.group("percent")) * (-1 if change.group("direction") == "减少" else 1)
    margin = rounding(Printed(last, previous.group("amount"), "万元", page)) + rounding(current)
    bounds = [
        (now - before) / before * 100
        for now in (current.yuan - margin, current.yuan + margin)
        for before in (last - margin, last + margin)
    ]
    slack = Decimal(1).scaleb(-len(change.group("percent").partition(".")[2])) / 2
    if min(bounds) - slack <= stated <= max(bounds) + slack:
        return
    computed = (current.yuan - last) / last * 100
    finding = {
        "document_id": context["document_id"],
        "check": "narrative_change",
        "severity": "warning",
        "table_kind": FUNCTION_TABLE_KIND,
        "code": code,
        "measure": "total",
        "expected": f"{computed.quantize(Decimal('0.01'))}",
        "actual": f"{stated}",
        "difference": f"{(stated - computed).quantize(Decimal('0.01'))}",
        "pages": ",".join(map(str, sorted({page, current.page}))),
        "message": f"narrative on page {page} states a change of {change.group(0)} from {previous.group(0)}; "
        f"the table's {current.printed} {current.unit} gives {computed.quantize(Decimal('0.01'))}%",
        "source_sha256": context["source_sha256"],
        "page": page,
        "table_index": current.table_index,
        "row_index": None,
    }
    yield Outcome((current,), {**finding, "finding_id": finding_id(finding)}, beyond_rounding=True, binding=False)


def _narrative_finding(
    page: int, match: re.Match, table_value: Printed | None, kind: str, key: str, code: str | None, context: dict
) -> Iterator[Outcome]:
    """A warning when the quoted figure is not the table's amount at the narrative's precision.

    Narratives quote 元 tables in 万元 to two decimals, rounded or cut off; either is the same number.
    """
    if table_value is None:
        return
    amount = Decimal(match.group("amount").replace(",", ""))
    quoted = Printed(amount * 10_000, match.group("amount"), "万元", page)
    if agrees_at_precision(quoted, table_value):
        yield Outcome((table_value,), None, beyond_rounding=False, binding=False)
        return
    outcome = compare(
        "narrative",
        quoted,
        [table_value],
        table_kind=kind,
        code=code,
        measure=key,
        what=f"narrative on page {page} quotes “{match.group(0)}” for the table's {key}",
        **context,
    ).relaxed()
    if outcome.finding is not None:
        outcome.finding.update(table_index=table_value.table_index, row_index=None)
    yield outcome


def _first_source(
    sources: tuple[str, ...], lines: pd.DataFrame, items: pd.DataFrame
) -> tuple[str, str, Printed | None]:
    """The first of the narrative figure's table sources the document prints: (kind, measure, amount)."""
    for source in sources:
        kind, key, *_ = source.split("/")
        value = _item(items, key) if kind == "three_public_expenses" else grand_total_of(source, lines)
        if value is not None:
            return kind, key, value
    kind, key, *_ = sources[0].split("/")
    return kind, key, None


def _item(items: pd.DataFrame, item: str) -> Printed | None:
    rows = items[(items["item"] == item) & (items["stage"].isin(["budget", "final"]))]
    return _printed(rows.iloc[0]) if len(rows) else None


def _function_item(lines: pd.DataFrame, lei: str, kuan: str, xiang: str) -> tuple[str | None, Printed | None]:
    """The code and amount of the function table's 项 named ``xiang`` under ``kuan`` under ``lei``."""
    table = lines[(lines["table_kind"] == FUNCTION_TABLE_KIND) & (lines["measure"] == "total") & lines["code"].notna()]
    names = {row.code: fold_for_matching(str(row.name)) for row in table.itertuples()}
    for row in table.itertuples():
        if (
            len(row.code) == 7
            and names[row.code] == xiang
            and names.get(row.code[:5]) == kuan
            and names.get(row.code[:3]) == lei
        ):
            return row.code, _printed(row)
    return None, None
