"""Every rule of graph/data/rules.toml is run on its own example (sentences written for this project)."""

import pytest

from guanxi.graph.records import Finder, Mention
from guanxi.graph.relations import relation_rules, typed_relations
from guanxi.graph.rules import apply_entity_rules, is_generic, load_table, word_lists

TABLE = load_table()


@pytest.mark.parametrize("rule", TABLE["entity"], ids=lambda r: r["id"])
def test_entity_rule_example(rule):
    found = [(m.text, m.label) for m in apply_entity_rules(rule["example"], "doc")]
    for name in rule["expect"]:
        assert (name, rule["label"]) in found
    # what the example shows the rule does not take (``reject``): no span of this rule holds it
    own = [m.text for m in apply_entity_rules(rule["example"], "doc") if m.rule == rule["id"]]
    for words in rule.get("reject", []):
        assert not [text for text in own if words in text], (rule["id"], words, own)


def mentions_for(text: str, names: list[str], labels: dict[str, str]) -> list[Mention]:
    out = []
    for name in names:
        start = text.index(name)
        out.append(Mention("doc", start, start + len(name), name, labels[name], Finder.NER))
    return sorted(out, key=lambda m: m.start)


@pytest.mark.parametrize("rule", TABLE["relation"], ids=lambda r: r["id"])
def test_relation_rule_example(rule):
    text = rule["example"]
    names = sorted({n for pair in rule["expect"] for n in pair[:2]}, key=text.index)
    head_is_left = rule.get("head", "left") == "left"
    labels = {}
    for pair in rule["expect"]:
        head, tail = pair[0], pair[1]
        left, right = (head, tail) if head_is_left else (tail, head)
        labels[left], labels[right] = rule["left"], rule["right"]
    for name, label in rule.get("also", []):  # other mentions the example needs
        names.append(name)
        labels[name] = label
    for pair in rule.get("reject", []):  # pairs the example shows the rule does not link
        head, tail = pair[0], pair[1]
        left, right = (head, tail) if head_is_left else (tail, head)
        names += [n for n in (left, right) if n not in labels]
        labels.setdefault(left, rule["left"])
        labels.setdefault(right, rule["right"])
    mentions = mentions_for(text, sorted(set(names), key=text.index), labels)
    got = {
        (h.text, t.text, title)
        for r, h, t, title in typed_relations(text, mentions, {m: m.text for m in mentions})
        if r.id == rule["id"]
    }
    expected = {(p[0], p[1], p[2] if len(p) > 2 else None) for p in rule["expect"]}
    assert expected <= got
    assert not {(h, t) for h, t, _ in got} & {(p[0], p[1]) for p in rule.get("reject", [])}


def test_every_rule_has_an_example():
    for rule in TABLE["entity"] + TABLE["relation"]:
        assert rule.get("example") and rule.get("expect"), rule["id"]


def test_relation_rule_ids_are_unique():
    ids = [r.id for r in relation_rules()]
    assert len(ids) == len(set(ids))


def test_negation_blocks_a_relation():
    text = "青松水务公司否认与北辰科技公司合作。"
    mentions = mentions_for(text, ["青松水务公司", "北辰科技公司"], {"青松水务公司": "ORG", "北辰科技公司": "ORG"})
    assert not list(typed_relations(text, mentions, {m: m.text for m in mentions}))


def test_negation_between_a_pair_and_the_cue_read_after_it_blocks_the_relation():
    text = "此后青松水务公司与北辰科技公司出现矛盾，北辰科技公司遂与青松水务公司终止合作。"
    names = ["青松水务公司", "北辰科技公司"]
    mentions = []
    for name in names:
        start = -1
        while (start := text.find(name, start + 1)) >= 0:
            mentions.append(Mention("doc", start, start + len(name), name, "ORG", Finder.NER))
    mentions.sort(key=lambda m: m.start)
    assert not [
        r for r in typed_relations(text, mentions, {m: m.text for m in mentions}) if r[0].type == "PARTNERS_WITH"
    ]


def test_what_a_regulator_found_may_be_said_with_a_negation():
    text = "南湖市生态环境局在检查中发现青松化工有限公司的污水处理设施长期处于停运状态且未正常运行，随即对其立案调查。"
    mentions = mentions_for(
        text, ["南湖市生态环境局", "青松化工有限公司"], {"南湖市生态环境局": "ORG", "青松化工有限公司": "ORG"}
    )
    found = [(r.type, h.text, t.text) for r, h, t, _ in typed_relations(text, mentions, {m: m.text for m in mentions})]
    assert ("REGULATES", "南湖市生态环境局", "青松化工有限公司") in found


def test_project_rule_ignores_engineer_titles_and_generic_names():
    found = [m.text for m in apply_entity_rules("该院总工程师表示，重点项目进展顺利。", "doc")]
    assert found == []


def test_what_a_contract_is_for_or_which_ones_name_no_project():
    text = "双方签署增资扩股协议和一致行动协议，上述项目与每个项目都已落地，星河跨链协议也已上线。"
    assert [m.text for m in apply_entity_rules(text, "doc")] == ["星河跨链协议"]
    text = "公司的房地产项目、核电项目和部分项目已出售，北湖海阳核电项目仍在建设。"
    assert [m.text for m in apply_entity_rules(text, "doc")] == ["北湖海阳核电项目"]


def test_a_project_named_only_by_kinds_or_after_what_a_study_turns_to_is_no_name():
    text = "双方将合作建设产业园项目和示范区工程，围绕大模型开展研究，入股AI大模型企业，共建南湖数字产业园项目。"
    assert [m.text for m in apply_entity_rules(text, "doc")] == ["南湖数字产业园项目"]


def test_a_works_contract_of_a_project_is_one_name():
    text = "北辰设计院中标南湖市轨道交通5号线工程勘察设计项目，东岭建工中标西岭大桥工程施工项目。"
    found = [m.text for m in apply_entity_rules(text, "doc")]
    assert found == ["南湖市轨道交通5号线工程勘察设计项目", "西岭大桥工程施工项目"]


def test_words_of_the_clause_before_a_project_name_are_not_part_of_it():
    text = "随着北湖海上风电项目投产，包括南岭铁矿石项目在内，东坡炼化工程已完工。"
    found = [m.text for m in apply_entity_rules(text, "doc")]
    assert found == ["北湖海上风电项目", "南岭铁矿石项目", "东坡炼化工程"]
    # words that hold a boundary's characters stay whole: 除险, 基因, 承接, 结合
    text = "南湖水库除险加固工程开工，北湖基因库二期工程建成，东岭医养结合示范项目投入使用。"
    found = [m.text for m in apply_entity_rules(text, "doc")]
    assert found == ["南湖水库除险加固工程", "北湖基因库二期工程", "东岭医养结合示范项目"]


def test_a_company_is_found_by_what_only_companies_do_but_times_and_kinds_are_not():
    rule = next(r for r in TABLE["entity"] if r["id"] == "org.company-subject")
    found = [m.text for m in apply_entity_rules(rule["example"], "doc") if m.rule == "org.company-subject"]
    assert found == rule["expect"]  # not 公司, 不少初创企业, 去年, 目前, 机器人赛道, 小王 or 港股


def test_a_system_built_is_a_project_but_not_inside_a_company_name():
    text = "北辰汽车投资建设的北辰氢燃料电池系统（南湖）有限公司投产，接入北湖局建设运营的实名验证系统。"
    found = [m.text for m in apply_entity_rules(text, "doc") if m.rule == "project.platform-built"]
    assert found == ["实名验证系统"]


def test_a_bare_back_reference_to_a_document_is_no_policy():
    text = "南湖市印发《南湖市数字经济发展实施方案》。《实施方案》提出，《指导意见》要求。"
    assert [m.text for m in apply_entity_rules(text, "doc")] == ["南湖市数字经济发展实施方案"]


def test_a_deal_verb_before_a_bare_suffix_names_no_project():
    text = "北辰医疗公司与南湖大学附属东岭医院签署协议。根据协议，双方将共建星河跨链协议。"
    assert [m.text for m in apply_entity_rules(text, "doc") if m.label == "PROJECT"] == ["星河跨链协议"]


def test_person_after_title_needs_a_surname():
    assert [m.text for m in apply_entity_rules("公司总裁表示，业绩增长。", "doc")] == []


@pytest.mark.parametrize("rule", TABLE["compound"], ids=lambda r: r["id"])
def test_compound_rule_example(rule):
    from tests.test_aliases import run

    names = {n for pair in rule["expect"] for n in pair}
    article = run(rule["example"], [(n, "ORG") for n in names])
    got = {(r.head, r.tail) for r in article.relations if r.type == rule["type"]}
    assert {tuple(p) for p in rule["expect"]} <= got


def test_compound_name_links_a_bureau_to_its_ministry():
    from tests.test_aliases import run

    article = run("工信部信息通信管理局今天发布通知。", [("工信部信息通信管理局", "ORG")])
    sub = [(r.head, r.tail, r.evidence[0].rule_id) for r in article.relations if r.type == "SUBSIDIARY_OF"]
    assert sub == [("工信部信息通信管理局", "工业和信息化部", "subsidiary.compound-name")]
    parent = next(e for e in article.entities if e.name == "工业和信息化部")
    assert article.text[parent.mentions[0].start : parent.mentions[0].end] == "工信部"


def test_an_association_named_only_through_its_committee_becomes_its_parent():
    from tests.test_aliases import run

    article = run("南湖物联网产业联盟区块链专委会副主任表示，标准将统一。", [("南湖物联网产业联盟区块链专委会", "ORG")])
    sub = [(r.head, r.tail, r.evidence[0].rule_id) for r in article.relations if r.type == "SUBSIDIARY_OF"]
    assert sub == [("南湖物联网产业联盟区块链专委会", "南湖物联网产业联盟", "subsidiary.association-unit")]
    article = run("南湖IPv6推广委员会秘书处透露，用户已过亿。", [("南湖IPv6推广委员会秘书处", "ORG")])
    assert [(r.head, r.tail) for r in article.relations if r.type == "SUBSIDIARY_OF"] == [
        ("南湖IPv6推广委员会秘书处", "南湖IPv6推广委员会")
    ]


def test_a_committee_of_something_not_shaped_like_an_association_gets_no_parent():
    from tests.test_aliases import run

    article = run("南湖物联网产业基地区块链专委会成立。", [("南湖物联网产业基地区块链专委会", "ORG")])
    assert [r for r in article.relations if r.type == "SUBSIDIARY_OF"] == []


def test_legal_suffix_is_not_a_unit():
    from tests.test_aliases import run

    article = run("腾讯公司发布公告。", [("腾讯公司", "ORG")])
    assert not [r for r in article.relations if r.type == "SUBSIDIARY_OF"]


@pytest.mark.parametrize(
    "text, linked",
    [
        ("青松水务公司未与北辰科技公司签约。", False),
        ("市场传闻青松水务公司与北辰科技公司合作。", False),
        ("据传青松水务公司与北辰科技公司合作。", False),
        ("市场传言青松水务公司与北辰科技公司合作。", False),
        ("青松水务公司与北辰科技公司合作，共创未来。", True),
        ("青松水务公司与北辰科技公司合作推出“未成年守护”计划。", True),
    ],
)
def test_negation_and_hedging_but_not_words_that_merely_contain_them(text, linked):
    mentions = mentions_for(text, ["青松水务公司", "北辰科技公司"], {"青松水务公司": "ORG", "北辰科技公司": "ORG"})
    found = [r for r, *_ in typed_relations(text, mentions, {m: m.text for m in mentions}) if r.type == "PARTNERS_WITH"]
    assert bool(found) == linked


def test_agreements_are_deals_not_projects():
    found = [m.text for m in apply_entity_rules("双方签订5G专网合作协议，并启动南湖智慧园区项目。", "doc")]
    assert found == ["南湖智慧园区项目"]


def test_projects_are_named_undertakings_not_phrases_counts_or_contracts():
    from guanxi.graph.rules import apply_entity_rules

    text = "根据协议，双方签约项目共计42个重点项目，并签署了股权转让协议；南湖智慧园区项目已开工，星河跨链协议上线。"
    projects = {m.text for m in apply_entity_rules(text, "d") if m.label == "PROJECT"}
    assert projects == {"南湖智慧园区项目", "星河跨链协议"}


@pytest.mark.parametrize("rule", [r for r in TABLE["entity"] if "needs" in r], ids=lambda r: r["id"])
def test_the_words_a_rule_needs_are_in_every_match(rule):
    """`needs` only skips texts the pattern could not match: each match holds one of the words."""
    from guanxi.graph.rules import entity_rules

    [compiled] = [r for r in entity_rules() if r.id == rule["id"]]
    matches = [m.group(0) for m in compiled.pattern.finditer(rule["example"])]
    assert matches
    assert all(any(w in m for w in compiled.needs) for m in matches)


def test_a_rule_is_not_searched_in_a_text_without_the_words_it_needs(monkeypatch):
    import re

    from guanxi.graph import rules

    rule = rules.EntityRule("test.needs", "ORG", re.compile("(?P<name>甲乙)"), needs=("丙",))
    monkeypatch.setattr(rules, "entity_rules", lambda: (rule,))
    assert apply_entity_rules("甲乙", "doc") == []
    assert [m.text for m in apply_entity_rules("甲乙丙", "doc")] == ["甲乙"]


def test_a_university_department_ends_in_xi_but_a_system_of_it_is_no_department():
    assert "西岭大学物理系" in [m.text for m in apply_entity_rules("西岭大学物理系发布成果。", "doc")]
    assert not [m.text for m in apply_entity_rules("南湖大学人才培养体系不断完善。", "doc") if m.text.endswith("系")]


def test_a_province_level_government_is_not_cut_out_of_one_of_its_bodies():
    text = "广州市人民政府国有资产监督管理委员会发布通知，广州市人民政府表示支持。"
    found = {(m.start, m.text) for m in apply_entity_rules(text, "doc")}
    assert found == {(23, "广州市人民政府")}  # the second: the first is the start of its commission's name


def test_a_model_named_only_by_what_it_is_for_is_no_name():
    words = word_lists()
    assert is_generic("教育领域垂直大模型", words) and is_generic("自研数学大模型", words)
    assert not is_generic("北辰星火认知大模型", words) and not is_generic("“元智”医疗大模型", words)


def test_a_capacity_is_no_project_name():
    words = word_lists()
    assert is_generic("12英寸硅片扩产项目", words) and is_generic("年产5万吨正极材料项目", words)
    assert not is_generic("北辰一号海上风电项目", words)


def test_a_quoted_technology_is_no_project_name():
    words = word_lists()
    assert is_generic("“5G+工业互联网”产业公共服务平台", words)
    assert not is_generic("“星河”数字金融平台", words) and not is_generic("“5G+光云工业互联网”平台", words)


def test_honours_bodies_and_approvals_are_no_projects_or_investments():
    text = "北辰科技荣获“国家级工业互联网平台”称号，与南湖大学共同建设的“北辰研究院”揭牌。"
    assert [m.text for m in apply_entity_rules(text, "doc") if m.label == "PROJECT"] == []
    rule = next(r for r in relation_rules() if r.id == "invests.received")
    assert rule.after.match("批准投资建设新工厂") is None and rule.after.match("增资20亿元") is not None
