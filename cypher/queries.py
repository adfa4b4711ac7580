"""The ``.cypher`` files of this folder: one text per query, a per-store variant only where dialects differ.

A text may hold ``{label}`` (an entity type) or ``{type}`` (a relation type): labels and types
cannot be query parameters, so they are filled in here, from the schema's whitelist only.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from guanxi.graph.schema import ENTITY_TYPES, RELATION_TYPES

HERE = Path(__file__).parent
DIALECTS = ("falkordb", "neo4j")
UNIONS = ("edge_evidence",)  # sent as the UNION ALL of several relation types
SLOTS = {"label": ENTITY_TYPES, "type": RELATION_TYPES}


@cache
def _file_text(name: str, dialect: str) -> str:
    for path in (HERE / f"{name}.{dialect}.cypher", HERE / f"{name}.cypher"):
        if path.exists():
            lines = [
                line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("//")
            ]
            return "\n".join(lines).strip()
    raise FileNotFoundError(f"no query {name!r} for {dialect} in {HERE}")


def query_text(name: str, dialect: str, **slots: str) -> str:
    """``name.<dialect>.cypher`` if it exists, else ``name.cypher``, with whitelisted slots filled."""
    text = _file_text(name, dialect)
    for slot, value in slots.items():
        if value not in SLOTS[slot]:
            raise ValueError(f"not a {'entity' if slot == 'label' else 'relation'} type: {value!r}")
        text = text.replace("{" + slot + "}", value)
    return text


def union_text(name: str, dialect: str, types) -> str:
    """One query of the ``{type}`` parts of ``name`` for each of ``types``, joined by UNION ALL."""
    return "\nUNION ALL\n".join(query_text(name, dialect, type=t) for t in types)


def statements(name: str, dialect: str) -> list[str]:
    """The ;-separated statements of a file such as the schema; one holding ``{type}`` is repeated
    for every relation type."""
    out = []
    for statement in (s.strip() for s in _file_text(name, dialect).split(";")):
        if "{type}" in statement:
            out += [statement.replace("{type}", t) for t in RELATION_TYPES]
        elif statement:
            out.append(statement)
    return out


def all_texts(dialect: str) -> dict[str, str]:
    """Every concrete query this dialect may be sent, by a readable name (for the parser check)."""
    out = {}
    for path in sorted(HERE.glob("*.cypher")):
        parts = path.name.split(".")
        name = parts[0]
        if len(parts) == 3 and parts[1] != dialect:
            continue
        raw = _file_text(name, dialect)
        if name == "schema":
            out.update({f"schema[{i}]": s for i, s in enumerate(statements("schema", dialect))})
            continue
        filled = False
        for slot, values in SLOTS.items():
            if "{" + slot + "}" in raw:
                out.update({f"{name}[{v}]": query_text(name, dialect, **{slot: v}) for v in values})
                filled = True
        if not filled:
            out[name] = raw
        if name in UNIONS:
            out[f"{name}[union]"] = union_text(name, dialect, RELATION_TYPES)
    return out
