"""Names and relations of groups of organizations, through the whole pipeline: registered names
that begin with a place, lists whose members carry asides, the members of an alliance, and the
founders and investors of a company."""

import pytest

from guanxi.graph.pipeline import extract_documents
from guanxi.graph.records import Document

pytestmark = pytest.mark.slow


def extracted(text: str):
    [(_, [article])] = list(extract_documents([Document(id="t", text=text)], split=False))
    names = {m.text for e in article.entities for m in e.mentions}
    typed = {(r.type, r.head, r.tail) for r in article.relations if r.type != "CO_OCCURS"}
    return names, typed


def test_a_registered_name_keeps_the_place_it_begins_with():
    names, _ = extracted("本轮由杭州青禾创投股份有限公司（以下简称“青禾创投”）领投。")
    assert "杭州青禾创投股份有限公司" in names and "青禾创投股份有限公司" not in names


def test_founders_listed_with_asides_each_invest_and_partner():
    text = (
        "东岭新材料有限公司由北辰矿业集团有限公司（以下简称“北辰矿业”）、南湖化工集团有限公司"
        "（以下简称“南湖化工”）和西岭稀土集团有限公司（以下简称“西岭稀土”）共同出资组建。"
    )
    names, typed = extracted(text)
    founders = ("北辰矿业集团有限公司", "南湖化工集团有限公司", "西岭稀土集团有限公司")
    assert set(founders) <= names and "有限公司" not in names  # 集团 + 有限公司, no stray suffix
    assert {("INVESTS_IN", f, "东岭新材料有限公司") for f in founders} <= typed
    partners = {frozenset((h, t)) for kind, h, t in typed if kind == "PARTNERS_WITH"}
    assert partners == {frozenset(p) for p in [founders[:2], founders[1:], founders[::2]]}


def test_an_alliance_links_its_founder_and_its_members():
    text = "北辰电子股份有限公司牵头成立智能传感产业联盟，首批成员包括南湖微电子有限公司、西岭材料有限公司和东岭精工有限公司。"
    _, typed = extracted(text)
    partners = {frozenset((h, t)) for kind, h, t in typed if kind == "PARTNERS_WITH"}
    bodies = ["北辰电子股份有限公司", "南湖微电子有限公司", "西岭材料有限公司", "东岭精工有限公司"]
    assert partners == {frozenset((a, b)) for i, a in enumerate(bodies) for b in bodies[i + 1 :]}


def test_investors_that_follow_the_lead_invest_too():
    text = "南湖微电子有限公司宣布完成5亿元B轮融资，本轮由北辰资本管理有限公司领投，西岭创投管理有限公司和东岭基金管理有限公司跟投。"
    _, typed = extracted(text)
    investors = {h for kind, h, t in typed if kind == "INVESTS_IN" and t == "南湖微电子有限公司"}
    assert investors == {"北辰资本管理有限公司", "西岭创投管理有限公司", "东岭基金管理有限公司"}


def test_bodies_that_each_sign_with_one_do_not_partner_each_other():
    from tests.test_aliases import run

    text = "北辰科技公司与南湖银行、东岭证券分别签署了战略合作协议。"
    article = run(text, [("北辰科技公司", "ORG"), ("南湖银行", "ORG"), ("东岭证券", "ORG")])
    pairs = {frozenset((r.head, r.tail)) for r in article.relations if r.type == "PARTNERS_WITH"}
    assert pairs == {frozenset(("北辰科技公司", "南湖银行")), frozenset(("北辰科技公司", "东岭证券"))}
