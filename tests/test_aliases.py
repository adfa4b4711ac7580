"""Alias resolution with the rule and dictionary stages only (no model): sentences written for this project."""
import pytest

from graph import aliases, mentions
from graph.aliases import AliasTable, read_alias_file, strip_legal_suffix
from graph.errors import InputError
from graph.pipeline import PIPELINE, process
from graph.ner import find_model_mentions
from graph.records import Article, Mention

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


def test_org_span_is_extended_over_a_following_suffix():
    article = run("北辰科技集团今天开业。", [("北辰科技", "ORG")])
    assert [e.name for e in article.entities] == ["北辰科技集团"]


def test_legal_suffix_is_stripped_with_care():
    assert strip_legal_suffix("北辰科技有限公司") == "北辰科技"
    assert strip_legal_suffix("公司") == "公司"


def test_latin_names_do_not_match_inside_longer_words():
    article = run("Metaverse一词最近很热，Meta公司也在布局。")
    assert [m.text for m in article.mentions] == ["Meta公司"]


def test_user_override_file_is_honoured(tmp_path, monkeypatch):
    override = tmp_path / "aliases.tsv"
    override.write_text("# mine\n北辰科技集团\tORG\t北辰|北辰科技\n", encoding="utf-8")
    monkeypatch.setenv("GUANXI_ALIASES", str(override))
    article = run("北辰科技今天宣布扩产。")
    assert [(e.name, e.aliases) for e in article.entities] == [("北辰科技集团", {"北辰科技"})]


def test_bad_alias_file_names_the_line(tmp_path):
    bad = tmp_path / "aliases.tsv"
    bad.write_text("北辰\tCOMPANY\t\n", encoding="utf-8")
    with pytest.raises(InputError) as e:
        read_alias_file(bad)
    assert str(e.value) == (f"{bad}:1: expected 'canonical<TAB>TYPE<TAB>aliases' with TYPE one of "
                            "ORG, PERSON, POLICY, PROJECT, got '北辰\\tCOMPANY\\t'")


def test_shipped_table_has_no_form_claimed_twice():
    table = AliasTable.from_files([aliases.ALIASES_FILE])
    forms = [f for e in table.entries for f in (e.canonical, *e.aliases)]
    assert len(forms) == len(set(forms))


def test_a_rule_span_beats_an_overlapping_model_span():
    article = run("工信部总工程师李明远说，进展顺利。", [("程师李明远", "PERSON")])
    assert [(m.text, m.source) for m in article.mentions if m.label == "PERSON"] == [("李明远", "person.after-title")]


def test_dictionary_prefers_the_longer_known_name():
    article = run("京东方发布新屏幕，京东随后跟进。")
    assert [e.name for e in article.entities] == ["京东方科技集团股份有限公司", "京东集团"]


def test_generic_mentions_of_organizations_are_not_names():
    assert mentions.is_generic_org("商业银行")
    assert mentions.is_generic_org("韩国财团") and mentions.is_generic_org("美国科技公司")
    assert not mentions.is_generic_org("郑州大学")            # a place plus 大学 is a name
    article = run("多家商业银行与美国科技公司合作。", [("商业银行", "ORG"), ("美国科技公司", "ORG")])
    assert article.entities == []


def test_a_model_span_holding_a_verb_or_a_stray_tail_is_dropped():
    article = run("谷歌合计占数据中心市场三成，微软达成合作，腾讯入股搜狗公司。",
                  [("谷歌合计占数据中心", "ORG"), ("微软达", "ORG"), ("股搜狗公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["微软公司", "搜狗公司", "腾讯公司", "谷歌公司"]


def test_a_model_span_keeps_its_rest_after_a_rule_span():
    text = "该公司一度与青禾股份下属公司南岭酒业集团有限公司发生争执。"
    article = run(text, [("青禾股份下属公司南岭酒业集团有限公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["南岭酒业集团有限公司", "青禾股份"]


def test_an_organization_named_after_a_project_keeps_its_name():
    article = run("南湖智慧园区发展联盟今天成立。", [("南湖智慧园区发展联盟", "ORG")])
    assert [(e.name, e.type) for e in article.entities] == [("南湖智慧园区发展联盟", "ORG")]


def test_model_persons_that_are_places_anonymous_one_latin_word_or_hold_an_organization_are_dropped():
    article = run("郑州·南湖传感谷，Metaverse比纳斯达克更热，李明远和陈女士表示，John Smith和沈阳教授也来了，"
                  "TrendForce集邦指出。",
                  [("郑州", "PERSON"), ("Metaverse", "PERSON"), ("比纳斯达克", "PERSON"), ("李明远", "PERSON"),
                   ("陈女士", "PERSON"), ("John Smith", "PERSON"), ("沈阳", "PERSON"), ("TrendForce集邦", "PERSON")])
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["李明远", "John Smith", "沈阳"]


def test_a_name_the_table_knows_keeps_its_own_node():
    from graph.contribution import lookup_keys
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


def test_an_unknown_name_listed_between_organizations_is_one():
    text = "园区孕育了青禾股份、南岭科技、东坡智联、北辰科技、西岭微等企业。"
    article = run(text, [("青禾股份", "ORG"), ("南岭科技", "ORG"), ("北辰科技", "ORG")])
    assert sorted(e.name for e in article.entities) == ["东坡智联", "北辰科技", "南岭科技", "西岭微", "青禾股份"]
    assert next(m for m in article.mentions if m.text == "东坡智联").source == "rule:list"


def test_a_fallback_rule_counts_only_where_nothing_else_found_a_name():
    article = run("“需求仍在。”据中国铁塔副总经理李明远介绍，南岭资本首席经济学家王青表示同意。")
    orgs = sorted(e.name for e in article.entities if e.type == "ORG")
    assert orgs == ["中国铁塔股份有限公司", "南岭资本"]


def test_teams_products_and_country_prefixed_companies_are_not_new_organizations():
    text = "李明远教授团队与美国亚马逊公司合作，VR社交平台Horizon上线，韩国财政部表示欢迎。"
    article = run(text, [("李明远教授团队", "ORG"), ("美国亚马逊公司", "ORG"), ("VR社交平台Horizon", "ORG"),
                         ("韩国财政部", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["亚马逊公司", "韩国财政部"]


def test_short_table_names_are_not_found_inside_common_words():
    article = run("运营商提高通信质量，北京东部新区开工。高通发布新芯片，京东表示欢迎。")
    assert sorted(e.name for e in article.entities) == ["京东集团", "高通公司"]


def test_model_platforms_are_projects_and_kinds_places_and_bare_subsidiaries_are_not_names():
    text = "南湖联合辟谣平台上线，人工智能公司与澳大利亚合作，阿里巴巴全资子公司持股。"
    article = run(text, [("南湖联合辟谣平台", "ORG"), ("人工智能公司", "ORG"), ("澳大利亚", "ORG"),
                         ("阿里巴巴全资子公司", "ORG")])
    assert sorted((e.name, e.type) for e in article.entities) == [("南湖联合辟谣平台", "PROJECT"),
                                                                   ("阿里巴巴集团", "ORG")]
