"""The classification code list: its data files hold together, and lookups by code and by name behave."""

import csv
import re
from pathlib import Path

import pytest

from pipeline.catalogue.code_list import ClassificationCode, CodeList, fold_name, load_code_list

DATA = Path(__file__).resolve().parents[2] / "pipeline" / "catalogue" / "classification"
SOURCES = (DATA / "SOURCES.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def codes() -> CodeList:
    return load_code_list()


@pytest.mark.parametrize(
    ("code", "classification", "name"),
    [
        ("201", "function", "一般公共服务支出"),
        ("20101", "function", "人大事务"),
        ("2010101", "function", "行政运行"),
        ("20103", "function", "政府办公厅（室）及相关机构事务"),
        ("2080505", "function", "机关事业单位基本养老保险缴费支出"),
        ("2210201", "function", "住房公积金"),
        ("301", "economic", "工资福利支出"),
        ("30101", "economic", "基本工资"),
        ("30213", "economic", "维修（护）费"),
        ("501", "economic", "机关工资福利支出"),
        ("50101", "economic", "工资奖金津补贴"),
    ],
)
def test_standard_names(codes: CodeList, code: str, classification: str, name: str) -> None:
    assert codes.standard_name(code, classification) == name


def test_entries_carry_level_parent_scheme_and_source(codes: CodeList) -> None:
    entry = codes.get("2010101", "function")
    assert entry is not None
    assert (entry.level, entry.parent_code, entry.classification, entry.scheme) == (3, "20101", "function", None)
    assert codes.get("30101", "economic").scheme == "department"
    assert codes.get("50101", "economic").scheme == "government"
    assert codes.get(" 30101 ", "economic").name == "基本工资"


def test_unknown_codes_and_wrong_classification_give_none(codes: CodeList) -> None:
    assert codes.get("2010180", "function") is None
    assert codes.standard_name("30101", "function") is None
    assert codes.standard_name("201", "economic") is None


def test_name_matches_folds_typography(codes: CodeList) -> None:
    assert codes.name_matches("20103", "政府办公厅(室)及相关机构事务", "function")
    assert codes.name_matches("20103", " 政府办公厅（室） 及相关机构事务 ", "function")
    assert codes.name_matches("30213", "维修[护]费", "economic")
    assert not codes.name_matches("2010101", "一般行政管理事务", "function")
    assert not codes.name_matches("2010180", "行政运行", "function")


def test_fold_name_unifies_parentheses_quotes_and_spaces() -> None:
    assert fold_name("因公出国（境）费用") == fold_name("因公出国(境) 费用") == "因公出国(境)费用"
    assert fold_name("“三公”经费") == fold_name('"三公"经费')


def test_code_for_name_under_a_parent(codes: CodeList) -> None:
    assert codes.code_for_name("行政运行", "20101", "function") == "2010101"
    assert codes.code_for_name("行政运行", "20103", "function") == "2010301"
    assert codes.code_for_name("政府办公厅(室)及相关机构事务", "201", "function") == "20103"
    assert codes.code_for_name("一般公共服务支出", None, "function") == "201"
    assert codes.code_for_name("基本工资", "301", "economic") == "30101"


def test_code_for_name_gives_none_when_absent_or_ambiguous(codes: CodeList) -> None:
    assert codes.code_for_name("行政运行", None, "function") is None
    assert codes.code_for_name("不存在的科目", "20101", "function") is None
    # 对个人和家庭的补助 is 303 in the department scheme and 509 in the government one.
    assert codes.code_for_name("对个人和家庭的补助", None, "economic") is None
    assert codes.code_for_name("对个人和家庭的补助", None, "economic", scheme="department") == "303"
    assert codes.code_for_name("对个人和家庭的补助", None, "economic", scheme="government") == "509"


def test_code_for_name_refuses_a_name_two_children_share() -> None:
    twins = CodeList(
        [
            ClassificationCode("201", "一般公共服务支出", 1, None, "function", None, "t#p1"),
            ClassificationCode("20101", "人大事务", 2, "201", "function", None, "t#p1"),
            ClassificationCode("2010101", "行政运行", 3, "20101", "function", None, "t#p1"),
            ClassificationCode("2010102", "行政运行", 3, "20101", "function", None, "t#p1"),
        ]
    )
    assert twins.code_for_name("行政运行", "20101", "function") is None


def test_repair_misprinted_code_from_name_and_parent(codes: CodeList) -> None:
    assert codes.repair("2010180", "行政运行", "20101", "function") == "2010101"
    assert codes.repair("3O101", "基本工资", "301", "economic") == "30101"


def test_repair_leaves_known_codes_and_unmatched_names_alone(codes: CodeList) -> None:
    assert codes.repair("2010101", "行政运行", "20101", "function") is None
    assert codes.repair("2010180", "不存在的科目", "20101", "function") is None
    assert codes.repair("2010180", "行政运行", None, "function") is None


def test_duplicate_codes_are_refused() -> None:
    entry = ClassificationCode("201", "一般公共服务支出", 1, None, "function", None, "t#p1")
    with pytest.raises(ValueError, match="duplicate"):
        CodeList([entry, entry])


def test_every_parent_is_in_the_list_and_levels_match_lengths(codes: CodeList) -> None:
    for entry in codes:
        assert entry.level == {3: 1, 5: 2, 7: 3}[len(entry.code)]
        assert re.fullmatch(r"\d{3}(\d{2}){0,2}", entry.code)
        if entry.level == 1:
            assert entry.parent_code is None
        else:
            assert entry.parent_code == entry.code[:-2]
            parent = codes.get(entry.parent_code, entry.classification)
            assert parent is not None and parent.level == entry.level - 1
            assert parent.scheme == entry.scheme


def test_classifications_and_schemes_follow_the_first_digit(codes: CodeList) -> None:
    for entry in codes:
        if entry.classification == "function":
            assert entry.code.startswith("2") and entry.scheme is None
        else:
            assert entry.level in (1, 2)
            assert entry.scheme == {"3": "department", "5": "government"}[entry.code[0]]


@pytest.mark.parametrize("file_name", ["function_codes.csv", "economic_codes.csv"])
def test_files_are_sorted_with_one_row_per_code(file_name: str) -> None:
    with (DATA / file_name).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    codes = [row["code"] for row in rows]
    assert codes == sorted(codes)
    assert len(codes) == len(set(codes))
    assert all(row["name"] and row["name"] == row["name"].strip() for row in rows)
    # Names keep the official full-width parentheses.
    assert not any("(" in row["name"] or ")" in row["name"] for row in rows)


def test_every_source_is_a_documented_document_and_page(codes: CodeList) -> None:
    for entry in codes:
        source_id, page = entry.source.split("#p")
        assert page.isdigit() and int(page) >= 1
        assert f"`{source_id}`" in SOURCES, source_id


def test_loading_is_cached() -> None:
    assert load_code_list() is load_code_list()
    assert len(load_code_list()) > 500
