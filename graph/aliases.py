"""Names and aliases: the organization dictionary, overlap resolution, and per-article entities.

Every merge records why it happened (``Entity.merge_reasons``), so a user can see why two names
became one node.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.errors import InputError
from graph.gazetteer import Gazetteer, latin_boundary
from graph.records import ENTITY_TYPES, Article, Entity, Mention
from graph.rules import is_generic, load_table, word_lists

ALIASES_FILE = Path(__file__).parent / "data" / "aliases.tsv"
ABBREVIATION = re.compile(r"^[（(](?:以下)?简称[：:]?(?P<short>[^，。；（）()]{1,16})[）)]")
ANONYMIZED = re.compile(r"^.{1,2}(?:女士|先生|小姐|某+|老师|师傅)$")     # 江女士, 王某: not a named person
LATIN_FULL_NAME = re.compile(r"^[A-Z][a-z]+(?: ?[A-Z][a-z]+)+$")  # a one-word Latin "person" is mostly a term
PRIORITY = {"rule": 4, "dict": 3, "lexicon": 2, "ner": 1}


@dataclass(frozen=True)
class AliasEntry:
    canonical: str
    type: str
    aliases: tuple[str, ...]


class AliasTable:
    """Canonical names and their aliases; later files override earlier ones."""

    def __init__(self, entries: list[AliasEntry]):
        self.entries = entries
        self.by_form: dict[str, AliasEntry] = {}
        for e in entries:
            for form in (e.canonical, *e.aliases):
                self.by_form[form] = e
        self.gazetteer = Gazetteer(self.by_form, boundary=table_boundary)

    @classmethod
    def from_files(cls, paths: list[Path]) -> "AliasTable":
        entries: list[AliasEntry] = []
        for path in paths:
            entries.extend(read_alias_file(path))
        return cls(entries)

    def lookup(self, form: str) -> AliasEntry | None:
        return self.by_form.get(form)


def table_boundary(text: str, start: int, end: int) -> bool:
    """Where a table name counts: Latin names at word boundaries, and no name inside one of the
    words listed as traps in the rule table (高通 is not in 提高通信, 佳能 not in 最佳能力)."""
    if not latin_boundary(text, start, end):
        return False
    name = text[start:end]
    for trap in alias_traps():
        k = trap.find(name)
        if k >= 0 and text[start - k:start - k + len(trap)] == trap and start - k >= 0:
            return False
    return True


@lru_cache(maxsize=None)
def alias_traps() -> tuple[str, ...]:
    return tuple(load_table().get("lists", {}).get("alias_traps", []))


def read_alias_file(path: Path) -> list[AliasEntry]:
    """Lines of ``canonical<TAB>TYPE<TAB>alias|alias``; # starts a comment."""
    entries = []
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"Could not read the alias file {path}: {e.strerror}") from e
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 2 or parts[1] not in ENTITY_TYPES:
            raise InputError(f"{path}:{number}: expected 'canonical<TAB>TYPE<TAB>aliases' with TYPE one of "
                             f"{', '.join(ENTITY_TYPES)}, got {line!r}")
        aliases = tuple(a for a in (parts[2].split("|") if len(parts) > 2 else []) if a)
        entries.append(AliasEntry(parts[0], parts[1], aliases))
    return entries


def alias_files() -> list[Path]:
    """The shipped table, then the user's override file named by GUANXI_ALIASES."""
    paths = [ALIASES_FILE]
    if os.environ.get("GUANXI_ALIASES"):
        paths.append(Path(os.environ["GUANXI_ALIASES"]))
    return paths


@lru_cache(maxsize=4)
def _table(paths: tuple[Path, ...]) -> AliasTable:
    return AliasTable.from_files(list(paths))


def alias_table() -> AliasTable:
    return _table(tuple(alias_files()))


@lru_cache(maxsize=None)
def suffix_lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lists = load_table().get("lists", {})
    by_len = lambda xs: tuple(sorted(xs, key=len, reverse=True))  # noqa: E731
    return by_len(lists.get("org_suffixes", [])), by_len(lists.get("legal_suffixes", []))


@lru_cache(maxsize=None)
def generic_org_lists() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    lists = load_table().get("lists", {})
    places = sorted({*lists.get("provinces", []), *lists.get("countries", [])}, key=len, reverse=True)
    return tuple(places), frozenset(lists.get("generic_orgs", [])), frozenset(lists.get("generic_kinds", []))


def is_generic_org(name: str) -> bool:
    """True for a mention such as 商业银行, 韩国财团 or 人工智能公司: a kind of organization, not a
    name; also a place on its own (澳大利亚) and 'the departments in charge'."""
    places, generic, kinds = generic_org_lists()
    if name in generic or name in kinds or name in places or name.endswith(("主管部门", "有关部门", "相关部门")):
        return True
    if name.endswith(("公司", "企业")) and is_generic(name[:-2] + "项目", word_lists()):
        return True                                            # 人工智能公司, 互联网企业
    for place in places:
        if name.startswith(place):
            return name[len(place):].lstrip("省市的") in kinds
    return False


def strip_legal_suffix(name: str) -> str:
    _, legal = suffix_lists()
    for suffix in legal:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def find_dictionary_mentions(article: Article) -> Article:
    """Pipeline stage: every name of the alias table found in the text."""
    table = alias_table()
    for start, end in table.gazetteer.find(article.text):
        name = article.text[start:end]
        article.mentions.append(Mention(article.id, start, end, name, table.lookup(name).type, "dict"))
    return article


def extend_org(m: Mention, text: str) -> Mention:
    org_suffixes, _ = suffix_lists()
    for suffix in org_suffixes:
        if text.startswith(suffix, m.end):
            end = m.end + len(suffix)
            return Mention(m.doc_id, m.start, end, text[m.start:end], m.label, m.source)
    return m


def select_mentions(article: Article) -> Article:
    """Pipeline stage: extend ORG spans over a following suffix, keep scored types, resolve overlaps.

    A rule's span beats an overlapping model span (部长肖亚庆 gives 肖亚庆, not 长肖亚庆); otherwise
    longer spans win, and at equal length a rule beats the dictionary, which beats the lexicon,
    which beats the model. A model PERSON that is anonymized (江女士), a place used as one (郑州·,
    not the professor 沈阳), one Latin word (Metaverse), Latin mixed with Chinese (TrendForce集邦), or
    holds a known organization name (比纳斯达克), is dropped.
    """
    kind = lambda m: m.source if m.source in PRIORITY else "rule"  # noqa: E731
    known_orgs = [m for m in article.mentions if m.label == "ORG" and kind(m) in ("dict", "lexicon")]
    candidates = []
    for m in article.mentions:
        if m.label not in ENTITY_TYPES:
            continue
        if m.label == "ORG":
            m = extend_org(m, article.text)
            if m.source != "dict" and is_generic_org(m.text):
                continue
            if kind(m) == "ner":
                anchors = [o for o in article.mentions if o.label == "ORG" and kind(o) != "ner"
                           and o.start == m.start and o.end < m.end]
                m = rest_after(m, anchors, article.text, leads_only=True) or m
                if not plausible_org_span(m, known_orgs):
                    continue
                if m.text.endswith("平台"):             # a platform being built is a PROJECT (schema)
                    m = Mention(m.doc_id, m.start, m.end, m.text, "PROJECT", m.source)
        if m.label == "PERSON" and kind(m) == "ner":
            m = strip_name_dots(m)
            place = m.text in generic_org_lists()[0] and article.text[m.end:m.end + 1] in ("·", "市", "省", "区", "")
            mixed = not m.text.isascii() and any(c.isascii() and c.isalpha() for c in m.text)   # TrendForce集邦
            if len(m.text) < 2 or place or mixed or ANONYMIZED.match(m.text) \
                    or (m.text.isascii() and not LATIN_FULL_NAME.match(m.text)) \
                    or any(m.start <= o.start and o.end <= m.end for o in known_orgs):
                continue
        candidates.append(m)
    others = [m for m in candidates if not m.source.startswith("fallback:")]
    candidates = [m for m in candidates
                  if not m.source.startswith("fallback:") or not any(overlaps(m, o) for o in others)]
    candidates.sort(key=lambda m: (-(m.end - m.start), -PRIORITY[kind(m)], m.start))
    rule_spans = [m for m in candidates if kind(m) == "rule"]
    taken: list[Mention] = []
    for m in candidates:
        if kind(m) == "ner":
            beaten_by = [r for r in rule_spans if overlaps(m, r) and not names_the_rule_span(m, r)]
            if beaten_by:
                m = rest_after(m, beaten_by, article.text)
                if m is None:
                    continue
        if not any(overlaps(m, t) for t in taken):
            taken.append(m)
    article.mentions = sorted(taken, key=lambda m: m.start)
    return article


@lru_cache(maxsize=None)
def org_span_lists() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lists = load_table().get("lists", {})
    return tuple(lists.get("not_in_org_names", [])), tuple(lists.get("org_name_endings", []))


def plausible_org_span(m: Mention, known_orgs: list[Mention]) -> bool:
    """False for a model ORG span that holds a verb (谷歌合计占数据中心), that is a known name plus
    text that does not end like an organization (微软达, Gartner研究), a known name with one
    character of the word before it (股搜狗公司) or a country before it (美国亚马逊公司), a team
    (沈阳教授团队), or a product on a platform (VR社交平台Horizon)."""
    verbs, endings = org_span_lists()
    if any(v in m.text for v in verbs) or m.text.endswith("团队"):
        return False
    if "平台" in m.text[:-2] and not m.text.endswith(endings):        # VR社交平台Horizon: a product
        return False
    if m.text.endswith("平台") and is_generic(m.text[:-2] + "项目", word_lists()):   # 元宇宙社交平台
        return False
    places = generic_org_lists()[0]
    for o in known_orgs:
        if o.end == m.end and o.start > m.start and m.text[: o.start - m.start] in places \
                and (o.text.endswith(("公司", "集团")) or o.text.isascii()):
            return False                                              # 美国 + 亚马逊公司, not 韩国财政部
        if o.start == m.start and o.end < m.end and not m.text.endswith(endings):
            return False
        if o.end == m.end and o.start == m.start + 1:      # 股搜狗公司: the last character of 入股
            return False
        if o.start == m.start and m.text[len(o.text):] in UNIT_LEADS + ("总部",):   # 阿里巴巴全资子公司
            return False
    return True


def names_the_rule_span(model: Mention, rule: Mention) -> bool:
    """A model ORG that holds a PROJECT or POLICY found by rule and ends like an organization is
    the organization named after it (中国电子商务产业园发展联盟), and keeps its span."""
    return (model.label == "ORG" and rule.label in ("PROJECT", "POLICY") and model.start <= rule.start
            and rule.end < model.end and model.text.endswith(org_span_lists()[1]))


UNIT_LEADS = ("旗下子公司", "下属子公司", "全资子公司", "控股子公司", "下属公司", "旗下公司", "子公司", "下属", "旗下")


def rest_after(model: Mention, spans: list[Mention], text: str, leads_only: bool = False) -> Mention | None:
    """What is left of a model ORG span after the spans at its start, if that is a name on its
    own: 洋河股份下属公司贵州贵酒集团有限公司 -> 贵州贵酒集团有限公司. ``leads_only``: only where a
    word like 旗下 or 子公司 follows (京东方旗下子公司成都京东方光电科技有限公司)."""
    if not spans or model.label != "ORG" or any(r.start > model.start or r.end >= model.end for r in spans):
        return None
    start = max(r.end for r in spans)
    rest = text[start:model.end]
    leads = UNIT_LEADS if leads_only else (*UNIT_LEADS, "的", "和", "与", "、")
    lead = next((w for w in leads if rest.startswith(w)), None)
    if lead is None and leads_only:
        return None
    if lead:
        start, rest = start + len(lead), rest[len(lead):]
    if len(rest) < 4 or not rest.endswith(org_span_lists()[1]):
        return None
    return Mention(model.doc_id, start, model.end, rest, model.label, model.source)


def strip_name_dots(m: Mention) -> Mention:
    """郑州· -> 郑州: a name joiner at either end belongs to the text around the name."""
    text = m.text.strip("·•")
    if text == m.text:
        return m
    start = m.start + m.text.index(text) if text else m.start
    return Mention(m.doc_id, start, start + len(text), text, m.label, m.source)


LIST_MIDDLE = re.compile(r"^、(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,8})、$")
LIST_END = re.compile(r"^、(?P<name>[\u4e00-\u9fffA-Za-z0-9]{2,8}?)等")


def find_list_members(article: Article) -> Article:
    """Pipeline stage: an unknown name listed between organizations is one too
    (汉威科技、新开普、天迈科技; …、光力科技、新开普等)."""
    verbs, _ = org_span_lists()
    found = []
    orgs = [m for m in article.mentions if m.label == "ORG"]
    for a, b in zip(orgs, orgs[1:] + [None]):
        gap = article.text[a.end:b.start] if b else article.text[a.end:a.end + 12]
        match = LIST_MIDDLE.match(gap) if b else None
        if match is None and article.text[a.start - 1:a.start] == "、":
            match = LIST_END.match(gap)
        if match is None:
            continue
        name, start = match.group("name"), a.end + match.start("name")
        if is_generic_org(name) or any(v in name for v in verbs) or \
                any(m.start < start + len(name) and start < m.end for m in article.mentions):
            continue
        found.append(Mention(article.id, start, start + len(name), name, "ORG", "rule:list"))
    article.mentions = sorted(article.mentions + found, key=lambda m: m.start)
    return article


def overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def group_entities(article: Article) -> Article:
    """Pipeline stage: one Entity per thing the article names, with its aliases.

    Names are merged when the alias table says so, when the text declares a short form
    (X（以下简称“Y”）), when one is the other plus a legal suffix (腾讯公司, 腾讯), or when an
    ORG name is the start of a longer ORG name plus an organization suffix (浪潮, 浪潮集团).
    """
    table = alias_table()
    key_of: dict[tuple[str, str], str] = {}       # (type, surface) -> canonical
    reasons: dict[str, list[str]] = {}
    surfaces = {(m.label, m.text) for m in article.mentions}

    def assign(label: str, surface: str, canonical: str, why: str | None) -> None:
        key_of[(label, surface)] = canonical
        if why and surface != canonical:
            reasons.setdefault(canonical, []).append(f"{surface} -> {canonical}: {why}")

    declared = declared_abbreviations(article)
    for label, surface in sorted(surfaces, key=lambda s: -len(s[1])):
        entry = table.lookup(surface) or (table.lookup(strip_legal_suffix(surface)) if label == "ORG" else None)
        if entry and entry.type == label:
            assign(label, surface, entry.canonical, "alias table")
        elif (label, surface) in declared:
            full = declared[(label, surface)]
            assign(label, surface, key_of.get((label, full), full), "declared short form in the text")
        else:
            assign(label, surface, surface, None)
    # short forms within the article: resolve against longer names of the same type
    org_suffixes, _ = suffix_lists()
    for (label, surface), canonical in sorted(key_of.items(), key=lambda kv: len(kv[0][1])):
        if canonical != surface or label == "PERSON":
            continue
        for (other_label, other), other_canonical in key_of.items():
            if other_label != label or other == surface:
                continue
            if other.endswith(surface) and other[: -len(surface)].rstrip("·") in generic_org_lists()[0]:
                assign(label, surface, other_canonical, f"{other} without its place in the same article")
                break
            if label != "ORG":
                continue
            rest = other[len(surface):] if other.startswith(surface) else None
            if rest and (rest in org_suffixes or strip_legal_suffix(other) == surface):
                assign(label, surface, other_canonical, f"short form of {other} in the same article")
                break
    entities: dict[tuple[str, str], Entity] = {}
    for m in article.mentions:
        canonical = key_of[(m.label, m.text)]
        e = entities.setdefault((m.label, canonical), Entity(canonical, m.label))
        e.mentions.append(m)
        if m.text != canonical:
            e.aliases.add(m.text)
    for (label, canonical), e in entities.items():
        entry = table.lookup(canonical)
        if entry and entry.type == label:
            e.aliases.update(a for a in entry.aliases if any(a == m.text for m in e.mentions))
        e.merge_reasons = reasons.get(canonical, [])
    article.entities = list(entities.values())
    return article


def declared_abbreviations(article: Article) -> dict[tuple[str, str], str]:
    """(type, short form) -> full name, from 'X（以下简称“Y”）' right after a mention."""
    out = {}
    for m in article.mentions:
        found = ABBREVIATION.match(article.text[m.end:m.end + 24])
        if found:
            out[(m.label, unquote(found.group("short")))] = m.text
    return out


def unquote(short: str) -> str:
    """“平台” -> 平台, but “241”行动 stays as written."""
    if short[:1] in "“\"" and short[-1:] in "”\"" and not any(q in short[1:-1] for q in "“”\""):
        return short[1:-1]
    return short


def find_declared_short_forms(article: Article) -> Article:
    """Pipeline stage: after 'X（以下简称“Y”）', every later Y is a mention of X's type."""
    seen = set()
    for (label, short), _ in declared_abbreviations(article).items():
        if (label, short) in seen or len(short) < 2:
            continue
        seen.add((label, short))
        for m in re.finditer(re.escape(short), article.text):
            article.mentions.append(Mention(article.id, m.start(), m.end(), short, label, "rule:abbreviation"))
    return article
