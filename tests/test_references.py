"""公司 at a clause's start is the company the text is about (graph/references.py)."""

from guanxi.graph.references import RULE_ID
from tests.test_repeats import first_only, relations_of


def references(article) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in article.mentions if m.rule == RULE_ID]


def test_gongsi_opening_a_sentence_is_the_company_the_sentence_before_opens_with():
    text = (
        "北辰新材料股份有限公司发布公告。公司董事长王大明表示，将扩大产能。该公司旗下子公司南岭化工有限公司负责生产。"
    )
    article = first_only(text, [("北辰新材料股份有限公司", "ORG"), ("王大明", "PERSON"), ("南岭化工有限公司", "ORG")])
    assert references(article) == [("公司", "北辰新材料股份有限公司"), ("该公司", "北辰新材料股份有限公司")]
    assert relations_of(article, "SUBSIDIARY_OF") == {("南岭化工有限公司", "北辰新材料股份有限公司")}
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("王大明", "北辰新材料股份有限公司", "董事长")}
    evidence = next(r for r in article.relations if r.type == "SUBSIDIARY_OF").evidence[0]
    assert text[slice(*evidence.tail)] == "该公司"  # the evidence points at the word the text uses


def test_gongsi_opening_a_later_clause_is_its_own_sentences_company():
    text = "据了解，青岚智能成立于2016年，公司旗下子公司青岚数据有限公司负责运营。"
    article = first_only(text, [("青岚智能", "ORG"), ("青岚数据有限公司", "ORG")])
    assert references(article) == [("公司", "青岚智能")]
    assert relations_of(article, "SUBSIDIARY_OF") == {("青岚数据有限公司", "青岚智能")}


def test_gongsi_is_left_alone_after_a_government_body_a_person_or_a_sentence_without_a_subject():
    text = (
        "南湖市商务局发布通知。公司须按时申报。"  # a body that is no company
        "王大明表示欢迎。公司将扩产。"  # a person opens the sentence before
        "会议指出，要加快发展。公司法修订后实施。"  # no subject; and 公司法 is a law
    )
    article = first_only(text, [("南湖市商务局", "ORG"), ("王大明", "PERSON")])
    assert references(article) == []


def test_a_chain_of_sentences_opening_with_gongsi_keeps_the_company():
    text = "北辰电子股份有限公司召开股东大会。公司审议通过了多项议案。公司同时宣布，与南岭大学共建联合实验室。"
    article = first_only(text, [("北辰电子股份有限公司", "ORG"), ("南岭大学", "ORG")])
    assert references(article) == [("公司", "北辰电子股份有限公司"), ("公司", "北辰电子股份有限公司")]
    assert {frozenset(p) for p in relations_of(article, "PARTNERS_WITH")} == {
        frozenset(("北辰电子股份有限公司", "南岭大学"))
    }


def test_gongsi_is_the_clause_subject_and_gaigongsi_the_last_company_named():
    text = "北辰集团在获得大股东南岭控股的支持后，公司董事长王大明表示感谢。东湖基金的大股东为西岭资产管理有限公司，该公司由南湖集团全资控股。"
    placed = [("北辰集团", "ORG"), ("南岭控股", "ORG"), ("王大明", "PERSON")]
    placed += [("东湖基金", "ORG"), ("西岭资产管理有限公司", "ORG"), ("南湖集团", "ORG")]
    article = first_only(text, placed)
    assert references(article) == [("公司", "北辰集团"), ("该公司", "西岭资产管理有限公司")]


def test_the_agency_of_a_dateline_is_no_companys_antecedent():
    text = "南湖新闻社北京12月3日电 东岭电子有限公司发布公告，公司拟回购股份。南湖财经网讯，公司董事长王大明表示支持。"
    article = first_only(
        text, [("南湖新闻社", "ORG"), ("东岭电子有限公司", "ORG"), ("南湖财经网", "ORG"), ("王大明", "PERSON")]
    )
    assert references(article) == [("公司", "东岭电子有限公司"), ("公司", "东岭电子有限公司")]


def test_gongsi_after_a_company_s_unnamed_subsidiary_stands_for_no_one():
    text = "东湖矿业股份有限公司发布公告。东湖矿业股份有限公司的子公司发布公告称，公司拟收购西岭锂业有限公司。"
    article = first_only(
        text, [("东湖矿业股份有限公司", "ORG"), ("东湖矿业股份有限公司", "ORG", 1), ("西岭锂业有限公司", "ORG")]
    )
    assert references(article) == []
    assert relations_of(article, "INVESTS_IN") == set()
    text = "东湖动力的控股股东东湖控股集团是其主导企业，该公司董事长王大明同时兼任东湖动力董事长。"
    article = first_only(
        text, [("东湖动力", "ORG"), ("东湖控股集团", "ORG"), ("王大明", "PERSON"), ("东湖动力", "ORG", 1)]
    )
    assert references(article) == [("该公司", "东湖控股集团")]


def test_gongsi_and_its_partners_found_a_company_together():
    text = "长岭储能股份有限公司发布公告，公司与东岳汽车集团有限公司、西淮汽车共同出资设立南湖电池回收有限公司。"
    placed = [
        ("长岭储能股份有限公司", "ORG"),
        ("东岳汽车集团有限公司", "ORG"),
        ("西淮汽车", "ORG"),
        ("南湖电池回收有限公司", "ORG"),
    ]
    article = first_only(text, placed)
    assert references(article) == [("公司", "长岭储能股份有限公司")]
    investors = {head for head, tail in relations_of(article, "INVESTS_IN") if tail == "南湖电池回收有限公司"}
    assert investors == {"长岭储能股份有限公司", "东岳汽车集团有限公司", "西淮汽车"}


def test_the_pair_classifier_is_asked_about_names_not_about_the_gongsi_that_stands_for_one(monkeypatch):
    import guanxi.graph.relations as relations

    asked = []

    def learned(model, text, spans, linked):
        asked.append([name for _, _, name in spans])
        return []

    monkeypatch.setattr(relations, "learned_partners", learned)
    text = "北辰实业发布公告称，公司与王明、李强及南岭实业有限公司签署合作意向书。"
    first_only(text, [("北辰实业", "ORG"), ("王明", "PERSON"), ("李强", "PERSON"), ("南岭实业有限公司", "ORG")])
    assert asked == [["北辰实业", "南岭实业有限公司"]]  # not the 公司 between them


def test_the_word_for_a_kind_of_body_stands_for_the_last_body_of_that_kind():
    text = (
        "由北辰集团等单位共同发起的南湖新能源产业联盟成立。成立大会上，联盟与东岭研究院签署合作备忘录。"
        "西岭银行发布年报。该行行长王明表示，将加大投放。该行业竞争激烈。"
    )
    placed = [
        ("北辰集团", "ORG"),
        ("南湖新能源产业联盟", "ORG"),
        ("东岭研究院", "ORG"),
        ("西岭银行", "ORG"),
        ("王明", "PERSON"),
    ]
    article = first_only(text, placed)
    assert references(article) == [("联盟", "南湖新能源产业联盟"), ("该行", "西岭银行")]  # not 该行业
    assert {frozenset(p) for p in relations_of(article, "PARTNERS_WITH")} >= {
        frozenset(("南湖新能源产业联盟", "东岭研究院"))
    }
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("王明", "西岭银行", "行长")}


def test_gongsi_as_the_company_a_post_is_taken_in():
    text = "东岭科技同时宣布，具有二十年研制经验的李国华获任公司总裁。北辰电子发布公告。经董事会审议，王强出任公司副总经理。"
    placed = [("东岭科技", "ORG"), ("李国华", "PERSON"), ("北辰电子", "ORG"), ("王强", "PERSON")]
    article = first_only(text, placed)
    assert references(article) == [("公司", "东岭科技"), ("公司", "北辰电子")]
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("李国华", "东岭科技", "总裁"), ("王强", "北辰电子", "副总经理")}


def test_the_announcer_the_said_company_and_the_said_bank_are_not_objects():
    text = (
        "鸿川科技股份有限公司12月5日晚间公告，澜石新材料已完成股权交割，公司总经理韩启明表示满意。"
        "北辰电子股份有限公司近日与澄远物流有限公司签署合作协议，该公司董事长王大明表示欢迎。"
        "东港银行与西湾银行签署合作协议，该行将为西湾银行提供清算服务。"
        "东湖动力的控股股东为东湖控股集团有限公司，该公司董事长李强表示支持。"
    )
    placed = [
        ("鸿川科技股份有限公司", "ORG"),
        ("澜石新材料", "ORG"),
        ("韩启明", "PERSON"),
        ("北辰电子股份有限公司", "ORG"),
    ]
    placed += [("澄远物流有限公司", "ORG"), ("王大明", "PERSON"), ("东港银行", "ORG"), ("西湾银行", "ORG")]
    placed += [("西湾银行", "ORG", 1), ("东湖动力", "ORG"), ("东湖控股集团有限公司", "ORG"), ("李强", "PERSON")]
    article = first_only(text, placed)
    assert references(article) == [
        ("公司", "鸿川科技股份有限公司"),  # the announcer, not the clause after it
        ("该公司", "北辰电子股份有限公司"),  # not its partner
        ("该行", "东港银行"),
        ("该公司", "东湖控股集团有限公司"),  # X的控股股东为Y: Y is named
    ]


def test_after_a_second_review_owners_announcers_and_units_are_read_as_they_stand():
    text = (
        "北辰科技的董事长刘明表示，该公司今年营收将增长两成。"  # Y的董事长 opens the clause: Y is no object
        "东湖电子的子公司与南湖集团签署合作协议，公司董事长李强出席。"  # the subsidiary's chairman: nobody named
    )
    placed = [("北辰科技", "ORG"), ("刘明", "PERSON"), ("东湖电子", "ORG"), ("南湖集团", "ORG"), ("李强", "PERSON")]
    article = first_only(text, placed)
    assert references(article) == [("该公司", "北辰科技")]


def test_a_name_with_a_title_word_is_no_announcer():
    from guanxi.graph.records import Sentence
    from guanxi.graph.references import clause_subject

    text = "星澜股份荣获专精特新称号，宏远控股则完成了增资，公司表示满意。"
    article = first_only(text, [("星澜股份", "ORG"), ("宏远控股", "ORG")])
    before = [m for m in article.mentions if m.label == "ORG" and not m.elided]
    assert clause_subject(Sentence(0, len(text), text), before).name == "宏远控股"  # 称号 announces nothing


def test_the_said_bank_or_company_after_shi_ren_is_the_one_fined():
    text = "东岭农村商业银行股份有限公司被罚款310万元，时任该行行长孙国平被警告。北辰科技股份有限公司被出具警示函，时任公司董事长王明被通报批评。"
    article = first_only(
        text, [("东岭农村商业银行股份有限公司", "ORG"), ("孙国平", "PERSON"), ("北辰科技股份有限公司", "ORG")]
    )
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert ("孙国平", "东岭农村商业银行股份有限公司", "行长") in roles


def test_tenure_words_are_not_part_of_a_model_organization():
    text = "北辰科技股份有限公司被出具警示函，时任公司董事长王明被通报批评。"
    article = first_only(text, [("北辰科技股份有限公司", "ORG"), ("时任公司", "ORG"), ("王明", "PERSON")])
    assert [e.name for e in article.entities if e.type == "ORG"] == ["北辰科技股份有限公司"]
    roles = {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"}
    assert roles == {("王明", "北辰科技股份有限公司", "董事长")}


def test_the_said_company_inside_a_clause_is_the_company_of_the_sentence_before():
    text = "南湖市场监管局对星链外卖有限公司立案调查。此前，东岭市市场监督管理局已约谈该公司负责人。"
    spans = [("南湖市场监管局", "ORG"), ("星链外卖有限公司", "ORG"), ("东岭市市场监督管理局", "ORG")]
    article = first_only(text, spans)
    assert relations_of(article, "REGULATES") == {
        ("南湖市场监管局", "星链外卖有限公司"),
        ("东岭市市场监督管理局", "星链外卖有限公司"),
    }
    article = first_only("中晟银行日前发布公告，郑雅琴接任该行行长一职。", [("中晟银行", "ORG"), ("郑雅琴", "PERSON")])
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("郑雅琴", "中晟银行", "行长")  # 该行 inside a clause: the last bank
    }
    # where its own sentence names a company before it, 该公司 inside a clause may mean either: left alone
    text = "北辰能源与星链外卖有限公司签署了收购该公司南湖业务的协议。"
    article = first_only(text, [("北辰能源", "ORG"), ("星链外卖有限公司", "ORG")])
    assert not any(m.rule == RULE_ID for m in article.mentions)


def test_gongsi_as_the_owner_a_company_becomes_a_unit_of_is_the_company_before():
    text = "北辰科技发布公告。交易完成后，南湖华信防水材料有限公司将成为公司控股孙公司。"
    article = first_only(text, [("北辰科技", "ORG"), ("南湖华信防水材料有限公司", "ORG"), ("控股孙公司", "ORG")])
    assert relations_of(article, "SUBSIDIARY_OF") == {("南湖华信防水材料有限公司", "北辰科技")}
    assert sorted(e.name for e in article.entities) == ["北辰科技", "南湖华信防水材料有限公司"]  # 控股孙公司: a kind
    text = "北辰医药集团有限公司拟转让股权。交易完成后，海棠制药仍为公司控股子公司。"
    article = first_only(text, [("北辰医药集团有限公司", "ORG"), ("海棠制药仍为公司控股子公司", "ORG")])
    assert relations_of(article, "SUBSIDIARY_OF") == {("海棠制药", "北辰医药集团有限公司")}  # the copula is cut


def test_gongsi_before_a_post_inside_a_clause_is_the_company_last_named():
    text = "东川监管局对华盛新能源股份有限公司出具警示函，并对公司董事长陈立新采取监管措施。星澜科技董事会聘任李慕白为公司总裁。"
    spans = [
        ("东川监管局", "ORG"),
        ("华盛新能源股份有限公司", "ORG"),
        ("陈立新", "PERSON"),
        ("星澜科技", "ORG"),
        ("李慕白", "PERSON"),
    ]
    article = first_only(text, spans)
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("陈立新", "华盛新能源股份有限公司", "董事长"),
        ("李慕白", "星澜科技", "总裁"),
    }


def test_a_kind_stands_for_a_quoted_name_said_after_that_kind():
    text = "西陵省一体化政务服务平台“西陵通”正式上线。该平台由西陵省大数据管理局牵头建设。"
    article = first_only(text, [("西陵省大数据管理局", "ORG")])
    assert relations_of(article, "PARTICIPATES_IN") == {("西陵省大数据管理局", "“西陵通”")}


def test_jituan_as_the_body_a_post_is_taken_in():
    text = "启航汽车集团宣布，前华达电子首席技术官杜明远正式加盟，出任集团副总裁。"
    article = first_only(text, [("启航汽车集团", "ORG"), ("华达电子", "ORG"), ("杜明远", "PERSON")])
    assert {(r.head, r.tail, r.title) for r in article.relations if r.type == "HOLDS_ROLE"} == {
        ("杜明远", "华达电子", "首席技术官"),
        ("杜明远", "启航汽车集团", "副总裁"),
    }


def test_a_projects_kind_opening_a_clause_stands_for_the_project_named_before():
    text = "南湖市上线“南湖通”政务服务平台。平台由北辰数字科技有限公司承建。东岭港扩建工程开工，该工程总投资8亿元。"
    spans = [("“南湖通”政务服务平台", "PROJECT"), ("北辰数字科技有限公司", "ORG"), ("东岭港扩建工程", "PROJECT")]
    article = first_only(text, spans)
    assert relations_of(article, "PARTICIPATES_IN") == {("北辰数字科技有限公司", "“南湖通”政务服务平台")}
    refs = [(m.text, m.name) for m in article.mentions if m.label == "PROJECT" and m.elided]
    assert refs == [("平台", "“南湖通”政务服务平台"), ("该工程", "东岭港扩建工程")]


def test_a_park_or_a_demonstration_zone_is_referred_to_by_its_kind():
    text = "国家批复设立“成渝氢能产业示范园”，园区由两江新区管委会与高新区管委会共同建设。该示范区由北辰科技负责运营。"
    article = first_only(text, [("两江新区管委会", "ORG"), ("高新区管委会", "ORG"), ("北辰科技", "ORG")])
    assert relations_of(article, "PARTICIPATES_IN") == {
        ("两江新区管委会", "成渝氢能产业示范园"),
        ("高新区管委会", "成渝氢能产业示范园"),
    }
    text = "南湖智能网联汽车测试示范区揭牌。该示范区由北辰科技负责运营。"
    article = first_only(text, [("北辰科技", "ORG")])
    assert relations_of(article, "PARTICIPATES_IN") == {("北辰科技", "南湖智能网联汽车测试示范区")}


def test_a_projects_kind_is_left_alone_where_no_project_of_that_kind_was_named():
    text = "南湖市发布通知。平台由北辰数字科技有限公司承建。"
    article = first_only(text, [("北辰数字科技有限公司", "ORG")])
    assert relations_of(article, "PARTICIPATES_IN") == set()
    assert not any(m.label == "PROJECT" for m in article.mentions)


def test_a_projects_kind_stands_for_no_project_where_an_unnamed_one_came_between():
    text = "南湖港扩建工程上月完工。北辰集团近日又签约一个新能源项目，项目由北辰集团投资建设。"
    article = first_only(text, [("南湖港扩建工程", "PROJECT"), ("北辰集团", "ORG")])
    assert relations_of(article, "PARTICIPATES_IN") == set() and relations_of(article, "INVESTS_IN") == set()


def test_gongsi_as_an_owner_is_its_own_sentences_announcer_and_needs_a_copula():
    text = "南湖银行发布年报。北辰科技股份有限公司公告称，南湖电子有限公司仍为公司控股子公司。西岭电气也认为公司全资子公司经营良好。"
    spans = [("南湖银行", "ORG"), ("北辰科技股份有限公司", "ORG"), ("南湖电子有限公司", "ORG"), ("西岭电气", "ORG")]
    article = first_only(text, spans)
    assert relations_of(article, "SUBSIDIARY_OF") == {("南湖电子有限公司", "北辰科技股份有限公司")}  # not 认为公司
