"""What one article adds to the graph, and how contributions add up.

A ``Contribution`` is the article's entities (keyed by node id, with their forms and counts) and
relations (keyed by relation id, with weight and evidence). The corpus graph and the stores are
both sums of contributions, so anything in them can be recomputed from stored provenance, and
removing a document is subtracting its contribution: ``aggregate`` says what the nodes and edges
touched by a change become, and which of them no contribution names any more.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from guanxi.graph.identity import canonical_name, identity_key
from guanxi.graph.records import Article
from guanxi.graph.schema import entity_id, oriented, relation_id

MAX_EVIDENCE = 20

Resolver = Callable[[str, list[str]], "str | None"]


@dataclass
class DocumentInfo:
    id: str
    document: str  # the input document the article came from
    title: str | None = None
    date: str | None = None
    url: str | None = None
    source: str | None = None
    sentences: int = 0
    text: str | None = None  # the cleaned text evidence offsets refer to; stored on the node, not in the JSON
    format: str | None = None  # how the input document was read: text, jsonl, pdf, docx, html
    pages: list[int] = field(default_factory=list)  # the pages of a PDF the article is on
    author: str | None = None  # a web page's

    def as_dict(self) -> dict:
        return dict(vars(self))


@dataclass
class EntityPart:
    """What one article says of one entity."""

    type: str
    forms: list[str] = field(default_factory=list)
    mentions: int = 0
    sentences: int = 0
    reasons: list[str] = field(default_factory=list)


@dataclass
class RelationPart:
    """What one article says of one relation; ``evidence`` holds ``Evidence.as_dict()`` records."""

    type: str
    head: str  # node ids
    tail: str
    title: str | None = None
    weight: int = 0
    rules: list[str] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Contribution:
    doc: DocumentInfo
    entities: dict[str, EntityPart] = field(default_factory=dict)
    relations: dict[str, RelationPart] = field(default_factory=dict)

    def to_json(self) -> str:
        # the fields as they are, not ``dataclasses.asdict``'s deep copy: three times the time of a build's
        # bookkeeping; in the order they were made (made the same way, so the same text for the same
        # article), not sorted: sorting every key took half of a build's client time for its provenance
        data = {
            "doc": {k: v for k, v in vars(self.doc).items() if k != "text"},  # the document node holds the text once
            "entities": {nid: vars(part) for nid, part in self.entities.items()},
            "relations": {rid: vars(part) for rid, part in self.relations.items()},
        }
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Contribution:
        data = json.loads(text)
        return cls(
            DocumentInfo(**data["doc"]),
            {nid: EntityPart(**row) for nid, row in data.get("entities", {}).items()},
            {rid: RelationPart(**row) for rid, row in data.get("relations", {}).items()},
        )


@dataclass
class EntityDraft:
    """One entity of an article, before it is matched to a node."""

    name: str
    type: str
    forms: list[str]
    mentions: int
    sentences: int
    reasons: list[str]


@dataclass
class RelationDraft:
    """One relation of an article between two of its entities' names; ``evidence`` as dicts."""

    type: str
    head: str
    tail: str
    title: str | None
    evidence: list[dict]


@dataclass
class Draft:
    """What one article adds, before its entities are matched to the graph's nodes. A worker makes
    it where it extracted the article, so that this travels back instead of the article's records."""

    doc: DocumentInfo
    entities: list[EntityDraft]
    relations: list[RelationDraft]

    @property
    def id(self) -> str:
        return self.doc.id

    @property
    def document_id(self) -> str:
        return self.doc.document


def draft_of(article: Article) -> Draft:
    doc = DocumentInfo(
        article.id,
        article.document_id or article.id,
        article.title,
        article.date,
        article.url,
        article.source,
        len(article.sentences),
        article.text,
        article.format,
        article.pages,
        article.author,
    )
    entities = [
        EntityDraft(
            e.name,
            e.type,
            sorted({e.name, *e.aliases}),
            len(e.mentions),
            len({s.start for m in e.mentions if (s := article.sentence_at(m.start)) is not None}),
            list(e.merge_reasons),
        )
        for e in article.entities
    ]
    relations = [
        RelationDraft(r.type, r.head, r.tail, r.title, [ev.as_dict() for ev in r.evidence]) for r in article.relations
    ]
    return Draft(doc, entities, relations)


def drafts_of(_document, articles: list[Article]) -> list[Draft]:
    """The drafts of a document's articles: the ``finish`` of extraction for a build or an add."""
    return [draft_of(a) for a in articles]


def contribute(article: Article | Draft, resolve: Resolver) -> Contribution:
    """The contribution of one processed article (or of its draft); ``resolve`` finds existing
    nodes by their forms."""
    draft = article if isinstance(article, Draft) else draft_of(article)
    c = Contribution(draft.doc)
    node_of: dict[str, str] = {}
    for e in draft.entities:
        found = resolve(e.type, e.forms)
        nid = found or entity_id(e.type, identity_key(e.type, canonical_name(e.type, e.forms)))
        node_of[e.name] = nid
        part = c.entities.setdefault(nid, EntityPart(e.type))
        part.forms = sorted(set(part.forms) | set(e.forms))
        part.mentions += e.mentions
        part.sentences += e.sentences
        part.reasons += [r for r in e.reasons if r not in part.reasons]
        if found:
            part.reasons.append(f"{e.name}: joined an existing node that shares one of {'、'.join(e.forms)}")
    for r in draft.relations:
        head, tail = oriented(r.type, node_of[r.head], node_of[r.tail])
        if head == tail:
            continue
        part = c.relations.setdefault(
            relation_id(r.type, head, tail, r.title), RelationPart(r.type, head, tail, r.title)
        )
        part.weight += len(r.evidence)
        part.rules = sorted(set(part.rules) | {ev["rule_id"] for ev in r.evidence})
        part.evidence += r.evidence
    for part in c.relations.values():
        part.evidence = sorted(part.evidence, key=evidence_order)[:MAX_EVIDENCE]
    return c


def evidence_order(ev: dict) -> tuple:
    return (ev.get("date") or "", ev["doc_id"], ev["head"][0], ev["tail"][0], ev["rule_id"])


@dataclass
class NodeSum:
    """What the contributions that name one node add up to, folded in one at a time."""

    type: str
    forms: set[str] = field(default_factory=set)
    mentions: int = 0
    sentences: int = 0
    parts: int = 0
    documents: dict[str, int] = field(default_factory=dict)  # document id -> mentions there
    dates: list[str] = field(default_factory=list)  # the earliest and the latest
    # each merge reason where it first appears: (document id, place in that document's list)
    reasons: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, doc: DocumentInfo, part: EntityPart) -> None:
        self.forms.update(part.forms)
        self.mentions += part.mentions
        self.sentences += part.sentences
        self.parts += 1
        self.documents[doc.id] = part.mentions
        self.dates = span_of(self.dates, doc.date)
        for k, reason in enumerate(part.reasons):  # a reason repeated by every later document is kept once
            if reason not in self.reasons or (doc.id, k) < self.reasons[reason]:
                self.reasons[reason] = (doc.id, k)

    def properties(self, node_id: str) -> dict:
        name = canonical_name(self.type, self.forms)
        reasons = sorted(self.reasons, key=self.reasons.__getitem__)
        return {
            "id": node_id,
            "name": name,
            "type": self.type,
            "aliases": sorted(self.forms - {name}),
            "mentions": self.mentions,
            "sentences": self.sentences,
            "document_count": self.parts,
            "documents": dict(sorted(self.documents.items(), key=lambda d: d[0])),
            "first_seen": self.dates[0] if self.dates else None,
            "last_seen": self.dates[-1] if self.dates else None,
            "merge_reasons": reasons,
        }


@dataclass
class EdgeSum:
    """What the contributions that hold one relation add up to: the first ``MAX_EVIDENCE`` pieces
    of evidence (``None`` where they are kept in an ``EvidenceFile``), and of all of it only how
    many bodies each piece linked."""

    type: str
    head: str
    tail: str
    title: str | None
    first: str  # the id of the document the title is taken from: the first in id order
    weight: int = 0
    documents: list[str] = field(default_factory=list)
    evidence: list[dict] | None = field(default_factory=list)
    parties: dict[int, int] = field(default_factory=dict)  # group size -> pieces of evidence
    rules: set[str] = field(default_factory=set)
    dates: list[str] = field(default_factory=list)

    def add(self, doc: DocumentInfo, part: RelationPart) -> None:
        if doc.id < self.first:
            self.first, self.title = doc.id, part.title
        self.weight += part.weight
        self.documents.append(doc.id)
        if self.evidence is not None:
            self.evidence = sorted(self.evidence + part.evidence, key=evidence_order)[:MAX_EVIDENCE]
        for ev in part.evidence:
            size = ev.get("parties", 2)
            self.parties[size] = self.parties.get(size, 0) + 1
        self.rules.update(part.rules)
        self.dates = span_of(self.dates, doc.date)

    def properties(self, rel_id: str) -> dict:
        return {
            "id": rel_id,
            "type": self.type,
            "head": self.head,
            "tail": self.tail,
            "title": self.title,
            "weight": self.weight,
            "specificity": specificity(self.weight, self.parties),
            "documents": sorted(self.documents),
            "document_count": len(self.documents),
            "evidence": self.evidence,
            "evidence_total": self.weight,
            "rules": sorted(self.rules),
            "first_seen": self.dates[0] if self.dates else None,
            "last_seen": self.dates[-1] if self.dates else None,
        }


def span_of(dates: list[str], date: str | None) -> list[str]:
    """[earliest, latest] of ``dates`` (empty, or those two) and ``date``."""
    if not date:
        return dates
    return [min(dates[0], date), max(dates[-1], date)] if dates else [date, date]


def specificity(weight: int, parties: Mapping[int, int]) -> float:
    """The weight with each piece of evidence counted as 1/(parties - 1): a two-party agreement
    counts 1, each pair of a campaign of eight bodies 1/7 (``parties``: group size -> pieces)."""
    pieces = sum(parties.values())
    if not pieces:
        return float(weight)
    share = math.fsum(n / (size - 1) for size, n in parties.items()) / pieces
    return round(weight * share, 4)


class Sums:
    """Contributions added up node by node and relation by relation, one contribution at a time,
    without keeping them: the corpus graph of a build, and what a store's change recomputes (only
    ``node_ids`` and ``relation_ids`` where given). Evidence is written to ``evidence`` (an
    ``EvidenceFile``) where given, instead of being kept."""

    def __init__(self, node_ids=None, relation_ids=None, evidence=None):
        self.node_ids, self.relation_ids, self.evidence = node_ids, relation_ids, evidence
        self.nodes: dict[str, NodeSum] = {}
        self.edges: dict[str, EdgeSum] = {}
        self.sentences = 0

    def add(self, c: Contribution) -> None:
        self.sentences += c.doc.sentences
        for nid, part in c.entities.items():
            if self.node_ids is None or nid in self.node_ids:
                self.nodes.setdefault(nid, NodeSum(part.type)).add(c.doc, part)
        for rid, part in c.relations.items():
            if self.relation_ids is None or rid in self.relation_ids:
                edge = self.edges.get(rid)
                if edge is None:
                    kept = [] if self.evidence is None else None
                    edge = self.edges[rid] = EdgeSum(
                        part.type, part.head, part.tail, part.title, c.doc.id, evidence=kept
                    )
                edge.add(c.doc, part)
                if self.evidence is not None:
                    self.evidence.add(rid, part.evidence)


@dataclass(frozen=True)
class RelationEnds:
    type: str
    head: str
    tail: str


@dataclass
class Aggregate:
    """What a set of nodes and relations becomes once recomputed from the contributions."""

    nodes: list[dict]  # node properties (``NodeSum.properties``), by id
    edges: list[dict]  # edge properties (``EdgeSum.properties``)
    gone_nodes: list[str]  # ids no contribution names any more
    gone_edges: dict[str, RelationEnds]

    @property
    def changed(self) -> tuple[int, int]:
        """(entities, relationships) written or deleted."""
        return len(self.nodes) + len(self.gone_nodes), len(self.edges) + len(self.gone_edges)


def aggregate(
    contributions: Iterable[Contribution], node_ids: set[str], relations: Mapping[str, RelationEnds]
) -> Aggregate:
    """Recompute ``node_ids`` and ``relations`` from every contribution that may name them: what an
    add, a remove or a rebuild writes."""
    sums = Sums(node_ids, relations)
    for c in contributions:
        sums.add(c)
    return Aggregate(
        nodes=[sums.nodes[nid].properties(nid) for nid in sorted(sums.nodes)],
        edges=[edge.properties(rid) for rid, edge in sums.edges.items()],
        gone_nodes=sorted(node_ids - set(sums.nodes)),
        gone_edges={rid: ends for rid, ends in relations.items() if rid not in sums.edges},
    )


def touched(c: Contribution) -> tuple[set[str], dict[str, RelationEnds]]:
    """The nodes and relations a contribution adds to or takes from."""
    return set(c.entities), {rid: RelationEnds(p.type, p.head, p.tail) for rid, p in c.relations.items()}
