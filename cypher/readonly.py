"""Refuse user Cypher that writes, before it reaches a database."""
from __future__ import annotations

import re

from guanxi.graph.errors import QueryRefused

STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)
WRITE_CLAUSES = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\s+CSV|FOREACH|ALTER|GRANT|DENY|REVOKE|"
    r"START\s+DATABASE|STOP\s+DATABASE)\b", re.I)
WRITE_PROCEDURES = re.compile(r"\bCALL\s+(?:apoc\.(?:create|merge|refactor|periodic)|db\.(?:create|drop)|dbms\.)", re.I)


def check_read_only(query: str) -> None:
    """Raise ``QueryRefused`` naming the first write clause found outside strings and comments."""
    if not query or not query.strip():
        raise QueryRefused("The query is empty; send a read-only Cypher query such as MATCH (e:Entity) RETURN e LIMIT 5")
    bare = STRINGS_AND_COMMENTS.sub("''", query)
    m = WRITE_CLAUSES.search(bare) or WRITE_PROCEDURES.search(bare)
    if m:
        clause = " ".join(m.group(0).upper().split())
        raise QueryRefused(f"Read-only queries only: {clause} writes to the graph. "
                           f"Use `guanxi add`/`guanxi build` to change the graph.")
