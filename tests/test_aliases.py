"""Alias resolution with the rule and dictionary stages only (no model): sentences written for this project."""

import pytest

from guanxi.graph import aliases
from guanxi.graph.aliases import AliasTable, read_alias_file, strip_legal_suffix
from guanxi.graph.errors import InputError
from guanxi.graph.ner import find_model_mentions
from guanxi.graph.pipeline import PIPELINE, process
from guanxi.graph.records import Article, Mention

WITHOUT_MODEL = tuple(stage for stage in PIPELINE if stage is not find_model_mentions)


def run(text: str, extra: list[tuple[str, str]] = (), doc_id: str = "doc") -> Article:
    """Process text with the rule stages, plus hand-placed mentions standing in for the model."""
    article = Article(id=doc_id, title="", text=text)
    for surface, label in extra:
        start = -1
        while (start := text.find(surface, start + 1)) >= 0:
            article.mentions.append(Mention(doc_id, start, start + len(surface), surface, label, "ner"))
    return process(article, WITHOUT_MODEL)


def entity(article: Article, name: str):
    return next(e for e in article.entities if e.name == name)


def test_alias_table_maps_short_forms_to_the_canonical_name():
    article = run("工信部召开会议。工业和信息化部随后发布通知。")
    e = entity(article, "工业和信息化部")
    assert e.aliases == {"工信部"}
    assert len(e.mentions) == 2
    assert "工信部 -> 工业和信息化部: alias table" in e.merge_reasons


def test_declared_short_form_becomes_an_alias():
    text = "青松智慧水务有限公司（以下简称“青松水务”）今天宣布扩产。青松水务表示，新厂明年投产。"
    article = run(text, [("青松智慧水务有限公司", "ORG")])
    e = entity(article, "青松智慧水务有限公司")
    assert "青松水务" in e.aliases
    assert [m.text for m in e.mentions] == ["青松智慧水务有限公司", "青松水务", "青松水务"]


def test_short_form_in_the_same_article_joins_the_full_name():
    article = run("北辰集团发布年报。北辰表示将继续投入研发。", [("北辰集团", "ORG"), ("北辰", "ORG")])
    assert [e.name for e in article.entities] == ["北辰集团"]
    assert entity(article, "北辰集团").aliases == {"北辰"}


def test_a_short_form_without_a_technology_word_and_the_legal_form_joins_the_full_name():
    article = run(
        "南湾储能科技有限公司成立于2019年。南湾储能的第二大股东为北辰资本。",
        [("南湾储能科技有限公司", "ORG"), ("南湾储能", "ORG"), ("北辰资本", "ORG")],
    )
    assert entity(article, "南湾储能科技有限公司").aliases == {"南湾储能"}
    assert not [r for r in article.relations if r.type == "SUBSIDIARY_OF"]


def test_a_technology_unit_of_a_company_with_its_own_legal_form_is_its_unit():
    text = "东岭电子股份有限公司（以下简称“东岭电子”）公告，东岭电子科技有限公司完成增资。"
    article = run(text, [("东岭电子股份有限公司", "ORG"), ("东岭电子科技有限公司", "ORG")])
    assert {(r.type, r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF"} == {
        ("SUBSIDIARY_OF", "东岭电子科技有限公司", "东岭电子股份有限公司")
    }


def test_a_group_and_its_unit_named_by_a_trade_stay_two():
    article = run("青禾证券股份有限公司获批设立。青禾表示支持。", [("青禾证券股份有限公司", "ORG"), ("青禾", "ORG")])
    assert {e.name for e in article.entities} == {"青禾证券股份有限公司", "青禾"}


def test_org_span_is_extended_over_a_following_suffix():
    article = run("北辰科技集团今天开业。", [("北辰科技", "ORG")])
    assert [e.name for e in article.entities] == ["北辰科技集团"]
    text = "发行对象包括南湖控股有限公司及苏州瑞丰创业投资合伙企业（有限合伙）。"
    article = run(text, [("南湖控股有限公司", "ORG"), ("苏州瑞丰", "ORG")])
    # a registered partnership's whole name, and no more than its name
    assert sorted(e.name for e in article.entities) == ["南湖控股有限公司", "苏州瑞丰创业投资合伙企业（有限合伙）"]


def test_legal_suffix_is_stripped_with_care():
    assert strip_legal_suffix("北辰科技有限公司") == "北辰科技"
    assert strip_legal_suffix("公司") == "公司"


def test_latin_names_do_not_match_inside_longer_words():
    article = run("Metaverse一词最近很热，Meta公司也在布局。")
    assert [m.text for m in article.mentions] == ["Meta公司"]


def test_user_override_file_is_honoured(tmp_path, monkeypatch):
    override = tmp_path / "aliases.tsv"
    override.write_text("# mine\n北辰科技集团\tORG\t北辰|北辰科技\n", encoding="utf-8")
    from dataclasses import replace

    from guanxi.graph import config

    monkeypatch.setattr(config, "_active", replace(config.active(), aliases=str(override)))
    article = run("北辰科技今天宣布扩产。")
    assert [(e.name, e.aliases) for e in article.entities] == [("北辰科技集团", {"北辰科技"})]


def test_bad_alias_file_names_the_line(tmp_path):
    bad = tmp_path / "aliases.tsv"
    bad.write_text("北辰\tCOMPANY\t\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_alias_file(bad)
    assert str(e.value) == (
        f"{bad}:1: expected 'canonical<TAB>TYPE<TAB>aliases' with TYPE one of "
        "ORG, PERSON, POLICY, PROJECT, got '北辰\\tCOMPANY\\t'"
    )


def test_shipped_table_has_no_form_claimed_twice():
    table = AliasTable.from_files([aliases.ALIASES_FILE])
    forms = [f for e in table.entries for f in (e.canonical, *e.aliases)]
    assert len(forms) == len(set(forms))


def test_dictionary_prefers_the_longer_known_name():
    article = run("京东方发布新屏幕，京东随后跟进。")
    assert [e.name for e in article.entities] == ["京东方科技集团股份有限公司", "京东集团"]


def test_a_name_the_table_knows_keeps_its_own_node():
    from guanxi.graph.identity import lookup_keys

    group, company = set(lookup_keys("ORG", ["三星集团"])), set(lookup_keys("ORG", ["三星"]))
    assert not group & company
    assert set(lookup_keys("ORG", ["长飞公司"])) & set(lookup_keys("ORG", ["长飞光纤光缆股份有限公司"]))


def test_a_place_prefixed_name_joins_its_short_form():
    text = "郑州·南湖传感谷开工。南湖传感谷首期占地三百亩。"
    article = run(text, [("郑州·南湖传感谷", "PROJECT"), ("南湖传感谷", "PROJECT")])
    assert [(e.name, e.aliases) for e in article.entities] == [("郑州·南湖传感谷", {"南湖传感谷"})]


def test_a_declared_short_form_may_keep_its_quotes():
    text = "两部门联合开展南湖管网改造提升行动（简称“112”行动）。“112”行动为期两年。"
    article = run(text, [("南湖管网改造提升行动", "PROJECT")])
    e = entity(article, "南湖管网改造提升行动")
    assert "“112”行动" in e.aliases


def test_short_table_names_are_not_found_inside_common_words():
    article = run("运营商提高通信质量，北京东部新区开工。高通发布新芯片，京东表示欢迎。")
    assert sorted(e.name for e in article.entities) == ["京东集团", "高通公司"]


def test_common_phrases_holding_a_short_name_are_not_that_organization():
    # sentences written for this test: each holds a short name of the table inside ordinary words
    text = (
        "村民进行选举，其中共有五人当选。物价高通胀压力大，车辆在雨中行驶。我们用友好的态度对待"
        "北大荒的农民；英国央行宣布加息。"
    )
    assert [e.name for e in run(text).entities] == []
    article = run("民进成员和解放军报记者到场，央行宣布降准。")
    assert sorted(e.name for e in article.entities) == ["中国人民银行", "中国民主促进会", "解放军报"]


def test_a_short_table_name_whose_first_character_ends_a_place_is_not_found():
    article = run("会议在北京东方广场举行，京东方表示支持。")  # 北京 + 东方广场; then the company itself
    assert [(e.name, len(e.mentions)) for e in article.entities] == [("京东方科技集团股份有限公司", 1)]


def test_a_quoted_project_named_again_by_its_kind_alone_is_one_project():
    text = "省里依托“川矿云”工业互联网平台推动改造。“川矿云”平台由青川能源集团建设，“川矿云”系统另行招标。"
    article = run(text)
    projects = {e.name: e.aliases for e in article.entities if e.type == "PROJECT"}
    assert projects["“川矿云”工业互联网平台"] == {"“川矿云”平台"}
    assert "“川矿云”系统" in projects  # another kind: another undertaking


def test_a_short_form_that_starts_two_names_of_the_article_joins_neither():
    text = "南湖电子信息产业集团有限公司与南湖电子科技集团有限公司签约。南湖电子董事长王明出席。"
    spans = ["南湖电子信息产业集团有限公司", "南湖电子科技集团有限公司", "南湖电子"]
    article = run(text, [(s, "ORG") for s in spans] + [("王明", "PERSON")])
    assert {e.name: e.aliases for e in article.entities if e.type == "ORG"} == {n: set() for n in spans}
    assert not [r for r in article.relations if r.type == "SUBSIDIARY_OF"]  # the short form is no parent
    text = "南湖市云帆半导体有限公司与东湖市云帆半导体有限公司签约。云帆半导体表示支持。"  # after their places too
    article = run(
        text, [("南湖市云帆半导体有限公司", "ORG"), ("东湖市云帆半导体有限公司", "ORG"), ("云帆半导体", "ORG")]
    )
    assert all(e.aliases == set() for e in article.entities)


def test_a_person_name_cut_short_joins_the_full_name():
    text = "协会会长郑定远表示支持。郑定表示，互操作性尤为重要。"
    article = run(text, [("郑定远", "PERSON"), ("郑定", "PERSON")])
    assert [(e.name, e.aliases) for e in article.entities if e.type == "PERSON"] == [("郑定远", {"郑定"})]


def test_a_head_company_is_its_group_and_aviation_is_not_an_airline():
    article = run("确保首钢总公司全年盈利；我国航空工业发展迅速，国航表示欢迎。")
    assert sorted((e.name, sorted(e.aliases)) for e in article.entities) == [
        ("中国航空集团有限公司", ["国航"]),
        ("首钢集团有限公司", ["首钢总公司"]),
    ]


def test_party_short_forms_and_their_longer_neighbours():
    article = run("民进中央和民革中央的代表与民进党、民建联的说法不同，中国共产党中央委员会致贺词。")
    names = sorted(e.name for e in article.entities)
    assert "民主进步党" in names and "民主建港协进联盟" in names and "中国共产党中央委员会" in names
    assert "中国民主促进会" not in names  # 民进党 is not 民进 + 党


def test_a_brand_that_is_also_a_word_is_not_found_inside_a_game_title():
    article = run("昨天王者荣耀战队夺冠，荣耀发布了新手机。")
    assert [(e.name, [article.text[m.start : m.end] for m in e.mentions]) for e in article.entities] == [
        ("荣耀终端有限公司", ["荣耀"])
    ]


def test_a_bank_or_company_branch_is_its_own_organization_linked_to_its_parent():
    article = run("招商银行广州分行表示欢迎，华夏银行信用卡中心也在场；招商银行今年开设分行。")
    assert sorted(e.name for e in article.entities) == [
        "华夏银行",
        "华夏银行信用卡中心",
        "招商银行",
        "招商银行广州分行",
    ]
    assert sorted((r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF") == [
        ("华夏银行信用卡中心", "华夏银行"),
        ("招商银行广州分行", "招商银行"),
    ]


GROUPING_SCRIPT = """
from guanxi.graph.aliases import group_entities
from guanxi.graph.records import Article, Mention
text = "星澜科技集团与北辰电子公司签约。星澜科技公司扩产，北辰电子集团支持，星澜科技和北辰电子共建工厂。"
names = ["星澜科技集团", "北辰电子公司", "星澜科技公司", "北辰电子集团", "星澜科技", "北辰电子"]
article = Article("d", "t", text)
article.mentions = [Mention("d", text.rindex(n), text.rindex(n) + len(n), n, "ORG", "rule", "test") for n in names]
print(sorted((e.name, sorted(e.aliases)) for e in group_entities(article).entities))
"""


def test_which_longer_name_a_short_form_joins_does_not_depend_on_string_hashing():
    # 星澜科技 may join 星澜科技公司 or 星澜科技集团 (as long): the choice must be the same in every
    # process, whatever PYTHONHASHSEED is, or two runs over one input give two graphs
    import os
    import subprocess
    import sys

    outputs = {
        subprocess.run(
            [sys.executable, "-c", GROUPING_SCRIPT],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }
    assert len(outputs) == 1 and "星澜科技" in next(iter(outputs))


def test_a_short_form_declared_before_a_stock_code_becomes_an_alias():
    text = "青阳智慧能源集团股份公司（以下简称“青阳智能”，601615.SH）发布公告。青阳智能董事长赵大伟表示，订单充足。"
    article = run(text, [("青阳智慧能源集团股份公司", "ORG"), ("赵大伟", "PERSON")])
    e = entity(article, "青阳智慧能源集团股份公司")
    assert e.aliases == {"青阳智能"}
    assert [m.text for m in e.mentions] == ["青阳智慧能源集团股份公司", "青阳智能", "青阳智能"]


def test_a_declared_short_form_that_starts_its_full_name_does_not_cut_it():
    text = "南湖集团旗下的南湖新能源控股有限公司（以下简称“南湖新能源”）签署协议，南湖新能源将负责运营。"
    article = run(text, [("南湖集团", "ORG"), ("南湖新能源控股有限公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["南湖新能源控股有限公司", "南湖集团"]
    assert entity(article, "南湖新能源控股有限公司").aliases == {"南湖新能源"}


def test_a_holding_company_is_its_group():
    assert strip_legal_suffix("北辰集团控股有限公司") == "北辰集团"
    article = run(
        "北辰集团控股有限公司发布年报。北辰集团表示将继续投入研发。",
        [("北辰集团控股有限公司", "ORG"), ("北辰集团", "ORG")],
    )
    assert [e.name for e in article.entities] == ["北辰集团控股有限公司"]


def test_a_short_form_does_not_cut_another_declared_name_that_starts_with_it():
    text = "北辰集团（以下简称“北辰”）与东湖公司签约。北辰新能源控股有限公司（以下简称“北辰新能源”）负责运营，北辰表示支持。"
    article = run(text, [("北辰集团", "ORG"), ("东湖公司", "ORG"), ("北辰新能源控股有限公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["东湖公司", "北辰新能源控股有限公司", "北辰集团"]
    assert entity(article, "北辰集团").aliases == {"北辰"}


def test_a_foreign_company_is_also_known_without_its_country():
    article = run(
        "德国北辰化工集团在湛江投资建设基地。中国南湖集团也参与其中。",
        [("德国北辰化工集团", "ORG"), ("中国南湖集团", "ORG")],
    )
    assert entity(article, "德国北辰化工集团").aliases == {"北辰化工集团"}
    assert entity(article, "中国南湖集团").aliases == set()


def test_a_name_without_its_brackets_is_the_bracketed_name():
    text = "北辰光能南湖新能源产业园加快建设。北辰光能拟投资建设北辰光能（南湖）新能源产业园。"
    article = run(text, [("北辰光能南湖新能源产业园", "PROJECT")])
    projects = [e for e in article.entities if e.type == "PROJECT"]
    assert [(e.name, e.aliases) for e in projects] == [("北辰光能（南湖）新能源产业园", {"北辰光能南湖新能源产业园"})]


def test_a_foreign_company_s_short_form_joins_its_name_with_the_country():
    text = "美国北辰科技公司的产品未通过审查。北辰科技随后发表声明。"
    article = run(text, [("美国北辰科技公司", "ORG"), ("北辰科技", "ORG")])
    assert [(e.name, e.aliases) for e in article.entities] == [("美国北辰科技公司", {"北辰科技", "北辰科技公司"})]


def test_a_limited_partnership_keeps_its_bracketed_form():
    article = run("北辰股权投资基金（有限合伙）完成备案。", [("北辰股权投资基金", "ORG")])
    assert [e.name for e in article.entities] == ["北辰股权投资基金（有限合伙）"]
    assert strip_legal_suffix("北辰股权投资基金（有限合伙）") == "北辰股权投资基金"


def test_a_body_is_also_known_without_its_session():
    article = run("十三届南湖市人大常委会第二十次会议表决通过条例。", [("十三届南湖市人大常委会", "ORG")])
    assert entity(article, "十三届南湖市人大常委会").aliases == {"南湖市人大常委会"}


def test_a_short_form_the_text_declares_wins_over_the_alias_table():
    # the table reads 阿里 as 阿里巴巴集团; this article declares it for another company
    text = "阿里智能装备股份有限公司（以下简称“阿里”）今天宣布扩产。阿里表示，新厂明年投产。"
    article = run(text, [("阿里智能装备股份有限公司", "ORG")])
    assert [e.name for e in article.entities] == ["阿里智能装备股份有限公司"]
    assert "阿里" in entity(article, "阿里智能装备股份有限公司").aliases


def test_a_declared_short_form_inside_its_full_name_does_not_cut_it():
    text = "北湖东岭医疗科技股份有限公司（以下简称“东岭医疗”）与南湖大学附属西坡医院（以下简称“西坡医院”）签署协议。"
    spans = [("北湖东岭医疗科技股份有限公司", "ORG"), ("南湖大学附属西坡医院", "ORG")]
    article = run(text, spans)
    names = {e.name: e.aliases for e in article.entities if e.type == "ORG"}
    assert names["北湖东岭医疗科技股份有限公司"] == {"东岭医疗"}
    assert names["南湖大学附属西坡医院"] == {"西坡医院"}
    partners = {(r.head, r.tail) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners == {("北湖东岭医疗科技股份有限公司", "南湖大学附属西坡医院")}


def test_a_declared_short_form_inside_another_companys_registered_name_does_not_cut_it():
    text = "恒瑞达科技股份有限公司（以下简称“恒瑞达”）公告称，公司全资子公司杭州恒瑞达智能装备有限公司拟收购股权。"
    spans = [("恒瑞达科技股份有限公司", "ORG"), ("杭州恒瑞达智能装备有限公司", "ORG")]
    article = run(text, spans)
    assert {e.name: e.aliases for e in article.entities if e.type == "ORG"} == {
        "恒瑞达科技股份有限公司": {"恒瑞达"},
        "杭州恒瑞达智能装备有限公司": set(),
    }
    assert {(r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF"} == {
        ("杭州恒瑞达智能装备有限公司", "恒瑞达科技股份有限公司")
    }


def test_a_governments_everyday_title_joins_its_full_title():
    article = run(
        "南岭市政府与北辰集团签约。南岭市人民政府与东湖银行签署协议。",
        [("南岭市政府", "ORG"), ("南岭市人民政府", "ORG")],
    )
    government = entity(article, "南岭市人民政府")
    assert government.aliases == {"南岭市政府"}
    assert "南岭市人民政府" in government.merge_reasons[0]


def test_a_government_body_abbreviated_the_usual_way_joins_its_full_name():
    text = "青川省经济和信息化厅、南岭市卫生健康委员会和南岭市公安交通管理局发布通知。青川省经信厅、南岭市卫健委和南岭市公安局负责落实。"
    spans = [
        "青川省经济和信息化厅",
        "南岭市卫生健康委员会",
        "南岭市公安交通管理局",
        "青川省经信厅",
        "南岭市卫健委",
        "南岭市公安局",
    ]
    article = run(text, [(s, "ORG") for s in spans])
    assert entity(article, "青川省经济和信息化厅").aliases == {"青川省经信厅"}
    assert entity(article, "南岭市卫生健康委员会").aliases == {"南岭市卫健委"}
    # 公安 is one piece of 公安交通管理: the traffic police are not the police
    assert entity(article, "南岭市公安局").aliases == set()


def test_a_short_form_named_after_the_full_name_is_the_company_and_named_before_it_the_parent():
    text = "北辰科技收购南通华信防水材料有限公司，南通华信将成为其子公司。东岭控股旗下东岭控股南湖置业有限公司开工。"
    spans = ["北辰科技", "南通华信防水材料有限公司", "南通华信", "东岭控股", "东岭控股南湖置业有限公司"]
    article = run(text, [(s, "ORG") for s in spans])
    assert entity(article, "南通华信防水材料有限公司").aliases == {"南通华信"}
    assert entity(article, "东岭控股南湖置业有限公司").aliases == set()  # 东岭控股 came first: the parent
    # the place a company is registered in goes too, named after it; named before, the short form is the parent
    text = "深圳市云帆半导体有限公司发布公告，云帆半导体表示。北辰光电公告称，全资子公司南湖北辰光电有限公司获补贴。"
    spans = ["深圳市云帆半导体有限公司", "云帆半导体", "北辰光电", "南湖北辰光电有限公司"]
    article = run(text, [(s, "ORG") for s in spans])
    assert entity(article, "深圳市云帆半导体有限公司").aliases == {"云帆半导体"}
    assert entity(article, "南湖北辰光电有限公司").aliases == set()
    # a word of its own before the registered form (计算 + 有限公司); not before 公司 alone (a branch)
    text = "华辰云计算有限公司与东岳电力签约，华辰云总裁方卓然出席。东岭联通省级公司称，东岭联通将支持。"
    spans = ["华辰云计算有限公司", "东岳电力", "华辰云", "东岭联通省级公司", "东岭联通"]
    article = run(text, [(s, "ORG") for s in spans])
    assert entity(article, "华辰云计算有限公司").aliases == {"华辰云"}
    assert entity(article, "东岭联通省级公司").aliases == set()
    article = run("北辰银行股份有限公司获批设立，北辰表示支持。", [("北辰银行股份有限公司", "ORG"), ("北辰", "ORG")])
    assert entity(article, "北辰银行股份有限公司").aliases == set()  # a financial group's unit
    text = "南湖亚太投资控股有限公司是南湖的子公司。"  # 亚太 is a region: a unit, not the company's trade
    article = run(text, [("南湖亚太投资控股有限公司", "ORG"), ("南湖", "ORG")])
    assert entity(article, "南湖亚太投资控股有限公司").aliases == set()


def test_an_organizations_latin_name_in_brackets_is_its_alias_and_a_persons_is_not():
    text = "南湖集团与新加坡港务集团（PSA）签约。PSA首席执行官陈玉山出席，顾问约翰（John Smith）也在场。特斯拉（Tesla）到场。"
    placed = [
        ("南湖集团", "ORG"),
        ("新加坡港务集团", "ORG"),
        ("PSA", "ORG"),
        ("约翰", "PERSON"),
        ("John Smith", "PERSON"),
    ]
    article = run(text, [*placed, ("特斯拉", "ORG"), ("Tesla", "ORG")])
    assert "PSA" in entity(article, "新加坡港务集团").aliases
    assert {e.name for e in article.entities if e.type == "PERSON"} >= {"约翰", "John Smith"}
    assert (
        len([e for e in article.entities if e.type == "ORG" and e.name in ("特斯拉", "特斯拉公司")]) == 1
    )  # the table merges


def test_a_latin_name_is_found_as_a_word_and_a_role_or_a_kind_in_brackets_is_no_name():
    text = "鸿川智能科技有限公司（RSV）成立。北辰物流与南岭新材发布RSVGC平台。澜石资本（PG）与东湖资本（PG）设立基金。南湖汽车（EV）发布新车。"
    placed = [
        ("鸿川智能科技有限公司", "ORG"),
        ("北辰物流", "ORG"),
        ("南岭新材", "ORG"),
        ("澜石资本", "ORG"),
        ("东湖资本", "ORG"),
    ]
    article = run(text, [*placed, ("南湖汽车", "ORG")])
    assert {k[1] for k in aliases.declared_abbreviations(article)} == {"RSV"}  # PG named two bodies; EV is a kind
    assert [m.text for m in article.mentions if m.text == "RSV"] == ["RSV"]  # not the RSV of RSVGC
