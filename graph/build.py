"""The corpus graph: entities merged across articles, relations aggregated with their evidence.

A ``networkx.MultiDiGraph``. Node ids are stable for a (type, canonical name); nodes carry
``name``, ``type``, ``aliases``, mention and document counts and the documents they appear in.
Edges carry ``type``, ``weight`` (sentences of evidence), ``documents``, and the evidence itself
(capped at ``MAX_EVIDENCE`` per edge; ``evidence_total`` counts all). ``CO_OCCURS`` edges also
carry ``npmi``, so hubs that appear everywhere do not look tied to everything.
"""
from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from typing import Iterable

import networkx as nx

from graph.aliases import alias_table, strip_legal_suffix
from graph.records import UNDIRECTED, Article

MAX_EVIDENCE = 20


def entity_id(type_: str, name: str) -> str:
    return f"{type_.lower()}-{hashlib.sha1(f'{type_}:{name}'.encode()).hexdigest()[:12]}"


def relation_id(type_: str, head: str, tail: str, title: str | None = None) -> str:
    key = f"{type_}:{head}:{tail}:{title or ''}"
    return f"rel-{hashlib.sha1(key.encode()).hexdigest()[:16]}"


class _Forms:
    """Union-find over (type, form) so that entities sharing any form become one node."""

    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def corpus_entities(articles: list[Article]) -> dict[tuple[str, str], tuple[str, str]]:
    """(type, article-level canonical name) -> (type, corpus canonical name)."""
    forms = _Forms()
    names_of: dict = defaultdict(set)
    for a in articles:
        for e in a.entities:
            root = (e.type, e.name)
            for form in {e.name, *e.aliases}:
                forms.union(root, (e.type, form))
                if e.type == "ORG":
                    forms.union(root, (e.type, "~" + strip_legal_suffix(form)))
    for a in articles:
        for e in a.entities:
            names_of[forms.find((e.type, e.name))].update({e.name, *e.aliases})
    table = alias_table()
    out = {}
    for a in articles:
        for e in a.entities:
            group = names_of[forms.find((e.type, e.name))]
            known = [table.lookup(n).canonical for n in group if table.lookup(n) and table.lookup(n).type == e.type]
            canonical = known[0] if known else max(group, key=lambda n: (len(n), n))
            out[(e.type, e.name)] = (e.type, canonical)
    return out


def build_graph(articles: Iterable[Article]) -> nx.MultiDiGraph:
    articles = list(articles)
    g = nx.MultiDiGraph()
    g.graph["documents"] = {a.id: {"title": a.title, "date": a.date, "url": a.url, "source": a.source,
                                   "sentences": len(a.sentences)} for a in articles}
    canon = corpus_entities(articles)
    sentence_total = sum(len(a.sentences) for a in articles) or 1
    entity_sentences: dict[str, set] = defaultdict(set)
    for a in articles:
        for e in a.entities:
            type_, name = canon[(e.type, e.name)]
            nid = entity_id(type_, name)
            if nid not in g:
                g.add_node(nid, id=nid, name=name, type=type_, aliases=set(), mentions=0, documents={},
                           merge_reasons=[], first_seen=None, last_seen=None)
            node = g.nodes[nid]
            node["aliases"].update(f for f in {e.name, *e.aliases} if f != name)
            node["mentions"] += len(e.mentions)
            node["documents"][a.id] = node["documents"].get(a.id, 0) + len(e.mentions)
            node["merge_reasons"].extend(r for r in e.merge_reasons if r not in node["merge_reasons"])
            if e.name != name:
                why = f"{e.name} -> {name}: shares a name or alias with it across articles"
                if why not in node["merge_reasons"]:
                    node["merge_reasons"].append(why)
            seen_dates(node, a.date)
            for m in e.mentions:
                s = a.sentence_at(m.start)
                if s is not None:
                    entity_sentences[nid].add((a.id, s.start))
        for r in a.relations:
            head = entity_id(*canon[(r.head_type, r.head)])
            tail = entity_id(*canon[(r.tail_type, r.tail)])
            if head == tail:
                continue
            if r.type in UNDIRECTED and tail < head:
                head, tail = tail, head
            key = r.type if r.type != "HOLDS_ROLE" else f"HOLDS_ROLE:{r.title or ''}"
            if not g.has_edge(head, tail, key):
                g.add_edge(head, tail, key=key, id=relation_id(r.type, head, tail, r.title), type=r.type,
                           title=r.title, weight=0, documents=set(), evidence=[], evidence_total=0, rules=set(),
                           first_seen=None, last_seen=None)
            edge = g.edges[head, tail, key]
            for ev in r.evidence:
                edge["evidence_total"] += 1
                edge["weight"] += 1
                edge["rules"].add(ev.rule_id)
                if len(edge["evidence"]) < MAX_EVIDENCE:
                    edge["evidence"].append(ev.as_dict())
            edge["documents"].add(a.id)
            seen_dates(edge, a.date)
    for u, v, k, edge in g.edges(keys=True, data=True):
        if edge["type"] == "CO_OCCURS":
            edge["npmi"] = npmi(edge["weight"], len(entity_sentences[u]), len(entity_sentences[v]), sentence_total)
    finalize(g)
    return g


def npmi(joint: int, x: int, y: int, total: int) -> float:
    """Normalized pointwise mutual information of two entities over sentences, in [-1, 1]."""
    if not joint or not x or not y:
        return -1.0
    p_xy, p_x, p_y = joint / total, x / total, y / total
    if p_xy >= 1.0:
        return 1.0
    return round(math.log(p_xy / (p_x * p_y)) / -math.log(p_xy), 4)


def seen_dates(item: dict, date: str | None) -> None:
    if date:
        item["first_seen"] = min(filter(None, [item["first_seen"], date]))
        item["last_seen"] = max(filter(None, [item["last_seen"], date]))


def finalize(g: nx.MultiDiGraph) -> None:
    """Sets become sorted lists and counts are derived, so the graph serializes as plain JSON."""
    for _, node in g.nodes(data=True):
        node["aliases"] = sorted(node["aliases"])
        node["document_count"] = len(node["documents"])
        node["documents"] = dict(sorted(node["documents"].items()))
    for _, _, edge in g.edges(data=True):
        edge["documents"] = sorted(edge["documents"])
        edge["document_count"] = len(edge["documents"])
        edge["rules"] = sorted(edge["rules"])
