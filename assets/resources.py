"""Where the raw documents are read from and the release is written to."""

import os
import subprocess
from pathlib import Path

import dagster as dg

from pipeline.corrections.model import corrections_sha256, document_version
from pipeline.extraction.limits import ExtractionLimits
from pipeline.inspection.document import file_sha256

PROJECT_ROOT = Path(__file__).resolve().parents[1]
"""The checkout this package runs from (installed in editable mode by ``make``)."""


class ProjectPaths(dg.ConfigurableResource):
    """The raw and published folders; relative paths are taken from the project root.

    Defaults come from CNBUDGET_RAW_DIR and CNBUDGET_PUBLISHED_DIR when set, so that the UI
    and the ``cnbudget run`` command can be pointed at the same folders.
    """

    raw_dir: str = os.environ.get("CNBUDGET_RAW_DIR", "data/raw")
    published_dir: str = os.environ.get("CNBUDGET_PUBLISHED_DIR", "data/published")

    def raw_path(self) -> Path:
        return (PROJECT_ROOT / self.raw_dir).resolve()

    def published_path(self) -> Path:
        return (PROJECT_ROOT / self.published_dir).resolve()

    def document_files(self) -> dict[str, Path]:
        """The PDFs in the raw folder and its subfolders by document id (``.pdf`` in any case), in a stable order.

        A document's id is its file name without ``.pdf``; a PDF in a subfolder whose name another PDF
        already has (sorted by path) is told apart by its folders: ``cities__xian_budget``.
        """
        root = self.raw_path()
        files = sorted(
            (path for path in root.rglob("*") if path.is_file() and path.suffix.lower() == ".pdf"),
            key=lambda path: (len(path.relative_to(root).parts), str(path.relative_to(root))),
        )
        found: dict[str, Path] = {}
        for path in files:
            key = path.stem
            if key in found:
                key = "__".join((*path.relative_to(root).parent.parts, path.stem))
            found[key] = path
        return dict(sorted(found.items()))

    def corrections_path(self, document_id: str) -> Path:
        """``corrections/<document_id>.yaml`` in the raw folder (it need not exist)."""
        return self.raw_path() / "corrections" / f"{document_id}.yaml"

    def document_version(self, document_id: str, pdf_sha256: str | None = None) -> str:
        """The version of the document's inputs: PDF sha256 (given, or read), plus its corrections file's if any."""
        pdf_sha256 = pdf_sha256 or file_sha256(self.document_path(document_id))
        return document_version(pdf_sha256, corrections_sha256(self.corrections_path(document_id)))

    def document_versions(self) -> dict[str, str]:
        """Every document's input version, reading the folder once."""
        return {
            document_id: self.document_version(document_id, file_sha256(path))
            for document_id, path in self.document_files().items()
        }

    def document_path(self, document_id: str) -> Path:
        """The raw PDF of a document; raises FileNotFoundError when it is no longer there."""
        try:
            return self.document_files()[document_id]
        except KeyError:
            raise FileNotFoundError(f"no PDF for document {document_id!r} in {self.raw_path()}") from None


class DocumentLimits(dg.ConfigurableResource):
    """How long and with how much memory one document's extraction may run before it is stopped.

    Defaults come from CNBUDGET_DOCUMENT_SECONDS and CNBUDGET_DOCUMENT_MEMORY_MIB when set.
    """

    seconds: float = float(os.environ.get("CNBUDGET_DOCUMENT_SECONDS", "300"))
    memory_mib: int = int(os.environ.get("CNBUDGET_DOCUMENT_MEMORY_MIB", "1024"))

    def limits(self) -> ExtractionLimits:
        return ExtractionLimits(seconds=self.seconds, memory_mib=self.memory_mib)


def code_commit() -> str | None:
    """The git commit of the project checkout (``…+dirty`` with uncommitted changes), None outside git."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "-C", str(PROJECT_ROOT), "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return f"{commit}+dirty" if changes else commit
