"""Turn the corpus graph into the rows the load queries UNWIND."""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx


def entity_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per entity type (the label)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for nid, n in graph.nodes(data=True):
        out[n["type"]].append({"id": nid, "name": n["name"], "type": n["type"], "aliases": list(n["aliases"]),
                               "mentions": n["mentions"], "document_count": n.get("document_count", 0),
                               "first_seen": n.get("first_seen"), "last_seen": n.get("last_seen"),
                               "merge_reasons": list(n.get("merge_reasons", []))})
    return out


def document_rows(graph: nx.MultiDiGraph) -> list[dict]:
    return [{"id": doc_id, "title": d.get("title"), "date": d.get("date"), "url": d.get("url"),
             "source": d.get("source"), "sentences": d.get("sentences", 0)}
            for doc_id, d in graph.graph.get("documents", {}).items()]


def mention_rows(graph: nx.MultiDiGraph) -> list[dict]:
    return [{"document": doc_id, "entity": nid, "count": count}
            for nid, n in graph.nodes(data=True) for doc_id, count in n.get("documents", {}).items()]


def relation_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per relation type; evidence travels as a JSON string (stores keep no lists of maps)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for head, tail, e in graph.edges(data=True):
        out[e["type"]].append({"id": e["id"], "head": head, "tail": tail, "weight": e["weight"],
                               "title": e.get("title"), "npmi": e.get("npmi"), "documents": list(e["documents"]),
                               "document_count": e.get("document_count", len(e["documents"])),
                               "evidence": json.dumps(e["evidence"], ensure_ascii=False),
                               "evidence_total": e["evidence_total"], "rules": list(e["rules"]),
                               "first_seen": e.get("first_seen"), "last_seen": e.get("last_seen")})
    return out


def batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
