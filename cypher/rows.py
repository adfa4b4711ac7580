"""Turn the corpus graph (or recomputed aggregates) into the rows the load queries UNWIND."""
from __future__ import annotations

import json
from collections import defaultdict

import networkx as nx

from guanxi.graph.contribution import lookup_keys

NODE_KEYS = ("id", "name", "type", "aliases", "mentions", "sentences", "document_count", "first_seen",
             "last_seen", "merge_reasons")


def node_row(n: dict) -> dict:
    row = {k: n.get(k) for k in NODE_KEYS}
    row["aliases"] = list(row["aliases"] or [])
    row["merge_reasons"] = list(row["merge_reasons"] or [])
    row["keys"] = form_keys(row)
    return row


def edge_row(e: dict, head: str, tail: str) -> dict:
    return {"id": e["id"], "head": head, "tail": tail, "weight": e["weight"], "title": e.get("title"),
            "documents": list(e["documents"]), "document_count": e.get("document_count", len(e["documents"])),
            "evidence": json.dumps(e["evidence"], ensure_ascii=False, sort_keys=True), "evidence_total": e["evidence_total"],
            "rules": list(e["rules"]), "first_seen": e.get("first_seen"), "last_seen": e.get("last_seen")}


def form_keys(node: dict) -> list[str]:
    """The Form keys of a node: every name and alias, and for ORG each without its legal suffix."""
    return [f"{t}:{f}" for t, f in lookup_keys(node["type"], [node["name"], *node["aliases"]])]


def entity_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per entity type (the label)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for _, n in graph.nodes(data=True):
        out[n["type"]].append(node_row(n))
    return out


def form_rows(nodes) -> list[dict]:
    return [{"entity": n["id"], "key": key} for n in nodes for key in form_keys(n)]


def document_rows(graph: nx.MultiDiGraph) -> list[dict]:
    contributions = graph.graph.get("contributions", {})
    return [document_row(d, contributions[doc_id].to_json() if doc_id in contributions else None)
            for doc_id, d in graph.graph.get("documents", {}).items()]


def document_row(doc: dict, contribution_json: str | None) -> dict:
    return {"id": doc["id"], "document": doc.get("document") or doc["id"], "title": doc.get("title"), "date": doc.get("date"), "url": doc.get("url"),
            "source": doc.get("source"), "sentences": doc.get("sentences", 0), "contribution": contribution_json}


def mention_rows(graph: nx.MultiDiGraph) -> list[dict]:
    return [{"document": doc_id, "entity": nid, "count": count}
            for nid, n in graph.nodes(data=True) for doc_id, count in n.get("documents", {}).items()]


def relation_rows(graph: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Rows per relation type; evidence travels as a JSON string (stores keep no lists of maps)."""
    out: dict[str, list[dict]] = defaultdict(list)
    for head, tail, e in graph.edges(data=True):
        out[e["type"]].append(edge_row(e, head, tail))
    return out


def batches(rows: list, size: int):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]
