"""A name found once in an article is found wherever the article repeats it (graph/repeats.py)."""

from guanxi.graph.pipeline import process
from guanxi.graph.records import Article, Mention
from guanxi.graph.repeats import RULE_ID
from tests.test_aliases import WITHOUT_MODEL


def first_only(text: str, spans: list[tuple]) -> Article:
    """The text processed with the rule stages, each hand-placed name (surface, label, and which
    of its places: the first unless said) standing for the model's mention there only."""
    article = Article(id="doc", title="", text=text)
    for surface, label, *nth in spans:
        start = -1
        for _ in range((nth or [0])[0] + 1):
            start = text.index(surface, start + 1)
        article.mentions.append(Mention("doc", start, start + len(surface), surface, label, "ner"))
    return process(article, WITHOUT_MODEL)


def relations_of(article: Article, kind: str) -> set[tuple[str, str]]:
    return {(r.head, r.tail) for r in article.relations if r.type == kind}


def test_a_name_the_model_found_once_is_found_where_the_article_repeats_it():
    text = "东江控股董事会秘书表示支持。此前，东江控股拟以12亿元收购西岭电子51%的股权。"
    article = first_only(text, [("东江控股", "ORG"), ("西岭电子", "ORG")])
    repeated = [m for m in article.mentions if m.rule == RULE_ID]
    assert [(m.text, m.start) for m in repeated] == [("东江控股", text.rindex("东江控股"))]
    assert ("东江控股", "西岭电子") in relations_of(article, "INVESTS_IN")


def test_an_organization_is_found_again_by_its_name_without_its_legal_form():
    text = "星澜控股集团与南岭大学签约。会上，星澜控股宣布与南岭大学共建联合实验室。"
    article = first_only(text, [("星澜控股集团", "ORG"), ("南岭大学", "ORG")])
    entity = next(e for e in article.entities if e.name == "星澜控股集团")
    assert entity.aliases == {"星澜控股"}
    assert len(entity.mentions) == 2


def test_a_short_name_that_makes_a_word_with_its_neighbour_is_not_repeated_there():
    text = "北辰网与南岭签约。北辰网络安全受到关注，北辰网表示欢迎。"
    article = first_only(text, [("北辰网", "ORG")])
    starts = sorted(m.start for m in article.mentions if m.text == "北辰网")
    assert starts == [0, text.rindex("北辰网")]  # not in 北辰网络, where 网络 is a word


def test_a_name_is_not_repeated_inside_a_word_or_where_it_may_be_the_words():
    text = "南湖科技集团与北辰银行签约。仪式在南湖科技馆举行。未来科技董事长表示支持。专家认为，未来科技竞争将更激烈。"
    article = first_only(text, [("南湖科技集团", "ORG"), ("北辰银行", "ORG"), ("未来科技", "ORG")])
    assert not [m for m in article.mentions if m.rule == RULE_ID]  # 科技馆 is a word; 未来 is one


def test_a_name_given_two_types_and_people_are_not_repeated():
    text = "青松与北辰集团签约。青松表示欢迎。说起青松，人人称赞。李晓东出席。会后李晓东离开。"
    article = first_only(text, [("青松", "ORG"), ("青松", "PERSON", 1), ("北辰集团", "ORG"), ("李晓东", "PERSON")])
    assert not [m for m in article.mentions if m.rule == RULE_ID]


def test_a_company_is_found_again_by_its_name_without_its_technology_words_and_a_model_person_in_it_goes():
    text = "云岫智能科技股份有限公司举行发布会。云岫智能分别与南岭银行和东江证券签约。"
    placed = [("云岫智能科技股份有限公司", "ORG"), ("云岫", "PERSON", 1), ("南岭银行", "ORG"), ("东江证券", "ORG")]
    article = first_only(text, placed)
    assert {e.name for e in article.entities} == {"云岫智能科技股份有限公司", "南岭银行", "东江证券"}
    partners = {frozenset(pair) for pair in relations_of(article, "PARTNERS_WITH")}
    assert partners == {
        frozenset(("云岫智能科技股份有限公司", "南岭银行")),
        frozenset(("云岫智能科技股份有限公司", "东江证券")),
    }


def test_a_repeated_name_gives_way_to_a_model_person_it_only_crosses():
    text = "北辰智能科技有限公司成立。王北辰智能团队负责人表示支持。"
    article = first_only(text, [("北辰智能科技有限公司", "ORG"), ("王北辰", "PERSON")])
    assert ("王北辰", "PERSON") in {(e.name, e.type) for e in article.entities}
    assert not [m for m in article.mentions if m.rule == RULE_ID]


def test_a_long_name_is_repeated_where_a_word_holds_only_one_of_its_characters():
    text = "南岭智能科技有限公司举行发布会。据了解，南岭智能成立于2016年。"
    article = first_only(text, [("南岭智能科技有限公司", "ORG")])
    assert [m.text for m in article.mentions if m.rule == RULE_ID] == ["南岭智能"]  # 能成 holds one of them


def test_a_name_whose_last_word_the_text_goes_on_with_as_a_verb_is_not_repeated_there():
    text = "张华投资有限公司由张华于2010年创立。张华投资了多家初创企业。"
    article = first_only(text, [("张华投资有限公司", "ORG"), ("张华", "PERSON", 1), ("张华", "PERSON", 2)])
    assert not [m for m in article.mentions if m.rule == RULE_ID]  # 张华 + 投资了: the person invests
    assert ("张华", "PERSON") in {(e.name, e.type) for e in article.entities}


def test_a_name_followed_by_a_word_that_starts_with_an_aspect_mark_is_still_repeated():
    text = "星澜投资有限公司成立。星澜投资过去三年投了二十家企业。"
    article = first_only(text, [("星澜投资有限公司", "ORG")])
    assert [m.text for m in article.mentions if m.rule == RULE_ID] == ["星澜投资"]  # 过去 is a word


def test_a_managers_name_without_its_management_words_is_the_same_body():
    text = "北辰资本管理有限公司为东岭证券的全资子公司。北辰资本今年投资了三家企业。"
    article = first_only(text, [("北辰资本管理有限公司", "ORG"), ("东岭证券", "ORG"), ("北辰资本", "ORG")])
    entity = next(e for e in article.entities if e.name == "北辰资本管理有限公司")
    assert entity.aliases == {"北辰资本"}
    assert relations_of(article, "SUBSIDIARY_OF") == {("北辰资本管理有限公司", "东岭证券")}


def test_a_funds_manager_and_a_hotels_manager_are_other_bodies_than_what_they_manage():
    text = "南湖创业投资基金管理有限公司受托管理南湖创业投资基金。南湖酒店管理有限公司收购南湖酒店。"
    spans = [("南湖创业投资基金管理有限公司", "ORG"), ("南湖创业投资基金", "ORG", 1)]
    spans += [("南湖酒店管理有限公司", "ORG"), ("南湖酒店", "ORG", 1)]
    article = first_only(text, spans)
    names = {e.name for e in article.entities if e.type == "ORG"}
    assert {"南湖创业投资基金", "南湖酒店", "南湖酒店管理有限公司"} <= names


def test_an_investment_manager_is_its_short_name_and_a_hotel_is_no_unit_of_its_manager():
    text = "北辰投资管理有限公司发布公告。北辰投资表示将扩大规模。南湖酒店管理有限公司旗下南湖酒店开业。"
    spans = [("北辰投资管理有限公司", "ORG"), ("南湖酒店管理有限公司", "ORG"), ("南湖酒店", "ORG", 1)]
    article = first_only(text, spans)
    assert next(e for e in article.entities if e.name == "北辰投资管理有限公司").aliases == {"北辰投资"}
    assert relations_of(article, "SUBSIDIARY_OF") == {("南湖酒店", "南湖酒店管理有限公司")}
