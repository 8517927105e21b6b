"""Putting every document's outputs together into the release's frames.

A document whose rows break the schema is not published: its rows of that dataset are
withheld, each failure becomes a validation issue, and the document's status says partial.
Rows whose amounts reconciliation contradicts are published all the same, marked
``contradicted`` (see ``pipeline.validation.verification``).
"""

from dataclasses import dataclass, replace
from decimal import Decimal

import pandas as pd

from pipeline.catalogue.code_list import load_code_list
from pipeline.contract.datasets import CLASSIFICATION_CODES, DATASETS, DOCUMENTS, VALIDATION_ISSUES
from pipeline.contract.frames import dataset_frame, text_or_none
from pipeline.contract.schemas import schema_failures
from pipeline.evaluation.quality import disclosure_quality
from pipeline.extraction.document_tables import ExtractedDocument
from pipeline.extraction.tables import DocumentTable
from pipeline.inspection.document import DocumentInfo
from pipeline.inspection.facts import DocumentFacts, region_of
from pipeline.normalization.documents import document_frame, document_status, tables_frame
from pipeline.normalization.records import Normalized
from pipeline.publication.disclosures import DisclosureFacts, disclosure_ids
from pipeline.validation.reconciliation import narrative_figures

NORMALIZED_DATASETS = ("budget_lines", "three_public_expenses", "performance_indicators")


@dataclass(frozen=True)
class DocumentOutputs:
    """What the per-document steps produced for one document; ``extracted`` is None when its run failed."""

    info: DocumentInfo
    extracted: ExtractedDocument | None
    normalized: dict[str, Normalized]
    source: dict[str, str]
    findings: pd.DataFrame | None = None
    """The document's reconciliation findings; their errors mark the amounts concerned contradicted."""


def release_frames(outputs: list[DocumentOutputs]) -> dict[str, pd.DataFrame]:
    """Concatenate every document's rows, withholding what fails its schema, into one frame per dataset.

    Documents are then tied into disclosures (narrative and tables published as two PDFs).
    """
    outputs = published_once(outputs)
    parts: dict[str, list[pd.DataFrame]] = {dataset.name: [] for dataset in DATASETS}
    for output in outputs:
        for name, frame in _document_frames(output).items():
            parts[name].append(frame)
    frames = {
        dataset.name: pd.concat(parts[dataset.name], ignore_index=True)
        if parts[dataset.name]
        else dataset_frame(dataset, [])
        for dataset in DATASETS
    }
    ids = disclosure_ids([_disclosure_facts(output, frames["documents"]) for output in outputs])
    frames["documents"]["disclosure_id"] = frames["documents"]["document_id"].map(ids).astype("str")
    frames["documents"] = _shared_facts(frames["documents"])
    frames["documents"] = _with_quality(frames, outputs, ids)
    frames[CLASSIFICATION_CODES.name] = code_list_frame()
    companion = _companion_narrative_findings(outputs, ids)
    if not companion.empty:
        frames["validation_issues"] = pd.concat([frames["validation_issues"], companion], ignore_index=True)
    return frames


def _shared_facts(documents: pd.DataFrame) -> pd.DataFrame:
    """Documents of one disclosure with the department and year one of them states filled in for the others.

    Beijing's tables PDF prints no year and its narrative PDF names no department on its cover: together
    they say both.
    """
    filled = documents.copy()
    for _, group in filled.groupby("disclosure_id", sort=True):
        for fact in ("department", "year"):
            known = group[fact].dropna()
            if len(known):
                filled.loc[group.index, fact] = filled.loc[group.index, fact].fillna(known.iloc[0])
    missing_region = filled["region"].isna() & filled["department"].notna()
    filled.loc[missing_region, "region"] = [region_of(name) for name in filled.loc[missing_region, "department"]]
    return filled


NARRATIVE_CHARACTERS = 800
"""A document whose pages outside its tables print fewer characters (a cover, a 目录) has no narrative."""


def _with_quality(frames: dict[str, pd.DataFrame], outputs: list[DocumentOutputs], ids: dict[str, str]) -> pd.DataFrame:
    """``documents`` with what each PDF holds and the truth-free quality report of its disclosure."""
    members: dict[str, list[DocumentOutputs]] = {}
    for output in outputs:
        members.setdefault(ids[output.info.document_id], []).append(output)
    documents = frames["documents"].set_index("document_id")
    records = []
    for document_id, row in documents.iterrows():
        group = members[ids[document_id]]
        names = [output.info.document_id for output in group]
        kinds = {table.kind for output in group if output.extracted for table in output.extracted.tables if table.kind}
        narrative = tuple(line for output in group if output.extracted for line in output.extracted.narrative)
        quality = disclosure_quality(
            None if pd.isna(row["disclosure_kind"]) else row["disclosure_kind"],
            kinds,
            frames["budget_lines"][frames["budget_lines"]["document_id"].isin(names)],
            frames["three_public_expenses"][frames["three_public_expenses"]["document_id"].isin(names)],
            narrative,
        ).columns()
        own = frames["budget_lines"]["document_id"] == document_id
        own_items = frames["three_public_expenses"]["document_id"] == document_id
        verification = pd.concat(
            [
                frames["budget_lines"].loc[own, "verification"],
                frames["three_public_expenses"].loc[own_items, "verification"],
            ]
        )
        output = next(output for output in group if output.info.document_id == document_id)
        records.append(
            {
                **{key: None if pd.isna(value) else value for key, value in row.to_dict().items()},
                "document_id": document_id,
                **quality,
                "amounts": len(verification),
                "amounts_verified": int((verification == "verified").sum()),
                "amounts_contradicted": int((verification == "contradicted").sum()),
                "content": _content(output.extracted),
            }
        )
    return dataset_frame(DOCUMENTS, records)


def _content(extracted: ExtractedDocument | None) -> str | None:
    if extracted is None:
        return None
    tables = any(table.kind and table.has_amounts for table in extracted.tables)
    narrative = sum(len(text) for _, text in extracted.narrative) >= NARRATIVE_CHARACTERS
    return {(True, True): "tables_and_narrative", (True, False): "tables", (False, True): "narrative"}.get(
        (tables, narrative), "none"
    )


def code_list_frame() -> pd.DataFrame:
    """The classification code list, published with every release so that codes can be looked up offline."""
    return dataset_frame(CLASSIFICATION_CODES, [entry.__dict__ for entry in load_code_list()])


def release_inputs(outputs: list[DocumentOutputs]) -> list[dict]:
    """The source PDFs of a release, as datapackage.json lists them: id, file name and sha256."""
    return [
        {"document_id": output.info.document_id, "path": output.info.file_name, "sha256": output.info.sha256}
        for output in outputs
    ]


def originals(sha256_by_document: dict[str, str]) -> dict[str, str]:
    """Each document's original, in document id order: of the documents with the same bytes, the one
    whose id sorts first (a document with unique bytes is its own original)."""
    first: dict[str, str] = {}
    return {
        document_id: first.setdefault(sha256, document_id) for document_id, sha256 in sorted(sha256_by_document.items())
    }


def published_once(outputs: list[DocumentOutputs]) -> list[DocumentOutputs]:
    """The outputs with every later copy of the same bytes turned into a row-less ``duplicate``.

    The same PDF saved under two names (a re-download, a mirror) would otherwise be counted
    twice by anyone summing the release; the original (see ``originals``) keeps the rows.
    """
    by_id = {output.info.document_id: output for output in outputs}
    kept = []
    for document_id, original_id in originals({key: output.info.sha256 for key, output in by_id.items()}).items():
        output, original = by_id[document_id], by_id[original_id].info
        if original_id == document_id:
            kept.append(output)
            continue
        info = replace(
            output.info,
            status="duplicate",
            error=f"same bytes as {original.file_name} (sha256 {original.sha256[:12]}…): "
            f"published once, as {original.document_id}",
        )
        kept.append(DocumentOutputs(info=info, extracted=None, normalized={}, source=output.source))
    return kept


def _companion_narrative_findings(outputs: list[DocumentOutputs], ids: dict[str, str]) -> pd.DataFrame:
    """A narrative published as its own PDF, checked against the tables PDF of its disclosure."""
    by_id = {output.info.document_id: output for output in outputs}
    findings = []
    for document_id, disclosure_id in ids.items():
        narrative, tables = by_id[document_id], by_id.get(disclosure_id)
        if document_id == disclosure_id or tables is None or narrative.extracted is None:
            continue
        if "budget_lines" not in tables.normalized or "three_public_expenses" not in tables.normalized:
            continue
        context = {"document_id": document_id, "source_sha256": narrative.info.sha256}
        findings += [
            {
                **outcome.finding,
                "table_index": None,
                "tables": None,
                "message": f"{outcome.finding['message']} (tables in {disclosure_id})",
            }
            for outcome in narrative_figures(
                narrative.extracted.narrative,
                tables.normalized["budget_lines"].rows,
                tables.normalized["three_public_expenses"].rows,
                narrative.extracted.facts.year,
                context,
            )
            if outcome.finding is not None
        ]
    return dataset_frame(VALIDATION_ISSUES, findings)


def _disclosure_facts(output: DocumentOutputs, documents: pd.DataFrame) -> DisclosureFacts:
    row = documents[documents["document_id"] == output.info.document_id].iloc[0]
    extracted = output.extracted
    lines = output.normalized.get("budget_lines")
    totals = lines.rows[lines.rows["is_total_row"] & (lines.rows["measure"] == "total")] if lines is not None else None
    return DisclosureFacts(
        document_id=output.info.document_id,
        department=None if pd.isna(row["department"]) else row["department"],
        year=None if pd.isna(row["year"]) else int(row["year"]),
        disclosure_kind=None if pd.isna(row["disclosure_kind"]) else row["disclosure_kind"],
        has_tables=extracted is not None and any(table.kind for table in extracted.tables),
        totals_wan=frozenset(Decimal(amount) / 10_000 for amount in totals["amount_yuan"])
        if totals is not None
        else frozenset(),
        narrative_amounts=extracted.narrative_amounts if extracted is not None else frozenset(),
        curated_id=output.source.get("disclosure_id") or None,
    )


def _document_frames(output: DocumentOutputs) -> dict[str, pd.DataFrame]:
    extracted = output.extracted
    info = extracted.info if extracted is not None else output.info
    issues = [_unrecognised_tables(extracted)] if extracted is not None else []
    frames: dict[str, pd.DataFrame] = {}
    logs: list[pd.DataFrame] = []
    for name in NORMALIZED_DATASETS:
        normalized = output.normalized.get(name)
        if normalized is None:
            if extracted is not None:
                issues.append(_missing(info, name))
            continue
        issues.append(normalized.issues)
        if normalized.corrections is not None:
            logs.append(normalized.corrections)
            issues.append(_unapplied(info, normalized.corrections))
        failures = schema_failures(name, normalized.rows)
        if not failures.empty:
            issues.append(_withheld(info, name, failures))
        else:
            frames[name] = normalized.rows
    issue_frame = pd.concat(issues, ignore_index=True) if issues else dataset_frame(VALIDATION_ISSUES, [])
    withheld = int((issue_frame["severity"] == "error").sum())
    contradictions = 0
    if output.findings is not None:
        contradictions = int((output.findings["severity"] == "error").sum())
        issue_frame = pd.concat([issue_frame, output.findings], ignore_index=True)
    elif extracted is not None:
        missing = _missing(info, "reconciliation")
        withheld += len(missing)
        issue_frame = pd.concat([issue_frame, missing], ignore_index=True)
    if extracted is None:
        status = info.status if info.status != "ok" else "failed"
        error = info.error or "the document's extraction did not complete; see its run in Dagster"
        facts, tables, text_pages = DocumentFacts(None, None, None), [], 0
    else:
        facts, tables, text_pages = extracted.facts, list(extracted.tables), extracted.text_pages
        status, error = document_status(info, text_pages, tables, facts, withheld, contradictions)
    frames["documents"] = document_frame(info, facts, output.source, status, error, len(tables))
    frames["tables"] = tables_frame(info, tables)
    frames["validation_issues"] = issue_frame
    if logs:
        frames["corrections_log"] = pd.concat(logs, ignore_index=True)
    return frames


def _unapplied(info: DocumentInfo, log: pd.DataFrame) -> pd.DataFrame:
    """A warning for every correction that matched nothing or could not be applied: reported, not ignored."""
    return dataset_frame(
        VALIDATION_ISSUES,
        [
            {
                "document_id": info.document_id,
                "check": "correction",
                "severity": "warning",
                "table_kind": entry.table_kind,
                "code": text_or_none(entry.code),
                "measure": text_or_none(entry.measure),
                "actual": text_or_none(entry.value),
                "message": f"correction {entry.correction_index} ({entry.action}) {entry.status}: {entry.message}",
                "source_sha256": info.sha256,
            }
            for entry in log.itertuples()
            if entry.status != "applied"
        ],
    )


def _unrecognised_tables(extracted: ExtractedDocument) -> pd.DataFrame:
    """A warning for every ruled table whose kind was not recognised, with the evidence seen: found, kept in
    ``tables``, not normalised."""
    return dataset_frame(
        VALIDATION_ISSUES,
        [
            {
                "document_id": extracted.info.document_id,
                "check": "table_kind",
                "severity": "warning",
                "message": f"table with {len(table.rows)} rows on pages {','.join(map(str, table.pages))} "
                f"was not recognised ({_evidence(table)}); it is listed in tables but not normalised",
                "row_text": " | ".join(table.rows[0].cells) if table.rows else None,
                "source_sha256": extracted.info.sha256,
                "page": table.pages[0],
                "table_index": table.table_index,
                "row_index": table.rows[0].row_index if table.rows else None,
            }
            for table in extracted.tables
            if table.kind is None
        ],
    )


def _evidence(table: DocumentTable) -> str:
    return "; ".join(table.recognition.evidence) if table.recognition is not None else "no title"


def _withheld(info: DocumentInfo, name: str, failures: pd.DataFrame) -> pd.DataFrame:
    return dataset_frame(
        VALIDATION_ISSUES,
        [
            {
                "document_id": info.document_id,
                "check": f"{name}_schema",
                "severity": "error",
                "measure": None,
                "actual": str(failure.failure_case),
                "message": f"{name} rows withheld: column {failure.column} fails {failure.check}",
                "source_sha256": info.sha256,
            }
            for failure in failures.itertuples()
        ],
    )


def _missing(info: DocumentInfo, name: str) -> pd.DataFrame:
    return dataset_frame(
        VALIDATION_ISSUES,
        [
            {
                "document_id": info.document_id,
                "check": "missing_output",
                "severity": "error",
                "message": f"{name} was not produced for this document (its step failed); see its run in Dagster",
                "source_sha256": info.sha256,
            }
        ],
    )
