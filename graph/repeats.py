"""A name found once in an article is found wherever the article repeats it.

The finders read each sentence on its own terms: the tagger may take 东江控股 in one sentence and
miss it in the next, a title's rule finds a company only before its officer's title. An article
names the same things again and again, so each name of an organization, a project or a policy
its mentions hold, and an organization's name without its legal form (东江控股 of 东江控股集团,
four characters at least), becomes a mention at every other place its text stands: where no
mention is, where selection refused no finder's span of that text (a tool Orbit beside
Orbit公司), at the alias table's boundaries (not inside its trap words), and where no common word
crosses either end (南湖科技 + 馆: 科技馆). Not repeated: people (the tagger finds most of them
wherever they stand, and repeating them took news-dev's HOLDS_ROLE from 0.840 to 0.824, a choice
made on news-dev), a place standing for its body, a name the article gives two types, names of
the alias table and the lexicon (their finders looked for them everywhere), and a name that
starts with a common word that is no name (未来科技, 绿色能源): elsewhere those may be the words.
"""

from __future__ import annotations

from guanxi.graph.aliases import TECH_WORDS, alias_table, strip_legal_suffix, table_boundary
from guanxi.graph.gazetteer import Gazetteer
from guanxi.graph.lexicon import lexicon
from guanxi.graph.mentions import is_model_person
from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.spans import SpanIndex
from guanxi.graph.word_lexicon import SHORT_WORD, common_words, plain_words, short_words

RULE_ID = "article.repeated-name"
REPEATED_TYPES = ("ORG", "PROJECT", "POLICY")
SHORT_FORM_SHORTEST = 4  # 东江控股 of 东江控股集团; not 北辰 of 北辰集团, which may be a place or a brand


def find_repeated_names(article: Article) -> Article:
    """Pipeline stage: see the module's docstring."""
    names = names_to_repeat(article.mentions)
    if not names:
        return article
    people = [m for m in article.mentions if is_model_person(m)]
    taken = SpanIndex([m for m in article.mentions if not is_model_person(m)])
    refused = {(m.start, m.end) for m in article.refused}  # a tool Orbit beside the company Orbit公司
    text, added = article.text, []
    for start, end in Gazetteer(names, boundary=table_boundary).find(text):
        m = Mention(article.id, start, end, text[start:end], names[text[start:end]], Finder.RULE, RULE_ID)
        if not taken.any_overlapping(m) and (start, end) not in refused and not crossed_by_a_word(text, m):
            if not ends_in_a_verb_at_work(text, m):
                added.append(m)
    article.mentions = sorted(over_model_people(article.mentions, added, people), key=lambda m: m.start)
    return article


def over_model_people(mentions: list[Mention], added: list[Mention], people: list[Mention]) -> list[Mention]:
    """The mentions with the repeated names ``added``: a model person inside one is part of it (云帆
    of 云帆智能) and goes; a name that crosses one without holding it is not added."""
    index = SpanIndex(people)
    added = [m for m in added if all(within(p, m) for p in index.overlapping(m))]
    held = {p for a in added for p in index.overlapping(a)}
    return [*(m for m in mentions if m not in held), *added]


def ends_in_a_verb_at_work(text: str, m: Mention) -> bool:
    """Whether the name's last word is a verb the text goes on with (张华投资 + 了: a person invests)."""
    return (
        text[m.end : m.end + 1] in ASPECT
        and text[m.end : m.end + 2] not in short_words()  # 了解, 过去, 着力: words of their own
        and common_words().get(text[m.end - 2 : m.end], "").startswith("v")
    )


ASPECT = ("了", "过", "着")


def names_to_repeat(mentions: list[Mention]) -> dict[str, str]:
    """Name -> type for each name the mentions hold that is to be looked for again, and the
    short forms of the organizations among them."""
    labels: dict[str, set[str]] = {}
    for m in mentions:
        if m.label in REPEATED_TYPES and len(m.text) >= 2 and not m.elided:
            labels.setdefault(m.text, set()).add(m.label)
    names = {name: next(iter(found)) for name, found in labels.items() if len(found) == 1 and repeatable(name)}
    for name, label in list(names.items()):
        for short in short_forms(name) if label == "ORG" else ():
            if short not in labels and repeatable(short):
                names[short] = label
    return names


def short_forms(name: str) -> set[str]:
    """An organization's name without its legal form (东江控股 of 东江控股集团), and without the
    technology words before it (云帆智能 of 云帆智能科技股份有限公司): four characters at least."""
    short = strip_legal_suffix(name)
    found = {short, *(short[:k] for k in range(SHORT_FORM_SHORTEST, len(short)) if TECH_WORDS.fullmatch(short, k))}
    return {f for f in found if f != name and len(f) >= SHORT_FORM_SHORTEST}


def within(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def repeatable(name: str) -> bool:
    """Not a name of the alias table or the lexicon (their finders looked for those everywhere
    already), nor one that starts with a common word that is no name (未来科技, 绿色能源, 星辰科技),
    which elsewhere in the article may be the words, not the name."""
    if alias_table().lookup(name) is not None or name in lexicon().names:
        return False
    plain = plain_words()
    return not any(name[:k] in plain for k in range(SHORT_WORD[0], SHORT_WORD[1] + 1) if k < len(name))


def crossed_by_a_word(text: str, m: Mention) -> bool:
    """Whether a common word holds the name's first character and the one before it, or its last
    character and the one after it (南湖科技 + 馆: 科技馆; 北辰网 + 络: 网络). For a name of four
    characters or more, only a word that holds two of its characters counts: one character is
    more often chance (云帆智能 + 成立: 能成)."""
    words, sizes = short_words(), range(SHORT_WORD[0], SHORT_WORD[1] + 1)
    inside = 2 if m.end - m.start >= SHORT_FORM_SHORTEST else 1  # the fewest of the name's characters a word holds
    for k in sizes:
        for i in range(max(0, m.start - k + inside), m.start):  # starts before the name, ends inside it
            if text[i : i + k] in words:
                return True
        for i in range(max(m.start, m.end - k + 1), m.end - inside + 1):  # starts inside the name, ends after it
            if i + k <= len(text) and text[i : i + k] in words:
                return True
    return False
