"""Analytics over the whole graph: plain functions over a networkx graph of the entities, which
the store builds (``GraphStore.relation_graph``). Group actions weigh little: an edge counts by
its specificity (a two-party agreement 1, each pair of a campaign of eight bodies 1/7)."""

from __future__ import annotations

import random

import networkx as nx

DATE_PATTERN = r"\d{4}-\d{2}(-\d{2})?"  # the dates changes_by_date takes: YYYY-MM-DD or YYYY-MM
BETWEENNESS_SAMPLE = 100  # above this many entities, betweenness is estimated from this many sources
# above this many entities betweenness is left out: each source costs a walk of the whole graph
# (about 5 s on 1,000,000 relationships), so even 16 sources took 84 s there
BETWEENNESS_MAX_ENTITIES = 20_000
LOUVAIN_SEED = 1


def entity_graph(entities: list[dict], relations: list[dict]) -> nx.Graph:
    """An undirected graph of ``entities`` (records with id, name, type) in which two entities are
    joined once, with the ``strength`` of all their relations: each one's specificity, or its
    weight where it has none."""
    g = nx.Graph()
    for e in entities:
        g.add_node(e["id"], name=e["name"], type=e["type"])
    for r in relations:
        if r["head"] == r["tail"] or r["head"] not in g or r["tail"] not in g:
            continue
        strength = r["specificity"] if r.get("specificity") is not None else (r.get("weight") or 1)
        if g.has_edge(r["head"], r["tail"]):
            g[r["head"]][r["tail"]]["strength"] += strength
        else:
            g.add_edge(r["head"], r["tail"], strength=strength)
    return g


def key_players(g: nx.Graph, type_: str | None = None, top: int = 20) -> list[dict]:
    """The ``top`` entities (of ``type_``, or of any type) by PageRank over relation strength,
    with their degree, strength and betweenness; the same input gives the same ranking."""
    if g.number_of_nodes() == 0:
        return []
    rank = nx.pagerank(g, weight="strength")
    between = betweenness(g)
    rows = [
        {
            "id": n,
            "name": d["name"],
            "type": d["type"],
            "pagerank": round(rank[n], 5),
            "degree": g.degree(n),
            "strength": round(g.degree(n, weight="strength"), 3),
            "betweenness": round(between[n], 5) if between else None,
        }
        for n, d in g.nodes(data=True)
        if type_ is None or d["type"] == type_
    ]
    return sorted(rows, key=lambda r: (-r["pagerank"], r["name"]))[:top]


def betweenness(g: nx.Graph) -> dict | None:
    """Exact up to ``BETWEENNESS_SAMPLE`` entities, estimated from that many sources above, left
    out (None) above ``BETWEENNESS_MAX_ENTITIES``."""
    if g.number_of_nodes() > BETWEENNESS_MAX_ENTITIES:
        return None
    sample = BETWEENNESS_SAMPLE if g.number_of_nodes() > BETWEENNESS_SAMPLE else None
    return nx.betweenness_centrality(g, k=sample, seed=1 if sample else None)


def communities(g: nx.Graph, top: int = 10, members: int = 8) -> list[dict]:
    """Groups of entities more related to each other than to the rest (Louvain over relation
    strength, seeded: the same graph gives the same groups), largest first: each with its size,
    its most central members and how many relations join it inside."""
    if g.number_of_edges() == 0:
        return []
    nodes = sorted(g)  # the same graph read in another order gives the same groups
    h = as_igraph(g, nodes)
    membership = louvain(h)
    rank = h.pagerank(weights="strength")
    inside: dict[int, list] = {}  # group -> [relations, strength] joining two of its members
    for edge in h.es:
        a, b = edge.tuple
        if membership[a] == membership[b]:
            count = inside.setdefault(membership[a], [0, 0.0])
            count[0] += 1
            count[1] += edge["strength"]
    groups: dict[int, list[int]] = {}
    for i, group in enumerate(membership):
        groups.setdefault(group, []).append(i)
    largest = sorted((c for c in groups.values() if len(c) > 1), key=lambda c: (-len(c), nodes[c[0]]))
    # Louvain can leave a group whose members joined it through one that later left: no relation inside
    none = [0, 0.0]
    return [
        community_record(g, nodes, group, rank, inside.get(membership[group[0]], none), members)
        for group in largest[:top]
    ]


def community_record(g: nx.Graph, nodes: list, group: list[int], rank: list, inside: list, members: int) -> dict:
    ranked = sorted(group, key=lambda i: (-rank[i], g.nodes[nodes[i]]["name"]))
    return {
        "size": len(group),
        "relations": inside[0],
        "strength": round(inside[1], 3),
        "members": [
            {"id": nodes[i], "name": g.nodes[nodes[i]]["name"], "type": g.nodes[nodes[i]]["type"]}
            for i in ranked[:members]
        ],
    }


def as_igraph(g: nx.Graph, nodes: list):
    """``g`` as an igraph graph whose vertex i is ``nodes[i]``, with the edges' strength."""
    import igraph

    index = {n: i for i, n in enumerate(nodes)}
    edges = [(index[a], index[b]) for a, b in g.edges()]
    strength = [d["strength"] for _, _, d in g.edges(data=True)]
    return igraph.Graph(n=len(nodes), edges=edges, edge_attrs={"strength": strength})


def louvain(h) -> list[int]:
    """The group of each vertex of ``h`` by igraph's Louvain (in C: 14 s on 1,000,000 relationships
    where networkx's, in Python, did not finish in 15 minutes), its random order seeded."""
    import igraph

    igraph.set_random_number_generator(random.Random(LOUVAIN_SEED))
    try:
        return h.community_multilevel(weights="strength").membership
    finally:
        igraph.set_random_number_generator(random)


def timeline(relations: list[dict]) -> list[dict]:
    """Relations (records with type, head, tail, title, weight, first_seen, last_seen) by the month
    they were first seen, oldest first; a date given only as a month (2021-11) counts in it."""
    months: dict[str, list[dict]] = {}
    for r in relations:
        months.setdefault(r["first_seen"][:7], []).append(r)
    return [
        {
            "month": month,
            "count": len(rows),
            "relations": sorted(rows, key=lambda r: (r["first_seen"], r["type"], r["head"], r["tail"])),
        }
        for month, rows in sorted(months.items())
    ]


def changes(before: dict, after: dict) -> dict:
    """Entities and typed relations in ``after`` and not in ``before`` (new) and the reverse
    (gone), by id; both are ``GraphStore.inventory()`` records."""
    out = {}
    for kind in ("entities", "relations"):
        old = {r["id"]: r for r in before[kind]}
        new = {r["id"]: r for r in after[kind]}
        out[f"new_{kind}"] = sorted((new[k] for k in new.keys() - old.keys()), key=change_order)
        out[f"gone_{kind}"] = sorted((old[k] for k in old.keys() - new.keys()), key=change_order)
    return out


def period_problem(since: str | None, until: str | None) -> str | None:
    """What is wrong with the period from ``since`` to ``until``, if anything: an end without a
    start, or an end not after the start (a month ends on its last day)."""
    if until and not since:
        return "until needs since"
    if since and until and last_day(until) <= last_day(since):
        return f"until ({until}) must come after since ({since}): the period runs from the end of since"
    return None


def last_day(date: str) -> str:
    """A YYYY-MM or YYYY-MM-DD date as text that sorts at the last day it covers."""
    return date if len(date) > 7 else f"{date}-99"


def changes_by_date(inventory: dict, since: str, until: str | None = None) -> dict:
    """Entities and typed relations first seen after ``since`` (up to ``until``, both YYYY-MM or
    YYYY-MM-DD; a date is compared as text, so 2021-11 covers the whole month) are new; those
    seen last on or before ``since`` are gone (no evidence after it), most recently seen first."""
    end = until or "9999"

    def new(r):
        first = r.get("first_seen")
        return bool(first) and since < first[: len(since)] and first[: len(end)] <= end

    def gone(r):
        return bool(r.get("last_seen")) and r["last_seen"][: len(since)] <= since

    out = {}
    for kind in ("entities", "relations"):
        rows = inventory[kind]
        out[f"new_{kind}"] = sorted((r for r in rows if new(r)), key=change_order)
        out[f"gone_{kind}"] = sorted((r for r in rows if gone(r)), key=lambda r: (r["last_seen"], *change_order(r)))[
            ::-1
        ]
    return out


def change_order(r: dict) -> tuple:
    return (r.get("first_seen") or "", r.get("type") or "", r.get("name") or r.get("head") or "", r.get("tail") or "")
