"""Name rosters: lists of people printed without separators (委员：李明张建国王芳欧阳晓…), as in
committee lists and delegations whose spaces were lost in extraction.

The tagger reads such a run as a few long 'names' cut in the wrong places. A stretch of text
between punctuation that the model's people mostly cover is cut again, as a whole, into names
(``best_cut``): each a known surname and one or two characters (two or three after a two-character
surname), or a minority or foreign name joined by ·. Among the cuts that cover the stretch, the
one with the fewest names wins, then the one that keeps most of the model's own name edges, then
the one whose names start with the most common surnames. Where no cut covers it, the stretch is
left as the model read it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.rules import surname_length, word_lists

# a stretch: Chinese characters and the · of minority names, between anything else
STRETCH = re.compile(r"[\u4e00-\u9fff·]+")
SHORTEST_ROSTER = 8  # characters: three names at least
COVERED = 0.6  # the share of a stretch the model's people must cover
FEWEST_PEOPLE = 3  # the model's people in a stretch; fewer is a sentence that names someone
COMMON_SURNAMES = 100  # the first of rules.toml's surnames, which are listed by how common they are
DOT_SIDE = (2, 5)  # characters on each side of the · of a minority or foreign name; 5 is rare, and dearer
ROLE_WORDS = (
    "记者",
    "通讯员",
    "编辑",
    "摄影",
    "实习生",
    "主任委员",
    "委员",
    "主任",
    "成员",
)  # with rules.toml's titles
FUNCTION_CHARACTERS = frozenset(
    "·从到再和与及的在是了也就都而并或把被对向为于以等"
)  # no name without a surname holds them
LEADING_PIECE = 2  # characters at a stretch's start that may be left out, at the cost of two names each


@dataclass(frozen=True)
class Cut:
    """A way to cut a stretch up to some point: how many names, how many of the model's edges it
    keeps, how many names have three characters (the commonest length), how many start with a
    common surname, and the names' (start, end)."""

    names: int
    edges: int
    threes: int
    long_sides: int  # sides of five characters around a ·
    common: int
    spans: tuple[tuple[int, int], ...]

    def key(self) -> tuple[int, int, int, int, int]:
        return (-self.names, self.edges, self.threes, -self.long_sides, self.common)

    def better_than(self, other: Cut | None) -> bool:
        return other is None or self.key() > other.key()


def resegment_name_rosters(article: Article) -> Article:
    """Pipeline stage: the people of each roster stretch, cut again (see the module's docstring)."""
    people = sorted((m for m in article.mentions if m.label == "PERSON"), key=lambda m: m.start)
    if len(people) < 2:
        return article
    starts = [m.start for m in people]
    replaced: set[int] = set()
    found: list[Mention] = []
    for stretch in STRETCH.finditer(article.text):
        # the people of each by bisection: a long text has many stretches and many people
        first, after = bisect_left(starts, stretch.start()), bisect_left(starts, stretch.end())
        inside = [m for m in people[first:after] if m.end <= stretch.end()]
        if not is_roster(stretch, inside, article.mentions):
            continue
        edges = {m.start for m in inside} | {m.end for m in inside}
        pieces = frozenset((m.start, m.end) for m in inside if 2 <= m.end - m.start <= 4 and "·" not in m.text)
        cut = best_cut(stretch.group(), stretch.start(), edges, pieces)
        if cut is None:
            continue
        replaced.update(id(m) for m in inside)
        found += [
            Mention(article.id, i, j, article.text[i:j], "PERSON", Finder.RULE, "name-roster") for i, j in cut.spans
        ]
    if found:
        kept = [m for m in article.mentions if id(m) not in replaced]
        article.mentions = sorted(kept + found, key=lambda m: m.start)
    return article


def is_roster(stretch: re.Match, people: list[Mention], mentions: list[Mention]) -> bool:
    """Whether a stretch is a roster the model ran together: long enough, its people (``people``)
    covering most of it from edge to edge, some of them run together, and nothing else in it."""
    start, end = stretch.span()
    return (
        end - start >= SHORTEST_ROSTER
        and len(people) >= FEWEST_PEOPLE
        and sum(m.end - m.start for m in people) >= COVERED * (end - start)
        and min(m.start for m in people) - start <= LEADING_PIECE  # not 董秘童文军昨日告诉
        and end - max(m.end for m in people) <= 1
        and run_together(people)  # not 从王石到郁亮再到辛杰
        and not any(m.label != "PERSON" and m.start < end and start < m.end for m in mentions)
    )


def run_together(people: list[Mention]) -> bool:
    """Whether the model read names run together: two that touch, or one too long for a name."""
    ends = {m.end for m in people}
    return any(m.start in ends or (m.end - m.start >= 5 and "·" not in m.text) for m in people)


def best_cut(
    text: str, offset: int, edges: set[int], model_pieces: frozenset[tuple[int, int]] = frozenset()
) -> Cut | None:
    """The best cut of ``text`` (at ``offset`` in the article) into names, or None. ``model_pieces``:
    (start, end) of the model's short names, which may stand in it whatever their first character
    (丹增, 乌力吉), at the cost of two names."""
    words = word_lists()
    rank = surname_rank()
    best: list[Cut | None] = [None] * (len(text) + 1)
    best[0] = Cut(0, 0, 0, 0, 0, ())
    for lost in range(1, min(LEADING_PIECE, len(text) - 1) + 1):  # the end of a name cut off before
        best[lost] = Cut(2 * lost, 0, 0, 0, 0, ())
    for i in range(len(text)):
        before = best[i]
        if before is None:
            continue
        for j, common, cost, long_sides in names_from(text, i, words, rank, offset, model_pieces):
            role = cost == 0  # a title or a role between names: no name itself
            cut = Cut(
                before.names + (1 if role else cost),
                before.edges + ((offset + i) in edges) + ((offset + j) in edges),
                before.threes + (j - i == 3 and not role),
                before.long_sides + long_sides,
                before.common + common,
                before.spans if role else (*before.spans, (offset + i, offset + j)),
            )
            if cut.better_than(best[j]):
                best[j] = cut
    last = best[len(text) - 1] if len(text) > 1 else None  # a name the sentence's end cut off
    if last is not None:
        last = Cut(last.names + 2, last.edges, last.threes, last.long_sides, last.common, last.spans)
    ending = best[len(text)]
    return last if last is not None and last.better_than(ending) else ending


def names_from(text: str, i: int, words, rank: dict[str, int], offset: int, model_pieces):
    """(end, starts with a common surname, cost in names, sides of five characters) of each name
    that may start at ``text[i]``."""
    if "·" in text[i : i + DOT_SIDE[1] + 1]:
        yield from ((end, 0, 1 + long_sides, long_sides) for end, long_sides in dotted_names_from(text, i))
    roles = role_words()
    yield from ((i + len(r), 0, 0, 0) for r in roles if text.startswith(r, i))  # cost 0: a role, no name
    for start, end in model_pieces:
        if start == offset + i:
            yield end - offset, 0, 2, 0
    surname = surname_length(text, i, words)
    if not surname:  # a rarer surname than the table's (廖, 钮, 巴): two or three characters, dearer
        yield from (
            (i + size, 0, 2, 0)
            for size in (2, 3)
            if i + size <= len(text)
            and not FUNCTION_CHARACTERS.intersection(text[i : i + size])
            and not text[i : i + size].startswith(roles)
        )
        return
    if "·" in text[i : i + surname + 2]:
        return
    common = surname == 2 or rank.get(text[i], COMMON_SURNAMES) < COMMON_SURNAMES
    for given in (1, 2):
        if i + surname + given <= len(text):
            yield i + surname + given, int(common), 1, 0


def dotted_names_from(text: str, i: int):
    """(end, sides of five characters) of the names with one · that start at ``text[i]``."""
    dot = text.find("·", i)
    if not DOT_SIDE[0] <= dot - i <= DOT_SIDE[1]:
        return
    for right in range(DOT_SIDE[0], DOT_SIDE[1] + 1):
        end = dot + 1 + right
        if end > len(text) or "·" in text[dot + 1 : end]:
            break
        yield end, (dot - i == DOT_SIDE[1]) + (right == DOT_SIDE[1])


@cache
def role_words() -> tuple[str, ...]:
    """Titles and roles that may stand between names in a roster (``ROLE_WORDS`` and rules.toml's titles)."""
    return ROLE_WORDS + word_lists().titles


@cache
def surname_rank() -> dict[str, int]:
    """Each one-character surname's place in rules.toml's list (most common first)."""
    from guanxi.graph.rules import load_table

    listed = load_table()["lists"]["surnames"]
    return {c: k for k, c in enumerate(c for c in listed if not c.isspace())}
