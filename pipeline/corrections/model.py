"""The corrections file format (``data/raw/corrections/<document_id>.yaml``), read and validated.

A correction names the amount or row it fixes by business keys (table kind, code or row label,
measure or 三公 item, stage), never by cell coordinates, so it still finds its target when a
re-extraction moves rows; it carries why it was made and by whom::

    corrections:
      - action: set_amount            # set_amount | set_code | set_name | drop_row | add_row
        table_kind: expenditure_summary
        row_label: 合计               # or code: "20101"
        measure: basic                # or item: reception (三公)
        value: "1,225.78"             # as it should be printed, in the table's unit
        reason: 部门支出总表 prints 1,225.79; every other table and the sum of 类 give 1,225.78
        author: data desk
      - action: add_row               # a row the extraction missed, as printed on its page
        table_kind: general_budget_expenditure_by_function
        code: "2010199"
        row_label: 其他政府办公厅（室）及相关机构事务支出
        measure: total
        value: "12.00"
        page: 6                       # the PDF page that prints it: its provenance
        reason: the row is printed over a page break and was not read
        author: data desk

An added row takes its table's title, unit and the amount's column from the rows read from the
same table; it has no row_index, since no extracted grid holds it, and ``page`` says where it is printed.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

ACTIONS = ("set_amount", "set_code", "set_name", "drop_row", "add_row")
_KEYS = {"action", "table_kind", "code", "row_label", "measure", "item", "stage", "value", "page", "reason", "author"}


class CorrectionsError(ValueError):
    """A corrections file that cannot be applied as written; the message says which entry and why."""


@dataclass(frozen=True)
class Correction:
    index: int
    action: str
    table_kind: str
    code: str | None
    row_label: str | None
    measure: str | None
    item: str | None
    stage: str
    value: str | None
    reason: str
    author: str
    page: int | None = None


def corrections_sha256(path: Path) -> str | None:
    """The corrections file's sha256 (part of the document's version), None when there is none."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def document_version(pdf_sha256: str, corrections: str | None) -> str:
    """The version of a document's inputs: its PDF's sha256, plus its corrections file's when it has one.

    Editing a document's corrections therefore makes exactly that document stale.
    """
    return pdf_sha256 if corrections is None else f"{pdf_sha256}+corrections:{corrections[:16]}"


def read_corrections(path: Path) -> list[Correction]:
    """The corrections of one document, validated; none when the file does not exist."""
    if not path.exists():
        return []
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise CorrectionsError(f"{path.name}: not valid YAML: {error}") from error
    entries = content.get("corrections") if isinstance(content, dict) else None
    if not isinstance(entries, list):
        raise CorrectionsError(f"{path.name}: expected a mapping with a 'corrections' list")
    return [_correction(path.name, index, entry) for index, entry in enumerate(entries, start=1)]


def _correction(file_name: str, index: int, entry: object) -> Correction:
    where = f"{file_name}, correction {index}"
    if not isinstance(entry, dict):
        raise CorrectionsError(f"{where}: expected a mapping")
    unknown = set(entry) - _KEYS
    if unknown:
        raise CorrectionsError(f"{where}: unknown fields {sorted(unknown)}")
    text = {key: None if entry.get(key) is None else str(entry[key]).strip() for key in _KEYS}
    if text["action"] not in ACTIONS:
        raise CorrectionsError(f"{where}: action must be one of {', '.join(ACTIONS)}")
    for required in ("table_kind", "reason", "author"):
        if not text[required]:
            raise CorrectionsError(f"{where}: '{required}' is required")
    if not (text["code"] or text["row_label"]):
        raise CorrectionsError(f"{where}: name the row by 'code' or 'row_label'")
    if text["action"] != "drop_row" and not text["value"]:
        raise CorrectionsError(f"{where}: '{text['action']}' needs a 'value'")
    if text["action"] in ("set_amount", "add_row") and not (text["measure"] or text["item"]):
        raise CorrectionsError(f"{where}: {text['action']} needs the 'measure' (or 三公 'item') it sets")
    if text["action"] == "add_row" and not (text["page"] or "").isdigit():
        raise CorrectionsError(f"{where}: add_row needs the 'page' that prints the row")
    return Correction(
        index=index,
        action=text["action"],
        table_kind=text["table_kind"],
        code=text["code"],
        row_label=text["row_label"],
        measure=text["measure"],
        item=text["item"],
        stage=text["stage"] or "budget",
        value=text["value"],
        reason=text["reason"],
        author=text["author"],
        page=int(text["page"]) if (text["page"] or "").isdigit() else None,
    )
