"""Which dictionary words each character of a text begins, continues or ends: the NER model's
word-boundary features; and the dictionary's common short words (``short_words``), which tell a
known name that straddles two ordinary words (本田 in 日本田径) from the name.

The dictionary is jieba's ``dict.txt`` (349,046 words with a part of speech, shipped inside the
PyPI wheel ``jieba``; only the file is read, jieba itself is never imported). A character's
feature is one token naming, for every word group, where it stands in some word of that group:
``w:BE nr:B`` says the character ends one word and begins another, and begins a person's name.
The tagger learns one embedding per such token, so a name in the dictionary shows the model its
boundaries, and a name outside it is still left to the characters around it.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

# jieba's parts of speech that say what kind of name a word is; every word also counts as "w"
GROUPS = {"nr": "nr", "nrt": "nr", "nrfg": "nr", "ns": "ns", "nt": "nt", "nz": "nz"}
GROUP_ORDER = ("w", "nr", "ns", "nt", "nz")
LONGEST = 10
POSITIONS = "BME"


def dictionary_path() -> Path:
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the NER model's word features read jieba's dictionary: pip install jieba")
    return Path(spec.origin).with_name("dict.txt")


@cache
def word_groups(path: Path | None = None) -> dict[str, int]:
    """word -> bit mask of its groups (bit k: GROUP_ORDER[k]), for words of 2 to LONGEST characters;
    the starts of those words that are no word themselves -> 0."""
    bits = {group: 1 << k for k, group in enumerate(GROUP_ORDER)}
    words: dict[str, int] = {}
    with (path or dictionary_path()).open(encoding="utf-8") as f:
        for line in f:
            word, _, rest = line.rstrip("\n").partition(" ")
            if not 2 <= len(word) <= LONGEST:
                continue
            pos = rest.rpartition(" ")[2]
            words[word] = words.get(word, 0) | bits["w"] | bits.get(GROUPS.get(pos, "w"), 0)
    for word in list(words):  # starts of longer words, as 0: a search may stop where none goes on
        for k in range(2, len(word)):
            words.setdefault(word[:k], 0)
    return words


def word_features(chars: list[str], words: dict[str, int] | None = None) -> list[str]:
    """One feature token per character (see the module's docstring); "-" where no word covers it."""
    words = word_groups() if words is None else words
    n = len(chars)
    marks = [0] * n  # bit 3k+p: group k, position p (B, M, E)
    text = "".join(c if len(c) == 1 else "\x00" for c in chars)  # one character per position
    for i in range(n):
        for end in range(i + 2, min(n, i + LONGEST) + 1):
            mask = words.get(text[i:end])
            if mask is None:
                break
            if mask:
                begin, middle, last = position_bits(mask)
                marks[i] |= begin
                marks[end - 1] |= last
                for j in range(i + 1, end - 1):
                    marks[j] |= middle
    return [feature_token(m) for m in marks]


@cache
def position_bits(mask: int) -> tuple[int, int, int]:
    """The marks a word of these groups leaves on its first, middle and last characters."""
    groups = [k for k in range(len(GROUP_ORDER)) if mask >> k & 1]
    return tuple(sum(1 << (3 * k + p) for k in groups) for p in range(3))


@cache
def feature_token(mark: int) -> str:
    parts = []
    for k, group in enumerate(GROUP_ORDER):
        where = "".join(p for q, p in enumerate(POSITIONS) if mark >> (3 * k + q) & 1)
        if where:
            parts.append(f"{group}:{where}")
    return " ".join(parts) or "-"


SHORT_WORD = (2, 3)  # lengths of the words ``short_words`` holds
COMMON = 3  # the least count in jieba's dictionary for a word to be a common one


@cache
def common_words(path: Path | None = None) -> dict[str, str]:
    """The dictionary's two- to four-character words counted at least ``COMMON`` times, with their
    part of speech: read once for the word sets below."""
    found = {}
    with (path or dictionary_path()).open(encoding="utf-8") as f:
        for line in f:
            word, count, pos = line.split()
            if 2 <= len(word) <= 4 and int(count) >= COMMON:
                found[word] = pos
    return found


@cache
def short_words(path: Path | None = None) -> frozenset[str]:
    """The dictionary's common two- and three-character words: what tells a known name that
    straddles two ordinary words (本田 in 日本田径) from the name itself."""
    return frozenset(w for w in common_words(path) if SHORT_WORD[0] <= len(w) <= SHORT_WORD[1])


# jieba's parts of speech of words that are never a name: verbs, adverbs, conjunctions, prepositions,
# pronouns, time words
FUNCTION_POS = frozenset({"v", "vd", "vi", "d", "ad", "c", "p", "r", "t"})


@cache
def function_words(path: Path | None = None) -> frozenset[str]:
    """The dictionary's common two- to four-character verbs, adverbs and other words that are no
    name (否认, 表示, 目前): what a fallback must not take for an organization's name."""
    return frozenset(w for w, pos in common_words(path).items() if pos in FUNCTION_POS)


NAME_POS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"})  # names and abbreviations (工信部: j)


@cache
def plain_words(path: Path | None = None) -> frozenset[str]:
    """The dictionary's common two- and three-character words that are no name and no abbreviation
    (未来, 绿色, 星辰): a name that starts with one may be a phrase (未来科技竞争将更加激烈)."""
    return frozenset(w for w in short_words(path) if common_words(path)[w] not in NAME_POS)
