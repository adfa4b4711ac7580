"""A government body named by its level alone is the body of the place named before it
(graph/local_bodies.py), and the model's spans of such bodies survive the filters (graph/mentions.py)."""

import pytest

from tests.test_repeats import first_only, relations_of


def org_names(article) -> list[str]:
    return sorted(e.name for e in article.entities if e.type == "ORG")


def test_a_body_named_by_its_level_is_the_body_of_the_province_named_before():
    text = "西川省人民政府办公厅印发方案。方案由省工信厅、省交通运输厅起草，省工信厅副厅长王立明介绍了方案。"
    article = first_only(
        text,
        [
            ("西川省人民政府办公厅", "ORG"),
            ("省工信厅", "ORG"),
            ("省交通运输厅", "ORG"),
            ("省工信厅", "ORG", 1),
            ("王立明", "PERSON"),
        ],
    )
    assert "西川省工信厅" in org_names(article) and "西川省交通运输厅" in org_names(article)
    body = next(e for e in article.entities if e.name == "西川省工信厅")
    assert len(body.mentions) == 2 and body.aliases == set()  # 省工信厅 alone names no one body
    m = body.mentions[0]
    assert text[m.start : m.end] == "省工信厅"  # the span is what the text says
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("王立明", "西川省工信厅", "副厅长")
    }


def test_the_level_decides_the_place_and_a_known_province_counts_where_no_name_holds_it():
    text = "山西省召开推进会。南湖市人民政府发布通知，市财政局、省工信厅参与。"
    article = first_only(text, [("南湖市人民政府", "ORG"), ("市财政局", "ORG"), ("省工信厅", "ORG")])
    assert org_names(article) == ["南湖市人民政府", "南湖市财政局", "山西省工信厅"]


def test_a_government_named_by_its_level_is_the_government_of_the_place_named_before():
    text = "西川省人民政府办公厅印发措施。措施已经省人民政府同意。"
    article = first_only(text, [("西川省人民政府办公厅", "ORG"), ("省人民政府", "ORG", 1)])
    assert org_names(article) == ["西川省人民政府", "西川省人民政府办公厅"]
    assert relations_of(article, "SUBSIDIARY_OF") == {("西川省人民政府办公厅", "西川省人民政府")}


def test_without_a_place_of_its_level_the_body_keeps_its_own_name():
    text = "南湖市人民政府发布通知，省工信厅参与。"
    article = first_only(text, [("南湖市人民政府", "ORG"), ("省工信厅", "ORG")])
    assert org_names(article) == ["南湖市人民政府", "省工信厅"]


def test_two_provinces_bodies_named_by_level_stay_two_bodies():
    text = "西川省人民政府发布方案，省工信厅牵头。东岭省人民政府随后跟进，省工信厅表示支持。"
    spans = [("西川省人民政府", "ORG"), ("省工信厅", "ORG"), ("东岭省人民政府", "ORG"), ("省工信厅", "ORG", 1)]
    article = first_only(text, spans)
    assert org_names(article) == ["东岭省人民政府", "东岭省工信厅", "西川省人民政府", "西川省工信厅"]


def test_a_provincial_office_is_not_the_national_body_of_the_alias_table():
    # the table knows 发展改革委 as the national commission; 省 before it makes it the province's
    text = "西川省人民政府印发方案。省发展改革委副主任王立明介绍了方案。"
    article = first_only(text, [("西川省人民政府", "ORG"), ("省发展改革委", "ORG"), ("王立明", "PERSON")])
    assert "国家发展和改革委员会" not in org_names(article)
    assert relations_of(article, "HOLDS_ROLE") == {("王立明", "西川省发展改革委")}


def test_hui_tong_is_together_with_not_part_of_the_name():
    text = "南湖市人民政府印发细则。市发展改革委会同市财政局制定了细则。全国人大常委会同意了议案。"
    article = first_only(
        text,
        [("南湖市人民政府", "ORG"), ("市发展改革委会", "ORG"), ("市财政局", "ORG"), ("全国人大常委会", "ORG")],
    )
    assert "南湖市发展改革委" in org_names(article)
    assert "全国人民代表大会常务委员会" in org_names(article)  # 常委会同意 keeps its 会
    partners = relations_of(article, "PARTNERS_WITH")
    assert partners in ({("南湖市发展改革委", "南湖市财政局")}, {("南湖市财政局", "南湖市发展改革委")})


def test_a_place_before_its_heads_title_is_its_government():
    text = "出席仪式的有南湖市副市长王明、西川省省长李强和东城区常务副区长赵刚。南湖市人民政府随后发布通知。"
    spans = [("南湖市", "LOCATION"), ("王明", "PERSON"), ("西川省", "LOCATION"), ("李强", "PERSON")]
    spans += [("东城区", "LOCATION"), ("赵刚", "PERSON"), ("南湖市人民政府", "ORG")]
    article = first_only(text, spans)
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("王明", "南湖市人民政府", "副市长"),
        ("李强", "西川省人民政府", "省长"),
        ("赵刚", "东城区人民政府", "常务副区长"),
    }
    government = next(e for e in article.entities if e.name == "南湖市人民政府")
    assert len(government.mentions) == 2  # the place before the title and the name itself
    assert text[government.mentions[0].start : government.mentions[0].end] == "南湖市"


def test_a_place_before_another_levels_title_or_a_states_is_no_government():
    text = "南湖市区长王明出席。加州州长纽森表示欢迎。"
    article = first_only(text, [("南湖市", "LOCATION"), ("王明", "PERSON"), ("加州", "LOCATION"), ("纽森", "PERSON")])
    assert not any(e.name.endswith("人民政府") for e in article.entities)


def test_words_that_start_or_end_with_a_level_character_are_no_places_or_local_bodies():
    text = "北辰科技将在上海市场推出新品，市商务局表示支持。永辉超市股份有限公司发布公告，市财政局参与。"
    article = first_only(text, [("市商务局", "ORG"), ("永辉超市股份有限公司", "ORG"), ("市财政局", "ORG")])
    assert {"市商务局", "市财政局"} <= set(org_names(article))  # no 上海市商务局, no 永辉超市财政局
    text = "东岭市人民政府召开会议。市场监管总局对北辰科技有限公司处以罚款。"
    article = first_only(text, [("东岭市人民政府", "ORG"), ("市场监管总局", "ORG"), ("北辰科技有限公司", "ORG")])
    assert "东岭市场监管总局" not in org_names(article)


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        (  # a district's body is named with the city the district lies in
            "南湖市滨江区人民政府发布通知，区财政局、市财政局参与。",
            [("南湖市滨江区人民政府", "ORG"), ("区财政局", "ORG"), ("市财政局", "ORG")],
            {"南湖市滨江区财政局", "南湖市财政局"},
        ),
        (  # bodies whose names end in 委会 keep it before 同
            "南湖高新区管委会同市发展改革委联合印发方案。南湖市人大常委会同市政府召开联席会议。",
            [("南湖高新区管委会", "ORG"), ("南湖市人大常委会", "ORG")],
            {"南湖高新区管委会", "南湖市人大常委会"},
        ),
        (  # a city whose name holds 州 is a place
            "温州市人民政府发布通知，市财政局会同市发展改革委制定细则。",
            [("温州市人民政府", "ORG"), ("市财政局", "ORG"), ("市发展改革委", "ORG")],
            {"温州市财政局", "温州市发展改革委"},
        ),
    ],
    ids=["district-of-a-city", "wei-hui-before-tong", "city-with-zhou"],
)
def test_local_bodies_are_named_as_a_reader_names_them(text, spans, expected):
    assert expected <= set(org_names(first_only(text, spans)))


def test_a_national_body_after_a_bare_level_is_the_local_one():
    # the alias table knows 发展改革委 as the national commission; the model found nothing here
    text = "东岭市人民政府与北辰公司签署协议。市发展改革委、市工信局将跟进服务。国家发展改革委发布通知。"
    article = first_only(text, [("东岭市人民政府", "ORG"), ("北辰公司", "ORG"), ("市工信局", "ORG")])
    names = set(org_names(article))
    assert {"东岭市发展改革委", "东岭市工信局", "国家发展和改革委员会"} <= names
    national = next(e for e in article.entities if e.name == "国家发展和改革委员会")
    assert len(national.mentions) == 1  # only 国家发展改革委
