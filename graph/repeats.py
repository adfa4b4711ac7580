"""A name found once in an article is found wherever the article repeats it.

The finders read each sentence on its own terms: the tagger may take 东江控股 in one sentence and
miss it in the next, a title's rule finds a company only before its officer's title. An article
names the same things again and again, so each name of an organization, a project or a policy
its mentions hold (not a place standing for its body, not a name the article gives two types),
and an organization's name without its legal form (星辰科技 of 星辰科技集团, four characters at
least), becomes a mention at every other place its text stands: where no mention is, where
selection refused no finder's span of that text (a tool Orbit beside Orbit公司), at the alias
table's boundaries (not inside its trap words), and where it is not part of a longer word (a
short name whose first or last character makes a common word with the character beside it:
北辰网 in 北辰网络). People are not repeated: the tagger finds most of them wherever they stand,
and repeating them took news-dev's HOLDS_ROLE from 0.840 to 0.824 (a choice made on news-dev).
Names of the alias table and the lexicon are left to their own finders, which looked for them
everywhere.
"""

from __future__ import annotations

from guanxi.graph.aliases import alias_table, strip_legal_suffix, table_boundary
from guanxi.graph.gazetteer import Gazetteer
from guanxi.graph.lexicon import lexicon
from guanxi.graph.records import Article, Finder, Mention
from guanxi.graph.spans import SpanIndex
from guanxi.graph.word_lexicon import SHORT_WORD, short_words

RULE_ID = "article.repeated-name"
REPEATED_TYPES = ("ORG", "PROJECT", "POLICY")
SHORT_NAME = 3  # the longest name checked for making a word with what stands beside it
SHORT_FORM_SHORTEST = 4  # 星辰科技 of 星辰科技集团; not 北辰 of 北辰集团, which may be a place or a brand


def find_repeated_names(article: Article) -> Article:
    """Pipeline stage: see the module's docstring."""
    labels: dict[str, set[str]] = {}
    for m in article.mentions:
        if m.label in REPEATED_TYPES and len(m.text) >= 2 and not m.elided:
            labels.setdefault(m.text, set()).add(m.label)
    names = {name: next(iter(found)) for name, found in labels.items() if len(found) == 1 and not known(name)}
    for name, label in list(names.items()):  # 星辰科技 of 星辰科技集团: the name without its legal form
        short = strip_legal_suffix(name) if label == "ORG" else name
        if short != name and len(short) >= SHORT_FORM_SHORTEST and short not in labels and not known(short):
            names[short] = label
    if not names:
        return article
    taken = SpanIndex(article.mentions)
    refused = {(m.start, m.end) for m in article.refused}  # a tool Orbit beside the company Orbit公司
    text, added = article.text, []
    for start, end in Gazetteer(names, boundary=table_boundary).find(text):
        m = Mention(article.id, start, end, text[start:end], names[text[start:end]], Finder.RULE, RULE_ID)
        if not taken.any_overlapping(m) and (start, end) not in refused and not joins_a_word(text, m):
            added.append(m)
    article.mentions = sorted([*article.mentions, *added], key=lambda m: m.start)
    return article


def known(name: str) -> bool:
    """Names of the alias table and the lexicon: their finders looked for them everywhere already."""
    return alias_table().lookup(name) is not None or name in lexicon().names


def joins_a_word(text: str, m: Mention) -> bool:
    """Whether a short name's first character ends, or its last begins, a common word (李明 + 确)."""
    if len(m.text) > SHORT_NAME:
        return False
    words, sizes = short_words(), range(SHORT_WORD[0], SHORT_WORD[1] + 1)
    before = any(text[m.start + 1 - k : m.start + 1] in words for k in sizes if m.start + 1 - k >= 0)
    after = any(text[m.end - 1 : m.end - 1 + k] in words for k in sizes if m.end - 1 + k <= len(text))
    return before or after
