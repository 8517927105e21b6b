"""Every published dataset and column, with its type, vocabulary and descriptions in zh and en.

This is the single source of truth: the pandera schemas, the Parquet schema and the
datapackage.json field descriptions are all built from these declarations.
"""

from dataclasses import dataclass

from pipeline.catalogue.table_kinds import PREVIOUS_YEAR_STAGE, STAGES, TABLE_KINDS
from pipeline.corrections.model import ACTIONS as CORRECTION_ACTIONS


@dataclass(frozen=True)
class Column:
    """One published column.

    ``kind`` is string, integer, boolean, decimal (money: exact, two decimal places) or float
    (indicator targets and quality figures, which are measurements rather than money).
    """

    name: str
    kind: str
    en: str
    zh: str
    required: bool = False
    vocabulary: tuple[str, ...] = ()
    pattern: str | None = None
    minimum: int | None = None


@dataclass(frozen=True)
class Dataset:
    """One published dataset; ``order_by`` gives every file a stable row order."""

    name: str
    en: str
    zh: str
    columns: tuple[Column, ...]
    order_by: tuple[str, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


def _role_keys(role: str) -> tuple[str, ...]:
    keys = (column.key for kind in TABLE_KINDS for column in kind.columns if column.role == role)
    return tuple(dict.fromkeys(keys))


TABLE_KIND_IDS = tuple(kind.id for kind in TABLE_KINDS)
MEASURES = _role_keys("measure")
THREE_PUBLIC_ITEMS = _role_keys("item")
SECTIONS = _role_keys("section")
BUDGET_STAGES = ("budget", PREVIOUS_YEAR_STAGE, *(stage.key for stage in STAGES))
"""Vocabularies come from the catalogue, so a new kind, measure or item needs no change here."""
UNITS = ("元", "千元", "万元", "亿元")
VERIFICATION_MEANINGS = {
    "verified": "part of an identity of the document that holds, exactly or within printed rounding",
    "unverified": "no identity of the document covers it",
    "contradicted": "part of an identity that fails beyond rounding; finding_id names the finding",
}
"""What each amount's ``verification`` means; select ``verification == 'verified'`` for checked amounts only."""
DOCUMENT_STATUS_MEANINGS = {
    "ok": "every table read and published",
    "partial": "some printed rows could not be read as data (no column roles, unreadable cells); their cells are "
    "in validation_issues",
    "contradictory": "every row published, but some amounts contradict others beyond rounding (verification = "
    "contradicted)",
    "failed": "the document's run did not complete; see its run in Dagster",
    "not_a_budget_disclosure": "a readable PDF that names no standard table, or a blank template",
    "no_text_layer": "a scan: no page has text, so it needs OCR first",
    "unreadable_pdf": "a PDF that the PDF library cannot open",
    "truncated_pdf": "a PDF cut short (no %%EOF at its end): an interrupted download",
    "not_a_pdf": "not a PDF at all, such as an HTML error page saved under a .pdf name",
    "empty_file": "a file of 0 bytes",
    "encrypted": "a password-protected PDF",
    "duplicate": "the same bytes as another file of the release, whose rows are published once",
    "time_limit": "extraction stopped at the per-document time limit",
    "memory_limit": "extraction stopped at the per-document memory limit",
    "crashed": "extraction died in native code without an answer",
}
"""What each ``documents.status`` means; every status but ok, partial and contradictory comes with no rows."""
DOCUMENT_STATUSES = tuple(DOCUMENT_STATUS_MEANINGS)

QUALITY_COLUMNS = (
    Column(
        "tables_expected",
        "integer",
        "Standard tables a disclosure of its kind prints (pipeline.catalogue.table_kinds.STANDARD_TABLES)",
        "该类公开应有的标准表格数",
        minimum=0,
    ),
    Column(
        "tables_missing",
        "string",
        "Standard tables not found anywhere in the disclosure (its PDFs together), comma-separated",
        "公开中未找到的标准表格",
    ),
    Column("amounts", "integer", "Amounts published from its tables", "发布的金额数", minimum=0),
    Column(
        "amounts_verified", "integer", "Of them, verified by an identity that holds", "其中已核验的金额数", minimum=0
    ),
    Column(
        "amounts_contradicted",
        "integer",
        "Of them, contradicted by an identity that fails beyond rounding",
        "其中相互矛盾的金额数",
        minimum=0,
    ),
    Column(
        "function_total_yuan",
        "decimal",
        "Grand total of its general-budget expenditure table by function, in yuan",
        "一般公共预算支出功能分类表合计（元）",
    ),
    Column(
        "narrative_function_total_yuan",
        "decimal",
        "The general-budget expenditure its narrative (or the disclosure's narrative PDF) states, in yuan",
        "情况说明所述一般公共预算支出（元）",
    ),
    Column(
        "function_total_agrees",
        "boolean",
        "Whether the two agree at the narrative's precision; empty when either is missing",
        "二者在说明的精度上是否一致",
    ),
    Column("three_public_total_yuan", "decimal", "Total of its 三公 table, in yuan", "“三公”经费合计（元）"),
    Column(
        "narrative_three_public_total_yuan",
        "decimal",
        "The 三公 total its narrative states, in yuan",
        "情况说明所述“三公”经费合计（元）",
    ),
    Column(
        "three_public_total_agrees",
        "boolean",
        "Whether the two agree at the narrative's precision; empty when either is missing",
        "二者是否一致",
    ),
)
"""The truth-free quality report of each document (``pipeline.evaluation.quality``)."""

_DOCUMENT_ID = Column(
    "document_id",
    "string",
    "Document id: the source PDF's file name without .pdf",
    "文档编号：源 PDF 文件名（不含扩展名）",
    required=True,
)
PROVENANCE = (
    Column(
        "source_sha256",
        "string",
        "sha256 of the source PDF the row was read from",
        "来源 PDF 文件的 sha256",
        required=True,
        pattern=r"^[0-9a-f]{64}$",
    ),
    Column(
        "page",
        "integer",
        "1-based page of the source PDF the row is printed on",
        "行所在的 PDF 页码（从 1 开始）",
        required=True,
        minimum=1,
    ),
    Column(
        "table_index",
        "integer",
        "1-based position of the table among the document's tables",
        "表格在文档中的序号（从 1 开始）",
        required=True,
        minimum=1,
    ),
    Column(
        "row_index",
        "integer",
        "1-based position of the row in the table's grid on that page, header rows included; "
        "empty only for a row a correction added (add_row), which no extracted grid holds",
        "该页表格中行的位置（从 1 开始，含表头行）；仅人工补录的行（add_row）为空",
        minimum=1,
    ),
)
_COLUMN_INDEX = Column(
    "column_index",
    "integer",
    "1-based position of the amount's column in the printed table",
    "金额所在列（从 1 开始）",
    required=True,
    minimum=1,
)
_STAGE = Column(
    "stage",
    "string",
    "budget (预算); previous_year for last year's budget a budget prints beside it; in final accounts "
    "initial_budget (年初预算数), adjusted_budget (调整预算数), final (决算数)",
    "预算阶段：预算 budget；上年预算数 previous_year；决算中为年初预算数、调整预算数、决算数",
    required=True,
    vocabulary=BUDGET_STAGES,
)
_CORRECTED = (
    Column(
        "corrected",
        "boolean",
        "Whether a curator's correction changed the row (see corrections_log)",
        "是否经人工更正（见更正记录）",
        required=True,
    ),
    Column("correction", "string", "The correction applied: action, reason and author", "所作更正：操作、原因与更正人"),
)
_AMOUNT = (
    Column(
        "amount_yuan",
        "decimal",
        "Amount in yuan, exact, converted from the printed unit",
        "金额（元），由印刷单位精确换算",
        required=True,
    ),
    Column("amount_printed", "string", "The amount exactly as printed", "印刷的金额原文", required=True),
    Column(
        "unit_printed",
        "string",
        "The unit printed in the table's 单位 line",
        "表格单位行印刷的单位",
        required=True,
        vocabulary=UNITS,
    ),
)
_VERIFICATION = (
    Column(
        "verification",
        "string",
        "verified (an identity of the document that holds covers it), unverified (none covers it) or "
        "contradicted (an identity covering it fails beyond rounding)",
        "核验状态：verified 已核验 / unverified 未覆盖 / contradicted 与其他数字矛盾",
        required=True,
        vocabulary=tuple(VERIFICATION_MEANINGS),
    ),
    Column(
        "finding_id",
        "string",
        "For a contradicted amount, the validation_issues finding that contradicts it",
        "矛盾时对应的问题编号（validation_issues.finding_id）",
    ),
)
_TABLE = (
    Column(
        "table_kind",
        "string",
        "Standard table kind from the catalogue",
        "标准表格类型",
        required=True,
        vocabulary=TABLE_KIND_IDS,
    ),
    Column("table_title", "string", "The table's title as printed", "印刷的表格标题", required=True),
)

DOCUMENTS = Dataset(
    "documents",
    "One row per source PDF: identity, what was found, and its processing status",
    "每个源 PDF 一行：身份、识别结果和处理状态",
    (
        _DOCUMENT_ID,
        Column("file_name", "string", "File name of the source PDF", "源 PDF 文件名", required=True),
        Column(
            "disclosure_id",
            "string",
            "The disclosure the document belongs to: narrative and tables published as two PDFs share one",
            "所属公开文件编号：分为说明与表格两个 PDF 公开时二者相同",
            required=True,
        ),
        Column(
            "sha256", "string", "sha256 of the source PDF", "源 PDF 的 sha256", required=True, pattern=r"^[0-9a-f]{64}$"
        ),
        Column("size_bytes", "integer", "Size of the source PDF in bytes", "源 PDF 字节数", minimum=0),
        Column("pages", "integer", "Number of pages", "页数", minimum=0),
        Column("department", "string", "Publishing department, as printed", "发布部门（原文）"),
        Column("region", "string", "Region of the department", "所属地区"),
        Column("year", "integer", "Budget year", "预算年度", minimum=2000),
        Column(
            "disclosure_kind",
            "string",
            "budget or final_accounts",
            "公开类型：预算 budget / 决算 final_accounts",
            vocabulary=("budget", "final_accounts"),
        ),
        Column("status", "string", "Processing status", "处理状态", required=True, vocabulary=DOCUMENT_STATUSES),
        Column("error", "string", "Why the document failed, when it did", "失败原因"),
        Column("tables_found", "integer", "Number of tables found", "识别出的表格数", minimum=0),
        Column(
            "content",
            "string",
            "What the PDF holds: tables_and_narrative, tables (its narrative is another PDF of the disclosure), "
            "narrative (its tables are another PDF) or none",
            "文件内容：表格与说明、仅表格、仅说明、无",
            vocabulary=("tables_and_narrative", "tables", "narrative", "none"),
        ),
        *QUALITY_COLUMNS,
    ),
    order_by=("document_id",),
)

TABLES = Dataset(
    "tables",
    "One row per table found in a document, with camelot's quality figures",
    "每个识别出的表格一行，含 camelot 解析质量",
    (
        _DOCUMENT_ID,
        Column(
            "table_index",
            "integer",
            "1-based position of the table among the document's tables",
            "表格序号",
            required=True,
            minimum=1,
        ),
        Column(
            "table_kind",
            "string",
            "Standard table kind; empty when the table is not in the catalogue",
            "标准表格类型；未识别时为空",
            vocabulary=TABLE_KIND_IDS,
        ),
        Column("table_title", "string", "The table's title as printed", "印刷的表格标题"),
        Column(
            "recognised_by",
            "string",
            "Signals that decided the kind, joined with +: title, qualifier (按功能/经济分类), header, body "
            "(the classification of the codes it prints); none when no kind was chosen",
            "判定表格类型的依据：标题、分类限定语、表头、表体科目编码；未判定为 none",
            required=True,
        ),
        Column(
            "confidence",
            "float",
            "How sure the kind is, 0-1: 0.8 for a title alone, more for each agreeing signal, 0.5 for a title its "
            "content contradicts, 0 for no kind",
            "类型判定的把握（0-1）",
            required=True,
        ),
        Column("evidence", "string", "What the table showed, in words, separated by '; '", "判定依据说明"),
        Column("unit_printed", "string", "Unit printed in the table's 单位 line", "单位", vocabulary=UNITS),
        Column("pages", "string", "Pages the table is printed on, comma-separated", "表格所在页码", required=True),
        Column("columns", "integer", "Number of printed columns", "列数", minimum=0),
        Column("body_rows", "integer", "Number of body rows (header rows excluded)", "数据行数", minimum=0),
        Column(
            "header",
            "string",
            "Column labels rebuilt from the printed header, separated by ' | '",
            "由表头重建的列名",
            required=False,
        ),
        Column("notes", "string", "备注 lines printed under the table", "表下备注"),
        Column(
            "accuracy", "float", "Lowest camelot accuracy over the table's pages (0-100)", "camelot 准确度（各页最低）"
        ),
        Column(
            "source_sha256",
            "string",
            "sha256 of the source PDF",
            "来源 PDF 的 sha256",
            required=True,
            pattern=r"^[0-9a-f]{64}$",
        ),
    ),
    order_by=("document_id", "table_index"),
)

BUDGET_LINES = Dataset(
    "budget_lines",
    "One row per printed amount of the classification tables",
    "分类表格中每个印刷金额一行",
    (
        _DOCUMENT_ID,
        *_TABLE,
        Column(
            "classification",
            "string",
            "function (功能分类), economic (经济分类) or none",
            "科目分类：功能 function / 经济 economic / 无 none",
            required=True,
            vocabulary=("function", "economic", "none"),
        ),
        Column(
            "budget_unit",
            "string",
            "The budget unit (预算单位) a row belongs to, where a table stacks several units' blocks",
            "所属预算单位：表格分列多个单位时该行所属单位",
        ),
        Column(
            "code",
            "string",
            "Classification code, full digits (201, 20101, 2010101); empty for total rows",
            "科目编码（完整位数）；合计行为空",
            pattern=r"^\d{3}(\d{2}){0,2}$",
        ),
        Column(
            "code_level", "integer", "1 类, 2 款, 3 项; empty for total rows", "科目级次：1 类 2 款 3 项", minimum=1
        ),
        Column("parent_code", "string", "Code of the level above", "上级科目编码", pattern=r"^\d{3}(\d{2})?$"),
        Column("name", "string", "Row label as printed", "科目名称（原文）"),
        Column(
            "standard_name",
            "string",
            "The code's name in the project's classification code list (classification_codes); empty when the "
            "list does not hold the code",
            "科目编码在分类科目表中的标准名称",
        ),
        Column(
            "section",
            "string",
            "Side of a summary table the amount is on: revenue, expenditure, expenditure_by_purpose",
            "收支总表中金额所在的一侧：收入、支出、按支出用途",
            vocabulary=SECTIONS,
        ),
        _STAGE,
        Column(
            "measure",
            "string",
            "Which amount column: total, basic, project, personnel, ...",
            "金额列：合计、基本支出、项目支出……",
            required=True,
            vocabulary=MEASURES,
        ),
        Column("measure_printed", "string", "The amount column's header as printed", "金额列表头原文", required=True),
        *_AMOUNT,
        Column("is_total_row", "boolean", "Whether the row is a total (合计/总计)", "是否合计行", required=True),
        *_VERIFICATION,
        *PROVENANCE,
        _COLUMN_INDEX,
        *_CORRECTED,
    ),
    order_by=("document_id", "table_index", "page", "row_index", "column_index"),
)

THREE_PUBLIC_EXPENSES = Dataset(
    "three_public_expenses",
    'The "three public expenses" (三公经费) table, one row per item',
    "“三公”经费表，每个项目一行",
    (
        _DOCUMENT_ID,
        *_TABLE,
        _STAGE,
        Column(
            "item",
            "string",
            "total (the 三公 total), overseas_travel, vehicle_total, vehicle_purchase, vehicle_operation, reception; "
            "meeting, training, operating_costs and total_with_meeting_training where printed",
            "项目：合计、因公出国（境）费、公务用车购置及运行费……",
            required=True,
            vocabulary=THREE_PUBLIC_ITEMS,
        ),
        Column("item_printed", "string", "The item's column header as printed", "项目列表头原文", required=True),
        *_AMOUNT,
        *_VERIFICATION,
        *PROVENANCE,
        _COLUMN_INDEX,
        *_CORRECTED,
    ),
    order_by=("document_id", "table_index", "page", "row_index", "column_index"),
)

PERFORMANCE_INDICATORS = Dataset(
    "performance_indicators",
    "Performance targets of the department and its projects, one row per indicator",
    "部门整体及项目支出绩效目标，每个指标一行",
    (
        _DOCUMENT_ID,
        *_TABLE,
        Column(
            "scope",
            "string",
            "department (整体) or project (项目)",
            "范围：部门整体 department / 项目 project",
            required=True,
            vocabulary=("department", "project"),
        ),
        Column("project_code", "string", "Project code, for project targets", "项目编码"),
        Column("project_name", "string", "Project name, for project targets", "项目名称"),
        Column("level1", "string", "一级指标 (output, effect, satisfaction)", "一级指标", required=True),
        Column("level2", "string", "二级指标", "二级指标"),
        Column("level3", "string", "三级指标: the indicator's name", "三级指标（指标名称）", required=True),
        Column("operator", "string", "指标性质 as printed: ≥, ≤, =, 定性 ...", "指标性质（原文）"),
        Column("target_value", "string", "Target value as printed", "指标值（原文）"),
        Column("target_number", "float", "Target value as a number, where it is one", "指标值（数值）"),
        Column("unit", "string", "计量单位 as printed", "计量单位"),
        Column("weight", "float", "Weight (权重) of the indicator", "权重", minimum=0),
        Column("is_core", "boolean", "Whether the indicator is marked core (是否核心指标)", "是否核心指标"),
        *PROVENANCE,
    ),
    order_by=("document_id", "table_index", "page", "row_index"),
)

VALIDATION_ISSUES = Dataset(
    "validation_issues",
    "Every problem found: unreadable cells, unrecognised tables, failed checks",
    "发现的所有问题：无法解析的单元格、未识别的表格、未通过的校验",
    (
        _DOCUMENT_ID,
        Column(
            "finding_id",
            "string",
            "Stable id of a reconciliation finding, which contradicted amounts refer to",
            "核对问题编号，矛盾金额以此引用",
        ),
        Column(
            "check",
            "string",
            "Name of the check or parsing step that found the problem",
            "发现问题的检查项",
            required=True,
        ),
        Column(
            "severity",
            "string",
            "error (rows withheld, or amounts that contradict each other beyond rounding: published, marked "
            "contradicted) or warning",
            "严重程度：error 错误（数据暂扣，或金额相互矛盾：照常发布并标为 contradicted）/ warning 警告",
            required=True,
            vocabulary=("error", "warning"),
        ),
        Column("table_kind", "string", "Table kind concerned", "涉及的表格类型", vocabulary=TABLE_KIND_IDS),
        Column("code", "string", "Classification code concerned", "涉及的科目编码"),
        Column("measure", "string", "Measure or item concerned", "涉及的金额列"),
        Column("expected", "string", "Expected value", "期望值"),
        Column("actual", "string", "Value found", "实际值"),
        Column(
            "difference",
            "string",
            "actual - expected, in yuan, for reconciliation findings",
            "差额（元）：实际值 - 期望值",
        ),
        Column("pages", "string", "Every page the finding involves, comma-separated", "涉及的所有页码"),
        Column(
            "tables",
            "string",
            "Every table (table_index) the finding involves, comma-separated",
            "涉及的所有表格序号",
        ),
        Column("message", "string", "What is wrong, for a person to read", "问题说明", required=True),
        Column("row_text", "string", "The printed cells of the row concerned, separated by ' | '", "涉及行的印刷内容"),
        Column("source_sha256", "string", "sha256 of the source PDF", "来源 PDF 的 sha256", pattern=r"^[0-9a-f]{64}$"),
        Column("page", "integer", "Page concerned", "涉及页码", minimum=1),
        Column("table_index", "integer", "Table concerned", "涉及表格序号", minimum=1),
        Column("row_index", "integer", "Row concerned", "涉及行", minimum=1),
    ),
    order_by=("document_id", "table_index", "page", "row_index", "check", "measure", "message"),
)

CORRECTIONS_LOG = Dataset(
    "corrections_log",
    "Every correction of data/raw/corrections/<document_id>.yaml, and what became of it",
    "每条人工更正及其执行结果",
    (
        _DOCUMENT_ID,
        Column(
            "correction_index",
            "integer",
            "Position of the correction in its file",
            "更正在文件中的序号",
            required=True,
            minimum=1,
        ),
        Column(
            "action",
            "string",
            "set_amount, set_code, set_name, drop_row or add_row",
            "更正操作",
            required=True,
            vocabulary=CORRECTION_ACTIONS,
        ),
        Column(
            "table_kind",
            "string",
            "Table kind the correction addresses, as the corrections file writes it (an unknown kind is logged "
            "invalid, not refused)",
            "更正的表格类型（按更正文件原文）",
            required=True,
        ),
        Column("code", "string", "Classification code of the row", "行的科目编码"),
        Column("row_label", "string", "Row label, for rows without a code", "行名称（无编码时）"),
        Column("measure", "string", "Measure or 三公 item", "金额列或“三公”项目"),
        Column("stage", "string", "Budget stage", "预算阶段", required=True, vocabulary=BUDGET_STAGES),
        Column("value", "string", "The value set, as it should be printed", "更正后的值（印刷形式）"),
        Column("reason", "string", "Why the correction was made", "更正原因", required=True),
        Column("author", "string", "Who made it", "更正人", required=True),
        Column(
            "status",
            "string",
            "applied, unmatched (no row has these keys) or invalid",
            "执行结果：applied 已执行 / unmatched 未匹配 / invalid 无效",
            required=True,
            vocabulary=("applied", "unmatched", "invalid"),
        ),
        Column(
            "rows_affected",
            "integer",
            "Published rows the correction changed or removed",
            "受影响的行数",
            required=True,
            minimum=0,
        ),
        Column("message", "string", "Why a correction was not applied", "未执行的原因"),
    ),
    order_by=("document_id", "correction_index"),
)

CLASSIFICATION_CODES = Dataset(
    "classification_codes",
    "The classification code list (政府收支分类科目) the release checks codes against: function 类/款/项 and "
    "economic 类/款, each with the document and page its name was read from",
    "政府收支分类科目表：功能分类类/款/项与经济分类类/款，附名称来源",
    (
        Column("code", "string", "Classification code", "科目编码", required=True, pattern=r"^\d{3}(\d{2}){0,2}$"),
        Column("name", "string", "Standard name", "标准名称", required=True),
        Column("level", "integer", "1 类, 2 款, 3 项", "级次", required=True, minimum=1),
        Column("parent_code", "string", "Code of the level above", "上级科目编码"),
        Column(
            "classification",
            "string",
            "function or economic",
            "功能分类 function / 经济分类 economic",
            required=True,
            vocabulary=("function", "economic"),
        ),
        Column(
            "scheme",
            "string",
            "For economic codes: department (部门预算支出经济分类, 30x) or government (政府预算支出经济分类, 50x)",
            "经济分类口径：部门预算 department / 政府预算 government",
            vocabulary=("department", "government"),
        ),
        Column(
            "source",
            "string",
            "Where the name was read: source id and page (pipeline/catalogue/classification/SOURCES.md)",
            "名称来源（来源编号#页码）",
            required=True,
        ),
    ),
    order_by=("classification", "code"),
)

DATASETS: tuple[Dataset, ...] = (
    DOCUMENTS,
    TABLES,
    BUDGET_LINES,
    THREE_PUBLIC_EXPENSES,
    PERFORMANCE_INDICATORS,
    VALIDATION_ISSUES,
    CORRECTIONS_LOG,
    CLASSIFICATION_CODES,
)
DATASETS_BY_NAME = {dataset.name: dataset for dataset in DATASETS}


EXTRACTED_TABLE_PARTS = {
    "title": "The table's printed title, which the catalogue types",
    "unit": "The unit of the table's 单位 line",
    "header": "The printed header rows, rebuilt into one label per column",
    "cells": "The body cells, read from the PDF's glyphs inside camelot's grid",
    "grids": "Where each part of the table is printed: page, position, camelot's quality figures",
}
"""What an extracted table (the ``extracted_tables`` asset) is made of, for column lineage."""

COLUMN_SOURCES: dict[str, tuple[str, ...]] = {
    "table_kind": ("title",),
    "table_title": ("title",),
    "unit_printed": ("unit",),
    "amount_printed": ("cells",),
    "amount_yuan": ("cells", "unit"),
    "stage": ("header", "title"),
    "measure": ("header",),
    "measure_printed": ("header",),
    "item": ("header",),
    "item_printed": ("header",),
    "section": ("header",),
    "is_total_row": ("cells",),
    "page": ("grids",),
    "table_index": ("grids",),
    "row_index": ("grids",),
    "column_index": ("grids", "header"),
    **{
        name: ("cells",)
        for name in (
            "code",
            "code_level",
            "parent_code",
            "name",
            "project_code",
            "project_name",
            "level1",
            "level2",
            "level3",
            "operator",
            "target_value",
            "target_number",
            "unit",
            "weight",
            "is_core",
        )
    },
}
"""The parts of the extracted table each published column is read from (the rest come from the document)."""
