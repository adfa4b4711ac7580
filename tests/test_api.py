"""End to end: the dev-gold articles of the real digest, extracted with the full pipeline, loaded
into a real FalkorDB started by the fixture, and queried through the HTTP API."""

import re

import pytest
from fastapi.testclient import TestClient

from guanxi.api.app import create_app
from guanxi.graph.build import build_graph
from guanxi.graph.pipeline import extract_documents
from guanxi.graph.records import Document
from guanxi.graph.schema import entity_id

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gold_graph(gold_articles):
    docs = [Document(id=a["id"], text=a["text"]) for a in gold_articles]
    return build_graph([art for _, arts in extract_documents(docs, split=False) for art in arts])


@pytest.fixture
def client(falkordb_store, gold_graph):
    falkordb_store.load(gold_graph)
    with TestClient(create_app(falkordb_store)) as c:
        yield c


MOF = entity_id("ORG", "工业和信息化部")


def test_health_reports_the_store_and_counts(client, gold_graph):
    body = client.get("/health").json()
    assert body["ok"] is True
    assert body["counts"]["entities"] == gold_graph.number_of_nodes()
    assert body["counts"]["documents"] == 18


def test_search_by_alias_finds_the_canonical_entity(client):
    body = client.get("/entities", params={"q": "工信部"}).json()
    assert body["data"][0]["name"] == "工业和信息化部"
    assert body["data"][0]["match"] == "exact"
    assert body["count"] == len(body["data"])


def test_entity_detail(client):
    body = client.get(f"/entities/{MOF}").json()
    assert body["name"] == "工业和信息化部" and "工信部" in body["aliases"]
    assert body["document_count"] == 3  # the three dev articles that name it
    assert body["related"]


def test_neighborhood_of_the_ministry_has_its_chief_engineer_with_evidence(client):
    body = client.get(f"/entities/{MOF}/neighborhood", params={"rel": "HOLDS_ROLE", "depth": 1}).json()
    names = {n["name"] for n in body["nodes"]}
    assert {"肖亚庆", "韩夏"} <= names
    edge = next(e for e in body["edges"] if e["title"] == "总工程师")
    assert "韩夏" in edge["evidence"][0]["sentence"]
    assert edge["evidence"][0]["rule_id"] == "role.org-title-person"


def test_neighborhood_two_hops_is_capped_and_says_so(client):
    body = client.get(f"/entities/{MOF}/neighborhood", params={"depth": 2, "limit": 10}).json()
    assert len(body["nodes"]) == 10 and body["capped"] is True


def test_view_is_self_contained_html(client):
    r = client.get(f"/entities/{MOF}/view", params={"depth": 1})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*https?://""", html, re.I)
    assert "new vis.Network" in html and "工业和信息化部" in html


def test_errors_are_json_with_a_message(client):
    r = client.get("/entities/org-nope")
    assert r.status_code == 404
    assert r.json() == {
        "ok": False,
        "status": 404,
        "error": 'No entity is named "org-nope"; search with GET /entities?q= or `guanxi search`',
    }
    r = client.get(f"/entities/{MOF}/neighborhood", params={"depth": 9})
    assert r.status_code == 422 and r.json()["error"] == "depth: Input should be less than or equal to 3"
    r = client.get(f"/entities/{MOF}/neighborhood", params={"rel": "LIKES"})
    assert r.status_code == 422
    assert r.json()["error"].startswith("unknown relation type: LIKES; expected any of PARTNERS_WITH")


def test_cypher_endpoint_is_read_only(client):
    r = client.post(
        "/cypher",
        json={"query": "MATCH (p:PERSON {name: $n})-[r:HOLDS_ROLE]->(o) RETURN r.title AS t", "params": {"n": "韩夏"}},
    )
    assert r.json()["rows"] == [{"t": "总工程师"}]
    r = client.post("/cypher", json={"query": "CREATE (x:Entity {name: 'x'})"})
    assert r.status_code == 400 and r.json()["error"].startswith("Read-only queries only: CREATE")
    r = client.post("/cypher", json={"query": "MATCH (e RETURN e"})
    assert r.status_code == 400 and r.json()["ok"] is False


def test_home_page_has_a_search_box(client):
    html = client.get("/").text
    assert "<form" in html and "/entities?limit=20&q=" in html


def test_paths_between_two_people_go_through_the_ministry(client):
    xiao = client.get("/entities", params={"q": "肖亚庆", "type": "PERSON"}).json()["data"][0]["id"]
    han = client.get("/entities", params={"q": "韩夏", "type": "PERSON"}).json()["data"][0]["id"]
    body = client.get("/paths", params={"from": xiao, "to": han, "max_hops": 2, "rel": "HOLDS_ROLE"}).json()
    assert body["hops"] == 2
    path = body["paths"][0]
    assert [n["name"] for n in path["nodes"]] == ["肖亚庆", "工业和信息化部", "韩夏"]
    assert all(e["evidence"] for e in path["edges"])
    assert client.get("/paths", params={"from": xiao, "to": "org-nope"}).status_code == 404


def test_relation_evidence_is_paged(client):
    hood = client.get(f"/entities/{MOF}/neighborhood").json()
    edge = max(hood["edges"], key=lambda e: e["evidence_total"])
    page = client.get(f"/relations/{edge['id']}/evidence", params={"limit": 2}).json()
    assert page["total"] == edge["evidence_total"] and len(page["data"]) == min(2, edge["evidence_total"])
    assert client.get("/relations/rel-nope/evidence").status_code == 404


def test_embed_snippet_points_at_the_view(client):
    r = client.get(f"/entities/{MOF}/embed", params={"depth": 2, "height": "500"})
    assert r.text.startswith(f'<iframe src="http://testserver/entities/{MOF}/view?depth=2')
    assert 'height="500"' in r.text and 'title="工业和信息化部 · guanxi"' in r.text


@pytest.fixture
def writer(falkordb_store):
    from guanxi.api.settings import Settings

    with TestClient(create_app(falkordb_store, Settings(api_key="s3cret"))) as c:
        yield c


def test_documents_are_added_and_removed_with_the_api_key(writer):
    doc = {"id": "news-1", "text": "工信部总工程师韩夏表示，将推动5G应用。", "date": "2021-11-20"}
    assert writer.post("/documents", json=doc).status_code == 401
    r = writer.post("/documents", json=doc, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 201 and r.json()["articles"] == ["news-1"]
    hits = writer.get("/entities", params={"q": "韩夏"}).json()["data"]
    assert hits[0]["first_seen"] == "2021-11-20"
    text = writer.post(
        "/documents",
        params={"id": "news-2"},
        content="腾讯公司发布公告。".encode(),
        headers={"X-API-Key": "s3cret", "Content-Type": "text/plain"},
    )
    assert text.status_code == 201
    assert writer.get("/health").json()["counts"]["documents"] == 2
    gone = writer.delete("/documents/news-1", headers={"X-API-Key": "s3cret"})
    assert gone.status_code == 200 and gone.json()["documents"] == 1
    assert writer.get("/entities", params={"q": "韩夏"}).json()["data"] == []
    assert writer.delete("/documents/news-1", headers={"X-API-Key": "s3cret"}).status_code == 404


def test_bad_documents_are_422(writer):
    key = {"X-API-Key": "s3cret"}
    r = writer.post("/documents", content=b"{not json", headers=key | {"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"].startswith('Expected JSON {"id", "text"')
    r = writer.post("/documents", content="正文".encode(), headers=key | {"Content-Type": "text/plain"})
    assert r.status_code == 422 and r.json()["error"] == "A text/plain body needs the document id as ?id="


def test_writes_are_refused_without_a_configured_key(client):
    r = client.post("/documents", json={"id": "x", "text": "正文"})
    assert r.status_code == 403
    assert r.json()["error"].startswith("Writes are disabled: set GUANXI_API_KEY")


def test_reads_can_be_protected(falkordb_store):
    from guanxi.api.settings import Settings

    with TestClient(create_app(falkordb_store, Settings(api_key="k", protect_reads=True))) as c:
        assert c.get("/entities", params={"q": "x"}).status_code == 401
        assert c.get("/entities", params={"q": "x"}, headers={"X-API-Key": "k"}).status_code == 200
        cached = c.get("/entities", params={"q": "x"}, headers={"X-API-Key": "k"})
        assert cached.headers.get("x-guanxi-cache") == "hit"
        assert c.get("/entities", params={"q": "x"}).status_code == 401  # not from the cache
        assert c.get("/entities", params={"q": "x"}, headers={"X-API-Key": "kk"}).status_code == 401


def test_a_cached_answer_is_sent_before_routing_and_is_the_same_answer(client):
    url = f"/entities/{MOF}/neighborhood?depth=1"
    first = client.get(url)
    assert first.status_code == 200 and "x-guanxi-cache" not in first.headers
    second = client.get(url)
    assert second.headers["x-guanxi-cache"] == "hit"
    assert second.content == first.content and second.headers["content-type"] == first.headers["content-type"]
    assert client.get(f"/entities/{MOF}/neighborhood?depth=9").status_code == 422  # never cached, still validated


def test_document_ids_with_control_characters_are_refused(writer):
    r = writer.post("/documents", json={"id": "a\x00b", "text": "正文"}, headers={"X-API-Key": "s3cret"})
    assert r.status_code == 422 and "id: String should match pattern" in r.json()["error"]
    r = writer.post(
        "/documents",
        params={"id": "\x1f"},
        content="正文".encode(),
        headers={"X-API-Key": "s3cret", "Content-Type": "text/plain"},
    )
    assert r.status_code == 422 and "id: String should match pattern" in r.json()["error"]


def test_unpaired_surrogates_in_a_document_are_a_clear_error(writer):
    body = b'{"id": "s1", "text": "\\u5de5\\ud800"}'
    r = writer.post("/documents", content=body, headers={"X-API-Key": "s3cret", "Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["error"].startswith('Expected JSON {"id", "text"')


def test_cached_answers_follow_writes_from_any_process(writer, falkordb_store):
    key = {"X-API-Key": "s3cret"}
    writer.post("/documents", json={"id": "a", "text": "工信部与科技部合作。"}, headers=key)
    first = writer.get("/entities", params={"q": "部"}).json()
    assert writer.get("/entities", params={"q": "部"}).json() == first  # served from the cache
    from tests.test_aliases import run

    falkordb_store.add([run("教育部发布通知。", doc_id="b")])  # a write the app did not see
    import time

    time.sleep(0.3)  # GENERATION_TTL_S
    assert {h["name"] for h in writer.get("/entities", params={"q": "部"}).json()["data"]} == {
        h["name"] for h in first["data"]
    } | {"教育部"}


def test_response_cache_keeps_the_newest_entries():
    from guanxi.api.cache import ResponseCache

    cache = ResponseCache(max_entries=2)
    cache.put("a", 1, b"A", "text/plain")
    cache.put("b", 1, b"B", "text/plain")
    assert cache.get("a", 1) == (b"A", "text/plain")
    cache.put("c", 1, b"C", "text/plain")
    assert cache.get("b", 1) is None and cache.get("a", 1) and cache.get("c", 1)
    assert cache.get("a", 2) is None


def test_a_started_app_keeps_its_start_up_objects_out_of_the_garbage_collector(falkordb_store):
    import gc

    gc.unfreeze()
    try:
        with TestClient(create_app(falkordb_store)):
            assert gc.get_freeze_count() > 1000  # modules, settings, the store
    finally:
        gc.unfreeze()


def test_hostile_parameters_are_answered_4xx_with_a_message(writer):
    doc = {"id": "news/2021/1", "text": "腾讯公司与华为公司签署合作协议。"}
    key = {"X-API-Key": "s3cret"}
    assert writer.post("/documents", json=doc, headers=key).status_code == 201
    assert writer.post("/documents", json=doc, headers={"X-API-Key": "密钥".encode()}).status_code == 401
    some = writer.get("/entities", params={"q": "腾讯"}).json()["data"][0]["id"]
    r = writer.get(f"/entities/{some}/neighborhood", params={"min_weight": "inf"})
    assert r.status_code == 422 and "finite" in r.json()["error"]
    r = writer.post("/cypher", json={"query": "RETURN 1 AS one", "params": {"a=1 RETURN 2 //": 1}})
    assert r.status_code == 400 and r.json()["error"].startswith("Bad parameter name")
    gone = writer.delete("/documents/news%2F2021%2F1", headers=key)
    assert gone.status_code == 200 and gone.json()["documents"] == 1


def test_user_cypher_waits_for_a_free_slot_then_is_told_to_retry(writer):
    slots = writer.app.state.cypher_slots
    writer.app.state.cypher_wait_s = 0.05
    taken = [slots.acquire(blocking=False) for _ in range(8)]
    try:
        r = writer.post("/cypher", json={"query": "RETURN 1 AS one"})
        assert r.status_code == 503 and r.headers["Retry-After"] == "2" and "Too many Cypher" in r.json()["error"]
    finally:
        for t in taken:
            if t:
                slots.release()
    assert writer.post("/cypher", json={"query": "RETURN 1 AS one"}).status_code == 200


def test_health_answers_without_waiting_for_a_busy_store(writer, monkeypatch):
    import time

    store = writer.app.state.store
    monkeypatch.setattr(store, "counts", lambda: time.sleep(1) or {"entities": 0})
    started = time.monotonic()
    body = writer.get("/health").json()
    assert body["ok"] and body["counts"] is None and time.monotonic() - started < 0.9


def test_the_cache_is_bounded_in_bytes():
    from guanxi.api.cache import ResponseCache

    cache = ResponseCache(max_bytes=250)
    for i in range(5):
        cache.put(f"/v{i}", 1, b"x" * 100, "text/html")
    assert list(cache.entries) == ["/v3", "/v4"] and cache.bytes == 200
    cache.put("/v4", 1, b"y" * 10, "text/html")  # replacing an entry counts its new size only
    assert cache.bytes == 110
    cache.put("/huge", 1, b"z" * 1000, "text/html")  # larger than the whole cache: not kept
    assert cache.get("/huge", 1) is None and cache.get("/v3", 1) is not None


def test_health_says_the_store_is_down_when_it_does_not_answer(writer, monkeypatch):
    import time

    store = writer.app.state.store
    monkeypatch.setattr(store, "ping", lambda: time.sleep(3) or True)
    started = time.monotonic()
    r = writer.get("/health")
    assert r.status_code == 503 and "does not answer" in r.json()["error"] and time.monotonic() - started < 2.5


def test_the_cache_middleware_never_reads_the_store_itself(writer, monkeypatch):
    from guanxi.api.cache import CachedReads

    writer.get("/entities", params={"q": "部"})  # cached now
    cache = writer.app.state.cache
    cache._generation = (cache._generation[0], 0.0)  # stale: it would have to be read again
    monkeypatch.setattr(writer.app.state.store, "generation", lambda: (_ for _ in ()).throw(AssertionError("read")))
    scope = {"app": writer.app, "path": "/entities", "query_string": b"q=%E9%83%A8", "headers": []}
    assert CachedReads.lookup(scope) is None


def test_a_view_links_its_downloads_at_the_public_address(falkordb_store, gold_graph):
    from guanxi.api.settings import Settings

    falkordb_store.load(gold_graph)
    with TestClient(create_app(falkordb_store, Settings(public_url="https://guanxi.example.org/"))) as c:
        html = c.get(f"/entities/{MOF}/view").text
    assert f'href="https://guanxi.example.org/entities/{MOF}/figure.svg' in html
