"""Turn the corpus graph (or recomputed aggregates) into the rows the load queries UNWIND.

Every row carries exactly the properties ``guanxi.graph.schema`` lists for its kind."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

import networkx as nx

from guanxi.graph.identity import lookup_keys
from guanxi.graph.schema import DOCUMENT, EDGE, ENTITY, Property


def stored(p: Property, value):
    """A property's value as the stores keep it: lists as lists, JSON as a string."""
    if p.type == "list":
        return list(value or [])
    if p.type == "json" and value is not None and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def node_row(n: dict) -> dict:
    row = {p.name: stored(p, n.get(p.name)) for p in ENTITY if p.name != "keys"}
    row["keys"] = form_keys(row)
    return row


def stub_row(entity_id: str, type_: str) -> dict:
    """An entity row to MERGE before its counts are recomputed from the contributions."""
    return {p.name: p.empty for p in ENTITY} | {"id": entity_id, "name": entity_id, "type": type_}


def edge_row(e: dict, head: str, tail: str) -> dict:
    row = {p.name: stored(p, e.get(p.name)) for p in EDGE}
    if row["document_count"] is None:
        row["document_count"] = len(row["documents"])
    if not row["evidence_sentences"]:
        row["evidence_sentences"] = evidence_sentences(e.get("evidence"))
    return {"head": head, "tail": tail} | row


def evidence_sentences(evidence) -> list[str]:
    """The sentences of evidence records (a list of them, or its JSON text)."""
    records = json.loads(evidence) if isinstance(evidence, str) else evidence or []
    return [r["sentence"] for r in records]


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


def document_rows(graph: nx.MultiDiGraph):
    """Document rows, one at a time (a large build keeps its documents in a file, not in memory)."""
    from guanxi.graph.build import documents_of

    return (document_row(doc, contribution) for doc, contribution in documents_of(graph))


def document_row(doc: dict, contribution_json: str | None) -> dict:
    row = {p.name: stored(p, doc.get(p.name)) for p in DOCUMENT}
    return row | {
        "document": doc.get("document") or doc["id"],
        "sentences": doc.get("sentences", 0),
        "contribution": contribution_json,
    }


def mention_rows(graph: nx.MultiDiGraph):
    return (
        {"document": doc_id, "entity": nid, "count": count}
        for nid, n in graph.nodes(data=True)
        for doc_id, count in n.get("documents", {}).items()
    )


def relation_rows(graph: nx.MultiDiGraph) -> dict[str, Iterator[dict]]:
    """Rows per relation type, made as they are read (each with its evidence as a JSON string:
    stores keep no lists of maps), so that a large graph's rows are never all in memory."""
    types = sorted({e["type"] for _, _, e in graph.edges(data=True)})
    return {t: relation_rows_of(graph, t) for t in types}


def relation_rows_of(graph: nx.MultiDiGraph, rel_type: str) -> Iterator[dict]:
    from guanxi.graph.build import edges_of

    return (edge_row(e, head, tail) for head, tail, _, e in edges_of(graph, rel_type))


def batches(rows: Iterable, size: int) -> Iterator[list]:
    """Lists of at most ``size`` rows, taken from ``rows`` (a list or a generator) as they are
    needed. Where a generator fails, the rows it gave before the error are handed over first."""
    batch: list = []
    try:
        for row in rows:
            batch.append(row)
            if len(batch) == size:
                yield batch
                batch = []
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def tallied(items: Iterable, counts: Counter, key: str) -> Iterator:
    """``items`` as they pass, counted in ``counts[key]`` (for rows and documents that are
    generators, whose number is known only once they have been read)."""
    for item in items:
        counts[key] += 1
        yield item
