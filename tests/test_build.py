"""The corpus graph built from the examples/ articles with the full pipeline (model included)."""

import json

import networkx as nx
import pytest

from guanxi.graph.build import build_graph, npmi
from guanxi.graph.export import node_link, write_graphml
from guanxi.graph.schema import entity_id

pytestmark = pytest.mark.slow


def test_nodes_carry_name_type_aliases_and_counts(example_graph):
    mof = entity_id("ORG", "工业和信息化部")
    node = example_graph.nodes[mof]
    assert node["name"] == "工业和信息化部" and node["type"] == "ORG"
    assert "工信部" in node["aliases"]
    assert node["mentions"] >= 4 and node["document_count"] == 2


def test_ids_are_stable_across_builds(example_articles, example_graph):
    again = build_graph(example_articles)
    assert sorted(again.nodes) == sorted(example_graph.nodes)
    assert sorted(d["id"] for _, _, d in again.edges(data=True)) == sorted(
        d["id"] for _, _, d in example_graph.edges(data=True)
    )


def test_edges_keep_evidence_that_points_into_their_articles(example_articles, example_graph):
    texts = {a.id: a.text for a in example_articles}
    typed = [d for _, _, d in example_graph.edges(data=True) if d["type"] != "CO_OCCURS"]
    assert typed
    for d in example_graph.edges(data=True):
        edge = d[2]
        assert edge["weight"] == edge["evidence_total"] >= len(edge["evidence"]) >= 1
        for ev in edge["evidence"]:
            text = texts[ev["doc_id"]]
            assert ev["sentence"] in text
            assert text[ev["head"][0] : ev["head"][1]] and text[ev["tail"][0] : ev["tail"][1]]


def test_holds_role_and_partners_are_found_in_the_examples(example_graph):
    found = {
        (example_graph.nodes[u]["name"], d["type"], example_graph.nodes[v]["name"], d.get("title"))
        for u, v, d in example_graph.edges(data=True)
    }
    assert ("韩夏", "HOLDS_ROLE", "工业和信息化部", "总工程师") in found
    assert ("工业和信息化部", "ISSUED", "5G全连接工厂建设指南", None) in found


def test_co_occurrence_carries_npmi(example_graph):
    co = [d for _, _, d in example_graph.edges(data=True) if d["type"] == "CO_OCCURS"]
    assert co and all(-1.0 <= d["npmi"] <= 1.0 for d in co)


def test_npmi_extremes():
    assert npmi(5, 5, 5, 5) == 1.0
    assert npmi(0, 3, 3, 100) == -1.0
    assert npmi(1, 10, 10, 100) == pytest.approx(0.0, abs=1e-9)


def test_node_link_and_graphml_exports(example_graph, tmp_path):
    data = json.loads(json.dumps(node_link(example_graph), ensure_ascii=False))
    assert all({"id", "name", "type", "aliases"} <= set(n) for n in data["nodes"])
    assert len(data["edges"]) == example_graph.number_of_edges()
    path = tmp_path / "g.graphml"
    write_graphml(example_graph, path)
    back = nx.read_graphml(path)
    assert back.number_of_nodes() == example_graph.number_of_nodes()
    assert (
        json.loads(back.nodes[entity_id("ORG", "工业和信息化部")]["aliases"])
        == example_graph.nodes[entity_id("ORG", "工业和信息化部")]["aliases"]
    )


def test_a_build_with_its_provenance_on_disk_gives_the_same_graph_and_exports(example_articles, tmp_path):
    from guanxi.graph.build import Provenance, documents_of

    in_memory = build_graph(example_articles)
    with Provenance() as provenance:
        on_disk = build_graph(example_articles, provenance)
        assert "contributions" not in on_disk.graph and len(provenance) == len(example_articles)
        assert list(documents_of(on_disk)) == list(documents_of(in_memory))
        assert node_link(on_disk) == node_link(in_memory)
        write_graphml(on_disk, tmp_path / "disk.graphml")
        write_graphml(in_memory, tmp_path / "memory.graphml")
    assert (tmp_path / "disk.graphml").read_bytes() == (tmp_path / "memory.graphml").read_bytes()


def test_provenance_gives_back_documents_whose_fields_hold_tabs_and_line_breaks():
    from guanxi.graph.build import Provenance
    from guanxi.graph.contribution import Contribution, DocumentInfo, EntityPart

    doc = DocumentInfo("a1", "feed.jsonl", title="第一行\t制表\n第二行", text="正文\t\n")
    c = Contribution(doc, {entity_id("ORG", "北辰集团"): EntityPart("ORG", ["北辰集团\t"], 1, 1)})
    with Provenance() as provenance:
        provenance.add(c)
        [(record, contribution)] = list(provenance)
    assert record == doc.as_dict()
    assert Contribution.from_json(contribution) == Contribution(
        DocumentInfo("a1", "feed.jsonl", title="第一行\t制表\n第二行"), c.entities
    )


def synthetic_contributions(count: int):
    """``count`` articles of 3,000 characters each, naming 10 of 40 organizations and 5 partnerships
    among them, with evidence: a corpus whose graph stops growing while its text does not."""
    from guanxi.graph.contribution import Contribution, DocumentInfo, EntityPart, RelationPart

    for k in range(count):
        names = [f"机构{(k + j * 7) % 40}" for j in range(10)]
        ids = [entity_id("ORG", n) for n in names]
        text = f"第{k}篇" + "文" * 3000
        c = Contribution(DocumentInfo(f"doc-{k:05d}", f"doc-{k:05d}", sentences=30, text=text))
        for n, nid in zip(names, ids, strict=True):
            c.entities[nid] = EntityPart("ORG", [n], mentions=3, sentences=2)
        for j in range(5):
            head, tail = sorted((ids[2 * j], ids[2 * j + 1]))
            sentence = f"{names[2 * j]}与{names[2 * j + 1]}签署合作协议（第{k}篇）" + "文" * 80
            evidence = {
                "doc_id": f"doc-{k:05d}",
                "head": [0, 4],
                "tail": [5, 9],
                "rule_id": "partners",
                "sentence": sentence,
            }
            c.relations[f"rel-{head}-{tail}"] = RelationPart("PARTNERS_WITH", head, tail, weight=1, evidence=[evidence])
        yield c


def memory_held(count: int, provenance) -> int:
    import gc
    import tracemalloc

    from guanxi.graph.build import graph_from_contributions

    gc.collect()
    tracemalloc.start()
    try:
        graph = graph_from_contributions(synthetic_contributions(count), provenance)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert graph.number_of_nodes() == 40
    return held


def test_with_its_provenance_on_disk_a_build_holds_the_graph_not_the_corpus():
    from guanxi.graph.build import Provenance

    with Provenance() as small, Provenance() as large:
        on_disk = memory_held(1200, large) - memory_held(300, small)
    in_memory = memory_held(1200, None) - memory_held(300, None)
    text_added = 900 * 3000 * 2  # characters of two bytes each
    pairs_added = 900 * 10  # (node, document) entries of the nodes' document lists
    assert in_memory > text_added  # the texts are kept
    assert on_disk < 200 * pairs_added < text_added  # only the graph's own lists of documents grow


def test_a_build_from_the_articles_drafts_is_the_build_from_the_articles(example_articles, example_graph):
    from guanxi.graph.contribution import draft_of

    assert node_link(build_graph([draft_of(a) for a in example_articles])) == node_link(example_graph)
