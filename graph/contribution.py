"""What one article adds to the graph, and how contributions add up.

A ``Contribution`` is plain JSON-ready data: the article's entities (keyed by node id, with their
forms and counts) and relations (keyed by relation id, with weight and evidence). The corpus graph
and the stores are both sums of contributions, so anything in them can be recomputed from stored
provenance, and removing a document is subtracting its contribution.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Callable, Iterable

from guanxi.graph.aliases import alias_table, strip_legal_suffix
from guanxi.graph.records import UNDIRECTED, Article

MAX_EVIDENCE = 20

Resolver = Callable[[str, list[str]], "str | None"]


def entity_id(type_: str, key: str) -> str:
    return f"{type_.lower()}-{hashlib.sha1(f'{type_}:{key}'.encode()).hexdigest()[:12]}"


def relation_id(type_: str, head: str, tail: str, title: str | None = None) -> str:
    key = f"{type_}:{head}:{tail}:{title or ''}"
    return f"rel-{hashlib.sha1(key.encode()).hexdigest()[:16]}"


def canonical_name(type_: str, forms: Iterable[str]) -> str:
    """The alias table's canonical name if it knows a form, else the fullest form."""
    forms = sorted(set(forms))
    table = alias_table()
    for f in forms:
        entry = table.lookup(f)
        if entry and entry.type == type_:
            return entry.canonical
    return max(forms, key=lambda f: (len(f), f))


def identity_key(type_: str, name: str) -> str:
    """What a node id is derived from: stable under the aliases and legal suffixes of one name."""
    entry = alias_table().lookup(name)
    if entry and entry.type == type_:
        return entry.canonical
    return strip_legal_suffix(name) if type_ == "ORG" else name


def lookup_keys(type_: str, forms: Iterable[str]) -> list[tuple[str, str]]:
    """Keys two forms of one entity share: the form itself, then its alias-table canonical name
    (a form the table knows keeps its own entry: 三星集团 is not 三星电子 although 三星 is), else
    the form without its legal suffix (长飞公司 ~ 长飞)."""
    table = alias_table()
    keys = []
    for f in sorted(set(forms)):
        keys.append((type_, f))
        if type_ != "ORG":
            continue
        stripped = strip_legal_suffix(f)
        entry = table.lookup(f) or table.lookup(stripped)
        if entry and entry.type == type_:
            keys.append((type_, "=" + entry.canonical))
        else:
            keys.append((type_, "~" + stripped))
    return keys


class FormIndex:
    """(type, form) -> node id, for resolving the entities of new articles to existing nodes."""

    def __init__(self):
        self.ids: dict[tuple[str, str], str] = {}

    def resolve(self, type_: str, forms: list[str]) -> str | None:
        for key in lookup_keys(type_, forms):
            if key in self.ids:
                return self.ids[key]
        return None

    def add(self, node_id: str, type_: str, forms: Iterable[str]) -> None:
        for key in lookup_keys(type_, forms):
            self.ids.setdefault(key, node_id)


@dataclass
class Contribution:
    doc: dict
    entities: dict[str, dict] = field(default_factory=dict)
    relations: dict[str, dict] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "Contribution":
        return cls(**json.loads(text))


def contribute(article: Article, resolve: Resolver) -> Contribution:
    """The contribution of one processed article; ``resolve`` finds existing nodes by their forms."""
    c = Contribution(doc={"id": article.id, "document": article.document_id or article.id, "title": article.title,
                          "date": article.date, "url": article.url, "source": article.source,
                          "sentences": len(article.sentences)})
    node_of: dict[str, str] = {}
    for e in article.entities:
        forms = sorted({e.name, *e.aliases})
        found = resolve(e.type, forms)
        nid = found or entity_id(e.type, identity_key(e.type, canonical_name(e.type, forms)))
        node_of[e.name] = nid
        sentences = {s.start for m in e.mentions if (s := article.sentence_at(m.start)) is not None}
        row = c.entities.setdefault(nid, {"type": e.type, "forms": [], "mentions": 0, "sentences": 0, "reasons": []})
        row["forms"] = sorted(set(row["forms"]) | set(forms))
        row["mentions"] += len(e.mentions)
        row["sentences"] += len(sentences)
        row["reasons"] += [r for r in e.merge_reasons if r not in row["reasons"]]
        if found:
            row["reasons"].append(f"{e.name}: joined an existing node that shares one of {'、'.join(forms)}")
    for r in article.relations:
        head, tail = node_of[r.head], node_of[r.tail]
        if head == tail:
            continue
        if r.type in UNDIRECTED and tail < head:
            head, tail = tail, head
        rid = relation_id(r.type, head, tail, r.title if r.type == "HOLDS_ROLE" else None)
        row = c.relations.setdefault(rid, {"type": r.type, "head": head, "tail": tail, "title": r.title,
                                           "weight": 0, "rules": [], "evidence": []})
        row["weight"] += len(r.evidence)
        row["rules"] = sorted(set(row["rules"]) | {ev.rule_id for ev in r.evidence})
        row["evidence"] += [ev.as_dict() for ev in r.evidence]
    for row in c.relations.values():
        row["evidence"] = sorted(row["evidence"], key=evidence_order)[:MAX_EVIDENCE]
    return c


def evidence_order(ev: dict) -> tuple:
    return (ev.get("date") or "", ev["doc_id"], ev["head"][0], ev["tail"][0], ev["rule_id"])


def node_from(node_id: str, parts: list[tuple[dict, dict]]) -> dict:
    """A node's properties from (document, entity row) pairs of every contribution that names it."""
    parts = sorted(parts, key=lambda p: p[0]["id"])
    type_ = parts[0][1]["type"]
    forms = set().union(*(set(row["forms"]) for _, row in parts))
    name = canonical_name(type_, forms)
    dates = [doc["date"] for doc, _ in parts if doc.get("date")]
    reasons: list[str] = []
    for _, row in parts:
        reasons += [r for r in row.get("reasons", []) if r not in reasons]
    return {"id": node_id, "name": name, "type": type_, "aliases": sorted(forms - {name}),
            "mentions": sum(row["mentions"] for _, row in parts), "sentences": sum(row["sentences"] for _, row in parts),
            "document_count": len(parts), "documents": {doc["id"]: row["mentions"] for doc, row in parts},
            "first_seen": min(dates, default=None), "last_seen": max(dates, default=None), "merge_reasons": reasons}


def edge_from(rel_id: str, parts: list[tuple[dict, dict]]) -> dict:
    """An edge's properties from (document, relation row) pairs of every contribution that has it."""
    parts = sorted(parts, key=lambda p: p[0]["id"])
    first = parts[0][1]
    evidence = sorted((ev for _, row in parts for ev in row["evidence"]), key=evidence_order)
    dates = [doc["date"] for doc, _ in parts if doc.get("date")]
    return {"id": rel_id, "type": first["type"], "head": first["head"], "tail": first["tail"],
            "title": first.get("title"), "weight": sum(row["weight"] for _, row in parts),
            "documents": [doc["id"] for doc, _ in parts], "document_count": len(parts),
            "evidence": evidence[:MAX_EVIDENCE], "evidence_total": sum(row["weight"] for _, row in parts),
            "rules": sorted(set().union(*(set(row["rules"]) for _, row in parts))),
            "first_seen": min(dates, default=None), "last_seen": max(dates, default=None)}
