from decimal import Decimal

from pipeline.publication.disclosures import DisclosureFacts, disclosure_ids


def _document(document_id: str, **facts: object) -> DisclosureFacts:
    defaults = {
        "department": None,
        "year": 2017,
        "disclosure_kind": "budget",
        "has_tables": False,
        "totals_wan": frozenset(),
        "narrative_amounts": frozenset(),
        "curated_id": None,
    }
    return DisclosureFacts(document_id, **{**defaults, **facts})


def test_a_narrative_quoting_the_tables_total_joins_their_disclosure() -> None:
    ids = disclosure_ids(
        [
            _document("narrative", department="江苏省委办公厅", narrative_amounts=frozenset({Decimal("20702.25")})),
            _document(
                "tables",
                department="中国共产党江苏省委员会办公厅",
                has_tables=True,
                totals_wan=frozenset({Decimal("20702.25")}),
            ),
            _document("other_tables", has_tables=True, totals_wan=frozenset({Decimal("9066.79")})),
        ]
    )
    assert ids == {"narrative": "tables", "tables": "tables", "other_tables": "other_tables"}


def test_two_complete_disclosures_of_one_department_stay_apart() -> None:
    ids = disclosure_ids(
        [
            _document("dept", department="上海市普陀区商务委员会", has_tables=True, totals_wan=frozenset({Decimal(1)})),
            _document("unit", department="上海市普陀区商务委员会", has_tables=True, totals_wan=frozenset({Decimal(1)})),
        ]
    )
    assert ids == {"dept": "dept", "unit": "unit"}


def test_another_year_or_an_ambiguous_match_is_not_tied() -> None:
    narrative = _document("narrative", department="某厅", narrative_amounts=frozenset({Decimal(500)}))
    ids = disclosure_ids(
        [
            narrative,
            _document("last_year", department="某厅", year=2016, has_tables=True, totals_wan=frozenset({Decimal(500)})),
            _document("a", department="某厅", has_tables=True),
            _document("b", has_tables=True, totals_wan=frozenset({Decimal(500)})),
        ]
    )
    assert ids["narrative"] == "narrative"


def test_a_curated_disclosure_id_wins() -> None:
    ids = disclosure_ids([_document("x", curated_id="d1"), _document("y", curated_id="d1", has_tables=True)])
    assert ids == {"x": "d1", "y": "d1"}


def test_a_tables_pdf_without_a_year_ties_to_the_narrative_quoting_one_of_its_totals() -> None:
    """Beijing's tables PDFs print neither year nor department; the narrative quotes the 收支总表's
    9,616.338314 万元 as 9616.34万元, and the function table's total (9,626.78) differs by carried-over money."""
    ids = disclosure_ids(
        [
            _document("text", year=2026, narrative_amounts=frozenset({Decimal("9616.34"), Decimal(0)})),
            _document("tables", year=None, has_tables=True, totals_wan=frozenset({Decimal("9616.338314"), Decimal(0)})),
            _document("other", year=None, has_tables=True, totals_wan=frozenset({Decimal(0), Decimal("12.5")})),
        ]
    )
    assert ids == {"text": "tables", "tables": "tables", "other": "other"}
