"""The store contract, run against every store (Neo4j skips without NEO4J_URI). Nothing is mocked."""

import pytest

from guanxi.graph.build import build_graph
from guanxi.graph.errors import NotFound, QueryRefused, StoreError
from tests.test_aliases import run

TEXTS = [
    "工信部与科技部合作开展专项检查。工信部部长李明远表示，将加快推进。",
    "国务院印发《甲市发展规划》。工信部与教育部联合举办论坛。",
    "工信部约谈北辰科技公司。",
]


def small_articles():
    articles = []
    for i, text in enumerate(TEXTS):
        articles.append(run(text, [("李明远", "PERSON"), ("北辰科技公司", "ORG")], doc_id=f"doc{i}"))
    return articles


@pytest.fixture(scope="module")
def small_graph():
    return build_graph(small_articles())


def entity_id(graph, name):
    return next(n for n, d in graph.nodes(data=True) if d["name"] == name)


def test_load_counts_and_idempotence(store, small_graph):
    report = store.load(small_graph)
    assert report.entities == small_graph.number_of_nodes()
    assert report.relationships == small_graph.number_of_edges()
    first = store.counts()
    assert first == {
        "entities": small_graph.number_of_nodes(),
        "relationships": small_graph.number_of_edges(),
        "documents": 3,
    }
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
    assert {(r["entity"]["name"], r["type"]) for r in e["related"]} >= {
        ("李明远", "HOLDS_ROLE"),
        ("科学技术部", "PARTNERS_WITH"),
    }
    with pytest.raises(NotFound) as err:
        store.entity("org-nope")
    assert str(err.value) == ('Entity "org-nope" not found; search with GET /entities?q=NAME or `guanxi search NAME`')


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


def test_every_hop_of_a_neighborhood_brings_the_same_details(store):
    """The first hop's details are read by id afterwards, a further hop's come with its rows: both
    must give what the entity and the relationship say when read on their own (every field of
    these rows holds a different value, so a column read into the wrong field shows)."""
    import json

    from guanxi.cypher.rows import node_row

    def entity(i, name, type_="ORG"):
        return node_row(
            {
                "id": f"e{i}",
                "name": name,
                "type": type_,
                "aliases": [f"{name}简称"],
                "mentions": 10 + i,
                "sentences": 20 + i,
                "document_count": 30 + i,
                "first_seen": f"2021-01-0{i}",
                "last_seen": f"2021-02-0{i}",
                "merge_reasons": [],
            }
        )

    def relation(i, head, tail):
        evidence = [{"doc_id": f"d{i}{k}", "sentence": f"第{k}句", "date": None} for k in range(5)]
        return {
            "id": f"r{i}",
            "head": head,
            "tail": tail,
            "weight": i,
            "title": f"职务{i}",
            "documents": [f"d{i}0", f"d{i}1"],
            "document_count": 40 + i,
            "evidence": json.dumps(evidence),
            "evidence_total": 50 + i,
            "rules": ["test"],
            "first_seen": None,
            "last_seen": None,
        }

    orgs = [entity(1, "中心"), entity(2, "近邻"), entity(3, "远邻甲"), entity(4, "远邻乙")]
    store.load_rows(
        {"ORG": orgs, "PERSON": [entity(5, "远邻人", "PERSON")]},
        {
            "PARTNERS_WITH": [relation(1, "e1", "e2"), relation(2, "e3", "e2")],
            "INVESTS_IN": [relation(3, "e2", "e4")],
            "HOLDS_ROLE": [relation(4, "e5", "e2")],
        },
    )
    two = store.neighborhood("e1", depth=2)
    assert {n["id"] for n in two["nodes"]} == {"e1", "e2", "e3", "e4", "e5"}
    for node in two["nodes"]:
        assert node == {k: v for k, v in store.entity(node["id"]).items() if k != "related"}
    assert len(two["edges"]) == 4
    for edge in two["edges"]:
        rel = store.relation(edge["id"])
        assert (edge["title"], edge["evidence_total"], edge["document_count"]) == (
            rel["title"],
            rel["evidence_total"],
            40 + rel["weight"],
        )
        stored = store.query("MATCH ()-[r]->() WHERE r.id = $id RETURN r.evidence AS e", {"id": edge["id"]})
        assert [ev | {"title": None} for ev in json.loads(stored["rows"][0]["e"])[:3]] == edge["evidence"]
        assert (edge["source"], edge["target"]) == (rel["head"], rel["tail"])


def test_read_only_queries(store, small_graph):
    store.load(small_graph)
    result = store.query("MATCH (e:Entity) WHERE e.name = $name RETURN e.type AS type", {"name": "李明远"})
    assert result["rows"] == [{"type": "PERSON"}]
    with pytest.raises(QueryRefused) as err:
        store.query("MATCH (e:Entity) DETACH DELETE e")
    assert str(err.value) == (
        "Read-only queries only: DETACH writes to the graph. Use `guanxi add`/`guanxi build` to change the graph."
    )
    assert store.counts()["entities"] == small_graph.number_of_nodes()
    capped = store.query("MATCH (e:Entity) RETURN e.name AS name", row_cap=2)
    assert len(capped["rows"]) == 2 and capped["truncated"]


def test_write_keywords_inside_strings_are_not_refused(store, small_graph):
    store.load(small_graph)
    rows = store.query("MATCH (e:Entity) WHERE e.name = 'CREATE' RETURN e.name AS name")["rows"]
    assert rows == []


def test_embedded_data_survives_a_restart(tmp_path, small_graph):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    first = FalkorDBStore.embedded(tmp_path / "data")
    first.load(small_graph)
    counts = first.counts()
    first.close()  # saves and stops the server it started
    second = FalkorDBStore.embedded(tmp_path / "data")
    try:
        assert second.counts() == counts
    finally:
        second.close()


def test_running_embedded_server_is_reused(tmp_path):
    from guanxi.cypher.embedded import EmbeddedServer

    first = EmbeddedServer(tmp_path)
    port = first.start()
    try:
        second = EmbeddedServer(tmp_path)
        assert second.start() == port
        second.stop()  # not its own: leaves it running
        from guanxi.cypher.embedded import ping

        assert ping(port)
    finally:
        first.stop()


def test_unreachable_store_names_the_uri():
    from guanxi.cypher import open_store
    from guanxi.graph.errors import StoreError

    with pytest.raises(StoreError) as err:
        open_store("falkor://127.0.0.1:1")
    assert str(err.value).startswith("Could not reach FalkorDB at falkor://127.0.0.1:1:")


def test_unknown_store_setting():
    from guanxi.cypher import open_store
    from guanxi.graph.errors import StoreError

    with pytest.raises(StoreError) as err:
        open_store("mysql://x")
    assert str(err.value) == (
        'Unknown store "mysql://x": use embedded, falkor://HOST:PORT, or a Neo4j URI (bolt://, neo4j://, neo4j+s://)'
    )


def test_add_then_remove_returns_the_graph_to_its_previous_state_exactly(store):
    first, second, third = small_articles()
    store.add([first, second])
    before = store.snapshot()
    counts = store.counts()
    report = store.add([third])
    assert report.documents == 1 and store.counts()["documents"] == 3
    assert store.snapshot() != before
    store.remove(third.id)
    assert store.counts() == counts
    assert store.snapshot() == before


def test_incremental_adds_equal_a_bulk_load(store, small_graph):
    store.add(small_articles())
    incremental = store.snapshot()
    store.clear()
    store.load(small_graph)
    assert store.snapshot() == incremental


def test_adds_in_one_batch_resolve_names_as_adds_one_at_a_time_do(store):
    first = run(
        "青松智慧水务有限公司（以下简称“青松水务”）今天宣布扩产。", [("青松智慧水务有限公司", "ORG")], doc_id="a1"
    )
    second = run("青松水务与北辰科技公司合作。", [("青松水务", "ORG"), ("北辰科技公司", "ORG")], doc_id="a2")
    store.add([first, second], batch_size=1)
    one_at_a_time = store.snapshot()
    names = [row["entity"]["name"] for row in one_at_a_time if row["entity"]["type"] == "ORG"]
    assert sorted(names) == ["北辰科技公司", "青松智慧水务有限公司"]  # 青松水务 of the second is the first's
    store.clear()
    report = store.add([first, second])
    assert store.snapshot() == one_at_a_time
    assert report.documents == 2 and report.entities == 2
    store.clear()
    store.load(build_graph([first, second]))
    assert store.snapshot() == one_at_a_time


def test_a_batch_resolves_a_stored_alias_after_an_article_of_the_batch_named_its_entity(store):
    declared = run("青松水务公司（以下简称“青松”）今天宣布扩产。", [("青松水务公司", "ORG")], doc_id="d0")
    report = run("青松水务公司发布年报。", [("青松水务公司", "ORG")], doc_id="a1")
    short = run("青松与北辰科技有限公司签约。", [("青松", "ORG"), ("北辰科技有限公司", "ORG")], doc_id="a2")
    snapshots = []
    for size in (1, 50):
        store.clear()
        store.add([declared])
        store.add([report, short], batch_size=size)  # 青松 is the stored alias of the entity a1 names
        snapshots.append(store.snapshot())
    names = sorted(row["entity"]["name"] for row in snapshots[1] if row["entity"]["type"] == "ORG")
    assert names == ["北辰科技有限公司", "青松水务公司"]
    assert snapshots[0] == snapshots[1]


def test_an_add_that_fails_midway_leaves_the_articles_before_the_failure_stored_and_counted(store):
    from guanxi.graph.contribution import draft_of

    first, second, third = small_articles()
    store.add([first, second])
    expected = store.snapshot()
    store.clear()
    broken = draft_of(third)
    broken.relations[0].head = "a name the draft has no entity for"

    def source_that_fails():
        yield first
        yield second
        raise OSError("the feed went away")

    with pytest.raises(OSError, match="feed went away"):  # a source that fails after two articles
        store.add(source_that_fails())
    assert store.snapshot() == expected and store.counts()["documents"] == 2
    store.clear()
    with pytest.raises(KeyError):  # an article that fails in the middle of a batch
        store.add([first, second, broken])
    assert store.snapshot() == expected and store.counts()["documents"] == 2


def test_the_same_article_twice_in_one_add_keeps_its_later_version_whatever_the_batch(store):
    first = run("工信部约谈北辰科技公司。", [("北辰科技公司", "ORG")], doc_id="doc9")
    later = run("工信部约谈青松水务公司。", [("青松水务公司", "ORG")], doc_id="doc9")
    store.add([later])
    expected = store.snapshot()
    for size in (1, 50):
        store.clear()
        report = store.add([first, later], batch_size=size)
        assert store.snapshot() == expected, size
        assert report.replaced == 1 and store.counts()["documents"] == 1


def test_re_adding_a_changed_document_replaces_its_contribution(store):
    articles = small_articles()
    store.add(articles)
    changed = run("工信部约谈青松水务公司。", [("青松水务公司", "ORG")], doc_id="doc2")
    report = store.add([changed])
    assert report.replaced == 1
    names = {row["entity"]["name"] for row in store.snapshot()}
    assert "青松水务公司" in names and "北辰科技公司" not in names
    assert store.counts()["documents"] == 3


def test_removing_the_last_evidence_deletes_entities_and_relations(store):
    store.add(small_articles()[2:])
    assert store.counts()["entities"] == 2
    store.remove("doc2")
    assert store.counts() == {"entities": 0, "relationships": 0, "documents": 0}
    assert store.query("MATCH (n) WHERE NOT n:GuanxiCounter RETURN count(n) AS n")["rows"] == [{"n": 0}]


def test_weights_are_recomputable_from_stored_provenance(store, small_graph):
    store.load(small_graph)
    before = store.snapshot()
    store._run("MATCH (:Entity)-[r]->(:Entity) SET r.weight = 999", write=True)
    assert store.snapshot() != before
    store.rebuild()
    assert store.snapshot() == before


def test_removing_an_unknown_document_is_an_error(store):
    with pytest.raises(NotFound) as err:
        store.remove("nope")
    assert str(err.value) == (
        "Document \"nope\" not found; list documents with `guanxi cypher 'MATCH (d:Document) RETURN d.id'`"
    )


def test_an_interrupted_load_completes_without_duplicates(store, small_graph):
    import networkx as nx

    half = nx.MultiDiGraph(small_graph.subgraph(list(small_graph.nodes)[: small_graph.number_of_nodes() // 2]))
    half.graph.update(small_graph.graph)
    store.load(half)
    store.load(small_graph)
    assert store.counts() == {
        "entities": small_graph.number_of_nodes(),
        "relationships": small_graph.number_of_edges(),
        "documents": 3,
    }


def test_re_adding_a_digest_replaces_all_of_its_articles(store):
    a = run("工信部与科技部合作。", doc_id="weekly-L3")
    b = run("国务院印发《甲市发展规划》。", doc_id="weekly-L9")
    a.document_id = b.document_id = "weekly"
    store.add([a, b])
    changed = run("教育部发布通知。", doc_id="weekly-L3")
    changed.document_id = "weekly"
    report = store.add([changed])
    assert report.replaced == 2
    assert store.counts()["documents"] == 1
    assert {row["entity"]["name"] for row in store.snapshot()} == {"教育部"}
    store.remove("weekly")
    assert store.counts()["documents"] == 0


def test_user_queries_return_nodes_and_relationships_as_maps(store, small_graph):
    store.load(small_graph)
    row = store.query(
        "MATCH (p:Entity {name: $n})-[r:HOLDS_ROLE]->(o:Entity) RETURN p, r, o.name AS org", {"n": "李明远"}
    )["rows"][0]
    assert {"Entity", "PERSON"} <= set(row["p"]["_labels"]) and row["p"]["name"] == "李明远"
    assert row["r"]["_type"] == "HOLDS_ROLE" and row["r"]["title"] == "部长"
    assert row["org"] == "工业和信息化部"


def test_user_queries_return_paths_and_report_errors_raised_while_running(store, small_graph):
    store.load(small_graph)
    rows = store.query(
        "MATCH p = (:Entity {name: $n})-[:HOLDS_ROLE]->() RETURN p, size(nodes(p)) AS n, "
        "[1, 'a', null] AS xs, {k: 1.5} AS m",
        {"n": "李明远"},
    )["rows"]
    assert [n["name"] for n in rows[0]["p"]["nodes"]] == ["李明远", "工业和信息化部"]
    assert [r["_type"] for r in rows[0]["p"]["relationships"]] == ["HOLDS_ROLE"]
    assert (rows[0]["n"], rows[0]["xs"], rows[0]["m"]) == (2, [1, "a", None], {"k": 1.5})
    with pytest.raises(StoreError, match="(?i)zero"):
        store.query("UNWIND [1, 0] AS x RETURN 1 / x AS y")


def test_reads_sent_together_come_back_in_order_empty_before_a_load_and_errors_raise(store, small_graph):
    reads = [("MATCH (e:Entity) RETURN count(e) AS n", {}), ("RETURN $x AS x", {"x": "二"})]
    assert store._read_all(reads)[0] in ([], [{"n": 0}])  # FalkorDB: no graph yet, Neo4j: none loaded
    store.load(small_graph)
    assert store._read_all(reads) == [[{"n": small_graph.number_of_nodes()}], [{"x": "二"}]]
    with pytest.raises(StoreError, match="(?i)zero"):
        store._read_all([("RETURN 1 AS a", {}), ("UNWIND [1, 0] AS x RETURN 1 / x AS y", {})])


def test_parameters_with_quotes_backslashes_and_newlines_round_trip(falkordb_store, small_graph):
    falkordb_store.load(small_graph)
    text = 'a "quoted" \\ back\\slash\nnew line 中文 `tick`'
    rows = falkordb_store.query(
        "RETURN $s AS s, $xs AS xs, $m AS m", {"s": text, "xs": [1, 2.5, None, True], "m": {"k": text}}
    )["rows"]
    assert rows == [{"s": text, "xs": [1, 2.5, None, True], "m": {"k": text}}]
    # lists of strings are escaped in one pass over all of them, with a separator they may hold too
    strings = [text, "", "\x01sep\x01", "end\\", "二"]
    assert falkordb_store.query("RETURN $xs AS xs", {"xs": strings})["rows"] == [{"xs": strings}]
    assert falkordb_store.query("RETURN $xs AS xs", {"xs": strings[:2]})["rows"] == [{"xs": strings[:2]}]


def test_shortest_paths_carry_evidence_on_each_hop(store, small_graph):
    store.load(small_graph)
    person, ministry_of_education = entity_id(small_graph, "李明远"), entity_id(small_graph, "教育部")
    result = store.paths(person, ministry_of_education, max_hops=3)
    assert result["hops"] == 2
    names = {tuple(n["name"] for n in p["nodes"]) for p in result["paths"]}
    assert ("李明远", "工业和信息化部", "教育部") in names
    for p in result["paths"]:
        assert all(e["evidence"] and e["evidence"][0]["sentence"] for e in p["edges"])
    assert store.paths(person, ministry_of_education, max_hops=1)["paths"] == []
    typed = store.paths(person, ministry_of_education, max_hops=3, rels=["HOLDS_ROLE", "PARTNERS_WITH"])
    assert {e["type"] for p in typed["paths"] for e in p["edges"]} <= {"HOLDS_ROLE", "PARTNERS_WITH"}


def test_evidence_of_a_relation_is_paged(store):
    texts = [f"工信部与科技部第{i}次合作。" for i in range(25)]
    store.add([run(t, doc_id=f"d{i:02}") for i, t in enumerate(texts)])
    hood = store.neighborhood(store.resolve("工信部"), rels=["PARTNERS_WITH"])
    [edge] = hood["edges"]
    assert edge["evidence_total"] == 25
    first = store.evidence(edge["id"], offset=0, limit=10)
    rest = store.evidence(edge["id"], offset=10, limit=20)
    assert first["total"] == 25 and first["stored"] == 25
    assert len(first["data"]) == 10 and len(rest["data"]) == 15
    assert [e["doc_id"] for e in first["data"] + rest["data"]] == [f"d{i:02}" for i in range(25)]
    with pytest.raises(NotFound):
        store.evidence("rel-nope")


def test_a_nul_character_in_a_parameter_does_not_break_the_query(falkordb_store, small_graph):
    falkordb_store.load(small_graph)
    assert falkordb_store.search("工信\x00部") == []
    assert falkordb_store.query("RETURN $s AS s", {"s": "a\x00b"})["rows"] == [{"s": "a\ufffdb"}]


def test_every_write_changes_the_generation(store, small_graph):
    seen = [store.generation()]
    store.load(small_graph)
    seen.append(store.generation())
    store.remove("doc2")
    seen.append(store.generation())
    store.add(small_articles()[2:])
    seen.append(store.generation())
    store.query("MATCH (e:Entity) RETURN count(e) AS n")
    seen.append(store.generation())
    assert len(set(seen[:4])) == 4 and seen[4] == seen[3]


def org_row(entity_id):
    from guanxi.cypher.rows import node_row

    return node_row(
        {
            "id": entity_id,
            "name": entity_id,
            "type": "ORG",
            "aliases": [],
            "mentions": 1,
            "sentences": 1,
            "document_count": 1,
        }
    )


def partners_row(head, tail):
    return {
        "id": f"{head}>{tail}",
        "head": head,
        "tail": tail,
        "weight": 1,
        "title": None,
        "documents": ["d"],
        "document_count": 1,
        "evidence": "[]",
        "evidence_total": 0,
        "rules": ["test"],
        "first_seen": None,
        "last_seen": None,
    }


def test_a_relationship_load_never_links_through_a_reused_node_id(falkordb_store):
    """FalkorDB loads into a relation type that holds relationships find endpoints by node id,
    read before the load; a node id freed and given to another entity meanwhile must not link it."""
    s = falkordb_store
    s.load_rows({"ORG": [org_row("org-a"), org_row("org-b")]}, {})
    rels = [partners_row("org-a", "org-b"), partners_row("org-a", "org-c")]
    stale = s._endpoints({"PARTNERS_WITH": rels})
    assert set(stale) == {"org-a", "org-b"}  # org-c is not stored yet
    s._run("MATCH (e:Entity {id: 'org-b'}) DELETE e", write=True)
    s.load_rows({"ORG": [org_row("org-c")]}, {})
    assert s._node_handles({"org-c"})["org-c"] == stale["org-b"]  # the freed id was reused
    s._write_relations("merge_relations", rels, 5000, "PARTNERS_WITH", stale)
    rows = s.query("MATCH (a)-[r:PARTNERS_WITH]->(b) RETURN a.id AS a, b.id AS b, r.id AS id")["rows"]
    assert rows == [{"a": "org-a", "b": "org-c", "id": "org-a>org-c"}]


def test_first_loads_of_a_label_or_type_keep_every_value(falkordb_store):
    """A label or relation type the graph holds nothing of is created with GRAPH.BULK."""
    a, b = org_row("org-a"), org_row("org-b")
    a.update(aliases=["甲", "乙\x00丙"], mentions=3, first_seen=None, merge_reasons=[])
    rel = partners_row("org-a", "org-b")
    rel.update(weight=2.5, title="董事长", documents=["d1", "d2"], evidence='[{"s": "x\\"y\n"}]')
    bulk_calls = bulk_commands(falkordb_store)
    falkordb_store.load_rows(
        {"ORG": [a, b]},
        {"PARTNERS_WITH": [rel, partners_row("org-a", "org-x")], "ISSUED": [partners_row("org-b", "org-x")]},
    )
    node = falkordb_store.query("MATCH (e:Entity:ORG {id: 'org-a'}) RETURN e")["rows"][0]["e"]
    assert node["aliases"] == ["甲", "乙\ufffd丙"] and node["mentions"] == 3 and node["merge_reasons"] == []
    assert "first_seen" not in node and node["keys"] == a["keys"]
    edge = falkordb_store.query("MATCH (:Entity {id: 'org-a'})-[r:PARTNERS_WITH]->(:Entity {id: 'org-b'}) RETURN r")[
        "rows"
    ][0]["r"]
    assert {k: edge[k] for k in ("weight", "title", "documents", "evidence", "id")} == {
        k: rel[k] for k in ("weight", "title", "documents", "evidence", "id")
    }
    # a relationship to an entity that is not stored is not created (as with Cypher's MATCH), and
    # does not keep the rest of its chunk from being created
    assert falkordb_store.counts()["relationships"] == 1
    assert falkordb_store.search("org-b")[0]["id"] == "org-b"  # created nodes are indexed
    assert bulk_commands(falkordb_store) == bulk_calls + 2  # ORG, PARTNERS_WITH (ISSUED: nothing to link)


def bulk_commands(store) -> int:
    stats = store.db.connection.info("commandstats")
    return next((v["calls"] for k, v in stats.items() if k.lower() == "cmdstat_graph.bulk"), 0)


def test_writers_in_two_processes_take_turns(falkordb_store, falkordb_server):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    other = FalkorDBStore("127.0.0.1", falkordb_server, graph=falkordb_store.graph.name)
    other.lock_wait_s = 0.3
    try:
        with falkordb_store._exclusive():
            with pytest.raises(StoreError, match="Another process has been writing"):
                other.load_rows({"ORG": [org_row("org-a")]}, {})
            falkordb_store.load_rows({"ORG": [org_row("org-b")]}, {})  # the holder may write
        other.load_rows({"ORG": [org_row("org-a")]}, {})
        assert falkordb_store.counts()["entities"] == 2
    finally:
        other.close()


def test_bulk_loads_of_types_that_exist_merge_through_node_ids(falkordb_store, small_graph):
    falkordb_store.load(small_graph)
    first = falkordb_store.query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.weight AS w ORDER BY a, t, b"
    )["rows"]
    falkordb_store.load(small_graph)
    assert (
        falkordb_store.query(
            "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, r.weight AS w ORDER BY a, t, b"
        )["rows"]
        == first
    )


def test_evidence_lists_decoded_together_are_each_their_own():
    from guanxi.cypher.records import decode_all

    texts = ['[{"doc_id": "d1", "sentence": "甲，乙"}]', "[]", "[1, [2, 3]]"]
    assert decode_all(texts) == [[{"doc_id": "d1", "sentence": "甲，乙"}], [], [1, [2, 3]]]
    assert decode_all([]) == []


def test_parameter_names_are_checked_before_they_reach_the_query_text(store, small_graph):
    store.load(small_graph)
    injected = {"a=1 MATCH (e:Entity) RETURN count(e) AS injected //": 1}
    with pytest.raises(QueryRefused, match="Bad parameter name"):
        store.query("RETURN 1 AS one", injected)
    deep: list = []
    for _ in range(500):
        deep = [deep]
    with pytest.raises(QueryRefused, match="nested more than"):
        store.query("RETURN $p AS p", {"p": deep})
    with pytest.raises(QueryRefused, match="not a finite number"):
        store.query("RETURN $p AS p", {"p": float("inf")})
    assert store.query("RETURN $p_1 AS p", {"p_1": {"k": [1, "二"]}})["rows"] == [{"p": {"k": [1, "二"]}}]


def test_only_read_only_procedures_may_be_called(store, small_graph):
    store.load(small_graph)
    with pytest.raises(QueryRefused, match="Procedure db.idx.fulltext.createNodeIndex is not on the list"):
        store.query("CALL db.idx.fulltext.createNodeIndex('Entity', 'name')")
    labels = {r["label"] for r in store.query("CALL db.labels() YIELD label RETURN label")["rows"]}
    assert {"Entity", "ORG"} <= labels


def test_the_row_cap_is_applied_by_the_database(store, small_graph):
    from guanxi.cypher.readonly import with_row_cap

    store.load(small_graph)
    assert (
        with_row_cap("MATCH (e) RETURN e.name AS n ORDER BY n;", 11)
        == "MATCH (e) RETURN e.name AS n ORDER BY n\nLIMIT 11"
    )
    assert with_row_cap("MATCH (e) RETURN e LIMIT 5000 // all", 11) == "MATCH (e) RETURN e LIMIT 11 // all"
    assert with_row_cap("MATCH (e) RETURN e LIMIT 3", 11) == "MATCH (e) RETURN e LIMIT 3"
    assert with_row_cap("RETURN 1 AS x UNION RETURN 2 AS x", 11) == "RETURN 1 AS x UNION RETURN 2 AS x"
    assert with_row_cap("MATCH (e) WHERE e.name = 'RETURN' RETURN e", 11).endswith("RETURN e\nLIMIT 11")
    # six million rows would take seconds and gigabytes to build; capped by the database it is quick
    result = store.query("UNWIND range(1, 6000000) AS x RETURN x", row_cap=10)
    assert [r["x"] for r in result["rows"]] == list(range(1, 11)) and result["truncated"]


def test_top_partners_rank_a_two_party_deal_above_a_campaign(store):
    articles = [
        run("工信部与科技部签署战略合作协议。", doc_id="deal"),
        run("工信部、教育部、财政部和商务部联合开展专项行动。", doc_id="campaign-1"),
        run("工信部、教育部、财政部和商务部联合开展第二轮专项行动。", doc_id="campaign-2"),
    ]
    graph = build_graph(articles)
    edges = {
        (graph.nodes[h]["name"], graph.nodes[t]["name"]): e
        for h, t, e in graph.edges(data=True)
        if e["type"] == "PARTNERS_WITH"
    }
    deal = next(e for pair, e in edges.items() if "科学技术部" in pair)
    campaign = next(e for pair, e in edges.items() if "教育部" in pair and "工业和信息化部" in pair)
    assert (deal["weight"], deal["specificity"]) == (1, 1.0)
    assert campaign["weight"] == 2 and campaign["specificity"] == pytest.approx(2 / 3, abs=1e-3)
    store.load(graph)
    ministry = store.resolve("工业和信息化部")
    top = [r for r in store.entity(ministry)["related"] if r["type"] == "PARTNERS_WITH"]
    assert top[0]["entity"]["name"] == "科学技术部" and top[0]["weight"] < top[1]["weight"]


def test_procedures_named_in_backticks_are_refused(store, small_graph):
    store.load(small_graph)
    with pytest.raises(QueryRefused, match="backticks"):
        store.query("CALL `dbms.procedures`() YIELD name RETURN name")


def test_the_counter_node_of_an_older_release_is_removed_by_the_next_write(store, small_graph):
    store.load(small_graph)
    store._run("CREATE (:Meta {id: 'graph', generation: 5})", write=True)  # as an older release left it
    store.remove("doc0")
    assert store.query("MATCH (m:Meta) RETURN count(m) AS n")["rows"] == [{"n": 0}]
    assert store.query("MATCH (c:GuanxiCounter) RETURN count(c) AS n")["rows"] == [{"n": 1}]


def stored_npmi(store) -> dict[tuple[str, str], float]:
    rows = store.query("MATCH (a:Entity)-[r:CO_OCCURS]->(b:Entity) RETURN a.name AS a, b.name AS b, r.npmi AS npmi")
    return {(r["a"], r["b"]): r["npmi"] for r in rows["rows"]}


def test_co_occurrences_carry_their_npmi_and_keep_it_current_after_adds(store, small_graph):
    from guanxi.graph.build import npmi

    first, second, third = small_articles()
    store.add([first, second])
    before = stored_npmi(store)
    assert before and all(-1.0 <= v <= 1.0 for v in before.values())
    store.add([third])  # more sentences in the corpus: every edge's NPMI moves
    after = stored_npmi(store)
    assert after.keys() >= before.keys() and any(after[k] != before[k] for k in before)
    store.clear()
    store.load(small_graph)
    assert stored_npmi(store) == after
    total = sum(len(a.sentences) for a in small_articles())
    sentences = {d["name"]: d["sentences"] for _, d in small_graph.nodes(data=True)}
    for (a, b), value in after.items():
        weight = next(
            e["weight"]
            for h, t, e in small_graph.edges(data=True)
            if e["type"] == "CO_OCCURS" and {small_graph.nodes[h]["name"], small_graph.nodes[t]["name"]} == {a, b}
        )
        assert value == pytest.approx(npmi(weight, sentences[a], sentences[b], total), abs=1e-4)


def test_evidence_sentences_are_plain_strings_that_cypher_can_search(store, small_graph):
    store.load(small_graph)
    rows = store.query(
        "MATCH (a:ORG)-[r:PARTNERS_WITH]-(b:ORG) WHERE a.id < b.id "
        "AND any(s IN r.evidence_sentences WHERE s CONTAINS $word) RETURN a.name AS a, b.name AS b",
        {"word": "联合举办"},
    )["rows"]
    assert {frozenset(r.values()) for r in rows} == {frozenset({"工业和信息化部", "教育部"})}


def test_relationship_rows_may_come_as_they_are_made(store):
    """A load reads relationship rows from generators once, a batch at a time: created where the
    type is new, merged where it is not, counted either way."""
    orgs = [org_row(f"org-{k}") for k in range(30)]

    def made(rel_type_count):
        return {"PARTNERS_WITH": (partners_row(f"org-{k}", f"org-{k + 1}") for k in range(rel_type_count))}

    first = store.load_rows({"ORG": orgs}, made(20), batch_size=7)
    again = store.load_rows({"ORG": orgs}, made(29), batch_size=7)  # 20 merged, 9 new
    assert (first.relationships, again.relationships) == (20, 29)
    assert store.counts()["relationships"] == 29
