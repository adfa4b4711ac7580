"""Entity rules: patterns from ``data/rules.toml`` that find POLICY, PROJECT and PERSON spans."""

from __future__ import annotations

import re
import tomllib
from dataclasses import Field, dataclass, field, fields
from functools import cache
from pathlib import Path

from guanxi.graph.records import Article, Finder, Mention

RULES_FILE = Path(__file__).parent / "data" / "rules.toml"
OPEN_QUOTE = "“"
LIST_REF = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class EntityRule:
    id: str
    label: str
    pattern: re.Pattern
    trim_left: bool = False
    surname: bool = False
    fallback: bool = False  # only where no other finder found anything (Finder.FALLBACK)
    needs: tuple[str, ...] = ()  # words the pattern cannot match without: a text with none is not searched


@cache
def load_table(path: Path = RULES_FILE) -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)


def expand(pattern: str, lists: dict) -> str:
    """Replace ``{name}`` with an alternation of the list ``name`` (longest first)."""

    def alternation(match: re.Match) -> str:
        name = match.group(1)
        if name not in lists:
            return match.group(0)
        items = list(lists[name])  # a list of words, or a string of characters
        return "(?:" + "|".join(re.escape(x) for x in sorted(items, key=len, reverse=True)) + ")"

    return LIST_REF.sub(alternation, pattern)


@cache
def entity_rules(path: Path = RULES_FILE) -> tuple[EntityRule, ...]:
    table = load_table(path)
    lists = table.get("lists", {})
    return tuple(
        EntityRule(
            r["id"],
            r["label"],
            re.compile(expand(r["pattern"], lists)),
            r.get("trim_left", False),
            r.get("surname", False),
            r.get("fallback", False),
            tuple(r.get("needs", ())),
        )
        for r in table.get("entity", [])
    )


@dataclass(frozen=True)
class WordLists:
    """The word lists of rules.toml's [lists] and the words of its [words], each under its key
    there. Lists come longest first (a word matched at the start or end of a name is tried longest
    first); those that are only asked whether they hold a word are sets."""

    left_boundaries: tuple[str, ...]
    words_holding_boundaries: frozenset[str]
    transliteration_characters: frozenset[str]
    world_countries: frozenset[str]
    action_verbs: frozenset[str]  # left boundaries that never end a name before a bare suffix
    generic: frozenset[str]
    project_suffixes: tuple[str, ...]
    generic_project_words: tuple[str, ...]
    surnames: frozenset[str]  # one character each
    org_suffixes: tuple[str, ...]
    legal_suffixes: tuple[str, ...]
    provinces: tuple[str, ...]
    countries: tuple[str, ...]
    generic_orgs: frozenset[str]
    generic_kinds: frozenset[str]
    not_in_org_names: tuple[str, ...]
    noun_compounds: tuple[str, ...]  # a not_in_org_names word as part of a name's noun: 投资集团
    org_name_endings: tuple[str, ...]
    alias_traps: tuple[str, ...]
    generic_org_endings: tuple[str, ...]
    company_words: tuple[str, ...]
    company_name_endings: tuple[str, ...]
    not_org_endings: tuple[str, ...]
    product_nouns: tuple[str, ...]
    unit_leads: tuple[str, ...]
    bare_units: frozenset[str]
    name_joiners: tuple[str, ...]
    compound_surnames: frozenset[str]
    list_verb_endings: tuple[str, ...]
    list_joiners: frozenset[str]  # one character each
    member_kinds: tuple[str, ...]
    place_marks: frozenset[str]
    agreements: tuple[str, ...]
    context_project_kinds: tuple[str, ...]
    platform_kinds: tuple[str, ...]
    lexicon_org_endings: tuple[str, ...]
    not_lexicon_name_endings: tuple[str, ...]
    name_end_words: frozenset[str]  # one character each
    after_name_words: tuple[str, ...]  # may follow a lexicon name where it ends
    trade_words: tuple[str, ...]
    open_trades: frozenset[str]
    latin_terms: frozenset[str]
    titles: tuple[str, ...]
    platform: str
    possessive: str
    etc: str
    after_place: str  # characters
    places: tuple[str, ...] = field(init=False)  # provinces and countries

    def __post_init__(self):
        object.__setattr__(self, "places", longest_first({*self.provinces, *self.countries}))


def longest_first(words) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


@cache
def word_lists(path: Path = RULES_FILE) -> WordLists:
    table = load_table(path)
    lists = table.get("lists", {})

    def shaped(f: Field):
        if f.type == "str":
            return table["words"][f.name]
        words = lists.get(f.name, [])
        return frozenset(words) if f.type.startswith("frozenset") else longest_first(words)

    return WordLists(**{f.name: shaped(f) for f in fields(WordLists) if f.init})


@dataclass(frozen=True)
class Patterns:
    """The regular expressions of rules.toml's [patterns], each under its key there."""

    anonymized_person: re.Pattern
    district: re.Pattern
    description: re.Pattern
    list_middle: re.Pattern
    list_end: re.Pattern
    local_body: re.Pattern
    department: re.Pattern
    place_at_end: re.Pattern
    chain_gap: re.Pattern
    negation: re.Pattern
    declared_abbreviation: re.Pattern
    lexicon_name: re.Pattern
    titles_only: re.Pattern


@cache
def patterns(path: Path = RULES_FILE) -> Patterns:
    table = load_table(path)
    lists = table.get("lists", {})
    return Patterns(**{f.name: re.compile(expand(table["patterns"][f.name], lists)) for f in fields(Patterns)})


@cache
def branch_patterns(path: Path = RULES_FILE) -> tuple[tuple[str, re.Pattern], ...]:
    """(how a name ends, the branches that may follow it) from rules.toml's [branch_after]."""
    return tuple((ending, re.compile(p)) for ending, p in load_table(path).get("branch_after", {}).items())


def trim_left(text: str, start: int, words: WordLists) -> int:
    """Offset where the name really starts: just after the last boundary word inside it.

    A two-character boundary that would leave only a bare suffix is part of the name
    (建设 in 网络内容建设工程), unless it is a verb of action (签署 in …签署协议); a one-character
    one is not (了 in 规划了先导区 leaves 先导区, which the generic check then drops), unless it is
    part of a common word (由 of 自由贸易试验区: ``words_holding_boundaries``)."""
    best = 0
    for w in words.left_boundaries:
        k = text.rfind(w)
        while k > 0 or (k == 0 and len(w) < len(text)):
            rest = text[k + len(w) :]
            bare = len(w) > 1 and len(rest) <= 3 and rest in words.project_suffixes and w not in words.action_verbs
            inside_a_word = len(w) == 1 and (
                text[max(0, k - 1) : k + 1] in words.words_holding_boundaries
                or text[k : k + 2] in words.words_holding_boundaries
            )
            if len(rest) >= 2 and not bare and not inside_a_word:
                best = max(best, k + len(w))
                break
            k = text.rfind(w, 0, k)
            if k < 0:
                break
    return start + best


QUOTED = re.compile(r"“([^“”]+)”")
PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")  # a five-year plan's period
TECH_MARKS = re.compile(r"[0-9A-Za-z+＋.\-]+")  # 5G, +, AI: what a technology's name holds besides words

# a count of undertakings is not the name of one: 42个重点项目, 两大工程
COUNTED = re.compile(r"[\d一二三四五六七八九十百千两几多数]+(?:个|家|份|批|项|大)")
# nor is a scope: 全省乡村振兴重点项目, 我市重大项目 (全国 may open a name: 全国一体化算力网络); unless a
# name follows the description (我市重大项目南湖港扩建工程)
SCOPE = re.compile(r"^(?:全|我|本|各)(?:省|市|区|县)|^各地")
KIND_INSIDE = re.compile(r"(?:项目|工程)(?=[\u4e00-\u9fff]{2})")  # 我市重大项目 + 南湖港扩建工程: then a name
# nor is a capacity: 12英寸硅片扩产项目, 年产5万吨正极材料项目, 100兆瓦光伏项目
CAPACITY = re.compile(
    r"^(?:年产|新增|总)?[\d.]+(?:万|亿|千)?(?:英寸|吨|兆瓦|千瓦|吉瓦|GW|MW|GWh|台|套|辆|片|平方米|亩|公里)"
)


def is_generic(name: str, words: WordLists) -> bool:
    """True for a project 'name' that only says what kind of thing it is: 跨链协议, 重点项目."""
    if name.endswith(words.agreements):
        return True
    if OPEN_QUOTE in name:  # a quoted name, unless it quotes only a technology (“5G+工业互联网”平台)
        quoted = QUOTED.search(name)  # and what follows names no more than a kind (not “…”512工程)
        if quoted and PLAN_PERIOD.fullmatch(quoted.group(1)):  # “十四五”重点建设项目: a period, then words
            return generic_words_then_kind(name[quoted.end() :], words)
        return (
            bool(quoted)
            and only_generic_words(TECH_MARKS.sub("", quoted.group(1)), words)
            and not any(c.isdigit() for c in name[quoted.end() :])
        )
    core = name
    for suffix in (*words.project_suffixes, *words.context_project_kinds):
        if core.endswith(suffix):
            core = core[: -len(suffix)]
            break
    return (
        only_generic_words(core, words)
        or bool(COUNTED.search(core))
        or bool(CAPACITY.match(core))
        or bool(SCOPE.match(core) and not KIND_INSIDE.search(core))
        or generic_words_then_kind(name, words)
    )


def surname_length(text: str, i: int, words: WordLists) -> int:
    """How long the surname is that starts at ``text[i]``: 2 for a compound one (欧阳), 1 for a
    one-character one of the table, 0 where none starts there."""
    return 2 if text[i : i + 2] in words.compound_surnames else 1 if text[i : i + 1] in words.surnames else 0


def generic_words_then_kind(name: str, words: WordLists) -> bool:
    """A kind after nothing but words of the generic list (and other kinds): 重点建设项目, 重大工程项目, 产业园项目,
    or what follows a quoted plan period (“十四五”重点建设项目). Says what kind of project, not which."""
    kind = next((k for k in words.project_suffixes if name.endswith(k)), None)
    return kind is not None and made_of(name[: -len(kind)], generic_parts(words))


@cache
def generic_parts(words: WordLists) -> tuple[str, ...]:
    """The generic words of two characters or more and the project kinds, longest first: what a
    description of a kind of project is made of (asked for every project a rule finds)."""
    return longest_first({*(w for w in words.generic if len(w) >= 2), *words.project_suffixes})


def only_generic_words(core: str, words: WordLists) -> bool:
    """True when ``core`` (a name without its kind: 跨链 of 跨链协议, 人工智能 of 人工智能公司) says
    nothing but what kind of thing it is."""
    return len(core) < 2 or core in words.generic or made_of(core, words.generic_project_words)


def made_of(text: str, parts: tuple[str, ...]) -> bool:
    """Whether ``text`` is nothing but ``parts`` one after another (each the first of them that fits)."""
    while text:
        part = next((p for p in parts if text.startswith(p)), None)
        if part is None:
            return False
        text = text[len(part) :]
    return True


def apply_entity_rules(text: str, doc_id: str, offset: int = 0) -> list[Mention]:
    """Mentions found by the rule table in ``text``; offsets are ``offset`` + position in text."""
    words = word_lists()
    found = []
    for rule in entity_rules():
        if rule.needs and not any(w in text for w in rule.needs):
            continue
        for m in rule.pattern.finditer(text):
            start, end = m.span("name")
            if rule.trim_left:
                start = trim_left(text[start:end], start, words)
            name = text[start:end]
            if rule.label == "PROJECT" and is_generic(name, words):
                continue
            if rule.surname and name[0] not in words.surnames:
                continue
            finder = Finder.FALLBACK if rule.fallback else Finder.RULE
            found.append(Mention(doc_id, offset + start, offset + end, name, rule.label, finder, rule.id))
    return found


def find_rule_mentions(article: Article) -> Article:
    """Pipeline stage: add rule mentions for every sentence of the article."""
    for s in article.sentences:
        article.mentions.extend(apply_entity_rules(s.text, article.id, s.start))
    return article
