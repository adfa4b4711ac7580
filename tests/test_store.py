"""The store contract, run against every store (Neo4j skips without NEO4J_URI). Nothing is mocked."""
import pytest

from graph.build import build_graph
from graph.errors import NotFound, QueryRefused
from tests.test_aliases import run

TEXTS = [
    "工信部与科技部合作开展专项检查。工信部部长李明远表示，将加快推进。",
    "国务院印发《甲市发展规划》。工信部与教育部联合举办论坛。",
    "工信部约谈北辰科技公司。",
]


@pytest.fixture(scope="module")
def small_graph():
    articles = []
    for i, text in enumerate(TEXTS):
        a = run(text, [("李明远", "PERSON"), ("北辰科技公司", "ORG")])
        a.id = f"doc{i}"
        for m in a.mentions:
            object.__setattr__(m, "doc_id", a.id)
        articles.append(a)
    return build_graph(articles)


def entity_id(graph, name):
    return next(n for n, d in graph.nodes(data=True) if d["name"] == name)


def test_load_counts_and_idempotence(store, small_graph):
    report = store.load(small_graph)
    assert report.entities == small_graph.number_of_nodes()
    assert report.relationships == small_graph.number_of_edges()
    first = store.counts()
    assert first == {"entities": small_graph.number_of_nodes(), "relationships": small_graph.number_of_edges(),
                     "documents": 3}
    store.load(small_graph)
    assert store.counts() == first


def test_search_ranks_exact_then_prefix_then_substring(store, small_graph):
    store.load(small_graph)
    hits = store.search("工信部")
    assert hits[0]["name"] == "工业和信息化部" and hits[0]["match"] == "exact"
    assert [h["match"] for h in store.search("市发展")] == ["substring"]
    assert [h["name"] for h in store.search("甲市", type="POLICY")] == ["甲市发展规划"]
    assert store.search("甲市", type="ORG") == []


def test_entity_and_not_found(store, small_graph):
    store.load(small_graph)
    mof = entity_id(small_graph, "工业和信息化部")
    e = store.entity(mof)
    assert e["aliases"] == ["工信部"]
    assert {(r["entity"]["name"], r["type"]) for r in e["related"]} >= {("李明远", "HOLDS_ROLE"),
                                                                        ("科学技术部", "PARTNERS_WITH")}
    with pytest.raises(NotFound) as err:
        store.entity("org-nope")
    assert str(err.value) == ('Entity "org-nope" not found; search with GET /entities?q=NAME or '
                              '`guanxi search NAME`')


def test_neighborhood_depth_filters_and_evidence(store, small_graph):
    store.load(small_graph)
    person = entity_id(small_graph, "李明远")
    one = store.neighborhood(person, depth=1)
    assert {n["name"] for n in one["nodes"]} == {"李明远", "工业和信息化部"}
    two = store.neighborhood(person, depth=2)
    assert {n["name"] for n in two["nodes"]} == {"李明远", "工业和信息化部", "科学技术部", "教育部", "北辰科技公司"}
    typed = store.neighborhood(person, depth=2, rels=["HOLDS_ROLE", "REGULATES"])
    assert {n["name"] for n in typed["nodes"]} == {"李明远", "工业和信息化部", "北辰科技公司"}
    role = next(e for e in typed["edges"] if e["type"] == "HOLDS_ROLE")
    assert role["title"] == "部长"
    assert role["evidence"][0]["sentence"] == "工信部部长李明远表示，将加快推进。"
    capped = store.neighborhood(person, depth=2, limit=2)
    assert capped["capped"] and len(capped["nodes"]) == 2


def test_read_only_queries(store, small_graph):
    store.load(small_graph)
    result = store.query("MATCH (e:Entity) WHERE e.name = $name RETURN e.type AS type", {"name": "李明远"})
    assert result["rows"] == [{"type": "PERSON"}]
    with pytest.raises(QueryRefused) as err:
        store.query("MATCH (e:Entity) DETACH DELETE e")
    assert str(err.value) == ("Read-only queries only: DETACH writes to the graph. "
                              "Use `guanxi add`/`guanxi build` to change the graph.")
    assert store.counts()["entities"] == small_graph.number_of_nodes()
    capped = store.query("MATCH (e:Entity) RETURN e.name AS name", row_cap=2)
    assert len(capped["rows"]) == 2 and capped["truncated"]


def test_write_keywords_inside_strings_are_not_refused(store, small_graph):
    store.load(small_graph)
    rows = store.query("MATCH (e:Entity) WHERE e.name = 'CREATE' RETURN e.name AS name")["rows"]
    assert rows == []


def test_embedded_data_survives_a_restart(tmp_path, small_graph):
    from cypher.falkordb_store import FalkorDBStore
    first = FalkorDBStore.embedded(tmp_path / "data")
    first.load(small_graph)
    counts = first.counts()
    first.close()                      # saves and stops the server it started
    second = FalkorDBStore.embedded(tmp_path / "data")
    try:
        assert second.counts() == counts
    finally:
        second.close()


def test_running_embedded_server_is_reused(tmp_path):
    from cypher.embedded import EmbeddedServer
    first = EmbeddedServer(tmp_path)
    port = first.start()
    try:
        second = EmbeddedServer(tmp_path)
        assert second.start() == port
        second.stop()                  # not its own: leaves it running
        from cypher.embedded import ping
        assert ping(port)
    finally:
        first.stop()


def test_unreachable_store_names_the_uri():
    from cypher import open_store
    from graph.errors import StoreError
    with pytest.raises(StoreError) as err:
        open_store("falkor://127.0.0.1:1")
    assert str(err.value).startswith("Could not reach FalkorDB at falkor://127.0.0.1:1:")


def test_unknown_store_setting():
    from cypher import open_store
    from graph.errors import StoreError
    with pytest.raises(StoreError) as err:
        open_store("mysql://x")
    assert str(err.value) == ('Unknown store "mysql://x": use embedded, falkor://HOST:PORT, or a Neo4j URI '
                              "(bolt://, neo4j://, neo4j+s://)")
