"""Fixtures: a real FalkorDB started on a free 127.0.0.1 port for the session, a fresh graph per
test, Neo4j when NEO4J_URI is set, and the shared data folder when it is present."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus" / "industry-digest-2021-11.txt"
GOLD = SHARED / "gold" / "dev.jsonl"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not CORPUS.exists() or not GOLD.exists():
        pytest.skip("../shared (corpus and gold) is not next to the repository")
    return SHARED


@pytest.fixture(scope="session")
def gold_articles(shared) -> list[dict]:
    """The dev-gold articles as score.py builds them: id = first line, text = the corpus lines."""
    lines = CORPUS.read_text(encoding="utf-8").split("\n")
    rows = [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [
        {"id": str(r["first_line"]), "text": "\n".join(lines[r["first_line"] - 1 : r["last_line"]]), "gold": r}
        for r in rows
    ]


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory):
    from guanxi.cypher.embedded import EmbeddedServer

    server = EmbeddedServer(tmp_path_factory.mktemp("falkordb"))
    port = server.start()
    yield port
    server.stop()


@pytest.fixture
def falkordb_store(falkordb_server):
    from guanxi.cypher.falkordb_store import FalkorDBStore

    store = FalkorDBStore("127.0.0.1", falkordb_server, graph=f"test_{uuid.uuid4().hex[:8]}")
    yield store
    try:
        store.graph.delete()
    except Exception:
        pass  # a test that loaded nothing leaves no graph to delete
    store.close()


@pytest.fixture
def neo4j_store():
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        pytest.skip("NEO4J_URI not set: no Neo4j server to test against")
    from guanxi.cypher.neo4j_store import Neo4jStore

    store = Neo4jStore(
        uri,
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE") or None,
    )
    store.clear()
    yield store
    store.clear()
    store.close()


@pytest.fixture(params=["falkordb", "neo4j"])
def store(request):
    """Each store test runs once per store; the Neo4j run skips without NEO4J_URI."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture(scope="session")
def example_articles():
    """The examples/ corpus, processed by the full pipeline (loads the NER model once)."""
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, errors = read_sources([str(EXAMPLES)])
    assert not errors
    return [a for _, arts in extract_documents(docs) for a in arts]


@pytest.fixture(scope="session")
def example_graph(example_articles):
    from guanxi.graph.build import build_graph

    return build_graph(example_articles)
