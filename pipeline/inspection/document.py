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
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        status = "encrypted" if "password" in str(error).lower() else "unreadable_pdf"
        return DocumentInfo(**identity, pages=None, producer="", creator="", status=status, error=f"pdfium: {error}")
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
