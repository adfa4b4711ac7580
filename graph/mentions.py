"""Which candidate mentions become mentions: the model's, the alias table's, the lexicon's and
the rules' spans compete here, and spans that are not names (generic kinds, verbs, stray tails,
places used as places) are dropped. One pipeline stage chooses (``select_mentions``), one adds
names listed between organizations (``find_list_members``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.rules import branch_patterns, only_generic_words, patterns, surname_length, word_lists
from guanxi.graph.schema import ENTITY_TYPES
from guanxi.graph.spans import Range, SpanIndex
from guanxi.graph.word_lexicon import SHORT_WORD, function_words, plain_words, short_words

NAME_DOTS = "·•"  # join the parts of a name
LIST_SEPARATOR = "、"
LATIN_FULL_NAME = re.compile(r"^[A-Z][a-z]+(?: ?[A-Z][a-z]+)+$")  # a one-word Latin "person" is mostly a term
# which finder wins between overlapping spans of one length; a fallback rule that is still there ranks as a rule
PRIORITY = {Finder.RULE: 4, Finder.FALLBACK: 4, Finder.DICT: 3, Finder.LEXICON: 2, Finder.NER: 1}


def is_generic_org(name: str) -> bool:
    """True for a mention such as 商业银行, 韩国财团 or 人工智能公司: a kind of organization, not a
    name; also a place on its own (澳大利亚), 'the departments in charge' and a legal form alone (控股)."""
    words = word_lists()
    if (
        name in words.generic_orgs
        or name in words.generic_kinds
        or name in words.places
        or name.endswith(words.generic_org_endings)
        or LEGAL_WORDS_ONLY.fullmatch(name)
    ):
        return True
    # the tuple tests run in C and say no for most names before a word is looked for
    if name.endswith(words.company_words):
        kind = next(k for k in words.company_words if name.endswith(k))
        if only_generic_words(name[: -len(kind)], words):
            return True  # 人工智能公司, VR硬件公司
    if name.startswith(words.places):
        place = next(p for p in words.places if name.startswith(p))
        rest = name[len(place) :].lstrip(words.after_place)
        return rest == "" or rest in words.generic_kinds  # 浙江省: a place; 韩国财团: a kind
    return False


# words of a legal form and nothing else (控股 of 公司控股子公司): no name
LEGAL_WORDS_ONLY = re.compile(r"(?:控股|集团|股份|全资|有限|责任|公司|子公司)+")


def extend_org(m: Mention, text: str) -> Mention:
    """An ORG span directly followed by an organization suffix (浪潮 + 集团), the rest of a registered
    partnership's name (苏州瑞丰 + 创业投资合伙企业（有限合伙）) or, for a bank or a company, by one of its
    branches (招商银行 + 广州分行, 华夏银行 + 信用卡中心) is extended over it; the branch's parent comes
    back as a relation (compound rules)."""
    suffixes = word_lists().org_suffixes
    end = m.end
    if not m.text.endswith("公司") and (partnership := PARTNERSHIP.match(text, end)):  # 苏州瑞丰 + 创业投资…
        end = partnership.end()
    for _ in range(2):  # 赣州稀土 + 集团 + 有限公司; nothing after a company's full name (X咨询公司 + 银行)
        suffix = next((s for s in suffixes if text.startswith(s, end)), "")
        after = end + len(suffix)
        if suffix and not text[m.start : end].endswith("公司") and not COMPANY_WORD_GOES_ON.match(text, after):
            end = after
    unit = next((p for ending, p in branch_patterns() if text[m.start : end].endswith(ending)), None)
    branch = unit.match(text, end) if unit else None
    if branch and not any(w in branch.group() for w in word_lists().not_in_org_names):
        end = branch.end()
    if end == m.end:
        return m
    return replace(m, end=end, text=text[m.start : end])


# the rest of a registered partnership's name after what the model found: its trade, 合伙企业（有限合伙）
PARTNERSHIP = re.compile(
    r"(?:(?:创业投资|股权投资|产业投资|投资管理|投资|基金|创投|资本|科技|管理){0,3}合伙企业)?[（(]有限合伙[）)]"
)


Filter = Callable[[list[Mention], Article], list[Mention]]


def select_mentions(article: Article) -> Article:
    """Pipeline stage: the finders' candidate spans pass ``FILTERS`` in order, one overlap resolver
    picks among those that overlap (``resolve_overlaps``), and ``AFTER_RESOLVING`` splits and
    retypes what it kept. Each filter reads the article's text and the finders' own spans."""
    mentions = list(article.mentions)
    for step in (*FILTERS, resolve_overlaps, *AFTER_RESOLVING):
        mentions = step(mentions, article)
    kept = SpanIndex(mentions)
    article.refused = [m for m in article.mentions if not kept.any_overlapping(m)]
    article.mentions = sorted(mentions, key=lambda m: m.start)
    return article


def is_model_org(m: Mention) -> bool:
    return m.label == "ORG" and m.finder is Finder.NER


def is_model_person(m: Mention) -> bool:
    return m.label == "PERSON" and m.finder is Finder.NER


def known_orgs(article: Article) -> list[Mention]:
    """The organizations the alias table and the lexicon found: names, not guesses."""
    return [m for m in article.mentions if m.label == "ORG" and m.finder in (Finder.DICT, Finder.LEXICON)]


def keep_scored_types(mentions: list[Mention], article: Article) -> list[Mention]:
    """Only the entity types of the schema (the model also finds places)."""
    return [m for m in mentions if m.label in ENTITY_TYPES]


def strip_stray_marks_of_model_spans(mentions: list[Mention], article: Article) -> list[Mention]:
    return [strip_stray_marks(take_opening_mark(m, article.text)) if m.finder is Finder.NER else m for m in mentions]


def take_opening_mark(m: Mention, text: str) -> Mention:
    """伏羲”创新实验室 -> “伏羲”创新实验室: a model span that starts inside a quoted name takes the
    opening mark right before it, where the span holds the closing one and goes on after it."""
    if m.start == 0 or text[m.start - 1] not in OPENING:
        return m
    opening = text[m.start - 1]
    closing = CLOSING[OPENING.index(opening)]
    at = m.text.find(closing)
    if at == -1 or not m.text[at + 1 : at + 2].isalnum() or opening in m.text[:at]:
        return m
    return replace(m, start=m.start - 1, text=text[m.start - 1 : m.end])


ORG_HEADS = re.compile(
    r"^(?:其|该)?(?:控股股东|第一大股东|大股东|老股东|新股东|股东|母公司|全资子公司|控股子公司|子公司|下属公司|旗下公司|"
    r"下属企业|旗下企业|下属|旗下|新设公司|新公司|公司|投资方|领投方|跟投方|(?:上市|融资|投资|运营|整合)?平台|"
    r"合作企业|合作伙伴|合作方|合资方|关联方|关联公司|关联企业|行业龙头|龙头企业|(?:大型)?央企|国企|民企|(?:老)?东家|(?:竞争)?对手|同行)"
)


def trim_model_org_heads(mentions: list[Mention], article: Article) -> list[Mention]:
    """What a model ORG span took from before the name: a role (控股股东X集团), a verb (约谈, 近日入股),
    or 联合 and 会同 where a known name starts after them (联合国家开发银行南岭省分行; not 联合利华). A
    session (十三届…) or a country before a company stays: public NER sets count them in the name."""
    out, known = [], {o.start for o in known_orgs(article)}
    for m in mentions:
        if is_model_org(m):
            head = ORG_HEADS.match(m.text) or LEADING_PREPOSITION.match(m.text) or LEADING_VERB.match(m.text)
            if joining := JOINING_VERB.match(m.text):  # 联合 + 国家开发银行…: a known name starts after it
                head = joining if m.start + joining.end() in known else head
            cut = head.end() if head else 0
            tenure = TENURE.match(m.text)
            if (cut and len(m.text) - cut >= 3) or (tenure and len(m.text) - tenure.end() >= 2):
                cut = cut or tenure.end()
                m = replace(m, start=m.start + cut, text=m.text[cut:])
            if (tail := TENURE_AFTER.search(m.text)) and tail.start() >= 2:  # 北辰科技现任 + 总裁
                m = replace(m, end=m.start + tail.start(), text=m.text[: tail.start()])
        out.append(m)
    return out


JOINING_VERB = re.compile(r"^(?:已|将|还)?(?:联合|会同|协同)")
# 时任公司董事长: what follows is the company (公司 stands for it); 北辰科技现任总裁: what is before it
TENURE_WORDS = "时任|现任|原任|曾任|前任"
TENURE = re.compile(rf"^(?:{TENURE_WORDS})")
TENURE_AFTER = re.compile(rf"(?:{TENURE_WORDS})$")


LEADING_PREPOSITION = re.compile(r"^(?:由|被|把|据)")  # 由清华大学心理学系, 据北辰研究院: the name starts after it
# what one body does to another, taken into the other's name by the model: 约谈 + 星链外卖平台有限公司
LEADING_VERB = re.compile(
    r"^(?:近日|日前|今日|此前|已|拟|将)?(?:约谈|处罚|起诉|控告|调查|收购|并购|入股|参股|增资|注资|携手|联手|牵手|走访|拜访|考察|调研)"
)

UNIT_TAIL = re.compile(r"(?:(?:全资|控股)(?:子公司|孙公司)|下属公司|旗下公司|下属企业|旗下企业)$")  # not 电子公司
COPULA_TAIL = re.compile(r"(?:仍|将|已|也)?(?:为|是|系|成为)(?:公司|该公司|其)$")  # 海棠生物制药 + 仍为公司
AFTER_REGISTERED = re.compile(r"(?:股份有限公司|有限责任公司|有限公司)(?P<copula>系|是|为|与|和|及)")


def trim_model_org_descriptions(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that goes on past a registered name over a copula or a joiner
    (南湖电子有限公司系北辰集团) is the two names around it; one that ends in a word for a unit
    (北辰集团全资子公司) or in a copula and 公司 (海棠生物制药仍为公司 + 控股子公司) is the name before that word."""
    out = []
    for m in mentions:
        if not is_model_org(m):
            out.append(m)
            continue
        for ending in (UNIT_TAIL, COPULA_TAIL):
            if tail := ending.search(m.text, 2):
                m = replace(m, end=m.start + tail.start(), text=m.text[: tail.start()])
        joined = AFTER_REGISTERED.search(m.text)
        if joined and len(m.text) - joined.end() >= 2:
            out.append(replace(m, end=m.start + joined.start("copula"), text=m.text[: joined.start("copula")]))
            m = replace(m, start=m.start + joined.end(), text=m.text[joined.end() :])
        out.append(m)
    return out


OWNER_ROLES = ("控股股东", "第一大股东", "实际控制人", "母公司")


@cache
def inner_role() -> re.Pattern:
    """A role between two names: an owner's (控股股东) or a unit lead (旗下子公司, the longest first)."""
    roles = sorted((*OWNER_ROLES, *word_lists().unit_leads), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, roles)) + ")的?")


def split_model_orgs_at_roles(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that runs over a role into a second name (北辰汽车控股股东北辰控股集团有限公司)
    is the two names on either side of it."""
    endings = word_lists().org_name_endings
    out = []
    for m in mentions:
        role = inner_role().search(m.text, 2) if is_model_org(m) else None
        tail = m.text[role.end() :] if role else ""
        if not (role and len(tail) >= 4 and tail.endswith(endings)):
            out.append(m)
            continue
        out.append(replace(m, end=m.start + role.start(), text=m.text[: role.start()]))
        out.append(replace(m, start=m.start + role.end(), text=tail))
    return out


def cut_model_orgs_at_deal_verbs(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that runs on into what the organization does (南岭港务 + 合资设立新公司) is
    the name before the verb; none where that is a verb too (龙头企业牵头 + 组建…中心: 牵头)."""
    out = []
    for m in mentions:
        verb = DEAL_VERB_INSIDE.search(m.text, 2) if is_model_org(m) else None
        if verb and is_chinese(m.text[0]) and not COUNTED_HEAD.match(m.text):
            m = replace(m, end=m.start + verb.start(), text=m.text[: verb.start()])
            if m.text in function_words():
                continue
        out.append(m)
    return out


def cut_model_orgs_before_together_with(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that took the 会 of 会同 (together with: 市发展改革委会同市财政局) ends
    before it; a body whose name ends in 委会 keeps it (管委会同市政府…, 常委会同意, 村委会同时)."""
    out = []
    for m in mentions:
        whole = m.text.endswith(COMMITTEES)
        if is_model_org(m) and m.text.endswith("委会") and not whole and TOGETHER_WITH.match(article.text, m.end):
            m = replace(m, end=m.end - 1, text=m.text[:-1])
        out.append(m)
    return out


TOGETHER_WITH = re.compile(r"同(?![意时样等步期类比年行业学事])")
COMMITTEES = ("管委会", "常委会", "村委会", "居委会", "党委会", "业委会")  # names that end in 委会


DEAL_VERB_INSIDE = re.compile(r"(?:分别|共同|联合|拟|将|已)?(?:合资|出资|共同|联合)?(?:设立|成立|组建|签署|签订)|共建")
# a count or a date before the verb is no name (三期分别出资设立…, 2020年新设立…); 首钢, 三一 are
COUNTED_HEAD = re.compile(r"[\d一二三四五六七八九十两几多数]+[期批个家届轮年]")


REGION_WORDS = ("大中华区", "亚太区", "中国区", "全球", "亚太", "海外")  # before a title they are part of it


def cut_model_orgs_before_titles(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that ends inside a title (北辰科技亚太区执行 + 总裁) is the name before the
    title, and a region word before the title goes with it (亚太区执行总裁)."""
    titles = word_lists().titles
    text, out = article.text, []
    for m in mentions:
        cut = title_start_inside(m, text, titles) if is_model_org(m) else None
        if cut is not None:
            head = m.text[:cut]
            region = next((r for r in REGION_WORDS if head.endswith(r) and len(head) - len(r) >= 2), "")
            cut -= len(region)
            if cut < 2:
                continue
            m = replace(m, end=m.start + cut, text=m.text[:cut])
        out.append(m)
    return out


def title_start_inside(m: Mention, text: str, titles: tuple[str, ...]) -> int | None:
    """Where in ``m`` a title begins that ends after it, if one does: at least two characters of
    it inside (one, as in 市 + 长, is too often a place's own name), or one that doubles the body's
    last character (农业农村厅厅 + 长, 南湖局局 + 长)."""
    for title in titles:
        for k in range(1, len(title)):
            inside = m.text.endswith(title[:k]) and text.startswith(title[k:], m.end)
            if inside and (k >= 2 or m.text[-2:] == title[0] * 2):
                return len(m.text) - k
    return None


JOINT_VERBS = ("联合", "携手", "联手", "牵手", "会同")  # verbs of joint action between two names
JOINERS = (*JOINT_VERBS, "与", "和", "及", "同")  # a model span that holds one joined two names


def split_model_orgs_at_joiners(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that runs from one name over a joining word into a known name
    (北辰移动联合华为技术有限公司) keeps only what is before the joiner; the known name is found
    on its own. Nothing is kept where that is under two characters (联合华为技术有限公司)."""
    known_by_end: dict[int, list[Mention]] = {}
    for o in known_orgs(article):
        known_by_end.setdefault(o.end, []).append(o)
    out = []
    for m in mentions:
        ending_here = known_by_end.get(m.end) if is_model_org(m) else None
        inside = [o for o in ending_here if o.start > m.start] if ending_here else None
        head = m.text[: inside[0].start - m.start] if inside else ""
        joiner = next((j for j in JOINERS if head.endswith(j)), None)
        if joiner is None:
            out.append(m)
        elif len(head) - len(joiner) >= 2:
            cut = len(head) - len(joiner)
            out.append(replace(m, end=m.start + cut, text=m.text[:cut]))
    return out


def split_model_orgs_at_adverb_joiners(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span holding an adverb and a joiner (北辰科技正与南岭集团, X已与Y, X将联合Y) is a
    clause, not a name: no name has 正与 or 已与 inside. Each side of at least two characters
    that is not only generic words (投资银行) is kept as a name of its own."""
    out = []
    for m in mentions:
        cut = ADVERB_JOINER.search(m.text) if is_model_org(m) else None
        if cut is None:
            out.append(m)
            continue
        for start, end in ((0, cut.start()), (cut.end(), len(m.text))):
            if end - start >= 2 and not is_generic_org(m.text[start:end]):
                out.append(replace(m, start=m.start + start, end=m.start + end, text=m.text[start:end]))
    return out


def split_model_orgs_joining_two_bodies(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG span that is two organizations joined by a verb of joint action (市政务服务局联合
    市通信管理局, X会同Y): both sides end like an organization, so the span is the two of them."""
    endings, out = word_lists().org_name_endings, []
    for m in mentions:
        cut = BODY_JOINER.search(m.text, 2) if is_model_org(m) else None
        left, right = (m.text[: cut.start()], m.text[cut.end() :]) if cut else ("", "")
        if cut and two_bodies(left, right, endings):
            out.append(replace(m, end=m.start + cut.start(), text=left))
            out.append(replace(m, start=m.start + cut.end(), text=right))
        else:
            out.append(m)
    return out


def two_bodies(left: str, right: str, endings: tuple[str, ...]) -> bool:
    """Both sides end like an organization and say which one: not 中国 of 中国联合航空, not the
    trade-only 投资股份有限公司 of 中房集团联合投资股份有限公司."""
    words = word_lists()
    return (
        len(left) >= 3
        and len(right) >= 3
        and left.endswith(endings)
        and right.endswith(endings)
        and not is_generic_org(right)
        and not names_only_a_trade(right, words)
    )


BODY_JOINER = re.compile("|".join(JOINT_VERBS))
ADVERB_JOINER = re.compile(
    rf"(?:正|已|已经|将|曾|还|也|拟|再次|均|分别|先后|同时|正在|即将)(?:与|和|同|{'|'.join(JOINT_VERBS)})"
)


def extend_orgs(mentions: list[Mention], article: Article) -> list[Mention]:
    return [extend_org(m, article.text) if m.label == "ORG" else m for m in mentions]


def extend_bodies_over_departments(mentions: list[Mention], article: Article) -> list[Mention]:
    """A government body directly followed by one of its departments names the department, whole
    (国务院国资委 + 科技创新局, 国家发展改革委 + 创新和高技术发展司): the body's name is extended over
    the department's (``patterns().department``: a unit word, then a title, a clause verb or a
    boundary), unless another organization starts inside it (财政部会同税务总局 is two bodies)."""
    department, text = patterns().department, article.text
    starts = sorted(m.start for m in mentions if m.label == "ORG")
    out = []
    for m in mentions:
        after = department.match(text, m.end) if m.label == "ORG" and m.text.endswith(GOVERNMENT_BODY_ENDINGS) else None
        if after and not any(m.end <= s < after.end() for s in starts):
            m = replace(m, end=after.end(), text=text[m.start : after.end()])
        out.append(m)
    return out


GOVERNMENT_BODY_ENDINGS = ("部", "委", "委员会", "局", "署", "总局")
LOCAL_LEVELS = "省市区县州"  # the levels a local government body may be named by alone (省工信厅, 州发改委)
LOCAL_BODY_ENDINGS = (*GOVERNMENT_BODY_ENDINGS, "厅", "办", "人民政府")


def drop_generic_orgs(mentions: list[Mention], article: Article) -> list[Mention]:
    """Kinds of organization and places (``is_generic_org``); a name of the alias table stays, and so
    does a place that stands for its government (``Mention.elided``: 上海市 + 副市长)."""
    return [
        m
        for m in mentions
        if not (m.label == "ORG" and m.finder is not Finder.DICT and not m.elided and is_generic_org(m.text))
    ]


UNIT_LEAD = re.compile(r"(?:（[^（）]{1,30}）)?(?:旗下|下属)的?(?:全资|控股)?(?:子公司)?")
UNIT_REST = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{2,4}?(?=[（(，。；、：]|与|和|及|于|在|将|已|也|还|联合|共同|发布|推出|上线|正式|是|为)"
)


def find_units_named_after_parents(mentions: list[Mention], article: Article) -> list[Mention]:
    """X旗下的X有道, X公司旗下的X全球开店: after 旗下 or 下属, a name that starts with its parent's
    (without its legal suffix) and goes on for two to four characters to a clause's next word is the
    unit's name, which the model rarely finds whole."""
    from guanxi.graph.aliases import strip_legal_suffix

    text, found = article.text, []
    for m in mentions:
        lead = UNIT_LEAD.match(text, m.end) if m.label == "ORG" else None
        short = strip_legal_suffix(m.text)
        if lead and len(short) >= 2 and text.startswith(short, lead.end()):
            rest = UNIT_REST.match(text, lead.end() + len(short))
            if rest:
                start, end = lead.end(), rest.end()
                unit = Mention(m.doc_id, start, end, text[start:end], "ORG", Finder.RULE, "org.unit-named-after-parent")
                found.append(unit)
    return mentions + found


CLAUSE_OPENERS = "，。；：！？、“”（）()\n 　"
NOT_IN_NAME_HEADS = "的与和及在将对由被为是了从把等并或其该此这"


def names_only_a_trade(name: str, words) -> bool:
    """True for 教育集团 or 大药房连锁股份有限公司: a legal suffix after nothing but trade words."""
    core = name
    while core.endswith(words.legal_suffixes):
        core = core[: -len(next(s for s in words.legal_suffixes if core.endswith(s)))]
    if core == name or not core:
        return False
    while core.startswith(words.trade_words):
        core = core[len(next(w for w in words.trade_words if core.startswith(w))) :]
    return core == ""


def extend_trade_orgs_to_clause_start(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG that names only a trade (教育集团) just after the start of a clause lost the
    distinctive part of its name to the model, which reads common words (好未来, 老百姓) as text: it
    is extended back to the clause start, or to the word for what the company is (自动驾驶公司 +
    驰骋未来科技有限公司), when that is two to four characters away."""
    words, text, out = word_lists(), article.text, []
    opens = lambda k: k == 0 or text[k - 1] in CLAUSE_OPENERS or text.endswith(DESCRIBED_AS, 0, k)  # noqa: E731
    for m in mentions:
        if is_model_org(m) and names_only_a_trade(m.text, words):
            start = m.start
            while start > 0 and m.start - start < 5 and not opens(start):
                start -= 1
            head = text[start : m.start]
            at_clause_start = opens(start)
            if at_clause_start and 2 <= len(head) <= 4 and is_chinese(head) and not set(head) & set(NOT_IN_NAME_HEADS):
                m = replace(m, start=start, text=text[start : m.end])
        out.append(m)
    return out


DESCRIBED_AS = ("公司", "企业", "机构", "厂商", "巨头", "龙头")  # 自动驾驶公司 + the company's name


HEADLINE_GAP = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")


def drop_model_orgs_over_a_headline_gap(mentions: list[Mention], article: Article) -> list[Mention]:
    """启航 海洋联盟: a model ORG across the space that splits a headline's two halves is no name."""
    return [m for m in mentions if not (is_model_org(m) and HEADLINE_GAP.search(m.text))]


def drop_model_orgs_of_generic_words(mentions: list[Mention], article: Article) -> list[Mention]:
    """七大, 数字: generic words the model took for a name."""
    words = word_lists()
    return [m for m in mentions if not (is_model_org(m) and only_generic_words(m.text, words))]


def drop_model_districts(mentions: list[Mention], article: Article) -> list[Mention]:
    """闵行区: a place the model took for an organization."""
    return [m for m in mentions if not (is_model_org(m) and patterns().district.match(m.text))]


def cut_model_orgs_after_known_units(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG that starts with another finder's organization, then a word like 旗下, is
    what follows (``rest_after``)."""
    found = SpanIndex(o for o in article.mentions if o.label == "ORG" and o.finder is not Finder.NER)
    return [cut_after_known_unit(m, article, found) if is_model_org(m) else m for m in mentions]


def cut_after_known_unit(m: Mention, article: Article, found: SpanIndex) -> Mention:
    anchors = [o for o in found.overlapping(m) if o.start == m.start and o.end < m.end]
    return rest_after(m, anchors, article.text, leads_only=True) or m


def drop_implausible_model_orgs(mentions: list[Mention], article: Article) -> list[Mention]:
    known = SpanIndex(known_orgs(article))
    return [
        m
        for m in mentions
        if not is_model_org(m) or plausible_org_span(trade_as_noun(m, article.text), known.overlapping(m))
    ]


def trade_as_noun(m: Mention, text: str) -> Mention:
    """汇石投资 before 合伙人 (a title), 、 or a clause verb: 投资 ends the name as a trade, so the
    name is judged without it (a verb in a name is what makes it implausible)."""
    words = word_lists()
    if not m.text.endswith("投资") or len(m.text) < 4:
        return m
    if text.startswith(words.titles, m.end) or text[m.end : m.end + 1] in TRADE_NAME_ENDS:
        return replace(m, end=m.end - 2, text=m.text[:-2])
    return m


def retype_model_platforms(mentions: list[Mention], article: Article) -> list[Mention]:
    """A platform being built is a PROJECT (schema)."""
    return [
        replace(m, label="PROJECT") if is_model_org(m) and m.text.endswith(word_lists().platform) else m
        for m in mentions
    ]


def strip_dots_of_model_persons(mentions: list[Mention], article: Article) -> list[Mention]:
    return [strip_name_dots(m) if is_model_person(m) else m for m in mentions]


def is_too_short(m: Mention, article: Article) -> bool:
    return len(m.text) < 2


def is_place_used_as_place(m: Mention, article: Article) -> bool:
    """郑州· or 郑州市, not the professor 沈阳."""
    words, after = word_lists(), article.text[m.end : m.end + 1]
    return m.text in words.places and (after in words.place_marks or after == "")


def is_an_honorific(m: Mention, article: Article) -> bool:
    """阁下 of 总统阁下: a form of address."""
    return m.text in HONORIFICS


HONORIFICS = ("阁下", "殿下", "陛下")


def ends_like_a_place(m: Mention, article: Article) -> bool:
    """喇嘛寺, 西湖岛: three characters or more ending in what names a place, never a given name."""
    return len(m.text) >= 3 and m.text.endswith(PLACE_ENDINGS)


PLACE_ENDINGS = ("寺", "庙", "湖", "岛", "港", "湾", "殿", "馆", "镇")  # not 塔: 达哥斯塔


def is_a_country(m: Mention, article: Article) -> bool:
    """扎伊尔 of 扎伊尔总统, 马拉维 of 马拉维湖: a country's name is no person's."""
    return m.text in word_lists().world_countries


def is_ethnic_group(m: Mention, article: Article) -> bool:
    """（土家族）, （维吾尔族）: the ethnic group in brackets after a name in a roster."""
    ends_group = m.text.endswith("族") or article.text.startswith("族", m.end)
    return ends_group and article.text[m.start - 1 : m.start] in ("（", "(")


def is_latin_mixed_with_chinese(m: Mention, article: Article) -> bool:
    """TrendForce集邦."""
    return not m.text.isascii() and any(c.isascii() and c.isalpha() for c in m.text)


def is_anonymized(m: Mention, article: Article) -> bool:
    """江女士, 王某, 陈大爷, 曹医生: a surname with a form of address is not a named person."""
    return bool(patterns().anonymized_person.match(m.text))


def is_one_latin_word(m: Mention, article: Article) -> bool:
    """Metaverse: a term, where a Latin person has a full name; unless a word for a person comes
    right before it (选手Sky, 玩家Moon, 创始人Eric): players and posters go by one name."""
    return (
        m.text.isascii()
        and not LATIN_FULL_NAME.match(m.text)
        and not article.text.endswith(PERSON_NOUNS, max(0, m.start - 4), m.start)
    )


PERSON_NOUNS = (
    "选手",
    "玩家",
    "队员",
    "主播",
    "解说",
    "教练",
    "导演",
    "演员",
    "歌手",
    "作者",
    "网友",
    "球员",
    "创始人",
)


def holds_known_org(m: Mention, known: SpanIndex) -> bool:
    """比纳斯达克 (``known``: the organizations of ``known_orgs``); not a surname and a short name
    that are a given name too (金紫光)."""
    return any(
        m.start <= o.start and o.end <= m.end and not is_surname_and_given_name(m, o) for o in known.overlapping(m)
    )


def is_surname_and_given_name(person: Mention, org: Mention) -> bool:
    return (
        person.end - person.start == 3
        and org.start == person.start + 1
        and org.end == person.end
        and surname_length(person.text, 0, word_lists()) == 1
        and person.text[0] not in PREPOSITION_SURNAMES  # 向华为采购, 于华为任职
    )


PREPOSITION_SURNAMES = frozenset("向于和与及从在对为将把被同")


def holds_a_quote_mark(m: Mention, article: Article) -> bool:
    """马士基赫伯罗特“双子星: a headline run the model read as a name; no name holds a quote mark."""
    return any(c in m.text for c in '“”‘’《》「」"')


NOT_A_PERSON = (
    is_too_short,
    holds_a_quote_mark,
    is_place_used_as_place,
    is_a_country,
    is_an_honorific,
    ends_like_a_place,
    is_ethnic_group,
    is_latin_mixed_with_chinese,
    is_anonymized,
    is_one_latin_word,
)


# a legal form closing a Latin name: after a space or a lower-case letter (EastbayPowerLtd), in
# either case where it is all capitals (CO., LTD.); Co only after another word (Xyz Co, not a bare Co)
LATIN_LEGAL_FORM = re.compile(
    r"(?:(?<![A-Za-z])|(?<=[a-z]))(?:Ltd|Limited|Inc|Incorporated|Corp|Corporation|LLC|LLP|GmbH|AG|plc|PLC|SA|NV|BV|"
    r"Holdings?|Group|LTD|LIMITED|INC|CORP|CORPORATION|HOLDINGS?|GROUP|S\.A|N\.V|B\.V)\.?$"
    r"|(?<=\w)[ ,.]+(?:Co|CO)\.?$"
)


PERSON_BEFORE_COMPANY_WORD = re.compile(
    r"(?P<joined>股份|集团|证券|资本|创投|药业)(?![的了])|(?P<brand>品牌|商标)|股价"
)


def retype_persons_before_company_words(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model 'person' right before what only a company has is the company: 金隅 + 股份 is
    金隅股份, 唐钢 before 股价 is a company; one before 品牌 or 商标 is a brand, which the schema
    does not score (美宝莲品牌). Not 控股 or 公司, which follow people too (李书福控股的吉利)."""
    out = []
    for m in mentions:
        named = is_model_person(m) and is_chinese(m.text)
        after = PERSON_BEFORE_COMPANY_WORD.match(article.text, m.end) if named else None
        if after and after.group("brand"):
            continue
        if after:
            end = after.end("joined") if after.group("joined") else m.end
            m = replace(m, end=end, text=article.text[m.start : end], label="ORG")
        out.append(m)
    return out


def trim_leading_joiners(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model span that starts with a joiner after a name took the list's word: 润迅数据和万国 is
    润迅数据 and 万国. For a 'person', any word before the joiner will do (和 is a rare surname);
    an organization needs another mention to end there (收购和记黄埔 keeps its 和)."""
    ends, text = {m.end for m in mentions}, article.text
    return [
        replace(m, start=m.start + 1, text=m.text[1:])
        if m.finder is Finder.NER
        and len(m.text) > 2
        and m.text[0] in LIST_JOINER_CHARS
        and (m.start in ends or (m.label == "PERSON" and m.start > 0 and is_chinese(text[m.start - 1])))
        else m
        for m in mentions
    ]


LIST_JOINER_CHARS = frozenset("和与及、")


def retype_places_ending_in_trades(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model 'place' whose own span ends in a trade (北辰 + 智能, 南岭 + 微电子; not what places
    undertake: 工程, 发展, 投资…) is a company: no place is named so. Not a known place (浙江能源 may
    be the province's energy) or a country, and not where the words before the trade only say what
    kind of thing it is (新能源汽车)."""
    words, out = word_lists(), []
    for m in mentions:
        if m.finder is Finder.NER and m.label == "LOCATION" and is_chinese(m.text) and not known_place(m.text, words):
            trade = next((w for w in place_name_trades() if m.text.endswith(w)), "")
            head = m.text[: -len(trade)] if trade else ""
            if len(head) >= 2 and not only_generic_words(head, words):
                m = replace(m, label="ORG", finder=Finder.RULE, rule="org.place-trade-name")
        out.append(m)
    return out


@cache
def place_name_trades() -> tuple[str, ...]:
    """Trades, longest first, less what places undertake (三峡 + 工程, 浙江 + 发展) and the trades of
    places people go to (狮林 + 大酒店, 物美 + 超市: the model's place may be the venue)."""
    trades = (w for w in word_lists().trade_words if len(w) > 1 and w not in PLACE_UNDERTAKINGS + VENUE_TRADES)
    return tuple(sorted(trades, key=len, reverse=True))


VENUE_TRADES = (
    "酒店",
    "超市",
    "百货",
    "大药房",
    "药房",
    "药店",
    "购物中心",
    "零售",
    "连锁",
    "旅游",
    "文化",
    "体育",
    "娱乐",
    "餐饮",
    "家居",
    "国际",
    "物业",
    "出版",
    "服饰",
    "游戏",
)


def known_place(name: str, words) -> bool:
    return name.startswith(words.places) or name in words.world_countries


def retype_names_before_trades(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model 'person' or unknown 'place' right before a trade word that ends a name (青松 + 投资
    before 与, 南岭 + 汽车 before 、) is a company named by its trade: 青松投资, 南岭汽车. Not a known
    place (浙江 + 能源 may be the province's energy), and, for a trade that is also a verb or an
    ordinary word (``open_trades``: 投资, 旅游), only where a name can end after it, which is what
    makes 投资 a noun here: the span counts as a rule's. A place needs a trade that is no
    undertaking of places (三峡 + 工程) and, after it, a list's joiner, or, for a trade only
    companies have, 的, 是 or a clause's end (南岭科技的控股股东), or a deal's verb before it
    (收购南岭 + 科技, not 张江科技 + 园). An unknown place before what only a company's name ends
    in (``COMPANY_ONLY``: 北辰 + 资本, 东湖 + 创投) is one wherever it stands, unless a market or a
    sector goes on (资本市场, 证券业). Never a country of the world list."""
    return retyped_by_what_follows(mentions, article, trade_name_end, "ORG", "org.trade-name")


def drop_known_names_crossing_people(mentions: list[Mention], article: Article) -> list[Mention]:
    """A name of the alias table or the lexicon that crosses a person whom the model and a rule
    both found, exactly there, is a coincidence of characters: 聘任郑华为公司总经理 names 郑华, not
    华为公司."""
    model_people = {(m.start, m.end) for m in mentions if m.label == "PERSON" and m.finder is Finder.NER}
    confirmed = SpanIndex(
        m for m in mentions if m.label == "PERSON" and m.finder is Finder.RULE and (m.start, m.end) in model_people
    )
    return [
        m
        for m in mentions
        if m.finder not in (Finder.DICT, Finder.LEXICON) or not any(crosses(m, p) for p in confirmed.overlapping(m))
    ]


def drop_known_names_across_words(mentions: list[Mention], article: Article) -> list[Mention]:
    """A short name of the alias table or the lexicon whose first character ends an ordinary word
    and whose last begins one (本田 in 日本田径, 民进 in 公民进而, 宝马 in 家宝马上) is two halves of
    other words, not the name: a word of jieba's dictionary crosses each of its ends; so is one whose
    first character ends a place's name (京东方 in 北京东方君悦). Not a name
    that ends like a body (国防部 in 美国防部长, 上交所 in 通过上交所交易): its ending says it is one."""
    text, out, endings = article.text, [], word_lists().org_name_endings
    for m in mentions:
        known = m.finder in (Finder.DICT, Finder.LEXICON) and len(m.text) <= KNOWN_NAME_SHORT
        if known and not m.text.endswith(endings) and (straddles(text, m) or starts_inside_a_place(text, m)):
            continue
        out.append(m)
    return out


def starts_inside_a_place(text: str, m: Mention) -> bool:
    """京东方 in 北京东方: the name's first character ends a province's or a city's name."""
    return any(text.startswith(p, m.start + 1 - len(p)) for p in word_lists().places if 1 < len(p) <= m.start + 1)


def straddles(text: str, m: Mention) -> bool:
    """Whether a word of ``short_words`` ends at ``m``'s first character and another starts at its last."""
    words, sizes = short_words(), range(SHORT_WORD[0], SHORT_WORD[1] + 1)
    before = any(text[m.start + 1 - k : m.start + 1] in words for k in sizes if m.start + 1 - k >= 0)
    return before and any(text[m.end - 1 : m.end - 1 + k] in words for k in sizes if m.end - 1 + k <= len(text))


KNOWN_NAME_SHORT = 3  # the longest known name checked for straddling two words


def crosses(a: Mention, b: Mention) -> bool:
    """True where each span holds a part of the other and neither holds the other whole."""
    return a.start < b.start < a.end < b.end or b.start < a.start < b.end < a.end


def retype_names_before_platforms(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model 'person' or unknown 'place' followed by words that only say what field it serves and
    by a platform's kind (汉云 + 工业互联网 + 平台, 星河 + 大模型) names that platform or model: a
    PROJECT (schema), the whole span a rule's. Not where a known organization starts the name
    (谷歌 of 谷歌安卓系统: a company's product)."""
    orgs = SpanIndex(m for m in mentions if m.label == "ORG" and m.finder is not Finder.NER)
    return retyped_by_what_follows(
        mentions, article, platform_name_end, "PROJECT", "project.named-platform", lambda m: orgs.any_overlapping(m)
    )


def retyped_by_what_follows(mentions, article, end_of, label, rule, excluded=lambda m: False) -> list[Mention]:
    """Each model 'person' or unknown 'place' that ``may_be_named_by_trade`` and ``excluded`` does
    not rule out, where ``end_of`` finds the name going on over what follows it, made a ``label``
    mention of that whole span, found by ``rule``."""
    words, out = word_lists(), []
    for m in mentions:
        end = end_of(m, article.text, words) if may_be_named_by_trade(m, words) and not excluded(m) else None
        if end is not None:
            m = Mention(m.doc_id, m.start, end, article.text[m.start : end], label, Finder.RULE, rule)
        out.append(m)
    return out


def platform_name_end(m: Mention, text: str, words) -> int | None:
    """Where the platform named by ``m`` ends (see ``retype_names_before_platforms``), or None."""
    for k in range(m.end, min(len(text), m.end + PLATFORM_FIELD_LONGEST) + 1):
        kind = next((w for w in words.platform_kinds if text.startswith(w, k)), None)
        if kind is None:
            continue
        end = k + len(kind)
        field_words = text[m.end : k]
        # a platform or a system needs its field (汉云 + 工业互联网 + 平台; not 李明 + 系统阐述, 王强在 + 平台);
        # a model may come bare (星河 + 大模型)
        named = len(field_words) >= 2 and only_generic_words(field_words, words)
        if (named or not field_words and kind in MODEL_KINDS) and not NAME_GOES_ON.match(text, end):
            return end
        return None
    return None


def may_be_named_by_trade(m: Mention, words) -> bool:
    return (
        m.finder is Finder.NER
        and m.label in ("PERSON", "LOCATION")
        and 2 <= len(m.text) <= 4
        and is_chinese(m.text)
        and not (m.label == "LOCATION" and known_place(m.text, words))
    )


def trade_name_end(m: Mention, text: str, words) -> int | None:
    """Where the company named by ``m`` and the trade after it ends, or None (see
    ``retype_names_before_trades``)."""
    place = m.label == "LOCATION"
    if place and (company := COMPANY_ONLY.match(text, m.end)) and not COMPANY_WORD_GOES_ON.match(text, company.end()):
        return company.end()
    trade = max((w for w in words.trade_words if len(w) > 1 and text.startswith(w, m.end)), key=len, default="")
    end = m.end + len(trade)
    if (
        not trade
        or (place and trade in PLACE_UNDERTAKINGS)
        or text[end : end + 1] in TRADE_WORD_GOES_ON  # 地产 + 业: a sector, not a name
        or text[max(0, m.start - 6) : m.start].endswith(words.titles)  # 副秘书长陈志谈地产业…
    ):
        return None
    closed = trade not in words.open_trades  # 科技, 汽车: nothing else after a name
    ends = (PLACE_COMPANY_ENDS if closed else LISTED_NAME_ENDS) if place else TRADE_NAME_ENDS
    if (closed and (not place or place_company_in_place(text, m.start, end))) or end == len(text) or text[end] in ends:
        return end
    return end if text.startswith(words.after_name_words, end) else None


def place_company_in_place(text: str, start: int, end: int) -> bool:
    """Whether what is around a model place and a closed trade makes them a company: a deal that
    puts it there (收购 + 南岭科技), or what it announces (北辰科技 + 3日宣布)."""
    return put_by_a_deal(text, start, end) or bool(COMPANY_ANNOUNCES.match(text, end))


def put_by_a_deal(text: str, start: int, end: int) -> bool:
    """Whether a company's deal puts the name at ``start:end`` where it is (收购南岭 + 科技): a deal's
    word before it that is no part of another word (参与, 合同), and no more of a name after it
    (张江科技 + 园)."""
    lead = text[max(0, start - 2) : start]
    return (
        lead.endswith(DEAL_OBJECT_LEADS)
        and lead not in WORDS_ENDING_IN_LEADS
        and text[end : end + 1] not in PLACE_NAME_GOES_ON
    )


# what only a company's name ends in, so an unknown place before it names one wherever it stands
# (陆家嘴 + 集团, 北辰 + 资本 + 将); not a market or a sector (资本市场, 证券业)
COMPANY_ONLY = re.compile(r"(?:集团|控股)?(?:股份有限公司|有限责任公司|有限公司|公司)|集团|资本|创投|证券")
COMPANY_WORD_GOES_ON = re.compile(r"市场|运作|运营|结构|充足|[化业界金家法率]")
PLATFORM_FIELD_LONGEST = 8  # characters of field words between a platform's name and its kind
# after a platform's kind, what makes it part of a longer name: 平台公司, 系统集成, 系统工程部
NAME_GOES_ON = re.compile(r"公司|有限|集团|股份|科技|技术|集成|工程|负责|[部处局院所厂商地上]")
MODEL_KINDS = ("大模型", "语言模型")  # kinds that may follow a model's name with no field between
TRADE_NAME_ENDS = frozenset("、，。；：）)和与及等均都亦已将")  # 均, 都…: adverbs after a subject
TRADE_WORD_GOES_ON = frozenset("业界链化圈")  # 地产 + 业, 汽车 + 界: a sector, not a name
LISTED_NAME_ENDS = frozenset("、和与及等")  # a place and a trade end a sentence as 大陆投资 or 三峡工程 too
# after a place and a trade only companies have, what ends a company's name: 南岭科技的控股股东, 西江药业是
PLACE_COMPANY_ENDS = LISTED_NAME_ENDS | frozenset("的是，。；")
# after a place and a trade only companies have, a company announcing: 北辰科技 + 3日晚间发布公告, + 宣布
COMPANY_ANNOUNCES = re.compile(
    r"(?:(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日|今日|今天|昨日|昨天|近日|日前)?(?:晚间|早间|晚)?(?:发布|披露)?(?:公告|宣布|透露)"
)
PLACE_UNDERTAKINGS = ("工程", "建设", "发展", "投资", "服务", "管理", "产业")  # what a place does, not its companies
# what puts a company right after it: a deal's verb, or the joiner to the other side of one
DEAL_OBJECT_LEADS = ("收购", "并购", "持有", "入股", "参股", "控股", "增持", "减持", "与", "同")
WORDS_ENDING_IN_LEADS = frozenset(
    {"参与", "给与", "合同", "协同", "共同", "会同", "连同", "赞同", "认同", "相同", "不同"}
)
PLACE_NAME_GOES_ON = frozenset("园区城港市场馆店厂站院所部局中")  # 张江科技 + 园, 长三角医药 + 市场


def retype_latin_companies(mentions: list[Mention], article: Article) -> list[Mention]:
    """A Latin 'person' ending in a company's legal form (…International Ltd, … GmbH) is the company."""
    return [
        replace(m, label="ORG") if is_model_person(m) and m.text.isascii() and LATIN_LEGAL_FORM.search(m.text) else m
        for m in mentions
    ]


def drop_model_non_persons(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model PERSON for which any of ``NOT_A_PERSON`` holds, or that holds a known organization."""
    known = SpanIndex(known_orgs(article))
    return [
        m
        for m in mentions
        if not (is_model_person(m) and (any(test(m, article) for test in NOT_A_PERSON) or holds_known_org(m, known)))
    ]


def drop_named_products(mentions: list[Mention], article: Article) -> list[Mention]:
    """Teams of 协作工具Teams: a Latin ORG name right after a word for a product names a product."""
    nouns = word_lists().product_nouns
    return [
        m for m in mentions if not (m.label == "ORG" and m.text.isascii() and article.text.endswith(nouns, 0, m.start))
    ]


def drop_latin_terms_and_fragments(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model ORG that is a business term in Latin letters (IPO, KPI, PE, VIE, ST: ``latin_terms``)
    or a piece of a longer Latin word (TC of OTC, EA of EADS) names no organization."""
    terms, text = word_lists().latin_terms, article.text
    return [
        m
        for m in mentions
        if not (
            is_model_org(m)
            and m.text.isascii()
            and (m.text in terms or is_latin_letter(text, m.start - 1) or is_latin_letter(text, m.end))
        )
    ]


def is_latin_letter(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isascii() and text[i].isalpha()


def drop_agreements(mentions: list[Mention], article: Article) -> list[Mention]:
    """A 'project' named 协议 is a protocol (the schema's 跨链协议) only where the words right before
    协议 name a technology (``PROTOCOL_FIELD``: 跨链, 通信, 快充…) or it is quoted (“星河”协议); any
    other is a contract: 股权协议, 长期LNG购销协议, 供应链金融授信协议, PPP协议, 完成协议."""
    return [m for m in mentions if not (m.label == "PROJECT" and m.text.endswith("协议") and is_contract(m.text))]


def is_contract(name: str) -> bool:
    field_words = name[: -len("协议")]
    return "”" not in field_words and not PROTOCOL_FIELD.search(field_words)


# what names a protocol, not a contract, right before 协议: a technology it runs on or what it carries
PROTOCOL_FIELD = re.compile(
    r"(?:跨链|区块链|链上|通信|通讯|传输|加密|共识|路由|总线|无线|蓝牙|网络|互联|接口|快充|充电|交换|隐私计算|开源|物联)$"
)


def drop_projects_holding_a_verb(mentions: list[Mention], article: Article) -> list[Mention]:
    """A project 'name' that holds a verb is a clause, mostly of a headline (科技企业竞逐教育大模型);
    a quoted name may hold anything (“中国好人”网上评议和发布活动)."""
    verbs = word_lists().not_in_org_names
    return [m for m in mentions if not (m.label == "PROJECT" and "“" not in m.text and any(v in m.text for v in verbs))]


def drop_projects_named_as_fields(mentions: list[Mention], article: Article) -> list[Mention]:
    """What is listed as a field of work names a kind of thing, not an undertaking: 能源大模型 of
    双方将在电力芯片、能源大模型等领域开展合作. A quoted name stays (在“星河”平台等方面)."""
    fields = [f.span("items") for f in FIELD_LIST.finditer(article.text)]
    if not fields:
        return mentions
    return [
        m
        for m in mentions
        if not (m.label == "PROJECT" and "“" not in m.text and any(a <= m.start and m.end <= b for a, b in fields))
    ]


# 在A、B等领域, 围绕A和B等行业: the items of a list of fields, between the opener and 等, in one clause
FIELD_LIST = re.compile(
    r"(?:在|围绕|聚焦|涉及|覆盖|面向)(?P<items>[^，。；：！？“”中后的]{2,60}?)等(?:多个|重点|关键|前沿)?(?:领域|行业|赛道)"
)


def find_trade_named_subjects(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: a clause that opens with two to four characters and a trade only companies have
    (``trade_words`` less ``open_trades``: 科技, 药业, 重工…) and goes on with what a company does
    (北辰科技否认…, 南岭药业宣布…, 西江重工与…) opens with a company's name, unless what comes
    before the trade is only generic words (新能源汽车). Like every fallback, it counts only where
    no other finder has a span."""
    words, found = word_lists(), []
    for match in trade_subject_pattern().finditer(article.text):
        name, trade = match.group("name"), match.group("trade")
        if not only_generic_words(name[: -len(trade)], words):
            found.append(
                Mention(
                    article.id,
                    match.start("name"),
                    match.end("name"),
                    name,
                    "ORG",
                    Finder.FALLBACK,
                    "org.trade-subject",
                )
            )
    return mentions + found


def find_deal_partners(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: in a clause about what only organizations do together (战略合作, 合资, 收购…:
    ``ORGS_ONLY_DEALS``), the other side of an organization joined to it by 与, 和 or 同 is an
    organization too, where nothing was found there: 青岚与北辰集团达成战略合作 (the clause's first
    words), 北辰集团与青岚签署合作协议 (the words up to the verb). Not a kind of organization
    (多家企业), a place, or a short name a surname leads (people sign agreements too)."""
    text, found = article.text, []
    orgs = [m for m in mentions if m.label == "ORG" and m.finder is not Finder.FALLBACK]
    taken = SpanIndex(mentions)
    for org in orgs:
        if not orgs_deal_follows(text, org.end):
            continue
        for start, end in (partner_before(org, text), partner_after(org, text)):
            found += unfound_org(article, start, end, "org.deal-partner", taken)
    return mentions + found


def unfound_org(article: Article, start: int, end: int, rule: str, taken: SpanIndex, longest: int = 8) -> list[Mention]:
    """A fallback's organization over ``start``..``end`` (added to ``taken``), where the words there
    may be one (``may_be_an_unfound_org``) and nothing was found there; else none."""
    name = article.text[start:end]
    if end <= start or not may_be_an_unfound_org(name, longest) or taken.any_overlapping(Range(start, end)):
        return []
    m = Mention(article.id, start, end, name, "ORG", Finder.FALLBACK, rule)
    taken.add(m)
    return [m]


def find_units_after_owners(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: what follows an organization and 旗下 or 下属 up to the clause's or the list's next
    mark, ending like an organization, is its unit (钱江投资集团旗下的杭创天使基金), where nothing was
    found there."""
    taken, found = SpanIndex(mentions), []
    for m in mentions:
        if m.label == "ORG" and (unit := UNIT_AFTER_OWNER.match(article.text, m.end)):
            found += unfound_org(article, unit.start("name"), unit.end("name"), "org.unit-after-owner", taken, 14)
    return mentions + found


UNIT_AFTER_OWNER = re.compile(
    r"(?:旗下|下属)的?(?:全资|控股)?(?:子公司|公司|企业|机构)?"
    r"(?![首第]|[\d一二三四五六七八九十两多数几]+[只家个支款])"  # 首只基金, 两家公司: a count, not a name
    r"(?P<name>(?:(?!是|为|有|包括|主要|业务|核心|资产|一家|一只)[^，。；：、和及与（(“”\s]){2,14}?"
    r"(?:基金|资本|创投|投资|公司|集团|银行|证券|保险|研究院|实验室))"
    r"(?=[，。；：、和及与（(]|$)"
)


def find_counted_members(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: each name of a list the text counts as companies (约谈了橙果优选、速达外卖等5家平台企业)
    is an organization, where nothing was found in the list (else ``find_list_members`` reads it). The
    list is read back from 等 to its clause's start or the verb before it."""
    text, taken, found = article.text, SpanIndex(mentions), []
    for counted in COUNTED_COMPANIES.finditer(text):
        start = list_start(text, counted.start(), "，。；：\n")
        if openers := list(LIST_OPENER.finditer(text, start, counted.start())):
            start = openers[-1].end()  # the list starts after the last verb before it
        if any(m.label == "ORG" for m in taken.overlapping(Range(start, counted.start()))):
            continue  # a list with a name found in it is the list stage's (find_list_members)
        items = list(COUNTED_ITEM.finditer(text, start, counted.start()))
        if all(is_a_kind_of_business(item["name"]) for item in items):
            continue  # 约谈了涉及食品、药品等5家企业: kinds, not names
        for item in items:
            found += unfound_org(article, item.start("name"), item.end("name"), "org.counted-member", taken)
    return mentions + found


def is_a_kind_of_business(words: str) -> bool:
    """食品, 外卖平台, 全市共有餐饮: a common word of the dictionary, a kind, or a count of them."""
    return (
        words in plain_words()
        or words.endswith(("平台", "企业", "公司", "机构", "行业", "商户"))
        or any(w in words for w in ("共有", "涉及", "全市", "全省", "全国"))
    )


# 等5家平台企业, 等三家银行: the list before it names companies
COUNTED_COMPANIES = re.compile(
    r"等[\d一二三四五六七八九十两多数几]+家[^，。；！？]{0,6}?(?:企业|公司|机构|银行|平台|单位)"
)
LIST_OPENER = re.compile(r"约谈|处罚|罚款|警告|通报|包括|涉及|了")
COUNTED_ITEM = re.compile(r"(?P<name>[^、和及与，。；：\n]+)")


def find_stake_targets(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: the company whose shares change hands (收购东岭石化10%的股份, 增持南湖电子约5%股权) is an
    organization, where nothing was found there; not a description (标的公司, 对方, 原股东, 这家公司:
    ``may_be_an_unfound_org``)."""
    taken, found = SpanIndex(mentions), []
    for stake in STAKE_TARGET.finditer(article.text):
        found += unfound_org(article, stake.start("name"), stake.end("name"), "org.stake-target", taken)
    return mentions + found


STAKE_TARGET = re.compile(
    r"(?:收购|增持|减持|受让|转让|持有|入股|认购)(?P<name>[\u4e00-\u9fffA-Za-z]{2,10}?)(?:约|合计|共)?[\d.]+%的?(?:股份|股权|股票)"
)


def find_round_investors(mentions: list[Mention], article: Article) -> list[Mention]:
    """Fallback: each name of a list that leads or follows a funding round (由A领投，B、C跟投;
    老股东D、E继续跟投) is an investor: an organization, where nothing was found there. Not a
    description, a short name a surname leads (angels invest too) or a place. The list is read
    back from each round's verb to its clause's start (or 由)."""
    text, found = article.text, []
    verbs = list(ROUND_VERB.finditer(text))
    if not verbs:
        return mentions
    taken, pieces = SpanIndex(mentions), set()
    for verb in verbs:
        start = list_start(text, verb.start(), ROUND_LIST_START)
        for item in ROUND_ITEM.finditer(text, start, verb.start()):
            span = Range(item.start("name"), item.end("name"))
            inside = model_pieces(taken.overlapping(span), span, item["name"])
            if inside and may_be_an_unfound_org(item["name"], FUND_LONGEST):  # 华夏 of 华夏先进制造产业基金
                pieces |= inside
                taken = SpanIndex([*(m for m in mentions if m not in pieces), *found])
            found += unfound_org(article, span.start, span.end, "org.round-investor", taken, FUND_LONGEST)
    return [m for m in mentions if m not in pieces] + found


def list_start(text: str, end: int, marks: str) -> int:
    """Where a list that ends at ``end`` starts: after the last of ``marks`` before it, at most
    ``ROUND_LIST_LONGEST`` characters back."""
    return max(end - ROUND_LIST_LONGEST, *(text.rfind(c, 0, end) + 1 for c in marks))


def model_pieces(overlapping: list[Mention], span: Range, name: str) -> set[Mention]:
    """The model's ORG spans that are pieces of ``span`` (a round's investor, ``name``), where nothing else
    is there and the whole ends like an investor (华夏 of 华夏先进制造产业基金; not 东岭资本 of 东岭资本本次)."""
    if not INVESTOR_ENDING.search(name) or "获" in name:
        return set()
    inside = {m for m in overlapping if is_model_org(m) and span.start <= m.start and m.end <= span.end}
    shorter = all(m.end - m.start < span.end - span.start for m in inside)
    return inside if inside and shorter and len(inside) == len(overlapping) else set()


def partner_before(org: Mention, text: str) -> tuple[int, int]:
    """The clause's first words before ``org`` and its joiner (青岚 of 青岚与北辰集团…), or (0, 0)."""
    if text[org.start - 1 : org.start] not in PARTNER_JOINERS:
        return 0, 0
    opening = CLAUSE_OPENING.search(text, max(0, org.start - 1 - PARTNER_LONGEST - CLAUSE_LEAD), org.start)
    if not opening:
        return 0, 0
    start = opening.end()
    return start, past_adverbs(text, org.start - 1, -1, start + 2)  # 青岚已先后与…: the adverbs are no part of it


# adverbs that may stand between a deal's subject and its joiner (not jieba's adverbs: 实时, 高新 and
# 同步 end names too)
TWO_CHARACTER_ADVERBS = frozenset(
    "分别 先后 相继 陆续 共同 正式 再次 已经 曾经 首次 率先 随即 随后 此前 近期 近日 日前 今年 去年 同时".split()
    + "还将 也将 均已 即将".split()
)
ONE_CHARACTER_ADVERBS = frozenset("已也还均将曾亦再又")


def past_adverbs(text: str, at: int, step: int, bound: int) -> int:
    """Where the run of ``TWO_CHARACTER_ADVERBS`` and ``ONE_CHARACTER_ADVERBS`` that starts at ``at``
    ends, read forward (``step`` 1) or back (-1), and never past ``bound``."""
    while True:
        for size, adverbs in ((2, TWO_CHARACTER_ADVERBS), (1, ONE_CHARACTER_ADVERBS)):
            after = at + step * size
            if text[min(at, after) : max(at, after)] in adverbs and (after - bound) * step <= 0:
                at = after
                break
        else:
            return at


def partner_after(org: Mention, text: str) -> tuple[int, int]:
    """The words after ``org`` and its joiner up to the deal's verb (青岚 of 北辰集团与青岚签署…; 北辰
    集团此前已与青岚…: the adverbs before the joiner are passed), or (0, 0)."""
    at = past_adverbs(text, org.end, 1, len(text))
    if text[at : at + 1] not in PARTNER_JOINERS:
        return 0, 0
    words = PARTNER_BEFORE_VERB.match(text, at + 1)
    return (words.start("name"), words.end("name")) if words else (0, 0)


def may_be_an_unfound_org(name: str, longest: int = 8) -> bool:
    """Whether words a fallback found in an organization's slot (a deal's other side, a round's
    investor) may be its name: ``longest`` characters at most."""
    words = word_lists()
    return (
        PARTNER_NAME.fullmatch(name) is not None
        and len(name) <= longest
        and not NOT_A_PARTNER.search(name)
        and not (len(name) <= 3 and led_by_a_surname(name))
        and not is_generic_org(name)
        and name not in words.world_countries
        and name not in function_words()  # 否认 + 与南岭医药存在合并计划
    )


# a funding round's verb, after the list of who leads or follows it: (A、B和C)(等机构)(联合)领投
ROUND_VERB = re.compile(
    r"(?:等(?:机构|投资方|投资机构|[\d多数]家机构)?)?(?:本次|此次|本轮|此轮)?(?:联合|共同|持续|继续|超额)?"
    r"(?:领投|跟投|参投|追加投资|追投)"
)
INVESTOR_ENDING = re.compile(r"(?:基金|资本|创投|投资|集团|公司|银行|证券|合伙[）)]?|管理|伙伴)$")
FUND_LONGEST = 14  # characters of an investor's name in a round: funds have long ones (华夏先进制造产业基金)
ROUND_LIST_START = "，。；：\n由"  # where the list before a round's verb starts
ROUND_LIST_LONGEST = 120  # characters a list is read back from its verb or its count (等5家)
# one item of the list: its name, after any words that say which investors (老股东)
ROUND_ITEM = re.compile(r"(?:老股东|新股东|现有股东|股东|投资机构|投资方|机构)?(?P<name>[^、和及与，。；：\n由]+)")
PARTNER_JOINERS = frozenset("与和同")
PARTNER_LONGEST = 8
CLAUSE_LEAD = 12  # characters of a date or an adverb that may open the clause before the name
# a clause's opening: its boundary, then a date or an adverb of time, up to where a name may start
CLAUSE_OPENING = re.compile(
    r"(?:^|(?<=[，。；！？：\n]))(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?[，,]?)?"
    r"(?:近日|日前|今日|昨日|今天|昨天|此前|据悉|目前|同时|此外|另外|随后|其中)?[，,]?"
    r"(?=[\u4e00-\u9fffA-Za-z0-9·]{2,8}[与和同]$)",
    re.MULTILINE,
)
PARTNER_BEFORE_VERB = re.compile(
    r"(?P<name>(?:(?![与和同的在于及])[\u4e00-\u9fffA-Za-z0-9·]){2,8}?)(?=(?:正式|已|将|拟)?(?:签署|签订|达成|携手|共同|联合))"
)
# a name: no joiner, particle or preposition in it (北辰和青岚, 来自北京的青岚, 青岚在北京)
PARTNER_NAME = re.compile(r"(?:(?![与和同的在于及])[\u4e00-\u9fffA-Za-z0-9·]){2,}")
# a description or a count, not a name (多家企业, 该公司, 其子公司, 自然人…), or a name that took in the
# word before or after it: a news tag (本报讯), an adverb (过去, 当日), a particle (以, 的), a deal (合资);
# and not a place that stands for its government (与南湖新区签署…), which is that government's node
NOT_A_PARTNER = re.compile(
    r"^[\d多数各一两几该其本此这那某相有部双]|公司|企业|集团|股东|政府|对方|旗下|下属|控股|全资|自然人|讯"
    r"|(?:[以的了在将已也曾还均都市省区县州]|过去|此前|当日|今日|战略|合资|双方)$"
)


@cache
def trade_subject_pattern() -> re.Pattern:
    words = word_lists()
    closed = sorted((w for w in words.trade_words if len(w) > 1 and w not in words.open_trades), key=len, reverse=True)
    return re.compile(
        r"(?:^|(?<=[。；！？\n]))(?!此次|本次|目前|今年|去年|近日|同时|此外|另外|其中|随后|据悉)"
        r"(?P<name>(?:(?![的与和及在将对是为已了这该其从向把被])[\u4e00-\u9fff]){2,4}?"
        rf"(?P<trade>{'|'.join(closed)}))"
        r"(?=(?:同时|也|还|已|再次)?(?:否认|宣布|发布|公告|表示|透露|计划|拟|尚未|有意|持有|与|同|今日|近日|日前|正式|成为|获得|完成|推出|签署|收购|入股))"
    )


def drop_overlapped_fallbacks(mentions: list[Mention], article: Article) -> list[Mention]:
    """A fallback rule's span counts only where no other finder's span overlaps it, but for a
    model 'person' that a company-subject fallback starts with and goes on from (张江 of 张江高科公告称):
    the fallback read the whole name and what only a company does; the person goes."""
    others = SpanIndex(m for m in mentions if m.finder is not Finder.FALLBACK)
    kept, heads = [], set()
    for m in mentions:
        if m.finder is Finder.FALLBACK:
            overlapped = list(others.overlapping(m))
            if not all(heads_the_name(o, m) for o in overlapped):
                continue
            heads.update((o.start, o.end) for o in overlapped)
        kept.append(m)
    return [m for m in kept if m.finder is Finder.FALLBACK or (m.start, m.end) not in heads]


def heads_the_name(person: Mention, org: Mention) -> bool:
    rest = org.text[person.end - org.start :]
    return (
        org.rule == "org.company-subject"
        and is_model_person(person)
        and person.start == org.start
        and person.end < org.end
        and not rest.startswith(word_lists().titles + PERSON_AFTER_WORDS)  # 李明远董事长, 马云先生
    )


# besides the titles, what follows a person's name: a form of address, 本人
PERSON_AFTER_WORDS = ("先生", "女士", "本人", "同志", "老师", "律师", "医生", "博士", "夫妇")


BRACKETS = {"（": "）", "(": ")"}
BRACKET_CHARS = frozenset("（）()")
# the exchange of a stock code in brackets (600519.SH) is not an organization
EXCHANGE_CODE = re.compile(r"\d\.$")


def balanced(text: str) -> bool:
    """Every bracket of ``text`` closed, and closed in order."""
    if not BRACKET_CHARS.intersection(text):
        return True
    waiting = []
    for ch in text:
        if ch in BRACKETS:
            waiting.append(BRACKETS[ch])
        elif ch in BRACKETS.values():
            if not waiting or waiting.pop() != ch:
                return False
    return not waiting


def drop_fragments(mentions: list[Mention], article: Article) -> list[Mention]:
    """Pieces of a name cut at a bracket (湖北）有限公司, （中国）有限公司, of 某某（中国）有限公司), the
    exchange of a bracketed stock code (SH of 600519.SH), and titles (董事长兼) are not names."""
    text, titles = article.text, patterns().titles_only
    return [
        m
        for m in mentions
        if balanced(m.text)
        and not m.text.startswith(("（", "("))
        and not (m.text.isascii() and EXCHANGE_CODE.search(text[max(0, m.start - 2) : m.start]))
        and not titles.fullmatch(m.text.rstrip("兼、"))
    ]


GOVERNANCE = ("党委", "党组")  # bodies of an organization named before their officers' titles (boards: BOARD)


BOARD = re.compile(r"(?:第?[\d一二三四五六七八九十]+届)?(?:董事会|董事局|监事会|股东大会)$")


def cut_governance_bodies(mentions: list[Mention], article: Article) -> list[Mention]:
    """工商银行党委 + 书记, 万科董事会 + 主席: the title is the body's office, held at the
    organization, which the name is without the body. A company's board is the company where it
    acts (北辰传播七届董事会审议通过…)."""
    out = []
    for m in mentions:
        board = BOARD.search(m.text) if m.label == "ORG" else None
        body = next((g for g in GOVERNANCE if m.label == "ORG" and m.text.endswith(g)), None)
        if board and board.start() >= 2:
            m = replace(m, end=m.start + board.start(), text=m.text[: board.start()])
        elif body and len(m.text) > len(body) + 1 and patterns().titles_only.match(article.text, m.end):
            m = replace(m, end=m.end - len(body), text=m.text[: -len(body)])
        out.append(m)
    return out


FILTERS: tuple[Filter, ...] = (
    drop_known_names_crossing_people,
    drop_known_names_across_words,
    trim_leading_joiners,
    retype_names_before_trades,
    retype_places_ending_in_trades,
    retype_names_before_platforms,
    keep_scored_types,
    strip_stray_marks_of_model_spans,
    trim_model_org_heads,
    trim_model_org_descriptions,
    split_model_orgs_at_roles,
    cut_model_orgs_at_deal_verbs,
    cut_model_orgs_before_together_with,
    split_model_orgs_at_joiners,
    split_model_orgs_at_adverb_joiners,
    split_model_orgs_joining_two_bodies,
    cut_model_orgs_before_titles,
    extend_orgs,
    extend_bodies_over_departments,
    extend_trade_orgs_to_clause_start,
    find_units_named_after_parents,
    drop_generic_orgs,
    drop_agreements,
    drop_model_orgs_over_a_headline_gap,
    drop_model_orgs_of_generic_words,
    drop_model_districts,
    cut_model_orgs_after_known_units,
    drop_implausible_model_orgs,
    retype_model_platforms,
    strip_dots_of_model_persons,
    retype_latin_companies,
    retype_persons_before_company_words,
    drop_model_non_persons,
    drop_named_products,
    drop_latin_terms_and_fragments,
    find_trade_named_subjects,
    find_deal_partners,
    find_round_investors,
    find_stake_targets,
    find_units_after_owners,
    find_counted_members,
    drop_overlapped_fallbacks,
    drop_fragments,
    cut_governance_bodies,
)


def resolve_overlaps(mentions: list[Mention], article: Article) -> list[Mention]:
    """Among overlapping spans the longer wins, and at equal length a rule beats the dictionary,
    which beats the lexicon, which beats the model. A rule's span beats an overlapping model span
    whatever their lengths (部长肖亚庆 gives 肖亚庆, not 长肖亚庆): what is left of a model ORG
    after the rule spans at its start may still be a name (``rest_after``)."""
    candidates = sorted(mentions, key=lambda m: (-(m.end - m.start), -PRIORITY[m.finder], m.start))
    rule_spans = SpanIndex(m for m in candidates if m.finder.by_rule)
    taken: list[Mention] = []
    occupied = bytearray(len(article.text))  # 1 where a taken span covers the character
    for m in candidates:
        if m.finder is Finder.NER:
            beaten_by = [
                r
                for r in rule_spans.overlapping(m)
                if not names_the_rule_span(m, r)
                and not place_before(m, r)
                and not unit_of_the_rule_span(m, r)
                and not company_of_the_rule_span(m, r)
            ]
            if beaten_by:
                m = rest_after(m, beaten_by, article.text)
                if m is None:
                    continue
        if 1 not in occupied[m.start : m.end]:
            taken.append(m)
            occupied[m.start : m.end] = b"\1" * (m.end - m.start)
    return taken


def split_name_runs(mentions: list[Mention], article: Article) -> list[Mention]:
    """Model persons that are several names run together, split (``split_name_run``)."""
    starts, ends = name_edges(m for m in mentions if m.label == "PERSON")
    return [
        part
        for m in mentions
        for part in (split_name_run(m, m.start in ends or m.end in starts) if is_model_person(m) else [m])
    ]


def retype_persons_named_like_projects(mentions: list[Mention], article: Article) -> list[Mention]:
    project_starts = {o.text[:k] for o in mentions if o.label == "PROJECT" for k in range(1, len(o.text))}
    return [person_named_project(m, project_starts) for m in mentions]


SPEECH_VERBS = ("代表", "表示", "指出", "认为", "介绍", "强调", "透露", "称赞", "说明", "致辞", "出席")


def trim_persons_before_verbs(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model person whose last character starts the verb that follows (龚正 + 代表 read as
    龚正代), or is an adverb before a verb (王刚 + 曾担任 read as 王刚曾): the name ends before it."""
    text, out = article.text, []
    for m in mentions:
        if (
            is_model_person(m)
            and len(m.text) >= 3
            and (
                (m.text[-1] + text[m.end : m.end + 1]) in SPEECH_VERBS
                or (m.text[-1] in ADVERBS_AFTER_A_SUBJECT and VERB_AFTER_AN_ADVERB.match(text, m.end))
            )
        ):
            m = replace(m, end=m.end - 1, text=m.text[:-1])
        out.append(m)
    return out


# 王刚 + 曾担任 read as 王刚曾: an adverb between a subject and its verb is no end of a name
ADVERBS_AFTER_A_SUBJECT = frozenset("曾也还将已又均都亦再就")
VERB_AFTER_AN_ADVERB = re.compile(
    r"担任|出任|任职|任|表示|指出|说|认为|介绍|强调|透露|参与|获得|在|是|为|被|于|到|来|去|对|与|和"
)


def retype_persons_before_titled_persons(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model person followed by nothing but a title and then a person is the organization the
    title is held at (马士基首席执行官柯文胜): people are not introduced by another person's name."""
    starts = sorted({m.start for m in mentions if m.label == "PERSON"})
    titles_only = patterns().titles_only
    out = []
    for m in mentions:
        near = starts[bisect_right(starts, m.end) : bisect_right(starts, m.end + TITLE_RUN)]
        if is_model_person(m) and any(titles_only.fullmatch(article.text, m.end, s) for s in near):
            m = replace(m, label="ORG")
        out.append(m)
    return out


TITLE_RUN = 24  # characters of titles between an organization and its person, at most


def retype_persons_in_deals_with_orgs(mentions: list[Mention], article: Article) -> list[Mention]:
    """A model person joined to an organization (与, 和, 、) in a clause about what only
    organizations do together (战略合作, 合资, 收购, 股权…) is an organization too: 迪士尼与北辰乳业
    达成战略合作; so are two such 'people' joined to each other. Only a name no surname leads:
    people buy and sell stakes too (李明与北辰集团签署股权转让协议); and not one after a title
    (董事长…与…), who acts for an organization."""
    text, titles = article.text, word_lists().titles
    unled = [m for m in mentions if is_model_person(m) and not led_by_a_surname(m.text)]
    orgs = [m for m in mentions if m.label == "ORG"] + unled  # 摩尔线程与赛力斯: two such names
    org_ends, org_starts = {o.end for o in orgs}, {o.start for o in orgs}
    out = []
    for m in mentions:
        joined = (m.start - 1 in org_ends and text[m.start - 1 : m.start] in DEAL_JOINERS) or (
            m.end + 1 in org_starts and text[m.end : m.end + 1] in DEAL_JOINERS
        )  # one joiner between the person and an organization, on either side
        if (
            joined
            and is_model_person(m)
            and not led_by_a_surname(m.text)
            and is_chinese(m.text)
            and not text[max(0, m.start - 6) : m.start].endswith(titles)
            and orgs_deal_follows(text, m.end)
        ):
            m = replace(m, label="ORG")
        out.append(m)
    return out


def led_by_a_surname(name: str) -> bool:
    words = word_lists()
    return surname_length(name, 0, words) > 0


def orgs_deal_follows(text: str, pos: int) -> bool:
    """Whether the clause goes on from ``pos`` with what only organizations do together (``ORGS_ONLY_DEALS``)."""
    return bool(ORGS_ONLY_DEALS.search(CLAUSE_END.split(text[pos : pos + DEAL_REACH], 1)[0]))


DEAL_JOINERS = frozenset("与和及、同")  # one character each
CLAUSE_END = re.compile(r"[。；！？]")
DEAL_REACH = 40  # characters after the person that the clause's deal word may be in
ORGS_ONLY_DEALS = re.compile(r"战略合作|合资|并购|收购|入股|参股|控股|股权|联合公告|合作协议|达成合作|备忘录")


AFTER_RESOLVING: tuple[Filter, ...] = (
    trim_leading_joiners,  # again: a model span cut after a name it overlapped may start with the list's word
    drop_projects_holding_a_verb,  # after: what it overlapped stays out (a headline is no list of names)
    drop_projects_named_as_fields,
    trim_persons_before_verbs,
    split_name_runs,
    retype_persons_named_like_projects,
    retype_persons_before_titled_persons,
    retype_persons_in_deals_with_orgs,
)


def name_edges(people) -> tuple[set[int], set[int]]:
    """Where people's names start and where they end. A name that starts where another ends, or
    ends where another starts, touches it: a list of names that lost its separators."""
    people = list(people)
    return {m.start for m in people}, {m.end for m in people}


def is_chinese(text: str) -> bool:
    return all("\u4e00" <= c <= "\u9fff" for c in text)


def person_named_project(m: Mention, project_starts: set[str]) -> Mention:
    """A model 'person' whose name starts a project named in the same article (``project_starts``:
    every proper start of their names) is that project's short name (陆羽 for 陆羽跨链协议)."""
    if is_model_person(m) and m.text in project_starts:
        return replace(m, label="PROJECT")
    return m


def plausible_org_span(m: Mention, known_orgs: list[Mention]) -> bool:
    """False for a model ORG span that holds a verb (谷歌合计占数据中心), that is a known name plus
    text that does not end like an organization (微软达, Gartner研究), a known name with one
    character of the word before it (股搜狗公司) or a country before it (美国亚马逊公司), a team
    (沈阳教授团队), a product on a platform (VR社交平台Horizon), or a description: a list (中国电信等科技
    公司), a count (韩国四大财团, 两家大公司), a sum (政府+财团), a known name and 的 (新浪的控股子公司)."""
    return not (
        holds_a_verb_or_describes(m.text)
        or names_a_platform_product(m.text)
        or any(test(m, o) for o in known_orgs for test in SPILLS_OVER_KNOWN_ORG)
    )


def holds_a_verb_or_describes(text: str) -> bool:
    words = word_lists()
    nouns_out = text
    for n in words.noun_compounds:
        nouns_out = nouns_out.replace(n, "〇")
    return (
        any(v in nouns_out for v in words.not_in_org_names)
        or nouns_out.endswith(words.not_org_endings)
        or bool(patterns().description.search(nouns_out))
        or place_builds(text, words)
    )


def place_builds(text: str, words) -> bool:
    """上海建设数据中心, 美国密歇根州合作建设电池工厂: a place that builds something (a clause), not
    中国建设银行 or 上海建设集团. The place is a known one, then any places that end like one."""
    place = next((p for p in words.places if text.startswith(p)), None)
    if place is None:
        return False
    more_places = SUB_PLACES.match(text, len(place))
    return PLACE_THEN_BUILDS.match(text, more_places.end()) is not None


SUB_PLACES = re.compile(r"(?:省|市)?(?:[\u4e00-\u9fff]{1,6}?(?:州|省|市|县|区))*")
PLACE_THEN_BUILDS = re.compile(
    r"(?:合作|共同|联合|计划|将|拟)?(?:建设|新建|投建|兴建)(?!银行|集团|公司|局|厅|委|兵团|工程|投资|发展|控股|股份)"
)


def names_a_platform_product(text: str) -> bool:
    """VR社交平台Horizon: a product on a platform; 元宇宙社交平台: a generic platform."""
    words = word_lists()
    platform, before = words.platform, text[: -len(words.platform)]
    return (platform in before and not text.endswith(words.org_name_endings)) or (
        text.endswith(platform) and only_generic_words(before, words)
    )


def has_place_before_known_company(m: Mention, o: Mention) -> bool:
    """美国 + 亚马逊公司, not 韩国财政部, and not 苏州 + 元禾控股股份有限公司: a registered name
    (有限公司, 有限责任公司) holds its place."""
    return (
        o.end == m.end
        and o.start > m.start
        and m.text[: o.start - m.start] in word_lists().places
        and (o.text.endswith(word_lists().company_name_endings) or o.text.isascii())
        and not m.text.endswith(REGISTERED_FORMS)
    )


REGISTERED_FORMS = ("有限公司", "有限责任公司")  # 股份有限公司 ends with 有限公司


def has_non_name_ending_after_known_org(m: Mention, o: Mention) -> bool:
    """微软达, Gartner研究; not 索尼影业, 腾讯音乐: a known name and a trade is one of its companies."""
    words = word_lists()
    ends_like_one = m.text.endswith(words.org_name_endings) or m.text.endswith(words.trade_words)
    return o.start == m.start and o.end < m.end and not ends_like_one


def has_stray_character_before_known_org(m: Mention, o: Mention) -> bool:
    """股搜狗公司: the last character of 入股. Not a level before a government body: 省发展改革委 is
    a province's, not the national body the table knows."""
    return o.end == m.end and o.start == m.start + 1 and not is_local_body(m.text)


def is_local_body(text: str) -> bool:
    """省发展改革委, 市财政局: a level word, then a government body; not 市场监管总局 (a national
    body), 市场部 or 区域发展部 (市场, 区域: words of their own)."""
    return (
        text[:1] in LOCAL_LEVELS
        and text[1:2] not in ("场", "域")
        and text.endswith(LOCAL_BODY_ENDINGS)
        and not text.endswith("总局")
    )


def has_unit_word_after_known_org(m: Mention, o: Mention) -> bool:
    """阿里巴巴全资子公司."""
    words = word_lists()
    rest = m.text[len(o.text) :]
    return o.start == m.start and (rest in words.unit_leads or rest in words.bare_units)


def has_de_after_known_org(m: Mention, o: Mention) -> bool:
    """新浪的控股子公司."""
    return o.start == m.start and o.end < m.end and m.text[len(o.text) :].startswith(word_lists().possessive)


SPILLS_OVER_KNOWN_ORG = (
    has_place_before_known_company,
    has_non_name_ending_after_known_org,
    has_stray_character_before_known_org,
    has_unit_word_after_known_org,
    has_de_after_known_org,
)


def names_the_rule_span(model: Mention, rule: Mention) -> bool:
    """A model ORG that holds a PROJECT or POLICY found by rule and ends like an organization is
    the organization named after it (中国电子商务产业园发展联盟), and keeps its span."""
    return (
        model.label == "ORG"
        and rule.label in ("PROJECT", "POLICY")
        and model.start <= rule.start
        and rule.end < model.end
        and model.text.endswith(word_lists().org_name_endings)
    )


UNIT_ENDINGS = (
    "总队",
    "支队",
    "大队",
    "分局",
    "派出所",
    "总站",
    "监督站",
    "检测站",
    "办公室",
    "研究所",
    "研究院",
    "学院",
    "系",
)


def unit_of_the_rule_span(model: Mention, rule: Mention) -> bool:
    """A model ORG that starts with a body found by rule and goes on into one of its units
    (福建省公安厅 + 经侦总队, 南湖大学 + 心理学系) is the unit, and keeps its span."""
    return (
        model.label == rule.label == "ORG"
        and model.start == rule.start
        and model.end - rule.end >= 2
        and model.text.endswith(UNIT_ENDINGS)
    )


def company_of_the_rule_span(model: Mention, rule: Mention) -> bool:
    """A model ORG that starts with an organization found by rule and goes on with nothing but a
    trade and a legal form (中国稀土集团 + 资源科技股份有限公司) is a company of its own, named
    after the other, and keeps its span: the trade alone names nothing."""
    return (
        model.label == rule.label == "ORG"
        and model.start == rule.start
        and rule.end < model.end
        and names_only_a_trade(model.text[rule.end - model.start :], word_lists())
    )


def place_before(model: Mention, rule: Mention) -> bool:
    """A model ORG that is a place and a registered name found by rule (苏州 + 元禾控股股份有限公司):
    the place belongs to the name."""
    return (
        model.end == rule.end
        and model.start < rule.start
        and rule.text.endswith(REGISTERED_FORMS)
        and model.text[: rule.start - model.start] in word_lists().places
    )


def rest_after(model: Mention, spans: list[Mention], text: str, leads_only: bool = False) -> Mention | None:
    """What is left of a model ORG span after the spans at its start, if that is a name on its
    own: 洋河股份下属公司贵州贵酒集团有限公司 -> 贵州贵酒集团有限公司. ``leads_only``: only where a
    word like 旗下 or 子公司 follows (京东方旗下子公司成都京东方光电科技有限公司)."""
    if not spans or model.label != "ORG" or any(r.start > model.start or r.end >= model.end for r in spans):
        return None
    start = max(r.end for r in spans)
    rest = text[start : model.end]
    words = word_lists()
    leads = words.unit_leads if leads_only else (*words.unit_leads, *words.name_joiners)
    lead = next((w for w in leads if rest.startswith(w)), None)
    if lead is None and leads_only:
        return None
    if lead:
        start, rest = start + len(lead), rest[len(lead) :]
    if len(rest) < 4 or not rest.endswith(word_lists().org_name_endings) or is_generic_org(rest):
        return None
    return replace(model, start=start, text=rest)


def split_name_run(m: Mention, in_list: bool = False) -> list[Mention]:
    """A model person of five or more Chinese characters without a name joiner is several names
    run together (lists of delegates lose their spaces: 杨尚昆万里宋平). Split into names of two
    or three characters (four with a two-character surname), each starting with a known surname,
    preferring two-character surnames and three-character names; unchanged where no such split
    covers the whole span.

    ``in_list`` (other names touch this one) also splits four characters (李鹏乔石), and lets one or
    two characters at the start and one at the end go where the rest splits into several names:
    the model cut the names beside it there (毅仁丁关根田纪云 is the end of 荣毅仁, then 丁关根 and
    田纪云)."""
    text = m.text
    if len(text) < (4 if in_list else 5) or not is_chinese(text) or is_transliterated(text):
        return [m]
    trims = [(0, 0)] + ([(0, 1), (1, 0), (2, 0), (1, 1), (2, 1)] if in_list else [])
    for lead, tail in trims:  # the fewest characters let go first
        cuts = surname_cover(text, lead, len(text) - tail)
        if cuts and (len(cuts) > 1 or not (lead or tail)):  # what is left is itself a run
            return [replace(m, start=m.start + i, end=m.start + j, text=text[i:j]) for i, j in cuts]
    return [m]


def is_transliterated(name: str) -> bool:
    """梅德韦杰夫, 阿诺德施瓦辛格: a foreign name written in the characters Chinese uses for foreign
    sounds, one name however long; a run of Chinese names (杨尚昆万里宋平) always holds others."""
    return all(c in word_lists().transliteration_characters for c in name)


def surname_cover(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The best split of text[start:end] into surname-led names (see ``split_name_run``), or []."""
    words = word_lists()
    best: dict[int, tuple[int, list[tuple[int, int]]]] = {start: (0, [])}  # end -> (score, cuts)
    for i in range(start, end):
        if i not in best:
            continue
        surname = surname_length(text, i, words)
        for size in (2, 3, 4):
            j = i + size
            if j > end or not surname or not 1 <= size - surname <= 2:
                continue
            score = best[i][0] + (size - surname == 2) + 2 * (surname == 2)  # 欧阳 is all but sure
            if j not in best or score > best[j][0]:
                best[j] = (score, best[i][1] + [(i, j)])
    return best[end][1] if end in best else []


OPENING, CLOSING = "“‘《（(", "”’》）)"


def strip_stray_marks(m: Mention) -> Mention:
    """“拍卖公司 -> 拍卖公司: a quote or bracket at either end of a model span whose partner is not in
    the span belongs to the text around it, and so does a space (本报讯 南江银行, “ 南江银行)."""
    text = m.text
    start, end = 0, len(text)
    while end - start > 1:
        inside = text[start:end]
        if inside[0].isspace() or (inside[0] in OPENING and CLOSING[OPENING.index(inside[0])] not in inside):
            start += 1
        elif inside[-1].isspace() or (inside[-1] in CLOSING and OPENING[CLOSING.index(inside[-1])] not in inside):
            end -= 1
        else:
            break
    if (start, end) == (0, len(text)):
        return m
    return replace(m, start=m.start + start, end=m.start + end, text=text[start:end])


def strip_name_dots(m: Mention) -> Mention:
    """郑州· -> 郑州: a name joiner at either end belongs to the text around the name."""
    text = m.text.strip(NAME_DOTS)
    if text == m.text:
        return m
    start = m.start + m.text.index(text) if text else m.start
    return replace(m, start=start, end=start + len(text), text=text)


def find_list_members(article: Article) -> Article:
    """Pipeline stage: an unknown name listed with organizations is one too: between two of them
    (汉威科技、新开普、天迈科技; 谷歌、苹果、通用和福特等公司), or last after one, before 等 or the
    end of the clause (…的安克创新、地平线等; 新消费的元气森林、文和友；). A model person or an
    organization that starts an organization the article names is that organization cut short
    (``org_cut_short``)."""
    found: list[Mention] = []
    dropped: set[Mention] = set()
    orgs = [m for m in article.mentions if m.label == "ORG"]
    org_spans = {(m.start, m.end) for m in orgs}
    index = SpanIndex(article.mentions)
    candidates = []
    for a, b in zip(orgs, orgs[1:] + [None]):
        listed = listed_after(article.text, a, b)
        if listed is not None:
            name, start, middle = listed
            member = Mention(article.id, start, start + len(name), name, "ORG", Finder.RULE, "list")
            candidates.append((member, middle, True))
        candidates += [(m, True, False) for m in run_members(article, a, org_spans)]
    for member, middle, persons_misread in candidates:
        near = index.overlapping(member)
        # a model "person" inside the member is the list's organization misread (…、新开普、…); not
        # in a longer run, where people are listed with organizations (北辰集团、张建国等嘉宾)
        misread = [
            m
            for m in near
            if persons_misread and is_model_person(m) and member.start <= m.start and m.end <= member.end
        ]
        if member not in found and is_list_member(member, middle, [m for m in near if m not in misread]):
            found.append(member)
            dropped.update(misread)
    article.mentions = sorted([m for m in article.mentions if m not in dropped] + found, key=lambda m: m.start)
    article.mentions = org_cut_short(article)
    return article


LIST_ASIDE = r"(?:[（(][^（）()，。；]{1,30}[）)])?"  # （以下简称“…”）, an English name, a stock code
LIST_ITEM = r"(?:(?![和及与等]|以及)[\u4e00-\u9fffA-Za-z0-9]){2,8}"  # a name of a list holds no joiner
# a list that goes on from an organization through names and asides, up to the words that close
# it as one group: X（…）、A（…）、B和C组成的…; X、A、B等六家; X、A和B共同…
LIST_RUN = re.compile(
    rf"{LIST_ASIDE}(?:、{LIST_ITEM}{LIST_ASIDE})+?(?:(?:[和及]|以及){LIST_ITEM}?{LIST_ASIDE})?"
    r"(?=等(?:\d+|[一二三四五六七八九十两几多数]+)?[家个]?[^，。；！？、]{0,4}?"
    r"(?:企业|公司|车企|药企|房企|险企|航企|机构|单位|银行|券商|厂商|运营商|部门|集团|基金|巨头|船公司)"
    r"|(?:日前|近日|今天|已经|已|将|曾|也|还|又|都|正式)*(?:组成|组建|共同|联合|分别|先后|均为|均是|各自))"
)
LIST_NAME = re.compile(rf"(?:[、和及]|以及)(?P<name>{LIST_ITEM})")


def run_members(article: Article, a: Mention, org_spans: set[tuple[int, int]]) -> list[Mention]:
    """The names of a list that organization ``a`` opens and a group word closes (``LIST_RUN``),
    asides skipped: each of them is listed with an organization as one of its kind. ``org_spans``:
    (start, end) of the article's organization mentions."""
    run = LIST_RUN.match(article.text, a.end)
    if run is None:
        return []
    without_asides = re.sub(r"[（(][^（）()]*[）)]", lambda m: "\0" * len(m.group()), run.group())
    members = [
        Mention(article.id, a.end + m.start("name"), a.end + m.end("name"), m.group("name"), "ORG", Finder.RULE, "list")
        for m in LIST_NAME.finditer(without_asides)
    ]
    head = LIST_HEAD.search(article.text, max(0, a.start - 24), a.start)
    if head:  # the list began one name before a: 与A、a、B和C等4家车企
        members.append(
            Mention(article.id, head.start("name"), head.end("name"), head.group("name"), "ORG", Finder.RULE, "list")
        )
    # one guessed name alone (the model's, the lexicon's) makes no list of organizations (老红军、烈属、伤残军人等)
    if a.finder is not Finder.DICT and not a.text.endswith(word_lists().org_suffixes):
        if not any((m.start, m.end) in org_spans for m in members):
            return []
    return members


# the first name of a list, where the list opens after a clause's start, 与 or 包括 and the next name is known
LIST_HEAD = re.compile(rf"(?:^|(?<=[与同跟：:，。；])|(?<=包括))(?P<name>{LIST_ITEM}){LIST_ASIDE}、$")


def listed_after(text: str, a: Mention, b: Mention | None) -> tuple[str, int, bool] | None:
    """The name listed right after organization ``a`` (``b`` the next one, if any): the name, its
    offset, and whether it stands between the two."""
    match = member_between(text, a, b)
    middle = match is not None
    if match is None:
        match = member_at_end(text, a)
    if match is None:
        return None
    return match.group("name"), a.end + match.start("name"), middle


def member_between(text: str, a: Mention, b: Mention | None) -> re.Match | None:
    match = patterns().list_middle.match(text[a.end : b.start]) if b else None
    if match and match.group("joiner") != LIST_SEPARATOR and not text.startswith(word_lists().etc, b.end):
        return None  # A、B和C is a list where it goes on with 等 (…和福特等公司)
    return match


def member_at_end(text: str, a: Mention) -> re.Match | None:
    match = patterns().list_end.match(text[a.end : a.end + 12])
    if match and not match.group(0).endswith(word_lists().etc) and len(match.group("name")) > 5:
        return None  # before the clause's end only a short name: not 华为达成合作
    return match


def is_list_member(member: Mention, middle: bool, overlapped: list[Mention]) -> bool:
    """False for a kind of organization, text holding a verb, a last name of a list that only says
    what kind of thing it is, or a span that overlaps another mention (``overlapped``: those
    that overlap it, the model persons it replaces aside)."""
    words, name = word_lists(), member.text
    return not (
        is_generic_org(name)
        or any(v in name for v in words.not_in_org_names)
        or name.endswith(words.list_verb_endings)
        or (not middle and only_generic_words(name, words))
        or overlapped
    )


def org_cut_short(article: Article) -> list[Mention]:
    """The article's mentions, where a model person or an organization that the text continues
    into an organization the article names elsewhere is that organization cut short (易尚 of
    易尚展示在11月…, where 易尚展示 was found in a list; 东岭 of 东岭有道首席执行官…, where
    东岭有道 was named after 旗下), unless that longer span would overlap another mention."""
    index = SpanIndex(article.mentions)
    org_order: dict[str, int] = {}  # each organization name, by its first mention
    for o in article.mentions:
        if o.label == "ORG":
            org_order.setdefault(o.text, len(org_order))
    lengths = sorted({len(name) for name in org_order})
    return [
        org_continuing(m, article.text, org_order, lengths, index) if is_model_person(m) or m.label == "ORG" else m
        for m in article.mentions
    ]


def org_continuing(m: Mention, text: str, org_order: dict[str, int], lengths: list[int], index: SpanIndex) -> Mention:
    """The first organization (in ``org_order``) that the text at ``m`` spells out beyond ``m``."""
    if is_model_person(m) and m.text in org_order:  # the article names it as an organization elsewhere
        return replace(m, label="ORG", finder=Finder.RULE, rule="known-org")
    spelled = {text[m.start : m.start + k] for k in lengths if m.start + k > m.end}
    for name in sorted((n for n in spelled if n in org_order), key=org_order.__getitem__):
        end = m.start + len(name)
        if end > m.end and all(n is m for n in index.overlapping(Range(m.start, end))):
            return Mention(m.doc_id, m.start, end, name, "ORG", Finder.RULE, "known-org")
    return m


def find_listed_people(article: Article) -> Article:
    """Pipeline stage: the names between two people of a list that the model missed (…罗布汝信汤洪高安启元:
    罗布 and 安启元 found, 汝信 and 汤洪高 not), where the gap is nothing but surname-led names,
    with the list's separator (、) on both sides, or on neither inside a run of names that touch."""
    people = sorted((m for m in article.mentions if m.label == "PERSON"), key=lambda m: m.start)
    starts, ends = name_edges(people)
    index = SpanIndex(article.mentions)
    found = []
    for a, b in zip(people, people[1:]):
        gap = article.text[a.end : b.start]
        if gap.startswith(LIST_SEPARATOR) and gap.endswith(LIST_SEPARATOR) and len(gap) > 2:
            start, gap = a.end + 1, gap[1:-1]
        elif LIST_SEPARATOR in gap or not (a.start in ends or b.end in starts):
            continue  # without separators, only inside a run of three or more
        else:
            start = a.end
        if not 2 <= len(gap) <= 8 or not is_chinese(gap) or index.any_overlapping(Range(a.end, b.start)):
            continue
        for i, j in surname_cover(gap, 0, len(gap)):
            found.append(Mention(article.id, start + i, start + j, gap[i:j], "PERSON", Finder.RULE, "name-list"))
    article.mentions = sorted(article.mentions + found, key=lambda m: m.start)
    return article


def find_shared_bodies(article: Article) -> Article:
    """Pipeline stage: places listed before one government body name each their own body
    (江苏省、浙江省、安徽省商务厅: three 商务厅). Each place becomes a mention that stands for
    the place's body (``Mention.elided``), its span the place's own text."""
    local_body, place_at_end, joiners = patterns().local_body, patterns().place_at_end, word_lists().list_joiners
    index = SpanIndex(article.mentions)
    found = []
    for m in article.mentions:
        shape = local_body.match(m.text) if m.label == "ORG" else None
        if shape is None:
            continue
        pos = m.start
        while pos > 0 and article.text[pos - 1] in joiners:
            place = place_at_end.search(article.text, max(0, pos - 9), pos - 1)
            if place is None:
                break
            member = Mention(
                article.id,
                place.start(),
                place.end(),
                place.group(),
                "ORG",
                Finder.RULE,
                "shared-body",
                elided=place.group() + shape.group("body"),
            )
            if index.any_overlapping(member):
                break
            found.append(member)
            pos = place.start()
    article.mentions = sorted(article.mentions + found, key=lambda m: m.start)
    return article
