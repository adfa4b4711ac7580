"""A large build keeps its edges' evidence on disk (graph/evidence_file.py) and shows the same evidence."""

import random

import pytest

from guanxi.graph.build import Provenance, edges_of, graph_from_contributions
from guanxi.graph.contribution import MAX_EVIDENCE, Contribution, DocumentInfo, EntityPart, RelationPart
from guanxi.graph.evidence_file import EvidenceFile
from guanxi.graph.export import node_link
from guanxi.graph.schema import entity_id


def piece(doc: str, date: str, start: int, sentence: str = "甲公司与乙公司签署合作协议。") -> dict:
    return {"doc_id": doc, "date": date, "head": [start, start + 3], "tail": [start + 4, start + 7],
            "rule_id": "partners", "sentence": sentence, "parties": 2}  # fmt: skip


def partnership(doc: str, date: str, pieces: list[dict], pair: tuple[str, str] = ("甲公司", "乙公司")) -> Contribution:
    ids = [entity_id("ORG", name) for name in pair]
    c = Contribution(DocumentInfo(doc, doc, date=date, sentences=len(pieces)))
    for name, nid in zip(pair, ids, strict=True):
        c.entities[nid] = EntityPart("ORG", [name], mentions=len(pieces), sentences=len(pieces))
    head, tail = sorted(ids)
    c.relations[f"rel-{head}-{tail}"] = RelationPart("PARTNERS_WITH", head, tail, weight=len(pieces), evidence=pieces)
    return c


def shuffled_feed(seed: int = 4) -> list[Contribution]:
    """40 documents out of date order, three pieces each, some of them tied on every sort key."""
    draw = random.Random(seed)
    feed = []
    for k in draw.sample(range(40), 40):
        date = f"2025-{k % 12 + 1:02d}-01"
        pieces = sorted([piece(f"d{k:02d}", date, 0), piece(f"d{k:02d}", date, 0, "并列的一句。"), piece(f"d{k:02d}", date, 9)],
                        key=lambda ev: ev["head"][0])  # fmt: skip
        feed.append(partnership(f"d{k:02d}", date, pieces))
    return feed


def evidence_by_edge(graph) -> dict[str, list[dict]]:
    return {e["id"]: e["evidence"] for _, _, _, e in edges_of(graph)}


def test_evidence_read_back_from_disk_is_what_a_build_in_memory_keeps():
    feed = shuffled_feed()
    in_memory = graph_from_contributions(feed)
    with Provenance() as provenance:
        on_disk = graph_from_contributions(feed, provenance)
        assert all(e["evidence"] is None for _, _, e in on_disk.edges(data=True))  # not held by the graph
        shown = evidence_by_edge(on_disk)
        assert shown == evidence_by_edge(in_memory)
        assert node_link(on_disk) == node_link(in_memory)
    (edge,) = shown.values()
    assert len(edge) == MAX_EVIDENCE and edge[0]["date"] == "2025-01-01"
    assert [ev["sentence"] for ev in edge[:2]] == [
        "甲公司与乙公司签署合作协议。",
        "并列的一句。",
    ]  # ties in input order


def test_pieces_that_can_no_longer_be_shown_are_not_written():
    feed = [
        partnership(f"d{k:03d}", f"2025-01-{k % 28 + 1:02d}", [piece(f"d{k:03d}", "2025-01-01", 0)]) for k in range(200)
    ]
    with Provenance() as provenance:
        graph_from_contributions(feed, provenance)
        assert (
            provenance.evidence.written == MAX_EVIDENCE
        )  # a feed in order: every later piece sorts after the first 20


def test_evidence_cannot_be_added_once_it_has_been_read():
    evidence = EvidenceFile()
    try:
        evidence.add("r1", [piece("d1", "2025-01-01", 0)])
        assert len(evidence.of("r1")) == 1
        with pytest.raises(RuntimeError, match="after it was read"):
            evidence.add("r1", [piece("d2", "2024-01-01", 0)])
    finally:
        evidence.close()


def distinct_partnerships(count: int, length: int):
    """``count`` documents, each naming five pairs no other document names, with a sentence of ``length``."""
    for k in range(count):
        names = [f"机构{k}号{j}" for j in range(10)]
        c = Contribution(DocumentInfo(f"d{k:05d}", f"d{k:05d}", sentences=5))
        for j in range(5):
            pair = partnership(f"d{k:05d}", None, [piece(f"d{k:05d}", "", 0, f"第{k}篇第{j}句" + "文" * length)],
                               (names[2 * j], names[2 * j + 1]))  # fmt: skip
            c.entities |= pair.entities
            c.relations |= pair.relations
        yield c


def held_by_graph(count: int, length: int, provenance) -> int:
    import gc
    import tracemalloc

    gc.collect()
    tracemalloc.start()
    try:
        graph = graph_from_contributions(distinct_partnerships(count, length), provenance)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert graph.number_of_edges() == 5 * count
    return held


def test_a_build_with_its_provenance_on_disk_holds_none_of_the_evidence():
    with Provenance() as short, Provenance() as long:
        grown = held_by_graph(1000, 1000, long) - held_by_graph(1000, 10, short)
    sentences_grown = 1000 * 5 * 990 * 2  # characters of two bytes each
    assert grown < sentences_grown / 20
    assert (
        held_by_graph(1000, 1000, None) - held_by_graph(1000, 10, None) > sentences_grown * 0.9
    )  # in memory, they are


def test_the_loads_rows_read_each_relations_evidence_once():
    from guanxi.cypher.rows import relation_rows

    feed = list(distinct_partnerships(20, 10))
    for c in feed[:10]:  # two relation types: half of the pairs also co-occur
        for rid, part in list(c.relations.items()):
            c.relations["co-" + rid] = RelationPart("CO_OCCURS", part.head, part.tail, weight=1, evidence=part.evidence)
    with Provenance() as provenance:
        graph = graph_from_contributions(feed, provenance)
        reads = []
        read = provenance.evidence.of
        provenance.evidence.of = lambda rid: reads.append(rid) or read(rid)
        rows = {t: list(r) for t, r in relation_rows(graph).items()}
    assert {t: len(r) for t, r in rows.items()} == {"CO_OCCURS": 50, "PARTNERS_WITH": 100}
    assert sorted(reads) == sorted(e["id"] for _, _, e in graph.edges(data=True))
    assert all(row["evidence_sentences"] for r in rows.values() for row in r)
