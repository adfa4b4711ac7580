"""Names and aliases: the alias table, its pipeline stage, and per-article entities (which names
are one thing). Which spans become mentions at all is decided in graph/mentions.py.

Every merge records why it happened (``Entity.merge_reasons``), so a user can see why two names
became one node.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from guanxi.graph import config
from guanxi.graph.errors import InputError
from guanxi.graph.gazetteer import Gazetteer, name_boundary
from guanxi.graph.local_bodies import places_opening
from guanxi.graph.records import Article, Entity, Finder, Mention
from guanxi.graph.rules import patterns, word_lists
from guanxi.graph.schema import ENTITY_TYPES

ALIASES_FILE = Path(__file__).parent / "data" / "aliases.tsv"
NAME_DOT = "·"
OPENING_QUOTES, CLOSING_QUOTES = '“"', '”"'


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
    def from_files(cls, paths: list[Path]) -> AliasTable:
        entries: list[AliasEntry] = []
        for path in paths:
            entries.extend(read_alias_file(path))
        return cls(entries)

    def lookup(self, form: str) -> AliasEntry | None:
        return self.by_form.get(form)


def table_boundary(text: str, start: int, end: int) -> bool:
    """Where a table name counts: Latin names at word boundaries, and no name inside one of the
    words listed as traps in the rule table (高通 is not in 提高通信, 佳能 not in 最佳能力)."""
    if not name_boundary(text, start, end):
        return False
    for trap, k in traps_holding(text[start:end]):
        if start - k >= 0 and text[start - k : start - k + len(trap)] == trap:
            return False
    return True


@lru_cache(maxsize=4096)
def traps_holding(name: str) -> tuple[tuple[str, int], ...]:
    """(trap word, where ``name`` starts in it) for each trap word that holds ``name``."""
    return tuple((trap, trap.find(name)) for trap in word_lists().alias_traps if name in trap)


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
            raise InputError(
                f"{path}:{number}: expected 'canonical<TAB>TYPE<TAB>aliases' with TYPE one of "
                f"{', '.join(ENTITY_TYPES)}, got {line!r}"
            )
        aliases = tuple(a for a in (parts[2].split("|") if len(parts) > 2 else []) if a)
        entries.append(AliasEntry(parts[0], parts[1], aliases))
    return entries


def alias_files() -> list[Path]:
    """The shipped table, then the user's override file (``ExtractionConfig.aliases``)."""
    extra = config.active().aliases
    return [ALIASES_FILE, Path(extra)] if extra else [ALIASES_FILE]


@lru_cache(maxsize=4)
def _table(paths: tuple[Path, ...]) -> AliasTable:
    return AliasTable.from_files(list(paths))


def alias_table() -> AliasTable:
    return _table(tuple(alias_files()))


def strip_legal_suffix(name: str) -> str:
    for suffix in word_lists().legal_suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def find_dictionary_mentions(article: Article) -> Article:
    """Pipeline stage: every name of the alias table found in the text."""
    table = alias_table()
    for start, end in table.gazetteer.find(article.text):
        name = article.text[start:end]
        article.mentions.append(Mention(article.id, start, end, name, table.lookup(name).type, Finder.DICT))
    return article


def group_entities(article: Article) -> Article:
    """Pipeline stage: one Entity per thing the article names, with its aliases.

    Names are merged when the alias table says so (``by_alias_table``), when the text declares a
    short form (X（以下简称“Y”）: ``by_declared_short_form``), and, shortest first, when one name is
    another of the article cut short (``short_form_merge``): without its place, a project without
    its suffix, an ORG without its legal or organization suffix (腾讯公司, 腾讯; 浪潮集团, 浪潮), a
    person's three-character name without its last character.
    """
    table = alias_table()
    naming = Naming()
    surfaces = {(m.label, m.name) for m in article.mentions}
    declared = declared_abbreviations(article)
    # longest first; ties in a fixed order, so that a run does not depend on string hashing
    for label, surface in sorted(surfaces, key=lambda s: (-len(s[1]), s)):
        naming.assign(label, surface, *named_by_table_or_text(label, surface, table, declared, naming))
    # short forms within the article: resolve against longer names of the same type
    index = NameIndex(naming.canonical)
    first = first_mentions(article)
    for (label, surface), canonical in sorted(naming.canonical.items(), key=lambda kv: len(kv[0][1])):
        merge = short_form_merge(label, surface, naming, index, first) if canonical == surface else None
        if merge:
            naming.assign(label, surface, *merge)
    article.entities = entities_of(article, naming, table)
    return article


@dataclass
class Naming:
    """The canonical name each (type, surface) of an article takes, and why names were merged."""

    canonical: dict[tuple[str, str], str] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def assign(self, label: str, surface: str, canonical: str, why: str | None) -> None:
        self.canonical[(label, surface)] = canonical
        if why and surface != canonical:
            self.reasons.setdefault(canonical, []).append(f"{surface} -> {canonical}: {why}")


def named_by_table_or_text(
    label: str, surface: str, table: AliasTable, declared: dict[tuple[str, str], str], naming: Naming
) -> tuple[str, str | None]:
    """(canonical, why) of a surface: by a short form the text declares (the article says what it
    means by it), else by the alias table, else the surface itself."""
    return (
        by_declared_short_form(label, surface, declared, naming)
        or by_alias_table(label, surface, table)
        or (surface, None)
    )


def by_alias_table(label: str, surface: str, table: AliasTable) -> tuple[str, str] | None:
    entry = table.lookup(surface) or (table.lookup(strip_legal_suffix(surface)) if label == "ORG" else None)
    if entry and entry.type == label:
        return entry.canonical, "alias table"
    return None


def by_declared_short_form(
    label: str, surface: str, declared: dict[tuple[str, str], str], naming: Naming
) -> tuple[str, str] | None:
    """X（以下简称“Y”）: Y takes X's canonical name (X, longer, was named first)."""
    if (label, surface) not in declared:
        return None
    full = declared[(label, surface)]
    return naming.canonical.get((label, full), full), "declared short form in the text"


class NameIndex:
    """The names of an article by type and by each of their starts and ends, in the order they
    were named: a short form starts or ends the name it is short for (or is it without brackets)."""

    def __init__(self, names: Iterable[tuple[str, str]]):
        self.position: dict[tuple[str, str], int] = {}
        self.by_start: dict[tuple[str, str], list[str]] = {}
        self.by_end: dict[tuple[str, str], list[str]] = {}
        for k, (label, name) in enumerate(names):
            self.position[(label, name)] = k
            for cut in range(1, len(name) + 1):
                self.by_start.setdefault((label, name[:cut]), []).append(name)
                self.by_end.setdefault((label, name[-cut:]), []).append(name)
            if "（" in name:  # found by its form without brackets too (``without_brackets``)
                self.by_start.setdefault((label, unbracketed(name)), []).append(name)
            home = without_country(name) if label == "ORG" else None
            for cut in range(2, len(home or "") + 1):  # and by the starts of its name at home
                self.by_start.setdefault((label, home[:cut]), []).append(name)
            short = quoted_name_and_kind(name) if label == "PROJECT" else None
            if short and short != name:  # and by its quoted name and kind alone (``project_without_field``)
                self.by_start.setdefault((label, short), []).append(name)
            registered = without_registered_place(name) if label == "ORG" else None
            for cut in range(2, len(registered or "") + 1):  # and without its place (``named_after``)
                self.by_start.setdefault((label, registered[:cut]), []).append(name)

    def starting_with(self, label: str, surface: str) -> list[str]:
        return self.by_start.get((label, surface), [])

    def starting_or_ending_with(self, label: str, surface: str) -> list[str]:
        """The names of type ``label`` that start or end with ``surface``, in naming order."""
        found = set(self.starting_with(label, surface)) | set(self.by_end.get((label, surface), []))
        return sorted(found, key=lambda n: self.position[(label, n)])


def short_forms_of(
    label: str, surface: str, naming: Naming, index: NameIndex, first: dict[tuple[str, str], int]
) -> list[tuple[str, str, str]]:
    """(canonical, why, longer name) of each longer name of the article that ``surface`` is a short
    form of, the first that fits first."""
    found = []
    for other in index.starting_or_ending_with(label, surface):
        why = next((w for merge in SHORT_FORMS if other != surface and (w := merge(label, surface, other))), None)
        if why:
            found.append((naming.canonical[(label, other)], why, other))
    found += [
        (naming.canonical[(label, fuller)], f"short form of {fuller}, named after it", fuller)
        for fuller in named_after(label, surface, index, first)
    ]
    return found


def first_mentions(article: Article) -> dict[tuple[str, str], int]:
    """Where each (type, name) is first mentioned."""
    first: dict[tuple[str, str], int] = {}
    for m in article.mentions:
        first[(m.label, m.name)] = min(m.start, first.get((m.label, m.name), m.start))
    return first


def short_form_merge(
    label: str, surface: str, naming: Naming, index: NameIndex, first: dict[tuple[str, str], int]
) -> tuple[str, str] | None:
    """(canonical, why) where a surface is a short form of another name of the article."""
    if label == "PERSON":
        return person_cut_short(surface, naming, index)
    full_title = government_full_title(surface) if label == "ORG" else None
    if full_title is not None and (label, full_title) in naming.canonical:
        return naming.canonical[(label, full_title)], f"short title of {full_title} in the same article"
    found = short_forms_of(label, surface, naming, index, first)
    # names it starts, perhaps after their registered place (南湖市云帆半导体…, 东湖市云帆半导体…); a foreign
    # company's country is no such place: 巴斯夫 of 德国巴斯夫集团 and of 巴斯夫一体化基地（广东）有限公司 is the group
    starting = {c for c, _, other in found if (without_registered_place(other) or other).startswith(surface)}
    if label == "ORG" and len(starting) > 1:
        return None  # 中国电子 of 中国电子信息产业集团有限公司 or of 中国电子科技集团有限公司: either may be meant
    if found:
        return found[0][:2]
    if label == "ORG" and surface.endswith(BODY_ENDINGS):
        fuller = [o for (kind, o) in naming.canonical if kind == "ORG" and abbreviates(surface, o)]
        if len(fuller) == 1:
            return naming.canonical[("ORG", fuller[0])], f"abbreviation of {fuller[0]} in the same article"
    return None


BODY_ENDINGS = ("厅", "局", "委", "办", "部", "署")


def abbreviates(short: str, full: str) -> bool:
    """Whether a government body's name is another's abbreviated the usual way, a character or two
    of each word (青川省经信厅 of 青川省经济和信息化厅, 市场监管局 of 市场监督管理局, 卫健委 of 卫生健康委员会):
    the same place and kind, and the rest's characters in order, the first the same, not all of one piece."""
    place = (places_opening(short) or [""])[-1]  # 青川省, 南湖市滨江区
    kind = short[-1]
    if not full.startswith(place) or not (full.endswith(kind) or (kind == "委" and full.endswith("委员会"))):
        return False
    rest = short[len(place) : -1]
    whole = full[len(place) : -3 if full.endswith("委员会") and kind == "委" else -1]
    if len(rest) < 2 or len(whole) <= len(rest) or rest[0] != whole[0] or rest in whole:
        return False
    at = 0
    for c in rest:
        at = whole.find(c, at) + 1
        if at == 0:
            return False
    return True


def named_after(label: str, surface: str, index: NameIndex, first: dict[tuple[str, str], int]) -> list[str]:
    """The company named in full before ``surface`` whose name adds to it only its trades and legal
    form, and perhaps the place it is registered in or its country (南通华信 of 南通华信防水材料有限公司,
    云帆半导体 of 深圳市云帆半导体有限公司, 沃尔玛 of 美国沃尔玛百货公司)."""
    if label != "ORG" or surface.endswith(GROUP_WORDS):
        return []
    found = []
    for other in index.starting_with(label, surface):
        rest = other if other.startswith(surface) else at_home(other)
        if (
            rest.startswith(surface)
            and first[(label, other)] < first[(label, surface)]
            and trade_rest().fullmatch(rest, len(surface))
        ):
            found.append(other)
    return found


def at_home(name: str) -> str:
    """A name without the place it is registered in or its country, where it has one (云帆半导体有限公司 of
    深圳市云帆半导体有限公司), else the name."""
    return without_registered_place(name) or without_country(name) or name


@lru_cache(maxsize=8192)
def without_registered_place(name: str) -> str | None:
    """A company's name without the province or city it is registered in (深圳市, 江苏) at its start."""
    place = registered_place().match(name)
    rest = name[place.end() :] if place else ""
    return rest if len(rest) >= 4 and rest.endswith(word_lists().company_name_endings) else None


@lru_cache(maxsize=1)
def registered_place() -> re.Pattern:
    """A province or city of the list, with or without its level, or any name with one (南湖市; not 城市)."""
    names = "|".join(sorted(word_lists().provinces, key=len, reverse=True))
    return re.compile(rf"^(?:(?:{names})(?:省|市)?|[\u4e00-\u9fff]{{2,3}}?(?<![城都超])[省市](?!场))")


@lru_cache(maxsize=1)
def trade_rest() -> re.Pattern:
    """What a company's full name adds to its short form: its trades and its legal form (南通华信 +
    防水材料 + 有限公司). Named after the full name, such a short form is the company itself; named
    before it, it may be the parent (东方雨虹 …, 东方雨虹建材有限公司: a unit), and so may a financial group
    be, wherever it is named (青禾证券股份有限公司 … 青禾)."""
    words = word_lists()
    trades = "|".join(sorted(set(words.trade_words) - FINANCE - {"管理"}, key=len, reverse=True))
    trades += "|(?<=资本|资产|投资)管理"  # 建银国际 + 资产管理有限公司, as ``TECH_REST``
    others = "|".join((*words.places, *REGIONS, *FINANCE, "管理"))
    # one word of what it makes may come first (防水 + 材料, 计算 + 有限公司), not a place, a region (亚太 +
    # 投资) or what makes the rest another body (证券; 管理: 南湖酒店 + 管理有限公司 is the hotel's manager)
    return re.compile(
        rf"(?:(?!{others})[\u4e00-\u9fff]{{2}}(?={trades}|{REGISTERED_FORM}))?(?:{trades})*" + LEGAL_FORM_REST
    )


REGISTERED_FORM = "(?:股份有限公司|有限责任公司|有限公司)"  # not 公司 alone: 联通省级公司 is a unit
GROUP_WORDS = ("集团", "控股", "公司")  # a group's units are named after it: 北辰集团成都钢铁有限公司
REGIONS = ("亚太", "全球", "海外", "国际", "中国区", "大中华")
FINANCE = {"证券", "保险", "金融", "银行"}  # a financial group's units are named so: 青禾证券 is 青禾's, not 青禾


def government_full_title(surface: str) -> str | None:
    """南湖市人民政府 for 南湖市政府 (a government's everyday title), else None."""
    if surface.endswith("政府") and not surface.endswith("人民政府") and len(surface) > 2:
        return surface[:-2] + "人民政府"
    return None


def person_cut_short(surface: str, naming: Naming, index: NameIndex) -> tuple[str, str] | None:
    """A two-character name that is a three-character name of the article cut short (郑定, 郑定向)."""
    fuller = [o for o in index.starting_with("PERSON", surface) if len(o) == 3]
    if len(surface) == 2 and len(fuller) == 1:
        return naming.canonical[("PERSON", fuller[0])], f"{fuller[0]} cut short in the same article"
    return None


def without_place(label: str, surface: str, other: str) -> str | None:
    if other.endswith(surface) and other[: -len(surface)].rstrip(NAME_DOT) in word_lists().places:
        return f"{other} without its place in the same article"
    return None


def project_without_suffix(label: str, surface: str, other: str) -> str | None:
    if label == "PROJECT" and other.startswith(surface) and other[len(surface) :] in word_lists().project_suffixes:
        return f"short form of {other} in the same article"
    return None


def project_without_field(label: str, surface: str, other: str) -> str | None:
    """“川矿云”平台 for “川矿云”工业互联网平台: the quoted name and the kind, without the field between."""
    if label == "PROJECT" and surface != other and quoted_name_and_kind(other) == surface:
        return f"short form of {other} in the same article"
    return None


QUOTED_OPENING = re.compile(r"^“[^“”]{1,20}”")


def quoted_name_and_kind(name: str) -> str | None:
    """“川矿云”平台 of “川矿云”工业互联网平台: a quoted name and the kind it ends with."""
    quoted = QUOTED_OPENING.match(name)
    if quoted is None:
        return None
    words = word_lists()
    kind = next((k for k in (*words.project_suffixes, *words.platform_kinds) if name.endswith(k)), None)
    return quoted.group() + kind if kind and len(name) > quoted.end() + len(kind) else None


def org_without_suffix(label: str, surface: str, other: str) -> str | None:
    rest = other[len(surface) :] if other.startswith(surface) else None
    if (
        label == "ORG"
        and rest
        and (
            rest in word_lists().org_suffixes
            or strip_legal_suffix(other) == surface
            or SAME_BODY_REST.fullmatch(other, len(surface))
        )
    ):
        return f"short form of {other} in the same article"
    return None


# what may follow a name in the same body's longer name, or a description of a unit: no unit of its own.
# A legal form (腾讯 + 控股有限公司, 紫金矿业 + 集团股份有限公司, X + 控股子公司), after words that only
# say a company works in technology or industry (南湾储能 + 科技有限公司, 华为 + 技术有限公司) or that it
# manages capital, assets or investments (北辰资本 + 管理有限公司, 北辰投资 + 管理有限公司; not a fund's
# manager, 南湖投资基金 + 管理有限公司, nor 南湖酒店 + 管理有限公司: the fund and the hotel are others, and
# no unit of their managers either: relations.parent_inside). The words are matched in the whole name
# (``fullmatch(name, pos)``), so that 管理 sees what it manages. Not
# what a group's unit does (中信 + 证券股份有限公司 is a unit of 中信). Those words make one body only
# with a bare name: 南湾储能集团's 南湾储能科技有限公司 is its unit (relations.parent_inside)
LEGAL_FORM_REST = r"(?:控股|集团|股份|全资|（集团）|\(集团\))*(?:股份有限公司|有限责任公司|有限公司|公司|子公司)"
TECH_REST = r"(?:(?:新能源|智能|信息|网络|数字|电子)?(?:科技|技术)|实业|(?<=资本|资产|投资)管理)"
TECH_WORDS = re.compile(TECH_REST)
SAME_BODY_REST = re.compile(TECH_REST + "?" + LEGAL_FORM_REST)
LEGAL_FORM_ONLY = re.compile(LEGAL_FORM_REST)


def without_brackets(label: str, surface: str, other: str) -> str | None:
    """北辰光能南湖新能源产业园 for 北辰光能（南湖）新能源产业园 (a headline drops the brackets)."""
    if "（" in other and unbracketed(other) == surface:
        return f"{other} without its brackets in the same article"
    return None


def unbracketed(name: str) -> str:
    return name.replace("（", "").replace("）", "")


def foreign_short_form(label: str, surface: str, other: str) -> str | None:
    """美光科技 or 美光科技公司 for 美国美光科技公司."""
    home = without_country(other) if label == "ORG" else None
    if home and (home == surface or org_without_suffix(label, surface, home)):
        return f"short form of {other} in the same article"
    return None


SHORT_FORMS = (
    without_place,
    project_without_suffix,
    project_without_field,
    org_without_suffix,
    without_brackets,
    foreign_short_form,
)


def entities_of(article: Article, naming: Naming, table: AliasTable) -> list[Entity]:
    """The article's mentions grouped by canonical name; aliases are the other names used."""
    entities: dict[tuple[str, str], Entity] = {}
    for m in article.mentions:
        canonical = naming.canonical[(m.label, m.name)]
        e = entities.setdefault((m.label, canonical), Entity(canonical, m.label))
        e.mentions.append(m)
        if m.name != canonical:
            e.aliases.add(m.name)
    for (label, canonical), e in entities.items():
        entry = table.lookup(canonical)
        if entry and entry.type == label:
            e.aliases.update(a for a in entry.aliases if any(a == m.name for m in e.mentions))
        home_name = without_country(canonical) if label == "ORG" else None
        if home_name:
            e.aliases.add(home_name)
        e.merge_reasons = naming.reasons.get(canonical, [])
    return list(entities.values())


HOME = ("中国", "国内", "国外", "海外", "全球", "全国", "各地")  # in `countries`, but no country of a foreign company


SESSION = re.compile(r"^第?[一二三四五六七八九十百]+届(?=[\u4e00-\u9fff]{4})")  # 十三届全国人大常委会


@lru_cache(maxsize=8192)  # asked of every other name of an article for each name (``foreign_short_form``)
def without_country(name: str) -> str | None:
    """A foreign company's name without the country news puts before it (德国巴斯夫集团: 巴斯夫集团),
    or a body's name without its session (十三届全国人大常委会: 全国人大常委会), so that it is
    found by the name it goes by."""
    words = word_lists()
    session = SESSION.match(name)
    if session:
        return name[session.end() :]
    country = next((c for c in words.countries if name.startswith(c) and c not in HOME), None)
    rest = name[len(country) :] if country else ""
    return rest if len(rest) >= 4 and rest.endswith(words.company_name_endings) else None


def declared_abbreviations(article: Article) -> dict[tuple[str, str], str]:
    """(type, short form) -> full name, from 'X（以下简称“Y”）' right after a mention, also
    with a stock code after the short form (（以下简称“Y”，600000.SH）)."""
    return {key: full.text for key, full in declarations(article)}


def declarations(article: Article) -> list[tuple[tuple[str, str], Mention]]:
    """((type, short form), the mention declaring it) for each 'X（以下简称“Y”）' of the article, and
    each Latin name in brackets right after an organization's (新加坡港务集团（PSA）)."""
    out, latin = [], {}
    for m in article.mentions:
        found = patterns().declared_abbreviation.match(article.text[m.end : m.end + DECLARATION_REACH])
        if found and found["short"]:
            out.append(((m.label, unquote(found["short"])), m))
        elif found and m.label == "ORG" and latin_name_is_new(m.text, found["latin"].strip()):
            out.append(((m.label, found["latin"].strip()), m))
            latin.setdefault(out[-1][0], set()).add(strip_legal_suffix(m.text))
    shared = {key for key, names in latin.items() if len(names) > 1}  # 甲资本（GP）与乙资本（GP）: a role
    return [(key, m) for key, m in out if key not in shared]


DECLARATION_REACH = 48  # characters after a name that its （以下简称…） may take


def latin_name_is_new(name: str, latin: str) -> bool:
    """Whether an organization's Latin name in brackets (新加坡港务集团（PSA）) is to be declared its
    short form: not a word for what it is (GP, AI, IPO: ``NOT_NAMES``), and not where the alias
    table knows either name, which it merges already (特斯拉（Tesla）). People's Latin names are not
    declared: news-dev's PERSON F1 fell from 0.962 to 0.926 with them."""
    if latin.upper() in NOT_NAMES:
        return False
    table = alias_table()
    return table.lookup(name) is None and table.lookup(latin) is None


LATIN = re.compile(r"[A-Za-z0-9&.\- ]+")
# Latin abbreviations of a role, a kind or a field, not of one organization
NOT_NAMES = frozenset(
    "GP LP AI EV IT ICT IOT IPO ETF ADR ESG SPAC OTC PE VC CEO CFO COO CTO R&D B2B B2C SAAS PAAS IAAS OEM ODM EPC PPP"
    " BOT REIT REITS QFII RQFII QDII LLC LTD INC CO CORP GROUP HOLDINGS".split()
)


def unquote(short: str) -> str:
    """“平台” -> 平台, but “241”行动 stays as written."""
    if (
        short[:1] in OPENING_QUOTES
        and short[-1:] in CLOSING_QUOTES
        and not any(q in short[1:-1] for q in OPENING_QUOTES + CLOSING_QUOTES)
    ):
        return short[1:-1]
    return short


LATIN_WORD = r"(?<![A-Za-z0-9]){}(?![A-Za-z0-9])"  # PSA, not the AI of AIGC


def is_whole_company_span(m: Mention) -> bool:
    """A model ORG span that reads as a company's registered name: it ends in a legal form."""
    return m.label == "ORG" and m.finder is Finder.NER and bool(LEGAL_ENDING.search(m.text))


LEGAL_ENDING = re.compile(rf"(?:{REGISTERED_FORM}|股份公司|（有限合伙）|\(有限合伙\))$")


def find_declared_short_forms(article: Article) -> Article:
    """Pipeline stage: after 'X（以下简称“Y”）', every Y of the article is a mention of X's type,
    except inside a declared full name (南湖新能源 in 南湖新能源控股有限公司（以下简称“南湖新能源”）,
    联影医疗 in 上海联影医疗科技股份有限公司（以下简称“联影医疗”）, 南湖 in 南湖新能源控股有限公司
    where 南湖 is another name's short form) or inside a company's registered name that the model
    found around it (恒瑞达 in 杭州恒瑞达智能装备有限公司, its subsidiary)."""
    declared = declarations(article)
    if not declared:
        return article
    full_spans = [(full.start, full.end) for _, full in declared]
    full_spans += [(m.start, m.end) for m in article.mentions if is_whole_company_span(m)]
    for label, short in dict.fromkeys(key for key, _ in declared):
        if len(short) < 2:
            continue
        pattern = LATIN_WORD.format(re.escape(short)) if LATIN.fullmatch(short) else re.escape(short)
        for m in re.finditer(pattern, article.text):
            inside = any(
                start <= m.start() and m.end() <= end and end - start > len(short) for start, end in full_spans
            )
            if not inside:
                article.mentions.append(
                    Mention(article.id, m.start(), m.end(), short, label, Finder.RULE, "abbreviation")
                )
    return article
