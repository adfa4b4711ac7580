"""Analytics, figures and dossiers: on the digest (or examples/) through the embedded store, and
analytics on a synthetic graph shaped like bench.store's (200,000 entities, 1,000,000
relationships).

    python -m bench.analytics [--synthetic-relationships 1000000]

Prints one figure per line ("  what  figure"); asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC_RELATIONSHIPS = 1_000_000
DIGEST = ROOT.parent / "shared" / "corpus" / "industry-digest-2021-11.txt"


def timed(fn):
    t0 = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t0


def line(what: str, figure: str) -> None:
    print(f"  {what}  {figure}", flush=True)


def corpus_part() -> None:
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.graph.analytics import changes_by_date, communities, key_players, timeline
    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources
    from guanxi.viz.figure import figure_bytes
    from guanxi.viz.report import dossier_of, report_bytes

    source = DIGEST if DIGEST.exists() else ROOT / "examples"
    docs, _ = read_sources([str(source)])
    graph = build_graph([a for _, arts in extract_documents(docs) for a in arts])
    print(f"{source.name}: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations")
    with tempfile.TemporaryDirectory() as tmp:
        store = FalkorDBStore.embedded(tmp)
        try:
            store.load(graph)
            g, read_s = timed(lambda: store.relation_graph())
            players, players_s = timed(lambda: key_players(g))
            _, import_s = timed(lambda: __import__("igraph"))  # once per process: it imports matplotlib
            _, groups_s = timed(lambda: communities(g))
            _, timeline_s = timed(lambda: timeline(store.dated_relations()))
            _, changes_s = timed(lambda: changes_by_date(store.inventory(), "2021-11"))
            line("read of the relation graph", f"{read_s:.2f} s")
            line("key players (PageRank, betweenness)", f"{players_s:.2f} s")
            line("igraph's import (once per process)", f"{import_s:.2f} s")
            line("communities (Louvain)", f"{groups_s:.2f} s")
            line("timeline (read and grouped)", f"{timeline_s:.2f} s")
            line("changes between dates (read and compared)", f"{changes_s:.2f} s")
            hub = store.resolve(players[0]["id"])
            hood = store.neighborhood(hub)
            figure_bytes(hood, "svg")  # matplotlib's import and font cache, once per process
            for fmt in ("svg", "png", "pdf"):
                data, s = timed(lambda fmt=fmt: figure_bytes(hood, fmt))
                line(
                    f"figure of {players[0]['name']} ({len(hood['nodes'])} entities), {fmt}",
                    f"{s:.2f} s, {len(data) / 1024:.0f} KB",
                )
            for fmt in ("docx", "pdf", "html"):
                data, s = timed(lambda fmt=fmt: report_bytes(dossier_of(store, hub), fmt))
                line(f"dossier of {players[0]['name']}, {fmt} (read included)", f"{s:.2f} s, {len(data) / 1024:.0f} KB")
        finally:
            store.close()


def synthetic_part(relationships: int) -> None:
    from bench.store import skewed_pair, synthetic_entities
    from guanxi.graph.analytics import communities, entity_graph, key_players

    entities_n = relationships // 5
    rng = random.Random(7)
    entities = synthetic_entities(entities_n, rng)
    # what the store's read for analytics returns (cypher/relation_graph.cypher), no evidence
    rows = []
    for i in range(relationships):
        head, tail, rel_type = skewed_pair(i, entities_n, rng)
        rows.append({"head": f"e{head}", "tail": f"e{tail}", "type": rel_type, "weight": 1 + i % 9})
    print(f"synthetic graph: {entities_n:,} entities, {relationships:,} relationships")
    g, build_s = timed(lambda: entity_graph(entities, rows))
    entities.clear()
    rows.clear()
    line("networkx graph from the rows", f"{build_s:.1f} s ({g.number_of_edges():,} joined pairs)")
    _, players_s = timed(lambda: key_players(g))
    line("key players (PageRank; betweenness left out at this size)", f"{players_s:.1f} s")
    _, groups_s = timed(lambda: communities(g))
    line("communities (Louvain)", f"{groups_s:.1f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    line("peak memory of the process (generated rows included)", f"{peak:,.0f} MB")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synthetic-relationships", type=int, default=SYNTHETIC_RELATIONSHIPS)
    args = ap.parse_args(argv)
    corpus_part()
    synthetic_part(args.synthetic_relationships)


if __name__ == "__main__":
    main()
