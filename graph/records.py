"""The records that flow through the pipeline. Frozen where they are facts, plain where a stage fills them."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter, itemgetter


@dataclass(frozen=True)
class Document:
    """One input document as read, before cleaning."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None  # file the document came from
    first_line: int = 1  # line of `source` where `text` starts
    format: str | None = None  # how it was read: text, jsonl, pdf, docx, html
    pages: int | None = None  # of a PDF
    page_lines: tuple[int, ...] = ()  # the line of `text` (1-based) where each page starts
    headings: tuple[int, ...] = ()  # lines of `text` that title an article each (a Word file's headings)
    author: str | None = None  # a web page's, from its metadata


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


SENTENCE_START = attrgetter("start")


class Finder(Enum):
    """What kind of finder found a mention."""

    NER = "ner"  # the NER model
    DICT = "dict"  # the alias table
    LEXICON = "lexicon"  # the harvested organization lexicon
    RULE = "rule"  # a rule: an entity rule of rules.toml, or one written in code
    FALLBACK = "fallback"  # an entity rule that counts only where no other finder found a name

    @property
    def by_rule(self) -> bool:
        return self in (Finder.RULE, Finder.FALLBACK)


@dataclass(frozen=True)
class Mention:
    """A span of an article's text; ``article.text[start:end] == text`` always holds."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    finder: Finder  # what kind of finder found it (its value, "ner", is accepted too)
    rule: str | None = None  # the id of the rule that found it, for a rule or fallback finder
    elided: str = ""  # the name it stands for where the text shares part of it with the next
    # name (江苏省 in 江苏省、浙江省商务厅 stands for 江苏省商务厅); else empty

    def __post_init__(self):
        object.__setattr__(self, "finder", Finder(self.finder))  # an unknown finder raises
        if self.finder.by_rule != (self.rule is not None):
            raise ValueError(f"a {self.finder.value} mention {'needs' if self.finder.by_rule else 'has no'} rule id")

    def __hash__(self) -> int:
        # mentions key many dicts; hashing every field (an Enum's hash runs in Python) cost a
        # sixth of extraction time on a long line. Equal mentions still hash equal.
        return hash((self.start, self.end, self.label))

    @property
    def name(self) -> str:
        return self.elided or self.text

    def shifted(self, by: int) -> Mention:
        """The same mention with its offsets ``by`` characters further (negative: back)."""
        return Mention(
            self.doc_id, self.start + by, self.end + by, self.text, self.label, self.finder, self.rule, self.elided
        )


@dataclass
class Article:
    """A cleaned article: ``text`` is what every offset refers to."""

    id: str
    title: str
    text: str
    date: str | None = None
    url: str | None = None
    source: str | None = None
    line_map: tuple[tuple[int, int], ...] = ()  # (offset in text, line number in source), ascending
    document_id: str | None = None  # the input document it came from (a digest holds several)
    format: str | None = None  # of the input document: text, jsonl, pdf, docx, html
    page_lines: tuple[int, ...] = ()  # the source line where each page starts, for a PDF
    author: str | None = None  # a web page's
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    # the finders' spans that selection left no mention over (荣耀 in 王者荣耀): no later stage puts one back
    refused: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def line_of(self, offset: int) -> int | None:
        """Line of the source file that holds the character at ``offset``."""
        i = bisect_right(self.line_map, offset, key=itemgetter(0)) - 1
        return self.line_map[i][1] if i >= 0 else None

    def page_of(self, offset: int) -> int | None:
        """Page (1-based) of a PDF that holds the character at ``offset``; None for other documents."""
        if not self.page_lines:
            return None
        line = self.line_of(offset)
        return bisect_right(self.page_lines, line) if line is not None else None

    @property
    def pages(self) -> list[int]:
        """The pages of a PDF the article is on; empty for other documents."""
        if not self.page_lines or not self.text:
            return []
        return list(range(self.page_of(0) or 1, (self.page_of(len(self.text) - 1) or 1) + 1))

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that holds the character at ``offset`` (sentences are in text order)."""
        i = bisect_right(self.sentences, offset, key=SENTENCE_START) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


@dataclass
class Entity:
    """An entity as one article names it: canonical name, aliases and the mentions behind them."""

    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    merge_reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    sentence: str
    head: tuple[int, int]  # offsets of the head mention in the article text
    tail: tuple[int, int]
    rule_id: str
    confidence: float = 1.0
    date: str | None = None
    parties: int = 2  # how many bodies the sentence links this way at once (a campaign of eight: 8)
    page: int | None = None  # of the PDF the sentence is on

    def as_dict(self) -> dict:
        out = {
            "doc_id": self.doc_id,
            "sentence": self.sentence,
            "head": list(self.head),
            "tail": list(self.tail),
            "rule_id": self.rule_id,
            "confidence": self.confidence,
            "date": self.date,
            "parties": self.parties,
        }
        if self.page is not None:  # only PDFs have pages: other documents' evidence is as before
            out["page"] = self.page
        return out


@dataclass
class Relation:
    type: str
    head: str  # canonical entity name
    tail: str
    head_type: str
    tail_type: str
    evidence: list[Evidence] = field(default_factory=list)
    title: str | None = None  # HOLDS_ROLE only
