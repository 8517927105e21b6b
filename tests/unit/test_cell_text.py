import pytest

from pipeline.parsing.cell_text import row_label_core


@pytest.mark.parametrize(
    ("label", "core"),
    [
        ("其中：（一）因公出国（境）支出", "因公出国(境)支出"),
        ("（二）公务用车购置及运行维护支出", "公务用车购置及运行维护支出"),
        ("1.公务用车购置费", "公务用车购置费"),
        ("一、一般公共服务支出", "一般公共服务支出"),
        ("2、公务接待费", "公务接待费"),
        ("“三公”经费", '"三公"经费'),
        ("201一般公共服务支出", "201一般公共服务支出"),
    ],
)
def test_list_markers_are_removed_from_a_row_label(label: str, core: str) -> None:
    assert row_label_core(label) == core
