"""Identity and readability of one source PDF, decided before any table is parsed."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium


@dataclass(frozen=True)
class DocumentInfo:
    """What the raw file is: the identity every published row points back to.

    A file that is not a readable PDF still has an identity (name, hash, size); its
    ``status`` says why nothing more can be read from it and ``error`` says it in words.
    """

    document_id: str
    file_name: str
    sha256: str
    size_bytes: int
    pages: int | None
    producer: str
    creator: str
    status: str
    error: str | None


def file_sha256(path: Path) -> str:
    """Hex sha256 of the file's bytes: the document's version everywhere downstream."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def inspect_document(path: Path) -> DocumentInfo:
    """Open the PDF and read its identity and page count.

    The document id is the file stem, so renaming a file makes it a different document,
    while replacing its bytes makes a new version of the same document.
    """
    identity = {
        "document_id": path.stem,
        "file_name": path.name,
        "sha256": file_sha256(path),
        "size_bytes": path.stat().st_size,
    }
    refused = _not_a_pdf(path, identity["size_bytes"])
    if refused is not None:
        return DocumentInfo(**identity, pages=None, producer="", creator="", status=refused[0], error=refused[1])
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        status, error_text = _unopenable(path, str(error))
        return DocumentInfo(**identity, pages=None, producer="", creator="", status=status, error=error_text)
    try:
        metadata = pdf.get_metadata_dict()
        return DocumentInfo(
            **identity,
            pages=len(pdf),
            producer=metadata.get("Producer", ""),
            creator=metadata.get("Creator", ""),
            status="ok",
            error=None,
        )
    finally:
        pdf.close()


PDF_HEADER = b"%PDF-"
HEAD_BYTES = 1024
"""Readers accept the header anywhere in the first KiB, after junk a server may have prepended."""
TAIL_BYTES = 2048
"""A complete PDF ends with %%EOF; writers may leave a little padding after it."""


def _not_a_pdf(path: Path, size: int) -> tuple[str, str] | None:
    """(status, error) for a file that is not a PDF at all, told from its first bytes.

    Government sites answer a dead link with an HTML page served under the .pdf name, and
    interrupted downloads leave empty files; saying which beats pdfium's generic format error.
    """
    if size == 0:
        return "empty_file", "the file is empty (0 bytes): an interrupted or failed download"
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if PDF_HEADER in head:
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<?xml", b"<body")):
        return "not_a_pdf", "the file is an HTML or XML page saved under a .pdf name, not a PDF"
    return (
        "not_a_pdf",
        f"the file does not start like a PDF (no %PDF- header in its first KiB); it begins {head[:16]!r}",
    )


def _unopenable(path: Path, pdfium_error: str) -> tuple[str, str]:
    """(status, error) for a file with a PDF header that pdfium cannot open."""
    if "password" in pdfium_error.lower():
        return "encrypted", f"the PDF is password-protected; pdfium: {pdfium_error}"
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - TAIL_BYTES))
        tail = handle.read()
    if b"%%EOF" not in tail:
        return "truncated_pdf", f"the PDF ends before its %%EOF marker: a truncated download; pdfium: {pdfium_error}"
    return "unreadable_pdf", f"pdfium: {pdfium_error}"


def unprocessed_document(path: Path) -> DocumentInfo:
    """The identity of a PDF that no run has inspected (its run failed or never happened)."""
    return DocumentInfo(
        document_id=path.stem,
        file_name=path.name,
        sha256=file_sha256(path),
        size_bytes=path.stat().st_size,
        pages=None,
        producer="",
        creator="",
        status="failed",
        error="no run has completed for this document; see its runs in Dagster",
    )
