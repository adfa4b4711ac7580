"""Relations and their evidence, through the pipeline's rule stages (sentences written for this project)."""

from tests.test_aliases import run


def relations(article, kind):
    return {(r.head, r.tail, r.title) for r in article.relations if r.type == kind}


def test_co_occurrence_links_every_pair_in_a_sentence_once():
    article = run("工信部与科技部、教育部联合召开会议。工信部随后发布通知。")
    assert relations(article, "CO_OCCURS") == {
        ("工业和信息化部", "科学技术部", None),
        ("工业和信息化部", "教育部", None),
        ("教育部", "科学技术部", None),
    }


def test_coordinated_partners_all_pair_up():
    article = run("工信部、科技部和教育部等联合开展专项检查。")
    assert relations(article, "PARTNERS_WITH") == {
        ("工业和信息化部", "科学技术部", None),
        ("工业和信息化部", "教育部", None),
        ("教育部", "科学技术部", None),
    }


def test_every_relation_keeps_evidence_that_points_into_the_text():
    article = run("工信部部长李明远表示，将加快推进。", [("李明远", "PERSON")])
    role = next(r for r in article.relations if r.type == "HOLDS_ROLE")
    assert (role.head, role.tail, role.title) == ("李明远", "工业和信息化部", "部长")
    ev = role.evidence[0]
    assert ev.rule_id == "role.org-title-person"
    assert ev.sentence == "工信部部长李明远表示，将加快推进。"
    assert article.text[ev.head[0] : ev.head[1]] == "李明远"
    assert article.text[ev.tail[0] : ev.tail[1]] == "工信部"


def test_issued_reaches_every_listed_policy():
    article = run("国务院印发《甲市发展规划》和《乙市建设方案》。")
    assert relations(article, "ISSUED") == {("国务院", "甲市发展规划", None), ("国务院", "乙市建设方案", None)}


def test_the_same_relation_in_two_sentences_keeps_both_evidence():
    article = run("工信部与科技部合作。科技部与工信部继续合作。")
    [partners] = [r for r in article.relations if r.type == "PARTNERS_WITH"]
    assert len(partners.evidence) == 2


def test_mention_offsets_match_the_text():
    article = run("工信部与科技部合作。国务院印发《甲市发展规划》。")
    assert article.mentions
    assert all(article.text[m.start : m.end] == m.text for m in article.mentions)


def test_a_long_coordination_list_partners_every_pair_and_takes_part_in_the_project():
    article = run("近日，工信部、科技部、教育部、财政部、商务部、国资委等联合开展南湖管网改造提升行动。")
    orgs = ["工业和信息化部", "科学技术部", "教育部", "财政部", "商务部", "国务院国有资产监督管理委员会"]
    assert len(relations(article, "PARTNERS_WITH")) == len(orgs) * (len(orgs) - 1) // 2
    assert relations(article, "PARTICIPATES_IN") == {(o, "南湖管网改造提升行动", None) for o in orgs}


def test_stake_and_child_company_relations():
    article = run(
        "北辰科技公司持有青松水务公司12.5%的股份，青松水务公司仍为北辰科技公司的控股子公司。",
        [("北辰科技公司", "ORG"), ("青松水务公司", "ORG")],
    )
    assert relations(article, "INVESTS_IN") == {("北辰科技公司", "青松水务公司", None)}
    assert relations(article, "SUBSIDIARY_OF") == {("青松水务公司", "北辰科技公司", None)}


def test_the_objects_of_with_are_partners_of_the_subject_not_of_each_other():
    article = run(
        "南湖园区已与北辰科技公司、青松水务公司签约合作。",
        [("南湖园区", "ORG"), ("北辰科技公司", "ORG"), ("青松水务公司", "ORG")],
    )
    assert relations(article, "PARTNERS_WITH") == {
        ("北辰科技公司", "南湖园区", None),
        ("南湖园区", "青松水务公司", None),
    }


def test_an_agreement_signed_by_two_companies_is_a_partnership_not_a_project():
    article = run("北辰科技公司与青松水务公司签署战略合作协议。", [("北辰科技公司", "ORG"), ("青松水务公司", "ORG")])
    assert [e.type for e in article.entities] == ["ORG", "ORG"]
    assert relations(article, "PARTNERS_WITH") == {("北辰科技公司", "青松水务公司", None)}


def test_coordinated_issuers_each_issue_and_a_unit_after_its_parent_is_split_off():
    article = run("中国人民银行、银保监会联合印发《关于规范南湖业务的通知》。")
    assert relations(article, "ISSUED") == {
        ("中国人民银行", "关于规范南湖业务的通知", None),
        ("中国银行保险监督管理委员会", "关于规范南湖业务的通知", None),
    }
    article = run(
        "京东方旗下子公司南湖京东方光电科技有限公司宣布投产。", [("京东方旗下子公司南湖京东方光电科技有限公司", "ORG")]
    )
    assert relations(article, "SUBSIDIARY_OF") == {("南湖京东方光电科技有限公司", "京东方科技集团股份有限公司", None)}


def test_a_person_with_two_titles_holds_both_roles():
    article = run(
        "北辰科技公司副总裁、北辰云计算公司总经理李明远表示，新平台年底上线。",
        [("北辰科技公司", "ORG"), ("北辰云计算公司", "ORG"), ("李明远", "PERSON")],
    )
    assert relations(article, "HOLDS_ROLE") == {
        ("李明远", "北辰科技公司", "副总裁"),
        ("李明远", "北辰云计算公司", "总经理"),
    }


def test_an_aside_in_brackets_between_two_partners_does_not_hide_the_partnership():
    article = run("工信部（MIIT）与科技部（MOST）签署战略合作协议。")
    assert relations(article, "PARTNERS_WITH") == {("工业和信息化部", "科学技术部", None)}


def test_partners_met_one_after_another_form_a_star_not_a_clique():
    for text in (
        "工信部已先后与科技部、教育部和财政部等3家单位达成合作。",
        "工信部分别与科技部、教育部和财政部签署合作协议。",
    ):
        article = run(text)
        assert relations(article, "PARTNERS_WITH") == {
            ("工业和信息化部", "科学技术部", None),
            ("工业和信息化部", "教育部", None),
            ("工业和信息化部", "财政部", None),
        }, text


def test_founders_of_a_company_each_invest_in_it():
    article = run("工信部与科技部、教育部共同出资成立北辰研究院有限公司。", [("北辰研究院有限公司", "ORG")])
    assert relations(article, "INVESTS_IN") == {
        (founder, "北辰研究院有限公司", None) for founder in ("工业和信息化部", "科学技术部", "教育部")
    }


def test_a_group_action_records_how_many_bodies_it_links():
    campaign = run("工信部、科技部、教育部和财政部联合开展专项行动。")
    partners = [r for r in campaign.relations if r.type == "PARTNERS_WITH"]
    assert len(partners) == 6 and {ev.parties for r in partners for ev in r.evidence} == {4}
    star = run("工信部分别与科技部、教育部签署合作协议。")
    assert {ev.parties for r in star.relations if r.type == "PARTNERS_WITH" for ev in r.evidence} == {2}


def test_a_compound_title_is_one_role():
    for text, title in (
        ("工信部党委书记、部长李明远出席会议。", "党委书记、部长"),
        ("工信部部长兼党委书记李明远出席会议。", "部长兼党委书记"),
    ):
        article = run(text, [("李明远", "PERSON")])
        assert relations(article, "HOLDS_ROLE") == {("李明远", "工业和信息化部", title)}, text


def test_partnership_paraphrases():
    for text in (
        "工信部与科技部（MOST）签署战略合作协议。",
        "工信部与科技部续签了为期三年的合作协议。",
        "工信部在2024年宣布与科技部开展深度合作。",
        "工信部已联合科技部开展专项检查。",
    ):
        assert relations(run(text), "PARTNERS_WITH") == {("工业和信息化部", "科学技术部", None)}, text


def test_investors_of_a_round_and_buyers_of_a_stake():
    extra = [("北辰资本", "ORG"), ("南岭智能公司", "ORG")]
    round_ = run("南岭智能公司完成3亿元B轮融资，本轮由北辰资本领投。", extra)
    assert relations(round_, "INVESTS_IN") == {("北辰资本", "南岭智能公司", None)}
    stake = run("北辰资本拟以约12亿元受让南岭智能公司29%股份。", extra)
    assert relations(stake, "INVESTS_IN") == {("北辰资本", "南岭智能公司", None)}


def test_a_longer_legal_name_of_the_same_body_is_not_its_unit():
    from tests.test_aliases import run

    text = "腾讯公司发布公告。腾讯控股有限公司随后表示将落实要求，腾讯公司数据中心也将参与。"
    article = run(text, [("腾讯公司", "ORG"), ("腾讯控股有限公司", "ORG"), ("腾讯公司数据中心", "ORG")])
    units = {r.head for r in article.relations if r.type == "SUBSIDIARY_OF"}
    assert units == {"腾讯公司数据中心"}  # a unit; 腾讯控股有限公司 is the group's own longer name


def test_a_run_without_punctuation_pairs_only_names_near_each_other():
    filler = "推动产业数字化转型发展" * 8  # 88 characters, no punctuation, no names
    near = "工信部携手科技部" + filler + "教育部"
    article = run(near)
    assert relations(article, "CO_OCCURS") == {("工业和信息化部", "科学技术部", None)}
    with_commas = "工信部携手科技部，" + filler + "，教育部"  # a sentence: every pair co-occurs
    assert len(relations(run(with_commas), "CO_OCCURS")) == 3


def test_a_short_run_without_punctuation_pairs_every_name():
    assert len(relations(run("工信部科技部教育部联合调研"), "CO_OCCURS")) == 3


def test_a_short_form_declared_in_brackets_does_not_stand_between_two_names():
    text = "北辰智能股份有限公司（以下简称“北辰智能”，600001.SH）则依托自研的北辰星河大模型升级产品。"
    article = run(text, [("北辰智能股份有限公司", "ORG")])
    assert "北辰智能" in {m.text for m in article.mentions}  # the declared short form is a mention
    assert relations(article, "PARTICIPATES_IN") == {("北辰智能股份有限公司", "北辰星河大模型", None)}


def test_people_who_sign_for_their_organizations_make_the_organizations_partners():
    spans = [("东湖集团", "ORG"), ("张伟", "PERSON"), ("西岭股份", "ORG"), ("刘洋", "PERSON")]
    article = run("东湖集团董事长张伟和西岭股份总经理刘洋代表双方签约。", spans)
    partners = [r for r in article.relations if r.type == "PARTNERS_WITH"]
    assert [(r.head, r.tail) for r in partners] == [("东湖集团", "西岭股份")]
    assert partners[0].evidence[0].rule_id == "partners.coordinated"
    assert relations(article, "HOLDS_ROLE") == {("张伟", "东湖集团", "董事长"), ("刘洋", "西岭股份", "总经理")}
    # the person stands for the organization in a partnership only: a chairman's own purchase is not his company's
    spans = [("北辰科技有限公司", "ORG"), ("李明远", "PERSON"), ("青松水务公司", "ORG")]
    article = run("北辰科技有限公司董事长李明远收购青松水务公司。", spans)
    assert relations(article, "INVESTS_IN") == set()
    # a person who is not introduced by the organization's title still stands between them
    article = run(
        "东湖集团邀请张伟和西岭股份共同签约。", [("东湖集团", "ORG"), ("张伟", "PERSON"), ("西岭股份", "ORG")]
    )
    rules = {e.rule_id for r in article.relations if r.type == "PARTNERS_WITH" for e in r.evidence}
    assert not any(rule.startswith("partners.") for rule in rules)


def test_the_company_an_announcement_names_is_the_one_that_acts():
    spans = [("东湖矿业股份有限公司", "ORG"), ("西岭锂业有限公司", "ORG")]
    article = run("东湖矿业股份有限公司今日发布公告称，公司拟以12亿元收购西岭锂业有限公司。", spans)
    invests = [r for r in article.relations if r.type == "INVESTS_IN"]
    assert [(r.head, r.tail, r.evidence[0].rule_id) for r in invests] == [
        ("东湖矿业股份有限公司", "西岭锂业有限公司", "invests.verb")
    ]
    article = run("东湖矿业股份有限公司今日公告表示，2025年3月5日，公司与西岭锂业有限公司签订合作协议。", spans)
    partners = [r for r in article.relations if r.type == "PARTNERS_WITH"]
    assert [(r.head, r.tail, r.evidence[0].rule_id) for r in partners] == [
        ("东湖矿业股份有限公司", "西岭锂业有限公司", "partners.coordinated")
    ]
    article = run("东湖矿业股份有限公司昨日晚间发布最新消息称，公司决定以5亿元收购西岭锂业有限公司股权。", spans)
    assert relations(article, "INVESTS_IN") == {("东湖矿业股份有限公司", "西岭锂业有限公司", None)}
    for when in ("昨晚", "18日晚间", "周五晚间", "于3月5日", "近期"):
        text = f"东湖矿业股份有限公司{when}发布公告称，公司拟以5亿元收购西岭锂业有限公司100%股权。"
        assert relations(run(text, spans), "INVESTS_IN") == {("东湖矿业股份有限公司", "西岭锂业有限公司", None)}, when
    # a subsidiary's announcement is not its parent's
    article = run("东湖矿业股份有限公司的子公司发布公告称，公司拟以12亿元收购西岭锂业有限公司。", spans)
    assert relations(article, "INVESTS_IN") == set()
    article = run("东湖矿业股份有限公司9月3日晚间发布公告称，公司拟收购西岭锂业有限公司。", spans)
    assert relations(article, "INVESTS_IN") == {("东湖矿业股份有限公司", "西岭锂业有限公司", None)}


def test_what_a_company_says_it_will_do_it_does_and_what_a_person_says_is_of_others():
    spans = [("东湖港口集团", "ORG"), ("东湖智慧港口项目", "PROJECT")]
    article = run("东湖港口集团表示，未来三年将投资80亿元建设东湖智慧港口项目。", spans)
    assert relations(article, "INVESTS_IN") == {("东湖港口集团", "东湖智慧港口项目", None)}
    article = run("东湖港口集团近日表示，将与西岭银行开展全面合作。", [("东湖港口集团", "ORG"), ("西岭银行", "ORG")])
    assert {frozenset(p[:2]) for p in relations(article, "PARTNERS_WITH")} == {frozenset(("东湖港口集团", "西岭银行"))}
    article = run(
        "李华表示，现任西江银行行长的王刚将出席。", [("李华", "PERSON"), ("王刚", "PERSON"), ("西江银行", "ORG")]
    )
    assert relations(article, "HOLDS_ROLE") == {("王刚", "西江银行", "行长")}


def test_a_unit_gets_one_parent_from_the_first_compound_rule_that_finds_one():
    spans = [("中国工商银行股份有限公司南湖市分行", "ORG"), ("北辰科技有限公司", "ORG")]
    article = run("中国工商银行股份有限公司南湖市分行与北辰科技有限公司签署协议。", spans)
    parents = [(r.tail, r.evidence[0].rule_id) for r in article.relations if r.type == "SUBSIDIARY_OF"]
    assert parents == [("工商银行", "subsidiary.compound-name")]
    # with no known parent, a branch's name says which company it is a branch of
    article = run(
        "东岭银行南湖分行与北辰科技有限公司签署协议。", [("东岭银行南湖分行", "ORG"), ("北辰科技有限公司", "ORG")]
    )
    parents = [(r.head, r.tail, r.evidence[0].rule_id) for r in article.relations if r.type == "SUBSIDIARY_OF"]
    assert parents == [("东岭银行南湖分行", "东岭银行", "subsidiary.branch-unit")]


def test_a_deal_called_off_at_the_end_of_its_clause_links_nobody():
    spans = [("北辰水务集团有限公司", "ORG"), ("南湖水务有限公司", "ORG")]
    text = "北辰水务集团有限公司此前筹划收购南湖水务有限公司部分股权的事项已于去年底终止。"
    assert relations(run(text, spans), "INVESTS_IN") == set()
    text = "北辰水务集团有限公司收购南湖水务有限公司部分股权，交易完成后南湖水务将终止亏损业务。"
    assert relations(run(text, spans), "INVESTS_IN") == {("北辰水务集团有限公司", "南湖水务有限公司", None)}


def test_bodies_that_become_a_third_partys_partners_are_its_partners_not_each_others():
    spans = [("东坡食品公司", "ORG"), ("南湖乳业公司", "ORG"), ("北湖乐园", "ORG")]
    pairs = lambda article: {frozenset((h, t)) for h, t, _ in relations(article, "PARTNERS_WITH")}  # noqa: E731
    article = run("东坡食品公司、南湖乳业公司等本土品牌也相继成为北湖乐园的合作伙伴。", spans)
    assert pairs(article) == {frozenset(("东坡食品公司", "北湖乐园")), frozenset(("南湖乳业公司", "北湖乐园"))}
    article = run("东坡食品公司为北湖乐园的合作伙伴提供培训。", spans)  # for the partners, not of them
    rules = {e.rule_id for r in article.relations if r.type == "PARTNERS_WITH" for e in r.evidence}
    assert not any(rule.startswith("partners.") for rule in rules)
    article = run("东坡食品公司和北湖乐园签约成为彼此的战略合作伙伴。", spans)
    assert pairs(article) == {frozenset(("东坡食品公司", "北湖乐园"))}
    article = run("北湖乐园的战略合作伙伴包括东坡食品公司和南湖乳业公司。", spans)
    assert pairs(article) == {frozenset(("东坡食品公司", "北湖乐园")), frozenset(("南湖乳业公司", "北湖乐园"))}


def test_taking_over_a_company_makes_it_a_subsidiary_but_taking_over_what_it_held_does_not():
    spans = [("北辰集团", "ORG"), ("青松水务公司", "ORG"), ("南岭银行", "ORG"), ("东坡集团", "ORG")]
    article = run("北辰集团入主青松水务公司后，将业务整合。", spans)
    assert relations(article, "SUBSIDIARY_OF") == {("青松水务公司", "北辰集团", None)}
    article = run("北辰集团接手南岭银行所持青松水务公司的股份，又接手了东坡集团收购的工厂。", spans)
    assert relations(article, "SUBSIDIARY_OF") == set()
    article = run("北辰集团接手了东坡集团的全部钢铁资产。", spans)  # its assets, not the company
    assert relations(article, "SUBSIDIARY_OF") == set()


def test_buying_a_companys_shares_is_investing_in_it_but_buying_its_assets_is_not():
    spans = [("北辰科技公司", "ORG"), ("青松水务公司", "ORG"), ("东湖集团", "ORG")]
    article = run("北辰科技公司拟以发行股份的方式购买青松水务公司部分股份。", spans)
    assert relations(article, "INVESTS_IN") == {("北辰科技公司", "青松水务公司", None)}
    article = run("东湖集团发行股票购买青松水务公司旗下资产。", spans)
    assert relations(article, "INVESTS_IN") == set()


def test_bodies_listed_after_with_are_the_subjects_partners_unless_they_act_together():
    spans = [("北辰集团", "ORG"), ("南湖集团", "ORG"), ("东岭集团", "ORG")]
    pairs = lambda article: {frozenset((h, t)) for h, t, _ in relations(article, "PARTNERS_WITH")}  # noqa: E731
    article = run("北辰集团与南湖集团、东岭集团等车企签订战略合作协议。", spans)
    assert pairs(article) == {frozenset(("北辰集团", "南湖集团")), frozenset(("北辰集团", "东岭集团"))}
    article = run("北辰集团与南湖集团、东岭集团共同出资成立新公司。", spans)
    assert frozenset(("南湖集团", "东岭集团")) in pairs(article)


def test_buying_a_stake_from_its_holder_invests_in_the_company_not_the_holder():
    spans = [("北辰矿业公司", "ORG"), ("东湖集团", "ORG"), ("西岭锂业公司", "ORG")]
    article = run("北辰矿业公司拟以现金收购东湖集团持有的西岭锂业公司24.82%股权。", spans)
    assert relations(article, "INVESTS_IN") == {("北辰矿业公司", "西岭锂业公司", None)}


def test_a_subsidiarys_deal_is_not_its_parents():
    spans = [("北辰水泥公司", "ORG"), ("东岭新材料公司", "ORG")]
    article = run("北辰水泥公司发布公告称，其控股子公司南湖新材拟收购东岭新材料公司60%股权。", spans)
    assert relations(article, "INVESTS_IN") == set()


def test_a_department_named_after_its_ministry_is_one_organization_and_a_unit_of_it():
    article = run(
        "国家发展改革委创新和高技术发展司副司长王明远介绍，国务院国资委科技创新局有关负责人也出席。",
        [("王明远", "PERSON")],
    )
    names = {e.name for e in article.entities if e.type == "ORG"}
    assert {"国家发展改革委创新和高技术发展司", "国务院国资委科技创新局"} <= names
    assert relations(article, "SUBSIDIARY_OF") == {
        ("国家发展改革委创新和高技术发展司", "国家发展和改革委员会", None),
        ("国务院国资委科技创新局", "国务院国有资产监督管理委员会", None),
    }
    assert relations(article, "HOLDS_ROLE") == {("王明远", "国家发展改革委创新和高技术发展司", "副司长")}


def test_a_second_body_after_a_ministry_is_no_department_of_it():
    article = run("财政部会同税务总局发布公告，天津市商务委员会全资附属公司也参与。")
    names = {e.name for e in article.entities if e.type == "ORG"}
    assert "财政部会同税务总局" not in names and "天津市商务委员会全资附属公司" not in names


def test_an_adverb_the_model_took_into_a_name_is_left_out_and_the_roles_go_to_the_person():
    article = run(
        "李华表示，现任西江银行行长的王刚曾担任南岭集团副总裁。",
        [("李华", "PERSON"), ("王刚曾", "PERSON"), ("西江银行", "ORG"), ("南岭集团", "ORG")],
    )
    assert relations(article, "HOLDS_ROLE") == {("王刚", "西江银行", "行长"), ("王刚", "南岭集团", "副总裁")}


def test_a_memorandum_of_cooperation_is_no_policy_and_the_new_company_is_what_is_invested_in():
    article = run(
        "北辰汽车与南岭科技签署《投资合作备忘录》，北辰汽车拟投资南岭科技新设立的智能汽车公司。",
        [("北辰汽车", "ORG"), ("南岭科技", "ORG")],
    )
    assert [e for e in article.entities if e.type == "POLICY"] == []
    assert ("北辰汽车", "南岭科技", None) not in relations(article, "INVESTS_IN")


def test_the_partner_after_a_unit_is_no_unit_of_its_parent():
    article = run(
        "北辰科技旗下子公司北辰云计算有限公司与西江银行签署合作协议。",
        [("北辰科技", "ORG"), ("北辰云计算有限公司", "ORG"), ("西江银行", "ORG")],
    )
    assert relations(article, "SUBSIDIARY_OF") == {("北辰云计算有限公司", "北辰科技", None)}


def test_a_deal_clause_with_no_subject_after_an_announcement_is_the_announcer_s():
    spans = [("东湖矿业股份有限公司", "ORG"), ("西岭锂业有限公司", "ORG"), ("南岭化工集团", "ORG")]
    article = run("东湖矿业股份有限公司今日公告，与西岭锂业有限公司、南岭化工集团签署了战略合作协议。", spans)
    assert {(r.head, r.tail) for r in article.relations if r.type == "PARTNERS_WITH"} >= {
        ("东湖矿业股份有限公司", "西岭锂业有限公司"),
        ("东湖矿业股份有限公司", "南岭化工集团"),
    }


def test_an_announcement_that_denies_a_partnership_gives_none():
    spans = [("北辰集团股份有限公司", "ORG"), ("南岭股份有限公司", "ORG")]
    article = run("北辰集团股份有限公司发布声明，与南岭股份有限公司不存在任何合作关系。", spans)
    assert not [r for r in article.relations if r.type == "PARTNERS_WITH"]
    article = run("北辰集团股份有限公司与南岭股份有限公司之间的诉讼源于一份供货合同。", spans)
    assert not [r for r in article.relations if r.type == "PARTNERS_WITH"]


def test_a_governments_head_is_no_officer_of_the_party_committee():
    spans = [("南岭市委", "ORG"), ("黄志远", "PERSON"), ("林立群", "PERSON")]
    article = run("南岭市委书记黄志远、市长林立群出席签约仪式。", spans)
    assert relations(article, "HOLDS_ROLE") == {("黄志远", "南岭市委", "书记")}


def test_a_restaurants_manager_is_a_companys_post_and_a_provincial_departments_is_not():
    article = run("北辰餐厅总经理张建国表示欢迎。", [("北辰餐厅", "ORG"), ("张建国", "PERSON")])
    assert relations(article, "HOLDS_ROLE") == {("张建国", "北辰餐厅", "总经理")}


def test_an_officer_named_by_function_holds_a_title_not_an_organization():
    article = run(
        "南岭电子董事长王建明、财务总监刘小红对此负有责任。",
        [("南岭电子", "ORG"), ("王建明", "PERSON"), ("刘小红", "PERSON")],
    )
    assert sorted(e.name for e in article.entities if e.type == "ORG") == ["南岭电子"]  # not 财务
    assert relations(article, "HOLDS_ROLE") == {("王建明", "南岭电子", "董事长"), ("刘小红", "南岭电子", "财务总监")}


def test_a_company_that_puts_money_into_a_fund_being_set_up_invests_in_it():
    article = run("同日，东岭证券公告称，公司拟以自有资金2亿元参与设立南湖新兴产业投资基金。", [("东岭证券", "ORG")])
    assert relations(article, "INVESTS_IN") == {("东岭证券", "南湖新兴产业投资基金", None)}
    article = run("北湖银行参与组建南湖数据联盟。", [("北湖银行", "ORG"), ("南湖数据联盟", "ORG")])
    assert relations(article, "INVESTS_IN") == set()  # joining an alliance is no investment


def test_both_parties_of_a_deal_invest_in_the_company_they_set_up_even_past_a_country():
    text = "青川汽车与德国北辰电池集团在南湖签约，双方将合资成立青辰动力科技有限公司。"
    article = run(text, [("青川汽车", "ORG"), ("北辰电池集团", "ORG"), ("青辰动力科技有限公司", "ORG")])
    assert relations(article, "INVESTS_IN") == {
        ("青川汽车", "青辰动力科技有限公司", None),
        ("北辰电池集团", "青辰动力科技有限公司", None),
    }


def test_posts_named_the_hong_kong_way_and_a_ministrys_party_post_are_titles():
    text = "瀚海物流执行董事兼行政总裁梁志诚、鸿图集团董事局主席司马青云出席。科技部党组成员、副部长陈立华介绍情况。"
    article = run(text, [("瀚海物流", "ORG"), ("鸿图集团", "ORG"), ("梁志诚", "PERSON"), ("司马青云", "PERSON")])
    assert relations(article, "HOLDS_ROLE") == {
        ("梁志诚", "瀚海物流", "执行董事兼行政总裁"),
        ("司马青云", "鸿图集团", "董事局主席"),
        ("陈立华", "科学技术部", "党组成员、副部长"),
    }


def test_a_school_of_a_university_is_its_unit_where_nothing_else_names_the_university():
    article = run("清源大学能源研究院院长许梦华表示支持。", [("清源大学能源研究院", "ORG"), ("许梦华", "PERSON")])
    assert relations(article, "SUBSIDIARY_OF") == {("清源大学能源研究院", "清源大学", None)}
