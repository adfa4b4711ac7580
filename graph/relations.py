"""Typed relations from the rule table, and CO_OCCURS for every pair of entities in a sentence.

A relation rule looks at two entity mentions of a sentence, ``left`` before ``right``, and matches
``gap`` against the text between them, in which any mention of the right-hand type is written as
〇 (so coordination lists can be matched), and ``after`` against the text after the right one.
``head`` says which of the two is the relation's head. ``chain`` passes the relation on to
mentions of the right-hand type that follow, joined by 、和与及 (发布《A》《B》); ``left_chain`` passes
it back to the left-hand mentions coordinated before the left one (X、Y和Z联合开展 W). ``after``
is matched after the end of the coordination list the right mention belongs to; ``skip_left``
lets other left-type mentions sit in the gap, written 〓 (X董事长、Y总裁Z); ``not_before``
against the text before the start of the left mention's list (A与B、C合作: B and C are A's
partners, not each other's), and ``before`` must match there (成员包括A、B和C).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from typing import TYPE_CHECKING

from guanxi.graph.gazetteer import name_boundary
from guanxi.graph.pairs import RULE_ID as PAIR_RULE
from guanxi.graph.pairs import active_model, learned_partners
from guanxi.graph.records import Article, Entity, Evidence, Finder, Mention, Relation, Sentence
from guanxi.graph.references import RULE_ID as REFERENCE_RULE
from guanxi.graph.rules import expand, load_table, patterns, word_lists
from guanxi.graph.schema import UNDIRECTED, oriented, relation_key

if TYPE_CHECKING:
    from guanxi.graph.aliases import AliasTable

PLACEHOLDER = "〇"
LEFT_PLACEHOLDER = "〓"
# an aside between two names (（以下简称“…”）, an English name, a stock code) is not part of the link
PARENTHETICAL = re.compile(r"[（(][^（）()]{0,40}[）)]")
BOOK_MARKS = str.maketrans("", "", "《》“”")  # a POLICY or quoted PROJECT mention is the text inside
BOOK_TITLE_END = "》"


@dataclass(frozen=True)
class RelationRule:
    id: str
    type: str
    left: str
    right: str
    gap: re.Pattern
    after: re.Pattern | None
    head: str
    chain: bool
    left_chain: bool
    skip_left: bool
    not_before: re.Pattern | None
    confidence: float
    before: re.Pattern | None = None
    objects_of_with: bool = False  # names listed after 与 are its subject's partners, not each other's
    chain_over_with: bool = True  # ``chain`` goes on past 与, 同, 跟 (false: A与B is a deal, not a list)


@cache
def relation_rules() -> tuple[RelationRule, ...]:
    table = load_table()
    lists = table.get("lists", {})
    compile_ = lambda p: re.compile(expand(p, lists)) if p else None  # noqa: E731
    return tuple(
        RelationRule(
            r["id"],
            r["type"],
            r["left"],
            r["right"],
            compile_(r["gap"]),
            compile_(r.get("after")),
            r.get("head", "left"),
            r.get("chain", False),
            r.get("left_chain", False),
            r.get("skip_left", False),
            compile_(r.get("not_before")),
            r.get("confidence", 1.0),
            compile_(r.get("before")),
            r.get("objects_of_with", False),
            r.get("chain_over_with", True),
        )
        for r in table.get("relation", [])
    )


def coordinated(text: str, mentions: list[Mention], k: int, step: int) -> list[int]:
    """Indexes of the mentions coordinated with mention k (same type, joined by 、和与及),
    walking forward (step 1) or back (step -1); k itself not included."""
    out = []
    n = k + step
    while 0 <= n < len(mentions) and mentions[n].label == mentions[k].label:
        a, b = (mentions[k], mentions[n]) if step > 0 else (mentions[n], mentions[k])
        between = text[a.end : b.start]
        if between.count("（") + between.count("(") != between.count("）") + between.count(")"):
            n += step  # a name inside an aside (以下简称“中铝集团”) is not one of the list
            continue
        if not patterns().chain_gap.match(without_asides(between).translate(BOOK_MARKS)):
            break
        k, n = n, n + step
        out.append(k)
    return out


@dataclass(frozen=True)
class CompoundRule:
    id: str
    type: str
    min_rest: int
    rest: re.Pattern
    confidence: float
    parent_shape: re.Pattern | None = None  # a parent no table knows may still end like one


@cache
def compound_rules() -> tuple[CompoundRule, ...]:
    return tuple(
        CompoundRule(
            r["id"],
            r["type"],
            r.get("min_rest", 2),
            re.compile(r.get("rest", "")),
            r.get("confidence", 1.0),
            re.compile(r["parent_shape"]) if "parent_shape" in r else None,
        )
        for r in load_table().get("compound", [])
    )


def compound_parents(article: Article) -> list[tuple[CompoundRule, Mention, Mention, str]]:
    """(rule, unit mention, parent mention inside it, parent name) for names like 工信部信息通信管理局."""
    from guanxi.graph.aliases import alias_table

    table = alias_table()
    names = {m: e.name for e in article.entities for m in e.mentions}
    local = {form: e.name for e in article.entities if e.type == "ORG" for form in {e.name, *e.aliases}}
    first = {e.name: min(m.start for m in e.mentions) for e in article.entities if e.mentions}
    out = []
    placed: set[str] = set()  # names an earlier rule found the parent of
    for rule in compound_rules():
        seen: dict[tuple[str, str], tuple[int, str] | None] = {}  # a name mentioned again reads the same
        found_now: set[str] = set()
        for m in article.mentions:
            if m.label != "ORG" or m not in names or names[m] in placed:
                continue
            if (m.text, names[m]) not in seen:
                found = parent_inside(rule, m, names[m], local, table)
                same = found and named_after_unit(m.text, *found, first.get(found[1], 0) > first[names[m]])
                seen[(m.text, names[m])] = None if same else found
            found = seen[(m.text, names[m])]
            if found:
                found_now.add(names[m])
                k, parent = found
                out.append(
                    (rule, m, Mention(m.doc_id, m.start, m.start + k, m.text[:k], "ORG", Finder.RULE, rule.id), parent)
                )
        placed |= found_now
    return out


def named_after_unit(unit: str, k: int, parent: str, later: bool) -> bool:
    """Whether the 'parent' is the unit's own short form, first named after it, with only trades
    between (中国电子 of 中国电子信息产业集团有限公司; not a group's name: 国药集团 of 国药集团一致药业)."""
    from guanxi.graph.aliases import GROUP_WORDS, trade_rest

    return later and parent == unit[:k] and not parent.endswith(GROUP_WORDS) and bool(trade_rest().fullmatch(unit, k))


MANAGER_OF = re.compile(r"管理(?:有限责任公司|股份有限公司|有限公司|公司)")  # not 管理咨询公司: a unit


def parent_inside(
    rule: CompoundRule, m: Mention, own_name: str, local: dict[str, str], table: AliasTable
) -> tuple[int, str] | None:
    """(length, parent name) of the longest start of a unit's name that names its parent."""
    from guanxi.graph.aliases import LEGAL_FORM_ONLY, SAME_BODY_REST, strip_legal_suffix

    for k in range(len(m.text) - rule.min_rest, 1, -1):
        prefix = m.text[:k]
        parent = parent_named(rule, prefix, local, table)  # most starts name nothing: asked first
        if not parent or not name_boundary(m.text, 0, k):  # 联合国 is not the parent of 联合国家…实验室
            continue
        if (
            parent == own_name
            or strip_legal_suffix(m.text) in (prefix, parent)
            or LEGAL_FORM_ONLY.fullmatch(m.text[k:])
            or (parent == prefix and SAME_BODY_REST.fullmatch(m.text, k))
            or MANAGER_OF.fullmatch(m.text, k)  # a manager is no unit of what it manages (X酒店 + 管理有限公司)
            or not rule.rest.search(m.text[k:])
        ):
            continue
        own = table.lookup(m.text)
        if own and own.canonical == parent:
            continue
        return k, parent
    return None


def parent_named(rule: CompoundRule, prefix: str, local: dict[str, str], table: AliasTable) -> str | None:
    """The organization a name's start names: one of the article, one of the alias table, or one
    that ends like a parent of the rule's kind. A quoted start names what its quotes hold (“金管会”银行局)."""
    if len(prefix) > 2 and prefix[0] == "“" and prefix[-1] == "”":
        prefix = prefix[1:-1]
    entry = table.lookup(prefix)
    return (
        local.get(prefix)
        or (entry.canonical if entry and entry.type == "ORG" else None)
        or (prefix if rule.parent_shape and rule.parent_shape.search(prefix) else None)
    )


CLAUSE_MARKS = re.compile(r"[，,。；;：:、！？!?]")  # the pair classifier reads sentences, which have them
AFTER_WINDOW = 120  # characters after a pair that an ``after`` pattern may look at
BEFORE_WINDOW = 60  # characters before a pair's list that a ``before`` pattern may look at
UNPUNCTUATED_REACH = 60  # where there are no sentences, names this close co-occur (a sentence's length)


def asides_of(text: str):
    """A test of whether a mention lies inside one of ``text``'s bracketed asides."""
    if "（" not in text and "(" not in text:
        return lambda m: False
    spans = [a.span() for a in PARENTHETICAL.finditer(text)]
    return lambda m: any(start <= m.start and m.end <= end for start, end in spans)


def without_asides(text: str) -> str:
    """``text`` without bracketed asides (（以下简称“…”）, an English name, a stock code)."""
    return PARENTHETICAL.sub("", text) if "（" in text or "(" in text else text


# X公告称，公司拟收购Y: the company that announces is the one that acts (公司 is X), as in X公告，与Y签署…
# and X表示，将投资建设Y (the clause has no subject of its own). Only words of time stand between X and 公告: in
# X的子公司公告称 or X旗下公司公告称 another company announces.
ANNOUNCED = re.compile(
    r"^(?:今日|今天|今晚|近日|近期|日前|昨日|昨天|昨晚|晚间|早间|午间|晚|同日|同时|当日|当天|本周|上周|随后|此前|也|还|亦|再次|"
    r"正式|于|周[一二三四五六日]|(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日)*"
    r"(?:(?:发布|披露)?(?:了)?(?:最新)?(?:公告|消息|声明)(?:[，,]?(?:称|显示|表示|指出)[，,：:]?|[，,](?=与|和|同(?!时|日|期|样|比)))"
    r"|(?P<said>(?:表示|透露|称|宣布)[，,：:]))"
    r"(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日)?[，,]?|(?:近日|日前|今日|当日)[，,]?)?(?:公司|本公司|该公司)?"
)


def subject_continued(gap: str, org: bool) -> str:
    """The gap without an announcement that hands the sentence back to the left name (公告称，公司…),
    or, where that name is an organization's (``org``), without what it said (表示，将…): a person's
    words (李华表示，现任…) tell of others."""
    if not any(w in gap for w in ANNOUNCING):
        return gap
    announced = ANNOUNCED.match(gap)
    if announced is None or (announced["said"] and not org):
        return gap
    return gap[announced.end() :]


ANNOUNCING = ("公告", "消息", "声明", "表示", "透露", "称", "宣布")


def typed_relations(text: str, mentions: list[Mention], names: dict[Mention, str]):
    """(rule, head mention, tail mention, title) for every rule that fires in one sentence."""
    at: dict[str, list[int]] = {}  # positions of the mentions of each type
    for k, m in enumerate(mentions):
        at.setdefault(m.label, []).append(k)
    name_of = [names[m] for m in mentions]
    # rules of the same types read the same pairs and gaps: found once, in the order rules read them
    pairs: dict[tuple, list[tuple[int, int, str]]] = {}
    for rule in relation_rules():
        kinds = (rule.left, rule.right, rule.left if rule.skip_left else None)
        # only partners are represented by their people; without a person the pairs are the same ones
        signing = rule.type == "PARTNERS_WITH" and "PERSON" in at
        if (kinds, signing) not in pairs:
            any_gap = any_rule_gap(kinds)
            found = open_pairs(text, mentions, name_of, at, *kinds, representatives=signing)
            pairs[(kinds, signing)] = [p for p in found if any_gap.fullmatch(p[2])]
        for i, j, gap in pairs[(kinds, signing)]:
            yield from fired(rule, text, mentions, name_of, i, j, gap)


@cache
def any_rule_gap(kinds: tuple[str, str, str | None]) -> re.Pattern:
    """One pattern that matches a gap if any rule of these mention kinds does: most pairs of a
    long sentence match none, and one match instead of one per rule keeps long texts fast."""
    gaps = [r.gap for r in relation_rules() if (r.left, r.right, r.left if r.skip_left else None) == kinds]
    if not all(g.pattern.startswith("^") for g in gaps):
        return re.compile(r"(?s).*")
    return re.compile("|".join(f"(?:{UNNAMED_GROUP.sub('(?:', g.pattern)})" for g in gaps))


UNNAMED_GROUP = re.compile(r"\(\?P<\w+>")


def open_pairs(text, mentions, name_of, at, left: str, right: str, skipped: str | None, representatives=False):
    """(i, j, gap) for each left-type mention i before a right-type mention j of another name
    with no mention of a third type between them. The gap is the text between, other right-type
    mentions written 〇 (and mentions of the ``skipped`` type 〓), without asides; it is built
    once per left mention, growing with j, not once per pair."""
    rights = at.get(right, [])
    aside = asides_of(text)
    representatives = representatives and left == right == "ORG"
    for i in at.get(left, []):
        parts, pos, k, after_org = [], mentions[i].end, i + 1, left == "ORG"
        for j in rights[bisect_right(rights, i) :]:
            while k < j:  # the mentions between the last j and this one join the gap
                m = mentions[k]
                if aside(m):  # a short form declared in brackets goes with the aside
                    k += 1
                    continue
                if representatives and after_org and represents(text, pos, m):
                    pos, k, after_org = m.end, k + 1, False  # X董事长A与Y…: A speaks for X, X is the party
                    continue
                mark = PLACEHOLDER if m.label == right else LEFT_PLACEHOLDER if m.label == skipped else None
                if mark is None:
                    break
                parts += (text[pos : m.start], mark)
                pos, k, after_org = m.end, k + 1, m.label == "ORG"
            if k < j:
                break  # a mention of a third type: no later pair of i is open either
            if name_of[i] != name_of[j]:
                gap = "".join(parts) + text[pos : mentions[j].start]
                yield i, j, subject_continued(without_asides(gap).translate(BOOK_MARKS), left == "ORG")


def represents(text: str, org_end: int, m: Mention) -> bool:
    """Whether person ``m`` follows an organization ending at ``org_end`` with only titles between
    (北辰集团董事长李明远): in a signing or a joint act the person stands for the organization."""
    return m.label == "PERSON" and bool(patterns().titles_only.fullmatch(text, org_end, m.start))


def fired(rule: RelationRule, text: str, mentions: list[Mention], name_of: list[str], i: int, j: int, gap: str):
    """What one rule gives for mentions i (left) and j (right), named ``name_of[i]`` and
    ``name_of[j]``, with ``gap`` between them: (rule, head, tail, title) for them and, where the
    rule chains, for the mentions coordinated with them."""
    left = mentions[i]
    g = gap_match(rule, gap)
    if not g:
        return
    following = coordinated(text, mentions, j, 1)
    end = mentions[(following or [j])[-1]].end
    stopped, a = cue_after(rule, text, left, gap, end)
    if stopped:
        return
    preceding = coordinated(text, mentions, i, -1)
    start = mentions[(preceding or [i])[-1]].start
    if rule.not_before and rule.not_before.search(text[:start]):
        return
    if (
        rule.objects_of_with
        and listed_after_with(text, mentions, [*reversed(preceding), i])
        and not JOINT.search(text[end : end + AFTER_WINDOW])
    ):
        return
    if rule.before and not rule.before.search(without_asides(text[max(0, start - BEFORE_WINDOW) : start])):
        return
    title = title_of(g, a)
    if title and not title_fits(title, name_of[i] if mentions[i].label == "ORG" else name_of[j]):
        return
    sources = [i, *preceding] if rule.left_chain else [i]
    targets = [j, *following] if rule.chain else [j]
    if rule.chain and not rule.chain_over_with:
        targets = until_with(text, mentions, targets)
    yield from oriented_pairs(rule, mentions, name_of, sources, targets, title)


# a government's heads are not a party committee's officers: 南湖市委书记A、市长B (B heads the government)
GOVERNMENT_HEAD = re.compile(r"(?:常务)?(?:副)?(?:省长|市长|区长|县长|州长|镇长|乡长)")
PARTY_COMMITTEE = re.compile(r"(?:[省市区县州镇乡]委|党委|党组)$")


# a company's posts are no government body's: 南湖市国资委任命Y为董事长 (of a company it does not name)
COMPANY_POST = re.compile(
    r"(?:副)?(?:董事长|董事|总经理|总裁|董事会秘书|监事会主席|监事|首席\w{1,4}官|CEO|CFO|COO|CTO)"
)
# not 部 or 局 (事业部, 香港金融管理局 have such posts), nor any 厅 (餐厅): a province's or a city's
GOVERNMENT_BODY = re.compile(r"(?:国资委|政府|[省市区县]委|[省市][\u4e00-\u9fff]{1,8}厅)$")


def title_fits(title: str, org: str) -> bool:
    """Whether ``title`` can be a post of the organization named ``org`` (see ``GOVERNMENT_HEAD``
    and ``COMPANY_POST``)."""
    if GOVERNMENT_HEAD.fullmatch(title) and PARTY_COMMITTEE.search(org):
        return False
    return not (COMPANY_POST.fullmatch(title) and GOVERNMENT_BODY.search(org))


def cue_after(rule: RelationRule, text: str, left: Mention, gap: str, end: int) -> tuple[bool, re.Match | None]:
    """(whether the pair is stopped, the match of the rule's cue after it): stopped where the rule
    needs a cue and finds none, or where a negation stands around the pair or before the cue. Why a
    regulator acted is often said with one (因未及时披露, 未正常运行): not read there for REGULATES."""
    a = rule.after.match(without_asides(text[end : end + AFTER_WINDOW].lstrip(BOOK_TITLE_END))) if rule.after else None
    if rule.after and not a:
        return True, None
    if rule.type == "REGULATES":  # 因未及时履行…被Y, …未正常运行，随即对其立案调查
        return negated(text, left, REASON.sub("", gap), end), a
    return negated(text, left, gap, end, a.group() if a else ""), a


REASON = re.compile(r"因[^，。；！？〇]*")  # why a regulator acted, in a passive gap: 因未及时披露 + 被


WITH = ("与", "同", "跟")


def until_with(text: str, mentions: list[Mention], run: list[int]) -> list[int]:
    """The mentions of a list up to the first one joined by 与, 同 or 跟 (``WITH``): X旗下A与B签署…
    makes A a unit of X, not B, which A deals with."""
    for k in range(1, len(run)):
        if any(w in text[mentions[run[k - 1]].end : mentions[run[k]].start] for w in WITH):
            return run[:k]
    return run


JOINT = re.compile(r"^[^。；！？]{0,20}?(?:共同|联合|携手|三方|四方|多方|各方)")  # all of them act together


def listed_after_with(text: str, mentions: list[Mention], run: list[int]) -> bool:
    """Whether the last mention of a coordinated ``run`` (in text order) stands after a 与 that
    joins the run, or the run opens after a 与: X与A、B等车企签约 lists A and B as X's partners (a
    star), not each other's."""
    return any(text[mentions[a].end : mentions[b].start].strip().endswith(WITH) for a, b in zip(run, run[1:])) or (
        objects_after_with().search(text, 0, mentions[run[0]].start) is not None
    )


@cache
def objects_after_with() -> re.Pattern:
    """A list that opens right after 与, perhaps after what its first member is: X先后与A、B和德国企业C…"""
    kinds = "|".join(word_lists().member_kinds)
    return re.compile(rf"(?:与|同|跟)(?:[^，。；！？、与和]{{0,8}}?(?:{kinds}))?$")


def title_of(gap: re.Match, after: re.Match | None) -> str | None:
    """The title the gap names, else the one the text after names (HOLDS_ROLE)."""
    title = gap.groupdict().get("title")
    return (title or after.groupdict().get("title")) if after else title


def gap_match(rule: RelationRule, gap: str) -> re.Match | None:
    return rule.gap.fullmatch(gap) if rule.gap.pattern.startswith("^") else rule.gap.search(gap)


def oriented_pairs(
    rule: RelationRule,
    mentions: list[Mention],
    name_of: list[str],
    sources: list[int],
    targets: list[int],
    title: str | None,
):
    for s in sources:
        for t in targets:
            if name_of[s] != name_of[t]:
                head, tail = (mentions[s], mentions[t]) if rule.head == "left" else (mentions[t], mentions[s])
                yield rule, head, tail, title


# X筹划收购Y部分股权的事项已于去年底终止: a deal called off at the end of its clause
CALLED_OFF = re.compile(r"[^，,。；;！？!?]{0,40}?(?:终止|取消|告吹|搁浅|叫停|宣告失败)(?:了)?(?:[，,。；;！？!?]|$)")


def negated(text: str, left: Mention, gap: str, end: int, up_to_cue: str = "") -> bool:
    """Negation and hedging around the pair, names themselves excluded (未成年保护专项), and in
    ``up_to_cue``, what a rule read after the pair up to its cue (…出现矛盾，X遂与Y终止合作)."""
    return bool(
        patterns().negation.search(
            text[max(0, left.start - 6) : left.start] + PLACEHOLDER + gap + PLACEHOLDER + text[end : end + 12]
        )
        or CALLED_OFF.match(text, end)
        or patterns().negation.search(up_to_cue)
    )


def group_sizes(found) -> dict[tuple[Mention, Mention], int]:
    """For each undirected pair a sentence links (X、Y和Z联合开展…), how many bodies it links at
    once: the two, and every mention linked the same way to both. A star (X分别与A、B) is pairs of
    two; a campaign of eight bodies gives each of its 28 pairs eight."""
    linked: dict[Mention, set[Mention]] = {}
    for rule, head, tail, _ in found:
        if rule.type in UNDIRECTED:
            linked.setdefault(head, set()).add(tail)
            linked.setdefault(tail, set()).add(head)
    return {
        (head, tail): 2 + len(linked[head] & linked[tail]) for rule, head, tail, _ in found if rule.type in UNDIRECTED
    }


class Collector:
    """The relations of one article as they are found: one per relation key, with one piece of
    evidence per pair of mentions (from the first rule that links them)."""

    def __init__(self, article: Article):
        self.article = article
        self.names = {m: e.name for e in article.entities for m in e.mentions}
        self.types = {e.name: e.type for e in article.entities}
        self.found: dict[tuple, Relation] = {}
        self.evidenced: dict[tuple, set[tuple]] = {}
        self.families: set[frozenset[str]] = set()  # a unit and the parent its name holds: no partners

    def add(self, kind, head_m, tail_m, rule_id, confidence, title=None, parties=2, sentence=None) -> None:
        """One piece of evidence: ``sentence``, where given, is the one that holds both mentions."""
        head, tail = self.names[head_m], self.names[tail_m]
        if (head, tail) != oriented(kind, head, tail):
            head, tail, head_m, tail_m = tail, head, tail_m, head_m
        key = relation_key(kind, head, tail, title)
        rel = self.found.get(key)
        if rel is None:
            rel = self.found[key] = Relation(kind, head, tail, self.types[head], self.types[tail], title=title)
            self.evidenced[key] = set()
        spans = (head_m.start, head_m.end, tail_m.start, tail_m.end)
        if spans[2:] < spans[:2]:
            spans = spans[2:] + spans[:2]  # the same two mentions, whichever is the head
        evidenced = self.evidenced[key]
        if spans in evidenced:
            return
        evidenced.add(spans)
        article = self.article
        sentence = sentence or article.sentence_at(head_m.start)
        rel.evidence.append(
            Evidence(
                article.id,
                sentence.text if sentence else "",
                (head_m.start, head_m.end),
                (tail_m.start, tail_m.end),
                rule_id,
                confidence,
                article.date,
                parties,
                article.page_of(head_m.start) if article.page_lines else None,
            )
        )

    def add_compound_parents(self) -> None:
        """A unit named inside its parent's name (the parent becomes an entity if it is not one)."""
        article = self.article
        for rule, unit, inner, parent in compound_parents(article):
            if parent not in self.types:
                article.entities.append(Entity(parent, "ORG", {inner.text} - {parent}, [inner]))
                self.types[parent] = "ORG"
            elif inner.text != parent:
                next(e for e in article.entities if e.name == parent).mentions.append(inner)
            self.names[inner] = parent
            self.add(rule.type, unit, inner, rule.id, rule.confidence)
            self.families.add(frozenset((self.names[unit], parent)))

    def add_sentence(self, sentence: Sentence, ms: list[Mention]) -> None:
        """Typed relations by rule, then co-occurrence, of the mentions of one sentence."""
        start = sentence.start
        local = [m.shifted(-start) for m in ms]
        back = dict(zip(local, ms))
        local_names = {lm: self.names[back[lm]] for lm in local}
        found = list(typed_relations(sentence.text, local, local_names))
        parties = group_sizes(found)
        for rule, head, tail, title in found:
            parts = parties.get((head, tail), 2)
            self.add(rule.type, back[head], back[tail], rule.id, rule.confidence, title, parts, sentence)
        model = active_model()
        if model is not None and CLAUSE_MARKS.search(sentence.text):  # a run without any is no sentence
            linked = {frozenset((local_names[head], local_names[tail])) for _, head, tail, _ in found} | self.families
            # the classifier learned from names, not from the 公司 that stands for one (graph/references.py)
            orgs = [m for m in local if m.label == "ORG" and m.rule != REFERENCE_RULE]
            spans = [(m.start, m.end, local_names[m]) for m in orgs]
            for i, j, p in learned_partners(model, sentence.text, spans, linked):
                first, second = orgs[i], orgs[j]
                if negated(sentence.text, first, sentence.text[first.end : second.start], second.end):
                    continue  # 否认, 终止: what stops a rule's pair stops the model's
                self.add("PARTNERS_WITH", back[first], back[second], PAIR_RULE, round(p, 3), sentence=sentence)
        self.add_co_occurrences(sentence, ms)

    def add_co_occurrences(self, sentence: Sentence, ms: list[Mention]) -> None:
        """CO_OCCURS for each two names of a sentence, evidenced by their first two mentions. A
        window of a run without punctuation is no sentence: there two names co-occur where they
        are at most ``UNPUNCTUATED_REACH`` characters apart (all of them in a short one)."""
        if len(sentence.text) > UNPUNCTUATED_REACH and not CLAUSE_MARKS.search(sentence.text):
            self.add_near_pairs(sentence, ms)
            return
        first: dict[str, Mention] = {}  # each name's first mention: the first pair of two names is theirs
        for m in ms:
            first.setdefault(self.names[m], m)
        for a, b in combinations(first.values(), 2):
            self.add("CO_OCCURS", a, b, "co-occurrence.sentence", 1.0, sentence=sentence)

    def add_near_pairs(self, sentence: Sentence, ms: list[Mention]) -> None:
        ms = sorted(ms, key=lambda m: m.start)
        paired: set[frozenset[str]] = set()
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                if b.start - a.end > UNPUNCTUATED_REACH:
                    break
                names = frozenset((self.names[a], self.names[b]))
                if len(names) == 2 and names not in paired:
                    paired.add(names)
                    self.add("CO_OCCURS", a, b, "co-occurrence.sentence", 1.0, sentence=sentence)


def extract_relations(article: Article) -> Article:
    """Pipeline stage: typed relations by rule and CO_OCCURS pairs, each with its evidence."""
    collector = Collector(article)
    collector.add_compound_parents()
    by_sentence: dict[int, list[Mention]] = {}
    for m in article.mentions:
        s = article.sentence_at(m.start)
        if s is not None and m in collector.names:
            by_sentence.setdefault(s.start, []).append(m)
    for start, ms in by_sentence.items():
        collector.add_sentence(article.sentence_at(start), ms)
    article.relations = list(collector.found.values())
    return article
