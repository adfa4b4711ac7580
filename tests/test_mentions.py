"""Which spans become mentions (graph/mentions.py): model spans stand in by hand, sentences written
for this project."""

import pytest

from guanxi.graph.mentions import PRIORITY, is_contract, is_generic_org, select_mentions
from guanxi.graph.records import Article, Finder, Mention
from tests.test_aliases import entity, run


def test_a_rule_span_beats_an_overlapping_model_span():
    article = run("工信部总工程师李明远说，进展顺利。", [("程师李明远", "PERSON")])
    assert [(m.text, m.finder, m.rule) for m in article.mentions if m.label == "PERSON"] == [
        ("李明远", Finder.RULE, "person.after-title")
    ]


def test_generic_mentions_of_organizations_are_not_names():
    assert is_generic_org("商业银行")
    assert is_generic_org("秘书处") and is_generic_org("理事会")  # an alliance's bodies, unnamed
    assert is_generic_org("控股") and is_generic_org("集团公司")  # a legal form alone
    assert is_generic_org("韩国财团") and is_generic_org("美国科技公司")
    assert not is_generic_org("郑州大学")  # a place plus 大学 is a name
    article = run("多家商业银行与美国科技公司合作。", [("商业银行", "ORG"), ("美国科技公司", "ORG")])
    assert article.entities == []


def test_a_model_span_holding_a_verb_or_a_stray_tail_is_dropped():
    article = run(
        "谷歌合计占数据中心市场三成，微软达成合作，腾讯入股搜狗公司。",
        [("谷歌合计占数据中心", "ORG"), ("微软达", "ORG"), ("股搜狗公司", "ORG")],
    )
    assert sorted(e.name for e in article.entities) == ["微软公司", "搜狗公司", "腾讯公司", "谷歌公司"]


def test_a_model_span_keeps_its_rest_after_a_rule_span():
    text = "该公司一度与青禾股份下属公司南岭酒业集团有限公司发生争执。"
    article = run(text, [("青禾股份下属公司南岭酒业集团有限公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["南岭酒业集团有限公司", "青禾股份"]


def test_an_organization_named_after_a_project_keeps_its_name():
    article = run("南湖智慧园区发展联盟今天成立。", [("南湖智慧园区发展联盟", "ORG")])
    assert [(e.name, e.type) for e in article.entities] == [("南湖智慧园区发展联盟", "ORG")]


def test_model_persons_that_are_places_anonymous_one_latin_word_or_hold_an_organization_are_dropped():
    article = run(
        "郑州·南湖传感谷，Metaverse比纳斯达克更热，李明远和陈女士表示，John Smith和沈阳教授也来了，"
        "TrendForce集邦指出。",
        [
            ("郑州", "PERSON"),
            ("Metaverse", "PERSON"),
            ("比纳斯达克", "PERSON"),
            ("李明远", "PERSON"),
            ("陈女士", "PERSON"),
            ("John Smith", "PERSON"),
            ("沈阳", "PERSON"),
            ("TrendForce集邦", "PERSON"),
        ],
    )
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["李明远", "John Smith", "沈阳"]


def relations_between(article, kind, names):
    return {(r.head, r.tail) for r in article.relations if r.type == kind and {r.head, r.tail} <= names}


def test_an_unknown_name_listed_between_organizations_is_one():
    text = "园区孕育了青禾股份、南岭科技、东坡智联、北辰科技、西岭微等企业。"
    article = run(text, [("青禾股份", "ORG"), ("南岭科技", "ORG"), ("北辰科技", "ORG")])
    assert sorted(e.name for e in article.entities) == ["东坡智联", "北辰科技", "南岭科技", "西岭微", "青禾股份"]
    assert next(m for m in article.mentions if m.text == "东坡智联").rule == "list"


def test_a_list_member_joined_by_and_before_deng_or_last_before_the_clause_end_is_an_organization():
    text = (
        "谷歌、苹果、青禾和福特等公司在测试；制造领域的北辰科技、东坡等。新消费的元气森林、南岭友；"
        "他与北辰科技、南岭资本合作，并与北辰科技、中兴合作。"
    )
    article = run(
        text,
        [
            ("谷歌", "ORG"),
            ("苹果", "ORG"),
            ("福特", "ORG"),
            ("北辰科技", "ORG"),
            ("元气森林", "ORG"),
            ("南岭资本", "ORG"),
        ],
    )
    listed = sorted(m.text for m in article.mentions if m.rule == "list")
    assert listed == ["东坡", "南岭友", "青禾"]  # not 中兴合作: a verb, not the end of a name


def test_a_list_that_an_organization_opens_and_a_group_word_closes_names_organizations_past_asides():
    text = (
        "北辰航运有限公司（以下简称“北辰航运”）、东岭轮船（DL Lines）、南湖海运和西岭海外组成的航运联盟宣布续约。"
        "华为已先后与北辰科技有限公司、东岭、南湖数据以及西岭网等6家企业签约。"
        "青禾集团、南岭友和东坡日前已联合发出通知。"
    )
    spans = [("北辰航运有限公司", "ORG"), ("华为", "ORG"), ("北辰科技有限公司", "ORG"), ("青禾集团", "ORG")]
    article = run(text, spans)
    listed = [m.text for m in article.mentions if m.rule == "list"]
    assert listed == ["东岭轮船", "南湖海运", "西岭海外", "东岭", "南湖数据", "西岭网", "南岭友", "东坡"]
    partners = relations_between(article, "PARTNERS_WITH", {"东岭轮船", "南湖海运", "西岭海外", "北辰航运有限公司"})
    assert len(partners) == 6  # the four that form the alliance, pairwise


def test_a_list_of_businesses_products_kinds_or_people_after_an_organization_names_no_organization():
    listed = lambda text, spans: [m.text for m in run(text, spans).mentions if m.rule == "list"]  # noqa: E731
    assert listed("北辰集团、5G、千兆宽带等业务均保持增长。", [("北辰集团", "ORG")]) == []
    assert listed("北辰集团、冰箱、洗衣机等产品销量上升。", [("北辰集团", "ORG")]) == []
    assert listed("北辰集团、高校和科研院所共同组建了创新联合体。", [("北辰集团", "ORG")]) == []
    spans = [("北辰集团", "ORG"), ("张建国", "PERSON"), ("李红梅", "PERSON")]
    assert listed("出席的有北辰集团、张建国、李红梅等嘉宾。", spans) == []
    article = run("出席的有北辰集团、张建国和李红梅共同签约。", spans)
    assert [m.label for m in article.mentions if m.text in ("张建国", "李红梅")] == ["PERSON", "PERSON"]


def test_a_list_opened_by_one_guessed_name_alone_names_nobody():
    text = "要解决好老红军、烈属、伤残军人等优抚对象的实际问题。"
    article = run(text, [("老红军", "ORG")])  # a model's guess, no organization's ending, nothing else known
    assert [m.text for m in article.mentions if m.rule == "list"] == []
    article = run("北辰科技、南岭友和东坡均为上市公司。", [("北辰科技", "ORG")])
    assert [m.text for m in article.mentions if m.rule == "list"] == []
    article = run("北辰科技、南岭友和东坡资本均为上市公司。", [("北辰科技", "ORG"), ("东坡资本", "ORG")])
    assert [m.text for m in article.mentions if m.rule == "list"] == ["南岭友"]


def test_a_list_joined_by_and_without_deng_adds_nobody():
    article = run("谷歌、苹果、青禾和福特在测试。", [("谷歌", "ORG"), ("苹果", "ORG"), ("福特", "ORG")])
    assert [m.text for m in article.mentions if m.rule == "list"] == []


def test_places_listed_before_one_body_each_name_their_own():
    article = run("江苏省、浙江省、安徽省商务厅相关负责人，以及北京、天津市商务局代表出席。")
    orgs = sorted(e.name for e in article.entities if e.type == "ORG")
    assert orgs == ["北京商务局", "天津市商务局", "安徽省商务厅", "江苏省商务厅", "浙江省商务厅"]
    jiangsu = next(e for e in article.entities if e.name == "江苏省商务厅")
    m = jiangsu.mentions[0]
    assert (article.text[m.start : m.end], m.elided, m.rule) == ("江苏省", "江苏省商务厅", "shared-body")
    assert jiangsu.aliases == set()  # 江苏省 is not a name of the body


def test_a_fallback_rule_counts_only_where_nothing_else_found_a_name():
    article = run("“需求仍在。”据中国铁塔副总经理李明远介绍，南岭资本首席经济学家王青表示同意。")
    orgs = sorted(e.name for e in article.entities if e.type == "ORG")
    assert orgs == ["中国铁塔股份有限公司", "南岭资本"]


def test_teams_products_and_country_prefixed_companies_are_not_new_organizations():
    text = "李明远教授团队与美国亚马逊公司合作，VR社交平台Horizon上线，韩国财政部表示欢迎。"
    article = run(
        text,
        [("李明远教授团队", "ORG"), ("美国亚马逊公司", "ORG"), ("VR社交平台Horizon", "ORG"), ("韩国财政部", "ORG")],
    )
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["亚马逊公司", "韩国财政部"]


def test_model_platforms_are_projects_and_kinds_places_and_bare_subsidiaries_are_not_names():
    text = "南湖联合辟谣平台上线，人工智能公司与澳大利亚合作，阿里巴巴全资子公司持股。"
    article = run(
        text, [("南湖联合辟谣平台", "ORG"), ("人工智能公司", "ORG"), ("澳大利亚", "ORG"), ("阿里巴巴全资子公司", "ORG")]
    )
    assert sorted((e.name, e.type) for e in article.entities) == [
        ("南湖联合辟谣平台", "PROJECT"),
        ("阿里巴巴集团", "ORG"),
    ]


def test_a_person_named_like_a_project_of_the_article_is_its_short_name():
    text = "陆远跨链协议正式发布。业内认为，陆远将改变数据孤岛现象。"
    article = run(text, [("陆远", "PERSON")])
    assert [(e.name, e.type, e.aliases) for e in article.entities] == [("陆远跨链协议", "PROJECT", {"陆远"})]


def test_names_run_together_are_split_at_surnames():
    # lists of delegates lose their spaces in extracted text; the model reads them as one name
    text = "出席会议的有王立新陈思远李明欧阳文华。"
    article = run(text, [("王立新陈思远李明欧阳文华", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "PERSON"] == ["王立新", "陈思远", "李明", "欧阳文华"]


def test_names_in_a_list_without_separators_split_where_the_model_cut_a_neighbour():
    # the model's spans in a run of names start or end inside a neighbour's name; a span touching
    # another name is in such a list: four characters split too, and the roster stage cuts the
    # whole run again, so the cut end comes back (王立 + 军 is 王立军)
    text = "委员：王立军周文远吴明华，陈平李远。"
    article = run(text, [("王立", "PERSON"), ("军周文远吴明华", "PERSON"), ("陈平李远", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "PERSON"] == ["王立军", "周文远", "吴明华", "陈平李远"]
    article = run("主席团：王立新陈平李远。", [("王立新", "PERSON"), ("陈平李远", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "PERSON"] == ["王立新", "陈平", "李远"]


def test_a_name_the_model_missed_inside_a_list_of_names_is_found():
    people = lambda article: [m.text for m in article.mentions if m.label == "PERSON"]  # noqa: E731
    spans = [("王立新", "PERSON"), ("陈思远", "PERSON"), ("李明远", "PERSON")]
    assert people(run("代表：王立新陈思远周文华李明远。", spans)) == ["王立新", "陈思远", "周文华", "李明远"]
    assert people(run("出席的有陈思远、周文华、李明远。", spans)) == ["陈思远", "周文华", "李明远"]
    # two names apart, without separators, are not a list: the words between stay words
    assert people(run("副总理陈思远和俄罗斯驻华大使李明远在机场。", spans)) == ["陈思远", "李明远"]


def test_a_person_that_starts_an_organization_named_in_the_article_is_that_organization():
    text = "北辰科技、易达展示、南岭股份收到关注函。易达展示在三个交易日内涨停，易达表示将回复。"
    article = run(text, [("北辰科技", "ORG"), ("南岭股份", "ORG"), ("易达", "PERSON")])
    assert [(m.text, m.label) for m in article.mentions if "易达" in m.text] == [
        ("易达展示", "ORG"),
        ("易达展示", "ORG"),
        ("易达", "PERSON"),
    ]


def test_a_long_name_that_does_not_split_at_surnames_is_kept():
    article = run("牧民乌云其木格说，草场更绿了。", [("乌云其木格", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "PERSON"] == ["乌云其木格"]


def test_a_stray_quote_at_the_edge_of_a_model_span_is_not_part_of_the_name():
    article = run("他说：“南岭拍卖公司不仅是中介。", [("“南岭拍卖公司", "ORG")])
    assert [m.text for m in article.mentions if m.label == "ORG"] == ["南岭拍卖公司"]


def test_a_surname_with_a_form_of_address_is_not_a_named_person():
    article = run("陈大爷和曹医生找到了李明远。", [("陈大爷", "PERSON"), ("曹医生", "PERSON"), ("李明远", "PERSON")])
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["李明远"]


def test_model_spans_that_describe_organizations_are_not_names():
    text = "南岭电信等科技公司、韩国四大财团、南岭两家大公司、政府+财团和腾讯的控股子公司都在列，浙江省也在。中国高等教育学会发言。"
    article = run(
        text,
        [
            ("南岭电信等科技公司", "ORG"),
            ("韩国四大财团", "ORG"),
            ("南岭两家大公司", "ORG"),
            ("政府+财团", "ORG"),
            ("腾讯的控股子公司", "ORG"),
            ("浙江省", "ORG"),
            ("中国高等教育学会", "ORG"),
        ],
    )
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["中国高等教育学会", "腾讯公司"]


def test_model_spans_of_generic_words_kinds_and_technologies_are_not_names():
    text = "七大领域里，VR硬件公司和数据研究公司都在建5G基站，采用GAA架构，南岭科技也在其中。"
    article = run(
        text,
        [
            ("七大", "ORG"),
            ("VR硬件公司", "ORG"),
            ("数据研究公司", "ORG"),
            ("5G基站", "ORG"),
            ("GAA架构", "ORG"),
            ("南岭科技", "ORG"),
        ],
    )
    assert [e.name for e in article.entities if e.type == "ORG"] == ["南岭科技"]


def test_a_listed_organization_the_model_read_as_a_person_becomes_an_organization():
    text = "园区孕育了青禾股份、新开普、北辰科技、易尚展示、西岭微等企业，闵行区也在其中。"
    article = run(
        text,
        [
            ("青禾股份", "ORG"),
            ("新开普", "PERSON"),
            ("北辰科技", "ORG"),
            ("易尚", "PERSON"),
            ("西岭微", "ORG"),
            ("闵行区", "ORG"),
        ],
    )
    assert sorted((e.name, e.type) for e in article.entities) == [
        ("北辰科技", "ORG"),
        ("新开普", "ORG"),
        ("易尚展示", "ORG"),
        ("西岭微", "ORG"),
        ("青禾股份", "ORG"),
    ]


def test_a_mention_names_a_known_finder_and_a_rule_id_exactly_when_a_rule_found_it():
    assert Mention("doc", 0, 2, "南岭", "ORG", "ner").finder is Finder.NER
    with pytest.raises(ValueError):
        Mention("doc", 0, 2, "南岭", "ORG", "policy.book-title")  # a rule id is not a finder
    with pytest.raises(ValueError):
        Mention("doc", 0, 2, "南岭", "ORG", Finder.RULE)  # a rule mention names its rule
    with pytest.raises(ValueError):
        Mention("doc", 0, 2, "南岭", "ORG", Finder.NER, "list")


def test_every_finder_has_a_rank_between_overlapping_spans():
    assert set(PRIORITY) == set(Finder)


# select_mentions one filter at a time: candidates placed by hand, as the finders would leave them


def selected(text: str, spans: list[tuple]) -> list[tuple[str, str]]:
    """(text, label) of what select_mentions keeps of spans given as (surface, label, finder[, rule])."""
    article = Article(id="doc", title="", text=text)
    for surface, label, finder, *rule in spans:
        start = text.index(surface)
        article.mentions.append(Mention("doc", start, start + len(surface), surface, label, finder, *rule))
    return [(m.text, m.label) for m in select_mentions(article).mentions]


def test_filter_keep_scored_types():
    assert selected("他们去了南岭镇。", [("南岭镇", "LOC", Finder.NER)]) == []


def test_filter_strip_stray_marks_of_model_spans():
    assert selected("他说：“北辰拍卖行不是中介。", [("“北辰拍卖行", "ORG", Finder.NER)]) == [("北辰拍卖行", "ORG")]


def test_filter_extend_orgs():
    assert selected("北辰集团今天开业。", [("北辰", "ORG", Finder.LEXICON)]) == [("北辰集团", "ORG")]


def test_filter_drop_generic_orgs():
    assert selected("多家商业银行参与。", [("商业银行", "ORG", Finder.LEXICON)]) == []
    assert selected("多家商业银行参与。", [("商业银行", "ORG", Finder.DICT)]) == [("商业银行", "ORG")]


def test_filter_drop_model_orgs_of_generic_words():
    assert selected("数字领域发展很快。", [("数字", "ORG", Finder.NER)]) == []


def test_filter_drop_model_orgs_over_a_headline_gap():
    text = "启航 海洋联盟发布新规划。"
    assert selected(text, [("启航 海洋联盟", "ORG", Finder.NER)]) == []
    assert selected("海洋联盟发布新规划。", [("海洋联盟", "ORG", Finder.NER)]) == [("海洋联盟", "ORG")]


def test_filter_trim_model_org_heads_of_units():
    text = "东湖集团下属公司南岭投资有限公司中标。"
    assert selected(text, [("公司南岭投资有限公司", "ORG", Finder.NER)]) == [("南岭投资有限公司", "ORG")]
    text = "新公司南岭新能源有限公司明年投产。"
    assert selected(text, [("新公司南岭新能源有限公司", "ORG", Finder.NER)]) == [("南岭新能源有限公司", "ORG")]
    text = "东湖集团旗下上市平台东湖资源科技股份有限公司将作为整合平台。"
    span = "平台东湖资源科技股份有限公司"
    assert selected(text, [(span, "ORG", Finder.NER)]) == [("东湖资源科技股份有限公司", "ORG")]


def test_filter_retype_latin_companies():
    for name in ("Eastbay Power Ltd", "EastbayPowerLtd", "Nordwind GmbH", "EASTBAY POWER CO., LTD.", "Norte S.A."):
        assert selected(f"该项目由{name}出资。", [(name, "PERSON", Finder.NER)]) == [(name, "ORG")]
    for name in ("Eastbay Co", "EASTBAY CO."):
        assert selected(f"该项目由{name}出资。", [(name, "PERSON", Finder.NER)]) == [(name, "ORG")]
    for name in ("Co", "Lisa", "Marco"):  # a bare legal form, a name ending like one
        assert (name, "ORG") not in selected(f"该项目由{name}主持。", [(name, "PERSON", Finder.NER)])
    assert selected("该项目由John Smith主持。", [("John Smith", "PERSON", Finder.NER)]) == [("John Smith", "PERSON")]


def test_filter_model_orgs_holding_a_deal_or_a_time_word_or_led_by_a_description():
    text = "北辰人寿增资南湖发展银行股份有限公司，东岭铸管今日公司公告，三期分别出资设立南湖基金（有限合伙）。"
    spans = [
        ("北辰人寿增资南湖发展银行股份有限公司", "ORG", Finder.NER),
        ("东岭铸管今日公司", "ORG", Finder.NER),
        ("三期分别出资设立南湖基金（有限合伙）", "ORG", Finder.NER),
    ]
    assert selected(text, spans) == []
    text = "其合作企业南湖大北农农牧有限责任公司与大型央企东岭锅炉股份有限公司签约。"
    spans = [
        ("合作企业南湖大北农农牧有限责任公司", "ORG", Finder.NER),
        ("大型央企东岭锅炉股份有限公司", "ORG", Finder.NER),
    ]
    assert selected(text, spans) == [("南湖大北农农牧有限责任公司", "ORG"), ("东岭锅炉股份有限公司", "ORG")]


def test_a_unit_the_model_found_after_a_body_found_by_rule_keeps_its_whole_name():
    text = "南湖省公安厅经侦总队破获一起案件。"
    spans = [("南湖省公安厅经侦总队", "ORG", Finder.NER), ("南湖省公安厅", "ORG", Finder.RULE, "org.local-body")]
    assert selected(text, spans) == [("南湖省公安厅经侦总队", "ORG")]


def test_a_known_name_and_a_trade_is_one_of_its_companies():
    text = "索尼影业计划拍摄新片，微软达成合作。"
    spans = [("索尼", "ORG", Finder.DICT), ("索尼影业", "ORG", Finder.NER), ("微软达", "ORG", Finder.NER)]
    spans.append(("微软", "ORG", Finder.DICT))
    kept = selected(text, spans)
    assert ("索尼影业", "ORG") in kept and ("微软达", "ORG") not in kept


def test_a_companys_full_name_is_not_extended_over_a_suffix_that_follows():
    text = "北湖咨询公司银行业务部门发布报告，南岭稀土集团有限公司公告。"
    spans = [("北湖咨询公司", "ORG", Finder.NER), ("南岭稀土", "ORG", Finder.NER)]
    assert selected(text, spans) == [("北湖咨询公司", "ORG"), ("南岭稀土集团有限公司", "ORG")]


def test_an_org_is_not_extended_over_a_suffix_that_starts_a_market_or_a_ratio():
    text = "北湖银行资本充足率达标，南岭证券市场份额上升，西江资本领投。"
    spans = [("北湖银行", "ORG", Finder.NER), ("南岭", "ORG", Finder.NER), ("西江", "ORG", Finder.NER)]
    assert selected(text, spans) == [("北湖银行", "ORG"), ("南岭", "ORG"), ("西江资本", "ORG")]


def test_filter_a_preposition_before_a_model_org_is_not_part_of_it():
    text = "该研究由北湖大学心理学系完成。"
    assert selected(text, [("由北湖大学心理学系", "ORG", Finder.NER)]) == [("北湖大学心理学系", "ORG")]


def test_filter_a_companys_board_is_the_company():
    text = "北辰传播七届董事会审议通过议案，南湖控股公告其股东大会决议。"
    spans = [("北辰传播七届董事会", "ORG", Finder.NER), ("南湖控股公告其", "ORG", Finder.NER)]
    assert selected(text, spans) == [("北辰传播", "ORG")]


def test_filter_retype_persons_before_company_words():
    assert selected("北湖股份昨日涨停。", [("北湖", "PERSON", Finder.NER)]) == [("北湖股份", "ORG")]
    assert selected("南岭集团公告称，将扩产。", [("南岭", "PERSON", Finder.NER)]) == [("南岭集团", "ORG")]
    for text in ("李明远控股的北辰汽车发布新车。", "李明远股份的转让已完成。"):  # 控股 follows people too
        assert ("李明远", "PERSON") in selected(text, [("李明远", "PERSON", Finder.NER)]), text
    assert selected("东坡钢铁股价收于5元。", [("东坡钢铁", "PERSON", Finder.NER)]) == [("东坡钢铁", "ORG")]
    assert selected("美岭莲品牌也在其中。", [("美岭莲", "PERSON", Finder.NER)]) == []  # a brand: not scored
    assert selected("李明远旗下的公司。", [("李明远", "PERSON", Finder.NER)]) == [("李明远", "PERSON")]


def test_filter_drop_model_districts():
    assert selected("南岭区今年发展很快。", [("南岭区", "ORG", Finder.NER)]) == []


def test_filter_cut_model_orgs_after_known_units():
    text = "北辰集团旗下子公司南岭电子有限公司发布新品。"
    spans = [("北辰集团", "ORG", Finder.LEXICON), ("北辰集团旗下子公司南岭电子有限公司", "ORG", Finder.NER)]
    assert selected(text, spans) == [("北辰集团", "ORG"), ("南岭电子有限公司", "ORG")]


def test_filter_drop_implausible_model_orgs():
    assert selected("北辰科技团队发布成果。", [("北辰科技团队", "ORG", Finder.NER)]) == []


def test_filter_retype_model_platforms():
    assert selected("南湖数据平台今天上线。", [("南湖数据平台", "ORG", Finder.NER)]) == [("南湖数据平台", "PROJECT")]


def test_filter_strip_dots_of_model_persons():
    assert selected("嘉宾李明远·出席。", [("李明远·", "PERSON", Finder.NER)]) == [("李明远", "PERSON")]


@pytest.mark.parametrize(
    "text, surface",
    [
        ("李说，好。", "李"),
        ("郑州市今年发展很快。", "郑州"),
        ("North集邦指出，需求回升。", "North集邦"),
        ("陈女士说，好。", "陈女士"),
        ("Metaverse很热。", "Metaverse"),
    ],
    ids=["is_too_short", "is_place_used_as_place", "is_latin_mixed_with_chinese", "is_anonymized", "is_one_latin_word"],
)
def test_filter_drop_model_non_persons(text, surface):
    assert selected(text, [(surface, "PERSON", Finder.NER)]) == []


def test_filter_drop_model_non_persons_keeps_names():
    assert selected(
        "沈阳教授和John Smith到场。", [("沈阳", "PERSON", Finder.NER), ("John Smith", "PERSON", Finder.NER)]
    ) == [("沈阳", "PERSON"), ("John Smith", "PERSON")]


def test_filter_drop_model_non_persons_holding_a_known_organization():
    spans = [("南岭资本", "ORG", Finder.DICT), ("比南岭资本", "PERSON", Finder.NER)]
    assert selected("热度比南岭资本更高。", spans) == [("南岭资本", "ORG")]


def test_filter_drop_overlapped_fallbacks():
    text = "南岭资本研究员李明远表示同意，东湖基金也是。"
    spans = [
        ("南岭资本研究", "ORG", Finder.FALLBACK, "org.before-title"),
        ("南岭资本", "ORG", Finder.LEXICON),
        ("东湖基金", "ORG", Finder.FALLBACK, "org.before-title"),
    ]
    assert selected(text, spans) == [("南岭资本", "ORG"), ("东湖基金", "ORG")]


def test_resolve_overlaps_prefers_longer_spans_then_rules_and_a_rule_over_a_model_span():
    assert selected("南岭科技集团成立。", [("南岭科技集团", "ORG", Finder.NER), ("南岭科技", "ORG", Finder.DICT)]) == [
        ("南岭科技集团", "ORG")
    ]
    article = Article(id="doc", title="", text="南岭科技成立。")
    for finder in (Finder.NER, Finder.LEXICON, Finder.DICT):
        article.mentions.append(Mention("doc", 0, 4, "南岭科技", "ORG", finder))
    assert [m.finder for m in select_mentions(article).mentions] == [Finder.DICT]
    spans = [("程师李明远", "PERSON", Finder.NER), ("李明远", "PERSON", Finder.RULE, "person.after-title")]
    assert selected("总工程师李明远说，好。", spans) == [("李明远", "PERSON")]


def test_after_resolving_split_name_runs():
    assert selected("到场的有王立新陈思远。", [("王立新陈思远", "PERSON", Finder.NER)]) == [
        ("王立新", "PERSON"),
        ("陈思远", "PERSON"),
    ]


def test_after_resolving_retype_persons_named_like_projects():
    article = Article(id="doc", title="", text="陆远跨链协议发布，陆远将改变现状。")
    article.mentions = [
        Mention("doc", 0, 6, "陆远跨链协议", "PROJECT", Finder.RULE, "project.suffix"),
        Mention("doc", 9, 11, "陆远", "PERSON", Finder.NER),
    ]
    assert [(m.text, m.label) for m in select_mentions(article).mentions] == [
        ("陆远跨链协议", "PROJECT"),
        ("陆远", "PROJECT"),
    ]


def test_filter_drop_fragments():
    text = "北辰医药（湖北）有限公司公告，南岭科技（600519.SH）涨停。"
    spans = [
        ("湖北）有限公司", "ORG", Finder.NER),
        ("南岭科技", "ORG", Finder.NER),
        ("SH", "ORG", Finder.NER),
    ]
    assert selected(text, spans) == [("南岭科技", "ORG")]


def test_a_latin_name_after_a_word_for_a_product_is_no_organization():
    text = "星澜科技公司把旗下办公软件Nimbus与北辰电子公司的协作工具Orbit打通，Orbit公司表示欢迎。"
    article = run(text, [("Nimbus", "ORG"), ("Orbit", "ORG"), ("星澜科技公司", "ORG"), ("北辰电子公司", "ORG")])
    found = {e.name: [m.start for m in e.mentions] for e in article.entities}
    # the company Orbit公司 stays; the tool Orbit and the software Nimbus are gone
    assert found == {"星澜科技公司": [0], "北辰电子公司": [text.index("北辰")], "Orbit公司": [text.index("Orbit公司")]}


def test_a_model_person_followed_by_a_title_and_a_person_is_an_organization():
    article = run(
        "北辰科技首席执行官李明远表示，张伟、王芳总经理出席。",
        [("北辰科技", "PERSON"), ("李明远", "PERSON"), ("张伟", "PERSON"), ("王芳", "PERSON")],
    )
    types = {m.text: m.label for m in article.mentions}
    assert types["北辰科技"] == "ORG" and types["李明远"] == "PERSON"
    assert types["张伟"] == "PERSON" and types["王芳"] == "PERSON"  # a list, not a title between


def test_a_registered_name_that_begins_with_a_place_beats_its_declared_short_form():
    text = "本轮由杭州青禾创投股份有限公司（以下简称“青禾创投”）领投。"
    article = run(text, [("杭州青禾创投股份有限公司", "ORG")])
    assert "杭州青禾创投股份有限公司" in {m.text for m in article.mentions}


@pytest.mark.parametrize("verb", ["成功中标", "签约", "共建", "取得", "获得", "入驻"])
def test_a_project_name_starts_after_the_verb_before_it(verb):
    article = run(f"北辰科技公司{verb}南湖智慧园区项目。", [("北辰科技公司", "ORG")])
    assert [m.text for m in article.mentions if m.label == "PROJECT"] == ["南湖智慧园区项目"]


@pytest.mark.parametrize("name", ["南湖认知大模型", "东岭商业航天发射场", "北辰南湖城际铁路", "星澜储能超级工厂"])
def test_models_launch_sites_railways_and_factories_are_projects(name):
    article = run(f"北辰科技公司参与{name}建设。", [("北辰科技公司", "ORG")])
    assert [m.text for m in article.mentions if m.label == "PROJECT"] == [name]


def test_a_governance_body_before_a_title_is_cut_from_the_name():
    article = run("北辰银行党委书记、董事长李明远表示，将加大投入。", [("北辰银行党委", "ORG"), ("李明远", "PERSON")])
    assert {m.text for m in article.mentions if m.label == "ORG"} == {"北辰银行"}
    [role] = [r for r in article.relations if r.type == "HOLDS_ROLE"]
    assert (role.head, role.tail, role.title) == ("李明远", "北辰银行", "党委书记、董事长")


def test_bracketed_pieces_and_titles_are_not_names():
    text = "北辰汽车集团（中国）有限公司总裁王海与南岭集团董事长兼总裁李明远出席。"
    article = run(text, [("（中国）有限公司", "ORG"), ("董事长兼", "ORG"), ("王海", "PERSON"), ("李明远", "PERSON")])
    assert not {"（中国）有限公司", "董事长兼"} & {m.text for m in article.mentions}


def test_the_predecessor_named_in_an_appointment_holds_no_role():
    text = "去年接替王海担任北辰科技公司总经理的李明远表示，新工厂年底投产。"
    article = run(text, [("王海", "PERSON"), ("北辰科技公司", "ORG"), ("李明远", "PERSON")])
    assert [(r.head, r.tail) for r in article.relations if r.type == "HOLDS_ROLE"] == [("李明远", "北辰科技公司")]


def test_a_phase_or_a_kind_of_project_is_not_a_project_name():
    article = run("北辰科技公司启动二期工程，并推进一体化项目和外商独资整车制造项目。", [("北辰科技公司", "ORG")])
    assert [m.text for m in article.mentions if m.label == "PROJECT"] == []


def test_a_role_before_a_name_and_generic_bodies_are_not_part_of_names():
    text = "北辰汽车公司控股股东北辰控股集团有限公司表示支持，其全资子公司和俱乐部也将参与。"
    article = run(text, [("控股股东北辰控股集团有限公司", "ORG"), ("全资子公司", "ORG"), ("俱乐部", "ORG")])
    names = {m.text for m in article.mentions if m.label == "ORG"}
    assert "北辰控股集团有限公司" in names and not {"控股股东北辰控股集团有限公司", "全资子公司", "俱乐部"} & names


def test_a_name_ends_before_the_verb_it_ran_into():
    article = run("南湖市市长王海代表市政府致辞。", [("王海代", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "PERSON"] == ["王海"]


def test_a_model_span_over_a_joining_word_into_a_known_name_keeps_what_is_before_the_joiner():
    text = "北辰移动联合华为技术有限公司完成部署，南湖电信随后也联合华为技术有限公司建网。"
    article = run(text, [("北辰移动联合华为技术有限公司", "ORG"), ("也联合华为技术有限公司", "ORG")])
    assert sorted(e.name for e in article.entities) == ["北辰移动", "华为公司"]  # the alias table's name


def test_invest_in_an_investment_company_s_name_is_a_noun_not_a_verb():
    text = "本轮由南湖创新投资集团有限公司领投。北辰科技投资南湖公司一事已获批准。"
    article = run(text, [("南湖创新投资集团有限公司", "ORG"), ("北辰科技投资南湖公司", "ORG")])
    assert [e.name for e in article.entities] == ["南湖创新投资集团有限公司"]


def test_a_model_span_over_an_owner_s_role_is_the_two_names_around_it():
    text = "尹大明，北辰汽车控股股东北辰控股集团有限公司董事长，在签约活动上表示支持。"
    article = run(text, [("北辰汽车控股股东北辰控股集团有限公司", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["北辰控股集团有限公司", "北辰汽车"]


def test_a_project_name_holding_a_verb_is_a_headline_clause_unless_quoted():
    text = "南湖科技企业竞逐教育大模型。“北辰好人”评议和发布活动今天启动。西川省能源局公布2025年度储能示范项目。"
    article = run(text, [("南湖科技企业竞逐教育大模型", "PROJECT"), ("“北辰好人”评议和发布活动", "PROJECT")])
    assert [e.name for e in article.entities if e.type == "PROJECT"] == ["“北辰好人”评议和发布活动"]


def test_a_model_span_starting_inside_a_quoted_name_takes_the_opening_quote():
    text = "双方将共同打造“伏羲”电力芯片联合实验室。“星港会”研究局局长王明说，“星港会”将发布报告。"
    article = run(text, [("伏羲”电力芯片联合实验室", "ORG"), ("星港会”研究局", "ORG"), ("星港会", "ORG")])
    orgs = sorted(e.name for e in article.entities if e.type == "ORG")
    assert orgs == ["“伏羲”电力芯片联合实验室", "“星港会”研究局", "星港会"]
    links = {(r.type, r.head, r.tail) for r in article.relations}
    assert ("SUBSIDIARY_OF", "“星港会”研究局", "星港会") in links  # the quotes hold the parent's name


def test_a_verb_the_model_took_into_the_name_of_what_it_acts_on_is_cut():
    text = "东岭市市场监督管理局已约谈星链外卖有限公司负责人。北辰科技近日入股南湖芯片有限公司。"
    spans = [
        ("东岭市市场监督管理局", "ORG"),
        ("约谈星链外卖有限公司", "ORG"),
        ("北辰科技", "ORG"),
        ("近日入股南湖芯片有限公司", "ORG"),
    ]
    article = run(text, spans)
    assert {(r.type, r.head, r.tail) for r in article.relations if r.type != "CO_OCCURS"} == {
        ("REGULATES", "东岭市市场监督管理局", "星链外卖有限公司"),
        ("INVESTS_IN", "北辰科技", "南湖芯片有限公司"),
    }


def test_a_company_named_by_a_newer_trade_opens_a_clause():
    text = "北辰算力与东岭高新区签约。南湖芯片与西岭城投签署合作协议。"
    article = run(text, [])
    assert {"北辰算力", "南湖芯片"} <= {e.name for e in article.entities if e.type == "ORG"}


def test_lianhe_before_a_known_name_is_no_part_of_it():
    text = "该省已联合国家开发银行南岭省分行推出贷款，联合利华也参与。"
    article = run(text, [("联合国家开发银行南岭省分行", "ORG"), ("联合利华", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == [
        "国家开发银行",
        "国家开发银行南岭省分行",
        "联合利华",
    ]


def test_an_event_is_no_organization():
    text = "由南湖市人民政府主办的2026南湖数字经济峰会开幕，北辰大学研讨会同期举行。"
    article = run(text, [("2026南湖数字经济峰会", "ORG"), ("北辰大学研讨会", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["北辰大学", "南湖市人民政府"]


def test_what_is_listed_as_a_field_of_work_is_no_project():
    text = "双方将在电力芯片、能源大模型等领域开展合作，在“星河”大模型等领域共享数据，并共建南湖智慧园区项目。"
    article = run(text, [])
    assert [e.name for e in article.entities if e.type == "PROJECT"] == ["“星河”大模型", "南湖智慧园区项目"]


def test_a_model_span_past_a_registered_name_or_ending_in_a_unit_word_is_cut():
    text = "南湖电子有限公司系北辰集团的全资子公司。东岭物流公司（西岭集团全资子公司）也在列，北辰电子公司未参与。"
    spans = [
        ("南湖电子有限公司系北辰集团", "ORG"),
        ("东岭物流公司", "ORG"),
        ("西岭集团全资子公司", "ORG"),
        ("北辰电子公司", "ORG"),
    ]
    article = run(text, spans)
    names = sorted(e.name for e in article.entities)
    assert names == ["东岭物流公司", "北辰电子公司", "北辰集团", "南湖电子有限公司", "西岭集团"]
    assert {(r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF"} == {
        ("南湖电子有限公司", "北辰集团"),
        ("东岭物流公司", "西岭集团"),
    }


def test_a_model_org_naming_only_a_trade_gets_back_the_start_of_its_name():
    article = run(
        "大丰收医药连锁股份有限公司宣布扩张，其中教育集团未获批准。",
        [("医药连锁股份有限公司", "ORG"), ("教育集团", "ORG")],
    )
    names = sorted(m.text for m in article.mentions if m.label == "ORG")
    assert "大丰收医药连锁股份有限公司" in names
    assert "其中教育集团" not in names  # 其中 opens the clause: it is no part of a name
    article = run("自动驾驶公司驰骋未来科技有限公司宣布合作。", [("科技有限公司", "ORG")])
    assert [e.name for e in article.entities] == ["驰骋未来科技有限公司"]  # back to what it is said to be


def test_a_unit_named_after_its_parent_is_found_after_qixia():
    article = run(
        "东岭公司旗下的东岭有道（NYSE: DL）发布新品，北辰集团下属北辰全球开店与南湖市商务局签约。",
        [("东岭公司", "ORG"), ("北辰集团", "ORG"), ("南湖市商务局", "ORG")],
    )
    units = [(m.text, m.rule) for m in article.mentions if m.rule == "org.unit-named-after-parent"]
    assert units == [("东岭有道", "org.unit-named-after-parent"), ("北辰全球开店", "org.unit-named-after-parent")]
    subsidiaries = {(r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF"}
    assert subsidiaries >= {("东岭有道", "东岭公司"), ("北辰全球开店", "北辰集团")}


def test_a_model_org_ending_inside_a_title_is_the_name_before_it():
    article = run(
        "北辰科技亚太区执行总裁王海波表示，公司将扩大投资。",
        [("北辰科技亚太区执行", "ORG"), ("王海波", "PERSON")],
    )
    assert [m.text for m in article.mentions if m.label == "ORG" and not m.elided] == ["北辰科技"]
    roles = [(r.head, r.tail) for r in article.relations if r.type == "HOLDS_ROLE"]
    assert roles == [("王海波", "北辰科技")]


def test_a_model_org_span_loses_the_investor_role_before_the_name():
    article = run("本轮由北辰资本领投，老股东东岭创业投资有限公司跟投。", [("老股东东岭创业投资有限公司", "ORG")])
    assert "东岭创业投资有限公司" in [m.text for m in article.mentions if m.label == "ORG"]


def test_a_government_bodys_office_is_part_of_its_name():
    article = run("国家南湖保障局办公室印发《南湖管理办法》。", [("国家南湖保障局", "ORG")])
    assert [m.text for m in article.mentions if m.label == "ORG"] == ["国家南湖保障局办公室"]
    assert [(r.type, r.head) for r in article.relations if r.type == "ISSUED"] == [("ISSUED", "国家南湖保障局办公室")]


def test_an_investment_firms_kind_is_part_of_its_name():
    article = run("本轮由北辰资本领投，南湖创投跟投。", [("北辰", "ORG"), ("南湖", "ORG")])
    assert [m.text for m in article.mentions if m.label == "ORG"] == ["北辰资本", "南湖创投"]


def test_an_organization_cut_short_where_the_article_names_it_whole_is_extended():
    text = "东岭公司旗下的东岭有道（NYSE: DL）发布新品。东岭有道首席执行官王海波表示，销量翻番。"
    article = run(text, [("东岭公司", "ORG"), ("东岭", "ORG"), ("王海波", "PERSON")])
    assert [m.text for m in article.mentions if m.label == "ORG" and m.start > 20] == ["东岭有道"]
    roles = {(r.head, r.tail) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("王海波", "东岭有道")}


def test_a_model_person_the_article_names_as_an_organization_is_that_organization():
    from guanxi.graph.pipeline import process
    from tests.test_aliases import WITHOUT_MODEL

    text = "东岭海运宣布与南湖港口合作。此后东岭海运表示，新航线下月开通。"
    second = text.index("东岭海运", 1)
    article = Article(id="doc", title="", text=text)
    article.mentions = [
        Mention("doc", 0, 4, "东岭海运", "ORG", "ner"),
        Mention("doc", 7, 11, "南湖港口", "ORG", "ner"),
        Mention("doc", second, second + 4, "东岭海运", "PERSON", "ner"),  # the model's other reading
    ]
    article = process(article, WITHOUT_MODEL)
    assert [m.label for m in article.mentions if m.text == "东岭海运"] == ["ORG", "ORG"]
    assert [e.name for e in article.entities if e.type == "PERSON"] == []


def test_a_model_person_holding_a_quote_mark_is_no_person():
    article = run("东岭海运西岭航运“双子星”启航 联盟合作期延长", [("东岭海运西岭航运“双子星", "PERSON")])
    assert [m for m in article.mentions if m.label == "PERSON"] == []


def orgs_of(article) -> set[str]:
    return {e.name for e in article.entities if e.type == "ORG"}


def test_a_model_place_whose_span_ends_in_a_trade_is_a_company_but_not_a_venue_or_a_known_place():
    article = run(
        "青川汽车已先后与北辰智能、南岭微电子、西江软件等3家企业达成战略合作。游客入住青松大酒店，浙江能源充足。",
        [("青川汽车", "ORG"), ("北辰智能", "LOCATION"), ("南岭微电子", "LOCATION"), ("西江软件", "LOCATION")]
        + [("青松大酒店", "LOCATION"), ("浙江能源", "LOCATION")],
    )
    assert orgs_of(article) == {"青川汽车", "北辰智能", "南岭微电子", "西江软件"}
    partners = {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners == {frozenset(("青川汽车", name)) for name in ("北辰智能", "南岭微电子", "西江软件")}


def test_a_model_person_or_unknown_place_before_a_trade_word_is_a_company():
    article = run(
        "青松投资与华岳资本签署合作协议，南岭汽车、西江汽车等车企也参与。",
        [("青松", "PERSON"), ("华岳资本", "ORG"), ("南岭", "LOCATION"), ("西江", "LOCATION")],
    )
    assert {"青松投资", "南岭汽车", "西江汽车"} <= orgs_of(article)
    assert not [e for e in article.entities if e.type == "PERSON"]


def test_a_model_person_before_a_field_and_a_platform_kind_names_a_platform():
    article = run(
        "北辰集团旗下青澜工业互联网平台已接入设备百万台，西岭大模型也已上线，南湖平台公司成立。",
        [("北辰集团", "ORG"), ("青澜", "PERSON"), ("西岭", "LOCATION"), ("南湖", "PERSON")],
    )
    projects = {e.name for e in article.entities if e.type == "PROJECT"}
    assert projects == {"青澜工业互联网平台", "西岭大模型"}  # 平台公司 is a company's name going on
    assert not {"青澜", "西岭"} & {e.name for e in article.entities}


def test_a_platform_kind_after_a_known_company_and_a_model_person_is_the_companys_product():
    article = run("多家厂商通过与谷歌安卓系统的合作而上位。", [("谷歌安卓", "PERSON")])
    assert "PROJECT" not in {e.type for e in article.entities}


def test_the_unfound_side_of_an_organizations_deal_is_an_organization():
    article = run(
        "近日，青岚星途与北辰集团达成战略合作。北辰集团与南岭新材正式签署合作协议。",
        [("北辰集团", "ORG"), ("北辰集团", "ORG")],
    )
    assert orgs_of(article) == {"青岚星途", "北辰集团", "南岭新材"}
    partners = {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners == {frozenset(("青岚星途", "北辰集团")), frozenset(("北辰集团", "南岭新材"))}


def test_a_deals_other_side_is_no_organization_where_it_is_a_description_a_person_or_a_place():
    article = run(
        "北辰集团与多家企业签署合作协议。李明与北辰集团签署股权转让协议。北辰集团与南湖新区签署合作协议。"
        "青岚过去与北辰集团达成战略合作。",
        [("北辰集团", "ORG"), ("李明", "PERSON"), ("北辰集团", "ORG"), ("北辰集团", "ORG"), ("北辰集团", "ORG")],
    )
    assert orgs_of(article) == {"北辰集团"}


def test_the_names_of_a_list_that_leads_or_follows_a_funding_round_are_investors():
    article = run(
        "北辰智能完成5亿元B轮融资，本轮融资由青岚创投领投，老股东南岭资本、光年之外跟投。",
        [("北辰智能", "ORG")],
    )
    assert orgs_of(article) == {"北辰智能", "青岚创投", "南岭资本", "光年之外"}
    investors = {r.head for r in article.relations if r.type == "INVESTS_IN" and r.tail == "北辰智能"}
    assert investors == {"青岚创投", "南岭资本", "光年之外"}


def test_a_round_investor_the_model_found_a_piece_of_is_the_whole_name():
    article = run(
        "宁远电池宣布完成C轮融资，由华夏先进制造产业基金领投，启明星创投、松柏资本跟投。",
        [("宁远电池", "ORG"), ("华夏", "ORG"), ("创投", "ORG")],
    )
    assert orgs_of(article) == {"宁远电池", "华夏先进制造产业基金", "启明星创投", "松柏资本"}
    investors = {r.head for r in article.relations if r.type == "INVESTS_IN" and r.tail == "宁远电池"}
    assert investors == {"华夏先进制造产业基金", "启明星创投", "松柏资本"}


def test_what_follows_an_owner_and_qixia_ending_like_an_organization_is_its_unit():
    text = "禾苗生物完成天使轮融资，投资方为钱江投资集团旗下的杭创天使基金。南湖基金作为东岭资管旗下首只基金发行。"
    article = run(text, [("禾苗生物", "ORG"), ("钱江投资集团", "ORG"), ("南湖基金", "ORG"), ("东岭资管", "ORG")])
    assert "杭创天使基金" in orgs_of(article) and "首只基金" not in orgs_of(article)
    assert {
        (r.type, r.head, r.tail) for r in article.relations if r.head == "杭创天使基金" and r.type != "CO_OCCURS"
    } == {
        ("SUBSIDIARY_OF", "杭创天使基金", "钱江投资集团"),
        ("INVESTS_IN", "杭创天使基金", "禾苗生物"),
    }


def test_the_names_of_a_list_counted_as_companies_are_organizations():
    text = "南湖市场监管局近日约谈了橙果优选、速达外卖等5家平台企业。包括冠星高新、向日葵等多家公司被问询。"
    article = run(text, [("南湖市场监管局", "ORG")])
    assert orgs_of(article) == {"南湖市场监管局", "橙果优选", "速达外卖", "冠星高新", "向日葵"}
    assert {r.tail for r in article.relations if r.type == "REGULATES"} == {"橙果优选", "速达外卖"}


def test_a_round_led_by_a_description_or_a_person_names_no_investor_organization():
    article = run("本轮融资由公司创始人领投，多家机构跟投。此轮由徐明领投。", [("徐明", "PERSON")])
    assert orgs_of(article) == set()


def test_a_model_place_and_a_company_trade_where_a_deal_puts_a_company_is_a_company():
    article = run(
        "北辰集团拟收购南岭科技51%股权，并终止与西江药业的合作。",
        [("北辰集团", "ORG"), ("南岭", "LOCATION"), ("西江", "LOCATION")],
    )
    assert orgs_of(article) == {"北辰集团", "南岭科技", "西江药业"}


def test_a_known_name_crossing_a_person_the_model_and_a_rule_agree_on_is_a_coincidence():
    article = run("北辰集团宣布，聘任郑华为公司总经理。", [("北辰集团", "ORG"), ("郑华", "PERSON")])
    assert {(e.name, e.type) for e in article.entities} == {("北辰集团", "ORG"), ("郑华", "PERSON")}


def test_a_model_org_running_on_into_what_it_sets_up_is_the_name_before_the_verb():
    article = run(
        "北辰物流与南岭港务合资设立新公司。",
        [("北辰物流", "ORG"), ("南岭港务合资设立新公司", "ORG")],
    )
    assert orgs_of(article) == {"北辰物流", "南岭港务"}
    assert {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"} == {
        frozenset(("北辰物流", "南岭港务"))
    }
    article = run("企业将与东湖环境科学研究院共建技术中心。", [("东湖环境科学研究院共建技术中心", "ORG")])
    assert orgs_of(article) == {"东湖环境科学研究院"}


def test_a_known_short_name_straddling_two_ordinary_words_is_no_name():
    article = run("日本田径大奖赛昨日开幕，双方公民进而展开交流。本田与丰田签署合作协议。", [])
    assert orgs_of(article) == {"本田", "丰田汽车"}


def test_a_known_name_that_ends_like_a_body_counts_even_between_two_words():
    article = run("美国防部长昨日表示，南京油运通过上交所交易系统增持股份。", [("南京油运", "ORG")])
    assert {"国防部", "上海证券交易所"} <= orgs_of(article)


def test_a_model_place_and_a_company_trade_before_its_role_is_a_company_but_a_country_stays_one():
    article = run(
        "南岭科技的控股股东为北辰集团。德国和奥地利啤酒的广告随处可见。",
        [("南岭", "LOCATION"), ("北辰集团", "ORG"), ("德国", "LOCATION"), ("奥地利", "LOCATION")],
    )
    assert orgs_of(article) == {"南岭科技", "北辰集团"}


def test_an_unknown_place_before_what_only_a_company_name_ends_in_is_a_company_but_not_before_a_market():
    article = run(
        "北辰资本将领投本轮融资，东湖创投已完成募资，西岭证券也在其中。长河资本市场持续活跃，青川证券业整体回暖。",
        [("北辰", "LOCATION"), ("东湖", "LOCATION"), ("西岭", "LOCATION"), ("长河", "LOCATION"), ("青川", "LOCATION")],
    )
    assert orgs_of(article) == {"北辰资本", "东湖创投", "西岭证券"}


def test_a_person_before_a_platform_word_with_no_field_between_stays_a_person():
    article = run(
        "李明系统阐述了观点。王强在平台上发帖。张华平台负责人表示。",
        [("李明", "PERSON"), ("王强", "PERSON"), ("张华", "PERSON")],
    )
    assert {(e.name, e.type) for e in article.entities} == {("李明", "PERSON"), ("王强", "PERSON"), ("张华", "PERSON")}


def test_a_deal_fallback_takes_no_verb_for_the_other_side():
    article = run("北辰药业发布澄清公告，否认与南岭医药存在合并计划，双方没有任何股权合作。", [("南岭医药", "ORG")])
    assert orgs_of(article) == {"北辰药业", "南岭医药"}
    assert not [r for r in article.relations if r.type == "PARTNERS_WITH"]


def test_a_deal_fallback_leaves_out_the_adverb_before_the_joiner():
    article = run(
        "近日，青岚星途分别与北辰集团和南岭银行签署战略合作协议。", [("北辰集团", "ORG"), ("南岭银行", "ORG")]
    )
    assert orgs_of(article) == {"青岚星途", "北辰集团", "南岭银行"}
    partners = {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners == {frozenset(("青岚星途", "北辰集团")), frozenset(("青岚星途", "南岭银行"))}  # a star
    article = run("东岭汽车已先后与北辰集团、南岭银行达成战略合作。", [("北辰集团", "ORG"), ("南岭银行", "ORG")])
    assert orgs_of(article) == {"东岭汽车", "北辰集团", "南岭银行"}
    article = run("近日，泓远实时与北辰集团签署战略合作协议。", [("北辰集团", "ORG")])
    assert orgs_of(article) == {"泓远实时", "北辰集团"}  # 实时 is an adverb of jieba's, and a name's end


def test_slot_fallbacks_take_no_joined_names_and_no_place_phrases():
    article = run(
        "近日，北辰和青岚与南岭集团达成战略合作。南岭集团与青岚在北京签署合作协议。",
        [("南岭集团", "ORG"), ("南岭集团", "ORG")],
    )
    assert orgs_of(article) == {"南岭集团"}


def test_every_name_of_a_round_list_with_a_group_word_is_an_investor():
    article = run("北辰智能完成融资，由青岚创投、南岭资本和光年之外等机构联合领投。", [("北辰智能", "ORG")])
    assert orgs_of(article) == {"北辰智能", "青岚创投", "南岭资本", "光年之外"}
    article = run("北辰智能完成融资，老股东星途远方继续追加投资。", [("北辰智能", "ORG")])
    assert orgs_of(article) == {"北辰智能", "星途远方"}  # a follow-on investment


def test_a_place_and_a_trade_after_a_deal_word_is_no_company_where_more_of_a_name_follows():
    article = run(
        "北辰集团与张江科技园签署协议。各方参与西江医药产业发展。",
        [("北辰集团", "ORG"), ("张江", "LOCATION"), ("西江", "LOCATION")],
    )
    assert orgs_of(article) == {"北辰集团"}


def test_a_model_span_led_by_a_numeral_name_is_still_cut_before_its_deal_verb():
    article = run("三和重工合资设立新公司。", [("三和重工合资设立新公司", "ORG")])
    assert orgs_of(article) == {"三和重工"}


def test_a_place_before_what_places_do_stays_a_place():
    article = run(
        "希望更多企业来大陆投资。三峡工程举世瞩目，浙江能源、江苏能源等都在发展。",
        [("大陆", "LOCATION"), ("三峡", "LOCATION"), ("浙江", "LOCATION"), ("江苏", "LOCATION")],
    )
    assert orgs_of(article) == set()


def test_the_first_name_of_a_list_that_closes_as_a_group_is_an_organization_too():
    article = run(
        "星河智联已先后与东岳汽车、南岭汽车、西江汽车和北漠汽车等4家车企达成合作。",
        [("星河智联", "ORG"), ("南岭汽车", "ORG"), ("西江汽车", "ORG"), ("北漠汽车", "ORG")],
    )
    assert "东岳汽车" in orgs_of(article)
    partners = {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners == {frozenset(("星河智联", name)) for name in ("东岳汽车", "南岭汽车", "西江汽车", "北漠汽车")}


def test_a_model_person_before_a_trade_that_only_companies_have_is_a_company_whatever_follows():
    article = run(
        "南岭重工不断拓展业务，李明投资了一家工厂，王芳旅游时也去参观。",
        [("南岭", "PERSON"), ("李明", "PERSON"), ("王芳", "PERSON")],
    )
    assert orgs_of(article) == {"南岭重工"}
    assert {e.name for e in article.entities if e.type == "PERSON"} == {"李明", "王芳"}


def test_a_model_person_no_surname_leads_in_a_deal_with_an_organization_is_an_organization():
    article = run(
        "迪士尼与北辰乳业达成战略合作。摩尔线程与赛力斯签署战略合作协议。李明与北辰集团签署股权转让协议。",
        [
            ("迪士尼", "PERSON"),
            ("北辰乳业", "ORG"),
            ("摩尔线程", "PERSON"),
            ("赛力斯", "PERSON"),
            ("李明", "PERSON"),
            ("北辰集团", "ORG"),
        ],
    )
    assert {"迪士尼", "摩尔线程", "赛力斯"} <= orgs_of(article)
    assert {e.name for e in article.entities if e.type == "PERSON"} == {"李明"}


def test_a_model_org_span_over_an_adverb_and_a_joiner_is_two_names():
    article = run("据悉，北辰科技正与南岭集团洽谈合作。", [("北辰科技正与南岭集团", "ORG")])
    assert orgs_of(article) == {"北辰科技", "南岭集团"}


def test_a_clause_word_before_a_bare_project_word_names_no_project():
    article = run("随着工程推进，包括项目融资在内的业务也在开展。")
    assert [e for e in article.entities if e.type == "PROJECT"] == []


def test_a_model_org_span_that_is_two_bodies_joined_by_a_verb_is_two_organizations():
    article = run(
        "市政务服务局联合市通信管理局开展检查。北辰集团联合投资股份有限公司发布公告。",
        [("市政务服务局联合市通信管理局", "ORG"), ("北辰集团联合投资股份有限公司", "ORG")],
    )
    assert orgs_of(article) == {"市政务服务局", "市通信管理局", "北辰集团联合投资股份有限公司"}


def test_a_word_ending_in_a_body_character_is_no_local_body():
    article = run("长沙主要布局智能汽车产业，长沙市商务局也在大厅开会。")
    assert orgs_of(article) == {"长沙市商务局"}


def test_a_latin_business_term_or_a_piece_of_a_latin_word_is_no_organization():
    article = run(
        "北辰科技IPO后，南湖公司的OTC业务和Cookies设置也受关注，NHK报道了此事。",
        [("IPO", "ORG"), ("TC", "ORG"), ("Cookies", "ORG"), ("NHK", "ORG")],
    )
    assert orgs_of(article) == {"NHK"}


def test_a_model_person_that_took_the_list_joiner_loses_it_and_a_place_that_builds_is_no_organization():
    article = run(
        "润迅数据和万国数据均在上海建设数据中心，合肥市建设投资控股集团也参与。",
        [("润迅", "PERSON"), ("和万国", "PERSON"), ("上海建设数据中心", "ORG"), ("合肥市建设投资控股集团", "ORG")],
    )
    assert orgs_of(article) == {"润迅数据", "万国数据", "合肥市建设投资控股集团"}


def test_a_place_that_builds_with_a_partner_is_no_organization_and_a_numbered_programme_after_a_quoted_technology_is_a_project():
    article = run(
        "两家公司将在美国密歇根州合作建设电池工厂。工信部启动“5G+工业互联网”512工程，并建设“5G+工业互联网”平台。",
        [("美国密歇根州合作建设电池工厂", "ORG")],
    )
    assert orgs_of(article) == {"工业和信息化部"}
    assert {e.name for e in article.entities if e.type == "PROJECT"} == {"“5G+工业互联网”512工程"}


def test_a_company_named_after_a_known_short_form_keeps_its_whole_name():
    article = run(
        "南湖稀土集团（以下简称“南湖稀土”）旗下上市平台南湖稀土资源科技股份有限公司将承担整合任务。",
        [("南湖稀土集团", "ORG"), ("南湖稀土资源科技股份有限公司", "ORG")],
    )
    assert "南湖稀土资源科技股份有限公司" in orgs_of(article)
    assert "资源科技股份有限公司" not in orgs_of(article)


def test_a_verb_of_founding_ends_no_name_that_follows_it():
    article = run(
        "北辰资本分别出资设立南湖（北京）股权投资基金（有限合伙），并将成立西岭激光工程公司。",
        [("西岭激光工程公司", "ORG")],
    )
    assert {"南湖（北京）股权投资基金（有限合伙）", "西岭激光工程公司"} <= orgs_of(article)


def test_a_boundary_character_inside_a_common_word_does_not_cut_a_project_name():
    article = run("中国（上海）自由贸易试验区扩区，南湖高等教育园区项目也已开工。")
    projects = {e.name for e in article.entities if e.type == "PROJECT"}
    assert {"中国（上海）自由贸易试验区", "南湖高等教育园区项目"} <= projects


def test_a_long_foreign_name_is_one_person_and_a_run_of_chinese_names_is_several():
    article = run("梅德韦杰夫会见了杨尚昆万里宋平。", [("梅德韦杰夫", "PERSON"), ("杨尚昆万里宋平", "PERSON")])
    assert {e.name for e in article.entities if e.type == "PERSON"} == {"梅德韦杰夫", "杨尚昆", "万里", "宋平"}


def test_a_one_word_latin_name_after_a_word_for_a_person_is_a_person():
    article = run("新选手Crius加入后，Metaverse概念走红。", [("Crius", "PERSON"), ("Metaverse", "PERSON")])
    assert {e.name for e in article.entities if e.type == "PERSON"} == {"Crius"}


def test_a_titled_person_before_a_sector_word_stays_a_person():
    article = run("南湖房协副秘书长陈志谈地产业诚信问题。", [("陈志谈", "PERSON")])
    assert {e.name for e in article.entities if e.type == "PERSON"} == {"陈志谈"}
    assert orgs_of(article) == set()


def test_a_project_word_inside_a_longer_noun_names_no_project():
    article = run("南湖市建设工程质量安全监督总站发布通报，北辰装饰工程公司也到场。")
    assert [e for e in article.entities if e.type == "PROJECT"] == []


def test_an_investment_firm_before_a_title_or_a_list_mark_is_a_name():
    article = run(
        "南湖投资合伙人张剑表示，北辰投资、东岭资本也参与。",
        [("南湖投资", "ORG"), ("北辰投资", "ORG"), ("张剑", "PERSON")],
    )
    assert {"南湖投资", "北辰投资"} <= orgs_of(article)


def test_a_country_the_model_took_for_a_person_is_no_person():
    article = run("扎伊尔总统致函表示哀悼，马拉维湖风光秀美。", [("扎伊尔", "PERSON"), ("马拉维", "PERSON")])
    assert [e for e in article.entities if e.type == "PERSON"] == []


def test_an_honorific_or_a_place_is_no_person():
    article = run(
        "为塞迪略总统阁下的健康干杯。喇嘛寺村民很高兴。",
        [("阁下", "PERSON"), ("喇嘛寺", "PERSON"), ("塞迪略", "PERSON")],
    )
    assert [e.name for e in article.entities if e.type == "PERSON"] == ["塞迪略"]


def test_a_version_after_a_model_and_a_phase_after_其中_name_no_project():
    article = run("北辰发布星河认知大模型V3.5。项目总投资50亿元，其中一期工程计划明年投产。")
    assert {e.name for e in article.entities if e.type == "PROJECT"} == {"星河认知大模型"}


def test_a_clause_that_opens_with_a_trade_name_and_a_company_verb_opens_with_a_company():
    article = run(
        "北辰科技否认了合并传闻。此次南岭水泥拟增发股份。新能源汽车宣布降价的消息不实。东岭药业成为第一大股东。"
    )
    assert orgs_of(article) == {"北辰科技", "东岭药业"}


def test_a_battery_maker_named_by_its_trade_is_a_company():
    article = run(
        "北辰汽车与南岭旗下东湖电池签订供货协议。", [("北辰汽车", "ORG"), ("南岭", "ORG"), ("东湖", "PERSON")]
    )
    assert "东湖电池" in orgs_of(article)


def test_a_surname_before_a_known_short_name_is_a_person_whose_given_name_it_is():
    article = run("据许华为介绍，他比华为更早入行。", [("许华为", "PERSON"), ("比华为", "PERSON")])
    assert [(e.name, e.type) for e in article.entities if e.type == "PERSON"] == [("许华为", "PERSON")]
    # a surname that is also a preposition reads as the preposition: 向 + 华为
    article = run("东岭公司向华为采购芯片。", [("向华为", "PERSON")])
    assert [(m.text, m.label) for m in article.mentions] == [("华为", "ORG")]


def test_a_model_span_cut_after_a_name_it_overlapped_loses_the_joiner_it_starts_with():
    article = run("北辰科技及南岭集团今日宣布合作。", [("北辰科技及南岭集团", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["北辰科技", "南岭集团"]


def test_a_place_and_a_trade_only_companies_have_that_announce_something_are_a_company():
    for text in ("北辰科技3日宣布，已与南岭集团签署合资协议。", "北辰科技昨日晚间发布公告，将出售资产。"):
        article = run(text, [("北辰", "LOCATION"), ("南岭集团", "ORG")])
        assert entity(article, "北辰科技").type == "ORG", text
    assert not run("北辰科技3日开幕。", [("北辰", "LOCATION")]).entities


def test_an_agreement_is_no_project_but_a_protocol_is():
    article = run("北辰人寿将所持南岭科技股权协议转让给西岭集团，双方均有能力完成协议约定的事项。")
    assert not [e for e in article.entities if e.type == "PROJECT"]
    article = run("多家银行参与了星河跨链协议的建设。")
    assert [(e.name, e.type) for e in article.entities] == [("星河跨链协议", "PROJECT")]
    # a contract of any kind, not only of the kinds a list would name
    article = run("双方签署了长期天然气购销协议和独家特许经营协议，拟通过协议转让股份。")
    assert not [e for e in article.entities if e.type == "PROJECT"]
    # a protocol: quoted, Latin, or named by the technology it runs on
    article = run("北辰研究院发布“青鸟”协议。南岭物联网通信协议已经开源。")
    assert {e.name for e in article.entities if e.type == "PROJECT"} == {"“青鸟”协议", "南岭物联网通信协议"}
    assert not is_contract("北辰快充协议") and is_contract("战略合作协议")
    assert is_contract("供应链金融授信协议") and is_contract("PPP协议")  # 链 inside 供应链 names no technology


def test_a_company_that_announces_takes_the_model_person_its_name_starts_with():
    article = run("张岭高科周二晚间公告称，公司拟出售资产。", [("张岭", "PERSON")])
    assert [(e.name, e.type) for e in article.entities] == [("张岭高科", "ORG")]
    # a title's fallback does not: the person may be the one with the title
    article = run("“市场仍在恢复。”王强东律师表示，此案已结。", [("王强", "PERSON")])
    assert [e.name for e in article.entities if e.type == "ORG"] == []
    # nor a person and a title or an honorific after the name
    for text in ("据报道，李明远董事长今日发布公告称，将辞职。", "据报道，李明远先生今日发布公告称，将辞职。"):
        article = run(text, [("李明远", "PERSON")])
        assert [(e.name, e.type) for e in article.entities] == [("李明远", "PERSON")], text


def test_a_related_party_or_an_industry_leader_before_a_name_is_no_part_of_it():
    spans = [
        ("关联方东岭集团", "ORG"),
        ("行业龙头南岭钛业有限责任公司", "ORG"),
        ("龙头股份", "ORG"),
        ("据北湖研究院", "ORG"),
    ]
    article = run("拟向关联方东岭集团出售资产；行业龙头南岭钛业有限责任公司、龙头股份和据北湖研究院统计。", spans)
    names = sorted(e.name for e in article.entities if e.type == "ORG")
    assert names == ["东岭集团", "北湖研究院", "南岭钛业有限责任公司", "龙头股份"]


def test_a_clause_opening_with_a_company_trade_and_what_a_company_does_opens_with_its_name():
    article = run("南岭药业宣布扩产。东岭科技同时宣布，李国华获任公司总裁。", [("李国华", "PERSON")])
    assert orgs_of(article) == {"南岭药业", "东岭科技"}  # an adverb may stand before what it does


def test_spaces_at_the_edge_of_a_model_span_are_not_part_of_the_name():
    text = "本报讯 南江银行近日与北辰集团签约。南江银行表示。"
    article = run(text, [(" 南江银行", "ORG")])
    bank = entity(article, "南江银行")
    assert len(bank.mentions) == 2 and all(article.text[m.start] == "南" for m in bank.mentions)


def test_a_body_whose_last_character_the_model_doubled_from_the_title_ends_before_it():
    from tests.test_repeats import first_only

    text = "南江省农业农村厅厅长马国栋出席并致辞。南湖局局长王明发言。"
    article = first_only(
        text, [("南江省农业农村厅厅", "ORG"), ("马国栋", "PERSON"), ("南湖局局", "ORG"), ("王明", "PERSON")]
    )
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("马国栋", "南江省农业农村厅", "厅长"), ("王明", "南湖局", "局长")}


def test_a_project_named_by_its_scope_is_a_description():
    from guanxi.graph.rules import is_generic, word_lists

    words = word_lists()
    assert is_generic("全省乡村振兴重点项目", words) and is_generic("我市重大工程", words)
    assert not is_generic("全国一体化算力网络工程", words) and not is_generic("南湖数字底座项目", words)


def test_a_model_span_cut_before_a_deal_verb_is_no_name_where_a_verb_is_left():
    from tests.test_repeats import first_only

    text = "支持龙头企业牵头组建南湖数字化转型促进中心。南湖港务合资设立新公司。"
    article = first_only(text, [("龙头企业牵头组建南湖数字化转型促进中心", "ORG"), ("南湖港务合资设立新公司", "ORG")])
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["南湖港务"]


def test_the_other_side_of_a_deal_is_found_after_adverbs_and_before_da_cheng_he_zuo():
    from tests.test_repeats import first_only

    text = "腾云智算科技有限公司此前已与新加坡电信达成合作，为其提供解决方案。"
    article = first_only(text, [("腾云智算科技有限公司", "ORG")])
    partners = {(r.head, r.tail) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert partners in ({("腾云智算科技有限公司", "新加坡电信")}, {("新加坡电信", "腾云智算科技有限公司")})


def test_a_plan_period_and_a_kind_is_a_description_not_a_project():
    from guanxi.graph.rules import is_generic, word_lists

    words = word_lists()
    assert is_generic("“十四五”重点建设项目", words) and is_generic("“十四五”重大工程", words)
    assert not is_generic("“十四五”南湖港扩建工程", words)


def test_spaces_inside_a_stray_quote_are_stripped_too():
    from guanxi.graph.mentions import strip_stray_marks

    m = Mention("doc", 10, 16, "“ 南江银行", "ORG", "ner")
    assert (strip_stray_marks(m).text, strip_stray_marks(m).start) == ("南江银行", 12)
    m = Mention("doc", 10, 16, "“北辰”公司", "ORG", "ner")
    assert strip_stray_marks(m) == m


def test_a_scope_before_a_named_project_leaves_the_project():
    from guanxi.graph.rules import is_generic, word_lists

    assert not is_generic("我市重大项目南湖港扩建工程", word_lists())


def test_the_other_side_of_a_memorandum_is_an_organization():
    from tests.test_repeats import first_only

    article = first_only("北辰石油与南湖石化在北京签署谅解备忘录。", [("南湖石化", "ORG")])
    assert {e.name for e in article.entities if e.type == "ORG"} == {"北辰石油", "南湖石化"}


def test_the_company_whose_shares_change_hands_is_found_but_not_a_description():
    from tests.test_repeats import first_only

    text = "沙特石油已于2023年收购东岭石化10%的股份。南湖实业拟收购标的公司51%股权，受让原股东30%股权。"
    article = first_only(text, [("沙特石油", "ORG"), ("南湖实业", "ORG")])
    assert {e.name for e in article.entities if e.type == "ORG"} == {"沙特石油", "东岭石化", "南湖实业"}
    assert ("沙特石油", "东岭石化") in {(r.head, r.tail) for r in article.relations if r.type == "INVESTS_IN"}


def test_a_tenure_word_after_a_name_is_not_part_of_it():
    article = run("北辰科技现任总裁陈斌表示，将加大投入。", [("陈斌", "PERSON")])
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("陈斌", "北辰科技", "总裁")
    }


def test_descriptions_made_of_generic_words_and_a_kind_are_not_projects():
    from guanxi.graph.rules import is_generic, word_lists

    words = word_lists()
    assert is_generic("重点建设项目", words) and is_generic("全省重点工程项目", words)
    assert not is_generic("网络内容建设工程", words)


def test_the_new_fallbacks_leave_kinds_clauses_and_verbs_alone():
    text = (
        "北辰建工在南湖港扩建工程建设中树立了行业标杆。北辰集团旗下业务主要是股权投资。"
        "南湖市场监管局约谈了涉及食品、药品等5家企业。北辰资本作为南湖创投合伙企业（有限合伙）的普通合伙人出资。"
        "星澜生物完成A轮融资，投资机构东岭资本本次领投。"
    )
    article = run(text, [("北辰建工", "ORG"), ("北辰集团", "ORG"), ("南湖市场监管局", "ORG"), ("北辰资本", "ORG")])
    assert [e.name for e in article.entities if e.type == "PROJECT"] == ["南湖港扩建工程"]  # not a field of work
    assert orgs_of(article) == {"北辰建工", "北辰集团", "南湖市场监管局", "北辰资本", "星澜生物", "东岭资本"}
