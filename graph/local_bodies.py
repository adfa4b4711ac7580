"""Government bodies the text names without their name.

A body named by its level alone: 省工信厅, 市财政局, 区发展改革委. The text means the
province's or the city's own body, the one it named before: after 西川省人民政府印发…, 省工信厅 is
西川省工信厅. Such a mention keeps its span and stands for that name (``Mention.elided``), so that
the bodies of two provinces do not become one node and a province's office is not taken for the
national body the alias table knows (省发展改革委 is not 国家发展和改革委员会).

The place is the last one of the same level named before the mention: at the start of an
organization's name (西川省人民政府 names 西川省), or as a known province or city followed by its
level (山西省, 深圳市). Where the article names none, the mention is left as it is.

A government named by its head: 南湖市副市长王明 is the deputy mayor of 南湖市人民政府 (the schema's
and the gold's convention), not of a place. The place the model found before a head's title of its
own level becomes a mention of that government (``find_governments_of_heads``), its span the place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from guanxi.graph.mentions import LOCAL_LEVELS, is_local_body
from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.relations import GOVERNMENT_HEAD
from guanxi.graph.rules import load_table

# one place of a name's opening: a few characters and a level (西川省, 南湖市 + 滨江区), not a level
# character that starts another word (上海市场, 广州区域总部)
PLACE_STEP = re.compile(rf"[\u4e00-\u9fff]{{2,4}}?[{LOCAL_LEVELS}](?![场域])")  # 温州市, not 温州
NOT_PLACES = (
    "超市",
    "城市",
    "都市",
    "社区",
    "小区",
    "景区",
    "街区",
    "校区",
    "厂区",
    "矿区",
    "片区",
)  # end like a level


def places_opening(name: str) -> list[str]:
    """The places a name opens with, each with those it lies in: 南湖市滨江区人民政府 gives 南湖市 and
    南湖市滨江区; a shop or a district of a firm gives none (永辉超市, 北辰城市发展集团)."""
    places, at = [], 0
    while step := PLACE_STEP.match(name, at):
        if step.group().endswith(NOT_PLACES):
            break
        places.append(name[: step.end()])
        at = step.end()
    return places


@cache
def known_place_with_level() -> re.Pattern:
    """A province or city of rules.toml's list followed by its level, anywhere in a text (山西省)."""
    names = sorted(load_table()["lists"]["provinces"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})[{LOCAL_LEVELS}](?![场域])")


def places_named(article: Article) -> list[tuple[int, str]]:
    """(offset, place) of every place the article names with its level, in text order."""
    found = [(m.start, p) for m in article.mentions if m.label == "ORG" for p in places_opening(m.name)]
    found += [(p.start(), p.group()) for p in known_place_with_level().finditer(article.text)]
    return sorted(found)


def name_local_bodies(article: Article) -> Article:
    """Pipeline stage: each body named by its level alone stands for the body of the last place of
    that level named before it (see the module's docstring)."""
    article.mentions = [with_bare_level(m, article.text) for m in article.mentions]
    bare = [m for m in article.mentions if m.label == "ORG" and not m.elided and is_local_body(m.text)]
    if not bare:
        return article
    places = places_named(article)
    offsets = [at for at, _ in places]
    named: dict[Mention, Mention] = {}
    for m in bare:
        before = places[: bisect_left(offsets, m.start)]
        place = next((p for _, p in reversed(before) if p.endswith(m.text[0])), None)
        if place is not None:
            named[m] = replace(m, elided=place + m.text[1:])
    article.mentions = [named.get(m, m) for m in article.mentions]
    return article


LOCAL_RULE = "local-body"
CLAUSE_MARKS = "，,。；;：:、（(“\n "


def with_bare_level(m: Mention, text: str) -> Mention:
    """A national body the alias table found right after a level word that opens a clause or a list
    item (。市发展改革委、…: the model found nothing there) is the local body, with its level."""
    level_at = m.start - 1
    if m.finder is not Finder.DICT or m.label != "ORG" or level_at < 0 or text[level_at] not in LOCAL_LEVELS:
        return m
    if level_at > 0 and text[level_at - 1] not in CLAUSE_MARKS:
        return m  # 东岭市发展改革委: the place's own name holds the level
    local = text[level_at : m.end]
    return Mention(m.doc_id, level_at, m.end, local, "ORG", Finder.RULE, LOCAL_RULE) if is_local_body(local) else m


GOVERNMENT_RULE = "government-of-head"
HEAD_LEVELS = LOCAL_LEVELS.replace("州", "")  # 加州州长 heads a state, not a 人民政府
PLACE_SHAPE = re.compile(rf"^[\u4e00-\u9fff]{{1,5}}[{HEAD_LEVELS}]$")


def find_governments_of_heads(article: Article) -> Article:
    """Pipeline stage: a place the model found right before a head's title of its level (南湖市 +
    副市长) is also a mention of its government (南湖市人民政府), which the rules then prefer."""
    found = []
    for m in article.mentions:
        if m.finder is Finder.NER and m.label in ("LOCATION", "ORG") and PLACE_SHAPE.match(m.text):
            head = GOVERNMENT_HEAD.match(article.text, m.end)  # a head's title of the place's level: 市 + 副市长
            if head and head.group().endswith(m.text[-1] + "长"):
                government = m.text + "人民政府"
                found.append(Mention(m.doc_id, m.start, m.end, m.text, "ORG", Finder.RULE, GOVERNMENT_RULE, government))
    article.mentions.extend(found)
    return article
