"""The benchmark's view of the corpus: its PDFs, their pages, and throw-away folders pointing at them.

The corpus is never copied: the raw folders the runs read are folders of symlinks in a
temporary directory. The one exception is the "one document changed" run, which needs new
bytes for one file: that file is copied (outside the repository) with a PDF comment appended
after its last ``%%EOF``, which changes its sha256 but not its content.
"""

import shutil
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

CHANGE_MARKER = b"\n% cnbudget bench: changed copy, same content\n"


@dataclass(frozen=True)
class CorpusFile:
    """One PDF of the corpus; ``document_id`` is its stem, as the pipeline names it."""

    path: Path
    pages: int

    @property
    def document_id(self) -> str:
        return self.path.stem


def find_corpus(folder: Path) -> list[CorpusFile]:
    """Every PDF under ``folder`` (recursively, ``.pdf`` in any case), with its pdfium page count.

    Raises ValueError when two files share a stem: the pipeline would see them as one document.
    """
    paths = sorted(path for path in folder.rglob("*") if path.is_file() and path.suffix.lower() == ".pdf")
    stems = [path.stem for path in paths]
    duplicates = sorted({stem for stem in stems if stems.count(stem) > 1})
    if duplicates:
        raise ValueError(f"documents with the same file name under {folder}: {duplicates}")
    return [CorpusFile(path.resolve(), page_count(path)) for path in paths]


def page_count(path: Path) -> int:
    """Pages as pdfium counts them; 0 for a file pdfium cannot open (no page of it is processed)."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def link_corpus(files: list[CorpusFile], raw_dir: Path) -> Path:
    """A raw folder holding one symlink per corpus PDF, flat, as ``cnbudget run`` expects."""
    raw_dir.mkdir(parents=True)
    for file in files:
        (raw_dir / file.path.name).symlink_to(file.path)
    return raw_dir


def replace_with_changed_copy(file: CorpusFile, raw_dir: Path, copies_dir: Path) -> Path:
    """Point the raw folder's entry for ``file`` at a copy with new bytes but the same pages.

    Raises RuntimeError when pdfium cannot read the copy as the same document.
    """
    copies_dir.mkdir(parents=True, exist_ok=True)
    copy = copies_dir / file.path.name
    shutil.copyfile(file.path, copy)
    with copy.open("ab") as handle:
        handle.write(CHANGE_MARKER)
    if page_count(copy) != file.pages:
        raise RuntimeError(f"the changed copy of {file.path.name} does not open as the same {file.pages}-page PDF")
    link = raw_dir / file.path.name
    link.unlink()
    link.symlink_to(copy)
    return copy
