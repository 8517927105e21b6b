"""The raw folder: every PDF in it and its subfolders is a document, each with its own id."""

from pathlib import Path

from assets.resources import ProjectPaths


def test_pdfs_in_subfolders_are_documents_and_same_names_are_told_apart(tmp_path: Path) -> None:
    for relative in ("a.pdf", "other/b.PDF", "cities/a.pdf", "cities/deep/c.pdf", "notes.txt", "corrections/a.yaml"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_bytes(b"%PDF-1.4")
    files = ProjectPaths(raw_dir=str(tmp_path), published_dir=str(tmp_path / "out")).document_files()
    assert {key: path.relative_to(tmp_path).as_posix() for key, path in files.items()} == {
        "a": "a.pdf",
        "b": "other/b.PDF",
        "c": "cities/deep/c.pdf",
        "cities__a": "cities/a.pdf",
    }
