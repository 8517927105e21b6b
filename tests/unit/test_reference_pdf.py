"""The committed reference PDF is exactly what the reference typesetter produces from the seed text.

data/raw/chongqing_beibei_chaoyang_2023_budget.pdf is generated, not hand-made: if the seed, the
layouts or the typesetter change, the PDF must be regenerated (``python -m reference.typeset``)
and committed with them, otherwise the pipeline would be tested against a stale input.
"""

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reference.typeset import typeset

REPO_ROOT = Path(__file__).resolve().parents[2]
COMMITTED = REPO_ROOT / "data" / "raw" / "chongqing_beibei_chaoyang_2023_budget.pdf"
FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
EXPECTED_PAGES = 20
FUNCTION_TABLE_PAGES = (5, 6, 7)  # 一般公共预算财政拨款支出预算表, broken where the original broke
SANGONG_PAGE = 9


def _page_text(pdf: pdfium.PdfDocument, number: int) -> str:
    return pdf[number - 1].get_textpage().get_text_range()


@pytest.fixture(scope="module")
def committed() -> bytes:
    return COMMITTED.read_bytes()


def test_regenerating_gives_the_committed_bytes(tmp_path: Path, committed: bytes) -> None:
    if not FONT.is_file():
        pytest.skip(f"{FONT} missing (Debian package fonts-wqy-microhei): cannot typeset the reference PDF")
    output = tmp_path / "reference.pdf"
    placements = typeset(output)
    assert output.read_bytes() == committed, "reference PDF is stale: run python -m reference.typeset"
    function_table = [p.page for p in placements if p.title.endswith("一般公共预算财政拨款支出预算表")]
    assert tuple(function_table) == FUNCTION_TABLE_PAGES


def test_font_is_embedded_and_page_count(committed: bytes) -> None:
    assert b"/FontFile2" in committed, "the CJK font must be embedded as a TrueType subset"
    assert b"/ToUnicode" in committed, "glyphs must map back to characters"
    assert b"/Subtype /Image" not in committed, "everything is vector text and rules"
    assert len(pdfium.PdfDocument(committed)) == EXPECTED_PAGES


def test_tables_read_back_on_their_pages(committed: bytes) -> None:
    pdf = pdfium.PdfDocument(committed)
    first = _page_text(pdf, FUNCTION_TABLE_PAGES[0])
    assert "重庆市北碚区朝阳街道办事处一般公共预算财政拨款支出预算表" in first
    assert "合计 3,394.41 1,225.78 2,168.63" in first
    continuation = _page_text(pdf, FUNCTION_TABLE_PAGES[1])
    assert "支出预算表" not in continuation, "continuation pages repeat the header rows, not the title"
    assert continuation.startswith("功能分类科目 2023年预算数")
    assert "2070308 群众体育 2.00 2.00" in continuation
    assert "“三公”经费支出表" in _page_text(pdf, SANGONG_PAGE)
