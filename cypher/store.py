"""The store interface. ``FalkorDBStore`` and ``Neo4jStore`` share every method below; each only
says how to run one query (``_run``) and which dialect its query files are in."""
from __future__ import annotations

import json
from dataclasses import dataclass

import networkx as nx

from cypher import queries
from cypher.readonly import check_read_only
from cypher.rows import batches, document_rows, entity_rows, mention_rows, relation_rows
from graph.errors import NotFound
from graph.records import ENTITY_TYPES

BATCH_SIZE = 5000
MAX_DEPTH = 3
MAX_NODES = 500
EVIDENCE_IN_NEIGHBORHOOD = 3


@dataclass(frozen=True)
class LoadReport:
    entities: int
    relationships: int
    documents: int
    mentions: int


class GraphStore:
    dialect = ""
    uri = ""

    # --- what each store implements -------------------------------------------------------
    def _run(self, query: str, params: dict | None = None, write: bool = False,
             timeout_ms: int | None = None) -> list[dict]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # --- schema and loading ---------------------------------------------------------------
    def ensure_schema(self) -> None:
        for statement in queries.statements("schema", self.dialect):
            self._run(statement, write=True)

    def load(self, graph: nx.MultiDiGraph, batch_size: int = BATCH_SIZE, progress=None) -> LoadReport:
        """Batched UNWIND … MERGE: nodes, then documents and mentions, then relationships by type.

        Idempotent: loading the same graph twice changes no counts.
        """
        self.ensure_schema()
        tick = progress or (lambda n: None)
        ents = entity_rows(graph)
        for label in ENTITY_TYPES:
            for batch in batches(ents.get(label, []), batch_size):
                self._run(queries.merge_entities(label, self.dialect), {"rows": batch}, write=True)
                tick(len(batch))
        docs = document_rows(graph)
        for batch in batches(docs, batch_size):
            self._run(queries.query_text("merge_documents", self.dialect), {"rows": batch}, write=True)
        mentions = mention_rows(graph)
        for batch in batches(mentions, batch_size):
            self._run(queries.query_text("merge_mentions", self.dialect), {"rows": batch}, write=True)
        rels = relation_rows(graph)
        for rel_type, rows in sorted(rels.items()):
            for batch in batches(rows, batch_size):
                self._run(queries.merge_relations(rel_type, self.dialect), {"rows": batch}, write=True)
                tick(len(batch))
        return LoadReport(sum(len(v) for v in ents.values()), sum(len(v) for v in rels.values()),
                          len(docs), len(mentions))

    def clear(self) -> None:
        self._run(queries.query_text("clear", self.dialect), write=True)

    # --- reads ------------------------------------------------------------------------------
    def counts(self) -> dict:
        rows = self._run(queries.query_text("counts", self.dialect))
        return rows[0] if rows else {"entities": 0, "relationships": 0, "documents": 0}

    def search(self, q: str, type: str | None = None, limit: int = 20) -> list[dict]:
        rows = self._run(queries.query_text("search", self.dialect), {"q": q, "type": type, "limit": limit})
        return [entity_public(r["entity"]) | {"match": ("exact", "prefix", "substring")[r["rank"]]} for r in rows]

    def _entity_row(self, entity_id: str) -> dict:
        rows = self._run(queries.query_text("entity", self.dialect), {"id": entity_id})
        if not rows:
            raise NotFound(f'Entity "{entity_id}" not found; search with GET /entities?q=NAME or `guanxi search NAME`')
        return entity_public(rows[0]["entity"])

    def entity(self, entity_id: str, related: int = 10) -> dict:
        out = self._entity_row(entity_id)
        top = self._run(queries.query_text("top_related", self.dialect), {"id": entity_id, "limit": related})
        out["related"] = [{"entity": entity_public(r["entity"]), "type": r["type"], "weight": r["weight"],
                           "title": r.get("title")} for r in top]
        return out

    def resolve(self, name_or_id: str) -> str:
        """Entity id for an id, an exact name or alias, or the best search hit."""
        if self._run(queries.query_text("entity", self.dialect), {"id": name_or_id}):
            return name_or_id
        hits = self.search(name_or_id, limit=5)
        if not hits:
            raise NotFound(f'No entity named "{name_or_id}"; try a shorter part of the name')
        return hits[0]["id"]

    def neighborhood(self, entity_id: str, depth: int = 1, rels: list[str] | None = None, min_weight: float = 0,
                     min_npmi: float = -1.0, types: list[str] | None = None, limit: int = 100) -> dict:
        """Nodes and edges within ``depth`` hops, strongest edges first, at most ``limit`` nodes."""
        center = self._entity_row(entity_id)
        depth = max(1, min(depth, MAX_DEPTH))
        limit = max(1, min(limit, MAX_NODES))
        nodes = {entity_id: center}
        edges: dict[str, dict] = {}
        frontier = [entity_id]
        capped = False
        query = queries.query_text("expand", self.dialect)
        for _ in range(depth):
            if not frontier:
                break
            rows = self._run(query, {"ids": frontier, "min_weight": min_weight, "rels": rels or [],
                                     "types": types or [], "min_npmi": min_npmi, "cap": limit * 20})
            next_frontier = []
            for r in rows:
                node = r["node"]
                if node["id"] not in nodes:
                    if len(nodes) >= limit:
                        capped = True
                        continue
                    nodes[node["id"]] = entity_public(node)
                    next_frontier.append(node["id"])
                edges.setdefault(r["rel"]["id"], edge_public(r))
            if len(rows) >= limit * 20:
                capped = True
            frontier = next_frontier
        kept = [e for e in edges.values() if e["source"] in nodes and e["target"] in nodes]
        return {"center": entity_id, "depth": depth, "nodes": list(nodes.values()), "edges": kept,
                "capped": capped, "limit": limit}

    def query(self, text: str, params: dict | None = None, timeout_ms: int = 10_000, row_cap: int = 1000) -> dict:
        """A user's read-only Cypher: writes refused before sending, results capped at ``row_cap``."""
        check_read_only(text)
        rows = self._run(text, params or {}, write=False, timeout_ms=timeout_ms)
        return {"rows": rows[:row_cap], "truncated": len(rows) > row_cap, "row_cap": row_cap}


def entity_public(props: dict) -> dict:
    keys = ("id", "name", "type", "aliases", "mentions", "document_count", "first_seen", "last_seen")
    out = {k: props.get(k) for k in keys}
    out["aliases"] = list(out["aliases"] or [])
    return out


def edge_public(row: dict) -> dict:
    rel = row["rel"]
    evidence = json.loads(rel.get("evidence") or "[]")
    return {"id": rel["id"], "type": row["type"], "source": row["source"], "target": row["target"],
            "weight": rel.get("weight"), "title": rel.get("title"), "npmi": rel.get("npmi"),
            "document_count": rel.get("document_count"), "evidence_total": rel.get("evidence_total"),
            "evidence": evidence[:EVIDENCE_IN_NEIGHBORHOOD]}
