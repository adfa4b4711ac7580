"""The corpus graph: the sum of the articles' contributions, as a ``networkx.MultiDiGraph``.

Node ids are stable for an entity's identity (its alias-table canonical name, or its name without
legal suffix); nodes carry ``name``, ``type``, ``aliases``, mention, sentence and document counts.
Edges carry ``type``, ``weight`` (sentences of evidence), ``documents``, and the evidence itself
(at most ``MAX_EVIDENCE`` per edge; ``evidence_total`` counts all). ``CO_OCCURS`` edges also carry
``npmi``, so hubs that appear everywhere do not look tied to everything. The contributions
themselves, the provenance everything is computed from, are kept in ``graph.graph["contributions"]``,
or for a large build in a temporary file (``Provenance``), along with the edges' evidence (their
``evidence`` is then ``None``): ``documents_of`` and ``edges_of`` read either.
"""

from __future__ import annotations

import gc
import json
import math
import tempfile
from collections.abc import Iterable, Iterator

import networkx as nx

from guanxi.graph.collector import cycle_collection_paused
from guanxi.graph.contribution import Contribution, Draft, Sums, contribute
from guanxi.graph.evidence_file import EvidenceFile
from guanxi.graph.identity import FormIndex
from guanxi.graph.records import Article
from guanxi.graph.schema import edge_key

# while a build sums, the cycle collector runs only here: over the young objects every few contributions
# (what reading the input left in cycles: a Word file's parse, a pool's or a Dask client's work items), and
# over all of them now and then (one full collection takes about 0.5 s with a large graph in memory)
COLLECT_YOUNG_EVERY, YOUNG = 4, 1
COLLECT_EVERY = 10_000


def contributions_of(articles: Iterable[Article | Draft]) -> Iterator[Contribution]:
    """Each article's contribution (or its draft's), entities resolved against the articles before it."""
    index = FormIndex()
    for a in articles:
        c = contribute(a, index.resolve)
        for nid, part in c.entities.items():
            index.add(nid, part.type, part.forms)
        yield c


class Provenance:
    """The documents a graph was built from, with their contributions, in input order, and the
    evidence of its edges (``evidence``): written to temporary files as they come, so that a build's
    memory does not grow with its corpus (the graph itself holds only the sums). Documents are read
    back by iterating; both files are deleted when closed."""

    def __init__(self):
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")
        try:
            self.evidence = EvidenceFile()
        except BaseException:
            self.file.close()
            raise
        self.count = 0

    def add(self, c: Contribution) -> None:
        # one line each: the document's JSON, a tab, the contribution's JSON (JSON text holds no raw
        # tab or newline), so the contribution is neither escaped into a string nor parsed back here
        self.file.write(f"{json.dumps(c.doc.as_dict(), ensure_ascii=False)}\t{c.to_json()}\n")
        self.count += 1

    def __iter__(self) -> Iterator[tuple[dict, str]]:
        self.file.flush()
        self.file.seek(0)
        for line in self.file:
            doc, _, contribution = line.rstrip("\n").partition("\t")
            yield json.loads(doc), contribution
        self.file.seek(0, 2)

    def __len__(self) -> int:
        return self.count

    def close(self) -> None:
        try:
            self.file.close()
        finally:
            self.evidence.close()

    def __enter__(self) -> Provenance:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def graph_from_contributions(
    contributions: Iterable[Contribution], provenance: Provenance | None = None
) -> nx.MultiDiGraph:
    """The graph of the contributions' sums. The contributions themselves are kept in
    ``graph.graph`` (``documents``, ``contributions``), or, where ``provenance`` is given,
    written there with the edges' evidence and found under ``graph.graph["provenance"]``."""
    sums = Sums(evidence=None if provenance is None else provenance.evidence)
    g = nx.MultiDiGraph()
    if provenance is None:
        documents, kept = g.graph["documents"], g.graph["contributions"] = {}, {}
    with cycle_collection_paused():  # the sums hold no cycles; full collections would walk them again and again
        for k, c in enumerate(contributions, 1):
            sums.add(c)
            if provenance is None:
                documents[c.doc.id], kept[c.doc.id] = c.doc.as_dict(), c
            else:
                provenance.add(c)
            if k % COLLECT_EVERY == 0:
                gc.collect()
            elif k % COLLECT_YOUNG_EVERY == 0:
                gc.collect(YOUNG)
    if provenance is not None:
        g.graph["provenance"] = provenance
    total = sums.sentences or 1
    for nid in sorted(sums.nodes):  # each sum is dropped once its node or edge holds what it adds up to
        g.add_node(nid, **sums.nodes.pop(nid).properties(nid))
    for rid in sorted(sums.edges):
        e = sums.edges.pop(rid).properties(rid)
        if e["type"] == "CO_OCCURS":
            e["npmi"] = npmi(e["weight"], g.nodes[e["head"]]["sentences"], g.nodes[e["tail"]]["sentences"], total)
        g.add_edge(
            e["head"],
            e["tail"],
            key=edge_key(e["type"], e["title"]),
            **{k: v for k, v in e.items() if k not in ("head", "tail")},
        )
    return g


def build_graph(articles: Iterable[Article | Draft], provenance: Provenance | None = None) -> nx.MultiDiGraph:
    return graph_from_contributions(contributions_of(articles), provenance)


def documents_of(graph: nx.MultiDiGraph) -> Iterator[tuple[dict, str | None]]:
    """(document record, its contribution as JSON) for each article of the graph, in input order."""
    if "provenance" in graph.graph:
        yield from graph.graph["provenance"]
        return
    contributions = graph.graph.get("contributions", {})
    for doc_id, doc in graph.graph.get("documents", {}).items():
        yield doc, contributions[doc_id].to_json() if doc_id in contributions else None


def edges_of(graph: nx.MultiDiGraph, rel_type: str | None = None) -> Iterator[tuple[str, str, str, dict]]:
    """(head, tail, key, properties) of each edge (of ``rel_type`` only, where given), with its
    evidence, which a build that keeps its provenance on disk reads back one edge at a time."""
    provenance = graph.graph.get("provenance")
    for head, tail, key, e in graph.edges(keys=True, data=True):
        if rel_type is not None and e["type"] != rel_type:
            continue
        if e.get("evidence") is None and provenance is not None:
            e = {**e, "evidence": provenance.evidence.of(e["id"])}
        yield head, tail, key, e


def npmi(joint: int, x: int, y: int, total: int) -> float:
    """Normalized pointwise mutual information of two entities over sentences, in [-1, 1]."""
    if not joint or not x or not y:
        return -1.0
    p_xy, p_x, p_y = joint / total, x / total, y / total
    if p_xy >= 1.0:
        return 1.0
    return round(max(-1.0, min(1.0, math.log(p_xy / (p_x * p_y)) / -math.log(p_xy))), 4)
