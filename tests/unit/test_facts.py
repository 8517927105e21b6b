import pytest

from pipeline.inspection.facts import region_of


@pytest.mark.parametrize(
    ("department", "region"),
    [
        ("上海市普陀区人民政府万里街道办事处", "上海市普陀区"),
        ("中共上海市普陀区委社会工作部", "上海市普陀区"),
        ("中国共产党江苏省委员会办公厅", "江苏省"),
        ("江苏省人民检察院", "江苏省"),
        ("淮安市洪泽区人民政府", "淮安市洪泽区"),
        ("重庆市北碚区人民政府朝阳街道办事处", "重庆市北碚区"),
        ("上海市市场监督管理局", "上海市"),
        ("广西壮族自治区南宁市青秀区教育局", "广西壮族自治区南宁市青秀区"),
        ("延边朝鲜族自治州财政局", "延边朝鲜族自治州"),
        ("住房和城乡建设局", None),
        (None, None),
    ],
)
def test_the_region_is_the_place_name_a_department_starts_with(department: str | None, region: str | None) -> None:
    assert region_of(department) == region
