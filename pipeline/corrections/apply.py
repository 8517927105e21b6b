"""Applying corrections to one document's rows, flagging what they changed and logging each one."""

import pandas as pd

from pipeline.corrections.model import Correction
from pipeline.parsing.amounts import AmountError, parse_amount, to_yuan
from pipeline.parsing.cell_text import fold_for_matching
from pipeline.parsing.codes import CodeError, code_level, parent_code, parse_code

THREE_PUBLIC = "three_public_expenses"


def corrections_for(dataset: str, corrections: list[Correction]) -> list[Correction]:
    """The corrections that address rows of ``dataset``: the 三公 table's go to three_public_expenses,
    every other table's to budget_lines; other datasets take none."""
    if dataset not in (THREE_PUBLIC, "budget_lines"):
        return []
    return [c for c in corrections if (c.table_kind == THREE_PUBLIC) == (dataset == THREE_PUBLIC)]


def apply_corrections(
    rows: pd.DataFrame, corrections: list[Correction], document_id: str
) -> tuple[pd.DataFrame, list[dict]]:
    """The rows with the corrections applied and flagged, and one corrections_log record per correction.

    A correction that matches no row changes nothing and is logged as ``unmatched``; one whose
    value cannot be applied is logged as ``invalid``.
    """
    rows = rows.copy()
    log = []
    for correction in corrections:
        matched = _matching(rows, correction)
        status, message = "applied", ""
        if not matched.any():
            status, message = "unmatched", "no published row has these keys any more; the correction was not applied"
        else:
            try:
                rows = _apply(rows, matched, correction)
            except (AmountError, CodeError) as error:
                status, message = "invalid", str(error)
        log.append(_log_record(document_id, correction, status, int(matched.sum()), message))
    return rows.reset_index(drop=True), log


def _matching(rows: pd.DataFrame, correction: Correction) -> pd.Series:
    selected = (rows["table_kind"] == correction.table_kind) & (rows["stage"] == correction.stage)
    if "code" in rows and correction.code:
        selected &= rows["code"] == correction.code
    elif correction.row_label and "name" in rows:
        label = fold_for_matching(correction.row_label)
        selected &= rows["name"].map(lambda name: not pd.isna(name) and fold_for_matching(name) == label).astype(bool)
    if correction.measure and "measure" in rows:
        selected &= rows["measure"] == correction.measure
    if correction.item and "item" in rows:
        selected &= rows["item"] == correction.item
    return selected.fillna(False).astype(bool)


def _apply(rows: pd.DataFrame, matched: pd.Series, correction: Correction) -> pd.DataFrame:
    if correction.action == "drop_row":
        return rows[~matched]
    if correction.action == "set_amount":
        amount = parse_amount(correction.value or "")
        if amount is None:
            raise AmountError(f"not an amount: {correction.value!r}")
        rows.loc[matched, "amount_printed"] = correction.value
        rows.loc[matched, "amount_yuan"] = [to_yuan(amount, unit) for unit in rows.loc[matched, "unit_printed"]]
    elif correction.action == "set_code":
        classification = rows.loc[matched, "classification"].iloc[0]
        code = parse_code(correction.value or "", "economic" if classification == "economic" else "function")
        rows.loc[matched, ["code", "code_level", "parent_code"]] = [code, code_level(code), parent_code(code)]
    elif correction.action == "set_name":
        rows.loc[matched, "name"] = correction.value
    rows.loc[matched, "corrected"] = True
    rows.loc[matched, "correction"] = f"{correction.action}: {correction.reason} ({correction.author})"
    return rows


def _log_record(document_id: str, correction: Correction, status: str, rows_affected: int, message: str) -> dict:
    return {
        "document_id": document_id,
        "correction_index": correction.index,
        "action": correction.action,
        "table_kind": correction.table_kind,
        "code": correction.code,
        "row_label": correction.row_label,
        "measure": correction.measure or correction.item,
        "stage": correction.stage,
        "value": correction.value,
        "reason": correction.reason,
        "author": correction.author,
        "status": status,
        "rows_affected": rows_affected if status == "applied" else 0,
        "message": message or None,
    }
