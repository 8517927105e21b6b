"""Applying corrections to one document's rows, flagging what they changed and logging each one."""

import pandas as pd

from pipeline.catalogue.matching import is_total_label
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
        try:
            if correction.action == "add_row":
                rows, matched = _add_row(rows, matched, correction)
            elif not matched.any():
                status, message = (
                    "unmatched",
                    "no published row has these keys any more; the correction was not applied",
                )
            else:
                rows = _apply(rows, matched, correction)
        except (AmountError, CodeError, CorrectionTargetError) as error:
            status, message = error.status if isinstance(error, CorrectionTargetError) else "invalid", str(error)
        log.append(_log_record(document_id, correction, status, int(matched.sum()), message))
    return rows.reset_index(drop=True), log


class CorrectionTargetError(ValueError):
    """An added row that has no table to join (``unmatched``) or that is already there (``invalid``)."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


def _add_row(rows: pd.DataFrame, matched: pd.Series, correction: Correction) -> tuple[pd.DataFrame, pd.Series]:
    """The rows with the missed row appended, and the mask of that one row.

    Title, unit, classification and the amount's column come from rows read from the same
    table (those of the same measure or 三公 stage, preferring the correction's page); the row's
    own provenance is its page, with no row_index.
    """
    if matched.any():
        raise CorrectionTargetError("invalid", "a row with these keys is already published: correct it with set_amount")
    table = rows[(rows["table_kind"] == correction.table_kind) & (rows["stage"] == correction.stage)]
    if table.empty:
        raise CorrectionTargetError(
            "unmatched", "no row of this table was read: an added row takes its table's unit and title from them"
        )
    siblings = table[table["measure"] == correction.measure] if "measure" in table else table
    if siblings.empty:
        raise CorrectionTargetError("invalid", f"no row of this table prints the measure {correction.measure!r}")
    on_page = siblings[siblings["page"] == correction.page]
    template = (on_page if not on_page.empty else siblings).iloc[0].to_dict()
    amount = parse_amount(correction.value or "")
    if amount is None:
        raise AmountError(f"not an amount: {correction.value!r}")
    added = {
        **template,
        "amount_printed": correction.value,
        "amount_yuan": to_yuan(amount, template["unit_printed"]),
        "page": correction.page,
        "row_index": None,
        "corrected": True,
        "correction": f"add_row: {correction.reason} ({correction.author})",
    }
    if "item" in template:
        added.update(item=correction.item, item_printed=correction.row_label or correction.item)
    else:
        classification = "economic" if template["classification"] == "economic" else "function"
        code = parse_code(correction.code, classification) if correction.code else None
        added.update(
            code=code,
            code_level=code_level(code) if code else None,
            parent_code=parent_code(code) if code else None,
            name=correction.row_label,
            is_total_row=bool(correction.row_label) and is_total_label(correction.row_label),
        )
    combined = pd.concat([rows, pd.DataFrame([added]).astype(rows.dtypes.to_dict())], ignore_index=True)
    mask = pd.Series(False, index=combined.index)
    mask.iloc[-1] = True
    return combined, mask


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
