"""公司 and 该公司 (and 集团, 联盟, 协会, 该行) at the start of a clause, and 该公司 anywhere, 公司 before a
post (对公司董事长X) or as an owner (X仍为公司控股子公司), stand for a body the text named before, and
该项目, 该工程, 平台… for a project.

Business news names a company once and then calls it 公司 or 该公司: X成立于2016年，公司旗下子公司Y
负责…; X发布公告。公司董事长Z表示…. Such a word becomes a mention of that company
(``Mention.elided`` holds the company's name, its span the word itself), so the rules read
公司旗下子公司Y as they read X旗下子公司Y, and the evidence points at the word the text uses.

公司 is the company the text is about: the last company of its sentence that opens a clause (the
first name of the clause, after at most a short opening: 据了解，, 12月3日，, 近日), else the one of
the sentence before (X在获得大股东Y的支持后，公司董事长…: X, not Y). 该公司, "the said
company", is the last company named before it, in its sentence or the one before (X的大股东为Y，
该公司是…: Y). A company here is an organization that is no government body, school or
association. 集团, 联盟 and 协会 (and 该集团…) stand for the last body of their kind named in their
sentence or the one before, 该行 for the last bank. Nothing else is guessed: where no such body is
named, the word is left alone.

A project's kind as a clause's subject (平台由X承建, 该工程总投资8亿元，由X投资建设) stands for the last
project of that kind named in its sentence or the one before (``find_project_references``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from guanxi.graph.records import Article, Finder, Mention, Sentence
from guanxi.graph.spans import Range, SpanIndex

RULE_ID = "article.company-reference"
# the word at a clause's start, after a date or an adverb that may open it; not 公司法, 公司债, 公司制
REFERENCE = re.compile(
    r"(?:^|(?<=[，,；;：:]))(?:(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?[，,]?)?"
    r"(?:此外|另外|同时|目前|此前|随后|其中|近日|日前|今年|去年|据悉|据了解|与此同时|时任|现任)?[，,]?"
    r"(?P<word>该公司|公司|该集团|集团|该联盟|联盟|该协会|协会|该行(?![业为动列径情程使人政])|该银行)"
    r"(?!法|债|制|化|库|军|公司|[和、及])"
)
# 公司 as the body a post is taken in: Y获任公司总裁 (the company of the clause's subject); 集团 likewise
POST_IN = re.compile(
    r"(?<=获任|出任|担任|接任|升任|现任|聘为|任命)(?P<word>公司|集团)(?=副?(?:董事|总|行长|首席|秘书|监事|财务|CEO|CFO|COO|CTO))"
)
# 该公司 inside a clause: X已约谈该公司负责人. It stands for the last company of the sentence before, where
# its own sentence names none before it (X与Y签署收购该公司…的协议 may mean either); 该行, 该集团: the last
# body of that kind
SAID = re.compile(r"(?P<word>该公司|该集团|该行(?![业为动列径情程使人政])|该银行)(?!法|债|制|[和、及])")
# 公司 as the owner a company is or becomes a unit of: X将成为公司控股孙公司, X仍为公司控股子公司 (who
# announces it in the sentence, else the company the text is about)
OWNER = re.compile(
    r"(?<=成为|变为|仍为|现为|均为|已为|仍是|即为|仍系|现系)(?P<word>公司)(?=的?(?:全资|控股)?(?:子公司|孙公司|参股公司))"
)
# 公司 before a post, inside a clause: 并对公司董事长X采取…, 聘任X为公司总裁 (the company last named)
TITLED = re.compile(r"(?<=[对向与和及、为])(?P<word>公司)(?=副?(?:董事长|总经理|总裁|董事|监事|财务总监|首席|CEO|CFO))")
# the word for a kind of body -> what the name of the body it stands for holds (该行: a bank)
KINDS = {"该集团": "集团", "集团": "集团", "该联盟": "联盟", "联盟": "联盟", "该协会": "协会", "协会": "协会"}
KINDS |= {"该行": "银行", "该银行": "银行"}
# what may stand before a clause's subject: a short opening and its comma, or a time word
SUBJECT_OPENING = re.compile(
    r"(?:[^，,。；;！？!?“”]{0,8}[，,])?(?:近日|日前|今日|昨日|此前|目前|同时|此外|另外|随后|当日|当天|今年|去年)?"
)
CLAUSE_MARKS = "，,；;：: \u3000"  # a space too: a dateline's, a headline's halves
DATELINE = re.compile(r"[^，,。；;]{0,10}?(?:日讯|日电)|讯")  # after who reports: 新华社北京12月3日电, X网讯
# a body that is no company: a government, a school, an association (not 公司's antecedent)
NO_COMPANY = re.compile(r"(?:部|局|委|委员会|政府|厅|办|办公室|署|院|校|大学|学院|协会|学会|联盟|中心|所|会)$")


class Context(NamedTuple):
    """What a sentence leaves for the next one's references: its subject, its last company, its
    mentions (references included) and the sentence itself."""

    subject: Mention | None = None
    company: Mention | None = None
    mentions: tuple[Mention, ...] = ()
    sentence: Sentence | None = None


def find_company_references(article: Article) -> Article:
    """Pipeline stage: see the module's docstring."""
    if not any(m.label == "ORG" for m in article.mentions):
        return article
    found: list[Mention] = []
    previous = Context()
    mentions = sorted(article.mentions, key=lambda m: m.start)
    starts = [m.start for m in mentions]
    taken = SpanIndex(mentions)
    for sentence in article.sentences:
        inside = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        here = []
        for ref in references_in(sentence.text):
            start, end = sentence.start + ref.start("word"), sentence.start + ref.end("word")
            company = company_for(ref, sentence, [m for m in inside if m.end <= start], previous)
            if company is not None and not taken.any_overlapping(Range(start, end)):
                here.append(Mention(article.id, start, end, ref["word"], "ORG", Finder.RULE, RULE_ID, company.name))
        previous = context_of(sentence, inside, here)
        found += here
    if found:
        article.mentions = sorted([*article.mentions, *found], key=lambda m: m.start)
    return article


def references_in(text: str) -> list[re.Match]:
    """The words of a sentence that may stand for a company, in text order: at a clause's start or as
    the body a post is taken in, and inside a clause (``SAID``, ``OWNER``, ``TITLED``)."""
    refs = [*REFERENCE.finditer(text), *POST_IN.finditer(text)]
    opening = {r.start("word") for r in refs}
    inner = (*SAID.finditer(text), *OWNER.finditer(text), *TITLED.finditer(text))
    refs += [r for r in inner if r.start("word") not in opening]
    return sorted(refs, key=lambda r: r.start("word"))


def company_for(ref: re.Match, sentence: Sentence, before: list[Mention], previous: Context) -> Mention | None:
    """The company a reference stands for (``before``: the mentions of its sentence before it)."""
    if ref.re is SAID and ref["word"] in KINDS:  # 接任该行行长: the last bank, of this sentence or the one before
        return antecedent(ref["word"], sentence, before, previous)
    if ref.re is SAID:  # inside a clause: only a company of the sentence before, none of its own
        return None if last_company(sentence, before) else previous.company
    if ref.re is OWNER:  # the clause's subject is the unit: 公司 is who announces it, or what the text is about
        announcer = clause_subject(sentence, before)
        return (
            announcer if announcer is not None and announcer is not last_company(sentence, before) else previous.subject
        )
    if ref.re is TITLED:  # 对公司董事长X: the company last named
        return last_company(sentence, before) or previous.company
    return antecedent(ref["word"], sentence, before, previous)


PROJECT_RULE_ID = "article.project-reference"
# a project's kind opening a clause as its subject: 平台由X承建, 该工程总投资8亿元, 项目建成后
PROJECT_KINDS = "项目|工程|平台|基地|产业园|示范区|示范园|园区|系统"
PROJECT_REFERENCE = re.compile(
    rf"(?:^|(?<=[，,；;：:]))(?P<word>(?:该|这一|此)?(?P<kind>{PROJECT_KINDS}))"
    r"(?=由|是|系|总投资|位于|将|已|于|建成|投产|计划|预计|占地)"
)


def find_project_references(article: Article) -> Article:
    """Pipeline stage: a project's kind opening a clause (平台由X承建, 该工程总投资8亿元) stands for the
    last project of that kind named in its sentence or the one before (项目: the last project), as
    公司 does for a company; not where another project may be meant (``ambiguous``)."""
    projects = sorted((m for m in article.mentions if m.label == "PROJECT"), key=lambda m: m.start)
    if not projects:
        return article
    starts = [p.start for p in projects]
    taken, found = SpanIndex(article.mentions), []
    sentences = article.sentences
    for k, sentence in enumerate(sentences):
        since = sentences[k - 1].start if k else sentence.start
        for ref in PROJECT_REFERENCE.finditer(sentence.text):
            start, end = sentence.start + ref.start("word"), sentence.start + ref.end("word")
            named = projects[bisect_left(starts, since) : bisect_left(starts, start)]
            fits = [p for p in named if p.end <= start and kind_fits(ref["kind"], p, article.text)]
            if fits and not ambiguous(article.text, fits, start) and not taken.any_overlapping(Range(start, end)):
                reference = Mention(article.id, start, end, ref["word"], "PROJECT", Finder.RULE, PROJECT_RULE_ID)
                found.append(replace(reference, elided=fits[-1].name))
    if found:
        article.mentions = sorted([*article.mentions, *found], key=lambda m: m.start)
    return article


def kind_fits(kind: str, project: Mention, text: str) -> bool:
    """Whether a project's kind may stand for a project of that name: 项目 for any, 园区 for a park
    (…示范园, …产业园), another kind for a name that ends in it or a quoted name right after it."""
    name = project.name
    said_before = name.startswith("“") and text.endswith(kind, 0, project.start)  # 政务服务平台“西陵通”
    return kind == "项目" or said_before or name.rstrip("”").endswith(KIND_ENDINGS.get(kind, (kind,)))


KIND_ENDINGS = {"园区": ("园区", "园")}


def ambiguous(text: str, fits: list[Mention], at: int) -> bool:
    """Whether the reference at ``at`` may stand for another project than the last of ``fits``: an
    unnamed one of a project's kind in between (…签约一个新能源项目，项目由X…), or one named with it
    (A工程和B工程同时开工，工程由X承建)."""
    last = fits[-1]
    if UNNAMED_PROJECT.search(text, last.end, at):
        return True
    return len(fits) > 1 and text[fits[-2].end : last.start] in ("和", "与", "及", "、", "以及")


UNNAMED_PROJECT = re.compile(PROJECT_KINDS)


def antecedent(word: str, sentence: Sentence, before: list[Mention], previous: Context) -> Mention | None:
    """The company ``word`` stands for, given the mentions of its sentence ``before`` it and what
    the sentence before left."""
    starts = {m.start - sentence.start for m in before}
    if any(owns_an_unnamed_company(sentence.text, m.end - sentence.start, starts) for m in before):
        return None
    if word in KINDS:
        return last_of_kind(sentence, before, KINDS[word]) or last_of_kind(
            previous.sentence, previous.mentions, KINDS[word]
        )
    if word == "该公司":
        return last_company(sentence, before) or previous.company
    return clause_subject(sentence, before) or previous.subject


def context_of(sentence: Sentence, inside: list[Mention], found: list[Mention]) -> Context:
    """What a sentence leaves for the next one (``found``: the references found in it): where 公司
    opens it and it names no company, that word's company."""
    opening = found[-1] if found and found[-1].start == sentence.start + sentence_opening(sentence) else None
    opening = opening if opening is not None and opening.text in ("公司", "该公司") else None
    mentions = tuple(sorted([*inside, *found], key=lambda m: m.start))
    return Context(
        clause_subject(sentence, inside) or opening, last_company(sentence, inside) or opening, mentions, sentence
    )


def last_of_kind(sentence: Sentence | None, mentions: Sequence[Mention], kind: str) -> Mention | None:
    """The last organization of ``mentions`` whose name holds ``kind`` (联盟 for 该联盟), and that is
    no object (see ``an_object``)."""
    return last_named(sentence, mentions, lambda name: kind in name)


def last_company(sentence: Sentence | None, mentions: Sequence[Mention]) -> Mention | None:
    """The last company of ``mentions`` that is no object (see ``an_object``)."""
    return last_named(sentence, mentions, lambda name: not NO_COMPANY.search(name))


def last_named(sentence: Sentence | None, mentions: Sequence[Mention], fits: Callable[[str], bool]) -> Mention | None:
    """The last organization of ``mentions`` whose name ``fits`` and that is no object."""
    return next(
        (m for m in reversed(mentions) if m.label == "ORG" and fits(m.name) and not an_object(sentence, m)), None
    )


def an_object(sentence: Sentence | None, m: Mention) -> bool:
    """Whether ``m`` is joined to a name before it (X与Y签署…: Y) or is the owner in a predicate (X是Y
    的供应商: Y; not Y的董事长 opening a clause): then "the said company" is the other one."""
    if sentence is None:
        return False
    at, end = m.start - sentence.start, m.end - sentence.start
    owner = sentence.text.startswith("的", end) and sentence.text[at - 1 : at] in ("是", "为")
    return sentence.text[at - 1 : at] in JOINED or owner


JOINED = tuple("与和同及、")


def clause_subject(sentence: Sentence, mentions: list[Mention]) -> Mention | None:
    """The last company of ``mentions`` (the sentence's, in text order) that opens a clause (after
    at most a short opening: 据了解，, 12月3日，, 近日), if it is the clause's first name."""
    found, announcer, text = None, None, sentence.text
    for k, m in enumerate(mentions):
        at = m.start - sentence.start
        clause = max(text.rfind(c, 0, at) for c in CLAUSE_MARKS) + 1
        if m.label != "ORG" or NO_COMPANY.search(m.name) or (k and mentions[k - 1].start - sentence.start >= clause):
            continue
        if DATELINE.match(text, m.end - sentence.start):
            continue
        if SUBJECT_OPENING.fullmatch(text, clause, at):
            found = m
            if ANNOUNCES.match(text, m.end - sentence.start):
                announcer = m
    return announcer or found


# what a company that announces does: X12月5日晚间公告，…公司…: 公司 is X, whatever clause opens after it
ANNOUNCES = re.compile(r"[^，,。；;]{0,12}?(?:公告|宣布|披露|表示|透露|(?<![名简号被])称(?![号为]))")


def owns_an_unnamed_company(text: str, at: int, starts: set[int]) -> bool:
    """Whether what follows ``at`` in ``text`` is a company of the name before it, unnamed (X的子公司
    发布公告称，公司…: the subsidiary announces; not X的控股股东Y, where a mention starts after it)."""
    unit = UNIT_OF.match(text, at)
    if unit is None:
        return False
    named_at = unit.end() + 1 if text[unit.end() : unit.end() + 1] in ("为", "是") else unit.end()
    return named_at not in starts  # X的控股股东Y, X的控股股东为Y: named


UNIT_OF = re.compile(r"的?(?:全资|控股)?(?:子公司|孙公司|分公司|母公司|控股股东|旗下公司|下属公司)")


def sentence_opening(sentence: Sentence) -> int:
    return SUBJECT_OPENING.match(sentence.text).end()
