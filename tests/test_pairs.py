"""The learned partnership classifier (graph/pairs.py) and its trainer (graph/train_pairs.py).
Sentences are written for these tests."""

import numpy as np
import pytest

from guanxi.api.settings import Settings
from guanxi.graph import config
from guanxi.graph.config import SHIPPED_PAIR_MODEL, ExtractionConfig
from guanxi.graph.errors import ModelError
from guanxi.graph.pairs import PairText, in_a_list, pair_model, pair_text, read_model
from guanxi.graph.pipeline import process
from guanxi.graph.records import Article
from guanxi.graph.train_pairs import Example, threshold_for_precision, train


@pytest.fixture
def classifier_on():
    config.configure(ExtractionConfig(pair_model=str(SHIPPED_PAIR_MODEL)))
    yield
    config.configure(ExtractionConfig())


def spans(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


def test_the_text_of_a_pair_has_other_names_as_slots_and_no_asides():
    text = "星澜科技（Starlan）与北辰电子、南岭集团签署协议，合作生产电池。"
    first, other, second = spans(text, "星澜科技", "北辰电子", "南岭集团")
    pair = pair_text(text, first, second, [other])
    assert pair == PairText("", "与〇、", "签署协议，合作生产电池")  # to the end of the sentence


def test_lists_and_a_name_beside_its_other_name_are_not_asked_about():
    assert in_a_list(PairText("", "、", "和南岭集团"))  # A、B和C
    assert in_a_list(PairText("由", "和", "等单位"))  # A和B等
    assert in_a_list(PairText("", "（", "）签约"))  # X（Y）
    assert in_a_list(PairText("北辰集团分别与", "和", "签署协议"))  # X分别与A和B: a star
    assert in_a_list(PairText("北辰集团先后与", "和德国企业", "达成合作"))  # a member introduced by its kind
    assert not in_a_list(PairText("", "与", "签署协议"))  # X与Y签署
    assert not in_a_list(PairText("", "就储能电池与", "达成协议"))


def test_the_shipped_model_loads_and_reads_the_link_between_two_names():
    model = pair_model(SHIPPED_PAIR_MODEL)
    said = model.probability(PairText("2025年3月，", "与", "就储能电池达成独家供货安排"))
    unsaid = model.probability(PairText("", "和", "的股价昨日双双下跌"))
    assert 0.0 < model.threshold < 1.0 and unsaid < model.threshold <= said


def test_with_the_classifier_on_a_paraphrase_no_rule_reads_is_a_partnership_that_says_so(classifier_on):
    text = "2025年3月，星澜科技公司与北辰电子公司就储能电池达成独家供货安排。"
    article = process(Article("d", "t", text))
    found = [r for r in article.relations if r.type == "PARTNERS_WITH"]
    assert [(sorted((r.head, r.tail)), r.evidence[0].rule_id) for r in found] == [
        (["北辰电子公司", "星澜科技公司"], "model.pairs")
    ]
    assert found[0].evidence[0].confidence >= pair_model(SHIPPED_PAIR_MODEL).threshold


def test_a_pair_the_sentence_calls_off_or_denies_is_not_the_classifiers_either(classifier_on):
    for text in (
        "2025年3月，星澜科技公司与北辰电子公司就储能电池达成的独家供货安排已于年底终止。",
        "星澜科技公司否认与北辰电子公司就储能电池达成独家供货安排。",
    ):
        found = [r for r in process(Article("d", "t", text)).relations if r.type == "PARTNERS_WITH"]
        assert found == [], text


def test_serving_a_companys_partners_is_not_partnering_it(classifier_on):
    text = "星澜科技公司为北辰电子公司的合作伙伴提供技术培训服务。"
    assert [r for r in process(Article("d", "t", text)).relations if r.type == "PARTNERS_WITH"] == []


def test_what_an_organization_sets_up_is_not_its_partner(classifier_on):
    text = "星澜科技公司联合南岭大学共同发起成立北辰储能产业联盟公司。"
    pairs = {
        frozenset((r.head, r.tail)) for r in process(Article("d", "t", text)).relations if r.type == "PARTNERS_WITH"
    }
    assert pairs == {frozenset(("星澜科技公司", "南岭大学"))}


def test_a_branch_is_not_its_parents_partner(classifier_on):
    text = (
        "北辰银行上海市分行与南岭管委会签署战略合作协议，北辰银行将在未来五年内为南岭新区重点产业项目"
        "提供不少于500亿元的意向性授信支持。"
    )
    relations = process(Article("d", "t", text)).relations
    assert ("SUBSIDIARY_OF", "北辰银行上海市分行", "北辰银行") in {(r.type, r.head, r.tail) for r in relations}
    assert {frozenset((r.head, r.tail)) for r in relations if r.type == "PARTNERS_WITH"} == {
        frozenset(("北辰银行上海市分行", "南岭管委会"))
    }


def test_a_run_without_punctuation_is_not_read_by_the_classifier(classifier_on):
    headline = "星澜科技公司与北辰电子公司就储能电池达成独家供货安排"  # a headline, a table cell: no clause
    assert not [r for r in process(Article("d", "t", headline)).relations if r.type == "PARTNERS_WITH"]


def test_on_by_default_and_off_with_a_setting():
    assert Settings.from_env({}).extraction().pair_model == str(SHIPPED_PAIR_MODEL)
    assert ExtractionConfig().pair_model == str(SHIPPED_PAIR_MODEL)
    assert Settings.from_env({"GUANXI_PAIR_MODEL": "off"}).extraction().pair_model == ""
    config.configure(ExtractionConfig(pair_model=""))
    try:
        text = "2025年3月，星澜科技公司与北辰电子公司就储能电池达成独家供货安排。"
        assert not [r for r in process(Article("d", "t", text)).relations if r.type == "PARTNERS_WITH"]
    finally:
        config.configure(ExtractionConfig())


def test_names_at_odds_or_objects_of_one_deal_are_not_asked_about():
    from guanxi.graph.pairs import opposed_or_objects

    text = "北辰资本投资储能企业星澜科技公司和电池材料供应商南湖材料公司。"
    a, b = text.index("星澜科技公司"), text.index("南湖材料公司")
    assert opposed_or_objects(pair_text(text, (a, a + 6), (b, b + 6), []), "")
    text = "星澜科技公司一度与北辰电子公司之间爆发了一场商标之争。"
    a, b = text.index("星澜科技公司"), text.index("北辰电子公司")
    assert opposed_or_objects(pair_text(text, (a, a + 6), (b, b + 6), []), "之间爆发了一场商标之争")
    text = "南湖市场监管局已约谈北辰电子公司负责人。"  # a regulator and what it regulates
    a, b = text.index("南湖市场监管局"), text.index("北辰电子公司")
    assert opposed_or_objects(pair_text(text, (a, a + 7), (b, b + 6), []), "负责人")
    text = "星澜科技公司与北辰电子公司就储能电池达成独家供货安排。"
    a, b = text.index("星澜科技公司"), text.index("北辰电子公司")
    assert not opposed_or_objects(pair_text(text, (a, a + 6), (b, b + 6), []), "就储能电池达成独家供货安排")


def test_a_missing_model_folder_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelError, match="make pairs"):
        read_model(tmp_path)


def examples():
    said = ["与", "同", "携手"]
    rights = ["签署合作协议", "达成战略合作", "共建实验室"]
    unsaid = [("和", "的股价下跌"), ("起诉", "侵权"), ("超过", "成为第一")]
    out = [Example(PairText("", g, r), True, "news") for g in said for r in rights]
    out += [Example(PairText("", g, r), False, "news") for g, r in unsaid for _ in range(3)]
    return out


def test_training_is_reproducible_and_separates_what_it_was_shown(tmp_path):
    first, second = train(examples(), epochs=5), train(examples(), epochs=5)
    assert np.array_equal(first.weights, second.weights) and first.bias == second.bias
    assert all((first.probability(e.pair) >= 0.5) == e.partners for e in examples())
    first.save(tmp_path, {"examples": len(examples())})
    assert np.allclose(read_model(tmp_path).weights, first.weights)


def test_the_threshold_is_the_lowest_probability_that_keeps_the_precision():
    scored = [(0.9, True), (0.8, True), (0.7, False), (0.6, True), (0.5, False), (0.4, False)]
    threshold, figures = threshold_for_precision(scored, precision=0.75)
    assert threshold == 0.6 and figures["p"] == 0.75 and figures["r"] == 1.0
