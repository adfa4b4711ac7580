"""Every Cypher text guanxi sends to Neo4j is parsed by Neo4j's own parser
(@neo4j-cypher/language-support, installed from npm by `make test`), so a syntax error fails the
suite even though no Neo4j server runs here."""

import json
import os
import shutil
import subprocess

import pytest

from guanxi.cypher import queries
from tests.conftest import ROOT

LINT = ROOT / "tests" / "cypher_lint"


def lint(texts: dict[str, str]) -> dict[str, list]:
    if not (LINT / "node_modules" / "@neo4j-cypher").exists() or not shutil.which("node"):
        if os.environ.get("CI"):
            pytest.fail("the Cypher parser is not installed: run `npm ci --prefix tests/cypher_lint` (make test does)")
        pytest.skip("the Cypher parser is not installed: npm ci --prefix tests/cypher_lint")
    done = subprocess.run(
        ["node", str(LINT / "lint.cjs")],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def test_every_neo4j_query_parses():
    texts = queries.all_texts("neo4j")
    assert {
        "search",
        "expand",
        "schema[0]",
        "merge_relations[HOLDS_ROLE]",
        "merge_entities[ORG]",
        "merge_entity_stubs[ORG]",
        "edge_evidence[union]",
    } <= set(texts)
    errors = {name: diags for name, diags in lint(texts).items() if diags}
    assert errors == {}


def test_the_parser_catches_a_syntax_error():
    result = lint({"broken": "MATCH (e:Entity RETURN e", "fine": "MATCH (e:Entity {id: $id}) RETURN e"})
    assert result["fine"] == []
    assert result["broken"] and result["broken"][0]["message"].startswith("Invalid input 'RETURN'")
