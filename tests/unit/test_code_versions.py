"""Code versions follow the code and the catalogue's data: no version to bump by hand."""

from pathlib import Path

import pytest

from pipeline import code_versions


def test_a_version_changes_with_any_file_of_its_packages_and_only_those(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for relative in ("catalogue/table_kinds.py", "catalogue/classification/function_codes.csv", "publication/x.py"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("a", encoding="utf-8")
    monkeypatch.setattr(code_versions, "PIPELINE", tmp_path)
    before = code_versions.code_version("catalogue")
    assert before == code_versions.code_version("catalogue") and len(before) == code_versions.DIGEST_LENGTH
    (tmp_path / "publication/x.py").write_text("b", encoding="utf-8")
    assert code_versions.code_version("catalogue") == before
    (tmp_path / "catalogue/classification/function_codes.csv").write_text("b", encoding="utf-8")
    assert code_versions.code_version("catalogue") != before
