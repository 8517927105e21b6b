"""Every labelled line and 三公 item of the real disclosures in ../shared/corpus comes out exact.

Labels (tests/fixtures/corpus) were verified by hand against the page images and by their sums;
an amount is exact when its printed text, unit, value in yuan and page all match.
"""

import pytest

from pipeline.evaluation.labels import read_labels
from pipeline.evaluation.report import score_release
from tests.e2e.conftest import LABELS, Release

pytestmark = pytest.mark.e2e
LABELLED = read_labels(LABELS)


@pytest.fixture(scope="module")
def scores(corpus_release: Release) -> dict:
    release = {name: corpus_release.read(name) for name in ("documents", "budget_lines", "three_public_expenses")}
    return {score.document_id: score for score in score_release(LABELLED, release)}


@pytest.mark.parametrize("document_id", sorted(LABELLED))
def test_labelled_amounts_and_facts_are_exact(scores: dict, document_id: str) -> None:
    score = scores[document_id]
    assert score.mismatches == []
    assert (score.amounts_exact, score.three_public_exact) == (score.amounts, score.three_public)
    assert score.facts_wrong == []


def test_the_labels_cover_every_budget_document_of_the_corpus(corpus_release: Release) -> None:
    documents = corpus_release.read("documents")
    assert sorted(documents["document_id"]) == sorted(LABELLED)
    budgets = [label for label in LABELLED.values() if label.status == "ok" and label.function_lines]
    assert len(budgets) == 19
    assert sum(len(label.function_lines) for label in budgets) == 916
    assert sum(len(label.three_public_expenses) for label in LABELLED.values()) == 105


def test_the_corpus_produces_no_error(corpus_release: Release) -> None:
    issues = corpus_release.read("validation_issues")
    assert issues[issues["severity"] == "error"].empty


def test_every_real_inconsistency_of_the_corpus_is_reported_as_a_warning(corpus_release: Release) -> None:
    issues = corpus_release.read("validation_issues")
    findings = issues[~issues["check"].isin(["table_kind"])]
    assert set(findings["severity"]) == {"warning"}
    reported = findings.groupby("document_id")["check"].agg(lambda checks: sorted(checks)).to_dict()
    assert reported == {
        **{
            document: ["economic_vs_three_public"]
            for document in (
                "js_cppcc_office_2017_budget_tables",
                "js_cppcc_office_2018_budget_tables",
                "js_high_court_2017_budget",
                "js_high_court_2018_budget",
                "js_procuratorate_2017_budget",
                "js_procuratorate_2018_budget",
                "sh_putuo_govoffice_2025_dept_budget",
                "sh_putuo_govoffice_2025_unit_budget",
            )
        },
        "sh_putuo_finance_2024_final": ["grand_total"] * 6 + ["hierarchy", "summary_vs_function"],
        "sh_putuo_finance_2025_dept_budget": ["narrative", "narrative"],
        "sh_putuo_wanli_street_2023_budget": ["narrative", "narrative_change", "narrative_change"],
        "sh_putuo_wanli_street_2024_budget": ["narrative"],
    }
    wanli = findings[findings["document_id"] == "sh_putuo_wanli_street_2024_budget"].iloc[0]
    assert (wanli["code"], wanli["expected"], wanli["actual"]) == ("2210201", "3503499.00", "3526700.00")
