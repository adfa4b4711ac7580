"""Government bodies named by their level alone: 省工信厅, 市财政局, 区发展改革委. The text means the
province's or the city's own body, the one it named before: after 西川省人民政府印发…, 省工信厅 is
西川省工信厅. Such a mention keeps its span and stands for that name (``Mention.elided``), so that
the bodies of two provinces do not become one node and a province's office is not taken for the
national body the alias table knows (省发展改革委 is not 国家发展和改革委员会).

The place is the last one of the same level named before the mention: at the start of an
organization's name (西川省人民政府 names 西川省), or as a known province or city followed by its
level (山西省, 深圳市). Where the article names none, the mention is left as it is.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from guanxi.graph.mentions import LOCAL_LEVELS, is_local_body
from guanxi.graph.records import Article, Mention
from guanxi.graph.rules import load_table

# a place at the start of a name: two to four characters and a level (西川省, 南湖市, 滨江区)
PLACE_OPENING = re.compile(rf"^[\u4e00-\u9fff]{{2,4}}?[{LOCAL_LEVELS}]")


@cache
def known_place_with_level() -> re.Pattern:
    """A province or city of rules.toml's list followed by its level, anywhere in a text (山西省)."""
    names = sorted(load_table()["lists"]["provinces"], key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(map(re.escape, names))})[{LOCAL_LEVELS}]")


def places_named(article: Article) -> list[tuple[int, str]]:
    """(offset, place) of every place the article names with its level, in text order."""
    found = [(m.start, p.group()) for m in article.mentions if m.label == "ORG" and (p := PLACE_OPENING.match(m.name))]
    found += [(p.start(), p.group()) for p in known_place_with_level().finditer(article.text)]
    return sorted(found)


def name_local_bodies(article: Article) -> Article:
    """Pipeline stage: each body named by its level alone stands for the body of the last place of
    that level named before it (see the module's docstring)."""
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
