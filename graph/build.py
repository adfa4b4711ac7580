"""The corpus graph: the sum of the articles' contributions, as a ``networkx.MultiDiGraph``.

Node ids are stable for an entity's identity (its alias-table canonical name, or its name without
legal suffix); nodes carry ``name``, ``type``, ``aliases``, mention, sentence and document counts.
Edges carry ``type``, ``weight`` (sentences of evidence), ``documents``, and the evidence itself
(at most ``MAX_EVIDENCE`` per edge; ``evidence_total`` counts all). ``CO_OCCURS`` edges also carry
``npmi``, so hubs that appear everywhere do not look tied to everything. The contributions
themselves are kept in ``graph.graph["contributions"]``: the provenance everything is computed from.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict

import networkx as nx

from guanxi.graph.contribution import Contribution, contribute, edge_from, node_from, parts_of
from guanxi.graph.identity import FormIndex
from guanxi.graph.records import Article
from guanxi.graph.schema import edge_key


def contributions_of(articles: Iterable[Article]) -> list[Contribution]:
    """Each article's contribution, entities resolved against the articles before it."""
    index = FormIndex()
    out = []
    for a in articles:
        c = contribute(a, index.resolve)
        for nid, part in c.entities.items():
            index.add(nid, part.type, part.forms)
        out.append(c)
    return out


def graph_from_contributions(contributions: list[Contribution]) -> nx.MultiDiGraph:
    nodes, edges = parts_of(contributions)
    g = nx.MultiDiGraph()
    g.graph["documents"] = {c.doc.id: asdict(c.doc) for c in contributions}
    g.graph["contributions"] = {c.doc.id: c for c in contributions}
    total = sum(c.doc.sentences for c in contributions) or 1
    for nid in sorted(nodes):
        g.add_node(nid, **node_from(nid, nodes[nid]))
    for rid in sorted(edges):
        e = edge_from(rid, edges[rid])
        if e["type"] == "CO_OCCURS":
            e["npmi"] = npmi(e["weight"], g.nodes[e["head"]]["sentences"], g.nodes[e["tail"]]["sentences"], total)
        g.add_edge(
            e["head"],
            e["tail"],
            key=edge_key(e["type"], e["title"]),
            **{k: v for k, v in e.items() if k not in ("head", "tail")},
        )
    return g


def build_graph(articles: Iterable[Article]) -> nx.MultiDiGraph:
    return graph_from_contributions(contributions_of(articles))


def npmi(joint: int, x: int, y: int, total: int) -> float:
    """Normalized pointwise mutual information of two entities over sentences, in [-1, 1]."""
    if not joint or not x or not y:
        return -1.0
    p_xy, p_x, p_y = joint / total, x / total, y / total
    if p_xy >= 1.0:
        return 1.0
    return round(max(-1.0, min(1.0, math.log(p_xy / (p_x * p_y)) / -math.log(p_xy))), 4)
