"""bench/figures.py writes score.py and benchmark figures between the markers of a document."""

import json

import pytest

from bench import figures

PROSE = """# Quality

Hand-written text before.

<!-- figures:quality -->
old table
<!-- /figures -->

Hand-written text after, with a [link](../CHANGELOG.md).
"""


def prf(p, r, f1, tp=1, fp=1, fn=1):
    return {"p": p, "r": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


EMPTY = prf(0.0, 0.0, 0.0, 0, 0, 0)

SCORES = {
    "dev": {
        "mode": "gold",
        "documents": 18,
        "chars": 30000,
        "seconds": 2.5,
        "entities": {
            "ORG": prf(0.9, 0.8, 0.847),
            "PERSON": prf(1.0, 1.0, 1.0),
            "POLICY": EMPTY,
            "PROJECT": prf(0.5, 0.25, 0.333),
            "all": prf(0.88, 0.77, 0.821),
        },
        "relations": {
            "PARTNERS_WITH": prf(0.75, 0.6, 0.667),
            "ISSUED": EMPTY,
            "HOLDS_ROLE": EMPTY,
            "PARTICIPATES_IN": EMPTY,
            "SUBSIDIARY_OF": EMPTY,
            "REGULATES": prf(0, 0, 0, 0, 0, 1),
            "INVESTS_IN": EMPTY,
            "all": prf(0.7, 0.55, 0.616),
        },
    },
    "msra": {
        "mode": "msra",
        "documents": 5000,
        "chars": 190000,
        "seconds": 5.1,
        "entities": {"ORG": prf(0.81, 0.79, 0.8), "PERSON": prf(0.91, 0.84, 0.874), "all": prf(0.87, 0.82, 0.843)},
    },
    "finre": {"mode": "finre", "pairs": 1489, "seconds": 5.6, "relations": {"PARTNERS_WITH": prf(0.909, 0.255, 0.398)}},
    "digest-graph": {
        "mode": "graph",
        "gold_entities": 260,
        "found": 248,
        "found_rate": 0.9538,
        "split": 1,
        "split_rate": 0.004,
        "merged_nodes": 0,
        "nodes": 484,
    },
}


@pytest.fixture
def scores_dir(tmp_path):
    folder = tmp_path / "scores"
    folder.mkdir()
    for name, summary in SCORES.items():
        # what make score saves: the last line score.py printed
        (folder / f"{name}.json").write_text(json.dumps(summary) + "\n", encoding="utf-8")
    return folder


def rows_of(text, first_cell):
    return [line for line in text.splitlines() if line.startswith(f"| {first_cell} |")]


def test_quality_tables_between_the_markers(scores_dir, tmp_path):
    doc = tmp_path / "quality.md"
    doc.write_text(PROSE, encoding="utf-8")
    assert figures.main(["quality", str(scores_dir), str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Quality\n\nHand-written text before.\n\n<!-- figures:quality -->\n")
    assert text.endswith("<!-- /figures -->\n\nHand-written text after, with a [link](../CHANGELOG.md).\n")
    assert "old table" not in text
    dev_entities, dev_relations = rows_of(text, "digest dev gold (18 articles)")
    assert dev_entities == (
        "| digest dev gold (18 articles) | tuned on | 18 | 0.847 (0.900 / 0.800) | "
        "1.000 (1.000 / 1.000) | – | 0.333 (0.500 / 0.250) | 0.821 (0.880 / 0.770) |"
    )
    # a type with gold but nothing found scores 0.000; one with neither is a dash
    assert dev_relations == (
        "| digest dev gold (18 articles) | tuned on | 18 | 0.667 | – | – | – | – | 0.000 | – | 0.616 (0.700 / 0.550) |"
    )
    [msra] = rows_of(text, "MSRA `msra_test`")
    assert msra.endswith("| 5,000 | 0.800 (0.810 / 0.790) | 0.874 (0.910 / 0.840) | – | – | 0.843 (0.870 / 0.820) |")
    [finre] = rows_of(text, "FinRE `valid`")
    assert "| 1,489 pairs | 0.398 |" in finre and finre.endswith("| 0.398 (0.909 / 0.255) |")
    [graph] = rows_of(text, "digest graph (all 36 articles)")
    assert graph == "| digest graph (all 36 articles) | tuned on | 260 | 248 (0.954) | 1 (0.004) | 0 | 484 |"
    # the sets come in a fixed order: the tuned-on digest first
    assert text.index("digest dev gold") < text.index("MSRA") < text.index("FinRE")


def test_rewriting_twice_gives_the_same_document(scores_dir, tmp_path):
    doc = tmp_path / "quality.md"
    doc.write_text(PROSE, encoding="utf-8")
    figures.main(["quality", str(scores_dir), str(doc)])
    once = doc.read_text(encoding="utf-8")
    figures.main(["quality", str(scores_dir), str(doc)])
    assert doc.read_text(encoding="utf-8") == once


def test_missing_markers_or_scores_fail_without_touching_the_document(scores_dir, tmp_path, capsys):
    doc = tmp_path / "quality.md"
    doc.write_text("# no markers here\n", encoding="utf-8")
    assert figures.main(["quality", str(scores_dir), str(doc)]) == 1
    assert doc.read_text(encoding="utf-8") == "# no markers here\n"
    assert "no <!-- figures:quality --> marker" in capsys.readouterr().err
    (scores_dir / "broken.json").write_text("entities  P  R  F1\n", encoding="utf-8")
    doc.write_text(PROSE, encoding="utf-8")
    assert figures.main(["quality", str(scores_dir), str(doc)]) == 1
    assert doc.read_text(encoding="utf-8") == PROSE


RUN = """model load (imports included): 2.10 s  [graph/data/ner]
extraction: 65328 characters of industry-digest-2021-11.txt, median of 3 runs 1.80 s = 36,293 characters/s (best 36,500; one torch thread), 65 articles
  by stage: split_into_sentences 0.02 s, find_model_mentions 1.20 s
  relation extraction adds 3.5% to the rest of extraction
graph: 690 entities, 2400 relations in 0.30 s
embedded store: started in 0.40 s, loaded 690 entities and 2400 relations in 0.50 s
file to loaded graph: 4.9 s wall including model load
peak memory (RSS): 390 MB
"""
STORE = """synthetic graph: 200,000 entities, 1,000,000 relationships with evidence
  load entities (with their name index):     70,000 nodes/s (2.9 s)
  load relationships:                        80,000 relationships/s (12.5 s)
  the same load again (MERGE, counts unchanged: 1,000,000 relationships): 16,000 items/s
  snapshot to disk (RDB): 1.1 s
  right after the loads:
    neighborhood depth 1 (cap 100 nodes), 300 random entities: p50 3.0 ms, p95 5.0 ms, max 9.0 ms
    neighborhood depth 2 (cap 500 nodes), 300 random entities: p50 15.0 ms, p95 40.0 ms, max 60.0 ms
  peak memory: client 1,760 MB, FalkorDB server 1,090 MB
  after a restart of the server from its snapshot:
    neighborhood depth 1 (cap 100 nodes), 300 random entities: p50 2.5 ms, p95 4.5 ms, max 8.0 ms
    neighborhood depth 2 (cap 500 nodes), 300 random entities: p50 12.0 ms, p95 35.0 ms, max 50.0 ms
"""
API = """690 entities from industry-digest-2021-11.txt; 20 concurrent clients over HTTP, 127.0.0.1, wrk
  1-hop neighborhood   112000 requests in 10 s: p50 1.7 ms, p95 8.3 ms, p99 12.0 ms, errors 0
  search               108000 requests in 10 s: p50 1.9 ms, p95 4.6 ms, p99 7.0 ms, errors 0
  view                 400 requests: p50   25.0 ms, p95   77.0 ms, errors 0
"""


def test_performance_table_from_what_the_benchmarks_printed(tmp_path):
    folder = tmp_path / "bench"
    folder.mkdir()
    (folder / "run.txt").write_text(RUN, encoding="utf-8")
    (folder / "store.txt").write_text(STORE, encoding="utf-8")
    (folder / "api.txt").write_text(API, encoding="utf-8")
    (folder / "analytics.txt").write_text(
        "synthetic graph: 2 entities\n  communities (Louvain)  2.6 s\n", encoding="utf-8"
    )
    (folder / "documents.txt").write_text(
        "a 100-page two-column Chinese PDF: 541 KB\n  PDF text in reading order  26 pages/s (3.92 s, best of 3)\n",
        encoding="utf-8",
    )
    (folder / "scaling.txt").write_text(
        "throughput on 200 synthetic articles (304,231 characters):\n  --jobs 2 after its start (5.2 s)  1.76x one process\n",
        encoding="utf-8",
    )
    doc = tmp_path / "performance.md"
    doc.write_text("Intro.\n\n<!-- figures:performance -->\n<!-- /figures -->\n\nOutro.\n", encoding="utf-8")
    assert figures.main(["performance", str(folder), str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("Intro.\n\n<!-- figures:performance -->\n") and text.endswith(
        "<!-- /figures -->\n\nOutro.\n"
    )
    for row in [
        "| `bench.run` | NER model load (imports included) | 2.10 s |",
        "| `bench.run` | extraction of industry-digest-2021-11.txt (65,328 characters), one torch thread | "
        "36,293 characters/s (median of 3 runs, 1.80 s; best 36,500) |",
        "| `bench.run` | file to loaded embedded graph (model load included) | 4.9 s wall; peak memory 390 MB |",
        "| `bench.store` | load relationships | 80,000 relationships/s (12.5 s) |",
        "| `bench.store` | 2-hop neighborhood (cap 500), 300 random entities, right after the loads | "
        "p50 15.0 ms, p95 40.0 ms, max 60.0 ms |",
        "| `bench.store` | 2-hop neighborhood (cap 500), 300 random entities, after a restart of the server from "
        "its snapshot | p50 12.0 ms, p95 35.0 ms, max 50.0 ms |",
        "| `bench.store` | peak memory | client 1,760 MB, FalkorDB server 1,090 MB |",
        "| `bench.api` | HTTP 1-hop neighborhood | 112000 requests in 10 s: p50 1.7 ms, p95 8.3 ms, p99 12.0 ms, "
        "errors 0 |",
        "| `bench.api` | HTTP view | 400 requests: p50   25.0 ms, p95   77.0 ms, errors 0 |",
        "| `bench.analytics` | synthetic graph: communities (Louvain) | 2.6 s |",
        "| `bench.documents` | a 100-page two-column Chinese PDF: PDF text in reading order | 26 pages/s (3.92 s, best of 3) |",
        "| `bench.scaling` | throughput on 200 synthetic articles (304,231 characters): --jobs 2 after its start "
        "(5.2 s) | 1.76x one process |",
    ]:
        assert row in text, row
    assert "Not run this time" not in text


def test_a_part_not_run_is_named(tmp_path):
    folder = tmp_path / "bench"
    folder.mkdir()
    (folder / "run.txt").write_text(RUN, encoding="utf-8")
    doc = tmp_path / "performance.md"
    doc.write_text("<!-- figures:performance -->\n<!-- /figures -->\n", encoding="utf-8")
    assert figures.main(["performance", str(folder), str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert (
        "Not run this time: `bench.store`, `bench.api`, `bench.analytics`, `bench.documents`, `bench.scaling`." in text
    )
    assert "`bench.store` |" not in text


def test_analytics_figures_are_read_per_section():
    text = "digest.txt: 480 entities\n  communities (Louvain)  0.02 s\nsynthetic graph: 10 entities\n  communities (Louvain)  2.6 s\n"
    assert figures.analytics_rows(text) == [
        ["digest.txt: communities (Louvain)", "0.02 s"],
        ["synthetic graph: communities (Louvain)", "2.6 s"],
    ]
