"""Every layer agrees with graph/schema.py: the .cypher files, the rows, the API models, the views,
and the relations extraction produces."""

import re
from pathlib import Path

import pytest

from guanxi.cypher import queries
from guanxi.graph.schema import (
    BOOKKEEPING,
    DOCUMENT_FIELDS,
    EDGE_FIELDS,
    ENTITY_FIELDS,
    ENTITY_PUBLIC,
    ENTITY_TYPES,
    RELATION,
    RELATION_TYPES,
)

CYPHER = Path(queries.__file__).parent
PROPERTIES = {
    "Entity": set(ENTITY_FIELDS),
    "Document": set(DOCUMENT_FIELDS),
    "EDGE": set(EDGE_FIELDS),
    **{kind: set(names) for kind, names in BOOKKEEPING.items()},
}
NODE = re.compile(r"\((\w+):(\w+)")
TYPED_REL = re.compile(r"\[(\w+):(\{type\}|\w+)")
UNTYPED_REL = re.compile(r"\[(\w+)\]")
ACCESS = re.compile(r"\b([a-z]\w*)\.(\w+)\b")


def query_files():
    return sorted(CYPHER.glob("*.cypher"))


def code(path: Path) -> str:
    return "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")
    )


def variable_kinds(text: str) -> dict[str, str]:
    """Each pattern variable of a query and what it is: a label, EDGE (a schema relation type) or
    a bookkeeping relationship type."""
    kinds = {var: label for var, label in NODE.findall(text)}
    for var, rel in TYPED_REL.findall(text):
        kinds[var] = "EDGE" if rel == "{type}" or rel in RELATION_TYPES else rel
    for var in UNTYPED_REL.findall(text):
        kinds.setdefault(var, "EDGE")
    return kinds


@pytest.mark.parametrize("path", query_files(), ids=lambda p: p.name)
def test_every_property_a_query_reads_or_writes_is_in_the_schema(path):
    text = code(path)
    kinds = variable_kinds(text)
    unknown = [
        f"{var}.{prop} ({kinds[var]})"
        for var, prop in ACCESS.findall(text)
        if var in kinds and prop not in PROPERTIES[kinds[var]]
    ]
    assert not unknown, f"{path.name} uses properties the schema does not list: {unknown}"


def set_list(text: str, var: str) -> set[str]:
    return set(re.findall(rf"\b{var}\.(\w+) = row\.\1\b", text))


@pytest.mark.parametrize(
    "name, var, fields",
    [
        ("merge_entities", "e", ENTITY_FIELDS),
        ("merge_entity_stubs", "e", ENTITY_FIELDS),
        ("merge_relations", "r", EDGE_FIELDS),
        ("create_relations", "r", EDGE_FIELDS),
        ("merge_relations_by_node.falkordb", "r", EDGE_FIELDS),
        ("merge_documents", "d", DOCUMENT_FIELDS),
    ],
)
def test_every_write_sets_exactly_the_stored_properties(name, var, fields):
    written = set_list(code(CYPHER / f"{name}.cypher"), var)
    expected = set(fields) - ({"id"} if name != "create_relations" else set())
    assert written == expected, f"{name}: missing {expected - written}, not in the schema {written - expected}"


def test_the_entity_reads_return_the_public_fields():
    returned = re.findall(r"e\.(\w+) AS \1", code(CYPHER / "entities_by_id.cypher"))
    assert tuple(returned) == ENTITY_PUBLIC
    far = code(CYPHER / "expand_far.cypher")
    assert {f for f in ENTITY_PUBLIC if f not in ("id", "sentences")} == set(re.findall(r"AS node_(\w+)", far)) - {"id"}


@pytest.mark.parametrize("dialect", queries.DIALECTS)
def test_every_relation_type_gets_an_id_index(dialect):
    schema = queries.statements("schema", dialect)
    for rel in RELATION_TYPES:
        assert any(f"[r:{rel}]" in s and "(r.id)" in s for s in schema), (dialect, rel)


def test_rows_carry_the_schema_properties():
    from guanxi.cypher.rows import document_row, edge_row, node_row, stub_row

    node = {"id": "org-1", "name": "甲公司", "type": "ORG", "aliases": ["甲"], "mentions": 2}
    assert set(node_row(node)) == set(ENTITY_FIELDS) == set(stub_row("org-1", "ORG"))
    assert set(edge_row({"id": "rel-1", "documents": ["d"]}, "a", "b")) == set(EDGE_FIELDS) | {"head", "tail"}
    assert set(document_row({"id": "d"}, None)) == set(DOCUMENT_FIELDS)


def test_api_models_and_views_cover_the_schema():
    from guanxi.api.models import EdgePublic, EntityPublic
    from guanxi.viz.render import EDGE_COLOR, NODE_STYLE

    assert tuple(EntityPublic.model_fields) == ENTITY_PUBLIC
    assert {"id", "weight", "title", "evidence"} <= set(EdgePublic.model_fields)
    assert set(NODE_STYLE) == set(ENTITY_TYPES) and set(EDGE_COLOR) == set(RELATION_TYPES)


def test_extracted_relations_join_the_entity_types_the_schema_allows():
    from guanxi.graph.build import build_graph
    from guanxi.graph.pipeline import extract_documents
    from guanxi.graph.sources import read_sources

    docs, errors = read_sources([str(Path(__file__).parents[1] / "examples")])
    graph = build_graph(a for _, articles in extract_documents(docs) for a in articles)
    assert not errors and graph.number_of_edges() > 10
    for head, tail, e in graph.edges(data=True):
        rel = RELATION[e["type"]]
        assert graph.nodes[head]["type"] in rel.head and graph.nodes[tail]["type"] in rel.tail, (e["type"], e["id"])
