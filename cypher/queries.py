"""The ``.cypher`` files of this folder: one text per query, a per-store variant only where dialects differ."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from graph.records import ENTITY_TYPES, RELATION_TYPES

HERE = Path(__file__).parent
DIALECTS = ("falkordb", "neo4j")


@lru_cache(maxsize=None)
def query_text(name: str, dialect: str) -> str:
    """``name.<dialect>.cypher`` if it exists, else ``name.cypher``; // comments removed."""
    for path in (HERE / f"{name}.{dialect}.cypher", HERE / f"{name}.cypher"):
        if path.exists():
            lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("//")]
            return "\n".join(lines).strip()
    raise FileNotFoundError(f"no query {name!r} for {dialect} in {HERE}")


def statements(name: str, dialect: str) -> list[str]:
    """The ;-separated statements of a file such as the schema."""
    return [s.strip() for s in query_text(name, dialect).split(";") if s.strip()]


def merge_entities(label: str, dialect: str) -> str:
    if label not in ENTITY_TYPES:
        raise ValueError(f"not an entity type: {label!r}")
    return query_text("merge_entities", dialect).replace("{label}", label)


def merge_relations(rel_type: str, dialect: str) -> str:
    if rel_type not in RELATION_TYPES:
        raise ValueError(f"not a relation type: {rel_type!r}")
    return query_text("merge_relations", dialect).replace("{type}", rel_type)


def all_texts(dialect: str) -> dict[str, str]:
    """Every concrete query this dialect may be sent, by a readable name (for the parser check)."""
    out = {}
    for path in sorted(HERE.glob("*.cypher")):
        parts = path.name.split(".")
        name = parts[0]
        if len(parts) == 3 and parts[1] != dialect:
            continue
        if name == "merge_entities":
            out.update({f"merge_entities[{t}]": merge_entities(t, dialect) for t in ENTITY_TYPES})
        elif name == "merge_relations":
            out.update({f"merge_relations[{t}]": merge_relations(t, dialect) for t in RELATION_TYPES})
        elif name == "schema":
            out.update({f"schema[{i}]": s for i, s in enumerate(statements("schema", dialect))})
        else:
            out[name] = query_text(name, dialect)
    return out
