"""Store benchmark on a synthetic graph: bulk load rate, then neighborhood query latency.

    python -m bench.store [--entities 200000] [--relationships 1000000]

Entities follow a skewed degree distribution (a few hubs, many leaves), relationships carry an
evidence list like real ones. Prints rates, percentiles and peak memory; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from guanxi.api.app import freeze_heap
from guanxi.graph.schema import ENTITY_TYPES, RELATION_TYPES

TYPES = list(ENTITY_TYPES)
RELS = [t for t in RELATION_TYPES]


def synthetic_entities(n: int, rng: random.Random) -> list[dict]:
    return [
        {
            "id": f"e{i}",
            "name": f"实体{i}",
            "type": TYPES[i % 4] if i % 10 else "ORG",
            "aliases": [f"别名{i}"],
            "mentions": rng.randint(1, 50),
            "sentences": rng.randint(1, 40),
            "document_count": rng.randint(1, 20),
            "first_seen": "2021-11-01",
            "last_seen": "2021-11-30",
            "merge_reasons": [],
        }
        for i in range(n)
    ]


def skewed_pair(i: int, entities: int, rng: random.Random) -> tuple[int, int, str]:
    """The ends and type of synthetic relationship ``i``: a few hubs, many leaves."""
    head = int(entities * rng.random() ** 3)  # skewed: low ids are hubs
    tail = rng.randrange(entities)
    if head == tail:
        tail = (tail + 1) % entities
    return head, tail, relation_type(i)


def relation_type(i: int) -> str:
    return RELS[i % len(RELS)] if i % 3 else "CO_OCCURS"


def synthetic_relationships(n: int, entities: int, seed: int) -> dict[str, Iterator[dict]]:
    """``n`` relationships with evidence, by type, each type's rows made as they are read (the
    load streams them: a million rows are never in memory at once). The same ``seed`` gives the
    same rows."""
    return {t: relationships_of_type(t, n, entities, seed) for t in RELS}


def relationships_of_type(rel_type: str, n: int, entities: int, seed: int) -> Iterator[dict]:
    rng = random.Random(f"{seed}-{rel_type}")
    for i in range(n):
        if relation_type(i) != rel_type:
            continue
        head, tail, _ = skewed_pair(i, entities, rng)
        evidence = [
            {
                "doc_id": f"d{rng.randrange(50000)}",
                "sentence": f"第{i}句证据，某机构与某公司合作。",
                "head": [0, 4],
                "tail": [5, 9],
                "rule_id": "bench",
                "confidence": 1.0,
                "date": None,
            }
        ]
        yield {
            "id": f"r{i}",
            "head": f"e{head}",
            "tail": f"e{tail}",
            "weight": rng.randint(1, 9),
            "title": None,
            "documents": [evidence[0]["doc_id"]],
            "document_count": 1,
            "evidence": json.dumps(evidence, ensure_ascii=False),
            "evidence_sentences": [evidence[0]["sentence"]],
            "evidence_total": 1,
            "rules": ["bench"],
            "first_seen": None,
            "last_seen": None,
        }


def server_peak_mb(store) -> float:
    pid = store.server.process.pid if store.server and store.server.process else None
    if not pid:
        return 0.0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def snapshot(connection) -> None:
    """SAVE, after any background save the server's save rules started during the load."""
    while connection.info("persistence").get("rdb_bgsave_in_progress"):
        time.sleep(0.1)
    connection.execute_command("SAVE")


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--relationships", type=int, default=1_000_000)
    ap.add_argument("--queries", type=int, default=300)
    args = ap.parse_args(argv)
    rng = random.Random(7)
    from guanxi.cypher.falkordb_store import FalkorDBStore
    from guanxi.cypher.rows import node_row

    entities = [node_row(e) for e in synthetic_entities(args.entities, rng)]

    def relationships():
        return synthetic_relationships(args.relationships, args.entities, seed=7)

    with tempfile.TemporaryDirectory() as tmp:
        store = FalkorDBStore.embedded(tmp)
        try:
            by_label = {label: [e for e in entities if e["type"] == label] for label in ENTITY_TYPES}
            t0 = time.perf_counter()
            store.load_rows(by_label, {})
            node_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            store.load_rows({}, relationships())
            rel_s = time.perf_counter() - t0
            print(f"synthetic graph: {args.entities:,} entities, {args.relationships:,} relationships with evidence")
            print(f"  load entities (with their name index): {args.entities / node_s:10,.0f} nodes/s ({node_s:.1f} s)")
            print(
                f"  load relationships:                    {args.relationships / rel_s:10,.0f} relationships/s "
                f"({rel_s:.1f} s)"
            )
            t0 = time.perf_counter()
            store.load_rows(by_label, relationships())
            again_s = time.perf_counter() - t0
            print(
                f"  the same load again (MERGE, counts unchanged: {store.counts()['relationships']:,} relationships): "
                f"{(args.entities + args.relationships) / again_s:,.0f} items/s"
            )
            t0 = time.perf_counter()
            store._run(store._q("refresh_npmi"), write=True)
            co = store.query("MATCH ()-[r:CO_OCCURS]->() RETURN count(r) AS n")["rows"][0]["n"]
            npmi_s = time.perf_counter() - t0
            print(f"  NPMI of every co-occurrence, recomputed after each write: {npmi_s:.1f} s ({co:,} edges)")
            t0 = time.perf_counter()
            snapshot(store.db.connection)  # the snapshot a load triggers, done before timing reads
            print(f"  snapshot to disk (RDB): {time.perf_counter() - t0:.1f} s")
            # the generated entity rows are many Python objects: drop them, or the client's garbage
            # collector (not the store) shows up in the read latencies
            entities.clear()
            by_label.clear()
            freeze_heap()  # as an API worker does once it has started
            sample = [f"e{rng.randrange(args.entities)}" for _ in range(args.queries)]
            print("  right after the loads:")
            time_neighborhoods(store, sample)
            print(
                f"  peak memory: client {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB, "
                f"FalkorDB server {server_peak_mb(store):,.0f} MB"
            )
            # a server started from its snapshot holds the same graph laid out afresh in memory
            store.close()
            store = FalkorDBStore.embedded(tmp)
            print("  after a restart of the server from its snapshot:")
            time_neighborhoods(store, sample)
        finally:
            store.close()


def time_neighborhoods(store, sample: list[str]) -> None:
    for depth, limit in ((1, 100), (2, 500)):
        times = []
        for eid in sample:
            t0 = time.perf_counter()
            store.neighborhood(eid, depth=depth, limit=limit)
            times.append((time.perf_counter() - t0) * 1000)
        print(
            f"    neighborhood depth {depth} (cap {limit} nodes), {len(sample)} random entities: "
            f"p50 {statistics.median(times):.1f} ms, p95 {percentile(times, 95):.1f} ms, max {max(times):.1f} ms"
        )


if __name__ == "__main__":
    main()
