"""The folders keep their jobs: graph/ turns text into a graph and imports no store or web code."""

import re

from tests.conftest import ROOT

FORBIDDEN = re.compile(
    r"^\s*(?:from|import)\s+(guanxi\.cypher|guanxi\.api|guanxi\.viz|fastapi|falkordb|neo4j|uvicorn)\b", re.M
)


def test_graph_imports_no_store_or_web_code():
    offenders = {p.name: FORBIDDEN.findall(p.read_text(encoding="utf-8")) for p in (ROOT / "graph").glob("*.py")}
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_viz_imports_no_store_or_web_framework():
    for p in (ROOT / "viz").glob("*.py"):
        assert not re.search(
            r"^\s*(?:from|import)\s+(guanxi\.cypher|guanxi\.api|fastapi)\b", p.read_text(encoding="utf-8"), re.M
        )
