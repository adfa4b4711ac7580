"""What one article adds to the graph, and how contributions add up.

A ``Contribution`` is the article's entities (keyed by node id, with their forms and counts) and
relations (keyed by relation id, with weight and evidence). The corpus graph and the stores are
both sums of contributions, so anything in them can be recomputed from stored provenance, and
removing a document is subtracting its contribution: ``aggregate`` says what the nodes and edges
touched by a change become, and which of them no contribution names any more.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field

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
        data = asdict(self)
        del data["doc"]["text"]  # the document node holds it once
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Contribution:
        data = json.loads(text)
        return cls(
            DocumentInfo(**data["doc"]),
            {nid: EntityPart(**row) for nid, row in data.get("entities", {}).items()},
            {rid: RelationPart(**row) for rid, row in data.get("relations", {}).items()},
        )


def contribute(article: Article, resolve: Resolver) -> Contribution:
    """The contribution of one processed article; ``resolve`` finds existing nodes by their forms."""
    c = Contribution(
        DocumentInfo(
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
    )
    node_of: dict[str, str] = {}
    for e in article.entities:
        forms = sorted({e.name, *e.aliases})
        found = resolve(e.type, forms)
        nid = found or entity_id(e.type, identity_key(e.type, canonical_name(e.type, forms)))
        node_of[e.name] = nid
        sentences = {s.start for m in e.mentions if (s := article.sentence_at(m.start)) is not None}
        part = c.entities.setdefault(nid, EntityPart(e.type))
        part.forms = sorted(set(part.forms) | set(forms))
        part.mentions += len(e.mentions)
        part.sentences += len(sentences)
        part.reasons += [r for r in e.merge_reasons if r not in part.reasons]
        if found:
            part.reasons.append(f"{e.name}: joined an existing node that shares one of {'、'.join(forms)}")
    for r in article.relations:
        head, tail = oriented(r.type, node_of[r.head], node_of[r.tail])
        if head == tail:
            continue
        part = c.relations.setdefault(
            relation_id(r.type, head, tail, r.title), RelationPart(r.type, head, tail, r.title)
        )
        part.weight += len(r.evidence)
        part.rules = sorted(set(part.rules) | {ev.rule_id for ev in r.evidence})
        part.evidence += [ev.as_dict() for ev in r.evidence]
    for part in c.relations.values():
        part.evidence = sorted(part.evidence, key=evidence_order)[:MAX_EVIDENCE]
    return c


def evidence_order(ev: dict) -> tuple:
    return (ev.get("date") or "", ev["doc_id"], ev["head"][0], ev["tail"][0], ev["rule_id"])


def node_from(node_id: str, parts: list[tuple[DocumentInfo, EntityPart]]) -> dict:
    """A node's properties from (document, entity part) pairs of every contribution that names it."""
    parts = sorted(parts, key=lambda p: p[0].id)
    type_ = parts[0][1].type
    forms = set().union(*(set(part.forms) for _, part in parts))
    name = canonical_name(type_, forms)
    dates = [doc.date for doc, _ in parts if doc.date]
    reasons: list[str] = []
    for _, part in parts:
        reasons += [r for r in part.reasons if r not in reasons]
    return {
        "id": node_id,
        "name": name,
        "type": type_,
        "aliases": sorted(forms - {name}),
        "mentions": sum(part.mentions for _, part in parts),
        "sentences": sum(part.sentences for _, part in parts),
        "document_count": len(parts),
        "documents": {doc.id: part.mentions for doc, part in parts},
        "first_seen": min(dates, default=None),
        "last_seen": max(dates, default=None),
        "merge_reasons": reasons,
    }


def edge_from(rel_id: str, parts: list[tuple[DocumentInfo, RelationPart]]) -> dict:
    """An edge's properties from (document, relation part) pairs of every contribution that has it."""
    parts = sorted(parts, key=lambda p: p[0].id)
    first = parts[0][1]
    evidence = sorted((ev for _, part in parts for ev in part.evidence), key=evidence_order)
    dates = [doc.date for doc, _ in parts if doc.date]
    weight = sum(part.weight for _, part in parts)
    return {
        "id": rel_id,
        "type": first.type,
        "head": first.head,
        "tail": first.tail,
        "title": first.title,
        "weight": weight,
        "specificity": specificity(weight, evidence),
        "documents": [doc.id for doc, _ in parts],
        "document_count": len(parts),
        "evidence": evidence[:MAX_EVIDENCE],
        "evidence_total": weight,
        "rules": sorted(set().union(*(set(part.rules) for _, part in parts))),
        "first_seen": min(dates, default=None),
        "last_seen": max(dates, default=None),
    }


def specificity(weight: int, evidence: list[dict]) -> float:
    """The weight with each piece of evidence counted as 1/(parties - 1): a two-party agreement
    counts 1, each pair of a campaign of eight bodies 1/7 (estimated from the stored evidence)."""
    if not evidence:
        return float(weight)
    share = sum(1 / (ev.get("parties", 2) - 1) for ev in evidence) / len(evidence)
    return round(weight * share, 4)


Parts = dict[str, list[tuple[DocumentInfo, "EntityPart | RelationPart"]]]


def parts_of(contributions: Iterable[Contribution], node_ids=None, relation_ids=None) -> tuple[Parts, Parts]:
    """(node id -> parts, relation id -> parts) of the contributions; only the given ids, if given."""
    nodes: Parts = defaultdict(list)
    edges: Parts = defaultdict(list)
    for c in contributions:
        for nid, part in c.entities.items():
            if node_ids is None or nid in node_ids:
                nodes[nid].append((c.doc, part))
        for rid, part in c.relations.items():
            if relation_ids is None or rid in relation_ids:
                edges[rid].append((c.doc, part))
    return nodes, edges


@dataclass(frozen=True)
class RelationEnds:
    type: str
    head: str
    tail: str


@dataclass
class Aggregate:
    """What a set of nodes and relations becomes once recomputed from the contributions."""

    nodes: list[dict]  # node properties (``node_from``), by id
    edges: list[dict]  # edge properties (``edge_from``)
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
    node_parts, edge_parts = parts_of(contributions, node_ids, relations)
    return Aggregate(
        nodes=[node_from(nid, parts) for nid, parts in sorted(node_parts.items())],
        edges=[edge_from(rid, parts) for rid, parts in edge_parts.items()],
        gone_nodes=sorted(node_ids - set(node_parts)),
        gone_edges={rid: ends for rid, ends in relations.items() if rid not in edge_parts},
    )


def touched(c: Contribution) -> tuple[set[str], dict[str, RelationEnds]]:
    """The nodes and relations a contribution adds to or takes from."""
    return set(c.entities), {rid: RelationEnds(p.type, p.head, p.tail) for rid, p in c.relations.items()}
