"""The data dictionary: a Markdown page for the people who download the release.

Generated from the contract, like the schemas, so it cannot drift from the files it describes.
"""

from pipeline.contract.datasets import DOCUMENT_STATUS_MEANINGS, VERIFICATION_MEANINGS, Dataset
from pipeline.contract.frames import ARROW_TYPES

_KIND_NOTES = {
    "decimal": "exact decimal, yuan, 2 places",
    "integer": "integer",
    "string": "text",
    "boolean": "true / false",
    "float": "number",
}


def data_dictionary(datasets: tuple[Dataset, ...]) -> str:
    """The dictionary page: every dataset, every column in Chinese and English, and how to read the files."""
    lines = [
        "# cnbudget open data: data dictionary / 数据字典",
        "",
        "Each dataset is published as `<dataset>.parquet` and `<dataset>.csv` (UTF-8 with BOM).",
        "Amounts are in yuan (元), exact to the fen, converted from the unit printed in each table",
        "(`unit_printed`); `amount_printed` keeps the amount exactly as printed. Every row can be traced",
        "to its source: `document_id`, `source_sha256`, `page`, `table_index`, `row_index`.",
        "`datapackage.json` lists every file with its sha256.",
        "",
        "The row datasets are also split by year and region under",
        "`partitioned/<dataset>/year=<year>/region=<region>/part-0.parquet` (Hive style; an unknown year or",
        "region is `__HIVE_DEFAULT_PARTITION__`), so DuckDB, Spark or pyarrow read only the folders a query",
        "filters on. `cnbudget.duckdb` holds every dataset as a table, built from these Parquet files; DuckDB",
        "writes a random identifier into each database file, so it is the one file listed without a hash.",
        "",
        "## Reading the files",
        "",
        "```python",
        "import pandas as pd",
        'lines = pd.read_parquet("budget_lines.parquet")',
        'by_function = lines[(lines.table_kind == "general_budget_expenditure_by_function") & (lines.measure == "total")]',
        "```",
        "",
        "```sql",
        "-- DuckDB",
        "SELECT d.department, d.year, b.code, b.name, b.amount_yuan",
        "FROM 'budget_lines.parquet' b JOIN 'documents.parquet' d USING (document_id)",
        "WHERE b.table_kind = 'general_budget_expenditure_by_function' AND b.code_level = 1 AND b.measure = 'total';",
        "",
        "-- one region's rows, reading only its folders",
        "SELECT * FROM read_parquet('partitioned/budget_lines/*/*/*.parquet', hive_partitioning = true)",
        "WHERE year = 2024 AND region = '上海市普陀区';",
        "",
        "-- or the database: duckdb cnbudget.duckdb",
        "SELECT status, count(*) FROM documents GROUP BY status;",
        "```",
        "",
    ]
    lines += [
        "## Verified, unverified and contradicted amounts",
        "",
        "Every amount a recognised table prints is published, with `verification` saying how far the",
        "document's own arithmetic supports it (合计 = 基本 + 项目, 类 = Σ款, grand totals shared by two tables,",
        "三公 items, the narrative's figures). A contradicted amount names its finding in `finding_id`",
        "(see `validation_issues.finding_id`).",
        "",
        "| verification | meaning |",
        "|---|---|",
        *(f"| `{status}` | {meaning} |" for status, meaning in VERIFICATION_MEANINGS.items()),
        "",
        "```python",
        'verified = lines[lines.verification == "verified"]          # only amounts an identity confirms',
        'trusted = lines[lines.verification != "contradicted"]       # everything not contradicted',
        "```",
        "",
        "`tables` says how each table's kind was recognised (`recognised_by`, `confidence`, `evidence`), and",
        "`documents` carries a quality report: standard tables missing, amounts verified and contradicted,",
        "and whether the function and 三公 totals equal the figures the narrative states.",
        "",
    ]
    lines += ["## Document statuses", "", "| status | meaning |", "|---|---|"]
    lines += [f"| `{status}` | {meaning} |" for status, meaning in DOCUMENT_STATUS_MEANINGS.items()]
    lines.append("")
    for dataset in datasets:
        lines += [f"## `{dataset.name}`", "", f"{dataset.en}  ", f"{dataset.zh}", ""]
        lines += ["| column | type | description | 说明 | values |", "|---|---|---|---|---|"]
        for column in dataset.columns:
            values = (
                ", ".join(column.vocabulary)
                if column.vocabulary
                else (f"pattern `{column.pattern}`" if column.pattern else "")
            )
            required = " (required)" if column.required else ""
            kind = f"{_KIND_NOTES[column.kind]} ({ARROW_TYPES[column.kind]}){required}"
            lines.append(f"| `{column.name}` | {kind} | {column.en} | {column.zh} | {values} |")
        lines.append("")
    return "\n".join(lines)
