"""Speed and memory figures for guanxi. Prints numbers and ratios; asserts nothing.

    python -m bench.run            (or `make bench`)

Uses ../shared/corpus when present, else the examples/ folder.
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIGEST = ROOT.parent / "shared" / "corpus" / "industry-digest-2021-11.txt"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


RUNS = 3


def time_stages(docs) -> dict[str, float]:
    """Seconds per pipeline stage over all documents (the model stage batched, as in extraction)."""
    from guanxi.graph.pipeline import PIPELINE, articles_of, process_all

    times = {stage.__name__: 0.0 for stage in PIPELINE}
    for doc in docs:
        articles = articles_of(doc)
        for stage in PIPELINE:
            t0 = time.perf_counter()
            articles = process_all(articles, (stage,))
            times[stage.__name__] += time.perf_counter() - t0
    return times


def main() -> None:
    source = DIGEST if DIGEST.exists() else ROOT / "examples"
    t0 = time.perf_counter()
    from guanxi.graph.ner import load_model

    model = load_model()
    load_s = time.perf_counter() - t0
    print(f"model load (imports included): {load_s:.2f} s  [{model.source}]")

    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, _ = read_sources([str(source)])
    chars = sum(len(d.text) for d in docs)
    runs = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        articles = [a for _, arts in extract_documents(docs) for a in arts]
        runs.append(time.perf_counter() - t0)
    extract_s = statistics.median(runs)
    print(
        f"extraction: {chars} characters of {source.name}, median of {RUNS} runs {extract_s:.2f} s = "
        f"{chars / extract_s:,.0f} characters/s (best {chars / min(runs):,.0f}; one torch thread), "
        f"{len(articles)} articles"
    )
    stage_times = time_stages(docs)
    total_stages = sum(stage_times.values())
    print("  by stage: " + ", ".join(f"{name} {s:.2f} s" for name, s in stage_times.items()))
    relations_s = stage_times["extract_relations"]
    print(f"  relation extraction adds {relations_s / (total_stages - relations_s):.1%} to the rest of extraction")

    t0 = time.perf_counter()
    graph = build_graph(articles)
    build_s = time.perf_counter() - t0
    print(f"graph: {graph.number_of_nodes()} entities, {graph.number_of_edges()} relations in {build_s:.2f} s")

    from guanxi.cypher.falkordb_store import FalkorDBStore

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = FalkorDBStore.embedded(tmp)
        start_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        report = store.load(graph)
        load_graph_s = time.perf_counter() - t0
        store.close()
    print(
        f"embedded store: started in {start_s:.2f} s, loaded {report.entities} entities and "
        f"{report.relationships} relations in {load_graph_s:.2f} s"
    )
    total = load_s + extract_s + build_s + start_s + load_graph_s
    print(f"file to loaded graph: {total:.1f} s wall including model load")
    print(f"peak memory (RSS): {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    sys.exit(main())
