"""Outputs: the ``guanxi extract`` record, node-link JSON and GraphML of the corpus graph."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from guanxi.graph.records import Article, Document

MAX_EVIDENCE_OUT = 5


def extract_line(doc: Document, articles: list[Article]) -> str:
    """``extract_record`` as the JSON line ``guanxi extract`` writes (made by the worker that
    extracted the document, so that only the line travels back)."""
    return json.dumps(extract_record(doc, articles), ensure_ascii=False) + "\n"


def extract_record(doc: Document, articles: list[Article]) -> dict:
    """One line of ``guanxi extract`` output (the contract of ../shared/eval/score.py)."""
    entities: dict[tuple[str, str], dict] = {}
    relations: dict[tuple, dict] = {}
    for a in articles:
        for e in a.entities:
            row = entities.setdefault(
                (e.type, e.name), {"name": e.name, "type": e.type, "aliases": set(), "mentions": 0}
            )
            row["aliases"].update(e.aliases)
            row["mentions"] += len(e.mentions)
        for r in a.relations:
            if r.type == "CO_OCCURS":
                continue
            key = (r.type, r.head, r.tail, r.title)
            row = relations.setdefault(key, {"type": r.type, "head": r.head, "tail": r.tail, "evidence": []})
            if r.title:
                row["title"] = r.title
            row["evidence"].extend(ev.as_dict() for ev in r.evidence)
    for row in entities.values():
        row["aliases"] = sorted(row["aliases"])
    for row in relations.values():
        row["evidence"] = row["evidence"][:MAX_EVIDENCE_OUT]
    return {"id": doc.id, "entities": list(entities.values()), "relations": list(relations.values())}


def node_link(graph: nx.MultiDiGraph) -> dict:
    """Node-link JSON: nodes carry id, name, type, aliases; edges carry their evidence; the graph
    carries its documents and their contributions (the provenance everything is computed from)."""
    from guanxi.graph.build import documents_of

    data = nx.node_link_data(graph, edges="edges")
    if (provenance := graph.graph.get("provenance")) is not None:
        for e in data["edges"]:
            if e.get("evidence") is None:
                e["evidence"] = provenance.evidence.of(e["id"])
    data["graph"] = {k: v for k, v in data["graph"].items() if k not in ("documents", "contributions", "provenance")}
    documents, contributions = {}, {}
    for doc, contribution in documents_of(graph):
        documents[doc["id"]] = doc
        if contribution is not None:
            contributions[doc["id"]] = json.loads(contribution) | {"doc": doc}
    data["graph"] = {**data["graph"], "documents": documents, "contributions": contributions}
    return data


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    Path(path).write_text(json.dumps(node_link(graph), ensure_ascii=False, indent=1), encoding="utf-8")


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    """GraphML for Gephi: lists and evidence are written as JSON strings (GraphML has no lists)."""
    from guanxi.graph.build import edges_of

    flat = nx.MultiDiGraph()
    for n, data in graph.nodes(data=True):
        flat.add_node(n, **{k: scalar(v) for k, v in data.items()})
    for u, v, k, data in edges_of(graph):
        flat.add_edge(u, v, key=k, **{key: scalar(val) for key, val in data.items()})
    nx.write_graphml(flat, str(path))


def scalar(value):
    if isinstance(value, (str, int, float, bool)):
        return value
    if value is None:
        return ""
    return json.dumps(value, ensure_ascii=False, default=list)
