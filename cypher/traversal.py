"""Graph search over a store: the neighborhood of an entity and the shortest paths between two.

Both walk the graph breadth-first with the hop queries (expand, expand_far, path_step) and read
the details of what they keep afterwards; the store only runs queries (``GraphStore.read``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from guanxi.cypher.records import edge_details, entity_public, expanded_entity, no_details
from guanxi.graph.build import npmi
from guanxi.graph.errors import InputError
from guanxi.graph.schema import ENTITY_TYPES, RELATION_TYPES

MAX_DEPTH = 3
MAX_NODES = 500
EXPANSION_FACTOR = 5  # rows read by the first hop: this many times the node limit, strongest first
FAR_FACTOR = 1.25  # rows read by a later hop per node still wanted (2 read 60% more rows, same nodes)
MAX_PATH_HOPS = 4
PATH_ROWS_CAP = 5000  # rows read per breadth-first step when searching paths
MAX_PATHS_PER_NODE = 50  # edge sequences kept per node when paths fan out


def split_names(value: str | list | tuple | None, allowed: tuple[str, ...], what: str) -> tuple[str, ...]:
    """Comma-separated (or listed) names, each one of ``allowed``."""
    items = value.split(",") if isinstance(value, str) else list(value or [])
    items = [v.strip() for v in items if v.strip()]
    bad = [v for v in items if v not in allowed]
    if bad:
        raise InputError(f"unknown {what}: {', '.join(bad)}; expected any of {', '.join(allowed)}")
    return tuple(items)


@dataclass(frozen=True)
class NeighborhoodQuery:
    """The filters of a neighborhood, shared by the API's query parameters and the CLI's options."""

    depth: int = 1  # hops from the entity
    rels: tuple[str, ...] = ()  # relation types to follow (none: all)
    types: tuple[str, ...] = ()  # entity types of the neighbors (none: all)
    min_weight: float = 0  # only edges with at least this weight
    min_npmi: float = -1.0  # only CO_OCCURS edges with at least this NPMI
    limit: int = 100  # at most this many entities

    def __post_init__(self):
        for name in ("min_weight", "min_npmi"):
            if not math.isfinite(getattr(self, name)):
                raise InputError(f"{name} must be a finite number")
        object.__setattr__(self, "rels", split_names(self.rels, RELATION_TYPES, "relation type"))
        object.__setattr__(self, "types", split_names(self.types, ENTITY_TYPES, "entity type"))

    def clamped(self) -> NeighborhoodQuery:
        """Depth and limit within the server's caps."""
        return replace(self, depth=max(1, min(self.depth, MAX_DEPTH)), limit=max(1, min(self.limit, MAX_NODES)))

    def as_params(self) -> dict:
        """The query string that asks for this neighborhood (defaults left out)."""
        values = {
            "depth": self.depth,
            "rel": ",".join(self.rels),
            "types": ",".join(self.types),
            "min_weight": self.min_weight,
            "min_npmi": self.min_npmi,
            "limit": self.limit,
        }
        return {k: v for k, v in values.items() if v not in (None, "")}


@dataclass
class Expansion:
    """The breadth-first walk of one neighborhood: the nodes kept (in the order reached), the edges
    between them, and the rows of later hops that already carry the details of their node and edge."""

    center: str
    query: NeighborhoodQuery
    total_sentences: int
    kept_nodes: list[str] = field(default_factory=list)
    sentences: dict[str, int] = field(default_factory=dict)  # for NPMI
    edges: dict[str, dict] = field(default_factory=dict)
    node_detail: dict[str, dict] = field(default_factory=dict)
    edge_detail: dict[str, dict] = field(default_factory=dict)
    capped: bool = False

    def __post_init__(self):
        self.kept_nodes = [self.center]
        self.seen = {self.center}

    def hop_cap(self, hop: int) -> int:
        """Rows to read: the first hop reads the strongest edges; later ones enough to fill what is left."""
        if hop == 0:
            return self.query.limit * EXPANSION_FACTOR
        return int((self.query.limit - len(self.seen)) * FAR_FACTOR)

    def run(self, read_hop) -> None:
        """Walk ``query.depth`` hops; ``read_hop(hop, frontier, cap)`` reads the rows of one."""
        frontier = [self.center]
        for hop in range(self.query.depth):
            if not frontier:
                break
            if len(self.seen) >= self.query.limit:
                self.capped = True  # full already: a further hop could only add what the cap cuts
                break
            cap = self.hop_cap(hop)
            rows = read_hop(hop, frontier, cap)
            self.capped = self.capped or len(rows) >= cap
            rows.sort(key=lambda r: -(r.get("specificity") or r["weight"] or 0))
            frontier = [node for r in rows if (node := self.take(r, hop)) is not None]

    def take(self, r: dict, hop: int) -> str | None:
        """Keep one row's edge, and its far node while there is room; the node if it is new."""
        other = r["node_id"]
        self.sentences.setdefault(other, r["sentences"] or 0)
        score = None
        if r["type"] == "CO_OCCURS":
            score = npmi(r["weight"], self.sentences.get(r["from_id"], 0), self.sentences[other], self.total_sentences)
            if score < self.query.min_npmi:
                return None
        new = None
        if other not in self.seen:
            if len(self.seen) >= self.query.limit:
                self.capped = True
                return None
            self.seen.add(other)
            self.kept_nodes.append(other)
            new = other
        source = r["source"]
        target = other if source == r["from_id"] else r["from_id"]
        self.edges.setdefault(
            r["id"],
            {
                "id": r["id"],
                "type": r["type"],
                "source": source,
                "target": target,
                "weight": r["weight"],
                "specificity": r.get("specificity"),
                "npmi": score,
            },
        )
        if hop:
            self.node_detail.setdefault(other, r)
            self.edge_detail.setdefault(r["id"], r)
        return new

    def kept_edges(self) -> list[dict]:
        return [e for e in self.edges.values() if e["source"] in self.seen and e["target"] in self.seen]


def neighborhood(store, entity_id: str, query: NeighborhoodQuery) -> dict:
    """Nodes and edges within ``query.depth`` hops, strongest edges first, at most ``query.limit``
    nodes. CO_OCCURS edges carry their NPMI and can be filtered by it; each edge brings up to
    ``EVIDENCE_IN_NEIGHBORHOOD`` evidence sentences.

    The first hop reads ids and weights only (a hub's keeps few of its rows); further hops bring
    the details of each row's entity and edge. What is kept without details is read afterwards.
    """
    center = store.entity_record(entity_id)
    query = query.clamped()
    walk = Expansion(entity_id, query, store.total_sentences() or 1)
    walk.sentences[entity_id] = center.get("sentences") or 0
    filters = {"min_weight": query.min_weight, "rels": list(query.rels), "types": list(query.types)}
    walk.run(
        lambda hop, frontier, cap: store.read(
            "expand" if hop == 0 else "expand_far", {"ids": frontier, "cap": cap, **filters}
        )
    )
    nodes, edges = with_details(store, walk, center)
    store.add_titles(ev for e in edges for ev in e.get("evidence") or [])
    return {
        "center": entity_id,
        "depth": query.depth,
        "nodes": nodes,
        "edges": edges,
        "capped": walk.capped,
        "limit": query.limit,
    }


def with_details(store, walk: Expansion, center: dict) -> tuple[list[dict], list[dict]]:
    """The public records of the nodes a walk kept, and its edges with their details: read now for
    what the first hop kept, taken from the rows of later hops for the rest."""
    kept, far = walk.kept_edges(), walk.kept_nodes[1:]
    node_rows, edge_rows = store.detail_rows(
        [nid for nid in far if nid not in walk.node_detail], [e for e in kept if e["id"] not in walk.edge_detail]
    )
    found = {r["id"]: entity_public(r) for r in node_rows}
    found.update((nid, expanded_entity(walk.node_detail[nid])) for nid in far if nid in walk.node_detail)
    nodes = [center] + [found[nid] for nid in far if nid in found]
    if len(nodes) < len(walk.kept_nodes):  # removed by another process meanwhile
        present = {n["id"] for n in nodes}
        kept = [e for e in kept if e["source"] in present and e["target"] in present]
    details = edge_details(edge_rows + [walk.edge_detail[e["id"]] for e in kept if e["id"] in walk.edge_detail])
    for e in kept:
        e.update(details.get(e["id"]) or no_details())
    return nodes, kept


@dataclass
class PathSearch:
    """Breadth-first from both ends, one step at a time from the side with the smaller frontier,
    until the two meet. ``parents[side][node]`` holds (previous node, edge) pairs."""

    source: str
    target: str

    def __post_init__(self):
        self.parents = {self.source: {self.source: []}, self.target: {self.target: []}}
        self.frontiers = {self.source: [self.source], self.target: [self.target]}

    def side(self) -> str:
        return self.source if len(self.frontiers[self.source]) <= len(self.frontiers[self.target]) else self.target

    def step(self, side: str, rows: list[dict]) -> None:
        """Extend one side by the rows of one hop from its frontier."""
        found_now: dict[str, list] = {}
        for r in rows:
            other, prev = r["node_id"], r["from_id"]
            if other in self.parents[side]:
                continue  # reached in fewer steps already
            edge = {
                "id": r["id"],
                "type": r["type"],
                "source": r["source"],
                "target": other if r["source"] == prev else prev,
                "weight": r["weight"],
                "specificity": r.get("specificity"),
            }
            found_now.setdefault(other, []).append((prev, edge))
        self.parents[side].update(found_now)
        self.frontiers[side] = list(found_now)

    def meeting(self) -> set[str]:
        return set(self.parents[self.source]) & set(self.parents[self.target])

    def paths(self) -> list[list[dict]]:
        """Every edge sequence from source to target through a meeting node, shortest first."""
        found = []
        for mid in sorted(self.meeting()):
            for left in walk(self.parents[self.source], mid, self.source):
                for right in walk(self.parents[self.target], mid, self.target):
                    found.append(left + list(reversed(right)))
        return sorted(found, key=len)


def paths(store, source: str, target: str, max_hops: int = 3, rels: list[str] | None = None, limit: int = 10) -> dict:
    """Shortest paths between two entities, each hop with its relationship and evidence. At most
    ``limit`` paths; none when they are further apart than ``max_hops``."""
    store.entity_record(source)
    store.entity_record(target)
    max_hops = max(1, min(max_hops, MAX_PATH_HOPS))
    if source == target:
        return {"from": source, "to": target, "hops": 0, "paths": []}
    search = PathSearch(source, target)
    hops = 0
    while hops < max_hops and not search.meeting():
        side = search.side()
        if not search.frontiers[side]:
            break
        search.step(
            side,
            store.read(
                "path_step",
                {"ids": search.frontiers[side], "min_weight": 0, "rels": rels or [], "types": [], "cap": PATH_ROWS_CAP},
            ),
        )
        hops += 1
    # of equal length, paths over typed relations before those over co-occurrence
    found = sorted(search.paths(), key=lambda p: sum(e["type"] == "CO_OCCURS" for e in p))[:limit]
    out = path_records(store, source, found)
    return {"from": source, "to": target, "hops": len(found[0]) if found else None, "paths": out}


def path_records(store, source: str, found: list[list[dict]]) -> list[dict]:
    """Each path as its entities' records and its edges with their details and evidence."""
    ids = sorted({e["source"] for p in found for e in p} | {e["target"] for p in found for e in p})
    node_rows, edge_rows = store.detail_rows(ids, [e for p in found for e in p])
    nodes, details = {r["id"]: entity_public(r) for r in node_rows}, edge_details(edge_rows)
    out = [
        {"nodes": [nodes[n] for n in order_nodes(source, p)], "edges": [dict(e, **details.get(e["id"], {})) for e in p]}
        for p in found
    ]
    store.add_titles(ev for p in out for e in p["edges"] for ev in e.get("evidence") or [])
    return out


def walk(parents: dict, node: str, root: str) -> list[list[dict]]:
    """Every edge sequence from ``root`` to ``node`` through the breadth-first parents."""
    if node == root:
        return [[]]
    out = []
    for prev, edge in parents.get(node, []):
        for head in walk(parents, prev, root):
            out.append(head + [edge])
            if len(out) >= MAX_PATHS_PER_NODE:
                return out
    return out


def order_nodes(start: str, steps: list[dict]) -> list[str]:
    """The entities a path visits, in order, whatever the direction of each relationship."""
    out = [start]
    for s in steps:
        out.append(s["target"] if s["source"] == out[-1] else s["source"])
    return out
